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
export function changesAfter(db: Kysely<DB>, filter: AccessChangeFilter, after: number, limit: number): Promise<AccessChangeRow[]> {
  return numberedChanges(db, filter, { from: after, direction: 'asc' }, limit);
}

/** Numbered changes before `before` (newest first), for paging backwards. */
export function changesBefore(db: Kysely<DB>, filter: AccessChangeFilter, before: number, limit: number): Promise<AccessChangeRow[]> {
  return numberedChanges(db, filter, { from: before, direction: 'desc' }, limit);
}

/** The numbered changes that match `filter`, walking the sequence from `from` (exclusive) up or down. */
async function numberedChanges(db: Kysely<DB>, filter: AccessChangeFilter, walk: { from: number; direction: 'asc' | 'desc' }, limit: number): Promise<AccessChangeRow[]> {
  const query = matching(db, filter).selectAll().where('seq', walk.direction === 'asc' ? '>' : '<', walk.from);
  return (await query.orderBy('seq', walk.direction).limit(limit).execute()) as AccessChangeRow[];
}

/** How many numbered changes match `filter` (a feed page's totalCount). */
export async function countChanges(db: Kysely<DB>, filter: AccessChangeFilter): Promise<number> {
  const row = await matching(db, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

function matching(db: Kysely<DB>, filter: AccessChangeFilter) {
  let query = db.selectFrom('access_changes').where('seq', 'is not', null);
  if (filter.entitlementId !== undefined) query = query.where('entitlement_id', '=', filter.entitlementId);
  if (filter.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.sources?.length) query = query.where('source', 'in', [...filter.sources]);
  if (filter.kinds?.length) query = query.where('kind', 'in', [...filter.kinds]);
  return query;
}
