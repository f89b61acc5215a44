// `npm run bench -- graphql [--users 50000] [--seconds 10] [--connections 1,10,50] [--compare DIR]
//    [--only grants|search] [--warmup 5] [--database URL] [--keep-database]`
//
// The API under load on the sync benchmark's fixture (Grid, 5 workspaces, N users) in a real
// Postgres: a page of 100 grants with account, entitlement and resource, and an account search,
// at 1, 10 and 50 connections — and, in the same run, the same answers from PostGraphile v5 (the
// peer a team would point at the same tables instead) and from one hand-written SQL statement
// behind a bare node:http handler. First it checks that all three return the same rows. The
// three servers take turns within each measurement (5 rounds), so the shared machine's drift
// falls on all alike; each server's CPU per request is read from /proc. The gateway, the peer,
// the baseline and the simulator each run in their own process; this one only generates load.
//
// --compare DIR also serves the same requests from DIR/bin/slackgate.js (another checkout's build,
// e.g. main's) as a fourth server taking turns with the others: an A/B of two builds in one run.
// --keep-database leaves the synced fixture in place and prints its URL; --database URL measures
// on such a fixture without syncing again (and leaves it). --only measures one of the two reads.
// Before measuring, every server answers both reads for --warmup seconds (unmeasured).
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { resolveConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SlackConnection } from '../../src/slack/connection.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { load, loadInTurns, send, type LoadRequest, type LoadResult } from './support/load.ts';
import { builtSlackgate, freshDatabase, spawnSimulator } from './support/processes.ts';

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

async function firstJsonLine(child: ChildProcess, pick: (o: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      if (pick(o)) return o;
    } catch {
      // not a JSON line
    }
  }
  throw new Error('process ended before it was ready');
}

const GRANTS_PAGE = `{ grants(first: 100) { edges { node { externalId grantedAt
  account { slackId email displayName } entitlement { externalId displayName resource { displayName resourceType } } } } } }`;
const SEARCH = 'query ($s: String!) { accounts(first: 20, filter: { search: $s }) { edges { node { slackId email displayName } } } }';
// The same two reads in PostGraphile's generated schema (amber preset's names).
const PEER_GRANTS_PAGE = `{ grants: allGrants(first: 100, orderBy: PRIMARY_KEY_ASC) { edges { node { externalId grantedAt
  account: accountByAccountId { slackId email displayName }
  entitlement: entitlementByEntitlementId { externalId displayName resource: resourceByResourceId { displayName resourceType } } } } } }`;
const PEER_SEARCH = 'query ($s: String!) { accounts: benchSearchAccounts(s: $s, first: 20) { edges { node { slackId email displayName } } } }';
/**
 * PostGraphile's way to a search it does not generate: a SQL function (inlined by Postgres) with
 * slackgate's semantics (any name, username or email containing the term, or the exact Slack id).
 */
const PEER_SEARCH_FUNCTION = `
  create function bench_search_accounts(s text) returns setof accounts language sql stable as $$
    select * from accounts
    where display_name ilike '%' || s || '%' or real_name ilike '%' || s || '%' or email ilike '%' || s || '%'
      or username ilike '%' || s || '%' or slack_id = s
    order by id $$`;
const TERMS = ['an', 'mar', 'lee', 'son', 'ko', 'el', 'ra'];

/** The rows of an answer in one comparable form: timestamps as instants, enum values in lower case. */
function normalized(page: unknown): string {
  return JSON.stringify(page, (key, value: unknown) => {
    if (key === 'grantedAt' && typeof value === 'string') return Date.parse(value);
    if (key === 'resourceType' && typeof value === 'string') return value.toLowerCase().replace(/_/g, '');
    return value;
  });
}

type Server = 'slackgate' | 'compared build' | 'PostGraphile' | 'raw SQL';

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(', ');

