// `npm run bench -- serve [--seconds 60] [--connections 50] [--users 50000] [--cpu-prof DIR]`
//
// Read load against the gateway while a full sync runs: `--connections` keep-alive clients send
// mixed read queries (account, entitlement and grant pages with nested fields, node lookups)
// for at least `--seconds`, while the gateway re-syncs the Grid fixture (5 workspaces, N users,
// 2,000 user groups, 200 IdP groups, 500 channels) into Postgres. Three processes: the Slack
// simulator, the gateway (the `serve` service, pacing off so the sync measures the gateway and
// not Slack's tiers), and this one generating load. Reports errors, latency percentiles,
// requests/s, and the same full sync alone (before and after) and under load. `--cpu-prof DIR`
// writes CPU profiles of the gateway there, one per thread (its main thread and each sync's
// worker: the initial sync, the re-sync alone, under load, and after); profiling slows it.
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnGateway } from './support/gateway-process.ts';
import { GatewayClient } from './support/graphql-client.ts';
import { freshDatabase, spawnSimulator } from './support/processes.ts';

const ADMIN = { id: 'bench-admin', secret: 'bench-admin-secret-0123456789abcdef' };

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

// ---------------------------------------------------------------------------------------------
// The read mix.

const ACCOUNTS_PAGE = `query AccountsPage($after: String) {
  accounts(first: 50, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id slackId email displayName realName status type isGuest mfaEnabled
      workspaces { id displayName }
      grants(first: 5) { totalCount edges { node { id source grantedAt entitlement { id displayName resource { id displayName resourceType } } } } } } }
  }
}`;

const ENTITLEMENTS_PAGE = `query EntitlementsPage($after: String) {
  entitlements(first: 50, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id externalId displayName slug purpose grantable grantableReason grantCount
      resource { id displayName resourceType externalId }
      grants(first: 3) { edges { node { id account { id displayName email } } } } } }
  }
}`;

const GRANTS_PAGE = `query GrantsPage($after: String) {
  grants(first: 100, after: $after) {
    pageInfo { endCursor hasNextPage }
    edges { node { id externalId source grantedAt expiresAt
      account { id slackId displayName status }
      entitlement { id displayName resource { id displayName resourceType } } } }
  }
}`;

const NODE_LOOKUP = `query NodeLookup($id: ID!) {
  node(id: $id) {
    id
    ... on Account { slackId accountName: displayName status workspaces { id displayName } grants(first: 10) { edges { node { id entitlement { displayName } } } } }
    ... on Entitlement { entitlementName: displayName grantCount resource { displayName } }
  }
}`;

const NODES_LOOKUP = `query NodesLookup($ids: [ID!]!) {
  nodes(ids: $ids) { id ... on Account { slackId accountName: displayName status } ... on Entitlement { entitlementName: displayName grantCount } }
}`;

interface Catalog {
  accountCursors: (string | null)[];
  entitlementCursors: (string | null)[];
  grantCursors: (string | null)[];
  accountIds: string[];
  entitlementIds: string[];
}

/** Cursors of the first pages and ids to look up, so the load reads different pages, not one. */
async function catalog(client: GatewayClient, pages = 20): Promise<Catalog> {
  const walk = async (query: string, field: string, collect?: (edges: { node: { id: string } }[]) => void): Promise<(string | null)[]> => {
    const cursors: (string | null)[] = [null];
    for (let i = 0; i < pages; i++) {
      const page = (await client.must(query, { after: cursors.at(-1) }))[field];
      collect?.(page.edges);
      if (!page.pageInfo.hasNextPage) break;
      cursors.push(page.pageInfo.endCursor as string);
    }
    return cursors;
  };
  const accountIds: string[] = [];
  const entitlementIds: string[] = [];
  return {
    accountCursors: await walk(ACCOUNTS_PAGE, 'accounts', (edges) => accountIds.push(...edges.map((e) => e.node.id))),
    entitlementCursors: await walk(ENTITLEMENTS_PAGE, 'entitlements', (edges) => entitlementIds.push(...edges.map((e) => e.node.id))),
    grantCursors: await walk(GRANTS_PAGE, 'grants'),
    accountIds,
    entitlementIds,
  };
}

