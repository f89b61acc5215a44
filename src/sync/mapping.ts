import type { Insertable } from 'kysely';
import type {
  StageAccountsTable,
  StageEntitlementsTable,
  StageGrantsTable,
  StageResourcesTable,
  StageScimUsersTable,
  StageWorkspacesTable,
} from '../db/schema.ts';
import { grantabilityOf, type Capabilities, type EntitlementKind } from '../slack/grantability.ts';
import type { ScimGroup, ScimUser } from '../slack/scim.ts';
import type { SlackChannel, SlackTeam, SlackUser, SlackUserGroup } from '../slack/wire.ts';

// Slack objects → staged rows. External ids are built by concatenation only (never parsed):
// resource `userGroup:S1`, entitlement `userGroup:S1:member`, grant `…:user:U1`.

/** This module's code, for the version of what answers are made into (see engine.ts). */
export const MAPPING_MODULE = import.meta.url;

type Row<T> = Omit<Insertable<T>, 'run_id' | 'page'>;
export type StageAccount = Row<StageAccountsTable>;
export type StageScimUser = Row<StageScimUsersTable>;
export type StageResource = Row<StageResourcesTable>;
export type StageEntitlement = Row<StageEntitlementsTable>;
export type StageGrant = Row<StageGrantsTable>;
export type StageWorkspace = Row<StageWorkspacesTable>;

/** Everything one page of Slack data turns into. */
export interface StageBatch {
  workspaces?: StageWorkspace[];
  accounts?: StageAccount[];
  scimUsers?: StageScimUser[];
  resources?: StageResource[];
  entitlements?: StageEntitlement[];
  grants?: StageGrant[];
}

/** Appends every kind of row of `from` to `into`. */
export function appendBatch(into: StageBatch, from: StageBatch): StageBatch {
  for (const key of Object.keys(from) as (keyof StageBatch)[]) {
    const rows = from[key] as unknown[] | undefined;
    if (rows?.length) ((into[key] ??= []) as unknown[]).push(...rows);
  }
  return into;
}

export const WORKSPACE_ROLES: Record<string, string> = {
  primary_owner: 'Primary Owner',
  owner: 'Owner',
  admin: 'Admin',
  multi_channel_guest: 'Multi Channel Guest',
  single_channel_guest: 'Single Channel Guest',
  invited_member: 'Invited member',
  bot: 'Bot',
  member: 'Member',
};

export const ORGANIZATION_ROLES: Record<string, string> = {
  organization_primary_owner: 'Organization primary owner',
  organization_owner: 'Organization owner',
  organization_admin: 'Organization admin',
};

export const SYSTEM_ROLES: Record<string, string> = {
  Rl0L: 'Analytics Admin',
  Rl0C: 'Audit Logs Admin',
  Rl01: 'Channel Admin',
  Rl0A: 'Channel Manager',
  Rl05: 'Conversation Admin',
  Rl09: 'DLP Admin',
  Rl0F: 'Exports Admin',
  Rl0D: 'Integrations Manager',
  Rl04: 'Message Activity Manager',
  Rl02: 'Role Admin',
  Rl0G: 'Sales Admin',
  Rl0H: 'Sales User',
  Rl0J: 'Security Admin',
  Rl0B: 'Slack Platform Developer',
  Rl03: 'User Admin',
  Rl0K: 'Workflow Admin',
};

export const ext = {
  workspace: (teamId: string) => `workspace:${teamId}`,
  workspaceRole: (teamId: string, role: string) => `workspaceRole:${teamId}:${role}`,
  userGroup: (id: string) => `userGroup:${id}`,
  idpGroup: (id: string) => `group:${id}`,
  enterpriseRole: (id: string) => `enterpriseRole:${id}`,
  channel: (id: string) => `channel:${id}`,
  entitlement: (resourceExternalId: string, slug: string) => `${resourceExternalId}:${slug}`,
  account: (slackId: string) => `user:${slackId}`,
  grant: (entitlementExternalId: string, slackId: string) => `${entitlementExternalId}:user:${slackId}`,
};

function entitlement(
  resource: StageResource,
  slug: 'member' | 'assigned',
  displayName: string,
  description: string,
  kind: EntitlementKind,
  caps: Capabilities,
): StageEntitlement {
  const g = grantabilityOf(kind, caps);
  return {
    external_id: ext.entitlement(resource.external_id, slug),
    resource_external_id: resource.external_id,
    slug,
    display_name: displayName,
    description,
    purpose: slug === 'member' ? 'ASSIGNMENT' : 'PERMISSION',
    grantable: g.grantable,
    grantable_reason: g.reason,
  };
}

