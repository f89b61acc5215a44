import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { recordAudit, type AuditRecord } from '../audit/record.ts';
import type { DB, RequestsTable, RequestState } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import { ConflictError, ForbiddenError, NotFoundError, NotGrantableError, SlackApiError, ValidationError, type UserError } from './errors.ts';
import { enqueueJob, systemClock, type Clock, type Job } from '../jobs/queue.ts';
import { JobWorker, NotYet, type JobHandler } from '../jobs/worker.ts';
import type { Logger } from '../log.ts';
import { scheduleExpiry } from './expirySchedule.ts';
import { enqueueApprovalNotices, enqueueDecisionNotice, enqueueOutcomeNotice } from './notifications.ts';
import { describeDuration, loadPolicy, parseDuration, type EntitlementPolicy } from './policies.ts';
import type { Actor, ProvisionOutcome, ProvisioningService } from './types.ts';

export type AccessRequest = Selectable<RequestsTable>;
type Tx = Transaction<DB>;

/** Requests nobody decides are closed after this long (7 days, as Discord Access does). */
export const DEFAULT_PENDING_TTL_SECONDS = 7 * 86_400;

export const REQUEST_JOBS = {
  provision: 'request.provision',
  timeout: 'request.timeout',
} as const;

/** Where a call came from, for audit records. */
export interface CallOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface RequestResult {
  request?: AccessRequest;
  errors: UserError[];
}

export interface RequestAccessInput {
  /** The entitlement asked for; may be left out when extending a grant. */
  entitlementId?: number | null;
  /** Who is to hold it; the actor when left out. */
  accountId?: number | null;
  /** Extend this time-bound grant instead of asking for new access. */
  extendsGrantId?: number | null;
  justification?: string | null;
  /** ISO-8601 duration; the policy's maximum when left out (permanent access if there is none). */
  duration?: string | null;
  actor: Actor;
  origin?: CallOrigin;
}

export interface DecisionInput {
  requestId: number;
  actor: Actor;
  comment?: string | null;
  origin?: CallOrigin;
  /** The caller holds the admin scope: may cancel or retry anyone's request. */
  asAdmin?: boolean;
}

export interface RevokeRequestInput {
  accountId: number;
  entitlementId: number;
  origin: 'REVIEW' | 'API';
  reviewItemId?: number | null;
  justification?: string | null;
  requesterId?: number | null;
  apiClientId?: string | null;
}

export interface RequestServiceOptions {
  db: Kysely<DB>;
  provisioning: ProvisioningService;
  bus?: EventBus;
  logger?: Logger;
  now?: Clock;
  pendingTtlSeconds?: number;
  /** Approval provisions at once, in the caller's process; off to leave it to the jobs worker. */
  provisionInline?: boolean;
}

/** Called when a request reaches a final state (reviews close themselves when their revokes are done). */
export type RequestFinishedListener = (request: AccessRequest, db: Kysely<DB>) => Promise<void>;

const FINAL: readonly RequestState[] = ['DENIED', 'CANCELLED', 'GRANTED', 'FAILED', 'EXPIRED', 'REVOKED'];

function auditActor(actor: Actor) {
  return { apiClientId: actor.apiClientId, accountId: actor.accountId ?? null, label: actor.label ?? null };
}

/** The approved length: what was asked, but never more than the policy allows. */
export function clampDuration(requested: number | null, maxSeconds: number | null): number | null {
  if (requested === null) return maxSeconds;
  if (maxSeconds === null) return requested;
  return Math.min(requested, maxSeconds);
}

/** A Slack refusal keeps Slack's code; anything else keeps ours. */
function failureOf(outcome: ProvisionOutcome): { message: string; code: string } {
  const first = outcome.errors[0];
  const slack = outcome.errors.find((e): e is SlackApiError => e instanceof SlackApiError);
  return {
    message: outcome.errors.map((e) => e.message).join('; ') || 'provisioning failed without a reason',
    code: slack?.slackError ?? first?.code ?? 'PROVISIONING_FAILED',
  };
}

/**
 * Just-in-time access requests: asked for with a justification and a duration, approved by N of
 * the entitlement's approvers (never by the requester or the person who would get the access),
 * provisioned through the provisioning service, and expired by the jobs worker.
 *
 * Every decision locks the request row (`SELECT … FOR UPDATE`), so two approvers acting at once
 * are counted one after the other, and the database refuses any state change outside the
 * request state machine (migration 2026-11-28T1700).
 */
export class RequestService {
  readonly #db: Kysely<DB>;
  readonly #provisioning: ProvisioningService;
  readonly #bus?: EventBus;
  readonly #logger?: Logger;
  readonly #now: Clock;
  readonly #ttlSeconds: number;
  readonly #inline: boolean;
  readonly #listeners: RequestFinishedListener[] = [];
  readonly #runner: JobWorker;

