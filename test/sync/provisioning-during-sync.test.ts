import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';

const t = useTestDatabase();
let sim: RunningSimulator;
let engine: SyncEngine;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'pro', seed: 31, users: 120, userGroups: 6, channels: 12 });
  engine = new SyncEngine({ database: t.database, connection: connectionFor(configFor(sim)), ssoEnabled: false, deletionThreshold: 0.5 });
  expect((await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id)).status).toBe('SUCCEEDED');
});
afterAll(async () => {
  await engine.close();
  await sim.close();
});

describe(`a grant or revoke made while a sync runs (${backend})`, () => {
  it('is not undone by the sync that read Slack before it', async () => {
    const group = [...sim.store.usergroups.values()].find((g) => g.dateDelete === 0 && g.users.size >= 3);
    if (!group) throw new Error('fixture has no group with members');
    const member = [...group.users][0] as string;
    const entitlement = await t.db.selectFrom('entitlements').select('id').where('external_id', '=', `userGroup:${group.id}:member`).executeTakeFirstOrThrow();
    const account = await t.db.selectFrom('accounts').select('id').where('slack_id', '=', member).executeTakeFirstOrThrow();

    // The sync reads user groups early and channel members slowly; the revoke lands in between.
    sim.control.resetCalls();
    sim.control.inject('conversations.members', { kind: 'latency', ms: 300 }, 100);
    const run = await engine.start({ trigger: 'MANUAL' });
    while (sim.control.calls('conversations.members') === 0) await new Promise((r) => setTimeout(r, 20));
    const provisioning = createProvisioningService({ database: t.database, connection: connectionFor(configFor(sim)) });
    const outcome = await provisioning.revoke({ entitlementId: entitlement.id, accountId: account.id, actor: { apiClientId: 'test', label: 'test' } });
    expect(outcome.errors).toEqual([]);
    expect(outcome.result).toBe('REVOKED');
    expect(group.users.has(member)).toBe(false);

    const done = await engine.waitFor(run.id);
    sim.control.clearFaults();
    expect(done.status).toBe('SUCCEEDED');
    const grant = await t.db.selectFrom('grants').select('id').where('external_id', '=', `userGroup:${group.id}:member:user:${member}`).executeTakeFirst();
    expect(grant).toBeUndefined();
  });
});
