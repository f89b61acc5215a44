import { ENTERPRISE_ROLE_IDS } from '../names.ts';
import { lowerBound, newUser, type User, type Workspace, type WorkspaceRole } from '../store.ts';
import { missingArgument, SlackApiError } from './args.ts';
import { scopes, type CallContext, type MethodSpec } from './method.ts';
import { decodeCursor, encodeCursor, pageLimit, pageOfList } from './paging.ts';
import { roleFlags } from './render.ts';

/** What an id argument names, or Slack's error for a missing argument or an unknown id. */
function target<T>(ctx: CallContext, argument: string, find: (id: string) => T | undefined, notFound: string): T {
  const id = ctx.args.str(argument);
  if (id === undefined) throw missingArgument(argument);
  const found = find(id);
  if (!found) throw new SlackApiError(notFound);
  return found;
}

const targetTeam = (ctx: CallContext): Workspace => target(ctx, 'team_id', (id) => ctx.store.workspace(id), 'team_not_found');
const targetUser = (ctx: CallContext): User => target(ctx, 'user_id', (id) => ctx.store.user(id), 'user_not_found');

function adminTeamsList(ctx: CallContext): Record<string, unknown> {
  const teams = [...ctx.store.workspaces.values()];
  const page = pageOfList(teams, ctx.args, 'team', { fallback: 100, max: 1000, strict: true }, ctx.store.behaviour);
  return {
    teams: page.items.map((w) => {
      const owner = ctx.store.primaryOwnerOf(w.id);
      return {
        id: w.id,
        name: w.name,
        discoverability: w.discoverability,
        primary_owner: { user_id: owner?.id ?? '', email: owner?.email ?? '' },
        team_url: `https://${w.domain}.slack.com/`,
      };
    }),
    response_metadata: { next_cursor: page.nextCursor },
  };
}

function teamRoleList(roles: WorkspaceRole[], field: string) {
  return (ctx: CallContext): Record<string, unknown> => {
    const workspace = targetTeam(ctx);
    const ids = workspace.userIds.filter((id) => {
      const role = ctx.store.user(id)?.memberships.find((m) => m.teamId === workspace.id)?.role;
      return role !== undefined && roles.includes(role);
    });
    const page = pageOfList(ids, ctx.args, field, { fallback: 100, max: 1000, strict: true }, ctx.store.behaviour);
    return { [field]: page.items, response_metadata: { next_cursor: page.nextCursor } };
  };
}

function adminUserEntry(ctx: CallContext, user: User, teamId: string | undefined, includeDeactivatedWorkspaces: boolean): Record<string, unknown> {
  const role = teamId ? user.memberships.find((m) => m.teamId === teamId)?.role : user.orgRole;
  return {
    id: user.id,
    email: user.email ?? '',
    username: user.name,
    full_name: user.realName,
    is_active: !user.deleted,
    ...roleFlags(user, role),
    date_created: user.created,
    deactivated_ts: user.deactivatedTs,
    expiration_ts: user.isRestricted ? user.guestExpirationTs : 0,
    workspaces: user.deleted && !includeDeactivatedWorkspaces ? [] : user.memberships.map((m) => m.teamId),
    has_2fa: user.has2fa,
    has_sso: user.hasSso,
    roles: ctx.store.roleAssignments.filter((a) => a.userId === user.id).map((a) => a.roleId),
    last_active_ts: user.lastActiveTs,
  };
}

/** Filters while paging, so a filtered listing of 100k users still only touches one page's worth. */
function adminUsersList(ctx: CallContext): Record<string, unknown> {
  const { args, store } = ctx;
  const teamId = args.str('team_id');
  const workspace = teamId === undefined ? undefined : store.workspace(teamId);
  if (teamId !== undefined && !workspace) throw new SlackApiError('team_not_found');
  const includeDeactivatedWorkspaces = args.bool('include_deactivated_user_workspaces');
  if (includeDeactivatedWorkspaces && teamId !== undefined) throw new SlackApiError('include_deactivated_user_workspaces_invalid');
  const isActive = args.bool('is_active', true);
  const onlyGuests = args.bool('only_guests');
  const ids = workspace ? workspace.userIds : store.userIds;
  const limit = pageLimit(args, { fallback: 100, max: 1000, strict: true });
  const cursor = args.str('cursor');
  let i = cursor === undefined ? 0 : lowerBound(ids, decodeCursor('admin_user', cursor));
  const matches = (user: User): boolean => user.id !== 'USLACKBOT' && user.deleted !== isActive && (!onlyGuests || user.isRestricted);
  const users: Record<string, unknown>[] = [];
  for (; i < ids.length && users.length < limit; i++) {
    const user = store.user(ids[i] as string) as User;
    if (matches(user)) users.push(adminUserEntry(ctx, user, teamId, includeDeactivatedWorkspaces));
  }
  while (i < ids.length && !matches(store.user(ids[i] as string) as User)) i++;
  return { users, response_metadata: { next_cursor: i < ids.length ? encodeCursor('admin_user', ids[i] as string) : '' } };
}

