import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { startSequencer, type Sequencer } from '../../src/feed/sequencer.ts';
import { LiveCache } from '../../src/live/liveCache.ts';
import { startOutsideGrantWatcher, type OutsideGrantWatcher } from '../../src/live/outsideGrants.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { startSimulator, type Channel, type RunningSimulator, type User, type UserGroup } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { apiClient, graphql, silentLogger } from '../support/clients.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';

// Access granted in Slack outside slackgate: recorded as an observed audit event, and the
// entitlement's policy applied — NOTIFY DMs the approvers, REVOKE removes it through the
// provisioning service, never more than the bound per minute.

const t = useTestDatabase();
let sim: RunningSimulator;
let engine: SyncEngine;
let live: LiveCache;
let bus: EventBus;
let sequencer: Sequencer;
let watcher: OutsideGrantWatcher;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 11, users: 60, userGroups: 4, idpGroups: 1, channels: 4 });
  const connection = connectionFor(configFor(sim));
  engine = new SyncEngine({ database: t.database, connection, ssoEnabled: true, deletionThreshold: 0.9 });
  expect((await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id)).status).toBe('SUCCEEDED');
  bus = await createEventBusFor(t.database, { url: t.url });
  sequencer = startSequencer({ db: t.db, bus, intervalMs: 200 });
  const provisioning = createProvisioningService({ database: t.database, connection, bus, logger: silentLogger });
  watcher = startOutsideGrantWatcher({ db: t.db, bus, provisioning, connection, logger: silentLogger, revokesPerMinute: 1, pollMs: 100 });
  await watcher.run();
  live = new LiveCache({ db: t.db, pollMs: 100 });
  live.start();
  sim.events.enable({ socket: async (envelope) => ({ acked: (await live.accept(envelope as never)) !== 'ignored' }) });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus }), { port: 0, host: '127.0.0.1' });
  ({ token } = await apiClient(t.db, ['admin']));
});
afterAll(async () => {
  await watcher.stop();
  await live.stop();
  sequencer.stop();
  await server.close();
  await bus.close();
  await engine.close();
  await sim.close();
});

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const people = (): User[] => [...sim.store.users.values()].filter((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isStranger && u.id !== 'USLACKBOT' && u.memberships.length > 0);
const bot = () => sim.store.token(sim.tokens.bot)?.userId as string;

async function setPolicy(entitlement: string, policy: string): Promise<void> {
  const res = await graphql(server.url, token, `mutation($e: ID!, $p: OutsideGrantsPolicy!) { setOutsideGrantsPolicy(input: { entitlementId: $e, policy: $p }) { entitlement { externalId outsideGrants } errors { message } } }`, { e: entitlement, p: policy });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.setOutsideGrantsPolicy.entitlement).toEqual({ externalId: entitlement, outsideGrants: policy });
}

const observed = (entitlement: string) =>
  t.db.selectFrom('audit_events').selectAll().where('action', '=', 'observeOutsideGrant').where('entitlement_external_id', '=', entitlement).orderBy('id').execute();

describe(`access granted outside slackgate (${backend})`, () => {
  it('is recorded as an observed audit event under the default ALLOW, and left in place', async () => {
    const group = [...sim.store.usergroups.values()].find((g) => g.dateDelete === 0 && !g.isIdpGroup) as UserGroup;
    const ent = `userGroup:${group.id}:member`;
    const joiner = people().find((u) => !group.users.has(u.id)) as User;
    sim.adminUi.addToGroup(group.id, [joiner.id]);
    const events = await until(() => observed(ent), (rows) => rows.length > 0, 'the observed audit event');
    expect(events.map((e) => [e.account_external_id, e.actor_label, (e.details as { policy: string }).policy, (e.details as { source: string }).source])).toEqual([[`user:${joiner.id}`, 'slack:event', 'ALLOW', 'EVENT']]);
    expect(group.users.has(joiner.id)).toBe(true);
  });

  it('NOTIFY: DMs the entitlement’s approvers', async () => {
    const group = [...sim.store.usergroups.values()].filter((g) => g.dateDelete === 0 && !g.isIdpGroup)[1] as UserGroup;
    const ent = `userGroup:${group.id}:member`;
    await setPolicy(ent, 'NOTIFY');
    const joiner = people().find((u) => !group.users.has(u.id)) as User;
    const before = sim.store.messages.length;
    sim.adminUi.addToGroup(group.id, [joiner.id]);
    await until(() => observed(ent), (rows) => rows.length > 0, 'the observed audit event');
    const dms = await until(() => sim.store.messages.slice(before).filter((m) => m.text.includes(`<@${joiner.id}>`)), (m) => m.length > 0, 'a DM to the approvers');
    expect(dms[0]?.text).toContain('outside slackgate');
    // The approvers are the workspace's admins and owners (no one is named).
    // A DM to a user id lands in the DM channel D<id>.
    const admins = [...sim.store.users.values()].filter((u) => u.memberships.some((m) => m.teamId === group.teamId && m.role !== 'member')).map((u) => `D${u.id.slice(1)}`);
    expect(dms.map((m) => m.channel).filter((c) => !admins.includes(c)), `admins ${admins}`).toEqual([]);
    expect(group.users.has(joiner.id)).toBe(true);
  });

  it('REVOKE: removes it through the provisioning service, at most the bound per minute; beyond it the approvers are told', async () => {
    const channel = [...sim.store.channels.values()].filter((c) => !c.isArchived && c.members.has(bot())).sort((a, b) => a.members.size - b.members.size)[0] as Channel;
    const ent = `channel:${channel.id}:member`;
    await setPolicy(ent, 'REVOKE');
    const [first, second] = people().filter((u) => !channel.members.has(u.id)) as [User, User];
    sim.adminUi.joinChannel(channel.id, first.id);
    await until(() => channel.members.has(first.id), (inChannel) => !inChannel, 'the revoke in Slack');
    const revoked = await until(
      () => t.db.selectFrom('audit_events').selectAll().where('action', '=', 'revokeGrant').where('entitlement_external_id', '=', ent).execute(),
      (rows) => rows.some((r) => r.outcome === 'SUCCESS'),
      'the audited revoke',
    );
    expect(revoked.find((r) => r.outcome === 'SUCCESS')?.account_external_id).toBe(`user:${first.id}`);
    // The bound (1 a minute here) is spent: the next one stays, audited as held back, approvers told.
    const before = sim.store.messages.length;
    sim.adminUi.joinChannel(channel.id, second.id);
    const rows = await until(() => observed(ent), (r) => r.some((e) => e.account_external_id === `user:${second.id}`), 'the second observed grant');
    expect((rows.find((e) => e.account_external_id === `user:${second.id}`)?.details as { heldBack?: string }).heldBack).toContain('more than 1');
    await until(() => sim.store.messages.slice(before).filter((m) => m.text.includes(`<@${second.id}>`)), (m) => m.length > 0, 'a DM about the held-back revoke');
    expect(channel.members.has(second.id)).toBe(true);
  });
});
