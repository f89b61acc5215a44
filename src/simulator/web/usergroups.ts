import { isWorkspaceAdmin, newUsergroup, type UserGroup } from '../store.ts';
import { SlackApiError } from './args.ts';
import { RawJson, scopes, type CallContext, type MethodSpec } from './method.ts';
import { usergroupJson, usergroupObject } from './render.ts';

/** A group the calling workspace can see; anything else (or a disabled one, unless asked) is `no_such_subteam`. */
function groupInTeam(ctx: CallContext, includeDisabled: boolean): UserGroup {
  const id = ctx.args.str('usergroup');
  if (id === undefined) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: usergroup'] } });
  const group = ctx.store.usergroup(id);
  const teamId = ctx.teamId as string;
  if (!group || (group.teamId !== teamId && !group.linkedTeams.includes(teamId))) throw new SlackApiError('no_such_subteam');
  if (group.dateDelete !== 0 && !includeDisabled) throw new SlackApiError('no_such_subteam');
  return group;
}

/** The workspace setting "who can manage user groups"; bot tokens only pass when it is open to everyone. */
function assertMayEdit(ctx: CallContext): void {
  if (ctx.store.behaviour.userGroupEditing === 'everyone') return;
  const role = ctx.caller?.memberships.find((m) => m.teamId === ctx.teamId)?.role;
  if (ctx.token.kind === 'bot' || !isWorkspaceAdmin(role)) throw new SlackApiError('permission_denied');
}

function render(ctx: CallContext, group: UserGroup, withUsers: boolean): Record<string, unknown> {
  return usergroupObject(ctx.store, group, {
    teamId: ctx.teamId as string,
    includeUsers: withUsers,
    includeCount: withUsers || ctx.args.bool('include_count'),
  });
}

/** Written as JSON text: each group's member list is kept rendered until that group's members change. */
function usergroupsList(ctx: CallContext): RawJson {
  const includeDisabled = ctx.args.bool('include_disabled');
  const view = { teamId: ctx.teamId as string, includeUsers: ctx.args.bool('include_users'), includeCount: ctx.args.bool('include_count') };
  let body = '{"ok":true,"usergroups":[';
  let first = true;
  for (const group of ctx.store.usergroupsOf(view.teamId)) {
    if (!includeDisabled && group.dateDelete !== 0) continue;
    if (!first) body += ',';
    first = false;
    body += usergroupJson(group, view);
  }
  return new RawJson([Buffer.from(`${body}]}`, 'utf8')]);
}

function usergroupsUsersList(ctx: CallContext): Record<string, unknown> {
  const group = groupInTeam(ctx, ctx.args.bool('include_disabled'));
  return { users: [...group.users] };
}

function validateMembers(ctx: CallContext, group: UserGroup, ids: string[]): void {
  const teamId = ctx.teamId as string;
  let outsideWorkspace = false;
  for (const id of ids) {
    const user = ctx.store.user(id);
    if (!user) throw new SlackApiError('invalid_users');
    if (!user.memberships.some((m) => m.teamId === teamId)) {
      outsideWorkspace = true;
      continue;
    }
    if (user.isUltraRestricted) throw new SlackApiError('single_channel_guests_cannot_be_added');
    if (user.isRestricted || user.isBot || user.isAppUser || user.deleted || user.id === 'USLACKBOT') throw new SlackApiError('invalid_user');
  }
  if (outsideWorkspace) throw new SlackApiError('failed_for_some_users');
  if (new Set(ids).size > ctx.store.behaviour.maxGroupMembers) throw new SlackApiError('subteam_max_users_exceeded');
  void group;
}

/** Replaces the whole member list: Slack has no add-one or remove-one method. */
function usergroupsUsersUpdate(ctx: CallContext): Record<string, unknown> {
  const group = groupInTeam(ctx, false);
  assertMayEdit(ctx);
  const raw = ctx.args.raw('users');
  if (raw === undefined || raw === null || raw === '') throw new SlackApiError('no_users_provided');
  const ids = ctx.args.list('users') ?? [];
  const now = ctx.store.now();
  if (ids.length === 0) {
    const mode = ctx.store.behaviour.emptyUserGroupUpdate;
    if (mode === 'reject') throw new SlackApiError('invalid_users');
    ctx.store.setGroupMembers(group, []);
    group.dateUpdate = now;
    group.updatedBy = ctx.token.userId;
    if (mode === 'reject-but-empty') throw new SlackApiError('invalid_users');
    return { usergroup: render(ctx, group, true) };
  }
  validateMembers(ctx, group, ids);
  ctx.store.setGroupMembers(group, ids);
  group.dateUpdate = now;
  group.updatedBy = ctx.token.userId;
  return { usergroup: render(ctx, group, true) };
}

const FORBIDDEN_HANDLES = new Set(['here', 'channel', 'everyone', 'group', 'admins', 'owners', 'slackbot']);

