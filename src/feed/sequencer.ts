import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { EVENTS_CHANNEL, forgetOnAnnouncement, type EventBus } from '../events/bus.ts';
import { coalescedRun } from '../events/coalescedRun.ts';
import type { Logger } from '../log.ts';

// Numbers the change feed's committed rows. One sequencer at a time across replicas (an
// advisory lock held by its short transaction): it reads the head, numbers every committed row
// still without a number after it, in the order of their ids, and announces the new head on
// commit. A row that commits later gets a later number, so seq order is the order in which
// changes became visible and a follower that has seen N has seen everything before N.

/** Advisory lock key of the sequencer ('sgfeed' as hex digits). */
const SEQUENCER_LOCK = 0x736766656564;
/** Rows numbered per transaction: a sync's large diff is numbered in several short ones. */
const BATCH = 20_000;

export interface SequenceResult {
  numbered: number;
  head: number;
}

/** Numbers what is pending; returns how many rows got numbers and the head afterwards. */
export async function sequenceChanges(db: Kysely<DB>): Promise<SequenceResult> {
  let numbered = 0;
  let head = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`.execute(trx);
      const { rows } = await sql<{ head: number | string; n: number | string }>`
        with base as (select coalesce(max(seq), 0) as head from access_changes),
        pending as (select id, row_number() over (order by id) as rn from access_changes where seq is null order by id limit ${BATCH}),
        numbered as (update access_changes c set seq = base.head + pending.rn from pending, base where c.id = pending.id returning c.seq)
        select coalesce((select max(seq) from numbered), (select head from base)) as head, (select count(*) from numbered) as n`.execute(trx);
      const result = { head: Number(rows[0]?.head ?? 0), n: Number(rows[0]?.n ?? 0) };
      if (result.n > 0) await sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ t: 'accessFeed', p: { head: result.head } })})`.execute(trx);
      return result;
    });
    numbered += batch.n;
    head = batch.head;
    if (batch.n < BATCH) return { numbered, head };
  }
}

/** The highest sequence number assigned so far (0 when none). */
export async function feedHead(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('access_changes').select((eb) => eb.fn.max('seq').as('head')).executeTakeFirst();
  return Number(row?.head ?? 0);
}

export interface Sequencer {
  /** Numbers pending rows now (and again if more arrive meanwhile); resolves when done. */
  run(): Promise<void>;
  stop(): void;
}

/**
 * Runs the sequencer whenever a transaction that wrote feed rows commits (the triggers' notice),
 * when the event bus reconnects, at start, and every `intervalMs` as a safety net (a replica
 * that died holding the lock, a notice missed).
 */
export function startSequencer(options: { db: Kysely<DB>; bus: EventBus; logger?: Logger; intervalMs?: number }): Sequencer {
  const { run, stop } = coalescedRun(
    () => sequenceChanges(options.db),
    (error) => options.logger?.warn({ err: error.message }, 'numbering the change feed failed; retrying shortly'),
  );
  const stopListening = forgetOnAnnouncement(options.bus, 'accessChangesPending', () => void run());
  const timer = setInterval(() => void run(), options.intervalMs ?? 5000);
  timer.unref();
  void run();
  return {
    run,
    stop() {
      void stop();
      clearInterval(timer);
      stopListening();
    },
  };
}
