import { ErrorCode, WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { checkedClient, type CheckedClient } from './openapi.ts';

let sim: RunningSimulator;
let bot: CheckedClient;
let admin: CheckedClient;
let teamId: string;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', users: 120, userGroups: 12, channels: 10, seed: 7 });
  bot = checkedClient(sim, sim.tokens.bot);
  admin = checkedClient(sim, sim.tokens.admin);
  teamId = [...sim.store.workspaces.keys()][0] as string;
});

afterEach(() => {
  // Every Web API response any test received must satisfy Slack's OpenAPI schema.
  expect([...bot.problems.splice(0), ...admin.problems.splice(0)]).toEqual([]);
  sim.control.reset();
});

afterAll(async () => {
  await sim.close();
  expect(bot.checked() + admin.checked()).toBeGreaterThan(50);
});

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as { code?: string }).code).toBe(ErrorCode.PlatformError);
  return error as WebAPIPlatformError;
}

async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${sim.origin}${path}`, { redirect: 'manual', ...init });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

function userIds(predicate: (u: RunningSimulator['store'] extends { users: Map<string, infer U> } ? U : never) => boolean): string[] {
  return [...sim.store.users.values()].filter(predicate).map((u) => u.id);
}

describe('authentication and tokens', () => {
  it('auth.test identifies the bot and its workspace', async () => {
    const result = await bot.client.auth.test();
    expect(result.team_id).toBe(teamId);
    expect(result.bot_id).toMatch(/^B/);
    expect(result.user_id).toBe(sim.store.token(sim.tokens.bot)?.userId);
    expect(result.response_metadata?.scopes).toContain('users:read');
  });

  it('answers not_authed without a token and invalid_auth for an unknown one', async () => {
    const none = checkedClient(sim, undefined);
    expect((await platformError(none.client.auth.test())).data.error).toBe('not_authed');
    const unknown = checkedClient(sim, 'xoxb-not-a-real-token');
    expect((await platformError(unknown.client.auth.test())).data.error).toBe('invalid_auth');
    expect([...none.problems, ...unknown.problems]).toEqual([]);
  });

  it('accepts the token as a form or query parameter instead of a header', async () => {
    const form = await raw('/api/auth.test', { method: 'POST', body: new URLSearchParams({ token: sim.tokens.bot }) });
    expect(form.body.ok).toBe(true);
    const query = await raw(`/api/auth.test?token=${encodeURIComponent(sim.tokens.admin)}`);
    expect(query.body.ok).toBe(true);
    expect(query.body.user_id).toBe(sim.store.token(sim.tokens.admin)?.userId);
  });

  it('reports token_revoked for a revoked token', async () => {
    sim.store.revokeToken(sim.tokens.bot);
    expect((await platformError(bot.client.users.list({}))).data.error).toBe('token_revoked');
  });

  it('reports missing_scope with needed and provided', async () => {
    sim.store.addToken({ ...(sim.store.token(sim.tokens.bot) as NonNullable<ReturnType<RunningSimulator['store']['token']>>), token: 'xoxb-narrow', scopes: ['users:read'] });
    const narrow = checkedClient(sim, 'xoxb-narrow');
    const error = await platformError(narrow.client.usergroups.list({}));
    expect(error.data).toMatchObject({ error: 'missing_scope', needed: 'usergroups:read', provided: 'users:read' });
    expect(narrow.problems).toEqual([]);
  });

  it('refuses bot tokens on admin methods and app tokens everywhere', async () => {
    expect((await platformError(bot.client.admin.users.list({}))).data.error).toBe('not_allowed_token_type');
    const app = await raw('/api/users.list', { method: 'POST', headers: { authorization: 'Bearer xapp-1-A1-1-abc' } });
    expect(app.body.error).toBe('not_allowed_token_type');
  });

  it('sends the granted and accepted scopes as headers', async () => {
    const response = await raw('/api/users.list', { method: 'POST', headers: { authorization: `Bearer ${sim.tokens.bot}` } });
    expect(response.headers.get('x-oauth-scopes')?.split(',')).toContain('users:read.email');
    expect(response.headers.get('x-accepted-oauth-scopes')).toBe('users:read');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

describe('request formats', () => {
  it('answers unknown_method with the requested name, over HTTP 200', async () => {
    const response = await raw('/api/users.frobnicate', { method: 'POST', headers: { authorization: `Bearer ${sim.tokens.bot}` } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: false, error: 'unknown_method', req_method: 'users.frobnicate' });
  });

  it('serves GET with query arguments and JSON bodies with a bearer header', async () => {
    const target = userIds((u) => !u.deleted && !u.isBot && u.id !== 'USLACKBOT')[0] as string;
    const get = await raw(`/api/users.info?user=${target}`, { headers: { authorization: `Bearer ${sim.tokens.bot}` } });
    expect((get.body.user as { id: string }).id).toBe(target);
    const json = await raw('/api/users.info', {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.tokens.bot}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: target }),
    });
    expect((json.body.user as { id: string }).id).toBe(target);
  });

  it('routes method names under other prefixes and never redirects', async () => {
    const bare = await raw('/auth.test', { method: 'POST', body: new URLSearchParams({ token: sim.tokens.bot }) });
    expect(bare.status).toBe(200);
    expect(bare.body.ok).toBe(true);
    const trailing = await raw('/api/auth.test/', { method: 'POST', body: new URLSearchParams({ token: sim.tokens.bot }) });
    expect(trailing.status).toBe(200);
  });

  it('accepts list arguments as comma strings, JSON-array strings and JSON arrays', async () => {
    const group = [...sim.store.usergroups.values()].find((g) => g.teamId === teamId && g.dateDelete === 0) as { id: string };
    const members = userIds((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isInvitedUser && !u.isStranger && u.id !== 'USLACKBOT').slice(0, 3);
    const forms: [string, RequestInit][] = [
      ['comma', { method: 'POST', headers: { authorization: `Bearer ${sim.tokens.bot}` }, body: new URLSearchParams({ usergroup: group.id, users: `${members[0]}, ${members[1]},${members[2]}` }) }],
      ['json string', { method: 'POST', headers: { authorization: `Bearer ${sim.tokens.bot}` }, body: new URLSearchParams({ usergroup: group.id, users: JSON.stringify(members) }) }],
      [
        'json array',
        { method: 'POST', headers: { authorization: `Bearer ${sim.tokens.bot}`, 'content-type': 'application/json' }, body: JSON.stringify({ usergroup: group.id, users: members }) },
      ],
    ];
    for (const [name, init] of forms) {
      sim.store.usergroup(group.id)?.users.clear();
      const response = await raw('/api/usergroups.users.update', init);
      expect(response.body.ok, name).toBe(true);
      expect([...(sim.store.usergroup(group.id)?.users ?? [])].sort(), name).toEqual([...members].sort());
    }
  });

  it('rejects a malformed JSON-array list argument with invalid_array_arg', async () => {
    const group = [...sim.store.usergroups.values()][0] as { id: string };
    const response = await raw('/api/usergroups.users.update', {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.tokens.bot}` },
      body: new URLSearchParams({ usergroup: group.id, users: '["U1",' }),
    });
    expect(response.body.error).toBe('invalid_array_arg');
  });
});

