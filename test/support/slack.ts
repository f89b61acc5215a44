import type { Kysely } from 'kysely';
import { resolveConfig, type Config } from '../../src/config.ts';
import type { DB } from '../../src/db/schema.ts';
import { SlackConnection } from '../../src/slack/connection.ts';
import { isWorkspaceAdmin, type SlackStore } from '../../src/simulator/store.ts';
import { scimGroups } from '../../src/simulator/scim/resources.ts';
import type { RunningSimulator } from '../../src/simulator/index.ts';

/** slackgate's configuration for a running simulator: every token the plan has. */
export function configFor(sim: RunningSimulator, overrides: { sso?: boolean; scim?: boolean; enterprise?: boolean } = {}): Config {
  const scim = overrides.scim ?? sim.plan !== 'pro';
  return resolveConfig(
    {
      token: sim.tokens.bot,
      businessPlusToken: scim ? sim.tokens.admin : undefined,
      enterpriseToken: overrides.enterprise === false ? undefined : sim.tokens.enterprise,
      ssoEnabled: scim && (overrides.sso ?? true),
      govEnv: sim.plan === 'gov',
      slackApiUrl: sim.apiUrl,
      scimApiUrl: sim.scimUrl,
    },
    {},
  );
}

/** Tests talk to a simulator with no rate limits: pacing off, retries quick. */
export function connectionFor(config: Config, options: { minuteMs?: number } = {}): SlackConnection {
  return new SlackConnection({ slack: config.slack, minuteMs: options.minuteMs ?? 0, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
}

export interface ExpectedAccess {
  accounts: Map<string, 'ENABLED' | 'DISABLED' | 'DELETED'>;
  entitlements: Set<string>;
  grants: Set<string>;
}

/**
 * What a complete sync must produce, worked out from the simulator's own objects (not through
 * the API), following the reference's rules: workspace membership and derived roles for every
 * listed user, user groups with their members (disabled ones too), IdP groups, the channels the
 * bot can see, Grid organization and system roles.
 */
export function expectedAccess(store: SlackStore, options: { scim: boolean; sso: boolean; enterpriseRoles: boolean; botToken: string }): ExpectedAccess {
  const accounts = new Map<string, 'ENABLED' | 'DISABLED' | 'DELETED'>();
  const entitlements = new Set<string>();
  const grants = new Set<string>();
  const status = (deleted: boolean) => (deleted ? (options.scim ? 'DISABLED' : 'DELETED') : 'ENABLED');
  const grant = (entitlement: string, user: string) => grants.add(`${entitlement}:user:${user}`);
  const roles = ['primary_owner', 'owner', 'admin', 'multi_channel_guest', 'single_channel_guest', 'invited_member', 'bot', 'member'];

  for (const ws of store.workspaces.values()) {
    entitlements.add(`workspace:${ws.id}:member`);
    for (const role of roles) entitlements.add(`workspaceRole:${ws.id}:${role}:assigned`);
    for (const id of ws.userIds) {
      const u = store.users.get(id);
      if (!u) continue;
      accounts.set(id, status(u.deleted));
      if (u.isStranger) continue;
      grant(`workspace:${ws.id}:member`, id);
      const role = u.memberships.find((m) => m.teamId === ws.id)?.role;
      const held: string[] = [];
      if (role === 'primary_owner') held.push('primary_owner');
      if (role === 'owner' || role === 'primary_owner') held.push('owner');
      if (isWorkspaceAdmin(role)) held.push('admin');
      if (u.isRestricted && u.isUltraRestricted) held.push('single_channel_guest');
      if (u.isRestricted && !u.isUltraRestricted) held.push('multi_channel_guest');
      if (u.isInvitedUser) held.push('invited_member');
      if (!u.isRestricted && !u.isUltraRestricted && !u.isInvitedUser && !u.isBot && !u.deleted) held.push('member');
      if (u.isBot) held.push('bot');
      for (const r of held) grant(`workspaceRole:${ws.id}:${r}:assigned`, id);
    }
    for (const g of store.usergroupsOf(ws.id)) {
      entitlements.add(`userGroup:${g.id}:member`);
      // A disabled group grants nothing, whoever Slack still lists in it.
      if (g.dateDelete > 0) continue;
      for (const m of g.users) grant(`userGroup:${g.id}:member`, m);
    }
    const bot = store.tokens.get(options.botToken)?.userId ?? '';
    for (const c of store.channelsOf(ws.id)) {
      if (c.isPrivate && !c.members.has(bot)) continue;
      entitlements.add(`channel:${c.id}:member`);
      for (const m of c.members) grant(`channel:${c.id}:member`, m);
    }
  }
  if (options.scim) {
    for (const u of store.users.values()) {
      if (u.id === 'USLACKBOT' || u.isStranger) continue;
      if (!accounts.has(u.id)) accounts.set(u.id, status(u.deleted));
    }
  }
  if (options.scim && options.sso) {
    for (const g of scimGroups(store)) {
      entitlements.add(`group:${g.id}:member`);
      for (const m of g.users) grant(`group:${g.id}:member`, m);
    }
  }
  if (store.isGrid) {
    for (const id of ['organization_primary_owner', 'organization_owner', 'organization_admin']) entitlements.add(`enterpriseRole:${id}:assigned`);
    for (const ws of store.workspaces.values()) {
      for (const id of ws.userIds) {
        const u = store.users.get(id);
        if (!u || u.orgRole === 'member') continue;
        grant('enterpriseRole:organization_admin:assigned', id);
        if (u.orgRole === 'owner' || u.orgRole === 'primary_owner') grant('enterpriseRole:organization_owner:assigned', id);
        if (u.orgRole === 'primary_owner') grant('enterpriseRole:organization_primary_owner:assigned', id);
      }
    }
    if (options.enterpriseRoles) {
      for (const a of store.roleAssignments) {
        entitlements.add(`enterpriseRole:${a.roleId}:assigned`);
        grant(`enterpriseRole:${a.roleId}:assigned`, a.userId);
      }
    }
  }
  // A grant counts only for an account the sync can know.
  for (const g of [...grants]) if (!accounts.has(g.slice(g.lastIndexOf(':user:') + 6))) grants.delete(g);
  return { accounts, entitlements, grants };
}

/** What the cache holds now, in the same shape. */
export async function cachedAccess(db: Kysely<DB>): Promise<ExpectedAccess> {
  const accounts = await db.selectFrom('accounts').select(['slack_id', 'status']).execute();
  const ents = await db
    .selectFrom('entitlements')
    .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
    .select('entitlements.external_id')
    .where('resources.status', '<>', 'DELETED')
    .execute();
  const grants = await db.selectFrom('grants').select('external_id').execute();
  return {
    accounts: new Map(accounts.map((a) => [a.slack_id, a.status])),
    entitlements: new Set(ents.map((e) => e.external_id)),
    grants: new Set(grants.map((g) => g.external_id)),
  };
}
