import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/createDb.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { cachedAccess, configFor, connectionFor, expectedAccess } from '../support/slack.ts';

const t = useTestDatabase();
let sim: RunningSimulator;
let engine: SyncEngine;

function newEngine(database = t.database): SyncEngine {
  const config = configFor(sim);
  return new SyncEngine({ database, connection: connectionFor(config), ssoEnabled: true, deletionThreshold: 0.5 });
}

async function syncNow(e = engine) {
  return e.waitFor((await e.start({ trigger: 'MANUAL' })).id);
}

function expected() {
  return expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: true, botToken: sim.tokens.bot });
}

async function expectCacheMatchesSlack(): Promise<void> {
  const want = expected();
  const got = await cachedAccess(t.db);
  expect(got.accounts).toEqual(want.accounts);
  expect([...got.grants].sort()).toEqual([...want.grants].sort());
}

beforeAll(async () => {
  sim = await startSimulator({ plan: 'grid', seed: 7, users: 2500, workspaces: 2, userGroups: 8, idpGroups: 3, channels: 6 });
  engine = newEngine();
});
afterAll(async () => {
  await engine.close();
  await sim.close();
});
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.setBehaviour({ shortPages: false });
  sim.control.resetCalls();
});

describe(`sync under Slack's failures (${backend})`, () => {
  it('rides out a storm of 429s, honouring Retry-After, and ends complete', async () => {
    sim.control.inject('users.list', { kind: 'rate_limited', retryAfter: 0 }, 6);
    sim.control.inject('conversations.members', { kind: 'rate_limited', retryAfter: 1 }, 2);
    sim.control.inject('usergroups.list', { kind: 'ratelimited_body' }, 1);
    sim.control.inject('scim.users.list', { kind: 'rate_limited', retryAfter: 0 }, 3);
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(run.slack_rate_limited).toMatchObject({ 'users.list': 6, 'conversations.members': 2, 'usergroups.list': 1, 'scim.users.list': 3 });
    await expectCacheMatchesSlack();
  });

  it('retries 5xx bursts with backoff and ends complete', async () => {
    sim.control.inject('usergroups.list', { kind: 'http_error', status: 503 }, 3);
    sim.control.inject('conversations.list', { kind: 'http_error', status: 500 }, 2);
    sim.control.inject('scim.groups.list', { kind: 'http_error', status: 502 }, 2);
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    await expectCacheMatchesSlack();
  });

  it('retries only the failing page, never the whole listing', async () => {
    sim.control.setBehaviour({ shortPages: true });
    sim.control.inject('users.list', { kind: 'http_error', status: 503 }, 2);
    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    const calls = sim.control.log('users.list');
    const pages = new Set(calls.filter((c) => c.status === 200).map((c) => `${String(c.args.team_id)}:${String(c.args.cursor ?? '')}`));
    // Every successful call read a different page; the two failures were the only repeats.
    expect(calls.filter((c) => c.status === 200)).toHaveLength(pages.size);
    expect(calls).toHaveLength(pages.size + 2);
    expect(pages.size).toBeGreaterThanOrEqual(4);
    await expectCacheMatchesSlack();
  });

  it('fails on invalid_auth mid-run and leaves the cache as it was', async () => {
    const before = await cachedAccess(t.db);
    // Slack changes meanwhile; the failed run must not apply any of it.
    const group = [...sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.users.size > 1);
    const leaving = [...(group?.users ?? [])][0] as string;
    group?.users.delete(leaving);
    sim.control.inject('conversations.members', { kind: 'slack_error', error: 'invalid_auth' }, 1);
    const run = await syncNow();
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/invalid_auth/);
    expect(run.error).not.toContain(sim.tokens.bot);
    const after = await cachedAccess(t.db);
    expect(after).toEqual(before);
    expect(after.grants).toContain(`userGroup:${group?.id}:member:user:${leaving}`);
    // The next run applies the change.
    expect((await syncNow()).status).toBe('SUCCEEDED');
    expect((await cachedAccess(t.db)).grants).not.toContain(`userGroup:${group?.id}:member:user:${leaving}`);
  });

  it('joins a second trigger to the running sync instead of starting another', async () => {
    const [a, b] = await Promise.all([engine.start({ trigger: 'MANUAL' }), engine.start({ trigger: 'SCHEDULE' })]);
    expect(b.id).toBe(a.id);
    const [ra, rb] = await Promise.all([engine.waitFor(a.id), engine.waitFor(b.id)]);
    expect(ra.status).toBe('SUCCEEDED');
    expect(rb.id).toBe(ra.id);
    expect(sim.control.calls('auth.teams.list')).toBe(1);
  });

  it('runs one sync at a time across replicas sharing the database', async () => {
    // A second "replica": its own engine and, on Postgres, its own connection pool.
    const other = t.url ? await createDb({ url: t.url, poolSize: 3 }) : undefined;
    const replica = newEngine(other ?? t.database);
    try {
      const [a, b] = await Promise.all([engine.start({ trigger: 'MANUAL' }), replica.start({ trigger: 'SCHEDULE' })]);
      expect(b.id).toBe(a.id);
      const [ra, rb] = await Promise.all([engine.waitFor(a.id), replica.waitFor(b.id)]);
      expect([ra.status, rb.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(sim.control.calls('auth.teams.list')).toBe(1);
      const active = await t.db.selectFrom('sync_runs').select('id').where('status', 'in', ['QUEUED', 'RUNNING']).execute();
      expect(active).toEqual([]);
    } finally {
      await replica.close();
      await other?.close();
    }
  });
});
