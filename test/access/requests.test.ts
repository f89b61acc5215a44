import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGovernance } from '../../src/access/governance.ts';
import { updateEntitlementPolicy, workspaceAdminsOf } from '../../src/access/policies.ts';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { backend } from '../support/db.ts';
import { promoteToAdmins } from '../support/slackOrg.ts';
import { useWorld } from '../support/world.ts';

let nowMs = Date.now();
const now = () => new Date(nowMs);
// A few more workspace admins, so that N-of-M approvals have approvers to count.
const w = useWorld({
  slack: { plan: 'business-plus', seed: 7, users: 60, userGroups: 6, idpGroups: 0, channels: 2 },
  beforeSync: (sim) => promoteToAdmins(sim, 4),
  governance: { now, pendingTtlSeconds: 24 * 3600 },
});
const HOUR = 3_600_000;

interface Person {
  id: number;
  slackId: string;
}
let admins: Person[] = [];
let members: Person[] = [];
let groups: { entitlementId: number; slackId: string; externalId: string }[] = [];
const used = new Set<string>();
const api = { apiClientId: 'test-client' };

/** A user group and a full member not in it, not used by another test. */
function freshPair(): { group: (typeof groups)[number]; member: Person } {
  for (const group of groups) {
    const inGroup = w.sim.store.usergroups.get(group.slackId)?.users ?? new Set();
    for (const member of members) {
      const key = `${group.slackId}:${member.slackId}`;
      if (inGroup.has(member.slackId) || used.has(key)) continue;
      used.add(key);
      return { group, member };
    }
  }
  throw new Error('no fresh group/member pair left');
}

async function setPolicy(entitlementId: number, change: Parameters<typeof updateEntitlementPolicy>[1]['change']) {
  const result = await updateEntitlementPolicy(w.db, { entitlementId, change, actor: api, now: now() });
  expect(result.errors).toEqual([]);
  return result.policy;
}

function inSlack(groupSlackId: string, userSlackId: string): boolean {
  return w.sim.store.usergroups.get(groupSlackId)?.users.has(userSlackId) ?? false;
}

