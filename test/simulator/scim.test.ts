import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type User } from '../../src/simulator/index.ts';
import { checkedClient } from './openapi.ts';

type Json = Record<string, unknown>;

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', users: 60, idpGroups: 3, userGroups: 4, seed: 11 });
});

afterEach(() => {
  sim.control.reset();
});

afterAll(async () => {
  await sim.close();
});

async function scim(
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string | null; base?: string } = {},
): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
  const token = options.token === undefined ? sim.tokens.admin : options.token;
  const response = await fetch(`${options.base ?? sim.scimUrl}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {}, headers: response.headers, text };
}

const v1 = () => `${sim.origin}/scim/v1/`;
const active = (): User[] => [...sim.store.users.values()].filter((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isInvitedUser && !u.isStranger && u.id !== 'USLACKBOT' && u.orgRole !== 'primary_owner' && !u.memberships.some((m) => m.role === 'primary_owner'));
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('SCIM users', () => {
  it('lists with 1-based startIndex and count, reporting totals', async () => {
    const first = await scim('GET', 'Users?startIndex=1&count=25');
    const total = first.body.totalResults as number;
    expect(first.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
    expect(first.body).toMatchObject({ itemsPerPage: 25, startIndex: 1 });
    const ids: string[] = [];
    for (let start = 1; start <= total; start += 25) {
      const page = await scim('GET', `Users?startIndex=${start}&count=25`);
      ids.push(...(page.body.Resources as Json[]).map((r) => r.id as string));
    }
    expect(new Set(ids).size).toBe(total);
    expect(ids).not.toContain('USLACKBOT');
    const second = await scim('GET', 'Users?count=1&startIndex=2');
    expect(second.body).toMatchObject({ itemsPerPage: 1, startIndex: 2 });
    expect((second.body.Resources as Json[])[0]?.id).toBe(ids[1]);
  });

  it('filters by userName and by email, and rejects malformed filters', async () => {
    const user = active()[0] as User;
    const byName = await scim('GET', `Users?filter=${encodeURIComponent(`userName eq "${user.name}"`)}`);
    expect((byName.body.Resources as Json[]).map((r) => r.id)).toEqual([user.id]);
    const byEmail = await scim('GET', `Users?filter=${encodeURIComponent(`emails.value eq "${user.email}"`)}`);
    expect((byEmail.body.Resources as Json[]).map((r) => r.id)).toEqual([user.id]);
    const combined = await scim('GET', `Users?count=1000&filter=${encodeURIComponent('active eq false or (userName sw "zz" and title pr)')}`);
    expect((combined.body.Resources as Json[]).every((r) => r.active === false)).toBe(true);
    const bad = await scim('GET', 'Users?filter=foo');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe('no_filters (is_aggregate_call=1)');
  });

  it('shows the v2 user shape with enterprise extension and groups', async () => {
    const group = [...sim.store.usergroups.values()].find((g) => g.users.size > 0) as { id: string; users: Set<string> };
    const id = [...group.users][0] as string;
    const got = await scim('GET', `Users/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, active: true, userName: sim.store.user(id)?.name });
    expect(got.body.schemas).toContain('urn:ietf:params:scim:schemas:core:2.0:User');
    expect(got.body['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toBeDefined();
    expect((got.body.groups as Json[]).map((g) => g.value)).toContain(group.id);
    expect((got.body.meta as Json).location).toBe(`${sim.scimUrl}Users/${id}`);
  });

  it('creates a user (201) that the Web API then lists, and refuses taken emails', async () => {
    const created = await scim('POST', 'Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'Grace.Hopper!',
      name: { givenName: 'Grace', familyName: 'Hopper' },
      emails: [{ value: 'grace.hopper@navy.example', primary: true }],
      title: 'Rear Admiral',
    });
    expect(created.status).toBe(201);
    expect(created.body.userName).toBe('grace.hopper_');
    const id = created.body.id as string;
    const bot = checkedClient(sim, sim.tokens.bot);
    const info = await bot.client.users.info({ user: id });
    expect(info.user?.profile?.email).toBe('grace.hopper@navy.example');
    expect(bot.problems).toEqual([]);
    const taken = await scim('POST', 'Users', { userName: 'someone', emails: [{ value: 'grace.hopper@navy.example', primary: true }] });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe('email_taken');
    const deactivatedEmail = [...sim.store.users.values()].find((u) => u.deleted && u.email)?.email as string;
    expect((await scim('POST', 'Users', { userName: 'another', emails: [{ value: deactivatedEmail, primary: true }] })).status).toBe(409);
    expect((await scim('POST', 'Users', { userName: 'noemail', emails: [] })).body.detail).toBe('email_empty');
  });

  it('PATCH active:false deactivates (Web API deleted:true) and active:true reactivates', async () => {
    const user = active()[0] as User;
    const patched = await scim('PATCH', `Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] });
    expect(patched.status).toBe(200);
    expect(patched.body.active).toBe(false);
    const bot = checkedClient(sim, sim.tokens.bot);
    expect((await bot.client.users.info({ user: user.id })).user?.deleted).toBe(true);
    await scim('PATCH', `Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    expect((await bot.client.users.info({ user: user.id })).user?.deleted).toBe(false);
    expect(bot.problems).toEqual([]);
  });

  it('PATCH changes attributes by path, including the enterprise extension and guest conversion', async () => {
    const user = active()[1] as User;
    const response = await scim('PATCH', `Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'title', value: 'Principal Engineer' },
        { op: 'replace', path: 'name.familyName', value: 'Turing' },
        { op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Research' },
        { op: 'add', path: 'urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User', value: { type: 'multi' } },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: 'Principal Engineer', name: { familyName: 'Turing' } });
    expect((response.body['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as Json).department).toBe('Research');
    expect(sim.store.user(user.id)).toMatchObject({ isRestricted: true, isUltraRestricted: false, lastName: 'Turing' });
    const removed = await scim('PATCH', `Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User' }] });
    expect(removed.status).toBe(200);
    expect(sim.store.user(user.id)?.isRestricted).toBe(false);
    const primary = await scim('PATCH', `Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'emails[primary eq true]' }] });
    expect(primary.body.detail).toBe('missing_primary_email');
  });

  it('PUT replaces the user, blanking omitted attributes', async () => {
    const user = active()[2] as User;
    const put = await scim('PUT', `Users/${user.id}`, { userName: user.name, emails: [{ value: user.email, primary: true }], active: true });
    expect(put.status).toBe(200);
    expect(put.body.title).toBe('');
    expect((put.body.name as Json).givenName).toBe('');
  });

  it('DELETE deactivates (204), can be repeated, and never removes the account', async () => {
    const user = active()[3] as User;
    const first = await scim('DELETE', `Users/${user.id}`);
    expect(first.status).toBe(204);
    expect(first.text).toBe('');
    expect((await scim('DELETE', `Users/${user.id}`)).status).toBe(204);
    const got = await scim('GET', `Users/${user.id}`);
    expect(got.body.active).toBe(false);
    expect(sim.store.user(user.id)?.deleted).toBe(true);
  });

  it('protects the primary owner and bots from deactivation', async () => {
    const owner = [...sim.store.users.values()].find((u) => u.memberships.some((m) => m.role === 'primary_owner')) as User;
    const ownerDelete = await scim('DELETE', `Users/${owner.id}`);
    expect(ownerDelete.status).toBe(403);
    expect(ownerDelete.body.detail).toBe('cannot_disable_primary_owner');
    const bot = [...sim.store.users.values()].find((u) => u.isBot) as User;
    expect((await scim('DELETE', `Users/${bot.id}`)).body.detail).toBe('cannot_disable_bot_user_with_scim');
    expect((await scim('GET', 'Users/U0NOSUCH00')).status).toBe(404);
  });
});

describe('SCIM groups', () => {
  // A group with members and with someone left to add.
  const groupWithMembers = () =>
    [...sim.store.usergroups.values()].find((g) => g.users.size >= 2 && active().some((u) => !g.users.has(u.id))) as { id: string; users: Set<string> };

  it('creates (201), reads and lists groups, which are Web API user groups on Business+', async () => {
    const members = active().slice(0, 2).map((u) => ({ value: u.id }));
    const created = await scim('POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Platform Oncall', members });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(id).toMatch(/^S/);
    const got = await scim('GET', `Groups/${id}`);
    expect((got.body.members as Json[]).map((m) => m.value).sort()).toEqual(members.map((m) => m.value).sort());
    const bot = checkedClient(sim, sim.tokens.bot);
    expect((await bot.client.usergroups.users.list({ usergroup: id })).users?.sort()).toEqual(members.map((m) => m.value).sort());
    expect(bot.problems).toEqual([]);
    const filtered = await scim('GET', `Groups?filter=${encodeURIComponent('displayName eq "Platform Oncall"')}`);
    expect(filtered.body.totalResults).toBe(1);
    expect((await scim('POST', 'Groups', { displayName: 'Platform Oncall', members: [] })).status).toBe(409);
  });

  it('supports every v2 member PATCH form', async () => {
    const group = groupWithMembers();
    const [keep, drop] = [...group.users] as [string, string];
    const extra = active().find((u) => !group.users.has(u.id))?.id as string;
    const patch = (op: Json) => scim('PATCH', `Groups/${group.id}`, { schemas: [PATCH_OP], Operations: [op] });

    expect((await patch({ op: 'add', path: 'members', value: [{ value: extra }] })).status).toBe(200);
    expect(group.users.has(extra)).toBe(true);
    await patch({ op: 'remove', path: `members[value eq ${drop}]` });
    expect(group.users.has(drop)).toBe(false);
    await patch({ op: 'add', path: 'members', value: [{ value: drop }] });
    await patch({ op: 'remove', path: `members[value eq "${drop}"]` });
    expect(group.users.has(drop)).toBe(false);
    await patch({ op: 'remove', path: 'members', value: [{ value: extra }] });
    expect(group.users.has(extra)).toBe(false);
    const replaced = await patch({ op: 'replace', path: 'members', value: [{ value: keep }, { value: extra }] });
    expect((replaced.body.members as Json[]).map((m) => m.value).sort()).toEqual([keep, extra].sort());
    await patch({ op: 'replace', path: 'displayName', value: 'Renamed Group' });
    expect(sim.store.usergroup(group.id)?.name).toBe('Renamed Group');
    await patch({ op: 'remove', path: 'members' });
    expect(sim.store.usergroup(group.id)?.users.size).toBe(0);
  });

  it('refuses deactivated users and guests as members', async () => {
    const group = groupWithMembers();
    const guest = [...sim.store.users.values()].find((u) => u.isRestricted) as User;
    const refused = await scim('PATCH', `Groups/${group.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: guest.id }] }] });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe('unable_to_add_deleted_or_guest_to_group');
    expect(group.users.has(guest.id)).toBe(false);
  });

  it('PUT replaces the member list and DELETE removes the group (204)', async () => {
    const group = groupWithMembers();
    const only = active()[0]?.id as string;
    const put = await scim('PUT', `Groups/${group.id}`, { displayName: 'Replaced', members: [{ value: only }] });
    expect((put.body.members as Json[]).map((m) => m.value)).toEqual([only]);
    expect((await scim('DELETE', `Groups/${group.id}`)).status).toBe(204);
    expect((await scim('GET', `Groups/${group.id}`)).status).toBe(404);
  });

  it('speaks v1 on /scim/v1 with v1 schemas, 204 group PATCH and Errors bodies', async () => {
    const group = groupWithMembers();
    const list = await scim('GET', 'Users?count=2', undefined, { base: v1() });
    expect(list.body.schemas).toEqual(['urn:scim:schemas:core:1.0']);
    const member = [...group.users][0] as string;
    const patch = await scim('PATCH', `Groups/${group.id}`, { schemas: ['urn:scim:schemas:core:1.0'], members: [{ value: member, operation: 'delete' }] }, { base: v1() });
    expect(patch.status).toBe(204);
    expect(group.users.has(member)).toBe(false);
    const missing = await scim('GET', 'Users/U0NOSUCH00', undefined, { base: v1() });
    expect(missing.body).toEqual({ Errors: { description: 'no_such_user', code: 404 } });
    const user = active()[0] as User;
    const deactivated = await scim('PATCH', `Users/${user.id}`, { schemas: ['urn:scim:schemas:core:1.0'], active: false }, { base: v1() });
    expect(deactivated.body.active).toBe(false);
    const deleted = await scim('DELETE', `Users/${active()[0]?.id}`, undefined, { base: v1() });
    expect(deleted.status).toBe(200);
  });
});

