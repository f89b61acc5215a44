import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { createDb } from '../../src/db/createDb.ts';
import { ConflictError, NotGrantableError, SlackApiError, ValidationError } from '../../src/access/errors.ts';
import type { UserGroup } from '../../src/simulator/store.ts';
import { backend } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';
import { accountId, actor, cachedMembers, entitlementId, fullMembers } from '../support/slackOrg.ts';
import { useWorld } from '../support/world.ts';

const org = useWorld({ slack: { plan: 'business-plus', seed: 11, users: 120, workspaces: 1, userGroups: 4, idpGroups: 1, channels: 3 } });
let group: UserGroup;
let teamId: string;

beforeAll(async () => {
  group = [...org.sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size >= 3) as UserGroup;
  teamId = group.teamId;
});
beforeEach(() => {
  org.sim.control.resetCalls();
  org.sim.control.clearFaults();
});

const ext = () => `userGroup:${group.id}:member`;
const outsiders = () => fullMembers(org.sim, teamId).filter((u) => !group.users.has(u.id));

describe(`user-group provisioning (${backend})`, () => {
  it('grants and revokes one member: Slack, the cache and the audit log agree', async () => {
    const user = outsiders()[0]!;
    const ent = await entitlementId(org.db, ext());
    const acc = await accountId(org.db, user.id);
    const granted = await org.provisioning.grant({ entitlementId: ent, accountId: acc, actor, source: 'DIRECT', reason: 'on call' });
    expect(granted.errors).toEqual([]);
    expect(granted.result).toBe('GRANTED');
    expect(group.users.has(user.id)).toBe(true);
    const row = await org.db.selectFrom('grants').selectAll().where('id', '=', granted.grantId!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'DIRECT', external_id: `${ext()}:user:${user.id}` });
    expect(await cachedMembers(org.db, ext())).toEqual([...group.users].sort());

    const revoked = await org.provisioning.revoke({ entitlementId: ent, accountId: acc, actor, reason: 'done' });
    expect(revoked).toEqual({ result: 'REVOKED', errors: [] });
    expect(group.users.has(user.id)).toBe(false);
    expect(await cachedMembers(org.db, ext())).toEqual([...group.users].sort());

    const audit = await org.db.selectFrom('audit_events').selectAll().where('target_id', '=', `${ext()}:user:${user.id}`).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ['grantEntitlement', 'SUCCESS'],
      ['revokeGrant', 'SUCCESS'],
    ]);
    expect(audit[0]).toMatchObject({ api_client_id: 'test-client', entitlement_external_id: ext(), account_external_id: `user:${user.id}` });
    expect(JSON.stringify(audit)).not.toContain(org.sim.tokens.bot);
  });

  it('coalesces 20 concurrent grants and revokes to one group into 1 read and 1 update, ending with exactly the right members', async () => {
    const ent = await entitlementId(org.db, ext());
    const adds = outsiders().slice(0, 15);
    const removes = [...group.users].slice(0, 5);
    const before = new Set(group.users);
    // The accounts are looked up first, so the 20 calls start together rather than each after
    // its own lookup (a busy database would otherwise spread them over more than one batch).
    const addIds = await Promise.all(adds.map((u) => accountId(org.db, u.id)));
    const removeIds = await Promise.all(removes.map((id) => accountId(org.db, id)));
    org.sim.control.resetCalls();
    const outcomes = await Promise.all([
      ...addIds.map((id) => org.provisioning.grant({ entitlementId: ent, accountId: id, actor, source: 'DIRECT' })),
      ...removeIds.map((id) => org.provisioning.revoke({ entitlementId: ent, accountId: id, actor })),
    ]);
    expect(outcomes.map((o) => o.errors)).toEqual(outcomes.map(() => []));
    expect(outcomes.map((o) => o.result)).toEqual([...adds.map(() => 'GRANTED'), ...removes.map(() => 'REVOKED')]);
    const expected = new Set([...before, ...adds.map((u) => u.id)]);
    for (const id of removes) expected.delete(id);
    expect([...group.users].sort()).toEqual([...expected].sort());
    expect(org.sim.control.calls('usergroups.users.list')).toBe(1);
    expect(org.sim.control.calls('usergroups.users.update')).toBe(1);
    expect(await cachedMembers(org.db, ext())).toEqual([...expected].sort());
  });

  it('keeps a member someone else added in Slack since the last sync: the list is read fresh before writing', async () => {
    const [theirs, ours] = outsiders();
    group.users.add(theirs!.id); // a change made directly in Slack; the cache does not know it
    const outcome = await org.provisioning.grant({ entitlementId: await entitlementId(org.db, ext()), accountId: await accountId(org.db, ours!.id), actor, source: 'DIRECT' });
    expect(outcome.result).toBe('GRANTED');
    expect(group.users.has(theirs!.id)).toBe(true);
    expect(group.users.has(ours!.id)).toBe(true);
    expect(await cachedMembers(org.db, ext())).toContain(theirs!.id);
  });

  it('answers ALREADY_GRANTED and ALREADY_REVOKED from Slack when the cache is stale, without writing', async () => {
    const [added, gone] = outsiders();
    const ent = await entitlementId(org.db, ext());
    group.users.add(added!.id); // in Slack, not in the cache
    const member = [...group.users].find((id) => id !== added!.id)!;
    group.users.delete(member); // out of Slack, still in the cache
    void gone;
    const since = await lastAuditId();
    org.sim.control.resetCalls();
    const granted = await org.provisioning.grant({ entitlementId: ent, accountId: await accountId(org.db, added!.id), actor, source: 'DIRECT' });
    const revoked = await org.provisioning.revoke({ entitlementId: ent, accountId: await accountId(org.db, member), actor });
    expect(granted).toMatchObject({ result: 'ALREADY_GRANTED', errors: [] });
    expect(granted.grantId).toBeGreaterThan(0);
    expect(revoked).toEqual({ result: 'ALREADY_REVOKED', errors: [] });
    expect(org.sim.control.calls('usergroups.users.update')).toBe(0);
    expect(await cachedMembers(org.db, ext())).toEqual([...group.users].sort());
    const audit = await org.db.selectFrom('audit_events').select(['outcome']).where('id', '>', since).where('target_id', 'in', [`${ext()}:user:${added!.id}`, `${ext()}:user:${member}`]).execute();
    expect(audit.map((a) => a.outcome)).toEqual(['NOOP', 'NOOP']);
  });

  it('rejects guests, bots and deactivated users before any write, saying why', async () => {
    const users = [...org.sim.store.users.values()].filter((u) => u.memberships.some((m) => m.teamId === teamId));
    const guest = users.find((u) => u.isRestricted)!;
    const bot = users.find((u) => u.isBot && u.id !== 'USLACKBOT')!;
    const deleted = users.find((u) => u.deleted && !u.isBot)!;
    const ent = await entitlementId(org.db, ext());
    org.sim.control.resetCalls();
    const outcomes = await Promise.all([guest, bot, deleted].map(async (u) => org.provisioning.grant({ entitlementId: ent, accountId: await accountId(org.db, u.id), actor, source: 'DIRECT' })));
    expect(org.sim.control.calls('usergroups.users.update')).toBe(0);
    expect(org.sim.control.calls()).toBe(0);
    expect(outcomes.map((o) => o.result)).toEqual([undefined, undefined, undefined]);
    expect(outcomes.every((o) => o.errors[0] instanceof ValidationError)).toBe(true);
    expect(outcomes[0]!.errors[0]!.message).toMatch(/guest; Slack does not allow guests in user groups/);
    expect(outcomes[1]!.errors[0]!.message).toMatch(/is a bot/);
    expect(outcomes[2]!.errors[0]!.message).toMatch(/deactivated/);
    const audit = await org.db.selectFrom('audit_events').select(['outcome', 'error_code']).where('target_id', '=', `${ext()}:user:${guest.id}`).execute();
    expect(audit).toEqual([{ outcome: 'DENIED', error_code: 'INELIGIBLE_ACCOUNT' }]);
  });

  it('disables the group when its last member is revoked, and a later grant enables it with only the new member', async () => {
    const small = [...org.sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.dateDelete === 0 && g !== group)!;
    const eligible = fullMembers(org.sim, small.teamId);
    small.users = new Set([eligible[0]!.id]);
    await org.sync();
    const smallExt = `userGroup:${small.id}:member`;
    const ent = await entitlementId(org.db, smallExt);
    const revoked = await org.provisioning.revoke({ entitlementId: ent, accountId: await accountId(org.db, eligible[0]!.id), actor });
    expect(revoked).toEqual({ result: 'REVOKED', errors: [] });
    expect(small.dateDelete).toBeGreaterThan(0);
    expect(await cachedMembers(org.db, smallExt)).toEqual([]);
    const resource = await org.db.selectFrom('resources').select('status').where('external_id', '=', `userGroup:${small.id}`).executeTakeFirstOrThrow();
    expect(resource.status).toBe('DISABLED');

    // Slack still lists the last member on the disabled group; they must not come back.
    const again = await org.provisioning.revoke({ entitlementId: ent, accountId: await accountId(org.db, eligible[0]!.id), actor });
    expect(again.result).toBe('ALREADY_REVOKED');
    const granted = await org.provisioning.grant({ entitlementId: ent, accountId: await accountId(org.db, eligible[1]!.id), actor, source: 'DIRECT' });
    expect(granted.result).toBe('GRANTED');
    expect(small.dateDelete).toBe(0);
    expect([...small.users]).toEqual([eligible[1]!.id]);
    expect(await cachedMembers(org.db, smallExt)).toEqual([eligible[1]!.id]);
  });

  it('surfaces Slack errors with their code, and the cache and audit log tell the truth', async () => {
    const user = outsiders()[0]!;
    const ent = await entitlementId(org.db, ext());
    org.sim.control.setBehaviour({ userGroupEditing: 'admins' });
    try {
      const outcome = await org.provisioning.grant({ entitlementId: ent, accountId: await accountId(org.db, user.id), actor, source: 'DIRECT' });
      expect(outcome.result).toBeUndefined();
      const error = outcome.errors[0] as SlackApiError;
      expect(error).toBeInstanceOf(SlackApiError);
      expect(error.slackError).toBe('permission_denied');
      expect(error.method).toBe('usergroups.users.update');
      expect(group.users.has(user.id)).toBe(false);
      expect(await cachedMembers(org.db, ext())).not.toContain(user.id);
      const audit = await org.db.selectFrom('audit_events').select(['outcome', 'error_code']).where('target_id', '=', `${ext()}:user:${user.id}`).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(audit).toEqual({ outcome: 'FAILURE', error_code: 'permission_denied' });
    } finally {
      org.sim.control.setBehaviour({ userGroupEditing: 'everyone' });
    }
  });

  it('waits out rate limits within a bound, then reports ratelimited; a 5xx mid-way is retried', async () => {
    const [a, b] = outsiders();
    const ent = await entitlementId(org.db, ext());
    org.sim.control.inject('usergroups.users.update', { kind: 'http_error', status: 503 }, 2);
    const recovered = await org.provisioning.grant({ entitlementId: ent, accountId: await accountId(org.db, a!.id), actor, source: 'DIRECT' });
    expect(recovered.result).toBe('GRANTED');

    const limited = createProvisioningService({ database: org.database, connection: connectionForRetries(1) });
    org.sim.control.inject('usergroups.users.update', { kind: 'rate_limited', retryAfter: 0 }, 5);
    const outcome = await limited.grant({ entitlementId: ent, accountId: await accountId(org.db, b!.id), actor, source: 'DIRECT' });
    expect((outcome.errors[0] as SlackApiError).slackError).toBe('ratelimited');
    expect(group.users.has(b!.id)).toBe(false);
    expect(await cachedMembers(org.db, ext())).not.toContain(b!.id);
  });

  it('refuses an entitlement that is not grantable without calling Slack', async () => {
    const ent = await entitlementId(org.db, ext());
    await org.db.updateTable('entitlements').set({ grantable: false, grantable_reason: 'the bot token lacks the usergroups:write scope' }).where('id', '=', ent).execute();
    try {
      org.sim.control.resetCalls();
      const outcome = await org.provisioning.grant({ entitlementId: ent, accountId: await accountId(org.db, outsiders()[0]!.id), actor, source: 'DIRECT' });
      expect(outcome.errors[0]).toBeInstanceOf(NotGrantableError);
      expect((outcome.errors[0] as NotGrantableError).reason).toMatch(/usergroups:write/);
      expect(org.sim.control.calls()).toBe(0);
    } finally {
      await org.db.updateTable('entitlements').set({ grantable: true, grantable_reason: null }).where('id', '=', ent).execute();
    }
  });

  it('an idempotency key makes a retry answer the first outcome without calling Slack again', async () => {
    const user = outsiders()[0]!;
    const input = { entitlementId: await entitlementId(org.db, ext()), accountId: await accountId(org.db, user.id), actor, source: 'DIRECT' as const, idempotencyKey: `k-${user.id}` };
    const first = await org.provisioning.grant(input);
    expect(first.result).toBe('GRANTED');
    org.sim.control.resetCalls();
    const retried = await org.provisioning.grant(input);
    expect(retried).toEqual(first);
    expect(org.sim.control.calls()).toBe(0);
    const reused = await org.provisioning.revoke({ ...input, idempotencyKey: input.idempotencyKey });
    expect(reused.errors[0]).toBeInstanceOf(ValidationError);
    expect(reused.errors[0]!.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(group.users.has(user.id)).toBe(true);
  });

  it('two replicas granting into one group at the same time lose no update', async () => {
    const second = org.databaseUrl ? await createDb({ url: org.databaseUrl, poolSize: 3 }) : org.database;
    try {
      const replicaA = org.provisioning;
      const replicaB = createProvisioningService({ database: second, connection: connectionFor(configFor(org.sim)) });
      const ent = await entitlementId(org.db, ext());
      const users = outsiders().slice(0, 12);
      const before = new Set(group.users);
      const outcomes = await Promise.all(
        users.map(async (u, i) => (i % 2 === 0 ? replicaA : replicaB).grant({ entitlementId: ent, accountId: await accountId(org.db, u.id), actor, source: 'DIRECT' })),
      );
      expect(outcomes.map((o) => o.result)).toEqual(users.map(() => 'GRANTED'));
      expect([...group.users].sort()).toEqual([...before, ...users.map((u) => u.id)].sort());
      expect(await cachedMembers(org.db, ext())).toEqual([...group.users].sort());
    } finally {
      if (second !== org.database) await second.close();
    }
  });

  it('refuses a change that would conflict instead of guessing', async () => {
    // Unknown group in Slack: the read fails and nothing is written.
    const ghost = outsiders()[0]!;
    org.sim.control.inject('usergroups.users.list', { kind: 'slack_error', error: 'no_such_subteam' }, 2);
    const outcome = await org.provisioning.grant({ entitlementId: await entitlementId(org.db, ext()), accountId: await accountId(org.db, ghost.id), actor, source: 'DIRECT' });
    expect((outcome.errors[0] as SlackApiError).slackError).toBe('no_such_subteam');
    expect(group.users.has(ghost.id)).toBe(false);
    void ConflictError;
  });
});

async function lastAuditId(): Promise<number> {
  const row = await org.db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

function connectionForRetries(rateLimitRetries: number) {
  return new (connectionFor(configFor(org.sim)).constructor as typeof import('../../src/slack/connection.ts').SlackConnection)({
    slack: configFor(org.sim).slack,
    minuteMs: 0,
    retry: { baseDelayMs: 5, maxDelayMs: 50, rateLimitRetries },
  });
}
