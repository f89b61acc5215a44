import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import type { SyncProgressEvent } from '../../src/sync/types.ts';
import { backend, openTestDatabase } from '../support/db.ts';
import { cachedAccess, configFor, connectionFor, expectedAccess } from '../support/slack.ts';

// Slack's minute shrunk to one second on both sides, so tier limits bite within a test.
const TIME_SCALE = 60;
const MINUTE_MS = 60_000 / TIME_SCALE;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'pro', seed: 21, users: 300, userGroups: 4, channels: 160, rateLimits: true, timeScale: TIME_SCALE });
});
afterAll(async () => {
  await sim.close();
});

async function syncWith(minuteMs: number, events?: SyncProgressEvent[]) {
  const t = await openTestDatabase();
  const engine = new SyncEngine({
    database: t.database,
    connection: connectionFor(configFor(sim), { minuteMs }),
    ssoEnabled: false,
    deletionThreshold: 0.5,
    publish: (e) => events?.push(e),
  });
  try {
    const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
    return { run, cached: await cachedAccess(t.db) };
  } finally {
    await engine.close();
    await t.drop();
  }
}

describe(`pacing against Slack's tiers (${backend})`, () => {
  it('spends the allowance without ever being told 429', async () => {
    sim.control.resetCalls();
    const { run, cached } = await syncWith(MINUTE_MS);
    expect(run.status).toBe('SUCCEEDED');
    // More calls than one minute's Tier 4 allowance went to one workspace's method…
    expect(sim.control.calls('conversations.members')).toBeGreaterThan(100);
    // …and Slack never had to refuse one.
    expect(sim.control.log().filter((c) => c.status === 429)).toEqual([]);
    expect(run.slack_rate_limited).toEqual({});
    const want = expectedAccess(sim.store, { scim: false, sso: false, enterpriseRoles: false, botToken: sim.tokens.bot });
    expect([...cached.grants].sort()).toEqual([...want.grants].sort());
  });

  it('publishes progress through every phase, ending with a complete SUCCEEDED event', async () => {
    await new Promise((r) => setTimeout(r, MINUTE_MS * 2));
    const events: SyncProgressEvent[] = [];
    const { run } = await syncWith(MINUTE_MS, events);
    const phases = [...new Set(events.map((e) => e.phase).filter(Boolean))];
    expect(phases).toEqual(['workspaces', 'accounts', 'resources', 'entitlements', 'grants', 'apply']);
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const last = events.at(-1);
    expect(last).toMatchObject({ runId: run.id, status: 'SUCCEEDED', percent: 100 });
    expect(last?.slackCalls).toBe(Object.values(run.slack_calls as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(JSON.stringify(events).length / events.length).toBeLessThan(8000);
  });
});
