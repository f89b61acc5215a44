import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/slackgate.js', import.meta.url).pathname;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function serve(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { PATH: process.env.PATH, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('slackgate serve', () => {
  it('without a Slack token, serves a synced demo organization and says so', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'slackgate-demo-'));
    dirs.push(dir);
    const s = serve({ SLACKGATE_DATA_DIR: dir, LOG_FORMAT: 'json' });
    const banner = await until(() => /secret (demo-\S+)[\s\S]*?(http:\/\/127\.0\.0\.1:\d+)\/oauth\/token/.exec(s.output()) ?? undefined, 'the demo banner');
    expect(s.output()).toContain('DEMO MODE');
    expect(s.output()).toMatch(/SIMULATED Slack/);
    const [, secret, base] = banner as unknown as [string, string, string];
    const tokenRes = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`demo-admin:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const query = async () => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ connector { plan } accounts(first: 1) { totalCount } syncRuns(first: 1) { edges { node { status } } } }' }),
      });
      return (await res.json()) as { data: { connector: { plan: string }; accounts: { totalCount: number }; syncRuns: { edges: { node: { status: string } }[] } } };
    };
    const synced = await until(async () => {
      const r = await query();
      return r.data.syncRuns.edges[0]?.node.status === 'SUCCEEDED' ? r : undefined;
    }, 'the first sync');
    expect(synced.data.connector.plan).toBe('grid');
    expect(synced.data.accounts.totalCount).toBeGreaterThan(30);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('refuses demo mode in production with one line naming the setting', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'slackgate-prod-'));
    dirs.push(dir);
    const s = serve({ SLACKGATE_DATA_DIR: dir, NODE_ENV: 'production' });
    expect(await s.exited).toBe(2);
    const lines = s.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--token \(SLACKGATE_TOKEN\) is required with NODE_ENV=production/);
  });
});
