import { isWorkspaceAdmin, type User } from '../store.ts';
import { SlackApiError } from './args.ts';
import { RawJson, scopes, type CallContext, type MethodSpec } from './method.ts';
import { pageOfSortedIds } from './paging.ts';
import { contextTeam, JsonPage, jsonString, pageMemory, UserListView, userObject, writeUserJson, type UserView } from './render.ts';

const MEMBERS_OPEN = Buffer.from('{"ok":true,"members":[');
const COMMA = Buffer.from(',');

function viewFor(ctx: CallContext, teamId: string): UserView {
  const caller = ctx.caller;
  const callerRole = caller?.memberships.find((m) => m.teamId === teamId)?.role;
  return {
    teamId,
    showEmail: ctx.scopes.has('users:read.email'),
    showAdminFields: ctx.token.kind === 'user' && caller !== undefined && (isWorkspaceAdmin(callerRole) || caller.orgRole !== 'member'),
    includeLocale: ctx.args.bool('include_locale'),
  };
}

/**
 * users.list lists everyone in the workspace — deactivated users (`deleted: true`), invitees, bots
 * and Slackbot included — a page at a time. The body is written as JSON text straight from the users.
 */
function usersList(ctx: CallContext): RawJson {
  const teamId = ctx.teamId as string;
  const workspace = ctx.store.workspace(teamId);
  if (!workspace) throw new SlackApiError('team_not_found');
  const page = pageOfSortedIds(workspace.userIds, ctx.args, 'user', { fallback: 1000, max: 1000 }, ctx.store.behaviour);
  const list = new UserListView(viewFor(ctx, teamId));
  const body = new JsonPage();
  body.bytes(MEMBERS_OPEN);
  for (let i = 0; i < page.items.length; i++) {
    if (i > 0) body.bytes(COMMA);
    writeUserJson(body, ctx.store, ctx.store.user(page.items[i] as string) as User, list);
  }
  body.text(`],"cache_ts":${ctx.store.now()},"response_metadata":{"next_cursor":${jsonString(page.nextCursor)}}}`);
  return new RawJson([body.finish(pageMemory)]);
}

function usersInfo(ctx: CallContext): Record<string, unknown> {
  const id = ctx.args.str('user');
  const user = id === undefined ? undefined : ctx.store.user(id);
  if (!user) throw new SlackApiError('user_not_found');
  const teamId = contextTeam(user, ctx.teamId ?? ctx.token.teamId);
  // Workspace tokens outside Grid only see their own workspace's users.
  if (!ctx.store.enterprise && ctx.token.teamId && !user.memberships.some((m) => m.teamId === ctx.token.teamId)) {
    throw new SlackApiError('user_not_found');
  }
  return { user: userObject(ctx.store, user, viewFor(ctx, teamId)) };
}

function usersLookupByEmail(ctx: CallContext): Record<string, unknown> {
  const email = ctx.args.str('email');
  if (email === undefined) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: email'] } });
  const user = ctx.store.userByEmail(email);
  // Deactivated users are not found by email (find them through users.list).
  if (!user || user.deleted) throw new SlackApiError('users_not_found');
  if (!ctx.store.enterprise && ctx.token.teamId && !user.memberships.some((m) => m.teamId === ctx.token.teamId)) {
    throw new SlackApiError('users_not_found');
  }
  const teamId = contextTeam(user, ctx.teamId ?? ctx.token.teamId);
  return { user: userObject(ctx.store, user, viewFor(ctx, teamId)) };
}

export const userMethods: Record<string, MethodSpec> = {
  'users.list': {
    tier: 2,
    scopes: scopes('users:read'),
    workspace: 'required',
    emptyResult: () => ({ members: [], cache_ts: Math.floor(Date.now() / 1000), response_metadata: { next_cursor: '' } }),
    handler: usersList,
  },
  'users.info': { tier: 4, scopes: scopes('users:read'), workspace: 'optional', handler: usersInfo },
  'users.lookupByEmail': { tier: 3, scopes: scopes('users:read.email'), workspace: 'optional', handler: usersLookupByEmail },
};
