import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { ADMIN, killAll, serve } from './support.ts';

// GraphiQL in a real browser (Debian's chromium, installed by .ci/run) with every request to
// anything but 127.0.0.1 refused: the page must load, sign in, run a query and show its answer
// from what the server itself serves.

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
// In CI the browser is installed by .ci/run: a missing one is a failure there, not a skip.
const skip = !present && process.env.CI !== 'true';
if (skip) console.warn(`graphiql browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)`);

const t = useTestDatabase();
let sim: RunningSimulator;
let context: BrowserContext;
let profile: string;
const dirs: string[] = [];
/** Requests the page tried to send off this machine. */
const blocked: string[] = [];

beforeAll(async () => {
  if (skip) return;
  sim = await startSimulator({ plan: 'business-plus', seed: 7, users: 20, userGroups: 2, channels: 3 });
  profile = await mkdtemp(path.join(tmpdir(), 'sg-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  killAll();
  await sim?.close();
  for (const d of [profile, ...dirs]) if (d) await rm(d, { recursive: true, force: true });
});

async function runQuery(page: Page): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response');
  await expect.poll(async () => (await response.innerText()).replace(/\s+/g, ' '), { timeout: 20_000 }).toMatch(/"clientId"/);
  return (await response.innerText()).replace(/\s+/g, ' ');
}

describe.skipIf(skip)(`GraphiQL offline, in a browser (${backend})`, () => {
  it('loads from the server alone, signs in with a client id and secret, runs a query and shows the answer', async () => {
    const db = backend === 'postgres' ? { url: t.url as string } : { dataDir: await mkdtemp(path.join(tmpdir(), 'sg-giql-')) };
    if (db.dataDir) dirs.push(db.dataDir);
    const server = serve(sim, db, ['--sync-interval', '0']);
    const url = await server.url();
    const page = await context.newPage();
    await page.goto(`${url}/graphql`);
    await expect.poll(() => page.title()).toBe('slackgate GraphiQL');
    await page.locator('#sg-id').fill(ADMIN.id);
    await page.locator('#sg-secret').fill(ADMIN.secret);
    await page.locator('#sg-form button').click();
    await expect.poll(() => page.locator('#sg-status').innerText(), { timeout: 20_000 }).toBe(`Signed in as ${ADMIN.id}`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    const answer = await runQuery(page);
    expect(answer).toContain(`"clientId": "${ADMIN.id}"`);
    // A wrong secret is refused in one line on the page.
    await page.locator('#sg-out').click();
    await page.locator('#sg-id').fill(ADMIN.id);
    await page.locator('#sg-secret').fill('not-the-secret-at-all');
    await page.locator('#sg-form button').click();
    await expect.poll(() => page.locator('#sg-error').innerText()).toMatch(/wrong secret/);
    expect(blocked).toEqual([]);
    await page.close();
    await server.stop();
  }, 120_000);

  it.runIf(backend === 'pglite')('in demo mode the page is signed in with the demo client by itself', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-giql-demo-'));
    dirs.push(dir);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [new URL('../../bin/slackgate.js', import.meta.url).pathname, 'serve'], {
      env: { PATH: process.env.PATH, PORT: '0', SLACKGATE_DATA_DIR: dir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect.poll(() => /GraphQL API:\s+(\S+)\/graphql/.exec(out)?.[1], { timeout: 60_000 }).toBeDefined();
      const url = /GraphQL API:\s+(\S+)\/graphql/.exec(out)?.[1] as string;
      const page = await context.newPage();
      await page.goto(`${url}/graphql`);
      await expect.poll(() => page.locator('#sg-status').innerText(), { timeout: 20_000 }).toBe('Signed in as demo-admin');
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
      expect(await runQuery(page)).toContain('"clientId": "demo-admin"');
      expect(blocked).toEqual([]);
      await page.close();
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
