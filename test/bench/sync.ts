// `npm run bench -- sync [--users 50000] [--scaling] [--rate-limits] [--time-scale 60] [--in-process]
//   [--compare DIR] [--cpu-prof DIR]`
//
// `--compare DIR` runs another build (DIR/bin/slackgate.js, e.g. a copy of bin/, dist/, src/,
// migrations/ and scripts/ made before a change) side by side: full syncs, then re-syncs,
// alternating between the two builds, each into its own database. `--cpu-prof DIR` writes a CPU
// profile of each `slackgate sync` process there.
//
// Full sync of the issue's fixture (Grid, 5 workspaces, N users, 2,000 user groups, 200 IdP
// groups, 500 channels) into a real Postgres, with the simulator in its own process, run as a
// user runs it (`slackgate sync`, the compiled build, in its own process): time per phase and per
// apply step, peak RSS, Postgres CPU; an immediate re-sync (rows written, time); `--in-process`
// adds the same sync in this process;
// Slack calls against the reference connector's call pattern, optionally 25k/50k/100k scaling
// and a run against Slack's rate limits (time-scaled) compared with the floor the tiers imply.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { createInterface } from 'node:readline';
import v8 from 'node:v8';
import { sql } from 'kysely';
import { resolveConfig } from '../../src/config.ts';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SlackConnection } from '../../src/slack/connection.ts';
import { callsPerMinute, SCIM_LIMITS } from '../../src/slack/tiers.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import type { SyncPhase } from '../../src/sync/types.ts';
import { builtSlackgate, freshDatabase, rssSampler, spawnSimulator, type SimulatorProcess } from './support/processes.ts';

interface Measured {
  ms: number;
  status: string;
  calls: Record<string, number>;
  rateLimited: number;
  byKey: Record<string, number>;
  phaseMs: Partial<Record<SyncPhase, number>>;
  peakRssMb: number;
}

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

function fixture(users: number) {
  return { plan: 'grid' as const, seed: 11, users, workspaces: 5, userGroups: 2000, idpGroups: 200, channels: 500 };
}

let concurrency: number | undefined;

async function syncOnce(database: Database, sim: SimulatorProcess, minuteMs: number): Promise<Measured> {
  const config = resolveConfig(
    { token: sim.tokens.bot, businessPlusToken: sim.tokens.admin, enterpriseToken: sim.tokens.enterprise, ssoEnabled: true, slackApiUrl: sim.apiUrl, scimApiUrl: sim.scimUrl },
    {},
  );
  const connection = new SlackConnection({ slack: config.slack, minuteMs });
  const phaseMs: Partial<Record<SyncPhase, number>> = {};
  const cur: { phase: SyncPhase | null; since: number } = { phase: null, since: performance.now() };
  const engine = new SyncEngine({
    database,
    connection,
    ssoEnabled: true,
    deletionThreshold: 0.5,
    concurrency,
    publish: (e) => {
      if (e.phase !== cur.phase) {
        if (cur.phase) phaseMs[cur.phase] = (phaseMs[cur.phase] ?? 0) + performance.now() - cur.since;
        cur.phase = e.phase;
        cur.since = performance.now();
      }
    },
  });
  global.gc?.();
  const rss = rssSampler();
  const started = performance.now();
  const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
  const ms = performance.now() - started;
  if (cur.phase) phaseMs[cur.phase] = (phaseMs[cur.phase] ?? 0) + performance.now() - cur.since;
  const peakRssMb = rss.stop();
  await engine.close();
  if (run.status !== 'SUCCEEDED') throw new Error(`sync ended ${run.status}: ${run.error}`);
  return { ms, status: run.status, calls: run.slack_calls as Record<string, number>, rateLimited: connection.stats.totalRateLimited, byKey: { ...connection.stats.byKey }, phaseMs, peakRssMb };
}

