import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/slackgate.js', import.meta.url).pathname;
let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'pro', seed: 4, users: 80, userGroups: 4, channels: 4 });
  dir = await mkdtemp(path.join(tmpdir(), 'slackgate-sync-cli-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function slackgate(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, SLACKGATE_DATA_DIR: dir, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('slackgate sync', () => {
  it('runs one full sync, shows progress lines when not on a terminal, and exits 0 with a summary', async () => {
    const result = await slackgate(['sync'], { SLACKGATE_TOKEN: sim.tokens.bot, SLACKGATE_SLACK_API_URL: sim.apiUrl });
    expect(result.code).toBe(0);
    const summary = /^sync 1 succeeded: (\d+) accounts and (\d+) grants read, (\d+) grants added, 0 removed$/.exec(result.stdout.trim());
    expect(summary).not.toBeNull();
    const progress = result.stderr.trim().split('\n');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatch(/100% .*Slack calls/);
    // The bar ends on the numbers the summary prints (derived grants included).
    const [, accounts, grantsRead, grantsAdded] = summary as unknown as string[];
    expect(progress.at(-1)).toContain(`accounts ${Number(accounts).toLocaleString('en-US')}`);
    expect(progress.at(-1)).toContain(`grants ${Number(grantsRead).toLocaleString('en-US')}`);
    expect(grantsAdded).toBe(grantsRead);
    expect(result.stderr + result.stdout).not.toContain(sim.tokens.bot);
  }, 90_000);

  it('exits 1 with one line when Slack rejects the token', async () => {
    const result = await slackgate(['sync'], { SLACKGATE_TOKEN: 'xoxb-not-a-real-token', SLACKGATE_SLACK_API_URL: sim.apiUrl });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^slackgate: sync \d+ failed: .*invalid_auth/);
    expect(result.stderr).not.toContain('xoxb-not-a-real-token');
  }, 90_000);

  it('without a token (outside production) syncs the demo organization, saying so in one line', async () => {
    const demoDir = await mkdtemp(path.join(tmpdir(), 'slackgate-sync-demo-'));
    try {
      const result = await run(process.execPath, [BIN, 'sync'], { env: { PATH: process.env.PATH, SLACKGATE_DATA_DIR: demoDir }, timeout: 60_000 });
      expect(result.stderr.split('\n')[0]).toBe('no Slack token: syncing the simulated demo organization (set SLACKGATE_TOKEN to sync yours)');
      expect(result.stderr).toMatch(/100% .*Slack calls/);
      expect(result.stdout.trim()).toMatch(/^sync 1 succeeded: \d+ accounts and \d+ grants read/);
    } finally {
      await rm(demoDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('exits 2 without a token in production, naming the setting', async () => {
    const result = await slackgate(['sync'], { NODE_ENV: 'production' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('slackgate: sync needs a Slack bot token: set --token or SLACKGATE_TOKEN');
  }, 90_000);
});
