import type { Kysely } from 'kysely';
import { recordAudit, type AuditRecord } from '../../audit/record.ts';
import type { DB } from '../../db/schema.ts';
import type { EventBus } from '../../events/bus.ts';
import { enqueueJob, systemClock, type Clock } from '../../jobs/queue.ts';
import type { JobWorker } from '../../jobs/worker.ts';
import type { Logger } from '../../log.ts';
import { NotFoundError, type UserError } from '../errors.ts';
import { auditActor, type Actor, type ProvisioningService } from '../types.ts';
import {
  DEFAULT_PENDING_TTL_SECONDS,
  FINAL_STATES,
  REQUEST_JOBS,
  type AccessRequest,
  type CallOrigin,
  type RequestAuditContext,
  type RequestFinishedListener,
  type RequestResult,
  type RequestServiceOptions,
  type Tx,
} from './types.ts';

/** What a command did to the request it locked: changed it, or refused (the request as it is). */
export type LockedOutcome = { row: AccessRequest; job?: number; details: Record<string, unknown> } | { error: UserError; request: AccessRequest };

/** The locked request a command works on, inside its transaction. */
export interface Locked {
  tx: Tx;
  request: AccessRequest;
  context: RequestAuditContext;
  /** Audits the refusal (DENIED) in the command's transaction and answers it. */
  refuse(error: UserError): Promise<LockedOutcome>;
}

/** A command on one request, as the audit log names it. */
export interface RequestCommand {
  action: string;
  requestId: number;
  actor: Actor;
  origin?: CallOrigin;
}

/**
 * What every use case of the request service shares: the database, the clock, the bus, the
 * listeners of final states, the inline job runner, and the skeleton of a command on one request.
 */
export class RequestKit {
  readonly db: Kysely<DB>;
  readonly provisioning: ProvisioningService;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  readonly now: Clock;
  readonly ttlSeconds: number;
  readonly inline: boolean;
  readonly listeners: RequestFinishedListener[] = [];
  /** Runs a provision job in the caller's process when `inline` (set once the handlers exist). */
  runner?: JobWorker;

  constructor(options: RequestServiceOptions) {
    this.db = options.db;
    this.provisioning = options.provisioning;
    this.bus = options.bus;
    this.logger = options.logger;
    this.now = options.now ?? systemClock;
    this.ttlSeconds = options.pendingTtlSeconds ?? DEFAULT_PENDING_TTL_SECONDS;
    this.inline = options.provisionInline ?? true;
  }

  async get(id: number): Promise<AccessRequest | undefined> {
    return this.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * The skeleton of every command on one request: the row is locked (`SELECT … FOR UPDATE`) for
   * the whole change, so two approvers acting at once are counted one after the other. A refusal
   * is audited in the same transaction; a change is audited and published there; a provision job
   * the change queued runs once it commits (in this process when provisioning is inline), and the
   * request is answered as that left it.
   */
  async withLockedRequest(command: RequestCommand, body: (locked: Locked) => Promise<LockedOutcome>): Promise<RequestResult> {
    const audit = (context: RequestAuditContext, request: AccessRequest): Pick<AuditRecord, 'action' | 'actor' | 'target' | 'requestId' | 'ip' | 'userAgent'> & RequestAuditContext => ({
      action: command.action,
      actor: auditActor(command.actor),
      target: { type: 'request', id: request.id },
      requestId: request.id,
      ...context,
      ...command.origin,
    });
    const outcome = await this.db.transaction().execute(async (tx): Promise<LockedOutcome | { error: UserError; request?: undefined }> => {
      const request = await lockRequest(tx, command.requestId);
      if (!request) return { error: new NotFoundError(`there is no request ${command.requestId}`, { field: 'input.requestId' }) };
      const context = await this.auditContext(tx, request);
      const refuse = async (error: UserError): Promise<LockedOutcome> => {
        await recordAudit(tx, { ...audit(context, request), outcome: 'DENIED', errorCode: error.code, details: { message: error.message } });
        return { error, request };
      };
      const done = await body({ tx, request, context, refuse });
      if ('error' in done) return done;
      await recordAudit(tx, { ...audit(context, request), outcome: 'SUCCESS', details: done.details });
      await this.publish(tx, done.row);
      return done;
    });
    if ('error' in outcome) return { request: outcome.request, errors: [outcome.error] };
    if (outcome.job === undefined) return { request: outcome.row, errors: [] };
    await this.runInline(outcome.job);
    return { request: await this.get(outcome.row.id), errors: [] };
  }

  /** A refusal before any request is locked (the caller named nobody, a check failed). */
  async refused(action: string, actor: Actor, origin: CallOrigin | undefined, error: UserError, extra: Partial<AuditRecord> = {}): Promise<RequestResult> {
    await recordAudit(this.db, { action, outcome: 'DENIED', actor: auditActor(actor), errorCode: error.code, details: { message: error.message, field: error.field }, ...extra, ...origin });
    return { errors: [error] };
  }

  async auditContext(db: Kysely<DB> | Tx, request: { entitlement_id: number; account_id: number }): Promise<RequestAuditContext> {
    const row = await db
      .selectFrom('entitlements')
      .innerJoin('accounts', (join) => join.on('accounts.id', '=', request.account_id))
      .select(['entitlements.external_id as entitlement', 'accounts.external_id as account'])
      .where('entitlements.id', '=', request.entitlement_id)
      .executeTakeFirst();
    return { entitlementExternalId: row?.entitlement ?? String(request.entitlement_id), accountExternalId: row?.account ?? String(request.account_id) };
  }

  async publish(tx: Tx, request: AccessRequest): Promise<void> {
    if (!this.bus) return;
    await this.bus.publish('requestUpdated', { requestId: request.id, state: request.state, at: this.now().toISOString() }, { db: tx });
  }

  /** Tells the listeners about a request that reached a final state; a failing listener is logged. */
  async finished(request: AccessRequest): Promise<void> {
    if (!FINAL_STATES.includes(request.state)) return;
    for (const listener of this.listeners) {
      try {
        await listener(request, this.db);
      } catch (error) {
        this.logger?.warn({ err: (error as Error).message, requestId: request.id }, 'a request listener failed');
      }
    }
  }

  async enqueueProvision(tx: Tx, request: AccessRequest): Promise<number | undefined> {
    return enqueueJob(tx, { kind: REQUEST_JOBS.provision, payload: { requestId: request.id }, runAt: this.now(), dedupeKey: `request.provision:${request.id}:${request.version}`, maxAttempts: 3 });
  }

  /** Runs a queued provision job now when provisioning is inline; the jobs worker does it otherwise. */
  async runInline(job: number | undefined): Promise<void> {
    if (job !== undefined && this.inline && this.runner) await this.runner.runJob(job);
  }
}

/** Loads a request and locks its row until the transaction ends. */
export function lockRequest(tx: Tx, requestId: number): Promise<AccessRequest | undefined> {
  return tx.selectFrom('requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirst();
}