type Kind = 'accounts' | 'entitlements' | 'grants' | 'node' | 'nodes';
const MIX: Kind[] = ['accounts', 'accounts', 'entitlements', 'entitlements', 'grants', 'grants', 'node', 'node', 'node', 'nodes'];

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function nextRequest(c: Catalog): { kind: Kind; query: string; variables: Record<string, unknown> } {
  const kind = pick(MIX);
  switch (kind) {
    case 'accounts':
      return { kind, query: ACCOUNTS_PAGE, variables: { after: pick(c.accountCursors) } };
    case 'entitlements':
      return { kind, query: ENTITLEMENTS_PAGE, variables: { after: pick(c.entitlementCursors) } };
    case 'grants':
      return { kind, query: GRANTS_PAGE, variables: { after: pick(c.grantCursors) } };
    case 'node':
      return { kind, query: NODE_LOOKUP, variables: { id: Math.random() < 0.7 ? pick(c.accountIds) : pick(c.entitlementIds) } };
    case 'nodes':
      return { kind, query: NODES_LOOKUP, variables: { ids: Array.from({ length: 20 }, () => pick(c.accountIds)) } };
  }
}

interface Sample {
  kind: Kind;
  ms: number;
  /** Sent while the sync was running. */
  duringSync: boolean;
}

interface LoadReport {
  samples: Sample[];
  errors: number;
  firstErrors: string[];
  seconds: number;
}

