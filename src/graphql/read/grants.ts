import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB, Grant, GrantSource, ResourceType } from '../../db/schema.ts';
import type { AccountColumn, AccountRow } from './accounts.ts';
import { executeShaped, type StatementValue } from '../../db/shapedStatements.ts';
import { applyKeyset, applyKeysetWindow, byId, keysetWindow, type KeysetOrder, type PageRequest, countRows } from '../pagination.ts';

export interface GrantFilter {
  entitlementId?: number | null;
  accountId?: number | null;
  resourceTypes?: ResourceType[] | null;
  sources?: GrantSource[] | null;
  /** Grants that expire before this time (grants without expiry never match). */
  expiringBefore?: Date | null;
}

/** The grant columns the API reads (not the sync's bookkeeping). */
const GRANT_COLUMNS = [
  'grants.id', 'grants.external_id', 'grants.entitlement_id', 'grants.account_id', 'grants.source', 'grants.granted_at',
  'grants.expires_at', 'grants.request_id',
] as const;

export type GrantRow = Omit<Grant, 'first_seen_run' | 'last_seen_run' | 'created_at' | 'updated_at'>;

export const grantOrder: KeysetOrder<GrantRow> = byId<GrantRow>('grants.id');

export async function grantsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<GrantRow[]> {
  return db.selectFrom('grants').select(GRANT_COLUMNS).where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
}

export async function grantIdByExternalId(db: Kysely<DB>, externalId: string): Promise<number | undefined> {
  return (await db.selectFrom('grants').select('id').where('external_id', '=', externalId).executeTakeFirst())?.id;
}

/**
 * A filter as the values a statement compares with, each used only as a value (or, unset,
 * leaving its condition out): a page's statement is reused for other values of its shape.
 */
interface GrantConditions {
  [name: string]: StatementValue;
  entitlementId: number | null;
  accountId: number | null;
  resourceTypes: ResourceType[] | null;
  sources: GrantSource[] | null;
  expiringBefore: Date | null;
}

function conditionsOf(filter: GrantFilter): GrantConditions {
  return {
    entitlementId: filter.entitlementId ?? null,
    accountId: filter.accountId ?? null,
    resourceTypes: filter.resourceTypes?.length ? filter.resourceTypes : null,
    sources: filter.sources?.length ? filter.sources : null,
    expiringBefore: filter.expiringBefore ?? null,
  };
}

function withFilter<TB extends 'grants', O>(query: SelectQueryBuilder<DB, TB, O>, filter: GrantFilter): SelectQueryBuilder<DB, TB, O> {
  let q = query as unknown as SelectQueryBuilder<DB, 'grants', O>;
  if (filter.entitlementId != null) q = q.where('grants.entitlement_id', '=', filter.entitlementId);
  if (filter.accountId != null) q = q.where('grants.account_id', '=', filter.accountId);
  if (filter.sources?.length) q = q.where('grants.source', 'in', filter.sources);
  if (filter.expiringBefore) q = q.where('grants.expires_at', '<', filter.expiringBefore);
  if (filter.resourceTypes?.length) {
    const types = filter.resourceTypes;
    q = q.where('grants.entitlement_id', 'in', (eb) =>
      eb.selectFrom('entitlements').innerJoin('resources', 'resources.id', 'entitlements.resource_id').select('entitlements.id').where('resources.resource_type', 'in', types),
    );
  }
  return q as unknown as SelectQueryBuilder<DB, TB, O>;
}

export async function grantPage(db: Kysely<DB>, filter: GrantFilter, page: PageRequest): Promise<GrantRow[]> {
  const { after, before, limit, inverted } = keysetWindow(grantOrder, page);
  return executeShaped(db, 'grantPage', { inverted }, { ...conditionsOf(filter), after, before, limit }, (shape, v) =>
    applyKeysetWindow(withFilter(db.selectFrom('grants').select(GRANT_COLUMNS), v), grantOrder, { ...v, inverted: shape.inverted }),
  );
}