beforeAll(async () => {
  const simGroups = [...w.sim.store.usergroups.values()].filter((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size >= 2);
  const rows = await w.db
    .selectFrom('entitlements')
    .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
    .select(['entitlements.id', 'entitlements.external_id', 'resources.slack_id'])
    .where('resources.resource_type', '=', 'userGroup')
    .where('entitlements.grantable', '=', true)
    .execute();
  groups = rows.filter((r) => simGroups.some((g) => g.id === r.slack_id)).map((r) => ({ entitlementId: r.id, slackId: r.slack_id, externalId: r.external_id }));
  const adminIds = (await workspaceAdminsOf(w.db, [groups[0]?.entitlementId ?? 0])).get(groups[0]?.entitlementId ?? 0) ?? [];
  const accounts = await w.db
    .selectFrom('accounts')
    .select(['id', 'slack_id', 'is_admin', 'is_owner'])
    .where('type', '=', 'HUMAN')
    .where('status', '=', 'ENABLED')
    .where('is_guest', '=', false)
    .where('is_bot', '=', false)
    .where('is_stranger', '=', false)
    .where('is_invited', '=', false)
    .orderBy('id')
    .execute();
  admins = accounts.filter((a) => adminIds.includes(a.id)).map((a) => ({ id: a.id, slackId: a.slack_id }));
  members = accounts.filter((a) => !adminIds.includes(a.id) && !a.is_admin && !a.is_owner).map((a) => ({ id: a.id, slackId: a.slack_id }));
  // Every group is requestable for up to 8 hours, approved by one of the workspace admins and owners.
  for (const g of groups) await setPolicy(g.entitlementId, { requestable: true, maxDuration: 'PT8H', requiredApprovals: 1, reasonRequired: true });
});

describe(`access requests (${backend})`, () => {
  it('finds the workspace admins and owners as default approvers', () => {
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect(admins.length).toBeGreaterThanOrEqual(3);
    expect(members.length).toBeGreaterThanOrEqual(10);
  });

  it('request → approve → granted in Slack → expires → gone from Slack and the cache, state EXPIRED', async () => {
    const { group, member } = freshPair();
    const approver = admins[0] as Person;
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'on call this week', duration: 'P1D', actor: { ...api, accountId: member.id } });
    expect(asked.errors).toEqual([]);
    expect(asked.request?.state).toBe('PENDING');
    expect(asked.request?.requested_duration_seconds).toBe(86_400);

    const approved = await w.governance.requests.approve({ requestId: asked.request?.id as number, actor: { ...api, accountId: approver.id }, comment: 'ok for today' });
    expect(approved.errors).toEqual([]);
    const request = approved.request;
    expect(request?.state).toBe('GRANTED');
    // Asked for a day; the policy allows 8 hours.
    expect(request?.approved_duration_seconds).toBe(8 * 3600);
    expect(request?.expires_at?.getTime()).toBe(nowMs + 8 * HOUR);
    expect(inSlack(group.slackId, member.slackId)).toBe(true);
    const grant = await w.db.selectFrom('grants').selectAll().where('entitlement_id', '=', group.entitlementId).where('account_id', '=', member.id).executeTakeFirstOrThrow();
    expect(grant.expires_at?.getTime()).toBe(request?.expires_at?.getTime());
    expect(grant.request_id).toBe(request?.id);
    const approval = await w.db.selectFrom('approvals').selectAll().where('request_id', '=', request?.id as number).executeTakeFirstOrThrow();
    expect(approval).toMatchObject({ approver_id: approver.id, decision: 'APPROVE', comment: 'ok for today', api_client_id: 'test-client' });

    // Not yet: an hour before the end nothing happens.
    nowMs += 7 * HOUR;
    await w.governance.worker.runDue();
    expect(inSlack(group.slackId, member.slackId)).toBe(true);

    nowMs += 1 * HOUR + 1000;
    await w.governance.worker.runDue();
    expect(inSlack(group.slackId, member.slackId)).toBe(false);
    expect(await w.db.selectFrom('grants').select('id').where('id', '=', grant.id).executeTakeFirst()).toBeUndefined();
    expect((await w.governance.requests.get(request?.id as number))?.state).toBe('EXPIRED');
    const actions = (await w.db.selectFrom('audit_events').select('action').where('request_id', '=', request?.id as number).orderBy('id').execute()).map((e) => e.action);
    expect(actions).toEqual(['requestAccess', 'approveRequest', 'grantEntitlement', 'request.granted', 'revokeGrant', 'grant.expired']);
  });

  it('DMs every approver who may decide, and tells the requester the outcome', async () => {
    const { group, member } = freshPair();
    w.sim.store.messages.length = 0;
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'incident 4711 follow-up', duration: 'PT2H', actor: { ...api, accountId: member.id } });
    await w.governance.worker.runDue();
    const dmTo = (slackId: string) => w.sim.store.messages.filter((m) => m.channel === `D${slackId.slice(1)}`);
    for (const admin of admins) {
      const [dm] = dmTo(admin.slackId);
      expect(dm?.text).toContain('incident 4711 follow-up');
      expect(dm?.text).toContain(group.externalId);
      expect(dm?.text).toContain('2 hours');
      expect(dm?.text).toContain(`<@${member.slackId}>`);
    }
    await w.governance.requests.deny({ requestId: asked.request?.id as number, actor: { ...api, accountId: (admins[1] as Person).id }, comment: 'use the runbook' });
    await w.governance.worker.runDue();
    expect(dmTo(member.slackId).map((m) => m.text)).toEqual([expect.stringContaining('was denied')]);
  });

  it('a failing DM never holds up the request', async () => {
    const { group, member } = freshPair();
    w.sim.control.inject('chat.postMessage', { kind: 'slack_error', error: 'channel_not_found' }, 100);
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'release', duration: 'PT1H', actor: { ...api, accountId: member.id } });
    expect(asked.errors).toEqual([]);
    await w.governance.worker.runDue();
    w.sim.control.clearFaults();
    const approved = await w.governance.requests.approve({ requestId: asked.request?.id as number, actor: { ...api, accountId: (admins[0] as Person).id } });
    expect(approved.request?.state).toBe('GRANTED');
  });

  it('needs N of M approvals, each approver counting once', async () => {
    const { group, member } = freshPair();
    const [a, b, c] = admins as [Person, Person, Person];
    await setPolicy(group.entitlementId, { approverIds: [a.id, b.id, c.id], requiredApprovals: 2 });
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'audit prep', duration: 'PT4H', actor: { ...api, accountId: member.id } });
    const id = asked.request?.id as number;

    const first = await w.governance.requests.approve({ requestId: id, actor: { ...api, accountId: a.id } });
    expect(first.request?.state).toBe('PENDING');
    const again = await w.governance.requests.approve({ requestId: id, actor: { ...api, accountId: a.id } });
    expect(again.errors.map((e) => e.code)).toEqual(['ALREADY_DECIDED']);
    expect(inSlack(group.slackId, member.slackId)).toBe(false);

    const second = await w.governance.requests.approve({ requestId: id, actor: { ...api, accountId: b.id } });
    expect(second.request?.state).toBe('GRANTED');
    expect(inSlack(group.slackId, member.slackId)).toBe(true);
    const late = await w.governance.requests.approve({ requestId: id, actor: { ...api, accountId: c.id } });
    expect(late.errors.map((e) => e.code)).toEqual(['NOT_PENDING']);
    expect(await w.db.selectFrom('approvals').select('approver_id').where('request_id', '=', id).orderBy('id').execute()).toEqual([{ approver_id: a.id }, { approver_id: b.id }]);
    await setPolicy(group.entitlementId, { approverIds: [], requiredApprovals: 1 });
  });

  it('two approvers deciding at the same moment are counted one after the other', async () => {
    const { group, member } = freshPair();
    const [a, b] = admins as [Person, Person];
    await setPolicy(group.entitlementId, { requiredApprovals: 2 });
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'pairing', duration: 'PT1H', actor: { ...api, accountId: member.id } });
    const id = asked.request?.id as number;
    const results = await Promise.all([a, b].map((x) => w.governance.requests.approve({ requestId: id, actor: { ...api, accountId: x.id } })));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect((await w.governance.requests.get(id))?.state).toBe('GRANTED');
    expect(w.sim.store.usergroups.get(group.slackId)?.users.has(member.slackId)).toBe(true);
    await setPolicy(group.entitlementId, { requiredApprovals: 1 });
  });

  it('nobody approves their own request, or a request for their own access', async () => {
    const { group, member } = freshPair();
    // An admin asks for a group they are not in yet.
    const a = admins.find((x) => groups.some((g) => !inSlack(g.slackId, x.slackId))) as Person;
    const b = admins.find((x) => x.id !== a.id) as Person;
    const ownGroup = groups.find((g) => !inSlack(g.slackId, a.slackId)) as (typeof groups)[number];
    const own = await w.governance.requests.requestAccess({ entitlementId: ownGroup.entitlementId, justification: 'mine', duration: 'PT1H', actor: { ...api, accountId: a.id } });
    expect(own.errors).toEqual([]);
    const self = await w.governance.requests.approve({ requestId: own.request?.id as number, actor: { ...api, accountId: a.id } });
    expect(self.errors.map((e) => e.code)).toEqual(['SELF_APPROVAL']);

    // b asks on behalf of member; member may not approve it (not an approver anyway), b may not (requester).
    const forOther = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, accountId: member.id, justification: 'for the new hire', duration: 'PT1H', actor: { ...api, accountId: b.id } });
    expect((await w.governance.requests.approve({ requestId: forOther.request?.id as number, actor: { ...api, accountId: b.id } })).errors.map((e) => e.code)).toEqual(['SELF_APPROVAL']);
    expect((await w.governance.requests.approve({ requestId: forOther.request?.id as number, actor: { ...api, accountId: member.id } })).errors.map((e) => e.code)).toEqual(['SELF_APPROVAL']);
    const outsider = members.find((m) => m.id !== member.id) as Person;
    expect((await w.governance.requests.approve({ requestId: forOther.request?.id as number, actor: { ...api, accountId: outsider.id } })).errors.map((e) => e.code)).toEqual(['NOT_AN_APPROVER']);
    expect((await w.governance.requests.get(own.request?.id as number))?.state).toBe('PENDING');
    const refusals = await w.db.selectFrom('audit_events').select(['error_code']).where('action', '=', 'approveRequest').where('outcome', '=', 'DENIED').where('request_id', '=', forOther.request?.id as number).execute();
    expect(refusals.map((r) => r.error_code).sort()).toEqual(['NOT_AN_APPROVER', 'SELF_APPROVAL', 'SELF_APPROVAL']);
  });

  it('refuses what the policy does not allow: not requestable, no justification, bad duration, duplicates', async () => {
    const { group, member } = freshPair();
    const ask = (extra: Record<string, unknown>) =>
      w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'x', duration: 'PT1H', actor: { ...api, accountId: member.id }, ...extra });
    expect((await ask({ justification: '  ' })).errors.map((e) => e.field)).toEqual(['input.justification']);
    expect((await ask({ duration: 'P1M' })).errors.map((e) => e.field)).toEqual(['input.duration']);
    expect((await ask({ actor: api })).errors.map((e) => e.field)).toEqual(['input.actorId']);
    expect((await ask({})).errors).toEqual([]);
    expect((await ask({})).errors.map((e) => e.code)).toEqual(['DUPLICATE_REQUEST']);
    await setPolicy(group.entitlementId, { requestable: false });
    const other = members.find((m) => m.id !== member.id && !inSlack(group.slackId, m.slackId)) as Person;
    expect((await ask({ accountId: other.id })).errors.map((e) => e.code)).toEqual(['NOT_REQUESTABLE']);
    await setPolicy(group.entitlementId, { requestable: true });
  });

  it('deny and cancel end a request without touching Slack', async () => {
    const calls = w.sim.control.calls('usergroups.users.update');
    const one = freshPair();
    const denied = await w.governance.requests.requestAccess({ entitlementId: one.group.entitlementId, justification: 'x', duration: 'PT1H', actor: { ...api, accountId: one.member.id } });
    const d = await w.governance.requests.deny({ requestId: denied.request?.id as number, actor: { ...api, accountId: (admins[0] as Person).id }, comment: 'no' });
    expect(d.request?.state).toBe('DENIED');
    expect(d.request?.decided_at).not.toBeNull();

    const two = freshPair();
    const cancelled = await w.governance.requests.requestAccess({ entitlementId: two.group.entitlementId, justification: 'x', duration: 'PT1H', actor: { ...api, accountId: two.member.id } });
    const byOther = await w.governance.requests.cancel({ requestId: cancelled.request?.id as number, actor: { ...api, accountId: (admins[0] as Person).id } });
    expect(byOther.errors.map((e) => e.code)).toEqual(['NOT_YOUR_REQUEST']);
    const c = await w.governance.requests.cancel({ requestId: cancelled.request?.id as number, actor: { ...api, accountId: two.member.id } });
    expect(c.request?.state).toBe('CANCELLED');
    expect((await w.governance.requests.approve({ requestId: cancelled.request?.id as number, actor: { ...api, accountId: (admins[0] as Person).id } })).errors.map((e) => e.code)).toEqual(['NOT_PENDING']);
    expect(w.sim.control.calls('usergroups.users.update')).toBe(calls);
  });

  it('closes pending requests nobody decided within the TTL', async () => {
    const { group, member } = freshPair();
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'x', duration: 'PT1H', actor: { ...api, accountId: member.id } });
    nowMs += 23 * HOUR;
    await w.governance.worker.runDue();
    expect((await w.governance.requests.get(asked.request?.id as number))?.state).toBe('PENDING');
    nowMs += 1 * HOUR;
    await w.governance.worker.runDue();
    const closed = await w.governance.requests.get(asked.request?.id as number);
    expect(closed).toMatchObject({ state: 'CANCELLED', error_code: 'TIMED_OUT' });
  });

  it('a provisioning failure ends FAILED with the Slack error, and a retry grants', async () => {
    const { group, member } = freshPair();
    w.sim.control.inject('usergroups.users.update', { kind: 'slack_error', error: 'permission_denied' });
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'x', duration: 'PT1H', actor: { ...api, accountId: member.id } });
    const failed = await w.governance.requests.approve({ requestId: asked.request?.id as number, actor: { ...api, accountId: (admins[0] as Person).id } });
    expect(failed.request).toMatchObject({ state: 'FAILED', error_code: 'permission_denied' });
    expect(failed.request?.error).toContain('permission_denied');
    expect(inSlack(group.slackId, member.slackId)).toBe(false);

    const retried = await w.governance.requests.retry({ requestId: asked.request?.id as number, actor: { ...api, accountId: (admins[0] as Person).id } });
    expect(retried.errors).toEqual([]);
    expect(retried.request).toMatchObject({ state: 'GRANTED', error: null, error_code: null });
    expect(inSlack(group.slackId, member.slackId)).toBe(true);
  });

  it('the database refuses state changes outside the state machine', async () => {
    const { group, member } = freshPair();
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'x', duration: 'PT1H', actor: { ...api, accountId: member.id } });
    const id = asked.request?.id as number;
    await w.governance.requests.deny({ requestId: id, actor: { ...api, accountId: (admins[0] as Person).id } });
    await expect(sql`update requests set state = 'GRANTED' where id = ${id}`.execute(w.db)).rejects.toThrow(/cannot go from DENIED to GRANTED/);
    await expect(sql`insert into requests (kind, state, account_id, entitlement_id) values ('GRANT', 'GRANTED', ${member.id}, ${group.entitlementId})`.execute(w.db)).rejects.toThrow(/starts PENDING or APPROVED/);
  });

  it('an extension moves the expiry through the same approval', async () => {
    const { group, member } = freshPair();
    const approver = admins[0] as Person;
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'x', duration: 'PT2H', actor: { ...api, accountId: member.id } });
    const granted = await w.governance.requests.approve({ requestId: asked.request?.id as number, actor: { ...api, accountId: approver.id } });
    const grant = await w.db.selectFrom('grants').selectAll().where('request_id', '=', granted.request?.id as number).executeTakeFirstOrThrow();
    nowMs += HOUR;
    const extension = await w.governance.requests.requestAccess({ extendsGrantId: grant.id, justification: 'still debugging', duration: 'PT3H', actor: { ...api, accountId: member.id } });
    expect(extension.errors).toEqual([]);
    expect(extension.request).toMatchObject({ state: 'PENDING', origin: 'EXTENSION', extends_grant_id: grant.id });
    const extended = await w.governance.requests.approve({ requestId: extension.request?.id as number, actor: { ...api, accountId: approver.id } });
    expect(extended.request?.state).toBe('GRANTED');
    // One hour was left; three more make four from now.
    expect(extended.request?.expires_at?.getTime()).toBe(nowMs + 4 * HOUR);
    nowMs += 2 * HOUR;
    await w.governance.worker.runDue();
    expect(inSlack(group.slackId, member.slackId)).toBe(true);
    nowMs += 2 * HOUR + 1000;
    await w.governance.worker.runDue();
    expect(inSlack(group.slackId, member.slackId)).toBe(false);
    expect((await w.governance.requests.get(extension.request?.id as number))?.state).toBe('EXPIRED');
    expect((await w.governance.requests.get(granted.request?.id as number))?.state).toBe('EXPIRED');
  });

  it('expiry survives a restart: a new process revokes what the old one granted', async () => {
    const { group, member } = freshPair();
    const asked = await w.governance.requests.requestAccess({ entitlementId: group.entitlementId, justification: 'x', duration: 'PT1H', actor: { ...api, accountId: member.id } });
    await w.governance.requests.approve({ requestId: asked.request?.id as number, actor: { ...api, accountId: (admins[0] as Person).id } });
    expect(inSlack(group.slackId, member.slackId)).toBe(true);
    await w.governance.stop();

    const restarted = createGovernance({ db: w.db, provisioning: createProvisioningService({ database: w.database, connection: w.connection }), connection: w.connection, now });
    nowMs += HOUR + 1000;
    await restarted.worker.runDue();
    expect(inSlack(group.slackId, member.slackId)).toBe(false);
    expect((await restarted.requests.get(asked.request?.id as number))?.state).toBe('EXPIRED');
  });

  it('never expires pre-existing access found by a sync', async () => {
    const group = groups[0] as (typeof groups)[number];
    const holder = [...(w.sim.store.usergroups.get(group.slackId)?.users ?? [])][0] as string;
    const grant = await w.db
      .selectFrom('grants')
      .innerJoin('accounts', 'accounts.id', 'grants.account_id')
      .select(['grants.id', 'grants.source'])
      .where('grants.entitlement_id', '=', group.entitlementId)
      .where('accounts.slack_id', '=', holder)
      .executeTakeFirstOrThrow();
    expect(grant.source).toBe('SYNC');
    await w.db.updateTable('grants').set({ expires_at: now() }).where('id', '=', grant.id).execute();
    await w.db.insertInto('jobs').values({ kind: 'grant.expire', payload: JSON.stringify({ grantId: grant.id }), run_at: now() }).execute();
    nowMs += 1000;
    await w.governance.worker.runDue();
    expect(inSlack(group.slackId, holder)).toBe(true);
    expect(await w.db.selectFrom('grants').select('id').where('id', '=', grant.id).executeTakeFirst()).toBeDefined();
    await w.db.updateTable('grants').set({ expires_at: null }).where('id', '=', grant.id).execute();
  });
});