/** `connections` clients, one request at a time each, until `stop()` says so. */
async function runLoad(url: string, token: string, c: Catalog, connections: number, keepGoing: () => boolean, syncRunning: () => boolean): Promise<LoadReport> {
  const samples: Sample[] = [];
  let errors = 0;
  const firstErrors: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new GatewayClient(url, token, new Agent({ keepAlive: true, maxSockets: 1 }));
      while (keepGoing()) {
        const r = nextRequest(c);
        const duringSync = syncRunning();
        const t = performance.now();
        try {
          const { status, answer } = await client.query(r.query, r.variables);
          const ms = performance.now() - t;
          if (status !== 200 || answer.errors || !answer.data) {
            errors++;
            if (firstErrors.length < 5) firstErrors.push(`${r.kind}: ${status} ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`);
          } else samples.push({ kind: r.kind, ms, duringSync });
        } catch (error) {
          errors++;
          if (firstErrors.length < 5) firstErrors.push(`${r.kind}: ${(error as Error).message}`);
        }
      }
      client.agent.destroy();
    }),
  );
  return { samples, errors, firstErrors, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function latencyLine(label: string, ms: number[], seconds?: number): string {
  const s = [...ms].sort((a, b) => a - b);
  const rate = seconds ? `, ${(s.length / seconds).toFixed(0)} req/s` : '';
  return `  ${label.padEnd(22)} n=${String(s.length).padStart(7)}  p50 ${percentile(s, 50).toFixed(1).padStart(7)} ms  p90 ${percentile(s, 90).toFixed(1).padStart(7)} ms  p99 ${percentile(s, 99).toFixed(1).padStart(7)} ms  max ${(s.at(-1) ?? NaN).toFixed(0).padStart(6)} ms${rate}`;
}

export default async function run(args: string[]): Promise<void> {
  const seconds = arg(args, 'seconds', 60);
  const connections = arg(args, 'connections', 50);
  const users = arg(args, 'users', 50_000);
  const profileDir = args.includes('--cpu-prof') ? args[args.indexOf('--cpu-prof') + 1] : undefined;
  console.log(`# serve benchmark — ${connections} connections, ≥${seconds} s of mixed reads during a full sync of Grid, 5 workspaces, ${users} users, 2000 user groups, 200 IdP groups, 500 channels; Postgres; simulator, gateway and load in separate processes`);

  const t0 = performance.now();
  const sim = await spawnSimulator({ plan: 'grid', seed: 1, users, workspaces: 5, userGroups: 2000, idpGroups: 200, channels: 500 });
  console.log(`simulator ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const target = await freshDatabase('serve');
  const dir = await mkdtemp(path.join(tmpdir(), 'slackgate-bench-serve-'));
  const logFile = path.join(dir, 'gateway.log');
  // Pacing off, so the sync measures the gateway and not Slack's tiers; info-level log to a file, as operators run it.
  const gateway = await spawnGateway({ databaseUrl: target.url, apiUrl: sim.apiUrl, scimUrl: sim.scimUrl, tokens: sim.tokens, client: ADMIN, slackMinuteMs: 0, logFile, nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  const db = new pg.Client({ connectionString: target.url });
  await db.connect();
  // The benchmark measures reads, not the fair-use budget: its client may spend without limit
  // (the change is announced to the gateway by the api_clients trigger).
  await db.query('update api_clients set cost_budget_per_minute = 2147483647 where id = $1', [ADMIN.id]);
  try {
    const client = new GatewayClient(gateway.url, await gateway.token());
    const initial = await client.sync(db);
    const counts = (await db.query<{ t: string; n: string }>("select 'accounts' as t, count(*) as n from accounts union all select 'entitlements', count(*) from entitlements union all select 'grants', count(*) from grants")).rows;
    console.log(`initial sync (empty cache): ${initial.seconds.toFixed(1)} s — ${counts.map((r) => `${Number(r.n).toLocaleString('en-US')} ${r.t}`).join(', ')}`);

    const c = await catalog(client);
    console.log(`read mix over ${c.accountCursors.length} account pages, ${c.entitlementCursors.length} entitlement pages, ${c.grantCursors.length} grant pages, ${c.accountIds.length + c.entitlementIds.length} ids`);

    const alone = await client.sync(db);
    console.log(`full re-sync alone: ${alone.seconds.toFixed(1)} s`);

    // Load starts first (connections warm), then the sync; the load goes on for --seconds or
    // until the sync ends, whichever is later.
    let syncing = false;
    let syncDone = false;
    const loadStarted = performance.now();
    const loading = runLoad(
      gateway.url,
      client.token,
      c,
      connections,
      () => !syncDone || performance.now() - loadStarted < seconds * 1000,
      () => syncing,
    );
    await new Promise((r) => setTimeout(r, 1000));
    syncing = true;
    const underLoad = await client.sync(db).finally(() => {
      syncing = false;
      syncDone = true;
    });
    const load = await loading;

    const after = await client.sync(db);

    // One client, one request at a time, nothing else running: what a request costs without queueing.
    const single = await runLoad(gateway.url, client.token, c, 1, ((end) => () => performance.now() < end)(performance.now() + 5000), () => false);

    const all = load.samples.map((s) => s.ms);
    console.log('');
    console.log(`load: ${load.seconds.toFixed(1)} s, ${(all.length + load.errors).toLocaleString('en-US')} requests, errors ${load.errors}, ${(all.length / load.seconds).toFixed(0)} req/s`);
    for (const e of load.firstErrors) console.log(`  error: ${e}`);
    console.log(latencyLine('all', all, load.seconds));
    console.log(latencyLine('while syncing', load.samples.filter((s) => s.duringSync).map((s) => s.ms)));
    console.log(latencyLine('after the sync', load.samples.filter((s) => !s.duringSync).map((s) => s.ms)));
    for (const kind of ['accounts', 'entitlements', 'grants', 'node', 'nodes'] as Kind[]) {
      console.log(latencyLine(`  ${kind}`, load.samples.filter((s) => s.kind === kind).map((s) => s.ms)));
    }
    console.log(latencyLine('one client, idle', single.samples.map((s) => s.ms), single.seconds));
    for (const kind of ['accounts', 'entitlements', 'grants', 'node', 'nodes'] as Kind[]) {
      console.log(latencyLine(`  ${kind}`, single.samples.filter((s) => s.kind === kind).map((s) => s.ms)));
    }
    const aloneAvg = (alone.seconds + after.seconds) / 2;
    console.log('');
    console.log(`full re-sync alone: ${alone.seconds.toFixed(1)} s before, ${after.seconds.toFixed(1)} s after; under load: ${underLoad.seconds.toFixed(1)} s (${(((underLoad.seconds - aloneAvg) / aloneAvg) * 100).toFixed(0)}% slower than alone)`);
    console.log(`(machine: ${(await import('node:os')).cpus().length} CPUs shared by Postgres, the simulator, the gateway and the load generator)`);
  } finally {
    await db.end();
    await gateway.stop();
    sim.stop();
    await target.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
