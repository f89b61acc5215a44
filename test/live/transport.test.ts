import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { startSequencer, type Sequencer } from '../../src/feed/sequencer.ts';
import { LiveCache } from '../../src/live/liveCache.ts';
import { listenForLiveEvents } from '../../src/live/transport.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { startSimulator, type RunningSimulator, type User, type UserGroup } from '../../src/simulator/index.ts';
import { createSlackApp, type SlackApp } from '../../src/slackApp/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { apiClient, silentLogger } from '../support/clients.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';

// End to end over the Slack app transport: an admin adds a member to a user group in Slack's UI
// (the simulator's control route); Slack's event arrives over Socket Mode or as a signed POST to
// /slack/events; the grant shows up in the cache and in an accessChanged subscriber; then the
// removal does too.

for (const transport of ['socket', 'http'] as const) {
  describe(`live cache over ${transport} (${backend})`, () => {
    const t = useTestDatabase();
    let sim: RunningSimulator;
    let engine: SyncEngine;
    let app: SlackApp;
    let live: LiveCache;
    let bus: EventBus;
    let sequencer: Sequencer;
    let server: RunningServer;
    let token: string;

    beforeAll(async () => {
      sim = await startSimulator({ plan: 'business-plus', seed: 5, users: 50, userGroups: 4, idpGroups: 0, channels: 2 });
      const connection = connectionFor(configFor(sim));
      engine = new SyncEngine({ database: t.database, connection, ssoEnabled: true, deletionThreshold: 0.9 });
      expect((await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id)).status).toBe('SUCCEEDED');
      bus = await createEventBusFor(t.database, { url: t.url });
      sequencer = startSequencer({ db: t.db, bus, intervalMs: 1000 });
      live = new LiveCache({ db: t.db, pollMs: 1000 });
      app = createSlackApp({
        db: t.db,
        logger: silentLogger,
        connection,
        botToken: sim.tokens.bot,
        apiUrl: sim.apiUrl,
        ...(transport === 'socket' ? { appToken: sim.app.appToken } : { signingSecret: sim.app.signingSecret }),
        sweepMs: 0,
      });
      listenForLiveEvents(app.transport, live);
      server = await listen(createGateway({ database: t.database, logger: silentLogger, bus, slackEvents: app.handleHttp }), { port: 0, host: '127.0.0.1' });
      await app.start();
      live.start();
      if (transport === 'http') {
        sim.events.enable({ url: `${server.url}/slack/events`, signingSecret: sim.app.signingSecret });
      } else {
        await sim.app.waitForConnections(1);
        sim.events.enable({ socket: async (envelope) => ({ acked: (await sim.app.deliver('events_api', envelope as never, { via: 'socket' }))[0]?.acked ?? false }) });
      }
      ({ token } = await apiClient(t.db, ['read']));
    });
    afterAll(async () => {
      sim.events.disable();
      await app.stop();
      await live.stop();
      sequencer.stop();
      await server.close();
      await bus.close();
      await engine.close();
      await sim.close();
    });

    it('a member added and removed in Slack’s UI shows up in grants and in an accessChanged subscriber', async () => {
      const group = [...sim.store.usergroups.values()].filter((g) => g.dateDelete === 0 && !g.isIdpGroup).sort((a, b) => a.users.size - b.users.size)[0] as UserGroup;
      const joiner = [...sim.store.users.values()].find((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isStranger && u.memberships.length > 0 && !group.users.has(u.id)) as User;
      const ws = createWsClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      const seen: { kind: string; source: string; grantExternalId: string; slackEventId: string }[] = [];
      try {
        const done = new Promise<void>((resolve, reject) => {
          ws.subscribe(
            { query: `subscription { accessChanged(filter: { entitlementId: "userGroup:${group.id}:member" }) { kind source grantExternalId slackEventId } }` },
            {
              next: (r) => {
                seen.push((r.data as { accessChanged: (typeof seen)[number] }).accessChanged);
                if (seen.length === 2) resolve();
              },
              error: reject,
              complete: () => resolve(),
            },
          );
        });
        await new Promise((r) => setTimeout(r, 200));
        sim.adminUi.addToGroup(group.id, [joiner.id]);
        const deadline = Date.now() + 10_000;
        for (;;) {
          const grant = await t.db.selectFrom('grants').select('id').where('external_id', '=', `userGroup:${group.id}:member:user:${joiner.id}`).executeTakeFirst();
          if (grant) break;
          if (Date.now() > deadline) throw new Error('the grant did not appear');
          await new Promise((r) => setTimeout(r, 25));
        }
        sim.adminUi.removeFromGroup(group.id, [joiner.id]);
        await done;
      } finally {
        await ws.dispose();
      }
      expect(seen.map((c) => [c.kind, c.source, c.grantExternalId])).toEqual([
        ['GRANT_ADDED', 'EVENT', `userGroup:${group.id}:member:user:${joiner.id}`],
        ['GRANT_REMOVED', 'EVENT', `userGroup:${group.id}:member:user:${joiner.id}`],
      ]);
      expect(seen.map((c) => c.slackEventId)).toEqual(sim.events.sent.slice(-2).map((e) => e.event_id));
      expect(await t.db.selectFrom('grants').select('id').where('external_id', '=', `userGroup:${group.id}:member:user:${joiner.id}`).executeTakeFirst()).toBeUndefined();
    });

    it('acknowledges an event only once it is stored: a delivery that could not be written is not acked, and Slack’s retry is applied', async () => {
      const group = [...sim.store.usergroups.values()].filter((g) => g.dateDelete === 0 && !g.isIdpGroup).sort((a, b) => a.users.size - b.users.size)[0] as UserGroup;
      const joiner = [...sim.store.users.values()].find((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isStranger && u.memberships.length > 0 && !group.users.has(u.id)) as User;
      const grantXid = `userGroup:${group.id}:member:user:${joiner.id}`;
      const before = { ...sim.events.stats };
      sim.events.retryDelaysMs = [100, 100, 100];
      // The queue cannot be written (as when the process dies before the write commits).
      await sql`alter table slack_events rename to slack_events_away`.execute(t.db);
      try {
        sim.adminUi.addToGroup(group.id, [joiner.id]);
        const deadline = Date.now() + 10_000;
        while (sim.events.stats.retried === before.retried) {
          if (Date.now() > deadline) throw new Error(`the delivery was not retried: ${JSON.stringify(sim.events.stats)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        await sql`alter table slack_events_away rename to slack_events`.execute(t.db);
      }
      const event = sim.events.sent.at(-1) as { event_id: string };
      await sim.events.settled();
      // Slack was never told the first attempt arrived; its retry was stored and applied.
      expect(sim.events.stats.failed).toBe(before.failed);
      expect(sim.events.stats.delivered).toBe(before.delivered + 1);
      await live.drain();
      expect(await t.db.selectFrom('slack_events').select(['outcome']).where('event_id', '=', event.event_id).execute()).toEqual([{ outcome: 'APPLIED' }]);
      expect(await t.db.selectFrom('grants').select('id').where('external_id', '=', grantXid).executeTakeFirst()).toBeDefined();
      sim.events.retryDelaysMs = [0, 60_000, 300_000];
    });
  });
}
