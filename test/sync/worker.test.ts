import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SlackCallStats } from '../../src/slack/stats.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import type { SyncProgressEvent } from '../../src/sync/types.ts';
import { workerExecutor } from '../../src/sync/workerExecutor.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { cachedAccess, configFor, connectionFor, expectedAccess } from '../support/slack.ts';

// On Postgres the service runs each sync in a worker thread with its own pool (workerExecutor);
// PGlite lives in the process that opened it, so there syncs run in-process and this file has
// nothing to test.
const t = useTestDatabase();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'grid', seed: 5, users: 120, workspaces: 2, userGroups: 5, idpGroups: 2, channels: 12 });
});
afterAll(async () => {
  await sim.close();
});

describe.skipIf(backend !== 'postgres')(`a sync in a worker thread (${backend})`, () => {
  it("fills the cache as an in-process sync does, with progress and Slack calls reported to the parent, from the worker's own connections", async () => {
    const config = configFor(sim, { sso: true });
    const events: SyncProgressEvent[] = [];
    const stats = new SlackCallStats();
    const seenByPostgres = new Set<string>();
    const engine = new SyncEngine({
      database: t.database,
      connection: connectionFor(config),
      ssoEnabled: true,
      deletionThreshold: 0.5,
      executor: workerExecutor({
        database: t.database,
        databaseUrl: t.url!,
        slack: { ...config.slack, minuteMs: 0 },
        ssoEnabled: true,
        deletionThreshold: 0.5,
        log: { level: 'silent', format: 'json' },
        publish: (event) => events.push(event),
        stats,
      }),
    });
    const watching = setInterval(() => {
      void sql<{ application_name: string }>`select application_name from pg_stat_activity where datname = current_database()`
        .execute(t.db)
        .then(({ rows }) => rows.forEach((r) => seenByPostgres.add(r.application_name)))
        .catch(() => {});
    }, 20);
    const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id).finally(() => clearInterval(watching));
    await engine.close();

    expect(run.status).toBe('SUCCEEDED');
    const expected = expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: true, botToken: sim.tokens.bot });
    const cached = await cachedAccess(t.db);
    expect(cached.grants).toEqual(expected.grants);
    expect(cached.accounts.size).toBe(expected.accounts.size);
    expect(events.at(-1)).toMatchObject({ runId: run.id, status: 'SUCCEEDED', percent: 100 });
    expect(events.some((e) => e.phase === 'grants')).toBe(true);
    expect(stats.totalCalls).toBeGreaterThan(5);
    expect(stats.totalCalls).toBe(Object.values(run.slack_calls as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(seenByPostgres).toContain('slackgate-sync');
  });

  it('fails the run with the reason when the worker dies, rather than retrying it forever', async () => {
    const config = configFor(sim, { sso: true });
    const engine = new SyncEngine({
      database: t.database,
      connection: connectionFor(config),
      ssoEnabled: true,
      deletionThreshold: 0.5,
      // A database the worker cannot reach: its pool fails at the first statement.
      executor: workerExecutor({ database: t.database, databaseUrl: 'postgres://nobody@127.0.0.1:1/none', slack: config.slack, ssoEnabled: true, deletionThreshold: 0.5, log: { level: 'silent', format: 'json' } }),
    });
    const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
    await engine.close();
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/sync worker died/);
  });
});