function adminUsersAssign(ctx: CallContext): Record<string, unknown> {
  const workspace = targetTeam(ctx);
  const user = targetUser(ctx);
  if (user.isBot) throw new SlackApiError('user_is_bot');
  if (user.memberships.some((m) => m.teamId === workspace.id)) throw new SlackApiError('user_already_team_member');
  const channels = (ctx.args.list('channel_ids') ?? []).map((id) => {
    const channel = ctx.store.channels.get(id);
    if (!channel || channel.teamId !== workspace.id) throw new SlackApiError('invitor_cannot_see_channel');
    return channel;
  });
  const restricted = ctx.args.bool('is_restricted');
  const ultra = ctx.args.bool('is_ultra_restricted');
  if ((restricted || ultra) && user.orgRole !== 'member') throw new SlackApiError('invalid_role_for_user');
  ctx.store.addToWorkspace(user, workspace.id, 'member');
  if (restricted || ultra) {
    user.isRestricted = true;
    user.isUltraRestricted = ultra;
    ctx.store.touchUser(user);
  }
  for (const channel of channels) ctx.store.joinChannel(channel, user.id);
  return {};
}

function adminUsersRemove(ctx: CallContext): Record<string, unknown> {
  const workspace = targetTeam(ctx);
  const user = targetUser(ctx);
  const membership = user.memberships.find((m) => m.teamId === workspace.id);
  if (!membership) throw new SlackApiError('user_not_found');
  if (membership.role === 'primary_owner' || user.orgRole === 'primary_owner') throw new SlackApiError('cannot_modify_primary_owner');
  if (user.deleted) throw new SlackApiError('user_already_deleted');
  ctx.store.removeFromWorkspace(user, workspace.id);
  return {};
}

function setRole(role: WorkspaceRole) {
  return (ctx: CallContext): Record<string, unknown> => {
    const workspace = targetTeam(ctx);
    const user = targetUser(ctx);
    if (role === 'owner' && ctx.caller?.orgRole !== 'owner' && ctx.caller?.orgRole !== 'primary_owner') throw new SlackApiError('not_an_owner');
    const membership = user.memberships.find((m) => m.teamId === workspace.id);
    if (!membership) throw new SlackApiError(role === 'owner' ? 'user_must_be_in_workspace' : 'user_not_found');
    if (membership.role === 'primary_owner') throw new SlackApiError('cannot_modify_primary_owner');
    if (user.isBot || user.isAppUser) throw new SlackApiError('invalid_role_for_user');
    if (role === 'member') {
      if (user.orgRole !== 'member') throw new SlackApiError('cannot_set_org_admin_to_regular_at_workspace_level');
      if (user.isRestricted) {
        if (user.memberships.length > 1) throw new SlackApiError('cannot_set_this_guest_to_regular_at_team_level');
        user.isRestricted = false;
        user.isUltraRestricted = false;
        user.guestExpirationTs = 0;
      }
    } else if (user.isRestricted) throw new SlackApiError('invalid_role_for_user');
    ctx.store.setWorkspaceRole(user, workspace.id, role);
    return {};
  };
}

function adminUsersInvite(ctx: CallContext): Record<string, unknown> {
  const workspace = targetTeam(ctx);
  const email = ctx.args.str('email');
  if (email === undefined) throw missingArgument('email');
  const channelIds = ctx.args.list('channel_ids') ?? [];
  if (channelIds.length === 0) throw missingArgument('channel_ids');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new SlackApiError('invalid_email');
  const channels = channelIds.map((id) => {
    const channel = ctx.store.channels.get(id);
    if (!channel || channel.teamId !== workspace.id) throw new SlackApiError('failed_to_validate_channels');
    return channel;
  });
  const restricted = ctx.args.bool('is_restricted');
  const ultra = ctx.args.bool('is_ultra_restricted');
  const expiration = ctx.args.int('guest_expiration_ts') ?? 0;
  if (expiration !== 0 && expiration <= ctx.store.now()) throw new SlackApiError('failed_to_validate_expiration');
  const existing = ctx.store.userByEmail(email);
  let user: User;
  if (existing) {
    if (existing.deleted) throw new SlackApiError('user_disabled');
    const member = existing.memberships.some((m) => m.teamId === workspace.id);
    if (member && existing.isInvitedUser && !ctx.args.bool('resend')) throw new SlackApiError('already_in_team_invited_user');
    if (member && !existing.isInvitedUser) throw new SlackApiError('already_in_team');
    if (!member) ctx.store.addToWorkspace(existing, workspace.id, 'member');
    user = existing;
  } else {
    const now = ctx.store.now();
    const local = email.split('@')[0] as string;
    const realName = ctx.args.str('real_name') ?? '';
    user = ctx.store.addUser(
      newUser({
        name: local.toLowerCase().replace(/[^a-z0-9._-]/g, '_').slice(0, 21),
        realName,
        firstName: realName.split(' ')[0] ?? '',
        lastName: realName.split(' ').slice(1).join(' '),
        email,
        avatarHash: `g${now.toString(16).slice(-11)}`,
        isRestricted: restricted || ultra,
        isUltraRestricted: ultra,
        isInvitedUser: true,
        memberships: [{ teamId: workspace.id, role: 'member' }],
        created: now,
        guestExpirationTs: expiration,
      }),
    );
  }
  for (const channel of channels) ctx.store.joinChannel(channel, user.id);
  return {};
}

