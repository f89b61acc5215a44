import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, openTestDatabase } from '../support/db.ts';
import { cachedAccess, configFor, connectionFor, expectedAccess } from '../support/slack.ts';

const BIN = new URL('../../bin/slackgate.js', import.meta.url).pathname;
let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 9, users: 300, userGroups: 6, idpGroups: 2, channels: 40 });
  dir = await mkdtemp(path.join(tmpdir(), 'slackgate-resume-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 60_000;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`a sync killed mid-run (${backend})`, () => {
  it('resumes from its checkpoints on the next start and ends as if never interrupted', async () => {
    // Postgres: the test's own database. PGlite: a data directory both processes open in turn.
    const pg = backend === 'postgres' ? await openTestDatabase() : undefined;
    const dbEnv = pg ? { DATABASE_URL: pg.url as string } : { SLACKGATE_DATA_DIR: dir };
    // Channel member lists come slowly, so the kill lands in the middle of the grants phase.
    sim.control.inject('conversations.members', { kind: 'latency', ms: 500 }, 1000);
    const child = spawn(
      process.execPath,
      [BIN, 'sync', '--token', sim.tokens.bot, '--business-plus-token', sim.tokens.admin, '--sso-enabled', '--slack-api-url', sim.apiUrl, '--scim-api-url', sim.scimUrl],
      { env: { PATH: process.env.PATH, ...dbEnv }, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));

    let watcher: Database | undefined = pg?.database;
    await until(async () => {
      if (!watcher) return sim.control.calls('conversations.members') >= 8;
      const done = await watcher.db.selectFrom('sync_checkpoints').select('task').where('task', 'like', 'members:%').where('done', '=', true).execute();
      return done.length >= 5;
    }, 'the sync to reach the grants phase');
    child.kill('SIGKILL');
    await exited;
    sim.control.clearFaults();
    const readBeforeKill = { users: sim.control.calls('users.list'), members: sim.control.calls('conversations.members') };
    expect(readBeforeKill.members).toBeLessThan(40);

    const database = pg?.database ?? (await createDb({ dataDir: dir }));
    watcher = database;
    try {
      const interrupted = await database.db.selectFrom('sync_runs').selectAll().executeTakeFirstOrThrow();
      expect(interrupted.status).toBe('RUNNING');
      expect(await database.db.selectFrom('grants').select('id').execute()).toEqual([]);

      const config = configFor(sim);
      const engine = new SyncEngine({ database, connection: connectionFor(config), ssoEnabled: true, deletionThreshold: 0.5 });
      const resumed = await engine.resumeInterrupted();
      expect(resumed?.id).toBe(interrupted.id);
      const run = await engine.waitFor(interrupted.id);
      await engine.close();
      expect(run.status).toBe('SUCCEEDED');
      // The accounts phase had finished before the kill: it was not read again.
      expect(sim.control.calls('users.list')).toBe(readBeforeKill.users);
      // Only the channels not yet read were read after the restart.
      const membersAfter = sim.control.calls('conversations.members') - readBeforeKill.members;
      expect(membersAfter).toBeLessThan(40);
      expect(membersAfter).toBeGreaterThan(0);

      const want = expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: false, botToken: sim.tokens.bot });
      const got = await cachedAccess(database.db);
      expect(got.accounts).toEqual(want.accounts);
      expect([...got.entitlements].sort()).toEqual([...want.entitlements].sort());
      expect([...got.grants].sort()).toEqual([...want.grants].sort());
    } finally {
      if (pg) await pg.drop();
      else await database.close();
    }
  }, 120_000);
});