/** CPU seconds Postgres' backends of `database` have used, sampled from /proc (a local server only). */
function postgresCpu(database: string): { sample(): void; seconds(): number | undefined } {
  const ticks = new Map<string, number>();
  let readable = true;
  return {
    sample() {
      if (!readable) return;
      try {
        for (const pid of readdirSync('/proc')) {
          if (!/^\d+$/.test(pid)) continue;
          try {
            if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
            const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
            ticks.set(pid, Number(fields[11]) + Number(fields[12]));
          } catch {
            // ended between the listing and the read
          }
        }
      } catch {
        readable = false;
      }
    },
    seconds: () => (readable && ticks.size ? [...ticks.values()].reduce((a, b) => a + b, 0) / 100 : undefined),
  };
}

interface CliMeasured {
  ms: number;
  peakRssMb: number;
  summary: string;
  phaseMs: Partial<Record<SyncPhase, number>>;
  /** The apply's steps (debug log), ms each. */
  applySteps: [string, number][];
  /** Postgres CPU for this database while the process ran (undefined: not a local server). */
  postgresCpuS: number | undefined;
  /** CPU seconds of the `slackgate sync` process and of the simulator serving it. */
  syncCpuS: number;
  simulatorCpuS: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 where unreadable). */
function processCpuS(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * One sync the way a user runs it: `slackgate sync` in its own process (the compiled build).
 * Its peak resident memory is the kernel's high-water mark (VmHWM), read until it exits; its
 * phases are timed from the progress lines it prints on each phase change, the apply's steps
 * from its debug log.
 */
async function cliSync(sim: SimulatorProcess, databaseUrl: string, bin: string, nodeArgs: string[] = []): Promise<CliMeasured> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SLACKGATE_TOKEN: sim.tokens.bot,
    SLACKGATE_BUSINESS_PLUS_TOKEN: sim.tokens.admin,
    SLACKGATE_ENTERPRISE_TOKEN: sim.tokens.enterprise,
    SLACKGATE_SSO_ENABLED: 'true',
    SLACKGATE_SLACK_API_URL: sim.apiUrl,
    SLACKGATE_SCIM_API_URL: sim.scimUrl,
    // Pacing off against a simulator that enforces no limits.
    SLACKGATE_SLACK_TIME_SCALE: '0',
    LOG_LEVEL: 'debug',
  };
  const cpu = postgresCpu(new URL(databaseUrl).pathname.slice(1));
  cpu.sample();
  const simulatorCpuAtStart = processCpuS(sim.child.pid);
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, bin, 'sync'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const phaseMs: Partial<Record<SyncPhase, number>> = {};
  const current: { phase: SyncPhase | null; since: number } = { phase: null, since: started };
  const applySteps: [string, number][] = [];
  let lastStepAt: number | undefined;
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  createInterface({ input: child.stderr }).on('line', (line) => {
    err = (err + line + '\n').slice(-2000);
    const now = performance.now();
    const progress = /\]\s+(?:\?|\d+)%\s+(\w+)/.exec(line);
    if (progress && progress[1] !== current.phase && progress[1] !== 'starting') {
      if (current.phase) phaseMs[current.phase] = (phaseMs[current.phase] ?? 0) + now - current.since;
      current.phase = progress[1] as SyncPhase;
      current.since = now;
      if (current.phase === 'apply') lastStepAt = Date.now();
    }
    // The first step's time runs from the apply's progress line.
    if (line.startsWith('{') && line.includes('apply step done')) {
      const entry = JSON.parse(line) as { time: number; step: string };
      applySteps.push([entry.step, entry.time - (lastStepAt ?? entry.time)]);
      lastStepAt = entry.time;
    }
  });
  let peakKb = 0;
  let syncCpuS = 0;
  const poll = setInterval(() => {
    cpu.sample();
    syncCpuS = Math.max(syncCpuS, processCpuS(child.pid));
    readFile(`/proc/${child.pid}/status`, 'utf8')
      .then((status) => (peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))))
      .catch(() => {});
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(poll);
  const ms = performance.now() - started;
  if (current.phase) phaseMs[current.phase] = (phaseMs[current.phase] ?? 0) + performance.now() - current.since;
  if (code !== 0) throw new Error(`slackgate sync exited ${code}: ${err.trim().split('\n').at(-1)}`);
  const simulatorCpuS = processCpuS(sim.child.pid) - simulatorCpuAtStart;
  return { ms, peakRssMb: Math.round((peakKb * 1024) / 1e6), summary: out.trim().split('\n')[0] ?? '', phaseMs, applySteps, postgresCpuS: cpu.seconds(), syncCpuS, simulatorCpuS };
}

