import { sql, type Kysely, type Transaction } from 'kysely';
import type { ChangeSource, DB } from '../db/schema.ts';

// Who is changing grants and accounts, told to the change feed's triggers for the rest of the
// transaction (transaction-local settings; unset, the source is SLACKGATE). Call inside the
// transaction that makes the change: outside one, the setting ends with the statement.

export interface ChangeOrigin {
  source: ChangeSource;
  /** The sync run making the change. */
  runId?: number | null;
  /** The Slack event being applied. */
  eventId?: string | null;
}

export async function markChangeSource(trx: Kysely<DB> | Transaction<DB>, origin: ChangeOrigin): Promise<void> {
  await sql`select set_config('slackgate.change_source', ${origin.source}, true),
    set_config('slackgate.change_run', ${origin.runId == null ? '' : String(origin.runId)}, true),
    set_config('slackgate.change_event', ${origin.eventId ?? ''}, true)`.execute(trx);
}

/** Back to the default (SLACKGATE) for the rest of the transaction. */
export async function clearChangeSource(trx: Kysely<DB> | Transaction<DB>): Promise<void> {
  await markChangeSource(trx, { source: 'SLACKGATE' });
}

/**
 * No feed rows for the rest of the transaction: a first sync's baseline load, which has no
 * previous state to differ from (as its sync_changes hold only sums).
 */
export async function skipChangeFeed(trx: Transaction<DB>): Promise<void> {
  await sql`select set_config('slackgate.change_feed', 'off', true)`.execute(trx);
}

/** Runs `fn` with `origin` as the feed's source, then restores what was set before. */
export async function withChangeOrigin<T>(trx: Kysely<DB> | Transaction<DB>, origin: ChangeOrigin, fn: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ source: string | null; run: string | null; event: string | null }>`select current_setting('slackgate.change_source', true) as source,
    current_setting('slackgate.change_run', true) as run, current_setting('slackgate.change_event', true) as event`.execute(trx);
  const before = rows[0];
  await markChangeSource(trx, origin);
  try {
    return await fn();
  } finally {
    const source = (before?.source || 'SLACKGATE') as ChangeSource;
    await markChangeSource(trx, { source, runId: before?.run ? Number(before.run) : null, eventId: before?.event || null });
  }
}
