import { beforeAll, describe, expect, it } from 'vitest';
import { EXPIRY_JOB, withExpiryScheduling } from '../../src/access/expiry.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

const w = useWorld({ slack: { plan: 'pro', seed: 12, users: 60, userGroups: 4, channels: 3 } });

beforeAll(async () => {
  expect(await w.db.selectFrom('sync_runs').select('status').execute()).toEqual([{ status: 'SUCCEEDED' }]);
});

describe(`a direct time-bound grant (${backend})`, () => {
  it('queues the job that revokes it at its expiry, once', async () => {
    const group = [...w.sim.store.usergroups.values()].find((g) => g.dateDelete === 0);
    if (!group) throw new Error('fixture has no enabled group');
    const outsider = [...w.sim.store.users.values()].find((u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isInvitedUser && !u.isStranger && u.id !== 'USLACKBOT' && !group.users.has(u.id));
    if (!outsider) throw new Error('fixture has no eligible outsider');
    const entitlement = await w.db.selectFrom('entitlements').select('id').where('external_id', '=', `userGroup:${group.id}:member`).executeTakeFirstOrThrow();
    const account = await w.db.selectFrom('accounts').select('id').where('slack_id', '=', outsider.id).executeTakeFirstOrThrow();
    const service = withExpiryScheduling(w.provisioning, w.db);
    const expiresAt = new Date(Date.now() + 3_600_000);
    const input = { entitlementId: entitlement.id, accountId: account.id, actor: { apiClientId: 'test', label: 'test' }, source: 'DIRECT' as const, expiresAt };

    const first = await service.grant(input);
    expect(first.result).toBe('GRANTED');
    const again = await service.grant(input);
    expect(again.result).toBe('ALREADY_GRANTED');

    const jobs = await w.db.selectFrom('jobs').selectAll().where('kind', '=', EXPIRY_JOB).execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ grantId: first.grantId });
    expect(new Date(jobs[0]?.run_at as Date).getTime()).toBe(expiresAt.getTime());
  });
});
