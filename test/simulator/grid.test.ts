import { ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type User } from '../../src/simulator/index.ts';
import { checkedClient, type CheckedClient } from './openapi.ts';

let sim: RunningSimulator;
let bot: CheckedClient;
let org: CheckedClient;
let teams: string[];

beforeAll(async () => {
  sim = await startSimulator({ plan: 'grid', users: 150, workspaces: 3, seed: 3 });
  bot = checkedClient(sim, sim.tokens.bot);
  org = checkedClient(sim, sim.tokens.enterprise);
  teams = [...sim.store.workspaces.keys()];
});

afterEach(() => {
  const problems = [...bot.problems.splice(0), ...org.problems.splice(0)];
  expect(problems).toEqual([]);
  sim.control.reset();
});

afterAll(async () => {
  await sim.close();
});

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((error as { code?: string }).code).toBe(ErrorCode.PlatformError);
  return error as WebAPIPlatformError;
}

const users = (predicate: (u: User) => boolean): User[] => [...sim.store.users.values()].filter(predicate);

describe('Enterprise Grid', () => {
  it('uses W… user IDs, an enterprise, and several workspaces', async () => {
    expect(sim.store.enterprise?.id).toMatch(/^E/);
    expect(teams).toHaveLength(3);
    const auth = await bot.client.auth.test();
    expect(auth).toMatchObject({ is_enterprise_install: true, enterprise_id: sim.store.enterprise?.id, team_id: '' });
    expect(auth.user_id).toMatch(/^W/);
    const listed = await bot.client.auth.teams.list({});
    expect(listed.teams?.map((t) => t.id)).toEqual(teams);
  });

  it('requires team_id from org-level tokens on workspace methods', async () => {
    expect((await platformError(bot.client.users.list({}))).data.error).toBe('missing_argument');
    expect((await platformError(bot.client.usergroups.create({ name: 'x' }))).data.error).toBe('target_team_must_be_specified_in_org_context');
    sim.control.setBehaviour({ orgTokenWithoutTeam: 'empty' });
    const empty = await bot.client.users.list({});
    expect(empty.members).toEqual([]);
    // The 2020 schema demands at least one member; an empty list is what Slack was seen returning here.
    expect(bot.problems.splice(0)).toEqual(['users.list: /members must NOT have fewer than 1 items {"limit":1}']);
  });

  it('shows the bot every public channel of a workspace and the private ones it is in', async () => {
    const grid = await startSimulator({ plan: 'grid', users: 400, workspaces: 3, channels: 60, seed: 8 });
    try {
      const client = checkedClient(grid, grid.tokens.bot);
      const channels = [...grid.store.channels.values()];
      expect(channels).toHaveLength(60);
      const botId = grid.store.token(grid.tokens.bot)?.userId as string;
      expect(channels.some((c) => c.isPrivate && c.members.has(botId))).toBe(true);
      expect(channels.some((c) => c.isPrivate && !c.members.has(botId))).toBe(true);
      for (const teamId of grid.store.workspaces.keys()) {
        const seen: string[] = [];
        for await (const page of client.client.paginate('conversations.list', { team_id: teamId, types: 'public_channel,private_channel', limit: 7 })) {
          seen.push(...((page as unknown as { channels: { id: string }[] }).channels.map((c) => c.id)));
        }
        const expected = channels.filter((c) => c.teamId === teamId && (!c.isPrivate || c.members.has(botId))).map((c) => c.id);
        expect(seen.sort()).toEqual(expected.sort());
      }
      expect(client.problems).toEqual([]);
    } finally {
      await grid.close();
    }
  });

  it('answers team_access_not_granted for a workspace the install was not granted', async () => {
    const token = sim.store.token(sim.tokens.bot);
    sim.store.addToken({ ...(token as NonNullable<typeof token>), token: 'xoxb-two-teams', grantedTeams: teams.slice(0, 2) });
    const narrow = checkedClient(sim, 'xoxb-two-teams');
    expect((await platformError(narrow.client.users.list({ team_id: teams[2] as string }))).data.error).toBe('team_access_not_granted');
    const allowed = await narrow.client.users.list({ team_id: teams[0] as string, limit: 5 });
    expect(allowed.members).toHaveLength(5);
    expect(narrow.problems).toEqual([]);
  });

  it('lists each workspace’s members with enterprise_user and per-workspace roles', async () => {
    for (const teamId of teams) {
      const seen: { id: string; team_id?: string; enterprise_user?: { teams?: string[]; enterprise_id?: string } }[] = [];
      for await (const page of bot.client.paginate('users.list', { team_id: teamId, limit: 50 })) {
        seen.push(...(page as unknown as { members: typeof seen }).members);
      }
      expect(seen.map((m) => m.id)).toEqual(sim.store.workspace(teamId)?.userIds);
      const human = seen.find((m) => m.id !== 'USLACKBOT') as (typeof seen)[number];
      expect(human.team_id).toBe(teamId);
      expect(human.enterprise_user?.enterprise_id).toBe(sim.store.enterprise?.id);
      expect(human.enterprise_user?.teams).toContain(teamId);
    }
    const multi = users((u) => u.memberships.length > 1 && u.id !== 'USLACKBOT' && !u.isBot);
    expect(multi.length).toBeGreaterThan(0);
  });

  it('shows org-level IdP groups in the workspaces they are linked to', async () => {
    const idp = [...sim.store.usergroups.values()].find((g) => g.isIdpGroup && g.linkedTeams.length > 0) as { id: string; linkedTeams: string[] };
    const listed = await bot.client.usergroups.list({ team_id: idp.linkedTeams[0] as string });
    const group = listed.usergroups?.find((g) => g.id === idp.id) as Record<string, unknown>;
    expect(group).toMatchObject({ is_idp_group: true, is_org_level: true, enterprise_subteam_id: idp.id });
  });
});

