import { recordAudit } from '../../audit/record.ts';
import type { Job } from '../../jobs/queue.ts';
import { NotYet } from '../../jobs/worker.ts';
import { enqueueOutcomeNotice } from '../notifications.ts';
import { describeDuration } from '../policies.ts';
import { lockRequest, type RequestKit } from './kit.ts';
import type { AccessRequest, RequestAuditContext, Tx } from './types.ts';

// How requests end without anyone deciding: nobody decided in time, or the access they gave expired.

/** The `request.timeout` job: closes a request still PENDING when its time is up. */
export async function timeoutJob(kit: RequestKit, job: Job): Promise<void> {
  const requestId = Number(job.payload.requestId);
  const row = await kit.db.transaction().execute(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (!request || request.state !== 'PENDING') return undefined;
    if (request.pending_until && request.pending_until > kit.now()) throw new NotYet(request.pending_until);
    return timeOut(kit, tx, request, await kit.auditContext(tx, request));
  });
  if (row) await kit.finished(row);
}

/** Closes a locked PENDING request nobody decided in time (CANCELLED, error code TIMED_OUT). */
export async function timeOut(kit: RequestKit, tx: Tx, request: AccessRequest, context: RequestAuditContext): Promise<AccessRequest> {
  const waited = Math.round((kit.now().getTime() - request.created_at.getTime()) / 1000);
  const row = await tx
    .updateTable('requests')
    .set({ state: 'CANCELLED', decided_at: kit.now(), pending_until: null, error: `no decision within ${describeDuration(kit.ttlSeconds)}`, error_code: 'TIMED_OUT' })
    .where('id', '=', request.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, { action: 'request.timedOut', outcome: 'SUCCESS', actor: { label: 'scheduler' }, target: { type: 'request', id: request.id }, requestId: request.id, details: { waitedSeconds: waited }, ...context });
  await enqueueOutcomeNotice(tx, row, kit.now());
  await kit.publish(tx, row);
  return row;
}

/** Marks the GRANTED requests behind an expired grant EXPIRED (called by expiry, in its transaction). */
export async function markExpired(kit: RequestKit, tx: Tx, grant: { account_id: number; entitlement_id: number }): Promise<AccessRequest[]> {
  const rows = await endGrantedRequests(tx, grant, 'EXPIRED');
  for (const row of rows) {
    await enqueueOutcomeNotice(tx, row, kit.now());
    await kit.publish(tx, row);
  }
  return rows;
}

/** Ends the GRANTED access requests of an account and entitlement, whose access just went. */
export function endGrantedRequests(tx: Tx, access: { account_id: number; entitlement_id: number }, state: 'EXPIRED' | 'REVOKED'): Promise<AccessRequest[]> {
  return tx
    .updateTable('requests')
    .set({ state })
    .where('account_id', '=', access.account_id)
    .where('entitlement_id', '=', access.entitlement_id)
    .where('kind', '=', 'GRANT')
    .where('state', '=', 'GRANTED')
    .returningAll()
    .execute();
}
