// `npm run bench -- events [--users 50000] [--events 10000] [--paced-seconds 20] [--rate 8] [--concurrency 16] [--profile] [--compare DIR]`
//
// The live cache as users run it: `slackgate serve` from the compiled build (dist/), in its own
// process, with the Slack app surface on signed HTTP (`/slack/events`), on the sync benchmark's
// fixture (Grid, 5 workspaces, N users, 2,000 user groups, 200 IdP groups, 500 channels) synced
// into a real Postgres, the simulator in its own process. Membership events
// (member_joined_channel in Slack's envelope, for members not yet in those channels) are posted
// signed, as Slack posts them, --concurrency (16) at a time, while a GraphQL client follows
// `accessChanged` over WebSocket: the lag of each event is the time from its delivery (the POST
// sent) to its change arriving at that client.
//
// First a backlog of --events already queued when the gateway starts (as a restart or an outage
// leaves them): applied per second. Then a burst of --events delivered at once: acknowledged per
// second, applied per second (until the queue is empty), lag p50/p99, and where the time went
// (CPU of the gateway process and of the database's backends over the burst's wall time; with
// --profile, the gateway's hottest functions from a V8 CPU profile). Then --rate events a second
// for --paced-seconds (Slack's ceiling is 30,000 an hour per workspace ≈ 8/s): lag p50/p99.
//
// --compare DIR also runs DIR/bin/slackgate.js (another checkout's build, e.g. the previous
// commit's) on a copy of the same synced database, right after, for an A/B in one run.
import { createHmac } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient as createWsClient } from 'graphql-ws';
import { sql } from 'kysely';
import pg from 'pg';
import WebSocket from 'ws';
import { resolveConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SlackConnection } from '../../src/slack/connection.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { spawnGateway } from './support/gateway-process.ts';
import { benchAdminUrl, builtSlackgate, freshDatabase, spawnSimulator, type SimulatorProcess } from './support/processes.ts';

const CLIENT = { id: 'bench-admin', secret: 'bench-admin-secret-0123456789abcdef' };
const SIGNING_SECRET = 'benchsigningsecret0123456789abcdef';

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pair {
  channel: string;
  user: string;
  team: string;
}