describe('SCIM access', () => {
  it('answers 401 for missing or unknown tokens and 403 for bot tokens', async () => {
    expect((await scim('GET', 'Users', undefined, { token: null })).status).toBe(401);
    const unknown = await scim('GET', 'Users', undefined, { token: 'xoxp-unknown' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe('invalid_authentication');
    expect((await scim('GET', 'Users', undefined, { token: sim.tokens.bot })).body.detail).toBe('permission_denied');
  });

  it('can answer v2 errors in the Errors shape seen live', async () => {
    sim.control.setBehaviour({ scimV2ErrorShape: 'Errors' });
    const unknown = await scim('GET', 'Users', undefined, { token: 'xoxp-unknown' });
    expect(unknown.body).toEqual({ Errors: { description: 'invalid_authentication', code: 401 } });
  });

  it('is not available on Pro (plus_teams_only)', async () => {
    const pro = await startSimulator({ plan: 'pro', users: 5 });
    try {
      const response = await fetch(`${pro.scimUrl}Users`, { headers: { authorization: `Bearer ${pro.tokens.admin}` } });
      expect(response.status).toBe(403);
      expect(((await response.json()) as Json).detail).toBe('plus_teams_only');
    } finally {
      await pro.close();
    }
  });

  it('GovSlack answers SCIM v1 only', async () => {
    const gov = await startSimulator({ plan: 'gov', users: 5 });
    try {
      expect(gov.scimUrl.endsWith('/scim/v1/')).toBe(true);
      const headers = { authorization: `Bearer ${gov.tokens.admin}` };
      expect((await fetch(`${gov.scimUrl}Users`, { headers })).status).toBe(200);
      const v2 = await fetch(`${gov.origin}/scim/v2/Users`, { headers });
      expect(v2.status).toBe(404);
      expect(((await v2.json()) as Json).Errors).toMatchObject({ description: 'unsupported_version' });
    } finally {
      await gov.close();
    }
  });

  it('on Grid, lists org-level IdP groups and refuses workspace tokens', async () => {
    const grid = await startSimulator({ plan: 'grid', users: 30, idpGroups: 2 });
    try {
      const groups = await fetch(`${grid.scimUrl}Groups`, { headers: { authorization: `Bearer ${grid.tokens.admin}` } });
      const ids = ((await groups.json()) as { Resources: Json[] }).Resources.map((g) => g.id);
      const idp = [...grid.store.usergroups.values()].filter((g) => g.isIdpGroup).map((g) => g.id);
      expect(ids.sort()).toEqual(idp.sort());
      const workspaceToken = { ...(grid.store.token(grid.tokens.admin) as NonNullable<ReturnType<RunningSimulator['store']['token']>>), token: 'xoxp-workspace', orgLevel: false, teamId: [...grid.store.workspaces.keys()][0] as string };
      grid.store.addToken(workspaceToken);
      const refused = await fetch(`${grid.scimUrl}Users`, { headers: { authorization: 'Bearer xoxp-workspace' } });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as Json).detail).toBe('non_org_teams_only');
    } finally {
      await grid.close();
    }
  });
});
