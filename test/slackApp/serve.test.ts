import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { killAll, serve, until, type ServeProcess } from '../ops/support.ts';
import { backend, openTestDatabase, type TestDatabase } from '../support/db.ts';

// `slackgate serve` hosts the app surface itself: Socket Mode dials the simulator, and the
// gateway's own port answers Slack at /slack/events.
let sim: RunningSimulator;
let s: ServeProcess;
let url: string;
let dir: string;
let pg: (TestDatabase & { drop(): Promise<void> }) | undefined;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 3, users: 30, userGroups: 2, idpGroups: 0, channels: 2 });
  dir = await mkdtemp(path.join(tmpdir(), 'slackgate-app-'));
  if (backend === 'postgres') pg = await openTestDatabase();
  s = serve(sim, pg ? { url: pg.url } : { dataDir: dir }, ['--sync-interval', '0', '--app-token', sim.app.appToken, '--signing-secret', sim.app.signingSecret, '--slash-command', '/grant-me']);
  url = await s.url();
  sim.app.requestUrls = [`${url}/slack/events`];
}, 120_000);

afterAll(async () => {
  await s?.stop();
  killAll();
  await sim?.close();
  await pg?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('slackgate serve with the Slack app surface', () => {
  it('connects over Socket Mode and answers the configured slash command', async () => {
    await sim.app.waitForConnections(1, 30_000);
    expect(s.logs().find((l) => l.msg === 'Slack app surface is on')).toMatchObject({ transports: ['socket', 'http'], slashCommand: '/grant-me' });
    const someone = [...sim.store.users.values()].find((u) => !u.isBot && u.id !== 'USLACKBOT') ?? { id: '' };
    // Nobody is known before the first sync: the answer says so, ephemerally.
    const [ack] = await sim.app.command({ user: someone.id, command: '/grant-me', text: 'mine' }, { via: 'socket' });
    expect(ack?.response).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('does not know your Slack user') });
  });

  it('refuses a forged delivery at /slack/events with 401, logs and counts it, never echoing the signature', async () => {
    const someone = [...sim.store.users.values()].find((u) => !u.isBot && u.id !== 'USLACKBOT') ?? { id: '' };
    const [forged] = await sim.app.command({ user: someone.id, command: '/grant-me', text: 'mine' }, { via: 'http', signingSecret: 'forged-secret-00000000' });
    expect(forged?.status).toBe(401);
    const line = await until(() => s.logs().find((l) => typeof l.msg === 'string' && l.msg.startsWith('refused a Slack delivery')), 'the refusal log line');
    expect(line).toMatchObject({ outcome: 'bad_signature', status: 401 });
    expect(s.output()).not.toContain('forged-secret');
    expect(s.output()).not.toContain(sim.app.signingSecret);
    expect(s.output()).not.toContain(sim.app.appToken);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/slackgate_slack_app_deliveries_total\{transport="http",outcome="bad_signature"\} 1/);
  });
});