/** A workspace, its `member` entitlement and its 8 role resources with `assigned` entitlements. */
export function mapWorkspace(team: SlackTeam, caps: Capabilities): StageBatch {
  const ws: StageResource = {
    external_id: ext.workspace(team.id),
    resource_type: 'workspace',
    slack_id: team.id,
    workspace_id: team.id,
    parent_external_id: null,
    display_name: team.name,
    description: `The ${team.name} workspace`,
    profile: { domain: team.domain ?? null, enterprise_id: team.enterprise_id ?? null },
  };
  const resources = [ws];
  const entitlements = [entitlement(ws, 'member', `${team.name} workspace member`, `Member of the ${team.name} workspace`, { resourceType: 'workspace', slug: 'member' }, caps)];
  for (const [role, label] of Object.entries(WORKSPACE_ROLES)) {
    const r: StageResource = {
      external_id: ext.workspaceRole(team.id, role),
      resource_type: 'workspaceRole',
      slack_id: `${team.id}:${role}`,
      workspace_id: team.id,
      parent_external_id: ws.external_id,
      display_name: label,
      description: `The ${label} role in the ${team.name} workspace`,
      profile: { role },
    };
    resources.push(r);
    entitlements.push(
      entitlement(r, 'assigned', `${team.name} workspace ${label} role`, `Has the ${label} role in the Slack ${team.name} workspace`, { resourceType: 'workspaceRole', slug: 'assigned', roleId: role }, caps),
    );
  }
  return {
    workspaces: [{ id: team.id, name: team.name, domain: team.domain ?? null, enterprise_id: team.enterprise_id ?? null, profile: { email_domain: team.email_domain ?? null } }],
    resources,
    entitlements,
  };
}

/** The 3 organization roles every Grid org has (their grants come from `enterprise_user`). */
export function mapOrganizationRoles(caps: Capabilities): StageBatch {
  const resources: StageResource[] = [];
  const entitlements: StageEntitlement[] = [];
  for (const [id, label] of Object.entries(ORGANIZATION_ROLES)) resourcesForEnterpriseRole(id, label, caps, resources, entitlements);
  return { resources, entitlements };
}

export function mapEnterpriseRole(roleId: string, caps: Capabilities): StageBatch {
  const resources: StageResource[] = [];
  const entitlements: StageEntitlement[] = [];
  // Custom roles (ids outside Slack's system table) are kept too, named by their id.
  resourcesForEnterpriseRole(roleId, SYSTEM_ROLES[roleId] ?? `Custom role ${roleId}`, caps, resources, entitlements);
  return { resources, entitlements };
}

function resourcesForEnterpriseRole(id: string, label: string, caps: Capabilities, resources: StageResource[], entitlements: StageEntitlement[]): void {
  const r: StageResource = {
    external_id: ext.enterpriseRole(id),
    resource_type: 'enterpriseRole',
    slack_id: id,
    workspace_id: null,
    parent_external_id: null,
    display_name: label,
    description: `The ${label} role in the Slack enterprise`,
    profile: { role: id },
  };
  resources.push(r);
  entitlements.push(entitlement(r, 'assigned', `${label} Enterprise Role`, `Has the ${label} role in the Slack enterprise`, { resourceType: 'enterpriseRole', slug: 'assigned', roleId: id }, caps));
}

/** The roles a user holds in a workspace, derived from the user's flags as the reference does (not exclusive). */
export function workspaceRolesOf(u: SlackUser): string[] {
  const roles: string[] = [];
  if (u.is_primary_owner) roles.push('primary_owner');
  if (u.is_owner) roles.push('owner');
  if (u.is_admin) roles.push('admin');
  if (u.is_restricted && u.is_ultra_restricted) roles.push('single_channel_guest');
  if (u.is_restricted && !u.is_ultra_restricted) roles.push('multi_channel_guest');
  if (u.is_invited_user) roles.push('invited_member');
  if (!u.is_restricted && !u.is_ultra_restricted && !u.is_invited_user && !u.is_bot && !u.deleted) roles.push('member');
  if (u.is_bot) roles.push('bot');
  return roles;
}

/**
 * workspaceRolesOf's rules over a staged account's columns: the apply derives workspace role
 * grants in SQL from the staged accounts with these (a test holds the two to the same answers).
 */
export const WORKSPACE_ROLE_CONDITIONS: Record<keyof typeof WORKSPACE_ROLES, string> = {
  primary_owner: 'is_primary_owner',
  owner: 'is_owner',
  admin: 'is_admin',
  single_channel_guest: 'is_restricted and is_ultra_restricted',
  multi_channel_guest: 'is_restricted and not is_ultra_restricted',
  invited_member: 'is_invited',
  member: 'not is_restricted and not is_ultra_restricted and not is_invited and not is_bot and not deleted',
  bot: 'is_bot',
};

/**
 * One `users.list` member seen in workspace `teamId`: the account and its organization role
 * grants. Its membership and workspace role grants are not staged row by row: the apply derives
 * them from the staged account (`workspace_id` and its flags), Slack Connect users excepted.
 */
