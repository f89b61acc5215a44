import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { cachedAccess, configFor, connectionFor, expectedAccess } from '../support/slack.ts';

const t = useTestDatabase();
let sim: RunningSimulator;
let engine: SyncEngine;

const expected = () => expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: false, botToken: sim.tokens.bot });
const syncNow = async (confirmDeletions = false) => engine.waitFor((await engine.start({ trigger: 'MANUAL', confirmDeletions })).id);
const changesOf = async (runId: number, kind: string) =>
  (await t.db.selectFrom('sync_changes').select('external_id').where('run_id', '=', runId).where('kind', '=', kind as never).execute()).map((r) => r.external_id).sort();
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 5, users: 120, userGroups: 8, idpGroups: 3, channels: 6 });
  const config = configFor(sim);
  engine = new SyncEngine({ database: t.database, connection: connectionFor(config), ssoEnabled: true, deletionThreshold: 0.5 });
  expect((await syncNow()).status).toBe('SUCCEEDED');
});
afterAll(async () => {
  await engine.close();
  await sim.close();
});

describe(`re-syncs and their diff (${backend})`, () => {
  it('writes nothing when nothing changed in Slack', async () => {
    const before = await t.db.selectFrom('grants').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')]).executeTakeFirstOrThrow();
    const accountsBefore = await t.db.selectFrom('accounts').select((eb) => eb.fn.max('updated_at').as('latest')).executeTakeFirstOrThrow();
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(run.diff_summary).toMatchObject({ grantsAdded: 0, grantsRemoved: 0, accountsAdded: 0, accountsChanged: 0, accountsRemoved: 0 });
    expect(await t.db.selectFrom('sync_changes').select('id').where('run_id', '=', run.id).execute()).toEqual([]);
    const after = await t.db.selectFrom('grants').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')]).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await t.db.selectFrom('accounts').select((eb) => eb.fn.max('updated_at').as('latest')).executeTakeFirstOrThrow()).toEqual(accountsBefore);
    // Every page it read stages what the previous run's page of the same key staged: it staged
    // none again, and there was nothing to apply.
    const pages = await t.db.selectFrom('sync_pages').select(['page', 'key', 'answer']).where('run_id', '=', run.id).execute();
    expect(pages.length).toBeGreaterThan(0);
    // Its users.list answers are known by their digests (and were not parsed).
    expect(pages.filter((p) => p.key.startsWith('users:') && p.answer !== null).length).toBeGreaterThan(0);
    // And so are its usergroups.list answers, one per workspace.
    expect(pages.filter((p) => p.key.startsWith('usergroups:') && p.answer !== null).length).toBe(1);
    expect(pages.filter((p) => Number(p.page) >= run.id * 1_000_000)).toEqual([]);
    const applied = await t.db.selectFrom('connector_state').select('value').where('key', '=', 'sync_applied').executeTakeFirstOrThrow();
    expect((applied.value as { runId: number }).runId).toBeLessThan(run.id);
  });

  it('applies a re-sync of unchanged Slack pages when the cache changed since the last apply', async () => {
    const lost = await t.db.selectFrom('grants').select(['id', 'external_id']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await t.db.deleteFrom('grants').where('id', '=', lost.id).execute();
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(run.diff_summary).toMatchObject({ grantsAdded: 1, grantsRemoved: 0 });
    expect([...(await cachedAccess(t.db)).grants].sort()).toEqual([...expected().grants].sort());
    expect(await t.db.selectFrom('grants').select('id').where('external_id', '=', lost.external_id).execute()).toHaveLength(1);
  });

  it('records exactly what changed in Slack since the previous run', async () => {
    const before = expected();
    const store = sim.store;
    const users = [...store.users.values()].filter((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isStranger && u.id !== 'USLACKBOT');
    const group = [...store.usergroups.values()].find((g) => g.dateDelete === 0 && !g.isIdpGroup) as NonNullable<ReturnType<typeof store.usergroups.get>>;
    const joiner = users.find((u) => !group.users.has(u.id)) as (typeof users)[number];
    group.users.add(joiner.id);
    const channel = [...store.channels.values()].find((c) => !c.isPrivate && c.members.size > 2) as NonNullable<ReturnType<typeof store.channels.get>>;
    const leaver = [...channel.members].find((id) => id !== 'USLACKBOT' && store.users.get(id)?.isBot === false) as string;
    store.leaveChannel(channel, leaver);
    const deactivated = users.find((u) => u.id !== joiner.id && u.id !== leaver && u.memberships[0]?.role === 'member') as (typeof users)[number];
    store.deactivateUser(deactivated);
    const after = expected();

    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(await changesOf(run.id, 'GRANT_ADDED')).toEqual(minus(after.grants, before.grants));
    expect(await changesOf(run.id, 'GRANT_REMOVED')).toEqual(minus(before.grants, after.grants));
    expect(await changesOf(run.id, 'ACCOUNT_CHANGED')).toEqual([`user:${deactivated.id}`]);
    expect(minus(after.grants, before.grants)).toContain(`userGroup:${group.id}:member:user:${joiner.id}`);
    expect(minus(before.grants, after.grants)).toContain(`channel:${channel.id}:member:user:${leaver}`);
    const row = await t.db.selectFrom('accounts').select('status').where('slack_id', '=', deactivated.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('DISABLED');
    const cached = await cachedAccess(t.db);
    expect([...cached.grants].sort()).toEqual([...after.grants].sort());
  });

  it('marks an account Slack no longer lists as DELETED, keeping its row', async () => {
    const gone = [...sim.store.users.values()].find((u) => !u.deleted && !u.isBot && u.memberships[0]?.role === 'member' && u.id !== 'USLACKBOT');
    if (!gone) throw new Error('fixture has no plain member');
    sim.store.discardUser(gone);
    for (const g of sim.store.usergroups.values()) g.users.delete(gone.id);
    for (const c of sim.store.channels.values()) sim.store.leaveChannel(c, gone.id);
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(await changesOf(run.id, 'ACCOUNT_REMOVED')).toEqual([`user:${gone.id}`]);
    const row = await t.db.selectFrom('accounts').select('status').where('slack_id', '=', gone.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('DELETED');
    expect(await t.db.selectFrom('grants').innerJoin('accounts', 'accounts.id', 'grants.account_id').select('grants.id').where('accounts.slack_id', '=', gone.id).execute()).toEqual([]);
  });
});

describe(`the mass-revocation guard (${backend})`, () => {
  it('holds back deletions when most grants would vanish, and applies them once confirmed', async () => {
    const before = await cachedAccess(t.db);
    // Every user group and channel empties at once, as after a misconfigured token or an outage.
    for (const g of sim.store.usergroups.values()) g.users.clear();
    for (const c of sim.store.channels.values()) for (const id of [...c.members]) sim.store.leaveChannel(c, id);
    const run = await syncNow();
    expect(run.status).toBe('NEEDS_CONFIRMATION');
    const guard = run.guard as { tripped: boolean; reasons: string[]; grantsToRemove: number; grantsBefore: number };
    expect(guard.tripped).toBe(true);
    expect(guard.reasons.join(' ')).toMatch(/grants would be removed|would lose all/);
    expect(guard.grantsToRemove).toBe(minus(before.grants, expected().grants).length);
    expect((await cachedAccess(t.db)).grants).toEqual(before.grants);

    const confirmed = await engine.confirm(run.id, 'security@example.com');
    expect(confirmed.status).toBe('SUCCEEDED');
    expect(confirmed.confirmed_by).toBe('security@example.com');
    expect([...(await cachedAccess(t.db)).grants].sort()).toEqual([...expected().grants].sort());
    expect(await changesOf(run.id, 'GRANT_REMOVED')).toEqual(minus(before.grants, expected().grants));
  });

  it('does not mark accounts deleted or disabled when most users vanish, until a run confirms', async () => {
    const active = [...sim.store.users.values()].filter((u) => !u.deleted && !u.isBot && u.id !== 'USLACKBOT');
    const victims = active.slice(0, Math.ceil(active.length * 0.7)).filter((u) => !u.memberships.some((m) => m.role === 'primary_owner'));
    for (const u of victims) sim.store.deactivateUser(u);
    const run = await syncNow();
    expect(run.status).toBe('NEEDS_CONFIRMATION');
    expect((run.guard as { reasons: string[] }).reasons.join(' ')).toMatch(/active accounts would drop/);
    const stillEnabled = await t.db.selectFrom('accounts').select('slack_id').where('status', '=', 'ENABLED').where('slack_id', 'in', victims.map((u) => u.id)).execute();
    expect(stillEnabled).toHaveLength(victims.length);

    const forced = await syncNow(true);
    expect(forced.status).toBe('SUCCEEDED');
    const disabled = await t.db.selectFrom('accounts').select('slack_id').where('status', '=', 'DISABLED').where('slack_id', 'in', victims.map((u) => u.id)).execute();
    expect(disabled).toHaveLength(victims.length);
  });
});
