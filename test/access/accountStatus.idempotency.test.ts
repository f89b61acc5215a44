import { describe, expect, it } from 'vitest';
import type { User } from '../../src/simulator/store.ts';
import { backend } from '../support/db.ts';
import { accountId, actor, fullMembers } from '../support/slackOrg.ts';
import { useWorld } from '../support/world.ts';

// setAccountStatus goes through the same idempotency path as grant and revoke: a retried call
// answers the first outcome without calling Slack, and a key reused for another account is refused.

const w = useWorld({ slack: { plan: 'grid', seed: 11, users: 30, workspaces: 1, userGroups: 1, idpGroups: 0, channels: 1 } });

describe(`setAccountStatus with an idempotency key (${backend})`, () => {
  it('replays the first outcome without calling Slack, and refuses the key for another account', async () => {
    const team = [...w.sim.store.workspaces.keys()][0]!;
    const [user, other] = fullMembers(w.sim, team).filter((u) => u.orgRole === 'member') as [User, User];
    const acc = await accountId(w.db, user.id);
    const first = await w.provisioning.setAccountStatus({ accountId: acc, status: 'DISABLED', actor, idempotencyKey: 'disable-once' });
    expect(first).toEqual({ result: 'DISABLED', errors: [] });
    expect(user.deleted).toBe(true);

    // Enabled again behind the gateway's back: a replay must not disable it a second time.
    user.deleted = false;
    w.sim.control.resetCalls();
    const replay = await w.provisioning.setAccountStatus({ accountId: acc, status: 'DISABLED', actor, idempotencyKey: 'disable-once' });
    expect(replay).toEqual({ result: 'DISABLED', errors: [] });
    expect(user.deleted).toBe(false);
    expect(w.sim.control.calls()).toBe(0);

    const reused = await w.provisioning.setAccountStatus({ accountId: await accountId(w.db, other.id), status: 'DISABLED', actor, idempotencyKey: 'disable-once' });
    expect(reused.result).toBeUndefined();
    expect(reused.errors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(other.deleted).toBe(false);

    const audit = await w.db
      .selectFrom('audit_events')
      .select(['outcome', 'error_code', 'details'])
      .where('action', '=', 'setAccountStatus')
      .where('account_external_id', 'in', [`user:${user.id}`, `user:${other.id}`])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.outcome, a.error_code])).toEqual([
      ['SUCCESS', null],
      ['NOOP', null],
      ['DENIED', 'IDEMPOTENCY_KEY_REUSED'],
    ]);
    expect((audit[1]!.details as { idempotentReplay?: boolean }).idempotentReplay).toBe(true);
  });
});

describe(`setAccountStatus with an idempotency key reused for the other status (${backend})`, () => {
  it('refuses the key with IDEMPOTENCY_KEY_REUSED and leaves the account as the first call set it', async () => {
    const team = [...org.sim.store.workspaces.keys()][0]!;
    const user = fullMembers(org.sim, team).filter((u) => u.orgRole === 'member')[2] as User;
    const acc = await accountId(t.db, user.id);
    const first = await org.service.setAccountStatus({ accountId: acc, status: 'DISABLED', actor, idempotencyKey: 'status-change' });
    expect(first).toEqual({ result: 'DISABLED', errors: [] });

    org.sim.control.resetCalls();
    const other = await org.service.setAccountStatus({ accountId: acc, status: 'ENABLED', actor, idempotencyKey: 'status-change' });
    expect(other.result).toBeUndefined();
    expect(other.errors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(user.deleted).toBe(true);
    expect(org.sim.control.calls()).toBe(0);
  });
});
