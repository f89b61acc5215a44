import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LiveCache } from '../../src/live/liveCache.ts';
import { driftOf } from '../../src/live/metrics.ts';
import { startSimulator, type EventEnvelope, type RunningSimulator, type User, type UserGroup, type Channel } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';

// The live cache against the simulator: changes made as an admin in Slack's UI reach the cache
// as events (delivered here straight to the queue; the transports have their own tests), under
// duplicates, reordering, drops and a restart between ack and apply; the next full sync then
// finds what events missed (drift).

const t = useTestDatabase();
let sim: RunningSimulator;
let engine: SyncEngine;
let live: LiveCache;
/** Deliveries the receiving side acknowledged (queued or duplicate). */
let acks: string[] = [];

const syncNow = async () => engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 7, users: 80, userGroups: 6, idpGroups: 2, channels: 5 });
  engine = new SyncEngine({ database: t.database, connection: connectionFor(configFor(sim)), ssoEnabled: true, deletionThreshold: 0.9 });
  expect((await syncNow()).status).toBe('SUCCEEDED');
  live = new LiveCache({ db: t.db, pollMs: 60_000 });
  sim.events.enable({
    socket: async (envelope: EventEnvelope) => {
      const outcome = await live.accept(envelope as never);
      acks.push(`${envelope.event_id}:${outcome}`);
      return { acked: true };
    },
  });
});
afterAll(async () => {
  await live.stop();
  await engine.close();
  await sim.close();
});
beforeEach(() => {
  acks = [];
});

