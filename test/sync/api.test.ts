import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { apiClient, graphql, silentLogger } from '../support/clients.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor, expectedAccess } from '../support/slack.ts';

const t = useTestDatabase();
let sim: RunningSimulator;
let bus: EventBus;
let engine: SyncEngine;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'grid', seed: 3, users: 200, workspaces: 2, userGroups: 6, idpGroups: 2, channels: 6 });
  bus = await createEventBusFor(t.database, { url: t.url });
  const config = configFor(sim);
  engine = new SyncEngine({
    database: t.database,
    connection: connectionFor(config),
    ssoEnabled: true,
    deletionThreshold: 0.5,
    publish: (e) => void bus.publish('syncProgress', e),
  });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus, services: { sync: engine } }), { port: 0, host: '127.0.0.1' });
  token = (await apiClient(t.db, ['read', 'sync'])).token;
});
afterAll(async () => {
  await engine.close();
  await server.close();
  await bus.close();
  await sim.close();
});

describe(`a real sync through the API (${backend})`, () => {
  it('startSync runs it, syncProgress streams it to the end over WebSocket, and the cache answers queries', async () => {
    const ws = createWsClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const events: { status: string; phase: string | null; percent: number | null; run: { id: string } }[] = [];
    let subscribed!: () => void;
    const ready = new Promise<void>((r) => (subscribed = r));
    const completed = new Promise<void>((resolve, reject) => {
      ws.on('connected', () => setTimeout(subscribed, 50));
      ws.subscribe(
        { query: 'subscription { syncProgress { run { id } status phase percent } }' },
        { next: (r) => (r.errors ? reject(new Error(r.errors[0]?.message)) : events.push(r.data?.syncProgress as never)), error: reject, complete: resolve },
      );
    });
    try {
      await ready;
      const started = await graphql(server.url, token, 'mutation { startSync(input: {}) { run { id status } errors { code message } } }');
      expect(started.body.errors).toBeUndefined();
      expect(started.body.data.startSync.errors).toEqual([]);
      const runId: string = started.body.data.startSync.run.id;
      await completed;
      expect(events.length).toBeGreaterThan(2);
      expect(new Set(events.map((e) => e.run.id))).toEqual(new Set([runId]));
      expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', percent: 100 });
      expect(events.some((e) => e.phase === 'GRANTS' || e.phase === 'grants')).toBe(true);

      const after = await graphql(
        server.url,
        token,
        `query ($id: ID!) {
          syncRun(id: $id) { status slackCallsTotal diff { accountsAdded grantsAdded } }
          accounts(first: 1) { totalCount }
          grants(first: 1) { totalCount }
        }`,
        { id: runId },
      );
      expect(after.body.errors).toBeUndefined();
      const data = after.body.data;
      expect(data.syncRun.status).toBe('SUCCEEDED');
      expect(data.syncRun.slackCallsTotal).toBeGreaterThan(5);
      expect(data.syncRun.diff.accountsAdded).toBe(data.accounts.totalCount);
      expect(data.syncRun.diff.grantsAdded).toBe(data.grants.totalCount);
      const expected = expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: true, botToken: sim.tokens.bot });
      expect(data.accounts.totalCount).toBe(expected.accounts.size);
      expect(data.grants.totalCount).toBe(expected.grants.size);
    } finally {
      await ws.dispose();
    }
  });
});
