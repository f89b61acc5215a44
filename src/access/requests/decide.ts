import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import { enqueueDecisionNotice, enqueueOutcomeNotice } from '../notifications.ts';
import { loadPolicy, type EntitlementPolicy } from '../policies.ts';
import { clampDuration } from './ask.ts';
import type { Locked, LockedOutcome, RequestKit } from './kit.ts';
import { timeOut } from './lifecycle.ts';
import type { AccessRequest, DecisionInput, RequestResult, Tx } from './types.ts';

// Deciding: approvers approve or deny a pending request; the requester (or an admin) cancels it;
// a FAILED one is provisioned again. Each is one command on the locked request row.

type Change = { row: AccessRequest; job?: number; details: Record<string, unknown> };

export async function approve(kit: RequestKit, input: DecisionInput): Promise<RequestResult> {
  return decide(kit, 'approveRequest', input, async (tx, request, policy) => {
    const approverId = input.actor.accountId as number;
    await tx
      .insertInto('approvals')
      .values({ request_id: request.id, approver_id: approverId, decision: 'APPROVE', comment: input.comment ?? null, api_client_id: input.actor.apiClientId, created_at: kit.now() })
      .execute();
    const count = await tx.selectFrom('approvals').select((eb) => eb.fn.countAll<number>().as('n')).where('request_id', '=', request.id).where('decision', '=', 'APPROVE').executeTakeFirstOrThrow();
    const approvals = Number(count.n);
    if (approvals < policy.requiredApprovals) {
      const row = await tx.updateTable('requests').set({ updated_at: kit.now() }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
      return { row, details: { approvals, requiredApprovals: policy.requiredApprovals } };
    }
    const approved = clampDuration(request.requested_duration_seconds, policy.maxDurationSeconds);
    const row = await tx
      .updateTable('requests')
      .set({ state: 'APPROVED', decided_at: kit.now(), approved_duration_seconds: approved, pending_until: null })
      .where('id', '=', request.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const job = await kit.enqueueProvision(tx, row);
    return { row, job, details: { approvals, requiredApprovals: policy.requiredApprovals, approvedDurationSeconds: approved } };
  });
}

export async function deny(kit: RequestKit, input: DecisionInput): Promise<RequestResult> {
  return decide(kit, 'denyRequest', input, async (tx, request) => {
    await tx
      .insertInto('approvals')
      .values({ request_id: request.id, approver_id: input.actor.accountId as number, decision: 'DENY', comment: input.comment ?? null, api_client_id: input.actor.apiClientId, created_at: kit.now() })
      .execute();
    const row = await tx.updateTable('requests').set({ state: 'DENIED', decided_at: kit.now(), pending_until: null }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
    await enqueueOutcomeNotice(tx, row, kit.now());
    return { row, details: { comment: input.comment ?? null } };
  });
}

/** Approve or deny: the row is locked for the whole decision, so approvals are counted one at a time. */
async function decide(kit: RequestKit, action: 'approveRequest' | 'denyRequest', input: DecisionInput, apply: (tx: Tx, request: AccessRequest, policy: EntitlementPolicy) => Promise<Change>): Promise<RequestResult> {
  const approverId = input.actor.accountId;
  if (approverId === undefined) {
    return kit.refused(action, input.actor, input.origin, new ValidationError('name the approver with actorId: decisions are made by people', { field: 'input.actorId' }), { requestId: input.requestId });
  }
  return kit.withLockedRequest({ action, ...input }, async ({ tx, request, context, refuse }: Locked): Promise<LockedOutcome> => {
    if (request.state !== 'PENDING') {
      return refuse(new ConflictError(`request ${request.id} is ${request.state}, not waiting for a decision`, { code: 'NOT_PENDING', field: 'input.requestId' }));
    }
    if (request.pending_until && request.pending_until <= kit.now()) {
      const row = await timeOut(kit, tx, request, context);
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
    const change = await apply(tx, request, policy);
    // Approvers' copies of the request in Slack show each decision.
    await enqueueDecisionNotice(tx, change.row, kit.now());
    return { ...change, details: { state: change.row.state, comment: input.comment ?? null, ...change.details } };
  });
}

/** Withdraws a request that is pending, approved or failed (the requester, the recipient, or an admin). */
export async function cancel(kit: RequestKit, input: DecisionInput): Promise<RequestResult> {
  const result = await kit.withLockedRequest({ action: 'cancelRequest', ...input }, async ({ tx, request, refuse }) => {
    const own = input.actor.accountId !== undefined && (input.actor.accountId === request.requester_id || input.actor.accountId === request.account_id);
    if (!own && !input.asAdmin) {
      return refuse(new ForbiddenError('only the requester, the person the access is for, or an admin client may cancel a request', { code: 'NOT_YOUR_REQUEST', field: 'input.actorId' }));
    }
    if (!['PENDING', 'APPROVED', 'FAILED'].includes(request.state)) {
      return refuse(new ConflictError(`request ${request.id} is ${request.state} and can no longer be cancelled`, { code: 'NOT_CANCELLABLE', field: 'input.requestId' }));
    }
    const row = await tx.updateTable('requests').set({ state: 'CANCELLED', decided_at: request.decided_at ?? kit.now(), pending_until: null }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
    await enqueueDecisionNotice(tx, row, kit.now());
    return { row, details: { from: request.state, comment: input.comment ?? null } };
  });
  if (result.request?.state === 'CANCELLED') await kit.finished(result.request);
  return result;
}

/** Provisions a FAILED request again (after fixing what Slack complained about). */
export async function retry(kit: RequestKit, input: DecisionInput): Promise<RequestResult> {
  return kit.withLockedRequest({ action: 'retryRequest', ...input }, async ({ tx, request, refuse }) => {
    if (request.state !== 'FAILED') {
      return refuse(new ConflictError(`request ${request.id} is ${request.state}; only FAILED requests are retried`, { code: 'NOT_FAILED', field: 'input.requestId' }));
    }
    const row = await tx.updateTable('requests').set({ state: 'APPROVED' }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
    const job = await kit.enqueueProvision(tx, row);
    return { row, job, details: { previousError: request.error, previousErrorCode: request.error_code } };
  });
}
