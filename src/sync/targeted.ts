import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/createDb.ts';
import type { DB, ResourceType } from '../db/schema.ts';
import type { SlackConnection } from '../slack/connection.ts';
import { withChangeOrigin, type ChangeOrigin } from '../feed/source.ts';
import { EnterpriseRoleProvisioner, readWorkspaceUser, UserGroupProvisioner } from '../slack/provisioners/index.ts';
import { SlackCatalog } from '../slack/catalog.ts';
import { workspaceRolesOf } from './mapping.ts';

// Targeted refresh: after a grant or revoke, re-read one resource's members from Slack and make
// its grants in the cache match, in one transaction, without waiting for the next full sync.
// Grants are added with source SYNC (the change that caused them writes its own row first, with
// its own source) and removed when Slack no longer lists the account.

type Db = Kysely<DB> | Transaction<DB>;

export interface RefreshTarget {
  entitlementId: number;
  entitlementExternalId: string;
  resourceId: number;
  resourceType: ResourceType;
  slackId: string;
  workspaceId: string | null;
}

export interface ResourceMembers {
  members: string[];
  /** User groups only: a disabled group grants nothing, whatever Slack still lists on it. */
  status?: 'ACTIVE' | 'DISABLED';
}

export interface GrantChanges {
  entitlementId: number;
  added: number[];
  removed: number[];
}

export async function refreshTargetOf(db: Db, entitlementId: number): Promise<RefreshTarget | undefined> {
  const row = await db
    .selectFrom('entitlements as e')
    .innerJoin('resources as r', 'r.id', 'e.resource_id')
    .select(['e.id', 'e.external_id', 'r.id as resource_id', 'r.resource_type', 'r.slack_id', 'r.workspace_id'])
    .where('e.id', '=', entitlementId)
    .executeTakeFirst();
  return (
    row && {
      entitlementId: row.id,
      entitlementExternalId: row.external_id,
      resourceId: row.resource_id,
      resourceType: row.resource_type,
      slackId: row.slack_id,
      workspaceId: row.workspace_id,
    }
  );
}

/** Every member of a group, channel or enterprise role, as Slack lists them now. */
export async function readResourceMembers(connection: SlackConnection, target: RefreshTarget): Promise<ResourceMembers> {
  const team = target.workspaceId ?? undefined;
  switch (target.resourceType) {
    case 'userGroup':
      return new UserGroupProvisioner(connection).read({ slackId: target.slackId, workspaceId: target.workspaceId });
    case 'group': {
      const group = await new SlackCatalog(connection).scimGroup(target.slackId);
      return { members: (group?.members ?? []).map((m) => m.value) };
    }
    case 'channel': {
      const members: string[] = [];
      for await (const page of new SlackCatalog(connection).channelMembers(target.slackId, team)) members.push(...page.items);
      return { members };
    }
    case 'enterpriseRole': {
      const assignments = await new EnterpriseRoleProvisioner(connection).assignments(target.slackId);
      return { members: [...new Set(assignments.map((a) => a.user_id))] };
    }
    default:
      throw new Error(`${target.resourceType} members are read per account (readWorkspaceAccess), not as one list`);
  }
}

/**
 * Makes the cached grants of one entitlement match `members` (Slack user ids). With `accountIds`,
 * only those accounts' grants are touched. Accounts the cache does not know are skipped.
 */
export async function reconcileGrants(
  db: Db,
  target: { entitlementId: number; entitlementExternalId: string },
  members: string[],
  options: { accountIds?: number[]; resourceStatus?: 'ACTIVE' | 'DISABLED'; resourceId?: number; origin?: ChangeOrigin } = {},
): Promise<GrantChanges> {
  // What a refresh finds in Slack is recorded in the change feed as seen by a sync, unless the
  // caller says otherwise (an event).
  return withChangeOrigin(db, options.origin ?? { source: 'SYNC' }, () => reconcile(db, target, members, options));
}

