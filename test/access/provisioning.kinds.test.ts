import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotGrantableError, ValidationError } from '../../src/access/errors.ts';
import type { User } from '../../src/simulator/store.ts';
import { backend } from '../support/db.ts';
import { accountId, actor, cachedMembers, entitlementId, fullMembers } from '../support/slackOrg.ts';
import { useWorld } from '../support/world.ts';

const grid = useWorld({ slack: { plan: 'grid', seed: 5, users: 150, workspaces: 2, userGroups: 3, idpGroups: 2, channels: 6 } });

beforeEach(() => grid.sim.control.resetCalls());

const teams = () => [...grid.sim.store.workspaces.keys()];
const role = (u: User, team: string) => u.memberships.find((m) => m.teamId === team)?.role;

describe(`provisioning every kind on Enterprise Grid (${backend})`, () => {
  it('workspace membership: admin.users.assign and remove, idempotent both ways', async () => {
    const [a, b] = teams() as [string, string];
    const user = fullMembers(grid.sim, a).find((u) => !u.memberships.some((m) => m.teamId === b) && u.orgRole === 'member')!;
    const ent = await entitlementId(grid.db, `workspace:${b}:member`);
    const acc = await accountId(grid.db, user.id);
    expect((await grid.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT' })).result).toBe('GRANTED');
    expect(user.memberships.some((m) => m.teamId === b)).toBe(true);
    expect(await cachedMembers(grid.db, `workspace:${b}:member`)).toContain(user.id);
    expect((await grid.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT' })).result).toBe('ALREADY_GRANTED');
    expect((await grid.provisioning.revoke({ entitlementId: ent, accountId: acc, actor })).result).toBe('REVOKED');
    expect(user.memberships.some((m) => m.teamId === b)).toBe(false);
    expect(await cachedMembers(grid.db, `workspace:${b}:member`)).not.toContain(user.id);
    expect((await grid.provisioning.revoke({ entitlementId: ent, accountId: acc, actor })).result).toBe('ALREADY_REVOKED');
  });

  it('workspace admin and owner roles: setAdmin / setOwner, revoke with setRegular; the derived roles follow in the cache', async () => {
    const [a] = teams() as [string];
    const user = fullMembers(grid.sim, a).find((u) => role(u, a) === 'member' && u.orgRole === 'member')!;
    const acc = await accountId(grid.db, user.id);
    const admin = await entitlementId(grid.db, `workspaceRole:${a}:admin:assigned`);
    const owner = await entitlementId(grid.db, `workspaceRole:${a}:owner:assigned`);
    expect((await grid.provisioning.grant({ entitlementId: admin, accountId: acc, actor, source: 'DIRECT' })).result).toBe('GRANTED');
    expect(role(user, a)).toBe('admin');
    expect(await cachedMembers(grid.db, `workspaceRole:${a}:admin:assigned`)).toContain(user.id);
    expect((await grid.provisioning.grant({ entitlementId: owner, accountId: acc, actor, source: 'DIRECT' })).result).toBe('GRANTED');
    expect(role(user, a)).toBe('owner');
    // Owners are admins: granting admin changes nothing (setAdmin would demote the owner).
    expect((await grid.provisioning.grant({ entitlementId: admin, accountId: acc, actor, source: 'DIRECT' })).result).toBe('ALREADY_GRANTED');
    expect(role(user, a)).toBe('owner');
    const refused = await grid.provisioning.revoke({ entitlementId: admin, accountId: acc, actor });
    expect(refused.errors[0]).toBeInstanceOf(ConflictError);
    expect(refused.errors[0]!.message).toMatch(/revoke the owner role instead/);
    expect((await grid.provisioning.revoke({ entitlementId: owner, accountId: acc, actor })).result).toBe('REVOKED');
    expect(role(user, a)).toBe('member');
    expect(await cachedMembers(grid.db, `workspaceRole:${a}:owner:assigned`)).not.toContain(user.id);
    expect(await cachedMembers(grid.db, `workspaceRole:${a}:admin:assigned`)).not.toContain(user.id);
    expect(await cachedMembers(grid.db, `workspaceRole:${a}:member:assigned`)).toContain(user.id);
  });

  it('primary owner and guest roles are not grantable, and nothing is sent to Slack', async () => {
    const [a] = teams() as [string];
    const user = fullMembers(grid.sim, a)[3]!;
    for (const r of ['primary_owner', 'multi_channel_guest', 'single_channel_guest']) {
      const outcome = await grid.provisioning.grant({ entitlementId: await entitlementId(grid.db, `workspaceRole:${a}:${r}:assigned`), accountId: await accountId(grid.db, user.id), actor, source: 'DIRECT' });
      expect(outcome.errors[0]).toBeInstanceOf(NotGrantableError);
    }
    expect(grid.sim.control.calls()).toBe(0);
  });

  it('enterprise roles: admin.roles.addAssignments and removeAssignments', async () => {
    const roleId = grid.sim.store.roleAssignments.find((r) => r.roleId.startsWith('Rl'))!.roleId;
    const holders = new Set(grid.sim.store.roleAssignments.filter((r) => r.roleId === roleId).map((r) => r.userId));
    const user = fullMembers(grid.sim, teams()[0]!).find((u) => !holders.has(u.id))!;
    const ext = `enterpriseRole:${roleId}:assigned`;
    const ent = await entitlementId(grid.db, ext);
    const acc = await accountId(grid.db, user.id);
    expect((await grid.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT' })).result).toBe('GRANTED');
    expect(grid.sim.store.roleAssignments.some((r) => r.roleId === roleId && r.userId === user.id)).toBe(true);
    expect(await cachedMembers(grid.db, ext)).toContain(user.id);
    expect((await grid.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT' })).result).toBe('ALREADY_GRANTED');
    expect((await grid.provisioning.revoke({ entitlementId: ent, accountId: acc, actor })).result).toBe('REVOKED');
    expect(grid.sim.store.roleAssignments.some((r) => r.roleId === roleId && r.userId === user.id)).toBe(false);
    expect(await cachedMembers(grid.db, ext)).not.toContain(user.id);
  });

  it('IdP groups: SCIM PATCH add and remove one member', async () => {
    const group = [...grid.sim.store.usergroups.values()].filter((g) => g.isIdpGroup && g.users.size > 0).sort((x, y) => x.users.size - y.users.size)[0]!;
    const user = teams().flatMap((team) => fullMembers(grid.sim, team)).find((u) => !group.users.has(u.id))!;
    const ext = `group:${group.id}:member`;
    const ent = await entitlementId(grid.db, ext);
    const acc = await accountId(grid.db, user.id);
    expect((await grid.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT' })).result).toBe('GRANTED');
    expect(group.users.has(user.id)).toBe(true);
    expect(await cachedMembers(grid.db, ext)).toEqual([...group.users].sort());
    expect((await grid.provisioning.revoke({ entitlementId: ent, accountId: acc, actor })).result).toBe('REVOKED');
    expect(group.users.has(user.id)).toBe(false);
    expect((await grid.provisioning.revoke({ entitlementId: ent, accountId: acc, actor })).result).toBe('ALREADY_REVOKED');
    expect(await cachedMembers(grid.db, ext)).toEqual([...group.users].sort());
    const guest = [...grid.sim.store.users.values()].find((u) => u.isRestricted)!;
    const refused = await grid.provisioning.grant({ entitlementId: ent, accountId: await accountId(grid.db, guest.id), actor, source: 'DIRECT' });
    expect(refused.errors[0]).toBeInstanceOf(ValidationError);
  });

  it('channels: conversations.invite and kick, with already_in_channel / not_in_channel as idempotent outcomes', async () => {
    const botUser = grid.sim.store.tokens.get(grid.sim.tokens.bot)!.userId;
    const channel = [...grid.sim.store.channels.values()].find((c) => !c.isArchived && !c.isGeneral && c.members.has(botUser))!;
    const user = fullMembers(grid.sim, channel.teamId).find((u) => !channel.members.has(u.id))!;
    const ext = `channel:${channel.id}:member`;
    const ent = await entitlementId(grid.db, ext);
    const acc = await accountId(grid.db, user.id);
    expect((await grid.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT' })).result).toBe('GRANTED');
    expect(channel.members.has(user.id)).toBe(true);
    expect((await grid.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT' })).result).toBe('ALREADY_GRANTED');
    expect(await cachedMembers(grid.db, ext)).toContain(user.id);
    expect((await grid.provisioning.revoke({ entitlementId: ent, accountId: acc, actor })).result).toBe('REVOKED');
    expect(channel.members.has(user.id)).toBe(false);
    expect((await grid.provisioning.revoke({ entitlementId: ent, accountId: acc, actor })).result).toBe('ALREADY_REVOKED');
    expect(await cachedMembers(grid.db, ext)).not.toContain(user.id);
  });

  it('accounts are disabled and enabled through SCIM', async () => {
    const user = fullMembers(grid.sim, teams()[0]!).find((u) => u.orgRole === 'member')!;
    const acc = await accountId(grid.db, user.id);
    expect(await grid.provisioning.setAccountStatus({ accountId: acc, status: 'DISABLED', actor })).toEqual({ result: 'DISABLED', errors: [] });
    expect(user.deleted).toBe(true);
    expect((await grid.db.selectFrom('accounts').select('status').where('id', '=', acc).executeTakeFirstOrThrow()).status).toBe('DISABLED');
    expect((await grid.provisioning.setAccountStatus({ accountId: acc, status: 'DISABLED', actor })).result).toBe('ALREADY_DISABLED');
    expect((await grid.provisioning.setAccountStatus({ accountId: acc, status: 'ENABLED', actor })).result).toBe('ENABLED');
    expect(user.deleted).toBe(false);
    const audit = await grid.db.selectFrom('audit_events').select(['action', 'outcome']).where('account_external_id', '=', `user:${user.id}`).where('action', '=', 'setAccountStatus').orderBy('id').execute();
    expect(audit.map((a) => a.outcome)).toEqual(['SUCCESS', 'NOOP', 'SUCCESS']);
  });
});