const PHASE_OF: Record<string, SyncPhase> = {
  'auth.teams.list': 'workspaces',
  'team.info': 'workspaces',
  'users.list': 'accounts',
  'scim:read': 'accounts',
  'usergroups.list': 'resources',
  'conversations.list': 'resources',
  'admin.roles.listAssignments': 'resources',
  'conversations.members': 'grants',
};

/** The time Slack's tiers force on each phase: a key's calls beyond one minute's allowance wait a minute each. */
function tierFloorMs(byKey: Record<string, number>, minuteMs: number): Partial<Record<SyncPhase, number>> {
  const floor: Partial<Record<SyncPhase, number>> = {};
  for (const [key, calls] of Object.entries(byKey)) {
    const method = key.startsWith('scim:') ? key : key.split(':').slice(2).join(':');
    const phase = PHASE_OF[method];
    if (!phase) continue;
    const limit = key.startsWith('scim:') ? SCIM_LIMITS.read : callsPerMinute(method);
    const ms = Math.floor((calls - 1) / limit) * minuteMs;
    floor[phase] = Math.max(floor[phase] ?? 0, ms);
  }
  return floor;
}

/** Calls the reference connector's documented pattern (reference-connector.md §6.2) makes for the same data. */
async function referenceCalls(db: Database['db']): Promise<{ head: number; enterprise: number; detail: Record<string, number> }> {
  const one = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);
  const workspaces = await one(sql`select count(*) as n from workspaces`);
  const usersPerWs = (await sql<{ n: number }>`select count(*) as n from grants g join entitlements e on e.id = g.entitlement_id where e.external_id like 'workspace:%:member' group by e.id`.execute(db)).rows.map((r) => Number(r.n));
  const scimUsers = await one(sql`select count(*) as n from accounts where scim_id is not null`);
  const groupSizes = (await sql<{ n: number }>`select (select count(*) from grants g where g.entitlement_id = e.id) as n from entitlements e join resources r on r.id = e.resource_id where r.resource_type = 'userGroup' and r.status = 'ACTIVE'`.execute(db)).rows.map((r) => Number(r.n));
  const idpGroups = await one(sql`select count(*) as n from resources where resource_type = 'group'`);
  const roles = await one(sql`select count(*) as n from resources where resource_type = 'enterpriseRole' and slack_id not like 'organization_%'`);
  const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
  const detail: Record<string, number> = {
    'auth.teams.list': 1,
    'SCIM /Users (per workspace, 100/page)': workspaces * pages(scimUsers, 100),
    'users.info (per SCIM user, per workspace)': workspaces * scimUsers,
    'users.list (workspace grants, 200/page)': usersPerWs.reduce((a, n) => a + pages(n, 200), 0),
    'usergroups.list': workspaces,
    'usergroups.users.list (per group, 20 members/page)': groupSizes.reduce((a, n) => a + pages(n, 20), 0),
    'SCIM /Groups + GET /Groups/{id}': pages(idpGroups, 100) + idpGroups,
  };
  const head = Object.values(detail).reduce((a, b) => a + b, 0);
  // The Grid sibling: SCIM users once org-wide, one usergroups.users.list per group, listAssignments per role.
  const enterprise =
    1 + pages(scimUsers, 100) + detail['users.list (workspace grants, 200/page)']! + workspaces + groupSizes.length + detail['SCIM /Groups + GET /Groups/{id}']! + roles;
  return { head, enterprise, detail };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default async function run(args: string[]): Promise<void> {
  const users = arg(args, 'users', 50_000);
  const timeScale = arg(args, 'time-scale', 60);
  if (args.includes('--concurrency')) concurrency = arg(args, 'concurrency', 6);
  console.log(`# sync benchmark — Grid, 5 workspaces, ${users} users, 2000 user groups, 200 IdP groups, 500 channels; Postgres; simulator in its own process`);

  const sim = await spawnSimulator(fixture(users));
  const target = await freshDatabase('full');
  const database = await createDb({ url: target.url });
  const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(', ');
  console.log(`load average before: ${loadAverage()} (${os.cpus().length} CPUs)`);
  const compareDir = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined;
  const profileDir = args.includes('--cpu-prof') ? args[args.indexOf('--cpu-prof') + 1] : undefined;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const other = compareDir ? { bin: `${compareDir}/bin/slackgate.js`, db: await freshDatabase('compare') } : undefined;
  try {
    // The full sync and the re-sync as a user runs them: `slackgate sync`, the compiled build,
    // in its own process (it migrates the empty database itself). With --compare, the other
    // build's full sync follows this one's, then both re-syncs, in the same order.
    const bin = builtSlackgate();
    const full = await cliSync(sim, target.url, bin, nodeArgs);
    const otherFull = other ? await cliSync(sim, other.db.url, other.bin, nodeArgs) : undefined;
    const counts = await sql<{ t: string; n: number }>`select 'accounts' as t, count(*) as n from accounts union all select 'entitlements', count(*) from entitlements union all select 'grants', count(*) from grants`.execute(database.db);
    const before = await sql<{ latest: Date | null; n: number }>`select max(updated_at) as latest, count(*) as n from grants`.execute(database.db);
    const resync = await cliSync(sim, target.url, bin, nodeArgs);
    const otherResync = other ? await cliSync(sim, other.db.url, other.bin, nodeArgs) : undefined;
    const after = await sql<{ latest: Date | null; n: number }>`select max(updated_at) as latest, count(*) as n from grants`.execute(database.db);
    const written = await sql<{ n: number }>`select count(*) as n from sync_changes where run_id = (select max(id) from sync_runs)`.execute(database.db);
    const calls = (await sql<{ calls: Record<string, number> }>`select slack_calls as calls from sync_runs order by id limit 1`.execute(database.db)).rows[0]?.calls ?? {};
    const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
    const ref = await referenceCalls(database.db);

    const phases = (m: CliMeasured) => Object.entries(m.phaseMs).map(([p, ms]) => `${p} ${fmt(ms ?? 0)}`).join(', ');
    const steps = (m: CliMeasured) => m.applySteps.map(([step, ms]) => `${step} ${(ms / 1000).toFixed(2)}`).join(', ');
    const cpu = (m: CliMeasured) => `; CPU: sync process ${m.syncCpuS.toFixed(1)} s, simulator ${m.simulatorCpuS.toFixed(1)} s${m.postgresCpuS === undefined ? '' : `, Postgres ${m.postgresCpuS.toFixed(1)} s`}`;
    const report = (label: string, f: CliMeasured, r: CliMeasured) => {
      console.log(`${label}full sync (\`slackgate sync\`, compiled build, own process): ${fmt(f.ms)} wall, peak RSS ${f.peakRssMb} MB${cpu(f)} — ${f.summary}`);
      console.log(`  phases: ${phases(f)}`);
      console.log(`  apply steps (s): ${steps(f)}`);
      console.log(`${label}re-sync:     ${fmt(r.ms)} wall, peak RSS ${r.peakRssMb} MB${cpu(r)}`);
      console.log(`  phases: ${phases(r)}`);
      console.log(`  apply steps (s): ${steps(r)}`);
    };
    console.log(`cache: ${counts.rows.map((r) => `${r.t} ${Number(r.n)}`).join(', ')}`);
    report('', full, resync);
    console.log(`             = ${(resync.ms / full.ms).toFixed(2)} × full; grant rows written: ${Number(after.rows[0]?.n) - Number(before.rows[0]?.n)} inserted, latest update unchanged: ${String(after.rows[0]?.latest?.getTime() === before.rows[0]?.latest?.getTime())}; change rows: ${Number(written.rows[0]?.n)}`);
    if (otherFull && otherResync) {
      report(`[${compareDir}] `, otherFull, otherResync);
      console.log(`             = ${(otherResync.ms / otherFull.ms).toFixed(2)} × full; this build / ${compareDir}: full ${(full.ms / otherFull.ms).toFixed(2)}, re-sync ${(resync.ms / otherResync.ms).toFixed(2)}, peak RSS ${(full.peakRssMb / otherFull.peakRssMb).toFixed(2)} / ${(resync.peakRssMb / otherResync.peakRssMb).toFixed(2)}`);
    }
    console.log(`Slack calls: ${totalCalls} — ${JSON.stringify(calls)}`);
    console.log(`reference connector for the same data: ${ref.head} calls (baton-slack, Business+ path), ${ref.enterprise} (Grid sibling) — ${JSON.stringify(ref.detail)}`);
    console.log(`  => slackgate makes ${(ref.head / totalCalls).toFixed(0)}× fewer calls than baton-slack and ${(ref.enterprise / totalCalls).toFixed(1)}× fewer than its Grid sibling`);
    console.log(`load average after: ${loadAverage()}`);

    if (args.includes('--in-process')) {
      // The same full sync in this benchmark's process (TypeScript sources), for its phases and RSS.
      const inProcess = await freshDatabase('inprocess');
      const db3 = await createDb({ url: inProcess.url });
      try {
        await migrateToLatest(db3.db);
        const m = await syncOnce(db3, sim, 0);
        const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1e6);
        console.log(`in-process full sync: ${fmt(m.ms)} (phases: ${Object.entries(m.phaseMs).map(([p, ms]) => `${p} ${fmt(ms ?? 0)}`).join(', ')}), peak RSS ${m.peakRssMb} MB (V8 heap limit ${heapLimitMb} MB)`);
      } finally {
        await db3.close();
        await inProcess.drop();
      }
    }

    if (args.includes('--rate-limits')) {
      sim.stop();
      const limited = await spawnSimulator({ ...fixture(users), rateLimits: true, timeScale });
      const db2 = await freshDatabase('limited');
      const database2 = await createDb({ url: db2.url });
      try {
        await migrateToLatest(database2.db);
        const minuteMs = 60_000 / timeScale;
        const r = await syncOnce(database2, limited, minuteMs);
        const tiers = tierFloorMs(r.byKey, minuteMs);
        const pureFloor = Object.values(tiers).reduce((a, b) => a + (b ?? 0), 0);
        // Each phase takes at least what the tiers force or what the work takes without limits, whichever is longer.
        const phases: SyncPhase[] = ['workspaces', 'accounts', 'resources', 'entitlements', 'grants', 'apply'];
        const floor = phases.reduce((a, p) => a + Math.max(tiers[p] ?? 0, full.phaseMs[p] ?? 0), 0);
        console.log(`rate limits on, Slack minute = ${minuteMs} ms: ${fmt(r.ms)}, 429s received: ${r.rateLimited} (phases: ${Object.entries(r.phaseMs).map(([p, ms]) => `${p} ${fmt(ms ?? 0)}`).join(', ')})`);
        console.log(`  tier floor ${fmt(pureFloor)} (${JSON.stringify(Object.fromEntries(Object.entries(tiers).map(([k, v]) => [k, fmt(v ?? 0)])))}); floor with the unlimited run's work per phase ${fmt(floor)}; wall / floor = ${(r.ms / floor).toFixed(2)}`);
      } finally {
        await database2.close();
        await db2.drop();
        limited.stop();
      }
    }
  } finally {
    await database.close();
    await target.drop();
    await other?.db.drop();
    sim.stop();
  }

  if (args.includes('--scaling')) {
    const times: Record<number, number> = {};
    for (const n of [25_000, 50_000, 100_000]) {
      const s = await spawnSimulator(fixture(n));
      const d = await freshDatabase(`scale${n}`);
      const db = await createDb({ url: d.url });
      try {
        await migrateToLatest(db.db);
        const m = await syncOnce(db, s, 0);
        times[n] = m.ms;
        console.log(`scaling: ${n} users → ${fmt(m.ms)}, peak RSS ${m.peakRssMb} MB`);
      } finally {
        await db.close();
        await d.drop();
        s.stop();
      }
    }
    console.log(`scaling: 50k/25k = ${((times[50_000] ?? 0) / (times[25_000] ?? 1)).toFixed(2)}, 100k/50k = ${((times[100_000] ?? 0) / (times[50_000] ?? 1)).toFixed(2)}`);
  }
}
