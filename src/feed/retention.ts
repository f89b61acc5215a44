import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { enqueueJob, type Clock } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';
import type { Logger } from '../log.ts';

// The change feed is kept for a bounded time (--change-feed-retention): the jobs worker prunes
// numbered changes older than that, oldest sequence numbers first, so what is kept is always
// everything after one sequence number (the floor, in connector_state). A reader asking for the
// changes after a sequence number below the floor would get a gap; it is told so instead
// (FeedTruncatedError) and re-reads the current state.

/** The pruning job's kind; one runs per hour slot, whichever replica's worker takes it. */
export const FEED_PRUNE_JOB = 'feed.prune';
const FLOOR_KEY = 'feed_pruned_through';
const PRUNE_EVERY_MS = 3_600_000;
/** Rows deleted per transaction. */
const CHUNK = 20_000;

/** Changes after `after` were pruned: the reader must start again from the current state. */
export class FeedTruncatedError extends Error {
  constructor(
    readonly after: number,
    readonly prunedThrough: number,
  ) {
    super(`changes through sequence number ${prunedThrough} are no longer kept (the change feed's retention); ${after} is older`);
    this.name = 'FeedTruncatedError';
  }
}

/** The highest sequence number pruned (0 when nothing was): changes after it are all kept. */
export async function feedFloor(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('connector_state').select('value').where('key', '=', FLOOR_KEY).executeTakeFirst();
  return Number(row?.value ?? 0) || 0;
}

/** Throws FeedTruncatedError when changes right after `after` may have been pruned. */
export async function assertFeedKept(db: Kysely<DB>, after: number): Promise<void> {
  const floor = await feedFloor(db);
  if (after < floor) throw new FeedTruncatedError(after, floor);
}

/**
 * Deletes the numbered changes that occurred more than `retentionMs` ago (and any numbered
 * before them), raising the floor first in the same transaction, so a reader never sees the gap
 * without the floor that explains it. Answers how many rows went and the floor.
 */
export async function pruneAccessChanges(db: Kysely<DB>, options: { retentionMs: number; now?: Date }): Promise<{ deleted: number; prunedThrough: number }> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionMs);
  const row = await db
    .selectFrom('access_changes')
    .select((eb) => eb.fn.max('seq').as('through'))
    .where('seq', 'is not', null)
    .where('occurred_at', '<', cutoff)
    .executeTakeFirst();
  const through = Number(row?.through ?? 0);
  if (through === 0) return { deleted: 0, prunedThrough: await feedFloor(db) };
  let deleted = 0;
  for (let first = true; ; first = false) {
    const n = await db.transaction().execute(async (trx) => {
      if (first) {
        await sql`insert into connector_state (key, value, updated_at) values (${FLOOR_KEY}, to_jsonb(${through}::bigint), now())
          on conflict (key) do update set value = to_jsonb(greatest(coalesce((connector_state.value #>> '{}')::bigint, 0), ${through}::bigint)), updated_at = now()`.execute(trx);
      }
      const result = await sql`delete from access_changes where id in (select id from access_changes where seq is not null and seq <= ${through} order by seq limit ${CHUNK})`.execute(trx);
      return Number(result.numAffectedRows ?? 0);
    });
    deleted += n;
    if (n < CHUNK) break;
  }
  return { deleted, prunedThrough: await feedFloor(db) };
}

/** The hour slot a pruning job belongs to (its dedupe key: one job per slot across replicas). */
function slotOf(at: Date): { key: string; runAt: Date } {
  const slot = Math.floor(at.getTime() / PRUNE_EVERY_MS);
  return { key: `${FEED_PRUNE_JOB}:${slot}`, runAt: new Date(slot * PRUNE_EVERY_MS) };
}

/** Queues this hour's pruning job (once, whichever replicas ask). */
export async function schedulePruning(db: Kysely<DB>, now: Date = new Date()): Promise<void> {
  const { key, runAt } = slotOf(now);
  await enqueueJob(db, { kind: FEED_PRUNE_JOB, runAt, dedupeKey: key });
}

/** The jobs worker's handler: prunes, then queues the next hour's run. */
export function feedRetentionHandlers(options: { db: Kysely<DB>; retentionMs: number; logger?: Logger; now?: Clock }): Record<string, JobHandler> {
  return {
    [FEED_PRUNE_JOB]: async () => {
      const now = options.now?.() ?? new Date();
      const { deleted, prunedThrough } = await pruneAccessChanges(options.db, { retentionMs: options.retentionMs, now });
      if (deleted > 0) options.logger?.info({ deleted, prunedThrough }, 'pruned the change feed');
      await schedulePruning(options.db, new Date(now.getTime() + PRUNE_EVERY_MS));
    },
  };
}