async function reconcile(
  db: Db,
  target: { entitlementId: number; entitlementExternalId: string },
  members: string[],
  options: { accountIds?: number[]; resourceStatus?: 'ACTIVE' | 'DISABLED'; resourceId?: number },
): Promise<GrantChanges> {
  const { entitlementId, entitlementExternalId } = target;
  const scope = options.accountIds;
  const inScope = scope ? sql`and a.id = any(${scope}::bigint[])` : sql``;
  const grantScope = scope ? sql`and g.account_id = any(${scope}::bigint[])` : sql``;
  const removed = await sql<{ account_id: number }>`
    delete from grants g where g.entitlement_id = ${entitlementId} ${grantScope}
      and not exists (select 1 from accounts a where a.id = g.account_id and a.slack_id = any(${members}::text[]))
    returning g.account_id`.execute(db);
  const added = await sql<{ account_id: number }>`
    insert into grants (external_id, entitlement_id, account_id, source, granted_at, updated_at)
    select ${entitlementExternalId} || ':user:' || a.slack_id, ${entitlementId}, a.id, 'SYNC', now(), now()
    from accounts a where a.slack_id = any(${members}::text[]) ${inScope}
    on conflict do nothing
    returning account_id`.execute(db);
  if (options.resourceStatus && options.resourceId !== undefined) {
    await db
      .updateTable('resources')
      .set({ status: options.resourceStatus, updated_at: new Date() })
      .where('id', '=', options.resourceId)
      .where('status', 'in', ['ACTIVE', 'DISABLED'])
      .where('status', '<>', options.resourceStatus)
      .execute();
  }
  return { entitlementId, added: added.rows.map((r) => Number(r.account_id)), removed: removed.rows.map((r) => Number(r.account_id)) };
}

/** Members of a user group that count: none for a disabled group. */
export function effectiveMembers(state: ResourceMembers): string[] {
  return state.status === 'DISABLED' ? [] : state.members;
}

/**
 * What one account holds in one workspace (membership and derived roles), read from Slack, as
 * the grants of the workspace's entitlements: entitlement id → held.
 */
export async function readWorkspaceAccess(db: Db, connection: SlackConnection, workspaceId: string, slackId: string): Promise<{ entitlementId: number; externalId: string; held: boolean }[]> {
  const { inWorkspace, user } = await readWorkspaceUser(connection, workspaceId, slackId);
  const roles = inWorkspace ? new Set(workspaceRolesOf(user)) : new Set<string>();
  const entitlements = await db
    .selectFrom('entitlements as e')
    .innerJoin('resources as r', 'r.id', 'e.resource_id')
    .select(['e.id', 'e.external_id', 'r.resource_type', 'r.profile'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.resource_type', 'in', ['workspace', 'workspaceRole'])
    .execute();
  return entitlements.map((e) => {
    const role = (e.profile as { role?: string }).role;
    return { entitlementId: e.id, externalId: e.external_id, held: e.resource_type === 'workspace' ? inWorkspace && !user.is_stranger : role !== undefined && roles.has(role) };
  });
}

/**
 * Re-reads one entitlement's members from Slack and reconciles its grants in one transaction.
 * Workspace membership and roles are read per account (`accountIds` required: listing a whole
 * workspace is a full sync's job); every other kind as the resource's whole member list.
 */
export async function refreshResourceGrants(options: {
  database: Database;
  connection: SlackConnection;
  entitlementId: number;
  accountIds?: number[];
}): Promise<GrantChanges[]> {
  const db = options.database.db;
  const target = await refreshTargetOf(db, options.entitlementId);
  if (!target) return [];
  if (target.resourceType === 'workspace' || target.resourceType === 'workspaceRole') {
    if (!target.workspaceId || !options.accountIds?.length) return [];
    const accounts = await db.selectFrom('accounts').select(['id', 'slack_id']).where('id', 'in', options.accountIds).execute();
    const reads = await Promise.all(accounts.map(async (a) => ({ account: a, access: await readWorkspaceAccess(db, options.connection, target.workspaceId as string, a.slack_id) })));
    return db.transaction().execute(async (trx) => {
      const changes: GrantChanges[] = [];
      for (const { account, access } of reads) {
        for (const e of access) {
          const c = await reconcileGrants(trx, { entitlementId: e.entitlementId, entitlementExternalId: e.externalId }, e.held ? [account.slack_id] : [], { accountIds: [account.id] });
          if (c.added.length || c.removed.length) changes.push(c);
        }
      }
      return changes;
    });
  }
  const state = await readResourceMembers(options.connection, target);
  const change = await db.transaction().execute((trx) =>
    reconcileGrants(trx, target, effectiveMembers(state), { accountIds: options.accountIds, resourceStatus: state.status, resourceId: target.resourceId }),
  );
  return change.added.length || change.removed.length ? [change] : [];
}
