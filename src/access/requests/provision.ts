import { recordAudit } from '../../audit/record.ts';
import type { Job } from '../../jobs/queue.ts';
import { ConflictError, SlackApiError } from '../errors.ts';
import { scheduleExpiry } from '../expirySchedule.ts';
import { enqueueOutcomeNotice } from '../notifications.ts';
import { loadPolicy } from '../policies.ts';
import type { Actor, ProvisionOutcome } from '../types.ts';
import { lockRequest, type RequestKit } from './kit.ts';
import { endGrantedRequests } from './lifecycle.ts';
import type { AccessRequest, RequestAuditContext, Tx } from './types.ts';

// Provisioning: the `request.provision` job carries out an approved request (grant or revoke) in
// Slack through the provisioning service and records what came of it on the request.

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
 * Carries out an approved request in Slack. The state moves to PROVISIONING in its own short
 * transaction and the outcome is written in another: nothing is locked while Slack answers.
 * A worker that dies in between leaves PROVISIONING behind; the job's lease runs out and the
 * next worker provisions again, which is safe because grant and revoke are idempotent.
 */
export async function provisionJob(kit: RequestKit, job: Job): Promise<void> {
  const requestId = Number(job.payload.requestId);
  const started = await kit.db.transaction().execute(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (!request || (request.state !== 'APPROVED' && request.state !== 'PROVISIONING')) return undefined;
    if (request.state === 'PROVISIONING') return request;
    const row = await tx.updateTable('requests').set({ state: 'PROVISIONING' }).where('id', '=', request.id).returningAll().executeTakeFirstOrThrow();
    await kit.publish(tx, row);
    return row;
  });
  if (!started) return;
  const actor: Actor = { apiClientId: started.api_client_id ?? 'slackgate', accountId: started.requester_id ?? undefined, label: `request:${started.id}` };
  if (started.kind === 'REVOKE') {
    const outcome = await call(kit, () =>
      kit.provisioning.revoke({ entitlementId: started.entitlement_id, accountId: started.account_id, actor, reason: started.justification, requestId: started.id, cause: started.origin === 'REVIEW' ? 'REVIEW' : 'REVOKE' }),
    );
    await recordOutcome(kit, started, outcome, null);
    return;
  }
  const expiresAt = await expiryFor(kit, started);
  const outcome = await call(kit, () =>
    kit.provisioning.grant({
      entitlementId: started.entitlement_id,
      accountId: started.account_id,
      actor,
      reason: started.justification,
      source: 'REQUEST',
      requestId: started.id,
      expiresAt,
    }),
  );
  await recordOutcome(kit, started, outcome, expiresAt);
}

/** An unexpected exception is a failure like any other: visible on the request and retryable. */
async function call(kit: RequestKit, provision: () => Promise<ProvisionOutcome>): Promise<ProvisionOutcome> {
  try {
    return await provision();
  } catch (error) {
    kit.logger?.error({ err: (error as Error).message }, 'provisioning threw instead of answering');
    return { errors: [new ConflictError(`provisioning failed: ${(error as Error).message}`, { code: 'PROVISIONING_ERROR' })] };
  }
}

/** When the access must end: the approved length from now, or for an extension from the current end. */
async function expiryFor(kit: RequestKit, request: AccessRequest): Promise<Date | null> {
  const seconds = request.approved_duration_seconds;
  if (seconds === null) return null;
  const now = kit.now().getTime();
  if (request.extends_grant_id === null) return new Date(now + seconds * 1000);
  const grant = await kit.db.selectFrom('grants').select('expires_at').where('id', '=', request.extends_grant_id).executeTakeFirst();
  const policy = await loadPolicy(kit.db, request.entitlement_id);
  const from = Math.max(grant?.expires_at?.getTime() ?? now, now);
  const cap = policy?.maxDurationSeconds != null ? now + policy.maxDurationSeconds * 1000 : Number.POSITIVE_INFINITY;
  return new Date(Math.min(from + seconds * 1000, cap));
}

/** Writes what provisioning did onto the request (still PROVISIONING, locked), and tells whoever listens. */
async function recordOutcome(kit: RequestKit, request: AccessRequest, outcome: ProvisionOutcome, expiresAt: Date | null): Promise<void> {
  const row = await kit.db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('requests').selectAll().where('id', '=', request.id).forUpdate().executeTakeFirstOrThrow();
    if (current.state !== 'PROVISIONING') return undefined;
    const context = await kit.auditContext(tx, current);
    if (outcome.errors.length > 0 || !outcome.result) return recordFailure(kit, tx, current, outcome, context);
    if (current.kind === 'REVOKE') return recordRevoked(kit, tx, current, outcome, context);
    return recordGranted(kit, tx, current, outcome, expiresAt, context);
  });
  if (row) await kit.finished(row);
}

async function recordFailure(kit: RequestKit, tx: Tx, current: AccessRequest, outcome: ProvisionOutcome, context: RequestAuditContext): Promise<AccessRequest> {
  const failure = failureOf(outcome);
  const failed = await tx.updateTable('requests').set({ state: 'FAILED', error: failure.message, error_code: failure.code }).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
  await recordAudit(tx, { action: current.kind === 'GRANT' ? 'request.grantFailed' : 'request.revokeFailed', outcome: 'FAILURE', actor: { label: `request:${current.id}` }, target: { type: 'request', id: current.id }, requestId: current.id, errorCode: failure.code, details: { message: failure.message }, ...context });
  await enqueueOutcomeNotice(tx, failed, kit.now());
  await kit.publish(tx, failed);
  return failed;
}

async function recordRevoked(kit: RequestKit, tx: Tx, current: AccessRequest, outcome: ProvisionOutcome, context: RequestAuditContext): Promise<AccessRequest> {
  const revoked = await tx.updateTable('requests').set({ state: 'REVOKED', provisioned_at: kit.now(), error: null, error_code: null }).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
  // The access requests that gave this access end with it.
  const ended = await endGrantedRequests(tx, current, 'REVOKED');
  await recordAudit(tx, { action: 'request.revoked', outcome: 'SUCCESS', actor: { label: `request:${current.id}` }, target: { type: 'request', id: current.id }, requestId: current.id, details: { result: outcome.result, origin: current.origin, endedRequests: ended.map((r) => r.id) }, ...context });
  for (const r of [revoked, ...ended]) await kit.publish(tx, r);
  return revoked;
}

async function recordGranted(kit: RequestKit, tx: Tx, current: AccessRequest, outcome: ProvisionOutcome, expiresAt: Date | null, context: RequestAuditContext): Promise<AccessRequest> {
  const now = kit.now();
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
  await enqueueOutcomeNotice(tx, granted, kit.now());
  await kit.publish(tx, granted);
  return granted;
}