function adminRolesList(ctx: CallContext): Record<string, unknown> {
  const roleIds = ctx.args.list('role_ids');
  const entityIds = ctx.args.list('entity_ids');
  const desc = (ctx.args.str('sort_dir') ?? 'desc').toLowerCase() === 'desc';
  const rows = ctx.store.roleAssignments
    .filter((a) => (!roleIds || roleIds.includes(a.roleId)) && (!entityIds || entityIds.includes(a.entityId)))
    .sort((a, b) => (desc ? b.dateCreate - a.dateCreate : a.dateCreate - b.dateCreate) || (a.userId < b.userId ? -1 : 1));
  const page = pageOfList(rows, ctx.args, 'role_assignment', { fallback: 100, max: 200, strict: true }, ctx.store.behaviour);
  return {
    role_assignments: page.items.map((a) => ({ role_id: a.roleId, entity_id: a.entityId, user_id: a.userId, date_create: a.dateCreate })),
    response_metadata: { next_cursor: page.nextCursor },
  };
}

function roleChange(add: boolean) {
  return (ctx: CallContext): Record<string, unknown> => {
    const roleId = ctx.args.str('role_id');
    if (roleId === undefined) throw missingArgument('role_id');
    const userIds = ctx.args.list('user_ids') ?? [];
    const entityIds = ctx.args.list('entity_ids') ?? [];
    if (userIds.length === 0) throw missingArgument('user_ids');
    if (entityIds.length === 0) throw missingArgument('entity_ids');
    // Role IDs are Slack's system roles (Rl…); custom roles already assigned are accepted too.
    if (!ENTERPRISE_ROLE_IDS.includes(roleId) && !ctx.store.roleAssignments.some((a) => a.roleId === roleId)) throw new SlackApiError('role_not_found');
    const enterpriseId = ctx.store.enterprise?.id;
    const rejectedUsers: { id: string; error: string }[] = [];
    const rejectedEntities: { id: string; error: string }[] = [];
    const entities = entityIds.filter((id) => {
      const ok = id === enterpriseId || ctx.store.workspace(id) !== undefined || ctx.store.channels.has(id);
      if (!ok) rejectedEntities.push({ id, error: 'invalid_entity_id' });
      return ok;
    });
    const users = userIds.filter((id) => {
      const user = ctx.store.user(id);
      if (!user || user.deleted) rejectedUsers.push({ id, error: 'user_not_found' });
      else if (add && (user.isBot || user.isRestricted)) rejectedUsers.push({ id, error: 'invalid_user' });
      else return true;
      return false;
    });
    const now = ctx.store.now();
    for (const userId of users) {
      for (const entityId of entities) {
        const index = ctx.store.roleAssignments.findIndex((a) => a.roleId === roleId && a.userId === userId && a.entityId === entityId);
        if (add && index < 0) ctx.store.roleAssignments.push({ roleId, entityId, userId, dateCreate: now });
        if (!add && index >= 0) ctx.store.roleAssignments.splice(index, 1);
      }
    }
    return { rejected_users: rejectedUsers, rejected_entities: rejectedEntities };
  };
}

const admin = (scope: string, tier: 1 | 2 | 3 | 4, handler: MethodSpec['handler']): MethodSpec => ({
  tier,
  scopes: scopes(scope),
  tokenKinds: ['user'],
  workspace: 'none',
  enterpriseAdmin: true,
  handler,
});

export const adminMethods: Record<string, MethodSpec> = {
  'admin.teams.list': admin('admin.teams:read', 3, adminTeamsList),
  'admin.teams.admins.list': admin('admin.teams:read', 3, teamRoleList(['admin', 'owner', 'primary_owner'], 'admin_ids')),
  'admin.teams.owners.list': admin('admin.teams:read', 3, teamRoleList(['owner', 'primary_owner'], 'owner_ids')),
  'admin.users.list': admin('admin.users:read', 4, adminUsersList),
  'admin.users.assign': admin('admin.users:write', 2, adminUsersAssign),
  'admin.users.remove': admin('admin.users:write', 2, adminUsersRemove),
  'admin.users.setAdmin': admin('admin.users:write', 2, setRole('admin')),
  'admin.users.setOwner': admin('admin.users:write', 2, setRole('owner')),
  'admin.users.setRegular': admin('admin.users:write', 2, setRole('member')),
  'admin.users.invite': admin('admin.users:write', 2, adminUsersInvite),
  'admin.roles.listAssignments': admin('admin.roles:read', 2, adminRolesList),
  'admin.roles.addAssignments': admin('admin.roles:write', 2, roleChange(true)),
  'admin.roles.removeAssignments': admin('admin.roles:write', 2, roleChange(false)),
};