export default async function run(args: string[]): Promise<void> {
  const users = arg(args, 'users', 50_000);
  const seconds = arg(args, 'seconds', 10);
  const connectionCounts = (args.includes('--connections') ? (args[args.indexOf('--connections') + 1] ?? '') : '1,10,50').split(',').map(Number);
  const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const compare = option('compare');
  const only = option('only');
  const existing = option('database');
  const keep = args.includes('--keep-database');
  console.log(`# graphql benchmark — ${users}-user Grid fixture on Postgres; ${seconds} s per measurement, ${compare ? 4 : 3} servers taking turns`);
  console.log(`load average at start: ${loadAverage()}`);
  const sim = existing ? undefined : await spawnSimulator({ plan: 'grid', seed: 11, users, workspaces: 5, userGroups: 2000, idpGroups: 200, channels: 500 });
  const target = existing ? { url: existing, drop: async () => {} } : await freshDatabase('graphql');
  const children: ChildProcess[] = [];
  try {
    if (sim) {
      const database = await createDb({ url: target.url });
      await migrateToLatest(database.db);
      const config = resolveConfig({ token: sim.tokens.bot, businessPlusToken: sim.tokens.admin, enterpriseToken: sim.tokens.enterprise, ssoEnabled: true, slackApiUrl: sim.apiUrl, scimApiUrl: sim.scimUrl }, {});
      const engine = new SyncEngine({ database, connection: new SlackConnection({ slack: config.slack, minuteMs: 0 }), ssoEnabled: true, deletionThreshold: 0.5 });
      const synced = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
      await engine.close();
      await database.close();
      console.log(`fixture synced: ${synced.status}, ${JSON.stringify(synced.counts)}`);
      const admin = new pg.Client({ connectionString: target.url });
      await admin.connect();
      await admin.query(PEER_SEARCH_FUNCTION);
      await admin.query('analyze');
      await admin.end();
      if (keep) console.log(`fixture kept: --database ${target.url}`);
    }

    const secret = 'bench-secret-0123456789abcdef';
    const startGateway = async (bin: string): Promise<{ api: string; pid: number | undefined }> => {
      const gateway = spawn(process.execPath, [bin, 'serve'], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: target.url,
          PORT: '0',
          LOG_LEVEL: 'info',
          SLACKGATE_SYNC_INTERVAL: '0',
          SLACKGATE_TOKEN: sim?.tokens.bot ?? 'xoxb-bench',
          SLACKGATE_SLACK_API_URL: sim?.apiUrl ?? 'http://127.0.0.1:9/api',
          SLACKGATE_CLIENT_ID: 'bench',
          SLACKGATE_CLIENT_SECRET: secret,
          // Throughput, not fair use, is measured: the load comes from one API client, whose default
          // query-cost budget (1,000,000 a minute) would answer 429s within seconds. PostGraphile has none.
          SLACKGATE_DEFAULT_COST_BUDGET: '1000000000000',
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(gateway);
      const ready = await firstJsonLine(gateway, (o) => typeof o.url === 'string' && String(o.msg ?? '').includes('serving'));
      // Past the start, the gateway's per-request log lines are drained, not parsed.
      gateway.stdout?.resume();
      return { api: String(ready.url), pid: gateway.pid };
    };
    const gateway = await startGateway(builtSlackgate());
    const compared = compare ? await startGateway(join(compare, 'bin/slackgate.js')) : undefined;
    const api = gateway.api;
    const tokenRes = await fetch(`${api}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }) });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };

    const raw = spawn(process.execPath, ['--import', 'tsx', new URL('./support/raw-sql-server.ts', import.meta.url).pathname, target.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(raw);
    const rawUrl = String((await firstJsonLine(raw, (o) => typeof o.url === 'string')).url);

    const peer = spawn(
      process.execPath,
      ['--import', new URL('./support/with-resolvers.mjs', import.meta.url).pathname, '--import', 'tsx', new URL('./support/postgraphile-server.ts', import.meta.url).pathname, target.url],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
    );
    children.push(peer);
    const peerUrl = String((await firstJsonLine(peer, (o) => typeof o.url === 'string')).url);

    const gql = (url: string, auth: boolean, query: string, variables?: Record<string, unknown>): LoadRequest => ({
      url,
      method: 'POST' as const,
      headers: auth ? { 'content-type': 'application/json', authorization: `Bearer ${token}` } : { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const comparedApi = compared?.api ?? '';
    const requests: Record<'grants' | 'search', Record<Server, (i: number) => LoadRequest>> = {
      grants: {
        slackgate: () => gql(`${api}/graphql`, true, GRANTS_PAGE),
        'compared build': () => gql(`${comparedApi}/graphql`, true, GRANTS_PAGE),
        PostGraphile: () => gql(`${peerUrl}/graphql`, false, PEER_GRANTS_PAGE),
        'raw SQL': () => ({ url: `${rawUrl}/grants` }),
      },
      search: {
        slackgate: (i) => gql(`${api}/graphql`, true, SEARCH, { s: TERMS[i % TERMS.length] }),
        'compared build': (i) => gql(`${comparedApi}/graphql`, true, SEARCH, { s: TERMS[i % TERMS.length] }),
        PostGraphile: (i) => gql(`${peerUrl}/graphql`, false, PEER_SEARCH, { s: TERMS[i % TERMS.length] }),
        'raw SQL': (i) => ({ url: `${rawUrl}/accounts?search=${TERMS[i % TERMS.length]}` }),
      },
    };
    const servers: Server[] = compared ? ['slackgate', 'compared build', 'PostGraphile', 'raw SQL'] : ['slackgate', 'PostGraphile', 'raw SQL'];
    const pids: Record<Server, number | undefined> = { slackgate: gateway.pid, 'compared build': compared?.pid, PostGraphile: peer.pid, 'raw SQL': raw.pid };

    // The same rows from all three, for every search term and the grants page.
    const agent = new Agent({ keepAlive: true });
    const rowsOf = (server: Server, body: string, field: 'grants' | 'accounts'): string => {
      const answer = JSON.parse(body) as { data: Record<string, { edges: { node: unknown }[] }> | unknown[] };
      const page = server === 'raw SQL' ? (answer.data as unknown[]) : (answer.data as Record<string, { edges: { node: unknown }[] }>)[field]!.edges.map((e) => e.node);
      return normalized(page);
    };
    for (const [kind, field, count] of [['grants', 'grants', 1], ['search', 'accounts', TERMS.length]] as const) {
      for (let i = 0; i < count; i++) {
        const answers = await Promise.all(servers.map(async (s) => rowsOf(s, (await send(agent, requests[kind][s](i))).body, field)));
        if (answers.some((a) => a !== answers[0])) {
          throw new Error(`${kind} #${i}: the servers disagree:\n${servers.map((s, j) => `${s}: ${answers[j]!.slice(0, 300)}`).join('\n')}`);
        }
        if ((JSON.parse(answers[0]!) as unknown[]).length === 0) throw new Error(`${kind} #${i}: no rows to compare`);
      }
    }
    agent.destroy();
    console.log(`same rows from all ${servers.length} servers: the grants page and ${TERMS.length} account searches`);

    const okGraphQL = (status: number, body: string) => status === 200 && !body.includes('"errors"');
    const okRaw = (status: number) => status === 200;
    const row = (label: string, r: LoadResult) =>
      console.log(
        `${label.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   CPU ${(r.cpuMsPerRequest ?? NaN).toFixed(2).padStart(5)} ms/req   errors ${r.errors}/${r.requests}`,
      );

    // Each server first answers both reads for a while, unmeasured: what is measured is a warm
    // process (documents compiled, code optimised, pools and caches filled), not its start.
    const warmup = arg(args, 'warmup', 5);
    for (const kind of ['grants', 'search'] as const) {
      for (const s of servers) await load({ connections: 10, seconds: warmup, request: requests[kind][s], check: () => true });
    }
    console.log(`warmed up: ${warmup} s of each read at 10 connections per server`);

    const ratios: string[] = [];
    let lowest = Infinity;
    for (const connections of connectionCounts) {
      for (const [kind, label] of [['grants', 'grants page'], ['search', 'account search']] as const) {
        if (only !== undefined && only !== kind) continue;
        const results = await loadInTurns(
          servers.map((s) => ({ connections, seconds, request: requests[kind][s], check: s === 'raw SQL' ? okRaw : okGraphQL, pid: pids[s] })),
        );
        servers.forEach((s, j) => row(`${label}, ${s}, ${connections} conn`, results[j]!));
        const of = (s: Server) => results[servers.indexOf(s)]!;
        const sg = of('slackgate');
        const ratio = sg.rps / of('PostGraphile').rps;
        lowest = Math.min(lowest, ratio);
        const ab = compared ? `, this build/compared build ${(sg.rps / of('compared build').rps).toFixed(2)}x (CPU ${(sg.cpuMsPerRequest ?? NaN).toFixed(2)} vs ${(of('compared build').cpuMsPerRequest ?? NaN).toFixed(2)} ms/req)` : '';
        ratios.push(`${label} ${connections} conn: slackgate/PostGraphile ${ratio.toFixed(2)}x, slackgate/raw SQL ${(100 * (sg.rps / of('raw SQL').rps)).toFixed(0)}%${ab}`);
      }
    }
    console.log('');
    for (const r of ratios) console.log(r);
    console.log(`slackgate/PostGraphile lowest ratio: ${lowest.toFixed(2)}x`);
    console.log(`load average at end: ${loadAverage()}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    sim?.stop();
    await new Promise((r) => setTimeout(r, 500));
    if (!keep) await target.drop();
  }
}
