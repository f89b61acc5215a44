import { recordAudit, type AuditRecord } from '../../audit/record.ts';
import type { RequestState } from '../../db/schema.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { ConflictError, ForbiddenError, NotFoundError, NotGrantableError, ValidationError, type UserError } from '../errors.ts';
import { enqueueApprovalNotices } from '../notifications.ts';
import { loadPolicy, parseDuration, type EntitlementPolicy } from '../policies.ts';
import { auditActor } from '../types.ts';
import type { RequestKit } from './kit.ts';
import { REQUEST_JOBS, type AccessRequest, type RequestAccessInput, type RequestResult, type RevokeRequestInput, type Tx } from './types.ts';

// Asking: a person asks for access (or more time on it), or a review decision asks for a revoke.

/** The approved length: what was asked, but never more than the policy allows. */
export function clampDuration(requested: number | null, maxSeconds: number | null): number | null {
  if (requested === null) return maxSeconds;
  if (maxSeconds === null) return requested;
  return Math.min(requested, maxSeconds);
}

/**
 * A request for access: checked against the entitlement's policy (requestable, grantable, a
 * justification when required, someone left to approve it besides the requester and the
 * recipient), then PENDING with its approvers told, or APPROVED and provisioned when the policy
 * approves by itself. One open request per account and entitlement.
 */
export async function requestAccess(kit: RequestKit, input: RequestAccessInput): Promise<RequestResult> {
  const refuse = (error: UserError, extra: Partial<AuditRecord> = {}) => kit.refused('requestAccess', input.actor, input.origin, error, extra);
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
    const grant = await kit.db.selectFrom('grants').select(['id', 'entitlement_id', 'account_id', 'source', 'expires_at', 'external_id']).where('id', '=', input.extendsGrantId).executeTakeFirst();
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

  const entitlement = await kit.db
    .selectFrom('entitlements')
    .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
    .select(['entitlements.id', 'entitlements.external_id', 'entitlements.display_name', 'entitlements.grantable', 'entitlements.grantable_reason', 'resources.status as resource_status'])
    .where('entitlements.id', '=', entitlementId)
    .executeTakeFirst();
  if (!entitlement) return refuse(new NotFoundError(`there is no entitlement ${entitlementId}`, { field: 'input.entitlementId' }));
  const context = { entitlementExternalId: entitlement.external_id };
  const policy = (await loadPolicy(kit.db, entitlementId)) as EntitlementPolicy;
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
  const account = await kit.db.selectFrom('accounts').select(['id', 'external_id', 'status']).where('id', '=', accountId).executeTakeFirst();
  if (!account) return refuse(new NotFoundError(`there is no account ${accountId}`, { field: 'input.accountId' }), context);
  const accountContext = { ...context, accountExternalId: account.external_id };
  if (account.status !== 'ENABLED') {
    return refuse(new ConflictError(`${account.external_id} is ${account.status.toLowerCase()} in Slack; access can only be requested for active accounts`, { code: 'ACCOUNT_NOT_ENABLED', field: 'input.accountId' }), accountContext);
  }
  if (!extendsGrant) {
    const held = await kit.db.selectFrom('grants').select(['id', 'external_id']).where('entitlement_id', '=', entitlementId).where('account_id', '=', accountId).executeTakeFirst();
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

  const now = kit.now();
  let created: AccessRequest;
  let provisionJob: number | undefined;
  try {
    ({ created, provisionJob } = await kit.db.transaction().execute(async (tx) => {
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
          pending_until: automatic ? null : new Date(now.getTime() + kit.ttlSeconds * 1000),
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
        job = await kit.enqueueProvision(tx, row);
      } else {
        await enqueueJob(tx, { kind: REQUEST_JOBS.timeout, payload: { requestId: row.id }, runAt: row.pending_until ?? now, dedupeKey: `request.timeout:${row.id}` });
        await enqueueApprovalNotices(tx, row.id, eligible, now);
      }
      await kit.publish(tx, row);
      return { created: row, provisionJob: job };
    }));
  } catch (error) {
    if (error instanceof DuplicateRequest || isUniqueViolation(error)) {
      const id = error instanceof DuplicateRequest ? ` (request ${error.requestId}, ${error.state})` : '';
      return refuse(new ConflictError(`a request for ${entitlement.external_id} for ${account.external_id} is already open${id}`, { code: 'DUPLICATE_REQUEST' }), accountContext);
    }
    throw error;
  }
  await kit.runInline(provisionJob);
  return { request: (await kit.get(created.id)) ?? created, errors: [] };
}

/** A revoke to carry out (a review decision): approved by the decision itself, provisioned by the jobs worker. */
export async function createRevokeRequests(kit: RequestKit, tx: Tx, inputs: readonly RevokeRequestInput[]): Promise<AccessRequest[]> {
  if (inputs.length === 0) return [];
  const now = kit.now();
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
    await kit.enqueueProvision(tx, row);
  }
  return rows;
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