describe('users', () => {
  it('paginates users.list with opaque cursors until next_cursor is empty, including deleted users and bots', async () => {
    const seen: string[] = [];
    let pages = 0;
    let lastCursor: string | undefined;
    for await (const page of bot.client.paginate('users.list', { limit: 25 })) {
      pages += 1;
      const members = (page as unknown as { members: { id: string }[] }).members;
      seen.push(...members.map((m) => m.id));
      lastCursor = (page as { response_metadata?: { next_cursor?: string } }).response_metadata?.next_cursor;
    }
    const workspace = sim.store.workspace(teamId);
    expect(seen).toEqual(workspace?.userIds);
    expect(pages).toBe(Math.ceil((workspace?.userIds.length ?? 0) / 25));
    expect(lastCursor).toBe('');
    expect(seen).toContain('USLACKBOT');
    const deleted = userIds((u) => u.deleted);
    expect(deleted.length).toBeGreaterThan(0);
    expect(seen).toEqual(expect.arrayContaining(deleted));
  });

  it('marks deactivated users deleted:true and keeps them listed', async () => {
    const target = userIds((u) => !u.deleted && !u.isBot && u.id !== 'USLACKBOT' && !u.memberships.some((m) => m.role === 'primary_owner'))[0] as string;
    sim.store.deactivateUser(sim.store.user(target) as NonNullable<ReturnType<RunningSimulator['store']['user']>>);
    const members: { id: string; deleted: boolean }[] = [];
    for await (const page of bot.client.paginate('users.list', { limit: 200 })) members.push(...(page as unknown as { members: typeof members }).members);
    expect(members.find((m) => m.id === target)?.deleted).toBe(true);
    const info = await bot.client.users.info({ user: target });
    expect(info.user?.deleted).toBe(true);
  });

  it('returns short pages when asked while more remain', async () => {
    sim.control.setBehaviour({ shortPages: true });
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const page of bot.client.paginate('users.list', { limit: 40 })) {
      const members = (page as unknown as { members: { id: string }[] }).members;
      sizes.push(members.length);
      seen.push(...members.map((m) => m.id));
    }
    expect(sizes.slice(0, -1).some((n) => n < 40)).toBe(true);
    expect(seen).toEqual(sim.store.workspace(teamId)?.userIds);
  });

  it('answers invalid_cursor for a garbage cursor', async () => {
    expect((await platformError(bot.client.users.list({ cursor: 'bm90IGEgY3Vyc29y' }))).data.error).toBe('invalid_cursor');
    expect((await platformError(bot.client.users.list({ cursor: '%%%' }))).data.error).toBe('invalid_cursor');
  });

  it('treats an empty cursor as the first page', async () => {
    const first = await bot.client.users.list({ limit: 5, cursor: '' });
    expect(first.members?.map((m) => m.id)).toEqual(sim.store.workspace(teamId)?.userIds.slice(0, 5));
  });

  it('hides profile.email without users:read.email and has_2fa from non-admins', async () => {
    const withEmail = await bot.client.users.list({ limit: 200 });
    const human = withEmail.members?.find((m) => m.profile?.email);
    expect(human).toBeDefined();
    expect(human?.has_2fa).toBeUndefined();
    sim.store.addToken({ ...(sim.store.token(sim.tokens.bot) as NonNullable<ReturnType<RunningSimulator['store']['token']>>), token: 'xoxb-no-email', scopes: ['users:read'] });
    const noEmail = checkedClient(sim, 'xoxb-no-email');
    const list = await noEmail.client.users.list({ limit: 200 });
    expect(list.members?.some((m) => m.profile?.email)).toBe(false);
    expect(noEmail.problems).toEqual([]);
    const asAdmin = await admin.client.users.list({ limit: 200 });
    expect(asAdmin.members?.find((m) => m.id === human?.id)?.has_2fa).toBeTypeOf('boolean');
  });

  it('models roles, guests, bots and invitees with Slack flags', async () => {
    const members: Record<string, unknown>[] = [];
    for await (const page of admin.client.paginate('users.list', {})) members.push(...(page as unknown as { members: Record<string, unknown>[] }).members);
    const primary = members.filter((m) => m.is_primary_owner === true);
    expect(primary).toHaveLength(1);
    expect(primary[0]).toMatchObject({ is_owner: true, is_admin: true });
    expect(members.some((m) => m.is_restricted === true && m.is_ultra_restricted === false)).toBe(true);
    expect(members.some((m) => m.is_restricted === true && m.is_ultra_restricted === true)).toBe(true);
    expect(members.some((m) => m.is_bot === true)).toBe(true);
    expect(members.some((m) => m.is_invited_user === true)).toBe(true);
    const slackbot = members.find((m) => m.id === 'USLACKBOT');
    expect(slackbot?.is_bot).toBe(false);
  });

  it('looks users up by email but not deactivated ones (users_not_found)', async () => {
    const active = [...sim.store.users.values()].find((u) => !u.deleted && u.email) as { id: string; email: string };
    expect((await bot.client.users.lookupByEmail({ email: active.email.toUpperCase() })).user?.id).toBe(active.id);
    const gone = [...sim.store.users.values()].find((u) => u.deleted && u.email) as { email: string };
    expect((await platformError(bot.client.users.lookupByEmail({ email: gone.email }))).data.error).toBe('users_not_found');
    expect((await platformError(bot.client.users.lookupByEmail({ email: 'nobody@nowhere.example' }))).data.error).toBe('users_not_found');
  });

  it('answers user_not_found for an unknown user', async () => {
    expect((await platformError(bot.client.users.info({ user: 'U0000NOPE' }))).data.error).toBe('user_not_found');
  });
});

