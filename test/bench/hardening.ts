// `npm run bench -- hardening [--accounts 50000] [--seconds 5]`
//
// The figures of the hardening issue, from the compiled gateway (`slackgate serve`, production
// mode) on Postgres, with its database behind a TCP proxy this process controls:
// 1. /oauth/token under a brute force: wrong secrets sent as fast as answered for `--seconds`;
//    how many reached the secret check per second (401) against how many were throttled (429);
//    and the time to answer a wrong secret for a known and an unknown client id (p50, side by side).
// 2. Recovery after a database outage: every connection cut and new ones refused for 5 s, then
//    the database back; the time until /readyz answers 200 and until a read succeeds again.
// 3. Fair share: a trivial query and /readyz, idle and while ten clients send the heaviest read
//    document the cost model allows (and, refused at once, the 100-alias one of the issue).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, Socket, type Server } from 'node:net';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { createClient } from '../../src/auth/clients.ts';
import { createDb } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { READ_COSTS } from '../../src/graphql/readCost.ts';
import { builtSlackgate, freshDatabase, spawnSimulator } from './support/processes.ts';

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** A TCP proxy to Postgres that can drop every connection and refuse new ones. */
function databaseProxy(target: URL): Promise<{ port: number; down(): void; up(): void; close(): void }> {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server: Server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    upstream.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as { port: number }).port,
        down: () => {
          refusing = true;
          for (const s of sockets) s.destroy();
        },
        up: () => {
          refusing = false;
        },
        close: () => {
          for (const s of sockets) s.destroy();
          server.close();
        },
      }),
    ),
  );
}

async function timed(f: () => Promise<Response>): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await f();
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