const people = (): User[] => [...sim.store.users.values()].filter((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isStranger && u.id !== 'USLACKBOT' && u.memberships.length > 0);
const activeGroup = (): UserGroup => [...sim.store.usergroups.values()].filter((g) => g.dateDelete === 0 && !g.isIdpGroup).sort((x, y) => x.users.size - y.users.size)[0] as UserGroup;
const botChannel = (): Channel => {
  const bot = sim.store.token(sim.tokens.bot)?.userId as string;
  return [...sim.store.channels.values()].filter((c) => !c.isPrivate && !c.isArchived && c.members.has(bot)).sort((x, y) => x.members.size - y.members.size)[0] as Channel;
};

async function grantsOf(entitlementExternalId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('grants')
    .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
    .innerJoin('accounts', 'accounts.id', 'grants.account_id')
    .select('accounts.slack_id')
    .where('entitlements.external_id', '=', entitlementExternalId)
    .orderBy('accounts.slack_id')
    .execute();
  return rows.map((r) => r.slack_id);
}

async function settle(): Promise<void> {
  await sim.events.settled();
  await live.drain();
}

describe(`live cache: events applied (${backend})`, () => {
  it('adds and removes a member of a user group and a channel as an admin does in Slack, with EVENT in the change feed', async () => {
    const group = activeGroup();
    const channel = botChannel();
    const joiner = people().find((u) => !group.users.has(u.id) && !channel.members.has(u.id)) as User;
    sim.adminUi.addToGroup(group.id, [joiner.id]);
    sim.adminUi.joinChannel(channel.id, joiner.id);
    await settle();
    expect(await grantsOf(`userGroup:${group.id}:member`)).toContain(joiner.id);
    expect(await grantsOf(`channel:${channel.id}:member`)).toContain(joiner.id);
    const feed = await t.db.selectFrom('access_changes').selectAll().where('source', '=', 'EVENT').where('kind', '=', 'GRANT_ADDED').execute();
    // Slack's SCIM groups are its user groups: the IdP group of the same id follows.
    expect(feed.map((r) => r.grant_external_id).sort()).toEqual(
      [`channel:${channel.id}:member:user:${joiner.id}`, `group:${group.id}:member:user:${joiner.id}`, `userGroup:${group.id}:member:user:${joiner.id}`].sort(),
    );
    expect(feed.every((r) => r.event_id?.startsWith('Ev'))).toBe(true);

    sim.adminUi.removeFromGroup(group.id, [joiner.id]);
    sim.adminUi.leaveChannel(channel.id, joiner.id);
    await settle();
    expect(await grantsOf(`userGroup:${group.id}:member`)).not.toContain(joiner.id);
    expect(await grantsOf(`channel:${channel.id}:member`)).not.toContain(joiner.id);
    // A full sync agrees: nothing for it to fix.
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(driftOf(run.diff_summary)).toBe(0);
  });

  it('ends as a full sync would after duplicated and reordered deliveries: the next full sync finds 0 drift', async () => {
    const group = activeGroup();
    const channel = botChannel();
    const [a, b, c] = people().filter((u) => !group.users.has(u.id) && !channel.members.has(u.id)) as [User, User, User];
    sim.events.faults.duplicate = 6;
    sim.events.faults.reorder = 8;
    sim.adminUi.addToGroup(group.id, [a.id, b.id]);
    sim.adminUi.removeFromGroup(group.id, [a.id]); // newer than the add: must win whatever the order
    sim.adminUi.joinChannel(channel.id, c.id);
    sim.adminUi.leaveChannel(channel.id, c.id);
    sim.adminUi.joinChannel(channel.id, c.id);
    sim.adminUi.changeUser(b.id, { role: 'admin' });
    await settle();
    expect(acks.filter((x) => x.endsWith(':duplicate')).length).toBeGreaterThan(0);
    expect(await grantsOf(`userGroup:${group.id}:member`)).toEqual(expect.arrayContaining([b.id]));
    expect(await grantsOf(`userGroup:${group.id}:member`)).not.toContain(a.id);
    expect(await grantsOf(`channel:${channel.id}:member`)).toContain(c.id);
    const admin = await t.db.selectFrom('accounts').select('is_admin').where('slack_id', '=', b.id).executeTakeFirstOrThrow();
    expect(admin.is_admin).toBe(true);
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(await t.db.selectFrom('sync_changes').select(['kind', 'external_id', 'detail']).where('run_id', '=', run.id).execute()).toEqual([]);
    expect(run.diff_summary).toMatchObject({ grantsAdded: 0, grantsRemoved: 0, accountsChanged: 0 });
    expect(driftOf(run.diff_summary)).toBe(0);
  });

  it('adds a channel created in Slack and a user group Slack announces with its members; follows a private channel by its group_* events; a full sync then finds 0 drift and nothing to add', async () => {
    const team = [...sim.store.workspaces.keys()][0] as string;
    const [creator, member] = people() as [User, User];
    const channel = sim.adminUi.createChannel(team, 'live-created', { creator: creator.id });
    const group = sim.adminUi.createUserGroup(team, 'Live Created', { users: [creator.id, member.id] });
    const bot = sim.store.token(sim.tokens.bot)?.userId as string;
    const secret = [...sim.store.channels.values()].find((c) => c.isPrivate && !c.isArchived && c.members.has(bot)) as Channel;
    expect(secret, 'a private channel the bot is in').toBeDefined();
    sim.adminUi.renameChannel(secret.id, 'live-renamed-private');
    sim.adminUi.archiveChannel(secret.id);
    await settle();
    const types = sim.events.sent.slice(-4).map((e) => e.event.type);
    expect(types).toEqual(['channel_created', 'subteam_created', 'group_rename', 'group_archive']);
    const resource = (xid: string) => t.db.selectFrom('resources').select(['display_name', 'status']).where('external_id', '=', xid).executeTakeFirst();
    expect(await resource(`channel:${channel.id}`)).toEqual({ display_name: '#live-created', status: 'ACTIVE' });
    expect(await grantsOf(`channel:${channel.id}:member`)).toEqual([creator.id]);
    expect(await resource(`userGroup:${group.id}`)).toEqual({ display_name: 'Live Created', status: 'ACTIVE' });
    expect(await grantsOf(`userGroup:${group.id}:member`)).toEqual([creator.id, member.id].sort());
    // Slack's SCIM groups are its user groups: the IdP group of the same id comes too.
    expect(await grantsOf(`group:${group.id}:member`)).toEqual([creator.id, member.id].sort());
    expect(await resource(`channel:${secret.id}`)).toEqual({ display_name: '#live-renamed-private', status: 'ARCHIVED' });
    let run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(run.diff_summary).toMatchObject({ resourcesAdded: 0 });
    expect(driftOf(run.diff_summary)).toBe(0);

    sim.adminUi.unarchiveChannel(secret.id);
    await settle();
    expect(await resource(`channel:${secret.id}`)).toEqual({ display_name: '#live-renamed-private', status: 'ACTIVE' });
    sim.adminUi.deleteChannel(secret.id);
    await settle();
    expect(sim.events.sent.slice(-2).map((e) => e.event.type)).toEqual(['group_unarchive', 'group_deleted']);
    expect(await resource(`channel:${secret.id}`)).toMatchObject({ status: 'DELETED' });
    expect(await grantsOf(`channel:${secret.id}:member`)).toEqual([]);
    run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(driftOf(run.diff_summary)).toBe(0);
  });

  it('misses a dropped delivery, and the next full sync repairs it and reports the drift', async () => {
    const group = activeGroup();
    const joiner = people().find((u) => !group.users.has(u.id)) as User;
    sim.events.faults.drop = 1;
    sim.adminUi.addToGroup(group.id, [joiner.id]);
    await settle();
    expect(sim.events.droppedEnvelopes.at(-1)?.event.type).toBe('subteam_members_changed');
    expect(await grantsOf(`userGroup:${group.id}:member`)).not.toContain(joiner.id);
    const run = await syncNow();
    // The group's membership, and that of its SCIM group (Slack's SCIM groups are its user groups).
    expect(await t.db.selectFrom('sync_changes').select('external_id').where('run_id', '=', run.id).orderBy('external_id').execute()).toEqual([
      { external_id: `group:${group.id}:member:user:${joiner.id}` },
      { external_id: `userGroup:${group.id}:member:user:${joiner.id}` },
    ]);
    expect(driftOf(run.diff_summary)).toBe(2);
    expect(await grantsOf(`userGroup:${group.id}:member`)).toContain(joiner.id);
  });

  it('loses nothing when the process stops between ack and apply: a new process applies the queue', async () => {
    const group = activeGroup();
    const joiner = people().find((u) => !group.users.has(u.id)) as User;
    // The first process acknowledges and queues, then stops before applying.
    await live.stop();
    const stopped = new LiveCache({ db: t.db, pollMs: 60_000 });
    sim.events.enable({ socket: async (envelope) => ({ acked: (await stopped.accept(envelope as never)) !== 'ignored' }) });
    sim.adminUi.addToGroup(group.id, [joiner.id]);
    await sim.events.settled();
    expect(await grantsOf(`userGroup:${group.id}:member`)).not.toContain(joiner.id);
    const pending = await t.db.selectFrom('slack_events').select('event_id').where('applied_at', 'is', null).execute();
    expect(pending.length).toBe(1);
    // A new process starts: it applies what was queued.
    const restarted = new LiveCache({ db: t.db, pollMs: 60_000 });
    restarted.start();
    await restarted.drain();
    await restarted.stop();
    expect(await grantsOf(`userGroup:${group.id}:member`)).toContain(joiner.id);
    // A redelivery of the same event after the restart is a duplicate, and changes nothing.
    expect(await restarted.accept(sim.events.sent.at(-1) as never)).toBe('duplicate');
    sim.events.enable({ socket: async (envelope) => ({ acked: (await live.accept(envelope as never)) !== 'ignored' }) });
  });

  it('never lets an older event overwrite a newer row state, also after a full sync read Slack', async () => {
    const group = activeGroup();
    const joiner = people().find((u) => !group.users.has(u.id)) as User;
    sim.events.faults.reorder = 0;
    // An event from before the last full sync arrives late: the sync already reflects it.
    const template = sim.events.sent.at(-1) as EventEnvelope;
    const old: EventEnvelope = {
      ...template,
      event_id: 'EvOLD0000001',
      event_time: 1_000_000_000,
      event: { type: 'subteam_members_changed', subteam_id: group.id, team_id: group.teamId, added_users: [joiner.id], added_users_count: '1', removed_users: [], removed_users_count: '0', event_ts: '1000000000.000001' },
    };
    expect(await live.accept(old as never)).toBe('queued');
    await live.drain();
    const row = await t.db.selectFrom('slack_events').select('outcome').where('event_id', '=', 'EvOLD0000001').executeTakeFirstOrThrow();
    expect(row.outcome).toBe('STALE');
    expect(await grantsOf(`userGroup:${group.id}:member`), `${joiner.id} in Slack: ${group.users.has(joiner.id)}`).not.toContain(joiner.id);
  });
});
