import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRY_JOB, withExpiryScheduling } from '../../src/access/expiry.ts';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';

const t = useTestDatabase();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'pro', seed: 12, users: 60, userGroups: 4, channels: 3 });
  const engine = new SyncEngine({ database: t.database, connection: connectionFor(configFor(sim)), ssoEnabled: false, deletionThreshold: 0.5 });
  expect((await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id)).status).toBe('SUCCEEDED');
  await engine.close();
});
afterAll(async () => {
  await sim.close();
});

describe(`a direct time-bound grant (${backend})`, () => {
  it('queues the job that revokes it at its expiry, once', async () => {
    const group = [...sim.store.usergroups.values()].find((g) => g.dateDelete === 0);
    if (!group) throw new Error('fixture has no enabled group');
    const outsider = [...sim.store.users.values()].find((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isInvitedUser && !u.isStranger && u.id !== 'USLACKBOT' && !group.users.has(u.id));
    if (!outsider) throw new Error('fixture has no eligible outsider');
    const entitlement = await t.db.selectFrom('entitlements').select('id').where('external_id', '=', `userGroup:${group.id}:member`).executeTakeFirstOrThrow();
    const account = await t.db.selectFrom('accounts').select('id').where('slack_id', '=', outsider.id).executeTakeFirstOrThrow();
    const service = withExpiryScheduling(createProvisioningService({ database: t.database, connection: connectionFor(configFor(sim)) }), t.db);
    const expiresAt = new Date(Date.now() + 3_600_000);
    const input = { entitlementId: entitlement.id, accountId: account.id, actor: { apiClientId: 'test', label: 'test' }, source: 'DIRECT' as const, expiresAt };

    const first = await service.grant(input);
    expect(first.result).toBe('GRANTED');
    const again = await service.grant(input);
    expect(again.result).toBe('ALREADY_GRANTED');

    const jobs = await t.db.selectFrom('jobs').selectAll().where('kind', '=', EXPIRY_JOB).execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ grantId: first.grantId });
    expect(new Date(jobs[0]?.run_at as Date).getTime()).toBe(expiresAt.getTime());
  });
});
