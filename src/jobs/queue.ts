import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, JobsTable } from '../db/schema.ts';

export type Job = Selectable<JobsTable>;

/** The current time; services take one so tests can move time instead of sleeping. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export interface EnqueueOptions {
  kind: string;
  payload?: Record<string, unknown>;
  /** When the job becomes due; now when omitted. */
  runAt?: Date;
  /**
   * At most one job with this key ever exists: enqueueing it again does nothing. Expiry and
   * notification jobs use it so that a retried transaction or a second replica never doubles them.
   */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a durable job. Pass the transaction that makes the change the job follows from, so the
 * job exists exactly when the change does. Returns the job id, or undefined when a job with the
 * same dedupe key already exists.
 */
export async function enqueueJob(db: Kysely<DB> | Transaction<DB>, options: EnqueueOptions): Promise<number | undefined> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: options.kind,
      payload: JSON.stringify(options.payload ?? {}),
      ...(options.runAt ? { run_at: options.runAt } : {}),
      dedupe_key: options.dedupeKey ?? null,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface ClaimOptions {
  workerId: string;
  now: Date;
  /** How long a claim holds before another worker may take the job over (its holder presumed dead). */
  leaseMs: number;
  limit: number;
  /** Only these kinds (the worker's handlers). */
  kinds: readonly string[];
  /** Only this job (run a job right after enqueueing it, unless a worker already has it). */
  jobId?: number;
}

/**
 * Claims due jobs: PENDING ones whose time has come, and RUNNING ones whose lease ran out.
 * `FOR UPDATE SKIP LOCKED` lets every replica claim at once without waiting on each other or
 * taking the same job; the transaction only marks the rows RUNNING and ends, so nothing holds a
 * lock (or PGlite's single connection) while a job talks to Slack.
 */
export async function claimJobs(db: Kysely<DB>, options: ClaimOptions): Promise<Job[]> {
  if (options.kinds.length === 0) return [];
  return db.transaction().execute(async (tx) => {
    let due = tx
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', options.kinds)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'PENDING'), eb('run_at', '<=', options.now)]),
          eb.and([eb('state', '=', 'RUNNING'), eb('locked_until', '<', options.now)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(options.limit)
      .forUpdate()
      .skipLocked();
    if (options.jobId !== undefined) due = due.where('id', '=', options.jobId);
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return tx
      .updateTable('jobs')
      .set((eb) => ({
        state: 'RUNNING',
        locked_by: options.workerId,
        locked_until: new Date(options.now.getTime() + options.leaseMs),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', sql<number>`any(${ids}::bigint[])`)
      .returningAll()
      .execute();
  });
}

/** Marks a claimed job done; false when the claim was lost (the lease ran out and another worker took it). */
export async function completeJob(db: Kysely<DB>, job: Job, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'DONE', finished_at: now, locked_until: null, last_error: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'RUNNING')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Exponential backoff between attempts: 5 s, 10 s, 20 s, … at most 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/** Records a failed attempt: due again after a backoff, or FAILED for good after its last attempt. */
export async function failJob(db: Kysely<DB>, job: Job, error: string, now: Date, options: { retryAt?: Date } = {}): Promise<'RETRY' | 'FAILED'> {
  const final = job.attempts >= job.max_attempts;
  await db
    .updateTable('jobs')
    .set({
      state: final ? 'FAILED' : 'PENDING',
      run_at: final ? job.run_at : (options.retryAt ?? new Date(now.getTime() + retryDelayMs(job.attempts))),
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
      finished_at: final ? now : null,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .execute();
  return final ? 'FAILED' : 'RETRY';
}

/** Makes a job due again later (not a failure: the thing it waits for has not happened yet). */
export async function postponeJob(db: Kysely<DB>, job: Job, runAt: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({ state: 'PENDING', run_at: runAt, locked_by: null, locked_until: null, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .execute();
}
