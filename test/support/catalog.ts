import type { Kysely } from 'kysely';
import type { DB, ResourceType } from '../../src/db/schema.ts';

export interface Catalog {
  accounts: { id: number; slackId: string }[];
  resources: Record<string, number>;
  entitlements: Record<string, number>;
}

/**
 * A small organization: two workspaces, a user group, an IdP group, a workspace role, an
 * enterprise role and a channel, `accountCount` accounts (every 10th a guest, the last a bot,
 * every 7th disabled), everyone in workspace T1, most in the user group.
 */
export async function seedCatalog(db: Kysely<DB>, accountCount = 150): Promise<Catalog> {
  await db.insertInto('workspaces').values([
    { id: 'T1', external_id: 'workspace:T1', name: 'Acme', domain: 'acme' },
    { id: 'T2', external_id: 'workspace:T2', name: 'Acme Labs', domain: 'acme-labs', enterprise_id: 'E1' },
  ]).execute();
  const resourceSpecs: { external_id: string; resource_type: ResourceType; slack_id: string; workspace_id: string | null; display_name: string; slug: string; grantable: boolean; reason: string | null }[] = [
    { external_id: 'workspace:T1', resource_type: 'workspace', slack_id: 'T1', workspace_id: 'T1', display_name: 'Acme', slug: 'member', grantable: false, reason: 'workspace membership is managed on Enterprise Grid only' },
    { external_id: 'workspace:T2', resource_type: 'workspace', slack_id: 'T2', workspace_id: 'T2', display_name: 'Acme Labs', slug: 'member', grantable: false, reason: 'workspace membership is managed on Enterprise Grid only' },
    { external_id: 'userGroup:S1', resource_type: 'userGroup', slack_id: 'S1', workspace_id: 'T1', display_name: 'Engineering', slug: 'member', grantable: true, reason: null },
    { external_id: 'group:G1', resource_type: 'group', slack_id: 'G1', workspace_id: null, display_name: 'okta-admins', slug: 'member', grantable: false, reason: 'IdP groups need SSO' },
    { external_id: 'workspaceRole:T1:admin', resource_type: 'workspaceRole', slack_id: 'T1:admin', workspace_id: 'T1', display_name: 'Acme admin', slug: 'assigned', grantable: false, reason: 'Grid only' },
    { external_id: 'enterpriseRole:Rl0A', resource_type: 'enterpriseRole', slack_id: 'Rl0A', workspace_id: null, display_name: 'Org admin', slug: 'assigned', grantable: false, reason: 'Grid only' },
    { external_id: 'channel:C1', resource_type: 'channel', slack_id: 'C1', workspace_id: 'T1', display_name: '#general', slug: 'member', grantable: true, reason: null },
  ];
  const resources: Record<string, number> = {};
  const entitlements: Record<string, number> = {};
  for (const spec of resourceSpecs) {
    const r = await db
      .insertInto('resources')
      .values({ external_id: spec.external_id, resource_type: spec.resource_type, slack_id: spec.slack_id, workspace_id: spec.workspace_id, display_name: spec.display_name })
      .returning('id')
      .executeTakeFirstOrThrow();
    resources[spec.external_id] = r.id;
    const e = await db
      .insertInto('entitlements')
      .values({
        external_id: `${spec.external_id}:${spec.slug}`,
        resource_id: r.id,
        slug: spec.slug,
        display_name: `${spec.display_name} ${spec.slug}`,
        grantable: spec.grantable,
        grantable_reason: spec.reason,
        purpose: spec.slug === 'assigned' ? 'PERMISSION' : 'ASSIGNMENT',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    entitlements[`${spec.external_id}:${spec.slug}`] = e.id;
  }

  const accountRows = Array.from({ length: accountCount }, (_, i) => {
    const n = String(i).padStart(3, '0');
    const bot = i === accountCount - 1;
    return {
      external_id: `user:U${n}`,
      slack_id: `U${n}`,
      email: bot ? null : `Person${n}@Acme.test`,
      display_name: bot ? 'deploy-bot' : `person${n}`,
      real_name: bot ? 'Deploy Bot' : `Person Number ${n}`,
      username: bot ? 'deploy-bot' : `person${n}`,
      type: bot ? ('SERVICE' as const) : ('HUMAN' as const),
      is_bot: bot,
      is_guest: i % 10 === 9,
      status: i % 7 === 6 ? ('DISABLED' as const) : ('ENABLED' as const),
      home_workspace_id: 'T1',
      mfa_enabled: i % 2 === 0,
    };
  });
  const accounts = await db.insertInto('accounts').values(accountRows).returning(['id', 'slack_id']).execute();

  const grant = (entitlement: string, accountIds: { id: number; slack_id: string }[], source: 'SYNC' | 'DIRECT' = 'SYNC', expiresAt: Date | null = null) =>
    accountIds.map((a) => ({
      external_id: `${entitlement}:user:${a.slack_id}`,
      entitlement_id: entitlements[entitlement] as number,
      account_id: a.id,
      source,
      expires_at: expiresAt,
    }));
  const rows = [
    ...grant('workspace:T1:member', accounts),
    ...grant('userGroup:S1:member', accounts.slice(0, 120)),
    ...grant('workspace:T2:member', accounts.slice(0, 5)),
    ...grant('channel:C1:member', accounts.slice(0, 3), 'DIRECT', new Date('2030-01-01T00:00:00Z')),
    ...grant('workspaceRole:T1:admin:assigned', accounts.slice(0, 1)),
  ];
  await db.insertInto('grants').values(rows).execute();
  return { accounts: accounts.map((a) => ({ id: a.id, slackId: a.slack_id })), resources, entitlements };
}