describe('team', () => {
  it('team.info describes the workspace; auth.teams.list lists it', async () => {
    const info = await bot.client.team.info();
    expect(info.team?.id).toBe(teamId);
    expect(info.team?.domain).toBeTruthy();
    const teams = await bot.client.auth.teams.list({});
    expect(teams.teams?.map((t) => t.id)).toEqual([teamId]);
    expect(teams.response_metadata?.next_cursor).toBe('');
  });

  it('answers team_not_found for an unknown team', async () => {
    expect((await platformError(bot.client.team.info({ team: 'T0NOSUCH00' }))).data.error).toBe('team_not_found');
  });
});

describe('user groups', () => {
  const enabledGroup = () => [...sim.store.usergroups.values()].find((g) => g.teamId === teamId && g.dateDelete === 0 && g.users.size > 0) as { id: string; users: Set<string> };
  const disabledGroup = () => [...sim.store.usergroups.values()].find((g) => g.dateDelete !== 0) as { id: string };
  // @slack/web-api types `users` as a comma string, but sends arrays JSON-encoded (`users=["U1"]`), which Slack accepts.
  const list = (ids: string[]): string => ids as unknown as string;
  const fullMembers = () => userIds((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isInvitedUser && !u.isStranger && u.id !== 'USLACKBOT');

  it('usergroups.list hides disabled groups unless include_disabled, and adds users and counts on request', async () => {
    const plain = await bot.client.usergroups.list({});
    expect(plain.usergroups?.some((g) => g.id === disabledGroup().id)).toBe(false);
    expect(plain.usergroups?.[0]?.users).toBeUndefined();
    const all = await bot.client.usergroups.list({ include_disabled: true, include_users: true, include_count: true });
    const disabled = all.usergroups?.find((g) => g.id === disabledGroup().id);
    expect(disabled?.date_delete).toBeGreaterThan(0);
    const group = all.usergroups?.find((g) => g.id === enabledGroup().id);
    expect(group?.users?.sort()).toEqual([...enabledGroup().users].sort());
    expect((group as { user_count?: number }).user_count).toBe(enabledGroup().users.size);
    expect(all.usergroups?.some((g) => (g as { user_count?: number }).user_count === 0)).toBe(true);
  });

  it('usergroups.users.list answers no_such_subteam for unknown and disabled groups', async () => {
    expect((await platformError(bot.client.usergroups.users.list({ usergroup: 'S0NOSUCH' }))).data.error).toBe('no_such_subteam');
    expect((await platformError(bot.client.usergroups.users.list({ usergroup: disabledGroup().id }))).data.error).toBe('no_such_subteam');
    const included = await bot.client.usergroups.users.list({ usergroup: disabledGroup().id, include_disabled: true });
    expect(included.users).toBeDefined();
  });

  it('usergroups.users.update replaces the whole member list', async () => {
    const group = enabledGroup();
    const replacement = fullMembers().filter((id) => !group.users.has(id)).slice(0, 2);
    const result = await bot.client.usergroups.users.update({ usergroup: group.id, users: list(replacement) });
    expect(result.usergroup?.users?.sort()).toEqual([...replacement].sort());
    expect((result.usergroup as { user_count?: number }).user_count).toBe(2);
    expect((await bot.client.usergroups.users.list({ usergroup: group.id })).users?.sort()).toEqual([...replacement].sort());
  });

  it('refuses guests, single-channel guests, bots and members of other workspaces', async () => {
    const group = enabledGroup();
    const before = [...group.users];
    const guest = userIds((u) => u.isRestricted && !u.isUltraRestricted && !u.deleted)[0] as string;
    const single = userIds((u) => u.isUltraRestricted && !u.deleted)[0] as string;
    const botUser = userIds((u) => u.isBot && !u.deleted)[0] as string;
    const member = fullMembers()[0] as string;
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: list([member, guest]) }))).data.error).toBe('invalid_user');
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: list([single]) }))).data.error).toBe('single_channel_guests_cannot_be_added');
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: list([botUser]) }))).data.error).toBe('invalid_user');
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: list(['U0NOBODY00']) }))).data.error).toBe('invalid_users');
    expect([...group.users]).toEqual(before);
  });

  it('handles emptying a group per the configured behaviour', async () => {
    const group = enabledGroup();
    const size = group.users.size;
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: '' }))).data.error).toBe('no_users_provided');
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: list([]) }))).data.error).toBe('invalid_users');
    expect(sim.store.usergroup(group.id)?.users.size).toBe(size);
    sim.control.setBehaviour({ emptyUserGroupUpdate: 'reject-but-empty' });
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: list([]) }))).data.error).toBe('invalid_users');
    expect(sim.store.usergroup(group.id)?.users.size).toBe(0);
    sim.control.setBehaviour({ emptyUserGroupUpdate: 'empty' });
    sim.store.usergroup(group.id)?.users.add(fullMembers()[0] as string);
    const emptied = await bot.client.usergroups.users.update({ usergroup: group.id, users: list([]) });
    expect(emptied.usergroup?.users).toEqual([]);
  });

  it('returns permission_denied to bots when only admins may edit groups', async () => {
    sim.control.setBehaviour({ userGroupEditing: 'admins' });
    const group = enabledGroup();
    expect((await platformError(bot.client.usergroups.users.update({ usergroup: group.id, users: list([...group.users]) }))).data.error).toBe('permission_denied');
    const ok = await admin.client.usergroups.users.update({ usergroup: group.id, users: list([...group.users]) });
    expect(ok.ok).toBe(true);
  });

  it('creates, disables and re-enables a group', async () => {
    const created = await bot.client.usergroups.create({ name: 'Release Captains', handle: 'release-captains', description: 'Ship it' });
    const id = created.usergroup?.id as string;
    expect(created.usergroup).toMatchObject({ name: 'Release Captains', handle: 'release-captains', date_delete: 0 });
    expect((await platformError(bot.client.usergroups.create({ name: 'release captains' }))).data.error).toBe('name_already_exists');
    expect((await platformError(bot.client.usergroups.create({ name: 'Other', handle: 'release-captains' }))).data.error).toBe('handle_already_exists');
    expect((await platformError(bot.client.usergroups.create({ name: 'Bad', handle: 'Has Spaces' }))).data.error).toBe('bad_handle');
    const disabled = await bot.client.usergroups.disable({ usergroup: id });
    expect(disabled.usergroup?.date_delete).toBeGreaterThan(0);
    expect(disabled.usergroup?.deleted_by).toBe(sim.store.token(sim.tokens.bot)?.userId);
    const enabled = await bot.client.usergroups.enable({ usergroup: id });
    expect(enabled.usergroup?.date_delete).toBe(0);
    expect((await platformError(bot.client.usergroups.disable({ usergroup: 'S0NOSUCH' }))).data.error).toBe('no_such_subteam');
  });
});