function validateNaming(ctx: CallContext, self: UserGroup | undefined, name: string | undefined, handle: string | undefined, description: string | undefined): void {
  const teamId = ctx.teamId as string;
  const others = ctx.store.usergroupsOf(teamId).filter((g) => g !== self);
  if (name !== undefined) {
    if (name.length > 255) throw new SlackApiError('name_too_long');
    if (others.some((g) => g.name.toLowerCase() === name.toLowerCase())) throw new SlackApiError('name_already_exists');
  }
  if (handle !== undefined) {
    if (!/^[a-z0-9][a-z0-9._-]{0,79}$/.test(handle)) throw new SlackApiError('bad_handle');
    if (FORBIDDEN_HANDLES.has(handle)) throw new SlackApiError('forbidden_handle');
    // Handles share a namespace with user names and channel names.
    const workspace = ctx.store.workspace(teamId);
    const clashesWithUser = workspace?.userIds.some((id) => ctx.store.user(id)?.name === handle) ?? false;
    const clashesWithChannel = ctx.store.channelsOf(teamId).some((c) => c.name === handle);
    if (others.some((g) => g.handle === handle) || clashesWithUser || clashesWithChannel) throw new SlackApiError('handle_already_exists');
  }
  if (description !== undefined && description.length > 140) throw new SlackApiError('description_too_long');
}

function validateChannels(ctx: CallContext): string[] | undefined {
  const channels = ctx.args.list('channels');
  if (channels === undefined) return undefined;
  for (const id of channels) {
    const channel = ctx.store.channels.get(id);
    if (!channel || channel.teamId !== ctx.teamId) throw new SlackApiError('invalid_channel_provided');
  }
  return channels;
}

function usergroupsCreate(ctx: CallContext): Record<string, unknown> {
  assertMayEdit(ctx);
  const name = ctx.args.str('name');
  if (name === undefined) throw new SlackApiError('missing_subteam_name');
  const handle = ctx.args.str('handle') ?? name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  const description = ctx.args.str('description') ?? '';
  validateNaming(ctx, undefined, name, handle, description);
  const channels = validateChannels(ctx) ?? [];
  const now = ctx.store.now();
  const group = ctx.store.addUsergroup(
    newUsergroup({
      teamId: ctx.teamId as string,
      name,
      handle,
      description,
      dateCreate: now,
      createdBy: ctx.token.userId,
      channels,
      users: new Set(),
    }),
  );
  return { usergroup: render(ctx, group, false) };
}

function usergroupsUpdate(ctx: CallContext): Record<string, unknown> {
  const group = groupInTeam(ctx, true);
  assertMayEdit(ctx);
  const name = ctx.args.str('name');
  const handle = ctx.args.str('handle');
  const description = ctx.args.str('description');
  validateNaming(ctx, group, name, handle, description);
  const channels = validateChannels(ctx);
  if (name !== undefined) group.name = name;
  if (handle !== undefined) group.handle = handle;
  if (description !== undefined) group.description = description;
  if (channels !== undefined) group.channels = channels;
  group.dateUpdate = ctx.store.now();
  group.updatedBy = ctx.token.userId;
  ctx.store.groupUpdated(group);
  return { usergroup: render(ctx, group, false) };
}

function setEnabled(enabled: boolean) {
  return (ctx: CallContext): Record<string, unknown> => {
    const group = groupInTeam(ctx, true);
    assertMayEdit(ctx);
    const now = ctx.store.now();
    group.dateDelete = enabled ? 0 : now;
    group.deletedBy = enabled ? null : ctx.token.userId;
    group.dateUpdate = now;
    group.updatedBy = ctx.token.userId;
    ctx.store.groupUpdated(group);
    return { usergroup: render(ctx, group, false) };
  };
}

const orgContext = 'target_team_must_be_specified_in_org_context';

export const usergroupMethods: Record<string, MethodSpec> = {
  'usergroups.list': {
    tier: 2,
    scopes: scopes('usergroups:read'),
    workspace: 'required',
    emptyResult: () => ({ usergroups: [] }),
    handler: usergroupsList,
  },
  'usergroups.users.list': { tier: 2, scopes: scopes('usergroups:read'), workspace: 'required', handler: usergroupsUsersList },
  'usergroups.users.update': { tier: 2, scopes: scopes('usergroups:write'), workspace: 'required', handler: usergroupsUsersUpdate },
  'usergroups.create': { tier: 2, scopes: scopes('usergroups:write'), workspace: 'required', orgMissingTeam: orgContext, handler: usergroupsCreate },
  'usergroups.update': { tier: 2, scopes: scopes('usergroups:write'), workspace: 'required', orgMissingTeam: orgContext, handler: usergroupsUpdate },
  'usergroups.enable': { tier: 2, scopes: scopes('usergroups:write'), workspace: 'required', orgMissingTeam: orgContext, handler: setEnabled(true) },
  'usergroups.disable': { tier: 2, scopes: scopes('usergroups:write'), workspace: 'required', orgMissingTeam: orgContext, handler: setEnabled(false) },
};
