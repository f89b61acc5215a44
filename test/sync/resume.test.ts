import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
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

/** `slackgate sync` against the simulator in its own process, on the database `dbEnv` names. */
function startCliSync(dbEnv: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    [BIN, 'sync', '--token', sim.tokens.bot, '--business-plus-token', sim.tokens.admin, '--sso-enabled', '--slack-api-url', sim.apiUrl, '--scim-api-url', sim.scimUrl],
    { env: { PATH: process.env.PATH, ...dbEnv }, stdio: 'ignore' },
  );
  return { child, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

describe(`a sync killed mid-run (${backend})`, () => {
  it('resumes from its checkpoints on the next start and ends as if never interrupted', async () => {
    // Postgres: the test's own database. PGlite: a data directory both processes open in turn.
    const pg = backend === 'postgres' ? await openTestDatabase() : undefined;
    const dbEnv = pg ? { DATABASE_URL: pg.url as string } : { SLACKGATE_DATA_DIR: dir };
    // Channel member lists come slowly, so the kill lands in the middle of the grants phase.
    sim.control.inject('conversations.members', { kind: 'latency', ms: 500 }, 1000);
    const { child, exited } = startCliSync(dbEnv);

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

  it('a re-sync killed mid-run, its unchanged pages not all recorded yet, resumes and ends with nothing written', async () => {
    const pg = backend === 'postgres' ? await openTestDatabase() : undefined;
    const dataDir = pg ? undefined : await mkdtemp(path.join(tmpdir(), 'slackgate-resume-again-'));
    const dbEnv = pg ? { DATABASE_URL: pg.url as string } : { SLACKGATE_DATA_DIR: dataDir! };
    const open = async () => pg?.database ?? (await createDb({ dataDir: dataDir! }));
    const config = configFor(sim);
    try {
      let database = await open();
      await migrateToLatest(database.db);
      const first = new SyncEngine({ database, connection: connectionFor(config), ssoEnabled: true, deletionThreshold: 0.5 });
      expect((await first.waitFor((await first.start({ trigger: 'MANUAL' })).id)).status).toBe('SUCCEEDED');
      await first.close();
      const before = await database.db.selectFrom('grants').select(['id', 'external_id', 'updated_at']).orderBy('id').execute();
      const changesBefore = await database.db.selectFrom('access_changes').select('id').execute();
      const keysBefore = (await database.db.selectFrom('sync_pages').select('key').execute()).map((p) => p.key).sort();
      if (!pg) await database.close();

      // The re-sync finds every page as the last run read it, and is killed in its grants phase.
      const membersAtStart = sim.control.calls('conversations.members');
      sim.control.inject('conversations.members', { kind: 'latency', ms: 300 }, 1000);
      const { child, exited } = startCliSync(dbEnv);
      await until(async () => sim.control.calls('conversations.members') >= membersAtStart + 10, 'the re-sync to reach the grants phase');
      child.kill('SIGKILL');
      await exited;
      sim.control.clearFaults();

      database = await open();
      try {
        const interrupted = await database.db.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
        expect(interrupted.status).toBe('RUNNING');
        const engine = new SyncEngine({ database, connection: connectionFor(config), ssoEnabled: true, deletionThreshold: 0.5 });
        expect((await engine.resumeInterrupted())?.id).toBe(interrupted.id);
        const run = await engine.waitFor(interrupted.id);
        await engine.close();
        expect(run.status).toBe('SUCCEEDED');
        expect(run.diff_summary).toMatchObject({ accountsAdded: 0, accountsChanged: 0, grantsAdded: 0, grantsRemoved: 0 });
        // Every page is recorded for the run, each once: the next re-sync finds them all unchanged too.
        const pages = await database.db.selectFrom('sync_pages').select('key').where('run_id', '=', interrupted.id).execute();
        expect(pages.map((p) => p.key).sort()).toEqual(keysBefore);
        // Nothing was rewritten: the same grant rows, untouched, and no change recorded.
        expect(await database.db.selectFrom('grants').select(['id', 'external_id', 'updated_at']).orderBy('id').execute()).toEqual(before);
        expect(await database.db.selectFrom('access_changes').select('id').execute()).toEqual(changesBefore);
        const want = expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: false, botToken: sim.tokens.bot });
        expect([...(await cachedAccess(database.db)).grants].sort()).toEqual([...want.grants].sort());
      } finally {
        if (!pg) await database.close();
      }
    } finally {
      if (pg) await pg.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
