import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveCache } from '../../src/live/liveCache.ts';
import { driftOf } from '../../src/live/metrics.ts';
import { startSimulator, type EventEnvelope, type RunningSimulator, type User, type UserGroup } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';

// Enterprise Grid: an org admin adds a person to a workspace and removes them from another
// (Slack's team_join in the workspace joined; user_change whose enterprise_user.teams no longer
// lists the one left, with the member changes of that workspace's user groups). The cache
// follows from the events alone, and the next full sync finds nothing to fix.

const t = useTestDatabase();
let sim: RunningSimulator;
let engine: SyncEngine;
let live: LiveCache;

const syncNow = async () => engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);

beforeAll(async () => {
  sim = await startSimulator({ plan: 'grid', seed: 9, users: 60, workspaces: 2, userGroups: 4, idpGroups: 1, channels: 3 });
  engine = new SyncEngine({ database: t.database, connection: connectionFor(configFor(sim)), ssoEnabled: true, deletionThreshold: 0.9 });
  expect((await syncNow()).status).toBe('SUCCEEDED');
  live = new LiveCache({ db: t.db, pollMs: 60_000 });
  sim.events.enable({ socket: async (envelope: EventEnvelope) => ({ acked: (await live.accept(envelope as never)) !== 'ignored' }) });
});
afterAll(async () => {
  await live.stop();
  await engine.close();
  await sim.close();
});

async function holders(entitlementExternalId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('grants')
    .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
    .innerJoin('accounts', 'accounts.id', 'grants.account_id')
    .select('accounts.slack_id')
    .where('entitlements.external_id', '=', entitlementExternalId)
    .execute();
  return rows.map((r) => r.slack_id);
}

describe(`live cache on Enterprise Grid (${backend})`, () => {
  it('follows an org admin adding a person to one workspace and removing them from another; the next full sync finds 0 drift', async () => {
    const [a, b] = [...sim.store.workspaces.keys()] as [string, string];
    const person = [...sim.store.users.values()].find(
      (u) => !u.deleted && !u.isBot && !u.isRestricted && !u.isStranger && u.orgRole === 'member' && u.memberships.length === 1 && u.memberships[0]?.teamId === a && u.memberships[0]?.role === 'member',
    ) as User;
    expect(person, 'a member of workspace A only').toBeDefined();
    const group = [...sim.store.usergroups.values()].find((g) => g.teamId === a && g.dateDelete === 0 && !g.isIdpGroup) as UserGroup;
    sim.adminUi.addToGroup(group.id, [person.id]);
    sim.adminUi.assignToWorkspace(person.id, b);
    await sim.events.settled();
    await live.drain();
    expect(sim.events.sent.at(-1)?.event.type).toBe('team_join');
    expect(await holders(`workspace:${b}:member`)).toContain(person.id);
    expect(await holders(`userGroup:${group.id}:member`)).toContain(person.id);

    sim.adminUi.removeFromWorkspace(person.id, a);
    await sim.events.settled();
    await live.drain();
    const last = sim.events.sent.at(-1) as EventEnvelope;
    expect(last.event.type).toBe('user_change');
    expect((last.event.user as { enterprise_user: { teams: string[] } }).enterprise_user.teams).toEqual([b]);
    expect(await holders(`workspace:${a}:member`)).not.toContain(person.id);
    expect(await holders(`workspaceRole:${a}:member:assigned`)).not.toContain(person.id);
    expect(await holders(`userGroup:${group.id}:member`)).not.toContain(person.id);
    expect(await holders(`workspace:${b}:member`)).toContain(person.id);

    const run = await syncNow();
    expect(run.status).toBe('SUCCEEDED');
    expect(await t.db.selectFrom('sync_changes').select(['kind', 'external_id']).where('run_id', '=', run.id).execute()).toEqual([]);
    expect(driftOf(run.diff_summary)).toBe(0);
  });
});