/** CPU seconds (user + system) of the processes whose command line contains `needle` (or of `pid`). */
async function cpuSeconds(match: { pid?: number; needle?: string }): Promise<number> {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const pids = match.pid !== undefined ? [String(match.pid)] : (await readdir('/proc')).filter((d) => /^\d+$/.test(d));
  for (const pid of pids) {
    try {
      if (match.needle !== undefined && !(await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(match.needle)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** A copy of a database (Postgres's template copy), dropped by the returned function. */
async function copyDatabase(templateUrl: string, label: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `slackgate_bench_${label}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: benchAdminUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(benchAdminUrl());
  u.pathname = `/${name}`;
  return {
    url: u.href,
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: benchAdminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The hottest functions of a V8 CPU profile by self time, and the share of idle time. */
async function summarizeProfile(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return ['  (no CPU profile written)'];
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }
  const profile = JSON.parse(await readFile(join(dir, files[0] as string), 'utf8')) as { nodes: Node[]; samples: number[] };
  const total = profile.samples.length;
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*\/dist\//, 'dist/');
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const area = functionName === '(idle)' ? 'idle' : functionName === '(garbage collector)' ? 'GC' : url === '' ? `(${functionName || 'native'})` : file.startsWith('node_modules/') ? file.split('/').slice(0, file.startsWith('node_modules/@') ? 3 : 2).join('/') : file.startsWith('node:') ? 'node internals' : 'slackgate';
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
  }
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
  const areas = [...byArea.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const top = [...byFunction.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 12);
  return [`  gateway CPU profile (whole run, ${total} samples): ${areas.map(([a, n]) => `${a} ${pct(n)}`).join(', ')}`, ...top.map(([k, n]) => `    ${pct(n).padStart(6)}  ${k}`)];
}

interface Measurement {
  label: string;
  backlogPerSecond: number;
  acceptedPerSecond: number;
  appliedPerSecond: number;
  burstP50: number;
  burstP99: number;
  pacedP50: number;
  pacedP99: number;
}

async function measure(
  label: string,
  bin: string,
  sim: SimulatorProcess,
  databaseUrl: string,
  databaseName: string,
  pairs: Pair[],
  o: { burst: number; pacedSeconds: number; rate: number; profile: boolean; concurrency: number },
): Promise<Measurement> {
  const CONCURRENT_DELIVERIES = o.concurrency;
  const profileDir = o.profile ? await mkdtemp(join(tmpdir(), 'slackgate-events-prof-')) : undefined;
  const logFile = join(await mkdtemp(join(tmpdir(), 'slackgate-events-log-')), 'gateway.log');
  const probe = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  // A backlog, as a restart or an outage leaves the queue: --events stored, none applied yet.
  const backlog = pairs.slice(o.burst + o.pacedSeconds * o.rate, 2 * o.burst + o.pacedSeconds * o.rate);
  const nowTs = Date.now() / 1000;
  await probe.query(
    `insert into slack_events (event_id, team_id, type, event_ts, payload)
     select 'EvBACKLOG' || lpad(i::text, 8, '0'), p.team, 'member_joined_channel', $4::numeric + i / 1e6,
       jsonb_build_object('type', 'member_joined_channel', 'user', p.usr, 'channel', p.channel, 'channel_type', 'C', 'team', p.team, 'event_ts', ($4::numeric + i / 1e6)::text)
     from unnest($1::text[], $2::text[], $3::text[]) with ordinality as p(channel, usr, team, i)`,
    [backlog.map((p) => p.channel), backlog.map((p) => p.user), backlog.map((p) => p.team), nowTs.toFixed(6)],
  );
  // Applied per second once applying has begun (the gateway's start-up is not counted).
  const backlogProgress: { at: number; applied: number }[] = [];
  let backlogDone = false;
  const watching = (async () => {
    while (!backlogDone) {
      const { rows } = await probe.query<{ n: string }>('select count(*) as n from slack_events where applied_at is not null');
      const applied = Number(rows[0]?.n ?? 0);
      if (applied > 0) backlogProgress.push({ at: performance.now(), applied });
      if (applied >= backlog.length) break;
      await sleep(20);
    }
  })();
  const gateway = await spawnGateway({
    logFile,
    databaseUrl,
    apiUrl: sim.apiUrl,
    scimUrl: sim.scimUrl,
    tokens: sim.tokens,
    client: CLIENT,
    slackMinuteMs: 0,
    bin,
    env: { SLACKGATE_SIGNING_SECRET: SIGNING_SECRET },
    ...(profileDir ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir] } : {}),
  });
  console.log(`${label}: ${bin}`);
  try {
    await Promise.race([watching, sleep(300_000)]);
    backlogDone = true;
    const first = backlogProgress[0];
    const last = backlogProgress.at(-1);
    const backlogPerSecond = first && last && last.at > first.at ? (last.applied - first.applied) / ((last.at - first.at) / 1000) : NaN;
    console.log(`  backlog of ${backlog.length} queued events (as a restart leaves them): applied at ${Math.round(backlogPerSecond)} events/s (${last?.applied ?? 0} applied)`);
    const token = await gateway.token();
    const deliveredAt = new Map<string, number>();
    const lags: number[] = [];
    let seen = 0;
    let onSeen: (() => void) | undefined;
    const ws = createWsClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
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
    const prefix = label.replace(/\W/g, '').slice(0, 6).toUpperCase();
    const envelope = (p: Pair) => {
      counter += 1;
      const now = Date.now() * 1000 + counter;
      const ts = `${Math.floor(now / 1e6)}.${String(now % 1e6).padStart(6, '0')}`;
      return {
        token: 'bench',
        team_id: p.team,
        api_app_id: 'A0BENCH',
        type: 'event_callback' as const,
        event_id: `Ev${prefix}${String(counter).padStart(8, '0')}`,
        event_time: Math.floor(now / 1e6),
        event: { type: 'member_joined_channel', user: p.user, channel: p.channel, channel_type: 'C', team: p.team, event_ts: ts },
      };
    };
    let refused = 0;
    const ackMs: number[] = [];
    // Deliveries go over keep-alive connections (as Slack's do), signed ahead of time so the
    // sender's own work stays small: on a loaded machine the sender competes for the same cores.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENT_DELIVERIES });
    const target = new URL(`${gateway.url}/slack/events`);
    const sign = (e: ReturnType<typeof envelope>) => {
      const body = JSON.stringify(e);
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      return { id: e.event_id, body, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature } };
    };
    /** POSTs one signed event as Slack does; records its delivery time; resolves on the answer. */
    const deliver = (d: ReturnType<typeof sign>) =>
      new Promise<void>((resolve, reject) => {
        const sent = performance.now();
        deliveredAt.set(d.id, sent);
        const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: d.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) refused += 1;
            ackMs.push(performance.now() - sent);
            resolve();
          });
        });
        req.on('error', reject);
        req.end(d.body);
      });
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
    const burstEvents = pairs.slice(0, o.burst).map((p) => sign(envelope(p)));
    const cpuBefore = { gateway: await cpuSeconds({ pid: gateway.child.pid as number }), db: await cpuSeconds({ needle: databaseName }) };
    const t0 = performance.now();
    let next = 0;
    let appliedMs = NaN;
    const delivering = Promise.all(
      Array.from({ length: CONCURRENT_DELIVERIES }, async () => {
        while (next < burstEvents.length) await deliver(burstEvents[next++] as ReturnType<typeof sign>);
      }),
    ).then(() => performance.now() - t0);
    // Applied: every event of the burst stored and none pending.
    for (;;) {
      const { rows } = await probe.query<{ stored: string; pending: string }>('select count(*) as stored, count(*) filter (where applied_at is null) as pending from slack_events');
      if (Number(rows[0]?.stored) >= backlog.length + o.burst && Number(rows[0]?.pending) === 0) {
        appliedMs = performance.now() - t0;
        break;
      }
      if (performance.now() - t0 > 300_000) throw new Error(`the burst was not applied within 5 minutes (${JSON.stringify(rows[0])})`);
      await sleep(20);
    }
    const acceptedMs = await delivering;
    await waitSeen(o.burst, 120_000);
    const visibleMs = performance.now() - t0;
    const cpu = { gateway: (await cpuSeconds({ pid: gateway.child.pid as number })) - cpuBefore.gateway, db: (await cpuSeconds({ needle: databaseName })) - cpuBefore.db };
    const sortedBurst = [...lags].sort((a, b) => a - b);
    const sortedAck = [...ackMs].sort((a, b) => a - b);
    const serverAck = (await readFile(logFile, 'utf8').catch(() => ''))
      .split('\n')
      .flatMap((line) => {
        try {
          const o = JSON.parse(line) as { path?: string; durationMs?: number };
          return o.path === '/slack/events' && typeof o.durationMs === 'number' ? [o.durationMs] : [];
        } catch {
          return [];
        }
      })
      .sort((a, b) => a - b);
    const { rows: outcomes } = await probe.query<{ outcome: string | null; n: string }>('select outcome, count(*) as n from slack_events group by 1 order by 1');
    const m: Measurement = {
      label,
      backlogPerSecond,
      acceptedPerSecond: o.burst / (acceptedMs / 1000),
      appliedPerSecond: o.burst / (appliedMs / 1000),
      burstP50: percentile(sortedBurst, 50),
      burstP99: percentile(sortedBurst, 99),
      pacedP50: NaN,
      pacedP99: NaN,
    };
    console.log(`  burst of ${o.burst} member_joined_channel events, signed POSTs to /slack/events, ${CONCURRENT_DELIVERIES} at a time:`);
    console.log(`    acknowledged (stored) in ${(acceptedMs / 1000).toFixed(2)} s: ${Math.round(m.acceptedPerSecond)}/s${refused ? `, ${refused} refused` : ''}`);
    console.log(`    time to the ack: p50 ${percentile(sortedAck, 50).toFixed(0)} ms, p99 ${percentile(sortedAck, 99).toFixed(0)} ms as the sender saw it; in the gateway (its request log) p50 ${percentile(serverAck, 50).toFixed(0)} ms, p99 ${percentile(serverAck, 99).toFixed(0)} ms`);
    console.log(`    applied in ${(appliedMs / 1000).toFixed(2)} s: ${Math.round(m.appliedPerSecond)} events/s`);
    console.log(`    all visible to the GraphQL subscriber after ${(visibleMs / 1000).toFixed(2)} s`);
    console.log(`    lag delivery → GraphQL subscriber: p50 ${m.burstP50.toFixed(0)} ms, p99 ${m.burstP99.toFixed(0)} ms`);
    console.log(`    CPU over the burst's ${(visibleMs / 1000).toFixed(1)} s: gateway process ${cpu.gateway.toFixed(1)} s, Postgres backends ${cpu.db.toFixed(1)} s (2 cores shared; load ${load()})`);
    console.log(`    outcomes: ${outcomes.map((r) => `${r.outcome ?? 'pending'} ${r.n}`).join(', ')}`);

    // --- paced, at Slack's ceiling ---
    lags.length = 0;
    const pacedEvents = pairs.slice(o.burst, o.burst + o.pacedSeconds * o.rate).map(envelope);
    const before = seen;
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (const [i, e] of pacedEvents.entries()) {
      const wait = start + (i * 1000) / o.rate - performance.now();
      if (wait > 0) await sleep(wait);
      inFlight.push(deliver(sign(e)));
    }
    await Promise.all(inFlight);
    await waitSeen(before + pacedEvents.length, 30_000);
    const sortedPaced = [...lags].sort((a, b) => a - b);
    m.pacedP50 = percentile(sortedPaced, 50);
    m.pacedP99 = percentile(sortedPaced, 99);
    console.log(`  paced: ${pacedEvents.length} events at ${o.rate}/s: lag delivery → GraphQL subscriber p50 ${m.pacedP50.toFixed(0)} ms, p99 ${m.pacedP99.toFixed(0)} ms`);
    await ws.dispose();
    agent.destroy();
    return m;
  } finally {
    backlogDone = true;
    await watching;
    await probe.end();
    await gateway.stop();
    if (profileDir) for (const line of await summarizeProfile(profileDir)) console.log(line);
  }
}

export default async function events(args: string[]): Promise<void> {
  const users = arg(args, 'users', 50_000);
  const burst = arg(args, 'events', 10_000);
  const pacedSeconds = arg(args, 'paced-seconds', 20);
  const rate = arg(args, 'rate', 8);
  const profile = args.includes('--profile');
  const concurrency = arg(args, 'concurrency', 16);
  const compareAt = args.indexOf('--compare');
  const compare = compareAt >= 0 ? args[compareAt + 1] : undefined;
  console.log(`load average at start: ${load()}`);
  const sim = await spawnSimulator({ plan: 'grid', seed: 11, users, workspaces: 5, userGroups: 2000, idpGroups: 200, channels: 500 });
  const fixture = await freshDatabase('events');
  try {
    const database = await createDb({ url: fixture.url, poolSize: 10 });
    let pairs: Pair[];
    try {
      await migrateToLatest(database.db);
      const config = resolveConfig({ token: sim.tokens.bot, businessPlusToken: sim.tokens.admin, enterpriseToken: sim.tokens.enterprise, ssoEnabled: true, slackApiUrl: sim.apiUrl, scimApiUrl: sim.scimUrl }, {});
      const engine = new SyncEngine({ database, connection: new SlackConnection({ slack: config.slack, minuteMs: 0 }), ssoEnabled: true, deletionThreshold: 0.5 });
      const syncStarted = performance.now();
      const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
      await engine.close();
      if (run.status !== 'SUCCEEDED') throw new Error(`sync ended ${run.status}`);
      console.log(`fixture: ${users} users synced in ${((performance.now() - syncStarted) / 1000).toFixed(1)} s (Postgres)`);
      // Members to add: accounts not yet in a channel, spread over the channels.
      ({ rows: pairs } = await sql<Pair>`
        select r.slack_id as channel, a.slack_id as user, r.workspace_id as team
        from (select id, slack_id, workspace_id, row_number() over (order by id) as n from resources where resource_type = 'channel' and status = 'ACTIVE') r
        join entitlements e on e.resource_id = r.id
        join lateral (select a.slack_id from accounts a where a.status = 'ENABLED'
          and not exists (select 1 from grants g where g.entitlement_id = e.id and g.account_id = a.id)
          order by a.id offset (r.n * 37) % 1000 limit ${Math.ceil((2 * burst + pacedSeconds * rate) / 150) + 1}) a on true
        limit ${2 * burst + pacedSeconds * rate}`.execute(database.db));
      if (pairs.length < 2 * burst + pacedSeconds * rate) throw new Error(`only ${pairs.length} (channel, member) pairs available`);
    } finally {
      await database.close();
    }
    const builds = [{ label: 'this build', bin: builtSlackgate() }, ...(compare ? [{ label: 'compared build', bin: join(compare, 'bin/slackgate.js') }] : [])];
    const results: Measurement[] = [];
    for (const build of builds) {
      const copy = await copyDatabase(fixture.url, 'events_run');
      try {
        results.push(await measure(build.label, build.bin, sim, copy.url, copy.name, pairs, { burst, pacedSeconds, rate, profile, concurrency }));
      } finally {
        await copy.drop();
      }
    }
    if (results.length === 2) {
      const [a, b] = results as [Measurement, Measurement];
      console.log(`A/B (this build / compared build): backlog applied/s ×${(a.backlogPerSecond / b.backlogPerSecond).toFixed(2)}, burst applied/s ×${(a.appliedPerSecond / b.appliedPerSecond).toFixed(2)}, burst lag p99 ×${(a.burstP99 / b.burstP99).toFixed(2)}, paced lag p99 ×${(a.pacedP99 / b.pacedP99).toFixed(2)}`);
    }
    console.log(`load average at end: ${load()}`);
  } finally {
    await fixture.drop();
    sim.stop();
  }
}
