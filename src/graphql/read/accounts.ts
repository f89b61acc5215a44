import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Account, AccountStatus, AccountType, DB } from '../../db/schema.ts';
import { executeShaped, type StatementValue } from '../../db/shapedStatements.ts';
import { applyKeysetWindow, byId, keysetWindow, type KeysetOrder, type PageRequest, countRows } from '../pagination.ts';
import type { ResourceRow } from './resources.ts';
import { resourceColumns } from './resources.ts';
import { containsPattern } from './search.ts';

export interface AccountFilter {
  search?: string | null;
  status?: AccountStatus[] | null;
  type?: AccountType[] | null;
  isGuest?: boolean | null;
  /** Internal id of a workspace resource: accounts that are members of it. */
  workspaceResourceId?: number | null;
}

/**
 * The account columns the API reads. Slack's raw profile and email list stay in the database:
 * no field exposes them, and they are most of an account row's bytes.
 */
export const ACCOUNT_COLUMN_NAMES = [
  'id', 'external_id', 'slack_id', 'scim_id', 'username', 'email', 'display_name', 'real_name', 'status', 'type', 'is_guest',
  'guest_kind', 'is_bot', 'is_app_user', 'is_invited', 'is_stranger', 'is_admin', 'is_owner', 'is_primary_owner', 'mfa_enabled',
  'home_workspace_id', 'timezone', 'created_at', 'updated_at',
] as const;

export type AccountColumn = (typeof ACCOUNT_COLUMN_NAMES)[number];

const ACCOUNT_COLUMNS = ACCOUNT_COLUMN_NAMES.map((c) => `accounts.${c}` as const);

export type AccountRow = Omit<Account, 'emails' | 'profile' | 'first_seen_run' | 'last_seen_run'>;

export const accountOrder: KeysetOrder<AccountRow> = byId<AccountRow>('accounts.id');

export async function accountsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<AccountRow[]> {
  return db.selectFrom('accounts').select(ACCOUNT_COLUMNS).where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
}

export async function accountIdBy(db: Kysely<DB>, by: { externalId?: string; slackId?: string; email?: string }): Promise<number | undefined> {
  let query = db.selectFrom('accounts').select('id');
  if (by.externalId !== undefined) query = query.where('external_id', '=', by.externalId);
  if (by.slackId !== undefined) query = query.where('slack_id', '=', by.slackId);
  // Emails are compared case-insensitively (the index is on lower(email)); the oldest account wins.
  if (by.email !== undefined) query = query.where(sql`lower(email)`, '=', by.email.toLowerCase());
  const row = await query.orderBy('id').limit(1).executeTakeFirst();
  return row?.id;
}

/**
 * A filter as the values a statement compares with. Each is used only as a value (or, when
 * unset, leaves its condition out), so a page's statement can be reused for other values of the
 * same shape (see executeShaped).
 */
interface AccountConditions {
  [name: string]: StatementValue;
  /** The search as an ILIKE pattern, and as given (an exact Slack id). */
  pattern: string | null;
  search: string | null;
  status: readonly AccountStatus[] | null;
  type: readonly AccountType[] | null;
  isGuest: boolean | null;
  workspaceId: number | null;
}

function conditionsOf(filter: AccountFilter): AccountConditions {
  return {
    pattern: filter.search ? containsPattern(filter.search) : null,
    search: filter.search || null,
    status: filter.status?.length ? filter.status : null,
    type: filter.type?.length ? filter.type : null,
    isGuest: filter.isGuest ?? null,
    workspaceId: filter.workspaceResourceId ?? null,
  };
}

function filtered(db: Kysely<DB>, filter: AccountConditions, columns: readonly AccountColumn[] = ACCOUNT_COLUMN_NAMES): SelectQueryBuilder<DB, 'accounts', AccountRow> {
  // Fewer columns than a whole row only when the caller knows its fields need no more (see accountColumnsFor).
  let query = db.selectFrom('accounts').select(columns === ACCOUNT_COLUMN_NAMES ? ACCOUNT_COLUMNS : columns.map((c) => `accounts.${c}` as const)) as unknown as SelectQueryBuilder<DB, 'accounts', AccountRow>;
  if (filter.pattern && filter.search) {
    const { pattern, search } = filter;
    query = query.where((eb) =>
      eb.or([
        eb('accounts.display_name', 'ilike', pattern),
        eb('accounts.real_name', 'ilike', pattern),
        eb('accounts.email', 'ilike', pattern),
        eb('accounts.username', 'ilike', pattern),
        eb('accounts.slack_id', '=', search),
      ]),
    );
  }
  if (filter.status) query = query.where('accounts.status', 'in', filter.status);
  if (filter.type) query = query.where('accounts.type', 'in', filter.type);
  if (filter.isGuest != null) query = query.where('accounts.is_guest', '=', filter.isGuest);
  if (filter.workspaceId != null) {
    const workspaceId = filter.workspaceId;
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('grants')
            .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
            .select(sql.lit(1).as('one'))
            .whereRef('grants.account_id', '=', 'accounts.id')
            .where('entitlements.resource_id', '=', workspaceId),
        ),
        eb(
          'accounts.home_workspace_id',
          '=',
          eb.selectFrom('resources').select('resources.slack_id').where('resources.id', '=', workspaceId).where('resources.resource_type', '=', 'workspace'),
        ),
      ]),
    );
  }
  return query;
}

/** A page of accounts; with `columns`, rows hold only those (the fields a request shows need). */
export async function accountPage(db: Kysely<DB>, filter: AccountFilter, page: PageRequest, columns: readonly AccountColumn[] = ACCOUNT_COLUMN_NAMES): Promise<AccountRow[]> {
  const { after, before, limit, inverted } = keysetWindow(accountOrder, page);
  return executeShaped(db, 'accountPage', { columns, inverted }, { ...conditionsOf(filter), after, before, limit }, (shape, values) =>
    applyKeysetWindow(filtered(db, values, shape.columns), accountOrder, { ...values, inverted: shape.inverted }),
  );
}

export async function countAccounts(db: Kysely<DB>, filter: AccountFilter): Promise<number> {
  return countRows(filtered(db, conditionsOf(filter)));
}

/**
 * The workspaces each account belongs to: those whose member entitlement it holds, plus its
 * home workspace. One statement for any number of accounts.
 */
export async function workspacesOfAccounts(db: Kysely<DB>, accountIds: readonly number[]): Promise<(ResourceRow & { account_id: number })[]> {
  const rows = await sql<ResourceRow & { account_id: number }>`
    select distinct on (m.account_id, r.id) m.account_id, ${resourceColumns}
    from (
      select g.account_id, e.resource_id
        from grants g join entitlements e on e.id = g.entitlement_id
        where g.account_id = any(${accountIds}::bigint[])
      union
      select a.id, home.id
        from accounts a join resources home on home.resource_type = 'workspace' and home.slack_id = a.home_workspace_id
        where a.id = any(${accountIds}::bigint[])
    ) m
    join resources r on r.id = m.resource_id and r.resource_type = 'workspace'
    left join workspaces w on w.id = r.slack_id
    order by m.account_id, r.id`.execute(db);
  return rows.rows;
}
