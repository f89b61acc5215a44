import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { AccessRequest } from '../../access/requests/index.ts';
import type { ApprovalsTable, DB, RequestKind, RequestState } from '../../db/schema.ts';
import { applyKeyset, byId, type KeysetOrder, type PageRequest, countRows } from '../pagination.ts';

export type ApprovalRow = Selectable<ApprovalsTable>;

/** Which requests a list shows; ids are already resolved to database ids. */
export interface RequestFilter {
  states?: RequestState[] | null;
  kinds?: RequestKind[] | null;
  accountId?: number | null;
  entitlementId?: number | null;
  requesterId?: number | null;
}

/** Newest first. */
export const requestOrder: KeysetOrder<AccessRequest> = byId<AccessRequest>('requests.id', 'desc');

function filtered(db: Kysely<DB>, f: RequestFilter): SelectQueryBuilder<DB, 'requests', AccessRequest> {
  let q = db.selectFrom('requests').selectAll('requests');
  if (f.states?.length) q = q.where('requests.state', 'in', f.states);
  if (f.kinds?.length) q = q.where('requests.kind', 'in', f.kinds);
  if (f.accountId != null) q = q.where('requests.account_id', '=', f.accountId);
  if (f.entitlementId != null) q = q.where('requests.entitlement_id', '=', f.entitlementId);
  if (f.requesterId != null) q = q.where('requests.requester_id', '=', f.requesterId);
  return q;
}

/** One page of requests: one statement, keyset cursors. */
export function requestsPage(db: Kysely<DB>, f: RequestFilter, page: PageRequest): Promise<AccessRequest[]> {
  return applyKeyset(filtered(db, f), requestOrder, page).execute();
}

export async function countRequests(db: Kysely<DB>, f: RequestFilter): Promise<number> {
  return countRows(filtered(db, f));
}

/** The approvals and denials of each request, in the order they were given (one statement). */
export async function approvalsOf(db: Kysely<DB>, requestIds: readonly number[]): Promise<ApprovalRow[][]> {
  const rows = await db.selectFrom('approvals').selectAll().where('request_id', '=', sql<number>`any(${requestIds}::bigint[])`).orderBy('id').execute();
  return requestIds.map((id) => rows.filter((r) => r.request_id === id));
}