describe('conversations and chat', () => {
  it('lists public channels by default and private channels only when the caller is a member', async () => {
    const publicOnly: { id: string; is_private?: boolean }[] = [];
    for await (const page of bot.client.paginate('conversations.list', { limit: 3 })) publicOnly.push(...(page as unknown as { channels: typeof publicOnly }).channels);
    expect(publicOnly.every((c) => c.is_private === false)).toBe(true);
    const both = await bot.client.conversations.list({ types: 'public_channel,private_channel', limit: 1000 });
    const me = sim.store.token(sim.tokens.bot)?.userId as string;
    const visiblePrivate = [...sim.store.channels.values()].filter((c) => c.teamId === teamId && c.isPrivate && c.members.has(me)).map((c) => c.id);
    expect(both.channels?.filter((c) => c.is_private).map((c) => c.id).sort()).toEqual(visiblePrivate.sort());
    expect((await platformError(bot.client.conversations.list({ types: 'nonsense' }))).data.error).toBe('invalid_types');
  });

  it('pages conversation members and invites and kicks', async () => {
    const channel = [...sim.store.channels.values()].find((c) => c.teamId === teamId && !c.isPrivate && !c.isArchived && !c.isGeneral && c.members.has(sim.store.token(sim.tokens.bot)?.userId as string)) as {
      id: string;
      members: Set<string>;
    };
    const members: string[] = [];
    for await (const page of bot.client.paginate('conversations.members', { channel: channel.id, limit: 2 })) members.push(...((page as unknown as { members: string[] }).members ?? []));
    expect(members.sort()).toEqual([...channel.members].sort());
    const outsider = userIds((u) => !u.deleted && !u.isRestricted && !u.isBot && u.memberships.some((m) => m.teamId === teamId) && !channel.members.has(u.id) && u.id !== 'USLACKBOT')[0] as string;
    const invited = await bot.client.conversations.invite({ channel: channel.id, users: outsider });
    expect(invited.channel?.id).toBe(channel.id);
    expect(channel.members.has(outsider)).toBe(true);
    expect((await platformError(bot.client.conversations.invite({ channel: channel.id, users: outsider }))).data.error).toBe('already_in_channel');
    await bot.client.conversations.kick({ channel: channel.id, user: outsider });
    expect(channel.members.has(outsider)).toBe(false);
    expect((await platformError(bot.client.conversations.kick({ channel: channel.id, user: outsider }))).data.error).toBe('not_in_channel');
    const general = [...sim.store.channels.values()].find((c) => c.isGeneral) as { id: string };
    expect((await platformError(bot.client.conversations.kick({ channel: general.id, user: outsider }))).data.error).toBe('cant_kick_from_general');
    expect((await platformError(bot.client.conversations.members({ channel: 'C0NOSUCH00' }))).data.error).toBe('channel_not_found');
  });

  it('chat.postMessage records the message for tests to read', async () => {
    const general = [...sim.store.channels.values()].find((c) => c.isGeneral) as { id: string };
    const posted = await bot.client.chat.postMessage({ channel: general.id, text: 'Access to #security granted to Ada' });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(sim.store.messages.at(-1)).toMatchObject({ channel: general.id, text: 'Access to #security granted to Ada' });
    expect((await platformError(bot.client.chat.postMessage({ channel: general.id, text: '' }))).data.error).toBe('no_text');
  });
});