export default async function run(args: string[]): Promise<void> {
  const accounts = arg(args, 'accounts', 50_000);
  const seconds = arg(args, 'seconds', 5);
  console.log(`# hardening benchmark — ${accounts} accounts on Postgres behind a proxy; compiled gateway, production mode`);
  const sim = await spawnSimulator({ plan: 'business-plus', seed: 3, users: 50, userGroups: 3, idpGroups: 1, channels: 3 });
  const target = await freshDatabase('hardening');
  const children: ChildProcess[] = [];
  const proxy = await databaseProxy(new URL(target.url));
  try {
    const database = await createDb({ url: target.url });
    await migrateToLatest(database.db);
    const seed = new pg.Client({ connectionString: target.url });
    await seed.connect();
    await seed.query(
      `insert into accounts (external_id, slack_id, display_name, real_name, email)
       select 'user:U' || lpad(i::text, 7, '0'), 'U' || lpad(i::text, 7, '0'), 'person' || i, 'Person ' || i, 'person' || i || '@example.com'
       from generate_series(1, ${accounts}) i`,
    );
    await seed.query('analyze accounts');
    await seed.end();
    const { client: target401 } = await createClient(database.db, { name: 'brute-force target', scopes: ['read'], actor: { label: 'bench' } });
    await database.close();

    const viaProxy = new URL(target.url);
    viaProxy.port = String(proxy.port);
    viaProxy.hostname = '127.0.0.1';
    const secret = 'bench-secret-0123456789abcdef';
    const gateway = spawn(process.execPath, [builtSlackgate(), 'serve'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: viaProxy.href,
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
    const api = await new Promise<string>((resolve, reject) => {
      gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
      createInterface({ input: gateway.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        try {
          const o = JSON.parse(line) as { url?: string; msg?: string };
          if (o.url && String(o.msg).includes('serving')) resolve(o.url);
        } catch {
          // the demo banner or another non-JSON line
        }
      });
    });
    const tokenFor = async (clientId: string, clientSecret: string) =>
      fetch(`${api}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }) });
    const token = ((await (await tokenFor('bench', secret)).json()) as { access_token: string }).access_token;
    const gql = (query: string) => fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });

    // --- 1. the token endpoint under a brute force ---
    {
      const counts = { checked: 0, throttled: 0, other: 0 };
      const end = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: 10 }, async (_, w) => {
          for (let i = 0; Date.now() < end; i++) {
            const res = await tokenFor(target401.id, `sgs_guess_${w}_${i}`);
            await res.arrayBuffer();
            if (res.status === 401) counts.checked++;
            else if (res.status === 429) counts.throttled++;
            else counts.other++;
          }
        }),
      );
      console.log(
        `token endpoint, 10 workers, ${seconds} s: ${(counts.checked / seconds).toFixed(1)} guesses/s reached the secret check (401), ${(counts.throttled / seconds).toFixed(0)}/s answered 429, other ${counts.other}`,
      );
      // Timing of known and unknown ids, alternating, each id fresh (nothing throttled yet).
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 8; i++) {
        const { client } = await (async () => {
          const db = await createDb({ url: target.url, poolSize: 1 });
          try {
            return await createClient(db.db, { name: `timing-${i}`, scopes: ['read'], actor: { label: 'bench' } });
          } finally {
            await db.close();
          }
        })();
        known.push((await timed(() => tokenFor(client.id, 'sgs_wrong'))).ms);
        unknown.push((await timed(() => tokenFor(`sgc_nobody_${i}_${Date.now()}`, 'sgs_wrong'))).ms);
        await new Promise((r) => setTimeout(r, 1100)); // the address's failure bucket refills
      }
      console.log(`wrong secret, known client id p50 ${ms(percentile(known, 50))}, unknown client id p50 ${ms(percentile(unknown, 50))} (8 each, alternating)`);
    }

    // --- 3. fair share (before the outage, on a warm gateway) ---
    {
      const allowed = Math.floor(READ_COSTS.limit / (READ_COSTS.search + READ_COSTS.totalCount));
      const doc = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: accounts(first: 100, filter: { search: "person${i}1" }) { totalCount }`).join(' ')} }`;
      const probe = async () => {
        const trivial: number[] = [];
        const ready: number[] = [];
        for (let i = 0; i < 20; i++) {
          trivial.push((await timed(() => gql('{ viewer { clientId } }'))).ms);
          ready.push((await timed(() => fetch(`${api}/readyz`))).ms);
        }
        return { trivial, ready };
      };
      const idle = await probe();
      let running = true;
      const heavyTimes: number[] = [];
      let refused = 0;
      const heavy = Array.from({ length: 10 }, async (_, w) => {
        while (running) {
          const r = await timed(() => gql(doc(w === 0 ? 100 : allowed)));
          if (r.body.includes('QUERY_TOO_EXPENSIVE')) refused++;
          else heavyTimes.push(r.ms);
        }
      });
      await new Promise((r) => setTimeout(r, 500));
      const loaded = await probe();
      running = false;
      await Promise.all(heavy);
      console.log(`heaviest allowed read (${allowed} aliases of a searched totalCount over ${accounts} accounts): p50 ${ms(percentile(heavyTimes, 50))}; 100-alias document refused ${refused} times`);
      console.log(`trivial query: idle p50 ${ms(percentile(idle.trivial, 50))} p99 ${ms(percentile(idle.trivial, 99))}; under 9 heavy + 1 refused clients p50 ${ms(percentile(loaded.trivial, 50))} max ${ms(Math.max(...loaded.trivial))}`);
      console.log(`/readyz:       idle p50 ${ms(percentile(idle.ready, 50))} p99 ${ms(percentile(idle.ready, 99))}; under load p50 ${ms(percentile(loaded.ready, 50))} max ${ms(Math.max(...loaded.ready))}`);
    }

    // --- 2. recovery after a database outage ---
    {
      proxy.down();
      const downAt = performance.now();
      const during = await timed(() => gql('{ accounts(first: 1) { edges { node { slackId } } } }'));
      const readyDuring = await timed(() => fetch(`${api}/readyz`));
      await new Promise((r) => setTimeout(r, 5000 - (performance.now() - downAt)));
      proxy.up();
      const upAt = performance.now();
      let readyAt = 0;
      let readAt = 0;
      while (!readyAt || !readAt) {
        if (!readyAt && (await fetch(`${api}/readyz`)).status === 200) readyAt = performance.now();
        if (!readAt) {
          const r = await timed(() => gql('{ accounts(first: 1) { edges { node { slackId } } } }'));
          if (r.status === 200 && !r.body.includes('"errors"')) readAt = performance.now();
        }
        if (performance.now() - upAt > 60_000) throw new Error('no recovery within 60 s');
        await new Promise((r) => setTimeout(r, 20));
      }
      const answer = during.body.includes('"errors"') ? `an error (${(JSON.parse(during.body) as { errors: { extensions?: { code?: string } }[] }).errors[0]?.extensions?.code ?? 'no code'})` : 'data';
      console.log(`outage: a read answered HTTP ${during.status} with ${answer} in ${ms(during.ms)}, /readyz ${readyDuring.status}; process alive: ${gateway.exitCode === null}`);
      console.log(`after the database returned: /readyz 200 in ${ms(readyAt - upAt)}, first successful read in ${ms(readAt - upAt)}`);
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    sim.stop();
    proxy.close();
    await new Promise((r) => setTimeout(r, 500));
    await target.drop();
  }
}
