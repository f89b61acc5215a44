import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackgateClient, SyncRunsDocument } from '../../src/client/index.ts';
import { backend, useTestDatabase } from '../support/db.ts';

// The examples under examples/ run as an internal tool's author runs them: separate processes,
// importing slackgate/client, against `slackgate serve` in demo mode (no Slack token).
const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/slackgate.js');
const DEMO = { id: 'examples-admin', secret: 'examples-admin-secret-0123456789' };

const t = useTestDatabase();
let serve: ChildProcess;
let dataDir: string | undefined;
let url: string;

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  dataDir = backend === 'pglite' ? await mkdtemp(join(tmpdir(), 'slackgate-examples-')) : undefined;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...(t.url ? { DATABASE_URL: t.url } : { SLACKGATE_DATA_DIR: dataDir }) };
  serve = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--client-id', DEMO.id, '--client-secret', DEMO.secret, '--log-format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  serve.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  serve.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  url = await until('the demo gateway to listen', async () => /"url":"(http:\/\/[^"]+)"/.exec(out)?.[1]);
  const client = new SlackgateClient({ url, clientId: DEMO.id, clientSecret: DEMO.secret });
  // Demo mode syncs its simulated organization at start.
  await until('the demo sync', async () => ((await client.request(SyncRunsDocument, { status: ['SUCCEEDED'] })).syncRuns.totalCount > 0 ? true : undefined));
}, 120_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs an example the way its header says (tsx), with the client resolved to the sources. */
function example(name: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=slackgate-source', '--import', 'tsx', join(ROOT, 'examples', `${name}.ts`), ...args],
      { env: { PATH: process.env.PATH, SLACKGATE_URL: url, SLACKGATE_CLIENT_ID: DEMO.id, SLACKGATE_CLIENT_SECRET: DEMO.secret }, cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe(`examples against demo mode (${backend})`, () => {
  it('who-has-access writes one CSV line per member of a channel', async () => {
    const client = new SlackgateClient({ url, clientId: DEMO.id, clientSecret: DEMO.secret });
    const channels = [];
    for await (const e of client.entitlements({ resourceType: ['CHANNEL'] })) channels.push(e);
    const channel = channels[0];
    expect(channel).toBeDefined();
    const expected = [];
    for await (const g of client.grants({ entitlementId: channel?.externalId })) expected.push(g.account.slackId);

    const { code, stdout, stderr } = await example('who-has-access', [channel?.resource.externalId as string]);
    expect(stderr).toContain(`${expected.length} grant(s) on ${channel?.externalId}`);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('entitlement,slack_id,email,name,account_status,source,granted_at,expires_at');
    expect(lines.slice(1).map((l) => l.split(',')[1]).sort()).toEqual([...expected].sort());
  });

  it('offboard lists what it would revoke in a dry run, then revokes it with --apply', async () => {
    const client = new SlackgateClient({ url, clientId: DEMO.id, clientSecret: DEMO.secret });
    // Someone in user groups or channels, named by email.
    let person: { email: string; revocable: number } | undefined;
    for await (const account of client.accounts({ status: ['ENABLED'], type: ['HUMAN'], isGuest: false })) {
      if (!account.email) continue;
      let revocable = 0;
      for await (const g of client.grants({ accountId: account.email })) if (g.entitlement.grantable && g.entitlement.resource.resourceType !== 'WORKSPACE') revocable++;
      if (revocable >= 2) {
        person = { email: account.email, revocable };
        break;
      }
    }
    expect(person).toBeDefined();
    const email = person?.email as string;

    const dry = await example('offboard', [email]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: nothing was changed');
    const wouldRevoke = dry.stdout.split('\n').filter((l) => l.includes('would revoke'));
    expect(wouldRevoke.length).toBeGreaterThanOrEqual(person?.revocable as number);

    const applied = await example('offboard', [email, '--apply']);
    expect(applied.stdout).not.toContain('dry run');
    const revoked = applied.stdout.split('\n').filter((l) => /^\s+(revoked|already gone) /.test(l));
    const failed = applied.stdout.split('\n').filter((l) => l.includes('FAILED'));
    expect(revoked.length + failed.length).toBe(wouldRevoke.length);
    expect(revoked.length).toBeGreaterThanOrEqual(1);
    // What was revoked is gone from the gateway's answer too.
    const left = [];
    for await (const g of client.grants({ accountId: email })) left.push(g.entitlement.externalId);
    for (const line of revoked) expect(left).not.toContain(line.trim().split(' ').at(-1));
  });

  it('follow-sync starts a sync and prints its progress until it succeeds', async () => {
    const { code, stdout } = await example('follow-sync', ['--start']);
    expect(stdout).toMatch(/^started sync /);
    expect(stdout).toMatch(/ RUNNING /);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('sync ended: SUCCEEDED');
    expect(code).toBe(0);
  });
});
