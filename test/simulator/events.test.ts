import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type EventEnvelope, type RunningSimulator, type User, type UserGroup } from '../../src/simulator/index.ts';

// The simulated Events API: changes an admin makes in Slack's UI (the control routes) become
// Slack's events in Slack's envelope, delivered signed over HTTP and retried on a non-200
// answer with X-Slack-Retry-Num / X-Slack-Retry-Reason; faults drop, duplicate and reorder.

const SECRET = 'test-signing-secret-0001';
let sim: RunningSimulator;
let receiver: Server;
let url: string;
const received: { headers: IncomingMessage['headers']; body: EventEnvelope; valid: boolean }[] = [];
let refuseNext = 0;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'grid', seed: 3, users: 40, workspaces: 2, userGroups: 4, idpGroups: 1, channels: 4 });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-slack-request-timestamp']);
      const expected = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${raw}`).digest('hex')}`;
      received.push({ headers: req.headers, body: JSON.parse(raw) as EventEnvelope, valid: expected === req.headers['x-slack-signature'] });
      if (refuseNext > 0) {
        refuseNext -= 1;
        res.writeHead(500).end();
        return;
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/slack/events`;
  const res = await fetch(`${sim.origin}/_simulator/events/target`, { method: 'POST', body: JSON.stringify({ url, signing_secret: SECRET, retry_delays_ms: [0, 50, 100] }) });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  sim.events.disable();
  await sim.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const admin = (action: string, body: Record<string, unknown>) => fetch(`${sim.origin}/_simulator/admin/${action}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);
const settle = () => fetch(`${sim.origin}/_simulator/events/settle`, { method: 'POST' });
const people = (): User[] => [...sim.store.users.values()].filter((u) => !u.deleted && !u.isBot && !u.isStranger && u.memberships.length > 0);

describe('simulated Events API', () => {
  it('announces admin-UI changes as Slack does, in the event_callback envelope, signed', async () => {
    received.length = 0;
    const group = [...sim.store.usergroups.values()].find((g) => g.dateDelete === 0) as UserGroup;
    const joiner = people().find((u) => !group.users.has(u.id)) as User;
    const bot = sim.store.token(sim.tokens.bot)?.userId as string;
    const channel = [...sim.store.channels.values()].find((c) => c.members.has(bot) && !c.isPrivate) as { id: string; teamId: string };
    const outsider = people().find((u) => !sim.store.channels.get(channel.id)?.members.has(u.id) && u.memberships.some((m) => m.teamId === channel.teamId)) as User;
    expect(await admin('usergroup/add', { usergroup: group.id, users: [joiner.id] })).toEqual({ ok: true });
    expect(await admin('channel/join', { channel: channel.id, user: outsider.id })).toEqual({ ok: true });
    expect(await admin('channel/rename', { channel: channel.id, name: 'renamed-by-admin' })).toEqual({ ok: true });
    expect(await admin('user/change', { user: joiner.id, role: 'admin', team: joiner.memberships[0]?.teamId })).toEqual({ ok: true });
    await settle();
    expect(received.every((r) => r.valid)).toBe(true);
    expect(received.every((r) => r.headers['content-type'] === 'application/json' && r.headers['x-slack-retry-num'] === undefined)).toBe(true);
    const types = received.map((r) => r.body.event.type);
    expect(types).toEqual(['subteam_members_changed', 'member_joined_channel', 'channel_rename', 'user_change']);
    const [members, joined, renamed, changed] = received.map((r) => r.body);
    expect(members).toMatchObject({
      type: 'event_callback',
      team_id: group.teamId,
      enterprise_id: sim.store.enterprise?.id,
      api_app_id: expect.any(String),
      event_id: expect.stringMatching(/^Ev/),
      event_time: expect.any(Number),
      authorizations: [{ team_id: group.teamId, user_id: bot, is_bot: true }],
      event: { subteam_id: group.id, added_users: [joiner.id], added_users_count: '1', removed_users: [], event_ts: expect.stringMatching(/^\d+\.\d{6}$/) },
    });
    expect(joined?.event).toMatchObject({ user: outsider.id, channel: channel.id, channel_type: 'C', team: channel.teamId });
    expect(renamed?.event).toMatchObject({ channel: { id: channel.id, name: 'renamed-by-admin', is_channel: true } });
    expect(changed?.event).toMatchObject({ user: { id: joiner.id, is_admin: true } });
    // event_ts orders them; event_ids are unique.
    const stamps = received.map((r) => Number(r.body.event.event_ts));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(received.map((r) => r.body.event_id)).size).toBe(received.length);
  });

  it('retries a delivery answered with an error, with X-Slack-Retry-Num and X-Slack-Retry-Reason, same event_id', async () => {
    received.length = 0;
    refuseNext = 2;
    const group = [...sim.store.usergroups.values()].find((g) => g.dateDelete === 0) as UserGroup;
    const leaver = [...group.users][0] as string;
    // Retry delays are 0, 50 and 100 ms here (Slack: at once, ~1 min, ~5 min).
    sim.adminUi.removeFromGroup(group.id, [leaver]);
    await sim.events.settled();
    expect(received.map((r) => [r.headers['x-slack-retry-num'], r.headers['x-slack-retry-reason']])).toEqual([
      [undefined, undefined],
      ['1', 'http_error'],
      ['2', 'http_error'],
    ]);
    expect(new Set(received.map((r) => r.body.event_id)).size).toBe(1);
  });

  it('drops, duplicates and reorders deliveries on demand', async () => {
    received.length = 0;
    await fetch(`${sim.origin}/_simulator/events/faults`, { method: 'POST', body: JSON.stringify({ drop: 1, duplicate: 1, reorder: 2 }) });
    const group = [...sim.store.usergroups.values()].find((g) => g.dateDelete === 0) as UserGroup;
    const [a, b, c] = people().filter((u) => !group.users.has(u.id)) as [User, User, User];
    sim.adminUi.addToGroup(group.id, [a.id]); // dropped
    sim.adminUi.addToGroup(group.id, [b.id]); // duplicated, and held with the next
    sim.adminUi.addToGroup(group.id, [c.id]);
    await settle();
    const added = received.map((r) => (r.body.event.added_users as string[])[0]);
    expect(added).not.toContain(a.id);
    expect(added.filter((id) => id === b.id).length).toBe(2);
    expect(added.indexOf(c.id)).toBeLessThan(added.indexOf(b.id));
    expect(sim.events.stats.dropped).toBe(1);
  });
});