/**
 * A page of grants with, in the same statement, the given columns of each grant's account
 * (always with its id): one round trip where a page and its accounts took two.
 */
export async function grantPageWithAccounts(
  db: Kysely<DB>,
  filter: GrantFilter,
  page: PageRequest,
  accountColumns: readonly AccountColumn[],
): Promise<{ rows: GrantRow[]; accounts: AccountRow[] }> {
  const columns = accountColumns.filter((c) => c !== 'id');
  const { after, before, limit, inverted } = keysetWindow(grantOrder, page);
  const values = { ...conditionsOf(filter), after, before, limit };
  const rows = (await executeShaped(db, 'grantPageWithAccounts', { columns, inverted }, values, (shape, v) =>
    applyKeysetWindow(
      withFilter(
        db
          .selectFrom('grants')
          .innerJoin('accounts', 'accounts.id', 'grants.account_id')
          .select(GRANT_COLUMNS)
          .select(shape.columns.map((c) => sql.ref(`accounts.${c}`).as(`account_${c}`))),
        v,
      ),
      grantOrder,
      { ...v, inverted: shape.inverted },
    ),
  )) as unknown as (GrantRow & Record<string, unknown>)[];
  const accounts = rows.map((row) => {
    const account: Record<string, unknown> = { id: row.account_id };
    for (const c of columns) account[c] = row[`account_${c}`];
    return account as unknown as AccountRow;
  });
  return { rows, accounts };
}

export async function countGrants(db: Kysely<DB>, filter: GrantFilter): Promise<number> {
  return countRows(withFilter(db.selectFrom('grants').selectAll('grants'), filter));
}

export type GrantParent = 'entitlement_id' | 'account_id';

/**
 * One page of grants for each of many parents (entitlements or accounts), in one statement:
 * a lateral subquery per parent id, each with its own keyset window and limit.
 */
export async function grantPagesPerParent(
  db: Kysely<DB>,
  parent: GrantParent,
  parentIds: readonly number[],
  filter: GrantFilter,
  page: PageRequest,
): Promise<Map<number, GrantRow[]>> {
  const rows = await db
    .selectFrom(sql<{ parent_id: number }>`(select unnest(${parentIds}::bigint[]) as parent_id)`.as('p'))
    .innerJoinLateral(
      (eb) => applyKeyset(withFilter(eb.selectFrom('grants').select(GRANT_COLUMNS).whereRef(`grants.${parent}`, '=', 'p.parent_id'), filter), grantOrder, page).as('g'),
      (join) => join.onTrue(),
    )
    .selectAll('g')
    .execute();
  const byParent = new Map<number, GrantRow[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) byParent.get(row[parent])?.push(row);
  return byParent;
}

/** How many grants match the filter, per parent, in one statement. */
/** How many grants each entitlement has, for the ids that have any. */
export async function grantCountsByEntitlement(db: Kysely<DB>, entitlementIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('grants')
    .select(['entitlement_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('entitlement_id', '=', sql<number>`any(${[...entitlementIds]}::bigint[])`)
    .groupBy('entitlement_id')
    .execute();
  return new Map(rows.map((r) => [r.entitlement_id, Number(r.count)]));
}

export async function countGrantsPerParent(db: Kysely<DB>, parent: GrantParent, parentIds: readonly number[], filter: GrantFilter): Promise<Map<number, number>> {
  const rows = await withFilter(db.selectFrom('grants').selectAll('grants'), filter)
    .clearSelect()
    .select([`grants.${parent} as parent_id`, (eb) => eb.fn.countAll<number>().as('count')])
    .where(`grants.${parent}`, '=', sql<number>`any(${parentIds}::bigint[])`)
    .groupBy(`grants.${parent}`)
    .execute();
  const counts = new Map<number, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(Number(row.parent_id), Number(row.count));
  return counts;
}