export function mapUser(u: SlackUser, teamId: string, grid: boolean): { account: StageAccount; grants: StageGrant[] } {
  const p = u.profile ?? {};
  const account: StageAccount = {
    slack_id: u.id,
    team_id: u.team_id ?? teamId,
    workspace_id: teamId,
    is_home: (u.team_id ?? teamId) === teamId,
    username: u.name ?? null,
    email: p.email ?? null,
    display_name: p.display_name || null,
    real_name: u.real_name ?? p.real_name ?? null,
    deleted: u.deleted === true,
    is_bot: u.is_bot === true,
    is_app_user: u.is_app_user === true,
    is_restricted: u.is_restricted === true,
    is_ultra_restricted: u.is_ultra_restricted === true,
    is_invited: u.is_invited_user === true,
    is_stranger: u.is_stranger === true,
    is_admin: u.is_admin === true,
    is_owner: u.is_owner === true,
    is_primary_owner: u.is_primary_owner === true,
    has_2fa: u.has_2fa ?? null,
    timezone: u.tz ?? null,
    profile: {
      first_name: p.first_name ?? null,
      last_name: p.last_name ?? null,
      title: p.title || null,
      status_text: p.status_text || null,
      status_emoji: p.status_emoji || null,
      updated: u.updated ?? null,
      ...(u.enterprise_user ? { enterprise_teams: u.enterprise_user.teams ?? [] } : {}),
    },
  };
  const grants: StageGrant[] = [];
  const eu = u.enterprise_user;
  if (grid && eu) {
    const org = (id: string) => grants.push({ entitlement_external_id: ext.entitlement(ext.enterpriseRole(id), 'assigned'), account_slack_id: u.id });
    if (eu.is_primary_owner) org('organization_primary_owner');
    if (eu.is_owner) org('organization_owner');
    if (eu.is_admin) org('organization_admin');
  }
  return { account, grants };
}

export function mapScimUser(u: ScimUser): StageScimUser {
  const primary = u.emails?.find((e) => e.primary) ?? u.emails?.[0];
  const name = [u.name?.givenName, u.name?.familyName].filter(Boolean).join(' ');
  return { slack_id: u.id, active: u.active !== false, user_name: u.userName ?? null, email: primary?.value ?? null, display_name: u.displayName || name || null };
}

export function mapUserGroup(g: SlackUserGroup, teamId: string, caps: Capabilities): StageBatch {
  const status = g.date_delete && g.date_delete > 0 ? 'DISABLED' : 'ACTIVE';
  const r: StageResource = {
    external_id: ext.userGroup(g.id),
    resource_type: 'userGroup',
    slack_id: g.id,
    workspace_id: g.team_id?.startsWith('T') ? g.team_id : teamId,
    parent_external_id: ext.workspace(g.team_id?.startsWith('T') ? g.team_id : teamId),
    display_name: g.name,
    description: g.description || null,
    status,
    profile: { handle: g.handle ?? null, auto_type: g.auto_type ?? null, is_idp_group: g.is_idp_group === true },
  };
  const ent = entitlement(r, 'member', `${g.name} User group member`, `Member of ${g.name} User group`, { resourceType: 'userGroup', slug: 'member', status }, caps);
  // A disabled group gives its members nothing (no mentions, no channel defaults), even though
  // Slack keeps listing them; provisioning disables a group when its last member is revoked.
  const grants = status === 'DISABLED' ? [] : (g.users ?? []).map((id) => ({ entitlement_external_id: ent.external_id, account_slack_id: id }));
  return { resources: [r], entitlements: [ent], grants };
}

export function mapIdpGroup(g: ScimGroup, caps: Capabilities): StageBatch {
  const r: StageResource = {
    external_id: ext.idpGroup(g.id),
    resource_type: 'group',
    slack_id: g.id,
    workspace_id: null,
    parent_external_id: null,
    display_name: g.displayName,
    description: null,
    profile: {},
  };
  const ent = entitlement(r, 'member', `${g.displayName} IDP group member`, `Member of ${g.displayName} IDP group`, { resourceType: 'group', slug: 'member' }, caps);
  const grants = (g.members ?? []).map((m) => ({ entitlement_external_id: ent.external_id, account_slack_id: m.value }));
  return { resources: [r], entitlements: [ent], grants };
}

export function mapChannel(c: SlackChannel, teamId: string, caps: Capabilities): StageBatch {
  const status = c.is_archived ? 'ARCHIVED' : 'ACTIVE';
  const r: StageResource = {
    external_id: ext.channel(c.id),
    resource_type: 'channel',
    slack_id: c.id,
    workspace_id: teamId,
    parent_external_id: ext.workspace(teamId),
    display_name: `#${c.name}`,
    description: null,
    status,
    profile: { name: c.name, is_private: c.is_private === true, is_general: c.is_general === true },
  };
  const ent = entitlement(r, 'member', `#${c.name} channel member`, `Member of the #${c.name} channel`, { resourceType: 'channel', slug: 'member', status }, caps);
  return { resources: [r], entitlements: [ent] };
}

export function channelMemberGrants(channelId: string, members: string[]): StageGrant[] {
  const entId = ext.entitlement(ext.channel(channelId), 'member');
  return members.map((id) => ({ entitlement_external_id: entId, account_slack_id: id }));
}

export function enterpriseRoleGrants(roleId: string, userIds: string[]): StageGrant[] {
  const entId = ext.entitlement(ext.enterpriseRole(roleId), 'assigned');
  return userIds.map((id) => ({ entitlement_external_id: entId, account_slack_id: id }));
}
