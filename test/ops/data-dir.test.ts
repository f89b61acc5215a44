import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { adminToken, gql, killAll, serve, type ServeProcess } from './support.ts';

// The scenario of a newcomer on the embedded default, with `slackgate serve` running and CLI
// commands typed beside it: every command acts on the server's database, and the server sees
// each change at once. On Postgres the same commands, beside the same server, behave the same.

const BIN = new URL('../../bin/slackgate.js', import.meta.url).pathname;
const t = useTestDatabase();
let sim: RunningSimulator;
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sg-dd-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 13, users: 40, userGroups: 3, channels: 4 });
});
afterAll(async () => {
  killAll();
  await sim.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function slackgate(args: string[], env: Record<string, string | undefined>): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function token(url: string, id: string, secret: string): Promise<{ status: number; token?: string }> {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
  });
  const body = (await res.json()) as { access_token?: string };
  return { status: res.status, token: body.access_token };
}

const credentials = (out: string) => ({ id: /client_id:\s+(\S+)/.exec(out)?.[1] as string, secret: /client_secret:\s+(\S+)/.exec(out)?.[1] as string });

describe(`CLI commands beside a running server (${backend})`, () => {
  let server: ServeProcess;
  let url: string;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    const db = backend === 'postgres' ? { url: t.url as string } : { dataDir: await tempDir() };
    env = db.url ? { DATABASE_URL: db.url } : { SLACKGATE_DATA_DIR: db.dataDir };
    server = serve(sim, db, ['--sync-interval', '0']);
    url = await server.url();
  }, 90_000);

  it('a created client gets a token at once; a revoked one is refused on the next request and gets no new token', async () => {
    const created = await slackgate(['client', 'create', '--name', 'portal', '--scopes', 'read,sync'], env);
    expect(created.code, created.stderr).toBe(0);
    const { id, secret } = credentials(created.stdout);
    const issued = await token(url, id, secret);
    expect(issued.status).toBe(200);
    const viewer = await gql(url, issued.token as string, '{ viewer { clientId } }');
    expect(viewer.data?.viewer.clientId).toBe(id);

    const listed = await slackgate(['client', 'list'], env);
    expect(listed.stdout).toContain(id);

    const revoked = await slackgate(['client', 'revoke', id], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    const asClient = () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${issued.token}` },
        body: JSON.stringify({ query: '{ viewer { clientId } }' }),
      }).then((res) => res.status);
    // No new token, at once (read from the database).
    expect((await token(url, id, secret)).status).toBe(401);
    if (backend === 'pglite') {
      // Through the server's admin channel: the server revoked it itself; the next request is refused.
      expect(await asClient()).toBe(401);
    } else {
      // The revoking CLI commits on its own connection; the server hears it through LISTEN/NOTIFY,
      // milliseconds later (its remembered token is dropped then).
      const deadline = Date.now() + 2000;
      let status = await asClient();
      while (status !== 401 && Date.now() < deadline) status = await asClient();
      expect(status).toBe(401);
    }
  }, 90_000);

  it('rotating a secret ends the old secret and its tokens at once; the new secret gets a token', async () => {
    const { id, secret } = credentials((await slackgate(['client', 'create', '--name', 'ci', '--scopes', 'read'], env)).stdout);
    const old = await token(url, id, secret);
    expect(old.status).toBe(200);
    const rotated = await slackgate(['client', 'rotate', id], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    const fresh = credentials(rotated.stdout);
    expect(fresh.id).toBe(id);
    const refused = async () => (await gql(url, old.token as string, '{ viewer { clientId } }')).errors?.[0]?.message ?? '';
    // Through the embedded server at once; on Postgres once its LISTEN/NOTIFY delivers (ms).
    const deadline = Date.now() + (backend === 'pglite' ? 0 : 2000);
    let answer = await refused();
    while (!/invalid or expired token/.test(answer) && Date.now() < deadline) answer = await refused();
    expect(answer).toMatch(/invalid or expired token/);
    expect((await token(url, id, secret)).status).toBe(401);
    expect((await token(url, id, fresh.secret)).status).toBe(200);
  }, 90_000);

  it('sync runs on the server and shows its progress; export and migrate answer from its database', async () => {
    const synced = await slackgate(['sync'], env);
    expect(synced.code, synced.stderr).toBe(0);
    const summary = /^sync (\d+) succeeded: (\d+) accounts and (\d+) grants read/.exec(synced.stdout.trim());
    expect(summary, synced.stdout).not.toBeNull();
    const progress = synced.stderr.trim().split('\n');
    expect(progress.at(-1)).toMatch(/100% .*Slack calls/);
    expect(progress.at(-1)).toContain(`grants ${Number(summary?.[3]).toLocaleString('en-US')}`);
    // The run is the server's: its API knows it.
    const admin = await adminToken(url);
    const runs = await gql(url, admin, '{ syncRuns(first: 1) { edges { node { status requestedBy } } } }');
    expect(runs.data?.syncRuns.edges[0].node).toEqual({ status: 'SUCCEEDED', requestedBy: 'cli' });

    const exported = await slackgate(['export', 'grants', '--format', 'json'], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect((JSON.parse(exported.stdout) as { grants: unknown[] }).grants.length).toBeGreaterThan(10);
    expect(exported.stderr).toMatch(/^sha256 [0-9a-f]{64}/);

    const migrated = await slackgate(['migrate'], env);
    expect(migrated.stdout.trim()).toBe('database is up to date');
  }, 120_000);
});

describe.runIf(backend === 'pglite')('one owner per data directory', () => {
  it('a second server on the same directory is refused with one line naming the directory, the PID and what to do', async () => {
    const dir = await tempDir();
    const first = serve(sim, { dataDir: dir }, ['--sync-interval', '0']);
    const url = await first.url();
    const lock = JSON.parse(readFileSync(path.join(dir, 'slackgate.lock'), 'utf8')) as { pid: number; address: string; command: string };
    expect(lock).toMatchObject({ pid: first.child.pid, address: url, command: 'serve' });
    expect(statSync(path.join(dir, 'admin.sock')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);

    const second = serve(sim, { dataDir: dir });
    expect(await second.exited).toBe(2);
    const lines = second.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `slackgate: the data directory ${dir} is in use by slackgate serve (PID ${first.child.pid}, ${url}); stop it first, or give this server its own --data-dir (SLACKGATE_DATA_DIR); CLI commands work beside it`,
    );
    expect(await first.stop()).toBe(0);
    // Released on exit.
    expect(() => statSync(path.join(dir, 'slackgate.lock'))).toThrow();
  }, 120_000);

  it('a server killed with SIGKILL leaves a stale lock that the next start takes over, with the data intact', async () => {
    const dir = await tempDir();
    const first = serve(sim, { dataDir: dir }, ['--sync-interval', '0']);
    await first.url();
    const created = await slackgate(['client', 'create', '--name', 'survivor', '--scopes', 'read'], { SLACKGATE_DATA_DIR: dir });
    const { id, secret } = credentials(created.stdout);
    await first.stop('SIGKILL');
    expect(JSON.parse(readFileSync(path.join(dir, 'slackgate.lock'), 'utf8')).pid).toBe(first.child.pid);

    const next = serve(sim, { dataDir: dir }, ['--sync-interval', '0']);
    const url = await next.url();
    expect(JSON.parse(readFileSync(path.join(dir, 'slackgate.lock'), 'utf8')).pid).toBe(next.child.pid);
    expect((await token(url, id, secret)).status).toBe(200);
    expect(await next.stop()).toBe(0);
  }, 120_000);

  it('with no server running, CLI commands open the directory themselves and release it', async () => {
    const dir = await tempDir();
    const env = { SLACKGATE_DATA_DIR: dir };
    const created = await slackgate(['client', 'create', '--name', 'offline', '--scopes', 'read'], env);
    expect(created.code, created.stderr).toBe(0);
    const { id } = credentials(created.stdout);
    expect((await slackgate(['client', 'list'], env)).stdout).toContain(id);
    expect((await slackgate(['client', 'revoke', id], env)).code).toBe(0);
    expect((await slackgate(['client', 'list'], env)).stdout).toMatch(new RegExp(`${id}.*revoked`));
    expect(() => statSync(path.join(dir, 'slackgate.lock'))).toThrow();
    // A server started afterwards sees what the commands did.
    const s = serve(sim, { dataDir: dir }, ['--sync-interval', '0']);
    await s.url();
    expect((await slackgate(['client', 'list'], env)).stdout).toMatch(new RegExp(`${id}.*revoked`));
    expect(await s.stop()).toBe(0);
  }, 120_000);
});

describe(`rough errors in one line (${backend})`, () => {
  let busy: Server;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('a port in use names PORT and --port, without a stack trace', async () => {
    const port = (busy.address() as { port: number }).port;
    const db = backend === 'postgres' ? { DATABASE_URL: t.url } : { SLACKGATE_DATA_DIR: await tempDir() };
    const result = await slackgate(['serve', '--token', sim.tokens.bot, '--slack-api-url', sim.apiUrl, '--log-level', 'silent'], { ...db, PORT: String(port) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([`slackgate: port ${port} on 127.0.0.1 is already in use; set PORT (or --port) to a free port, or stop what listens there`]);
  }, 90_000);

  it.runIf(backend === 'postgres')('a database that does not exist names DATABASE_URL and how to create it', async () => {
    const missing = new URL(t.url as string);
    missing.pathname = '/slackgate_no_such_database';
    const result = await slackgate(['migrate'], { DATABASE_URL: missing.href });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'slackgate: cannot open the database: database "slackgate_no_such_database" does not exist; create it (createdb <name>) or point DATABASE_URL at an existing database',
    ]);
  });

  it('an unreachable database names DATABASE_URL and the fix', async () => {
    const result = await slackgate(['client', 'list'], { DATABASE_URL: 'postgres://nobody:pw-secret@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'slackgate: cannot open the database: nothing answers at 127.0.0.1:1 (connection refused); start Postgres there or fix DATABASE_URL (unset it to use the embedded database)',
    ]);
  });
});

