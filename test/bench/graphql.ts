// `npm run bench -- graphql [--users 50000] [--seconds 10]`
//
// The API under load on the sync benchmark's fixture (Grid, 5 workspaces, N users) in a real
// Postgres: a page of 100 grants with account, entitlement and resource, and an account search,
// at 1, 10 and 50 connections — and, in the same run, the same answers from one hand-written
// SQL join behind a bare node:http handler. The gateway, the baseline and the simulator each run
// in their own process; this one only generates load.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolveConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SlackConnection } from '../../src/slack/connection.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { loadSideBySide, type LoadResult } from './support/load.ts';
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
const TERMS = ['an', 'mar', 'lee', 'son', 'ko', 'el', 'ra'];

export default async function run(args: string[]): Promise<void> {
  const users = arg(args, 'users', 50_000);
  const seconds = arg(args, 'seconds', 10);
  console.log(`# graphql benchmark — ${users}-user Grid fixture on Postgres; ${seconds} s per measurement`);
  const sim = await spawnSimulator({ plan: 'grid', seed: 11, users, workspaces: 5, userGroups: 2000, idpGroups: 200, channels: 500 });
  const target = await freshDatabase('graphql');
  const children: ChildProcess[] = [];
  try {
    const database = await createDb({ url: target.url });
    await migrateToLatest(database.db);
    const config = resolveConfig({ token: sim.tokens.bot, businessPlusToken: sim.tokens.admin, enterpriseToken: sim.tokens.enterprise, ssoEnabled: true, slackApiUrl: sim.apiUrl, scimApiUrl: sim.scimUrl }, {});
    const engine = new SyncEngine({ database, connection: new SlackConnection({ slack: config.slack, minuteMs: 0 }), ssoEnabled: true, deletionThreshold: 0.5 });
    const synced = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
    await engine.close();
    await database.close();
    console.log(`fixture synced: ${synced.status}, ${JSON.stringify(synced.counts)}`);

    const secret = 'bench-secret-0123456789abcdef';
    const gateway = spawn(process.execPath, [builtSlackgate(), 'serve'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: target.url,
        PORT: '0',
        LOG_LEVEL: 'info',
        SLACKGATE_SYNC_INTERVAL: '0',
        SLACKGATE_TOKEN: sim.tokens.bot,
        SLACKGATE_SLACK_API_URL: sim.apiUrl,
        SLACKGATE_CLIENT_ID: 'bench',
        SLACKGATE_CLIENT_SECRET: secret,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(gateway);
    const ready = await firstJsonLine(gateway, (o) => typeof o.url === 'string' && String(o.msg ?? '').includes('serving'));
    // Past the start, the gateway's per-request log lines are drained, not parsed.
    gateway.stdout?.resume();
    const api = String(ready.url);
    const tokenRes = await fetch(`${api}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }) });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };

    const raw = spawn(process.execPath, ['--import', 'tsx', new URL('./support/raw-sql-server.ts', import.meta.url).pathname, target.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(raw);
    const rawUrl = String((await firstJsonLine(raw, (o) => typeof o.url === 'string')).url);

    const gql = (query: string, variables?: Record<string, unknown>) => ({
      url: `${api}/graphql`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const okGraphQL = (status: number, body: string) => status === 200 && !body.includes('"errors"');
    const okRaw = (status: number) => status === 200;
    const row = (label: string, r: LoadResult) =>
      console.log(`${label.padEnd(38)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}/${r.requests}`);

    const at50: Record<string, number> = {};
    for (const connections of [1, 10, 50]) {
      // GraphQL and its raw-SQL baseline take turns (5 of seconds/5 each), so the machine's drift
      // in speed falls on both alike.
      const [g, r] = await loadSideBySide(
        { connections, seconds, request: () => gql(GRANTS_PAGE), check: okGraphQL },
        { connections, seconds, request: () => ({ url: `${rawUrl}/grants` }), check: okRaw },
      );
      const [gs, rs] = await loadSideBySide(
        { connections, seconds, request: (i) => gql(SEARCH, { s: TERMS[i % TERMS.length] }), check: okGraphQL },
        { connections, seconds, request: (i) => ({ url: `${rawUrl}/accounts?search=${TERMS[i % TERMS.length]}` }), check: okRaw },
      );
      row(`grants page, GraphQL, ${connections} conn`, g);
      row(`grants page, raw SQL, ${connections} conn`, r);
      row(`account search, GraphQL, ${connections} conn`, gs);
      row(`account search, raw SQL, ${connections} conn`, rs);
      if (connections === 50) {
        at50.grants = g.rps / r.rps;
        at50.search = gs.rps / rs.rps;
      }
    }
    console.log(`GraphQL throughput as a share of the raw-SQL baseline at 50 connections: grants page ${(100 * (at50.grants ?? 0)).toFixed(0)}%, account search ${(100 * (at50.search ?? 0)).toFixed(0)}% (target ≥ 40%)`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    sim.stop();
    await new Promise((r) => setTimeout(r, 500));
    await target.drop();
  }
}
