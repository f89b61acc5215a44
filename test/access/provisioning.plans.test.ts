import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotGrantableError } from '../../src/access/errors.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { accountId, actor, cachedMembers, entitlementId, fullMembers, syncedOrg, type Org } from './provisioningSupport.ts';

const t = useTestDatabase();
let pro: Org;

beforeAll(async () => {
  pro = await syncedOrg(t.database, { plan: 'pro', seed: 9, users: 40, workspaces: 1, userGroups: 2, channels: 4 });
});
afterAll(async () => {
  await pro.sim.close();
});

describe(`plan awareness on Pro (${backend})`, () => {
  it('workspace roles and membership are not grantable: NotGrantableError with the reason, and no Slack call', async () => {
    const team = [...pro.sim.store.workspaces.keys()][0]!;
    const user = fullMembers(pro.sim, team)[2]!;
    pro.sim.control.resetCalls();
    for (const ext of [`workspaceRole:${team}:admin:assigned`, `workspace:${team}:member`]) {
      const outcome = await pro.service.grant({ entitlementId: await entitlementId(t.db, ext), accountId: await accountId(t.db, user.id), actor, source: 'DIRECT' });
      const error = outcome.errors[0] as NotGrantableError;
      expect(error).toBeInstanceOf(NotGrantableError);
      expect(error.reason).toMatch(/Enterprise Grid/);
    }
    expect(pro.sim.control.calls()).toBe(0);
  });

  it('user groups are grantable on every plan', async () => {
    const group = [...pro.sim.store.usergroups.values()].find((g) => g.dateDelete === 0)!;
    const user = fullMembers(pro.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const outcome = await pro.service.grant({ entitlementId: await entitlementId(t.db, `userGroup:${group.id}:member`), accountId: await accountId(t.db, user.id), actor, source: 'DIRECT' });
    expect(outcome.result).toBe('GRANTED');
    expect(await cachedMembers(t.db, `userGroup:${group.id}:member`)).toEqual([...group.users].sort());
  });
});
