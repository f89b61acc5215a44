import { describe, expect, it } from 'vitest';
import { NotGrantableError } from '../../src/access/errors.ts';
import { backend } from '../support/db.ts';
import { accountId, actor, cachedMembers, entitlementId, fullMembers } from '../support/slackOrg.ts';
import { useWorld } from '../support/world.ts';

const pro = useWorld({ slack: { plan: 'pro', seed: 9, users: 40, workspaces: 1, userGroups: 2, channels: 4 } });

describe(`plan awareness on Pro (${backend})`, () => {
  it('workspace roles and membership are not grantable: NotGrantableError with the reason, and no Slack call', async () => {
    const team = [...pro.sim.store.workspaces.keys()][0]!;
    const user = fullMembers(pro.sim, team)[2]!;
    pro.sim.control.resetCalls();
    for (const ext of [`workspaceRole:${team}:admin:assigned`, `workspace:${team}:member`]) {
      const outcome = await pro.provisioning.grant({ entitlementId: await entitlementId(pro.db, ext), accountId: await accountId(pro.db, user.id), actor, source: 'DIRECT' });
      const error = outcome.errors[0] as NotGrantableError;
      expect(error).toBeInstanceOf(NotGrantableError);
      expect(error.reason).toMatch(/Enterprise Grid/);
    }
    expect(pro.sim.control.calls()).toBe(0);
  });

  it('user groups are grantable on every plan', async () => {
    const group = [...pro.sim.store.usergroups.values()].find((g) => g.dateDelete === 0)!;
    const user = fullMembers(pro.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const outcome = await pro.provisioning.grant({ entitlementId: await entitlementId(pro.db, `userGroup:${group.id}:member`), accountId: await accountId(pro.db, user.id), actor, source: 'DIRECT' });
    expect(outcome.result).toBe('GRANTED');
    expect(await cachedMembers(pro.db, `userGroup:${group.id}:member`)).toEqual([...group.users].sort());
  });
});
