import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../jobs/queue.ts';
import { JobWorker, type JobHandler } from '../../jobs/worker.ts';
import { createRevokeRequests, requestAccess } from './ask.ts';
import { approve, cancel, deny, retry } from './decide.ts';
import { RequestKit } from './kit.ts';
import { markExpired, timeoutJob } from './lifecycle.ts';
import { provisionJob } from './provision.ts';
import {
  REQUEST_JOBS,
  type AccessRequest,
  type DecisionInput,
  type RequestAccessInput,
  type RequestFinishedListener,
  type RequestResult,
  type RequestServiceOptions,
  type RevokeRequestInput,
  type Tx,
} from './types.ts';

/**
 * Just-in-time access requests: asked for with a justification and a duration, approved by N of
 * the entitlement's approvers (never by the requester or the person who would get the access),
 * provisioned through the provisioning service, and expired by the jobs worker.
 *
 * Every decision locks the request row (`SELECT … FOR UPDATE`, `RequestKit.withLockedRequest`), so
 * two approvers acting at once are counted one after the other, and the database refuses any state
 * change outside the request state machine (migration 2026-11-28T1700).
 *
 * The use cases live beside this file: asking (ask.ts), deciding (decide.ts), the provision job
 * (provision.ts), and timing out and expiry (lifecycle.ts).
 */
export class RequestService {
  readonly #kit: RequestKit;

  constructor(options: RequestServiceOptions) {
    this.#kit = new RequestKit(options);
    this.#kit.runner = new JobWorker({ db: this.#kit.db, handlers: this.jobHandlers(), logger: this.#kit.logger, now: this.#kit.now, workerId: `requests-inline:${process.pid}` });
  }

  get now(): Clock {
    return this.#kit.now;
  }

  onFinished(listener: RequestFinishedListener): void {
    this.#kit.listeners.push(listener);
  }

  /** The jobs this service runs; the jobs worker registers them. */
  jobHandlers(): Record<string, JobHandler> {
    return {
      [REQUEST_JOBS.provision]: (job) => provisionJob(this.#kit, job),
      [REQUEST_JOBS.timeout]: (job) => timeoutJob(this.#kit, job),
    };
  }

  get(id: number): Promise<AccessRequest | undefined> {
    return this.#kit.get(id);
  }

  requestAccess(input: RequestAccessInput): Promise<RequestResult> {
    return requestAccess(this.#kit, input);
  }

  /** A revoke to carry out (a review decision): approved by the decision itself, provisioned by the jobs worker. */
  createRevokeRequests(tx: Tx, inputs: readonly RevokeRequestInput[]): Promise<AccessRequest[]> {
    return createRevokeRequests(this.#kit, tx, inputs);
  }

  approve(input: DecisionInput): Promise<RequestResult> {
    return approve(this.#kit, input);
  }

  deny(input: DecisionInput): Promise<RequestResult> {
    return deny(this.#kit, input);
  }

  cancel(input: DecisionInput): Promise<RequestResult> {
    return cancel(this.#kit, input);
  }

  /** Provisions a FAILED request again (after fixing what Slack complained about). */
  retry(input: DecisionInput): Promise<RequestResult> {
    return retry(this.#kit, input);
  }

  /** Marks the GRANTED requests behind an expired grant EXPIRED (called by expiry, in its transaction). */
  markExpired(tx: Tx, grant: { account_id: number; entitlement_id: number }): Promise<AccessRequest[]> {
    return markExpired(this.#kit, tx, grant);
  }

  /** Requests by id, for loaders. */
  static async byIds(db: Kysely<DB>, ids: readonly number[]): Promise<AccessRequest[]> {
    return db.selectFrom('requests').selectAll().where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
  }
}