  constructor(options: RequestServiceOptions) {
    this.#db = options.db;
    this.#provisioning = options.provisioning;
    this.#bus = options.bus;
    this.#logger = options.logger;
    this.#now = options.now ?? systemClock;
    this.#ttlSeconds = options.pendingTtlSeconds ?? DEFAULT_PENDING_TTL_SECONDS;
    this.#inline = options.provisionInline ?? true;
    this.#runner = new JobWorker({ db: this.#db, handlers: this.jobHandlers(), logger: this.#logger, now: this.#now, workerId: `requests-inline:${process.pid}` });
  }

  get now(): Clock {
    return this.#now;
  }

  onFinished(listener: RequestFinishedListener): void {
    this.#listeners.push(listener);
  }

  /** The jobs this service runs; the jobs worker registers them. */
  jobHandlers(): Record<string, JobHandler> {
    return {
      [REQUEST_JOBS.provision]: (job) => this.#provisionJob(job),
      [REQUEST_JOBS.timeout]: (job) => this.#timeoutJob(job),
    };
  }

  async get(id: number): Promise<AccessRequest | undefined> {
    return this.#db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  // ---- asking -------------------------------------------------------------------------------

  async requestAccess(input: RequestAccessInput): Promise<RequestResult> {
    const refuse = (error: UserError, extra: Partial<AuditRecord> = {}) => this.#refused('requestAccess', input.actor, input.origin, error, extra);
    const requesterId = input.actor.accountId;
    if (requesterId === undefined) {
      return refuse(new ValidationError('name the person asking with actorId: requests are made by people, and approvers see who asked', { field: 'input.actorId' }));
    }
    let requestedSeconds: number | null = null;
    if (input.duration != null && input.duration !== '') {
      const parsed = parseDuration(input.duration);
      if (typeof parsed === 'string') return refuse(new ValidationError(parsed, { field: 'input.duration' }));
      requestedSeconds = parsed;
    }

    let entitlementId = input.entitlementId ?? null;
    let accountId = input.accountId ?? requesterId;
    let extendsGrant: { id: number; expires_at: Date | null } | undefined;
    if (input.extendsGrantId != null) {
      const grant = await this.#db.selectFrom('grants').select(['id', 'entitlement_id', 'account_id', 'source', 'expires_at', 'external_id']).where('id', '=', input.extendsGrantId).executeTakeFirst();
      if (!grant) return refuse(new NotFoundError(`there is no grant ${input.extendsGrantId}`, { field: 'input.grantId' }));
      if (grant.expires_at === null || grant.source === 'SYNC') {
        return refuse(new ConflictError(`grant ${grant.external_id} does not expire, so there is nothing to extend`, { code: 'NOT_TIME_BOUND', field: 'input.grantId' }));
      }
      if (entitlementId !== null && entitlementId !== grant.entitlement_id) {
        return refuse(new ValidationError('the grant to extend is of another entitlement', { field: 'input.entitlementId' }));
      }
      entitlementId = grant.entitlement_id;
      accountId = grant.account_id;
      extendsGrant = grant;
    }
    if (entitlementId === null) return refuse(new ValidationError('name the entitlement asked for', { field: 'input.entitlementId' }));

    const entitlement = await this.#db
      .selectFrom('entitlements')
      .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
      .select(['entitlements.id', 'entitlements.external_id', 'entitlements.display_name', 'entitlements.grantable', 'entitlements.grantable_reason', 'resources.status as resource_status'])
      .where('entitlements.id', '=', entitlementId)
      .executeTakeFirst();
    if (!entitlement) return refuse(new NotFoundError(`there is no entitlement ${entitlementId}`, { field: 'input.entitlementId' }));
    const context = { entitlementExternalId: entitlement.external_id };
    const policy = (await loadPolicy(this.#db, entitlementId)) as EntitlementPolicy;
    if (!policy.requestable) {
      return refuse(new ForbiddenError(`${entitlement.external_id} is not requestable; an admin can allow requests with updateEntitlementPolicy`, { code: 'NOT_REQUESTABLE', field: 'input.entitlementId' }), context);
    }
    if (!entitlement.grantable) {
      const reason = entitlement.grantable_reason ?? 'the gateway cannot provision it on this Slack plan or configuration';
      return refuse(new NotGrantableError(`${entitlement.external_id} cannot be granted: ${reason}`, { reason, field: 'input.entitlementId' }), context);
    }
    const justification = input.justification?.trim() || null;
    if (policy.reasonRequired && !justification) {
      return refuse(new ValidationError(`${entitlement.external_id} needs a justification: say why the access is needed`, { field: 'input.justification' }), context);
    }
    const account = await this.#db.selectFrom('accounts').select(['id', 'external_id', 'status']).where('id', '=', accountId).executeTakeFirst();
    if (!account) return refuse(new NotFoundError(`there is no account ${accountId}`, { field: 'input.accountId' }), context);
    const accountContext = { ...context, accountExternalId: account.external_id };
    if (account.status !== 'ENABLED') {
      return refuse(new ConflictError(`${account.external_id} is ${account.status.toLowerCase()} in Slack; access can only be requested for active accounts`, { code: 'ACCOUNT_NOT_ENABLED', field: 'input.accountId' }), accountContext);
    }
    if (!extendsGrant) {
      const held = await this.#db.selectFrom('grants').select(['id', 'external_id']).where('entitlement_id', '=', entitlementId).where('account_id', '=', accountId).executeTakeFirst();
      if (held) {
        return refuse(new ConflictError(`${account.external_id} already holds ${entitlement.external_id} (${held.external_id})`, { code: 'ALREADY_GRANTED', field: 'input.entitlementId' }), accountContext);
      }
    }
    const eligible = policy.approverIds.filter((id) => id !== requesterId && id !== accountId);
    const automatic = policy.autoApprove || policy.requiredApprovals === 0;
    if (!automatic && eligible.length < policy.requiredApprovals) {
      const who = policy.defaultApprovers ? 'the workspace admins and owners' : 'the named approvers';
      return refuse(
        new ConflictError(
          `nobody can approve this: ${entitlement.external_id} needs ${policy.requiredApprovals} approval(s) and ${who} leave only ${eligible.length} besides the requester and the recipient; name approvers with updateEntitlementPolicy`,
          { code: 'NO_APPROVERS' },
        ),
        accountContext,
      );
    }

    const now = this.#now();
    let created: AccessRequest;
    let provisionJob: number | undefined;
    try {
      ({ created, provisionJob } = await this.#db.transaction().execute(async (tx) => {
        const open = await tx
          .selectFrom('requests')
          .select(['id', 'state'])
          .where('account_id', '=', accountId)
          .where('entitlement_id', '=', entitlementId)
          .where('kind', '=', 'GRANT')
          .where('state', 'in', ['PENDING', 'APPROVED', 'PROVISIONING'])
          .executeTakeFirst();
        if (open) throw new DuplicateRequest(open.id, open.state);
        const approved = automatic ? clampDuration(requestedSeconds, policy.maxDurationSeconds) : null;
        const row = await tx
          .insertInto('requests')
          .values({
            kind: 'GRANT',
            state: automatic ? 'APPROVED' : 'PENDING',
            origin: extendsGrant ? 'EXTENSION' : 'API',
            requester_id: requesterId,
            account_id: accountId,
            entitlement_id: entitlementId,
            justification,
            requested_duration: input.duration ?? null,
            requested_duration_seconds: requestedSeconds,
            approved_duration_seconds: approved,
            api_client_id: input.actor.apiClientId,
            extends_grant_id: extendsGrant?.id ?? null,
            pending_until: automatic ? null : new Date(now.getTime() + this.#ttlSeconds * 1000),
            decided_at: automatic ? now : null,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, {
          action: 'requestAccess',
          outcome: 'SUCCESS',
          actor: auditActor(input.actor),
          target: { type: 'request', id: row.id },
          requestId: row.id,
          ...accountContext,
          details: {
            state: row.state,
            requestedDuration: input.duration ?? null,
            extendsGrantId: extendsGrant?.id ?? null,
            requiredApprovals: policy.requiredApprovals,
            approvers: eligible.length,
          },
          ip: input.origin?.ip,
          userAgent: input.origin?.userAgent,
        });
        let job: number | undefined;
        if (automatic) {
          await recordAudit(tx, {
            action: 'request.autoApproved',
            outcome: 'SUCCESS',
            actor: { label: 'policy' },
            target: { type: 'request', id: row.id },
            requestId: row.id,
            ...accountContext,
            details: { approvedDurationSeconds: approved, reason: policy.autoApprove ? 'autoApprove' : 'requiredApprovals is 0' },
          });
          job = await this.#enqueueProvision(tx, row);
        } else {
          await enqueueJob(tx, { kind: REQUEST_JOBS.timeout, payload: { requestId: row.id }, runAt: row.pending_until ?? now, dedupeKey: `request.timeout:${row.id}` });
          await enqueueApprovalNotices(tx, row.id, eligible, now);
        }
        await this.#publish(tx, row);
        return { created: row, provisionJob: job };
      }));
    } catch (error) {
      if (error instanceof DuplicateRequest || isUniqueViolation(error)) {
        const id = error instanceof DuplicateRequest ? ` (request ${error.requestId}, ${error.state})` : '';
        return refuse(new ConflictError(`a request for ${entitlement.external_id} for ${account.external_id} is already open${id}`, { code: 'DUPLICATE_REQUEST' }), accountContext);
      }
      throw error;
    }
    if (provisionJob !== undefined && this.#inline) await this.#runner.runJob(provisionJob);
    return { request: (await this.get(created.id)) ?? created, errors: [] };
  }

  /** A revoke to carry out (a review decision): approved by the decision itself, provisioned by the jobs worker. */
  async createRevokeRequests(tx: Tx, inputs: readonly RevokeRequestInput[]): Promise<AccessRequest[]> {
    if (inputs.length === 0) return [];
    const now = this.#now();
    const rows = await tx
      .insertInto('requests')
      .values(
        inputs.map((i) => ({
          kind: 'REVOKE' as const,
          state: 'APPROVED' as const,
          origin: i.origin,
          requester_id: i.requesterId ?? null,
          account_id: i.accountId,
          entitlement_id: i.entitlementId,
          justification: i.justification ?? null,
          api_client_id: i.apiClientId ?? null,
          review_item_id: i.reviewItemId ?? null,
          decided_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .returningAll()
      .execute();
    for (const row of rows) {
      await this.#enqueueProvision(tx, row);
    }
    return rows;
  }

  // ---- deciding -----------------------------------------------------------------------------

  async approve(input: DecisionInput): Promise<RequestResult> {
    return this.#decide('approveRequest', input, async (tx, request, policy) => {
      const approverId = input.actor.accountId as number;
      await tx
        .insertInto('approvals')
        .values({ request_id: request.id, approver_id: approverId, decision: 'APPROVE', comment: input.comment ?? null, api_client_id: input.actor.apiClientId, created_at: this.#now() })
        .execute();
      const count = await tx.selectFrom('approvals').select((eb) => eb.fn.countAll<number>().as('n')).where('request_id', '=', request.id).where('decision', '=', 'APPROVE').executeTakeFirstOrThrow();
      const approvals = Number(count.n);
      if (approvals < policy.requiredApprovals) {
        const row = await tx.updateTable('requests').set({ updated_at: this.#now() }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
        return { row, details: { approvals, requiredApprovals: policy.requiredApprovals } };
      }
      const approved = clampDuration(request.requested_duration_seconds, policy.maxDurationSeconds);
      const row = await tx
        .updateTable('requests')
        .set({ state: 'APPROVED', decided_at: this.#now(), approved_duration_seconds: approved, pending_until: null })
        .where('id', '=', request.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const job = await this.#enqueueProvision(tx, row);
      return { row, job, details: { approvals, requiredApprovals: policy.requiredApprovals, approvedDurationSeconds: approved } };
    });
  }

  async deny(input: DecisionInput): Promise<RequestResult> {
    return this.#decide('denyRequest', input, async (tx, request) => {
      await tx
        .insertInto('approvals')
        .values({ request_id: request.id, approver_id: input.actor.accountId as number, decision: 'DENY', comment: input.comment ?? null, api_client_id: input.actor.apiClientId, created_at: this.#now() })
        .execute();
      const row = await tx
        .updateTable('requests')
        .set({ state: 'DENIED', decided_at: this.#now(), pending_until: null })
        .where('id', '=', request.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await enqueueOutcomeNotice(tx, row, this.#now());
      return { row, details: { comment: input.comment ?? null } };
    });
  }

  /** Approve or deny: the row is locked for the whole decision, so approvals are counted one at a time. */
  async #decide(
    action: 'approveRequest' | 'denyRequest',
    input: DecisionInput,
    apply: (tx: Tx, request: AccessRequest, policy: EntitlementPolicy) => Promise<{ row: AccessRequest; job?: number; details: Record<string, unknown> }>,
  ): Promise<RequestResult> {
    const approverId = input.actor.accountId;
    if (approverId === undefined) {
      return this.#refused(action, input.actor, input.origin, new ValidationError('name the approver with actorId: decisions are made by people', { field: 'input.actorId' }), { requestId: input.requestId });
    }
    const outcome = await this.#db.transaction().execute(async (tx) => {
      const request = await tx.selectFrom('requests').selectAll().where('id', '=', input.requestId).forUpdate().executeTakeFirst();
      if (!request) return { error: new NotFoundError(`there is no request ${input.requestId}`, { field: 'input.requestId' }) };
      const context = await this.#context(tx, request);
      const refuse = async (error: UserError) => {
        await recordAudit(tx, { action, outcome: 'DENIED', actor: auditActor(input.actor), target: { type: 'request', id: request.id }, requestId: request.id, errorCode: error.code, details: { message: error.message }, ...context, ...input.origin });
        return { error, request };
      };
      if (request.state !== 'PENDING') {
        return refuse(new ConflictError(`request ${request.id} is ${request.state}, not waiting for a decision`, { code: 'NOT_PENDING', field: 'input.requestId' }));
      }
      if (request.pending_until && request.pending_until <= this.#now()) {
        const row = await this.#timeOut(tx, request, context);
        return { error: new ConflictError(`request ${request.id} waited too long for a decision and was closed`, { code: 'TIMED_OUT', field: 'input.requestId' }), request: row };
      }
      if (approverId === request.requester_id || approverId === request.account_id) {
        const whose = approverId === request.requester_id ? 'their own request' : 'a request for their own access';
        return refuse(new ForbiddenError(`nobody may decide ${whose}; another approver has to`, { code: 'SELF_APPROVAL', field: 'input.actorId' }));
      }
      const policy = (await loadPolicy(tx, request.entitlement_id)) as EntitlementPolicy;
      if (!policy.approverIds.includes(approverId)) {
        // People by their external ids, never database ids; a few approvers named, the rest counted.
        const named = await tx.selectFrom('accounts').select(['id', 'external_id']).where('id', 'in', [approverId, ...policy.approverIds.slice(0, 5)]).execute();
        const idOf = (id: number) => named.find((a) => a.id === id)?.external_id ?? `account #${id}`;
        const shown = policy.approverIds.slice(0, 5).map(idOf).join(', ');
        const more = policy.approverIds.length > 5 ? ` and ${policy.approverIds.length - 5} more` : '';
        const who = policy.approverIds.length === 0 ? 'it has no approvers yet (set them with updateEntitlementPolicy)' : `its approvers are ${shown}${more}${policy.defaultApprovers ? ' (the workspace admins and owners)' : ''}`;
        return refuse(new ForbiddenError(`${idOf(approverId)} is not an approver of ${context.entitlementExternalId}; ${who}.`, { code: 'NOT_AN_APPROVER', field: 'input.actorId' }));
      }
      const earlier = await tx.selectFrom('approvals').select('decision').where('request_id', '=', request.id).where('approver_id', '=', approverId).executeTakeFirst();
      if (earlier) {
        const approver = await tx.selectFrom('accounts').select('external_id').where('id', '=', approverId).executeTakeFirst();
        return refuse(new ConflictError(`${approver?.external_id ?? `account #${approverId}`} already decided request ${request.id} (${earlier.decision}); each approver counts once`, { code: 'ALREADY_DECIDED', field: 'input.actorId' }));
      }
      const result = await apply(tx, request, policy);
      await recordAudit(tx, {
        action,
        outcome: 'SUCCESS',
        actor: auditActor(input.actor),
        target: { type: 'request', id: request.id },
        requestId: request.id,
        ...context,
        details: { state: result.row.state, comment: input.comment ?? null, ...result.details },
        ...input.origin,
      });
      await this.#publish(tx, result.row);
      // Approvers' copies of the request in Slack show each decision.
      await enqueueDecisionNotice(tx, result.row, this.#now());
      return { request: result.row, job: result.job };
    });
    if ('job' in outcome && outcome.job !== undefined && this.#inline) await this.#runner.runJob(outcome.job);
    const fresh = outcome.request ? await this.get(outcome.request.id) : undefined;
    return { request: fresh, errors: 'error' in outcome && outcome.error ? [outcome.error] : [] };
  }

  async cancel(input: DecisionInput): Promise<RequestResult> {
    const outcome = await this.#db.transaction().execute(async (tx) => {
      const request = await tx.selectFrom('requests').selectAll().where('id', '=', input.requestId).forUpdate().executeTakeFirst();
      if (!request) return { error: new NotFoundError(`there is no request ${input.requestId}`, { field: 'input.requestId' }) };
      const context = await this.#context(tx, request);
      const refuse = async (error: UserError) => {
        await recordAudit(tx, { action: 'cancelRequest', outcome: 'DENIED', actor: auditActor(input.actor), target: { type: 'request', id: request.id }, requestId: request.id, errorCode: error.code, details: { message: error.message }, ...context, ...input.origin });
        return { error, request };
      };
      const own = input.actor.accountId !== undefined && (input.actor.accountId === request.requester_id || input.actor.accountId === request.account_id);
      if (!own && !input.asAdmin) {
        return refuse(new ForbiddenError('only the requester, the person the access is for, or an admin client may cancel a request', { code: 'NOT_YOUR_REQUEST', field: 'input.actorId' }));
      }
      if (!['PENDING', 'APPROVED', 'FAILED'].includes(request.state)) {
        return refuse(new ConflictError(`request ${request.id} is ${request.state} and can no longer be cancelled`, { code: 'NOT_CANCELLABLE', field: 'input.requestId' }));
      }
      const row = await tx.updateTable('requests').set({ state: 'CANCELLED', decided_at: request.decided_at ?? this.#now(), pending_until: null }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
      await enqueueDecisionNotice(tx, row, this.#now());
      await recordAudit(tx, { action: 'cancelRequest', outcome: 'SUCCESS', actor: auditActor(input.actor), target: { type: 'request', id: request.id }, requestId: request.id, details: { from: request.state, comment: input.comment ?? null }, ...context, ...input.origin });
      await this.#publish(tx, row);
      return { request: row };
    });
    if (outcome.request && outcome.request.state === 'CANCELLED') await this.#finished(outcome.request);
    return { request: outcome.request, errors: 'error' in outcome && outcome.error ? [outcome.error] : [] };
  }

  /** Provisions a FAILED request again (after fixing what Slack complained about). */
  async retry(input: DecisionInput): Promise<RequestResult> {
    const outcome = await this.#db.transaction().execute(async (tx) => {
      const request = await tx.selectFrom('requests').selectAll().where('id', '=', input.requestId).forUpdate().executeTakeFirst();
      if (!request) return { error: new NotFoundError(`there is no request ${input.requestId}`, { field: 'input.requestId' }) };
      const context = await this.#context(tx, request);
      if (request.state !== 'FAILED') {
        const error = new ConflictError(`request ${request.id} is ${request.state}; only FAILED requests are retried`, { code: 'NOT_FAILED', field: 'input.requestId' });
        await recordAudit(tx, { action: 'retryRequest', outcome: 'DENIED', actor: auditActor(input.actor), target: { type: 'request', id: request.id }, requestId: request.id, errorCode: error.code, ...context, ...input.origin });
        return { error, request };
      }
      const row = await tx.updateTable('requests').set({ state: 'APPROVED' }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
      const job = await this.#enqueueProvision(tx, row);
      await recordAudit(tx, { action: 'retryRequest', outcome: 'SUCCESS', actor: auditActor(input.actor), target: { type: 'request', id: request.id }, requestId: request.id, details: { previousError: request.error, previousErrorCode: request.error_code }, ...context, ...input.origin });
      await this.#publish(tx, row);
      return { request: row, job };
    });
    if ('job' in outcome && outcome.job !== undefined && this.#inline) await this.#runner.runJob(outcome.job);
    const fresh = outcome.request ? await this.get(outcome.request.id) : undefined;
    return { request: fresh, errors: 'error' in outcome && outcome.error ? [outcome.error] : [] };
  }

  // ---- jobs ---------------------------------------------------------------------------------

  async #enqueueProvision(tx: Tx, request: AccessRequest): Promise<number | undefined> {
    return enqueueJob(tx, { kind: REQUEST_JOBS.provision, payload: { requestId: request.id }, runAt: this.#now(), dedupeKey: `request.provision:${request.id}:${request.version}`, maxAttempts: 3 });
  }

  /**
   * Carries out an approved request in Slack. The state moves to PROVISIONING in its own short
   * transaction and the outcome is written in another: nothing is locked while Slack answers.
   * A worker that dies in between leaves PROVISIONING behind; the job's lease runs out and the
   * next worker provisions again, which is safe because grant and revoke are idempotent.
   */
  async #provisionJob(job: Job): Promise<void> {
    const requestId = Number(job.payload.requestId);
    const started = await this.#db.transaction().execute(async (tx) => {
      const request = await tx.selectFrom('requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirst();
      if (!request || (request.state !== 'APPROVED' && request.state !== 'PROVISIONING')) return undefined;
      if (request.state === 'PROVISIONING') return request;
      const row = await tx.updateTable('requests').set({ state: 'PROVISIONING' }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
      await this.#publish(tx, row);
      return row;
    });
    if (!started) return;
    const actor: Actor = { apiClientId: started.api_client_id ?? 'slackgate', accountId: started.requester_id ?? undefined, label: `request:${started.id}` };
    if (started.kind === 'REVOKE') {
      const outcome = await this.#call(() =>
        this.#provisioning.revoke({ entitlementId: started.entitlement_id, accountId: started.account_id, actor, reason: started.justification, requestId: started.id, cause: started.origin === 'REVIEW' ? 'REVIEW' : 'REVOKE' }),
      );
      await this.#recordOutcome(started, outcome, null);
      return;
    }
    const expiresAt = await this.#expiryFor(started);
    const outcome = await this.#call(() =>
      this.#provisioning.grant({
        entitlementId: started.entitlement_id,
        accountId: started.account_id,
        actor,
        reason: started.justification,
        source: 'REQUEST',
        requestId: started.id,
        expiresAt,
      }),
    );
    await this.#recordOutcome(started, outcome, expiresAt);
  }

  /** An unexpected exception is a failure like any other: visible on the request and retryable. */
  async #call(provision: () => Promise<ProvisionOutcome>): Promise<ProvisionOutcome> {
    try {
      return await provision();
    } catch (error) {
      this.#logger?.error({ err: (error as Error).message }, 'provisioning threw instead of answering');
      return { errors: [new ConflictError(`provisioning failed: ${(error as Error).message}`, { code: 'PROVISIONING_ERROR' })] };
    }
  }

  /** When the access must end: the approved length from now, or for an extension from the current end. */
  async #expiryFor(request: AccessRequest): Promise<Date | null> {
    const seconds = request.approved_duration_seconds;
    if (seconds === null) return null;
    const now = this.#now().getTime();
    if (request.extends_grant_id === null) return new Date(now + seconds * 1000);
    const grant = await this.#db.selectFrom('grants').select('expires_at').where('id', '=', request.extends_grant_id).executeTakeFirst();
    const policy = await loadPolicy(this.#db, request.entitlement_id);
    const from = Math.max(grant?.expires_at?.getTime() ?? now, now);
    const cap = policy?.maxDurationSeconds != null ? now + policy.maxDurationSeconds * 1000 : Number.POSITIVE_INFINITY;
    return new Date(Math.min(from + seconds * 1000, cap));
  }

  async #recordOutcome(request: AccessRequest, outcome: ProvisionOutcome, expiresAt: Date | null): Promise<void> {
    const now = this.#now();
    const row = await this.#db.transaction().execute(async (tx) => {
      const current = await tx.selectFrom('requests').selectAll().where('id', '=', request.id).forUpdate().executeTakeFirstOrThrow();
      if (current.state !== 'PROVISIONING') return undefined;
      const context = await this.#context(tx, current);
      if (outcome.errors.length > 0 || !outcome.result) {
        const failure = failureOf(outcome);
        const failed = await tx.updateTable('requests').set({ state: 'FAILED', error: failure.message, error_code: failure.code }).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
        await recordAudit(tx, { action: current.kind === 'GRANT' ? 'request.grantFailed' : 'request.revokeFailed', outcome: 'FAILURE', actor: { label: `request:${current.id}` }, target: { type: 'request', id: current.id }, requestId: current.id, errorCode: failure.code, details: { message: failure.message }, ...context });
        await enqueueOutcomeNotice(tx, failed, this.#now());
        await this.#publish(tx, failed);
        return failed;
      }
      if (current.kind === 'REVOKE') {
        const revoked = await tx.updateTable('requests').set({ state: 'REVOKED', provisioned_at: now, error: null, error_code: null }).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
        // The access requests that gave this access end with it.
        const ended = await tx
          .updateTable('requests')
          .set({ state: 'REVOKED' })
          .where('account_id', '=', current.account_id)
          .where('entitlement_id', '=', current.entitlement_id)
          .where('kind', '=', 'GRANT')
          .where('state', '=', 'GRANTED')
          .returningAll()
          .execute();
        await recordAudit(tx, { action: 'request.revoked', outcome: 'SUCCESS', actor: { label: `request:${current.id}` }, target: { type: 'request', id: current.id }, requestId: current.id, details: { result: outcome.result, origin: current.origin, endedRequests: ended.map((r) => r.id) }, ...context });
        for (const r of [revoked, ...ended]) await this.#publish(tx, r);
        return revoked;
      }
      // A grant the sync found before the request (pre-existing access) keeps its own terms: it is
      // never given an expiry it did not have, and expiry never revokes it.
      const grant = outcome.grantId !== undefined ? await tx.selectFrom('grants').select(['id', 'source', 'expires_at']).where('id', '=', outcome.grantId).forUpdate().executeTakeFirst() : undefined;
      let effectiveExpiry = expiresAt;
      if (grant && grant.source === 'SYNC') effectiveExpiry = null;
      else if (grant) {
        await tx.updateTable('grants').set({ expires_at: expiresAt, request_id: current.id, source: 'REQUEST', updated_at: now }).where('id', '=', grant.id).execute();
      }
      const granted = await tx
        .updateTable('requests')
        .set({ state: 'GRANTED', provisioned_at: now, expires_at: effectiveExpiry, error: null, error_code: null })
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (current.extends_grant_id !== null) {
        // The extended request's access now ends with this one.
        await tx.updateTable('requests').set({ expires_at: effectiveExpiry, updated_at: now }).where('state', '=', 'GRANTED').where('account_id', '=', current.account_id).where('entitlement_id', '=', current.entitlement_id).where('kind', '=', 'GRANT').execute();
      }
      if (grant && effectiveExpiry) {
        await scheduleExpiry(tx, grant.id, effectiveExpiry);
      }
      await recordAudit(tx, {
        action: 'request.granted',
        outcome: 'SUCCESS',
        actor: { label: `request:${current.id}` },
        target: { type: 'request', id: current.id },
        requestId: current.id,
        details: { result: outcome.result, grantId: outcome.grantId ?? null, expiresAt: effectiveExpiry?.toISOString() ?? null, preExisting: grant?.source === 'SYNC' },
        ...context,
      });
      await enqueueOutcomeNotice(tx, granted, this.#now());
      await this.#publish(tx, granted);
      return granted;
    });
    if (row) await this.#finished(row);
  }

  async #timeoutJob(job: Job): Promise<void> {
    const requestId = Number(job.payload.requestId);
    const row = await this.#db.transaction().execute(async (tx) => {
      const request = await tx.selectFrom('requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirst();
      if (!request || request.state !== 'PENDING') return undefined;
      if (request.pending_until && request.pending_until > this.#now()) throw new NotYet(request.pending_until);
      return this.#timeOut(tx, request, await this.#context(tx, request));
    });
    if (row) await this.#finished(row);
  }

  async #timeOut(tx: Tx, request: AccessRequest, context: { entitlementExternalId: string; accountExternalId: string }): Promise<AccessRequest> {
    const waited = Math.round((this.#now().getTime() - request.created_at.getTime()) / 1000);
    const row = await tx
      .updateTable('requests')
      .set({ state: 'CANCELLED', decided_at: this.#now(), pending_until: null, error: `no decision within ${describeDuration(this.#ttlSeconds)}`, error_code: 'TIMED_OUT' })
      .where('id', '=', request.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'request.timedOut', outcome: 'SUCCESS', actor: { label: 'scheduler' }, target: { type: 'request', id: request.id }, requestId: request.id, details: { waitedSeconds: waited }, ...context });
    await enqueueOutcomeNotice(tx, row, this.#now());
    await this.#publish(tx, row);
    return row;
  }

  // ---- helpers ------------------------------------------------------------------------------

  async #context(db: Kysely<DB> | Tx, request: { entitlement_id: number; account_id: number }): Promise<{ entitlementExternalId: string; accountExternalId: string }> {
    const row = await db
      .selectFrom('entitlements')
      .innerJoin('accounts', (join) => join.on('accounts.id', '=', request.account_id))
      .select(['entitlements.external_id as entitlement', 'accounts.external_id as account'])
      .where('entitlements.id', '=', request.entitlement_id)
      .executeTakeFirst();
    return { entitlementExternalId: row?.entitlement ?? String(request.entitlement_id), accountExternalId: row?.account ?? String(request.account_id) };
  }

  async #refused(action: string, actor: Actor, origin: CallOrigin | undefined, error: UserError, extra: Partial<AuditRecord> = {}): Promise<RequestResult> {
    await recordAudit(this.#db, { action, outcome: 'DENIED', actor: auditActor(actor), errorCode: error.code, details: { message: error.message, field: error.field }, ...extra, ...origin });
    return { errors: [error] };
  }

  async #publish(tx: Tx, request: AccessRequest): Promise<void> {
    if (!this.#bus) return;
    await this.#bus.publish('requestUpdated', { requestId: request.id, state: request.state, at: this.#now().toISOString() }, { db: tx });
  }

  async #finished(request: AccessRequest): Promise<void> {
    if (!FINAL.includes(request.state)) return;
    for (const listener of this.#listeners) {
      try {
        await listener(request, this.#db);
      } catch (error) {
        this.#logger?.warn({ err: (error as Error).message, requestId: request.id }, 'a request listener failed');
      }
    }
  }

  /** Marks the GRANTED requests behind an expired grant EXPIRED (called by expiry, in its transaction). */
  async markExpired(tx: Tx, grant: { account_id: number; entitlement_id: number }): Promise<AccessRequest[]> {
    const rows = await tx
      .updateTable('requests')
      .set({ state: 'EXPIRED' })
      .where('account_id', '=', grant.account_id)
      .where('entitlement_id', '=', grant.entitlement_id)
      .where('kind', '=', 'GRANT')
      .where('state', '=', 'GRANTED')
      .returningAll()
      .execute();
    for (const row of rows) {
      await enqueueOutcomeNotice(tx, row, this.#now());
      await this.#publish(tx, row);
    }
    return rows;
  }

  /** Requests by id, for loaders. */
  static async byIds(db: Kysely<DB>, ids: readonly number[]): Promise<AccessRequest[]> {
    return db.selectFrom('requests').selectAll().where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
  }
}

class DuplicateRequest extends Error {
  constructor(
    readonly requestId: number,
    readonly state: RequestState,
  ) {
    super(`request ${requestId} is already open`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
