import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { claimJobs, completeJob, failJob, postponeJob, systemClock, type Clock, type Job } from './queue.ts';

/** What a handler tells the worker besides success: try again later, or at a given time. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly at?: Date,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** The job is not due yet after all (its time moved): run it again at `at`, not counted as an attempt. */
export class NotYet extends Error {
  constructor(readonly at: Date) {
    super(`not due before ${at.toISOString()}`);
    this.name = 'NotYet';
  }
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobWorkerOptions {
  db: Kysely<DB>;
  handlers: Record<string, JobHandler>;
  logger?: Logger;
  now?: Clock;
  /** How often to look for due jobs when idle. */
  pollMs?: number;
  /** How long a claimed job is ours before another worker presumes us dead and takes it over. */
  leaseMs?: number;
  /** Jobs claimed per round. */
  batchSize?: number;
  workerId?: string;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
}

/**
 * Runs durable jobs (expiry revokes, provisioning of approved requests, Slack notifications)
 * from the `jobs` table. Any number of workers, in any number of processes, may run against one
 * database: each job is claimed by one of them, and a job whose worker died is taken over when
 * its lease runs out.
 */
export class JobWorker {
  readonly workerId: string;
  readonly #db: Kysely<DB>;
  readonly #handlers: Record<string, JobHandler>;
  readonly #logger?: Logger;
  readonly #now: Clock;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  #timer?: NodeJS.Timeout;
  #running?: Promise<unknown>;
  #stopped = true;
  #wakeRequested = false;

  constructor(options: JobWorkerOptions) {
    this.#db = options.db;
    this.#handlers = options.handlers;
    this.#logger = options.logger;
    this.#now = options.now ?? systemClock;
    this.#pollMs = options.pollMs ?? 1000;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#batchSize = options.batchSize ?? 20;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Polls for due jobs until stop(). */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Looks for due jobs now rather than at the next poll (after enqueueing one that is due). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#wakeRequested = true;
      return;
    }
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  #schedule(delayMs: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#running = this.runDue()
        .catch((error: Error) => this.#logger?.warn({ err: error.message }, 'job worker round failed; retrying at the next poll'))
        .finally(() => {
          this.#running = undefined;
          const again = this.#wakeRequested;
          this.#wakeRequested = false;
          if (!this.#stopped) this.#schedule(again ? 0 : this.#pollMs);
        });
    }, delayMs);
    this.#timer.unref?.();
  }

  /** Runs every job due now, round after round, until none is left. */
  async runDue(): Promise<RunSummary> {
    const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
    for (;;) {
      const jobs = await claimJobs(this.#db, {
        workerId: this.workerId,
        now: this.#now(),
        leaseMs: this.#leaseMs,
        limit: this.#batchSize,
        kinds: Object.keys(this.#handlers),
      });
      if (jobs.length === 0) return summary;
      for (const job of jobs) this.#add(summary, await this.#run(job));
    }
  }

  /** Runs one job now if it is due and no worker has it; the answer says what happened. */
  async runJob(jobId: number): Promise<keyof RunSummary | 'NOT_CLAIMED'> {
    const [job] = await claimJobs(this.#db, { workerId: this.workerId, now: this.#now(), leaseMs: this.#leaseMs, limit: 1, kinds: Object.keys(this.#handlers), jobId });
    if (!job) return 'NOT_CLAIMED';
    return this.#run(job);
  }

  #add(summary: RunSummary, outcome: keyof RunSummary): void {
    summary[outcome] += 1;
  }

  async #run(job: Job): Promise<keyof RunSummary> {
    const handler = this.#handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
      await handler(job);
      await completeJob(this.#db, job, this.#now());
      return 'done';
    } catch (error) {
      if (error instanceof NotYet) {
        await postponeJob(this.#db, job, error.at);
        return 'done';
      }
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await failJob(this.#db, job, message, this.#now(), { retryAt: error instanceof RetryLater ? error.at : undefined });
      this.#logger?.[outcome === 'FAILED' ? 'error' : 'warn']({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message }, outcome === 'FAILED' ? 'job failed for good' : 'job failed; will retry');
      return outcome === 'FAILED' ? 'failed' : 'retried';
    }
  }
}
