import { sql, type Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { DB, SlackEventsTable } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { applyEvent, applyMembershipBatch, LIVE_EVENT_TYPES, type EventOutcome, type QueuedEvent } from './apply.ts';

// The live cache's queue: Slack events are written to slack_events as they arrive, and only
// then acknowledged (the transport waits for accept(); the primary key on event_id deduplicates redeliveries, also across replicas
// and restarts), then applied in batches, oldest event first. A batch is one transaction: its
// events' changes, their feed rows and their outcomes commit together, so a restart between ack
// and apply loses nothing and applies nothing twice. Replicas share the queue (FOR UPDATE SKIP
// LOCKED); a batch that fails is retried one event per transaction, so one bad event cannot hold
// up the rest.

const APPLIES = new Set<string>(LIVE_EVENT_TYPES);
/** Events per transaction. */
const BATCH = 500;
/** Attempts before an event is set aside as FAILED. */
const MAX_ATTEMPTS = 5;
/**
 * While deliveries keep arriving (a burst), the next batch waits this long after a small one,
 * so the burst is applied in fewer, larger transactions; a lone event (Slack's usual pace) is
 * applied at once.
 */
const GATHER_MS = 20;
/** Queue writes in flight at once: a delivery waits for one commit, not for a queue of them. */
const WRITERS = 2;

export type AcceptOutcome = 'queued' | 'duplicate' | 'ignored';

export interface LiveCacheObserver {
  received?(type: string, outcome: AcceptOutcome): void;
  applied?(type: string, outcome: EventOutcome | 'FAILED', lagSeconds: number): void;
}

export interface LiveCacheOptions {
  db: Kysely<DB>;
  logger?: Logger;
  observer?: LiveCacheObserver;
  /** Safety-net poll of the queue (events another replica accepted; a wake-up lost). */
  pollMs?: number;
}

export interface LiveCacheState {
  started: boolean;
  pending: number;
  lastReceivedAt: Date | null;
  lastAppliedAt: Date | null;
}

type NewQueuedEvent = Insertable<SlackEventsTable>;

/** An `event_callback` body as Slack sends it (the fields the queue needs). */
interface EventBody {
  type?: unknown;
  event_id?: unknown;
  team_id?: unknown;
  enterprise_id?: unknown;
  event_time?: unknown;
  event?: { type?: unknown; event_ts?: unknown } & Record<string, unknown>;
}

export class LiveCache {
  readonly #db: Kysely<DB>;
  readonly #options: LiveCacheOptions;
  #draining: Promise<number> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  #lastReceivedAt: Date | null = null;
  #lastAppliedAt: Date | null = null;
  readonly #waiting: { row: NewQueuedEvent; resolve: (fresh: boolean) => void; reject: (error: unknown) => void }[] = [];
  #writers = 0;

  constructor(options: LiveCacheOptions) {
    this.#db = options.db;
    this.#options = options;
  }

  /**
   * Queues one delivery durably; resolves once it is stored (acknowledge Slack then). Answers
   * `duplicate` for an event_id already received, `ignored` for events the cache does not follow.
   */
  async accept(body: EventBody): Promise<AcceptOutcome> {
    const type = typeof body.event?.type === 'string' ? body.event.type : '';
    const eventId = typeof body.event_id === 'string' ? body.event_id : '';
    if (body.type !== 'event_callback' || !eventId || !APPLIES.has(type)) {
      this.#options.observer?.received?.(type || 'unknown', 'ignored');
      return 'ignored';
    }
    const ts = typeof body.event?.event_ts === 'string' && /^\d+(\.\d+)?$/.test(body.event.event_ts) ? body.event.event_ts : String(Number(body.event_time) || Date.now() / 1000);
    const queued = await this.#store({
      event_id: eventId,
      team_id: typeof body.team_id === 'string' ? body.team_id : null,
      enterprise_id: typeof body.enterprise_id === 'string' ? body.enterprise_id : null,
      type,
      event_ts: ts,
      payload: JSON.stringify(body.event),
    });
    const outcome: AcceptOutcome = queued ? 'queued' : 'duplicate';
    this.#lastReceivedAt = new Date();
    this.#options.observer?.received?.(type, outcome);
    if (queued && !this.#stopped) void this.drain();
    return outcome;
  }

  /**
   * Stores one event; deliveries arriving while a write is in flight are written together in
   * the next one (one statement and one commit for all of them). Resolves once the row is
   * durable: true when it is new, false for an event_id already stored.
   */
  #store(row: NewQueuedEvent): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.#waiting.push({ row, resolve, reject });
      if (this.#writers < WRITERS) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#writers += 1;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, 1000);
        // One row per event_id in a statement (a duplicate within the batch is a duplicate).
        const unique = new Map<string, NewQueuedEvent>();
        for (const w of batch) if (!unique.has(w.row.event_id)) unique.set(w.row.event_id, w.row);
        try {
          const rows = await this.#db
            .insertInto('slack_events')
            .values([...unique.values()])
            .onConflict((oc) => oc.column('event_id').doNothing())
            .returning('event_id')
            .execute();
          const inserted = new Set(rows.map((r) => r.event_id));
          for (const w of batch) {
            const fresh = inserted.delete(w.row.event_id);
            w.resolve(fresh);
          }
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.#writers -= 1;
    }
  }

  /** Applies every pending event (and those arriving meanwhile); resolves with how many. */
  drain(): Promise<number> {
    if (this.#draining) {
      this.#again = true;
      return this.#draining;
    }
    this.#draining = (async () => {
      let total = 0;
      try {
        do {
          this.#again = false;
          let n: number;
          for (;;) {
            n = await this.#applyBatch();
            total += n;
            if (n < BATCH) break;
          }
          // More arrived meanwhile: a burst. Let it gather into the next batch.
          if (this.#again && n < BATCH / 10) await new Promise((r) => setTimeout(r, GATHER_MS));
        } while (this.#again);
      } catch (error) {
        this.#options.logger?.warn({ err: (error as Error).message }, 'applying Slack events failed; retrying shortly');
      } finally {
        this.#draining = undefined;
      }
      return total;
    })();
    return this.#draining;
  }

  async #applyBatch(): Promise<number> {
    let floorTs = 0;
    const done: { type: string; outcome: EventOutcome | 'FAILED'; ts: number }[] = [];
    let failed: QueuedEvent[] = [];
    const count = await this.#db.transaction().execute(async (trx) => {
      // The batch, and (in the same statement) the start of the last successful full sync:
      // events older than it are already reflected.
      const { rows } = await sql<QueuedEvent & { attempts: number; floor: Date | string | null }>`select event_id, type, event_ts, team_id, enterprise_id, payload, attempts,
          (select max(started_at) from sync_runs where status = 'SUCCEEDED' and trigger <> 'TARGETED') as floor
        from slack_events where applied_at is null order by event_ts, event_id limit ${BATCH} for update skip locked`.execute(trx);
      if (rows.length === 0) return 0;
      const floor = rows[0]?.floor;
      floorTs = floor ? new Date(floor).getTime() / 1000 : 0;
      try {
        await sql`savepoint batch`.execute(trx);
        const outcomes: { id: string; outcome: EventOutcome }[] = [];
        // Membership deltas (most of any burst) together; every other event on its own.
        const bulk = await applyMembershipBatch(trx, rows, { floorTs });
        for (const event of rows) {
          const outcome = bulk.get(event.event_id) ?? (await applyEvent(trx, event, { floorTs }));
          outcomes.push({ id: event.event_id, outcome });
          done.push({ type: event.type, outcome, ts: Number(event.event_ts) });
        }
        await sql`update slack_events s set applied_at = now(), outcome = o.outcome, attempts = s.attempts + 1, error = null
          from (select unnest(${outcomes.map((o) => o.id)}::text[]) as id, unnest(${outcomes.map((o) => o.outcome)}::text[]) as outcome) o
          where s.event_id = o.id`.execute(trx);
        await sql`release savepoint batch`.execute(trx);
      } catch (error) {
        // One of them failed: the others are applied one per transaction below.
        await sql`rollback to savepoint batch`.execute(trx);
        done.length = 0;
        failed = rows;
        this.#options.logger?.debug({ err: (error as Error).message }, 'a batch of Slack events failed; applying them one by one');
      }
      return rows.length;
    });
    for (const event of failed) done.push(await this.#applyAlone(event, floorTs));
    const now = Date.now() / 1000;
    for (const d of done) this.#options.observer?.applied?.(d.type, d.outcome, Math.max(0, now - d.ts));
    if (done.length > 0) this.#lastAppliedAt = new Date();
    return count;
  }

  async #applyAlone(event: QueuedEvent, floorTs: number): Promise<{ type: string; outcome: EventOutcome | 'FAILED'; ts: number }> {
    try {
      const outcome = await this.#db.transaction().execute(async (trx) => {
        const locked = await sql<{ event_id: string }>`select event_id from slack_events where event_id = ${event.event_id} and applied_at is null for update skip locked`.execute(trx);
        if (locked.rows.length === 0) return undefined;
        const outcome = await applyEvent(trx, event, { floorTs });
        await sql`update slack_events set applied_at = now(), outcome = ${outcome}, attempts = attempts + 1, error = null where event_id = ${event.event_id}`.execute(trx);
        return outcome;
      });
      return { type: event.type, outcome: outcome ?? 'STALE', ts: Number(event.event_ts) };
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      await sql`update slack_events set attempts = attempts + 1, error = ${message},
          applied_at = case when attempts + 1 >= ${MAX_ATTEMPTS} then now() end, outcome = case when attempts + 1 >= ${MAX_ATTEMPTS} then 'FAILED' end
        where event_id = ${event.event_id}`.execute(this.#db);
      this.#options.logger?.warn({ eventId: event.event_id, type: event.type, err: message }, 'a Slack event could not be applied');
      return { type: event.type, outcome: 'FAILED', ts: Number(event.event_ts) };
    }
  }

  /** Starts applying: now (events a stopped process left queued), on each accept, and by poll. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#timer = setInterval(() => void this.drain(), this.#options.pollMs ?? 2000);
    this.#timer.unref();
    void this.drain();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#draining;
  }

  async state(): Promise<LiveCacheState> {
    return { started: !this.#stopped, pending: await pendingEvents(this.#db), lastReceivedAt: this.#lastReceivedAt, lastAppliedAt: this.#lastAppliedAt };
  }
}

/** Slack events received and not yet applied, by every replica (the queue is shared). */
export async function pendingEvents(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('slack_events').select((eb) => eb.fn.countAll<number>().as('n')).where('applied_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}
