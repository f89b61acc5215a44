import type { Kysely, Selectable } from 'kysely';
import type { AccessChangeKind, AccessChangesTable, ChangeSource, DB } from '../db/schema.ts';

export type AccessChangeRow = Selectable<AccessChangesTable> & { seq: number };

/** Which changes a reader wants; every part given must match. */
export interface AccessChangeFilter {
  entitlementId?: number;
  resourceId?: number;
  accountId?: number;
  sources?: readonly ChangeSource[];
  kinds?: readonly AccessChangeKind[];
}

/** Numbered changes after `after`, in sequence order, at most `limit`. */
export async function changesAfter(db: Kysely<DB>, filter: AccessChangeFilter, after: number, limit: number): Promise<AccessChangeRow[]> {
  let query = db.selectFrom('access_changes').selectAll().where('seq', 'is not', null).where('seq', '>', after);
  if (filter.entitlementId !== undefined) query = query.where('entitlement_id', '=', filter.entitlementId);
  if (filter.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.sources?.length) query = query.where('source', 'in', [...filter.sources]);
  if (filter.kinds?.length) query = query.where('kind', 'in', [...filter.kinds]);
  return (await query.orderBy('seq').limit(limit).execute()) as AccessChangeRow[];
}

/** Numbered changes before `before` (newest first), for paging backwards. */
export async function changesBefore(db: Kysely<DB>, filter: AccessChangeFilter, before: number, limit: number): Promise<AccessChangeRow[]> {
  let query = db.selectFrom('access_changes').selectAll().where('seq', 'is not', null).where('seq', '<', before);
  if (filter.entitlementId !== undefined) query = query.where('entitlement_id', '=', filter.entitlementId);
  if (filter.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.sources?.length) query = query.where('source', 'in', [...filter.sources]);
  if (filter.kinds?.length) query = query.where('kind', 'in', [...filter.kinds]);
  return (await query.orderBy('seq', 'desc').limit(limit).execute()) as AccessChangeRow[];
}
