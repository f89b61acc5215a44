// `npm run bench -- events [--users 50000] [--events 10000] [--paced-seconds 20] [--rate 8]`
//
// The live cache on the sync benchmark's fixture (Grid, 5 workspaces, N users, 2,000 user
// groups, 200 IdP groups, 500 channels), synced into a real Postgres with the simulator in its
// own process. Then membership events (member_joined_channel, Slack's envelope) for members not
// yet in those channels are handed to the live cache as the transport's listener hands them
// (durably queued, then applied), while a GraphQL client follows `accessChanged` over WebSocket:
// the lag of each event is the time from its delivery to its change arriving at that client.
// First a burst of --events at once (applied per second, lag p50/p99, where the time goes), then
// --rate events a second for --paced-seconds (Slack's ceiling is 30,000 an hour ≈ 8/s).
import { createClient as createWsClient } from 'graphql-ws';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { createClient } from '../../src/auth/clients.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import { resolveConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createEventBusFor } from '../../src/events/bus.ts';
import { startSequencer } from '../../src/feed/sequencer.ts';
import { LiveCache } from '../../src/live/liveCache.ts';
import { createLogger } from '../../src/log.ts';
import { createGateway, listen } from '../../src/server.ts';
import { SlackConnection } from '../../src/slack/connection.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { freshDatabase, spawnSimulator } from './support/processes.ts';

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export default async function events(args: string[]): Promise<void> {
  const users = arg(args, 'users', 50_000);
  const burst = arg(args, 'events', 10_000);
  const pacedSeconds = arg(args, 'paced-seconds', 20);
  const rate = arg(args, 'rate', 8);
  const sim = await spawnSimulator({ plan: 'grid', seed: 11, users, workspaces: 5, userGroups: 2000, idpGroups: 200, channels: 500 });
  const target = await freshDatabase('events');
  const database = await createDb({ url: target.url, poolSize: 10 });
  const logger = createLogger({ level: 'silent', format: 'json' });
  try {
    await migrateToLatest(database.db);
    const config = resolveConfig({ token: sim.tokens.bot, businessPlusToken: sim.tokens.admin, enterpriseToken: sim.tokens.enterprise, ssoEnabled: true, slackApiUrl: sim.apiUrl, scimApiUrl: sim.scimUrl }, {});
    const engine = new SyncEngine({ database, connection: new SlackConnection({ slack: config.slack, minuteMs: 0 }), ssoEnabled: true, deletionThreshold: 0.5 });
    const syncStarted = performance.now();
    const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
    await engine.close();
    if (run.status !== 'SUCCEEDED') throw new Error(`sync ended ${run.status}`);
    console.log(`fixture: ${users} users synced in ${((performance.now() - syncStarted) / 1000).toFixed(1)} s`);

    // Members to add: accounts not yet in a channel, spread over the channels.
    const { rows: pairs } = await sql<{ channel: string; user: string; team: string }>`
      select r.slack_id as channel, a.slack_id as user, r.workspace_id as team
      from (select id, slack_id, workspace_id, row_number() over (order by id) as n from resources where resource_type = 'channel' and status = 'ACTIVE') r
      join entitlements e on e.resource_id = r.id
      join lateral (select a.slack_id from accounts a where a.status = 'ENABLED'
        and not exists (select 1 from grants g where g.entitlement_id = e.id and g.account_id = a.id)
        order by a.id offset (r.n * 37) % 1000 limit ${Math.ceil((burst + pacedSeconds * rate) / 150) + 1}) a on true
      limit ${burst + pacedSeconds * rate}`.execute(database.db);
    if (pairs.length < burst) throw new Error(`only ${pairs.length} (channel, member) pairs available`);

    const bus = await createEventBusFor(database, { url: target.url });
    const sequencer = startSequencer({ db: database.db, bus, logger });
    const applyMs: number[] = [];
    const live = new LiveCache({ db: database.db, logger, pollMs: 60_000 });
    live.start();
    const server = await listen(createGateway({ database, logger, bus }), { port: 0, host: '127.0.0.1' });
    const { client } = await createClient(database.db, { name: 'bench', scopes: ['read'], actor: { label: 'bench' } });
    const token = (await issueToken(database.db, client)).accessToken;

    const deliveredAt = new Map<string, number>();
    const lags: number[] = [];
    let seen = 0;
    let onSeen: (() => void) | undefined;
    const ws = createWsClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    await new Promise<void>((resolve, reject) => {
      ws.subscribe(
        { query: 'subscription { accessChanged(filter: { source: [EVENT], kind: [GRANT_ADDED] }) { seq slackEventId } }' },
        {
          next: (r) => {
            const id = (r.data as { accessChanged: { slackEventId: string } }).accessChanged.slackEventId;
            const at = deliveredAt.get(id);
            if (at !== undefined) lags.push(performance.now() - at);
            seen += 1;
            onSeen?.();
          },
          error: reject,
          complete: () => {},
        },
      );
      setTimeout(resolve, 500);
    });

    let counter = 0;
    const envelope = (p: { channel: string; user: string; team: string }) => {
      counter += 1;
      const now = Date.now() * 1000 + counter;
      return {
        token: 'bench',
        team_id: p.team,
        api_app_id: 'A0BENCH',
        type: 'event_callback' as const,
        event_id: `EvBENCH${String(counter).padStart(8, '0')}`,
        event_time: Math.floor(now / 1e6),
        event: { type: 'member_joined_channel', user: p.user, channel: p.channel, channel_type: 'C', team: p.team, event_ts: `${Math.floor(now / 1e6)}.${String(now % 1e6).padStart(6, '0')}` },
      };
    };
    const waitSeen = (n: number, timeoutMs: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${seen} of ${n} changes reached the subscriber`)), timeoutMs);
        const check = () => {
          if (seen >= n) {
            clearTimeout(timer);
            onSeen = undefined;
            resolve();
          }
        };
        onSeen = check;
        check();
      });

    // --- burst ---
    const burstEvents = pairs.slice(0, burst).map(envelope);
    const t0 = performance.now();
    let accepted = 0;
    const acceptors = Array.from({ length: 16 }, async () => {
      while (accepted < burstEvents.length) {
        const e = burstEvents[accepted++] as ReturnType<typeof envelope>;
        deliveredAt.set(e.event_id, performance.now());
        await live.accept(e as never);
      }
    });
    await Promise.all(acceptors);
    const acceptedMs = performance.now() - t0;
    await live.drain();
    const appliedMs = performance.now() - t0;
    await waitSeen(burst, 120_000);
    const visibleMs = performance.now() - t0;
    const sortedBurst = [...lags].sort((a, b) => a - b);
    const outcomes = await sql<{ outcome: string; n: string }>`select outcome, count(*) as n from slack_events group by 1`.execute(database.db);
    console.log(`burst of ${burst} member_joined_channel events (Postgres, ${users} users):`);
    console.log(`  queued (acknowledgeable) in ${(acceptedMs / 1000).toFixed(2)} s (${Math.round(burst / (acceptedMs / 1000))}/s, 16 concurrent deliveries)`);
    console.log(`  applied in ${(appliedMs / 1000).toFixed(2)} s: ${Math.round(burst / (appliedMs / 1000))} events/s`);
    console.log(`  all visible to the GraphQL subscriber after ${(visibleMs / 1000).toFixed(2)} s`);
    console.log(`  lag delivery → GraphQL subscriber: p50 ${percentile(sortedBurst, 50).toFixed(0)} ms, p99 ${percentile(sortedBurst, 99).toFixed(0)} ms`);
    console.log(`  outcomes: ${outcomes.rows.map((r) => `${r.outcome ?? 'pending'} ${r.n}`).join(', ')}`);

    // --- paced, at Slack's ceiling ---
    lags.length = 0;
    const pacedEvents = pairs.slice(burst, burst + pacedSeconds * rate).map(envelope);
    const before = seen;
    const start = performance.now();
    for (const [i, e] of pacedEvents.entries()) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      deliveredAt.set(e.event_id, performance.now());
      await live.accept(e as never);
    }
    await waitSeen(before + pacedEvents.length, 30_000);
    const sortedPaced = [...lags].sort((a, b) => a - b);
    console.log(`paced: ${pacedEvents.length} events at ${rate}/s: lag delivery → GraphQL subscriber p50 ${percentile(sortedPaced, 50).toFixed(0)} ms, p99 ${percentile(sortedPaced, 99).toFixed(0)} ms`);
    void applyMs;

    await ws.dispose();
    await live.stop();
    sequencer.stop();
    await server.close();
    await bus.close();
  } finally {
    await database.close();
    await target.drop();
    sim.stop();
  }
}