describe('admin.* methods', () => {
  const regular = (teamId: string): User =>
    users((u) => !u.deleted && !u.isBot && !u.isRestricted && u.email !== null && u.orgRole === 'member' && u.memberships.some((m) => m.teamId === teamId && m.role === 'member'))[0] as User;
  const primaryOwner = (): User => users((u) => u.orgRole === 'primary_owner')[0] as User;

  it('refuses workspace-level and non-admin tokens', async () => {
    const member = regular(teams[0] as string);
    sim.store.addToken({ token: 'xoxp-member', kind: 'user', userId: member.id, orgLevel: true, grantedTeams: teams, scopes: ['admin.users:read'], appId: 'A0X' });
    const notAdmin = checkedClient(sim, 'xoxp-member');
    expect((await platformError(notAdmin.client.admin.users.list({}))).data.error).toBe('not_an_admin');
    expect((await platformError(checkedClient(sim, sim.tokens.admin).client.admin.users.list({}))).data.error).toBe('missing_scope');
  });

  it('admin.teams.list and admin.users.list page through the org', async () => {
    const listed = await org.client.admin.teams.list({ limit: 2 });
    expect(listed.teams).toHaveLength(2);
    expect(listed.teams?.[0]).toMatchObject({ id: teams[0], primary_owner: { user_id: primaryOwner().id } });
    const seen: { id: string; is_active: boolean }[] = [];
    for await (const page of org.client.paginate('admin.users.list', { limit: 40 })) seen.push(...(page as unknown as { users: typeof seen }).users);
    const active = users((u) => !u.deleted && u.id !== 'USLACKBOT').map((u) => u.id).sort();
    expect(seen.map((u) => u.id)).toEqual(active);
    const inactive = await org.client.admin.users.list({ is_active: false, limit: 1000 });
    expect(inactive.users?.every((u) => u.is_active === false)).toBe(true);
    expect(inactive.users?.length).toBe(users((u) => u.deleted).length);
  });

  it('assigns and removes workspace membership', async () => {
    const [home, other] = teams as [string, string];
    const user = users((u) => !u.deleted && !u.isBot && u.memberships.length === 1 && u.memberships[0]?.teamId === home && !u.isRestricted)[0] as User;
    await org.client.admin.users.assign({ team_id: other, user_id: user.id });
    expect(sim.store.workspace(other)?.userIds).toContain(user.id);
    expect((await platformError(org.client.admin.users.assign({ team_id: other, user_id: user.id }))).data.error).toBe('user_already_team_member');
    await org.client.admin.users.remove({ team_id: other, user_id: user.id });
    expect(sim.store.workspace(other)?.userIds).not.toContain(user.id);
    expect((await platformError(org.client.admin.users.remove({ team_id: other, user_id: user.id }))).data.error).toBe('user_not_found');
    expect((await platformError(org.client.admin.users.assign({ team_id: 'T0NOSUCH00', user_id: user.id }))).data.error).toBe('team_not_found');
  });

  it('sets admin, owner and regular roles, never on the primary owner', async () => {
    const teamId = teams[0] as string;
    const user = regular(teamId);
    await org.client.admin.users.setAdmin({ team_id: teamId, user_id: user.id });
    const asAdmin = await bot.client.users.info({ user: user.id, team_id: teamId } as { user: string });
    expect(asAdmin.user).toMatchObject({ is_admin: true, is_owner: false });
    await org.client.admin.users.setOwner({ team_id: teamId, user_id: user.id });
    expect(sim.store.membership(user, teamId)?.role).toBe('owner');
    await org.client.admin.users.setRegular({ team_id: teamId, user_id: user.id });
    expect(sim.store.membership(user, teamId)?.role).toBe('member');
    for (const call of [org.client.admin.users.setAdmin, org.client.admin.users.setOwner, org.client.admin.users.setRegular]) {
      expect((await platformError(call({ team_id: teamId, user_id: primaryOwner().id }))).data.error).toBe('cannot_modify_primary_owner');
    }
  });

  it('invites new people as invited users and refuses existing members', async () => {
    const teamId = teams[0] as string;
    const channel = [...sim.store.channels.values()].find((c) => c.teamId === teamId) as { id: string };
    await org.client.admin.users.invite({ team_id: teamId, email: 'new.hire@example.com', channel_ids: [channel.id] });
    const invited = sim.store.userByEmail('new.hire@example.com') as User;
    expect(invited.isInvitedUser).toBe(true);
    const info = await bot.client.users.info({ user: invited.id });
    expect(info.user?.is_invited_user).toBe(true);
    expect((await platformError(org.client.admin.users.invite({ team_id: teamId, email: 'new.hire@example.com', channel_ids: [channel.id] }))).data.error).toBe('already_in_team_invited_user');
    const member = regular(teamId);
    expect((await platformError(org.client.admin.users.invite({ team_id: teamId, email: member.email as string, channel_ids: [channel.id] }))).data.error).toBe('already_in_team');
    expect((await platformError(org.client.admin.users.invite({ team_id: teamId, email: 'not-an-email', channel_ids: [channel.id] }))).data.error).toBe('invalid_email');
  });

  it('lists, adds and removes enterprise role assignments', async () => {
    const listed = await org.client.admin.roles.listAssignments({ limit: 200 });
    expect(listed.role_assignments?.length).toBe(sim.store.roleAssignments.length);
    const user = regular(teams[0] as string);
    const enterpriseId = sim.store.enterprise?.id as string;
    const added = await org.client.admin.roles.addAssignments({ role_id: 'Rl0J', entity_ids: [enterpriseId], user_ids: [user.id, 'W0NOBODY00'] });
    expect((added as { rejected_users?: { id: string }[] }).rejected_users?.map((r) => r.id)).toEqual(['W0NOBODY00']);
    const security = await org.client.admin.roles.listAssignments({ role_ids: ['Rl0J'] });
    expect(security.role_assignments?.some((a) => a.user_id === user.id && a.entity_id === enterpriseId)).toBe(true);
    await org.client.admin.roles.removeAssignments({ role_id: 'Rl0J', entity_ids: [enterpriseId], user_ids: [user.id] });
    expect(sim.store.roleAssignments.some((a) => a.roleId === 'Rl0J' && a.userId === user.id)).toBe(false);
  });

  it('accepts repeated form fields for list arguments', async () => {
    const user = regular(teams[0] as string);
    const enterpriseId = sim.store.enterprise?.id as string;
    const body = new URLSearchParams([
      ['role_id', 'Rl03'],
      ['user_ids', user.id],
      ['entity_ids', enterpriseId],
      ['entity_ids', teams[1] as string],
    ]);
    const response = await fetch(`${sim.apiUrl}admin.roles.addAssignments`, { method: 'POST', headers: { authorization: `Bearer ${sim.tokens.enterprise}` }, body });
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
    expect(sim.store.roleAssignments.filter((a) => a.roleId === 'Rl03' && a.userId === user.id).map((a) => a.entityId).sort()).toEqual([enterpriseId, teams[1]].sort());
  });
});
