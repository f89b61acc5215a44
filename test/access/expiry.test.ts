import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateEntitlementPolicy, workspaceAdminsOf } from '../../src/access/policies.ts';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { createGovernance, type Governance } from '../../src/access/governance.ts';
import { backend } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';
import { useWorld } from '../support/world.ts';

// Two gateway processes share the database: each has its own pool (on Postgres), its own Slack
// connection, provisioning service and jobs worker. Both look for due expiries at the same moment.

const w = useWorld({ slack: { plan: 'business-plus', seed: 21, users: 60, userGroups: 14, idpGroups: 0, channels: 2 } });
let nowMs = Date.now();
const now = () => new Date(nowMs);
let first: Governance;
let second: Governance;
let secondDb: Database | undefined;
const api = { apiClientId: 'test-client' };

function process(database: Database): Governance {
  const connection = connectionFor(configFor(w.sim));
  return createGovernance({ db: database.db, provisioning: createProvisioningService({ database, connection }), connection, now, workerId: `replica-${Math.random()}` });
}

beforeAll(async () => {
  secondDb = w.databaseUrl ? await createDb({ url: w.databaseUrl, poolSize: 4 }) : undefined;
  first = process(w.database);
  second = process(secondDb ?? w.database);
});

afterAll(async () => {
  await secondDb?.close();
});

/** Grants `count` one-hour requests, each in a different user group, approved by a workspace admin. */
async function grantTimeBound(gov: Governance, count: number): Promise<{ requestId: number; group: string; user: string }[]> {
  const groups = [...w.sim.store.usergroups.values()].filter((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size >= 2);
  const accounts = await w.db
    .selectFrom('accounts')
    .select(['id', 'slack_id'])
    .where('type', '=', 'HUMAN')
    .where('status', '=', 'ENABLED')
    .where('is_guest', '=', false)
    .where('is_admin', '=', false)
    .where('is_owner', '=', false)
    .where('is_invited', '=', false)
    .orderBy('id')
    .execute();
  const granted: { requestId: number; group: string; user: string }[] = [];
  for (const g of groups) {
    if (granted.length === count) break;
    const ent = await w.db.selectFrom('entitlements').select('id').where('external_id', '=', `userGroup:${g.id}:member`).executeTakeFirstOrThrow();
    await updateEntitlementPolicy(w.db, { entitlementId: ent.id, change: { requestable: true, maxDuration: 'PT1H' }, actor: api, now: now() });
    const approverId = (await workspaceAdminsOf(w.db, [ent.id])).get(ent.id)?.[0] as number;
    const member = accounts.find((a) => !g.users.has(a.slack_id) && a.id !== approverId);
    if (!member) continue;
    const asked = await gov.requests.requestAccess({ entitlementId: ent.id, justification: 'race', duration: 'PT1H', actor: { ...api, accountId: member.id } });
    const approved = await gov.requests.approve({ requestId: asked.request?.id as number, actor: { ...api, accountId: approverId } });
    expect(approved.request?.state).toBe('GRANTED');
    granted.push({ requestId: approved.request?.id as number, group: g.id, user: member.slack_id });
  }
  expect(granted).toHaveLength(count);
  return granted;
}

describe(`expiry across replicas (${backend})`, () => {
  it('two processes racing on the same due grant revoke it once', async () => {
    const [grant] = await grantTimeBound(first, 1);
    const target = grant as { requestId: number; group: string; user: string };
    expect(w.sim.store.usergroups.get(target.group)?.users.has(target.user)).toBe(true);
    const writes = w.sim.control.calls('usergroups.users.update');

    nowMs += 3_600_000 + 1_000;
    const [a, b] = await Promise.all([first.worker.runDue(), second.worker.runDue()]);

    expect(a.failed + b.failed).toBe(0);
    expect(await w.db.selectFrom('jobs').select(['state', 'attempts']).where('kind', '=', 'grant.expire').execute()).toEqual([{ state: 'DONE', attempts: 1 }]);
    expect(w.sim.control.calls('usergroups.users.update') - writes).toBe(1);
    expect(w.sim.store.usergroups.get(target.group)?.users.has(target.user)).toBe(false);
    const expired = await w.db.selectFrom('audit_events').select('outcome').where('action', '=', 'grant.expired').where('request_id', '=', target.requestId).execute();
    expect(expired).toEqual([{ outcome: 'SUCCESS' }]);
    expect((await first.requests.get(target.requestId))?.state).toBe('EXPIRED');
  });

  it('many due grants split between the processes: each revoked exactly once', async () => {
    const grants = await grantTimeBound(first, 5);
    const writes = w.sim.control.calls('usergroups.users.update');
    nowMs += 3_600_000 + 1_000;
    const runs = await Promise.all([first.worker.runDue(), second.worker.runDue(), first.worker.runDue(), second.worker.runDue()]);
    expect(runs.reduce((n, r) => n + r.failed + r.retried, 0)).toBe(0);
    expect(w.sim.control.calls('usergroups.users.update') - writes).toBe(5);
    for (const g of grants) {
      expect(w.sim.store.usergroups.get(g.group)?.users.has(g.user)).toBe(false);
      expect((await first.requests.get(g.requestId))?.state).toBe('EXPIRED');
    }
    const jobs = await w.db.selectFrom('jobs').select(['state', 'attempts']).where('kind', '=', 'grant.expire').execute();
    expect(jobs.every((j) => j.state === 'DONE' && j.attempts === 1)).toBe(true);
  });
});
