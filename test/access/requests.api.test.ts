import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceAdminsOf } from '../../src/access/policies.ts';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { createGovernance, type Governance } from '../../src/access/governance.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';
import { apiClient, graphql, silentLogger } from '../api/helpers.ts';
import { syncOnce } from './requests.support.ts';

const t = useTestDatabase();
let sim: RunningSimulator;
let bus: EventBus;
let gov: Governance;
let server: RunningServer;
let admin: string;
let requester: string;
let approverToken: string;
let reader: string;
let group: { externalId: string; slackId: string };
let member: { externalId: string; slackId: string };
let approvers: string[];

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 11, users: 50, userGroups: 4, idpGroups: 0, channels: 2 });
  const people = [...sim.store.users.values()].filter((u) => u.id !== 'USLACKBOT' && !u.isBot && !u.deleted && !u.isRestricted && !u.isUltraRestricted && !u.isInvitedUser && !u.isStranger);
  for (const u of people.slice(0, 3)) for (const m of u.memberships) if (m.role === 'member') m.role = 'admin';
  const connection = connectionFor(configFor(sim));
  await syncOnce(t.database, connection);
  bus = await createEventBusFor(t.database, { url: t.url });
  const provisioning = createProvisioningService({ database: t.database, connection, bus });
  gov = createGovernance({ db: t.db, provisioning, connection, bus });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus, services: { provisioning, requests: gov.requests, reviews: gov.reviews } }), { port: 0, host: '127.0.0.1' });
  admin = (await apiClient(t.db, ['admin'])).token;
  requester = (await apiClient(t.db, ['request'])).token;
  approverToken = (await apiClient(t.db, ['approve'])).token;
  reader = (await apiClient(t.db, ['read'])).token;

  const g = [...sim.store.usergroups.values()].filter((x) => !x.isIdpGroup && x.dateDelete === 0 && x.users.size >= 2).sort((a, b) => a.users.size - b.users.size)[0];
  if (!g) throw new Error('no user group');
  group = { externalId: `userGroup:${g.id}:member`, slackId: g.id };
  const ent = await t.db.selectFrom('entitlements').select('id').where('external_id', '=', group.externalId).executeTakeFirstOrThrow();
  const adminIds = (await workspaceAdminsOf(t.db, [ent.id])).get(ent.id) ?? [];
  const adminRows = await t.db.selectFrom('accounts').select(['id', 'external_id']).where('id', 'in', adminIds).orderBy('id').execute();
  approvers = adminRows.map((a) => a.external_id);
  const candidate = await t.db
    .selectFrom('accounts')
    .select(['external_id', 'slack_id'])
    .where('type', '=', 'HUMAN')
    .where('status', '=', 'ENABLED')
    .where('is_guest', '=', false)
    .where('is_admin', '=', false)
    .where('is_owner', '=', false)
    .where('is_invited', '=', false)
    .where('slack_id', 'not in', [...g.users])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  member = { externalId: candidate.external_id, slackId: candidate.slack_id };
});

afterAll(async () => {
  await server?.close();
  await gov?.stop();
  await bus?.close();
  await sim?.close();
});

const POLICY = `mutation($input: UpdateEntitlementPolicyInput!) { updateEntitlementPolicy(input: $input) {
  entitlement { externalId policy { requestable maxDuration requiredApprovals reasonRequired defaultApprovers approvers { externalId } } }
  errors { code field message } } }`;
const REQUEST_FIELDS = 'id number kind state justification requestedDuration approvedDuration expiresAt error errorCode requester { externalId } account { externalId } entitlement { externalId } approvals { decision comment approver { externalId } }';

describe(`requests over GraphQL (${backend})`, () => {
  it('updateEntitlementPolicy needs the admin scope and shows the policy on the entitlement', async () => {
    const denied = await graphql(server.url, requester, POLICY, { input: { entitlementId: group.externalId, requestable: true } });
    expect(denied.body.errors?.[0]?.message).toMatch(/admin/);
    const res = await graphql(server.url, admin, POLICY, { input: { entitlementId: group.externalId, requestable: true, maxDuration: 'PT4H', requiredApprovals: 1 } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateEntitlementPolicy.errors).toEqual([]);
    expect(res.body.data.updateEntitlementPolicy.entitlement.policy).toMatchObject({ requestable: true, maxDuration: 'PT4H', requiredApprovals: 1, reasonRequired: true, defaultApprovers: true });
    expect(res.body.data.updateEntitlementPolicy.entitlement.policy.approvers.map((a: { externalId: string }) => a.externalId)).toEqual(approvers);
    const bad = await graphql(server.url, admin, POLICY, { input: { entitlementId: group.externalId, maxDuration: '4 hours' } });
    expect(bad.body.data.updateEntitlementPolicy.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: 'input.maxDuration' })]);
  });

  it('requestAccess → approveRequest grants in Slack; the request shows up on the account, the grant and in requests', async () => {
    const asked = await graphql(server.url, requester, `mutation($input: RequestAccessInput!) { requestAccess(input: $input) { request { ${REQUEST_FIELDS} } errors { code field message } } }`, {
      input: { entitlementId: group.externalId, justification: 'deploy freeze duty', duration: 'PT8H', actorId: member.externalId },
    });
    expect(asked.body.errors).toBeUndefined();
    const request = asked.body.data.requestAccess.request;
    expect(asked.body.data.requestAccess.errors).toEqual([]);
    expect(request).toMatchObject({ kind: 'GRANT', state: 'PENDING', requestedDuration: 'PT8H', approvedDuration: null, requester: { externalId: member.externalId } });

    const selfApproval = await graphql(server.url, approverToken, `mutation($input: ApproveRequestInput!) { approveRequest(input: $input) { request { state } errors { __typename code field } } }`, {
      input: { requestId: String(request.number), actorId: member.externalId },
    });
    expect(selfApproval.body.data.approveRequest.errors).toEqual([{ __typename: 'ForbiddenError', code: 'SELF_APPROVAL', field: 'input.actorId' }]);

    const approved = await graphql(server.url, approverToken, `mutation($input: ApproveRequestInput!) { approveRequest(input: $input) { request { ${REQUEST_FIELDS} } errors { code message } } }`, {
      input: { requestId: request.id, actorId: approvers[0], comment: 'fine' },
    });
    expect(approved.body.data.approveRequest.errors).toEqual([]);
    expect(approved.body.data.approveRequest.request).toMatchObject({ state: 'GRANTED', approvedDuration: 'PT4H', approvals: [{ decision: 'APPROVE', comment: 'fine', approver: { externalId: approvers[0] } }] });
    expect(sim.store.usergroups.get(group.slackId)?.users.has(member.slackId)).toBe(true);

    const read = await graphql(
      server.url,
      reader,
      `query($account: ID!, $grant: ID!, $id: ID!) {
        account(id: $account) { requests { totalCount edges { node { id state } } } }
        grant(id: $grant) { expiresAt request { id state } }
        node(id: $id) { ... on Request { state } }
        requests(filter: { state: [GRANTED], entitlementId: "${group.externalId}" }) { totalCount edges { node { id } } }
        pending: requests(filter: { state: [PENDING] }) { totalCount }
      }`,
      { account: member.externalId, grant: `${group.externalId}:user:${member.slackId}`, id: request.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.account.requests).toEqual({ totalCount: 1, edges: [{ node: { id: request.id, state: 'GRANTED' } }] });
    expect(read.body.data.grant.request).toEqual({ id: request.id, state: 'GRANTED' });
    expect(read.body.data.grant.expiresAt).toBe(approved.body.data.approveRequest.request.expiresAt);
    expect(read.body.data.node).toEqual({ state: 'GRANTED' });
    expect(read.body.data.requests).toEqual({ totalCount: 1, edges: [{ node: { id: request.id } }] });
    expect(read.body.data.pending.totalCount).toBe(0);
  });

  it('requestAccess needs the request scope, and refuses as data what the policy does not allow', async () => {
    const noScope = await graphql(server.url, reader, `mutation { requestAccess(input: { entitlementId: "${group.externalId}", actorId: "${member.externalId}" }) { errors { code } } }`);
    expect(noScope.body.errors?.[0]?.message).toMatch(/request/);
    const noReason = await graphql(server.url, requester, `mutation { requestAccess(input: { entitlementId: "${group.externalId}", actorId: "${approvers[1]}", duration: "PT1H" }) { request { id } errors { __typename code field } } }`);
    expect(noReason.body.data.requestAccess).toEqual({ request: null, errors: [{ __typename: 'ValidationError', code: 'INVALID', field: 'input.justification' }] });
  });

  it('requestUpdated streams the request from PENDING to GRANTED over SSE', async () => {
    const other = await t.db
      .selectFrom('accounts')
      .select(['external_id', 'slack_id'])
      .where('type', '=', 'HUMAN')
      .where('status', '=', 'ENABLED')
      .where('is_guest', '=', false)
      .where('is_admin', '=', false)
      .where('is_owner', '=', false)
      .where('is_invited', '=', false)
      .where('slack_id', 'not in', [...(sim.store.usergroups.get(group.slackId)?.users ?? [])])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const asked = await graphql(server.url, requester, `mutation($input: RequestAccessInput!) { requestAccess(input: $input) { request { id } errors { code message } } }`, {
      input: { entitlementId: group.externalId, justification: 'watching it live', duration: 'PT1H', actorId: other.external_id },
    });
    const id = asked.body.data.requestAccess.request.id as string;
    const controller = new AbortController();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${reader}` },
      body: JSON.stringify({ query: `subscription($id: ID!) { requestUpdated(requestId: $id) { id state } }`, variables: { id } }),
      signal: controller.signal,
    });
    const reader2 = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const states: string[] = [];
    let buffer = '';
    let approving: Promise<unknown> | undefined;
    try {
      while (!states.includes('GRANTED')) {
        const { value, done } = await reader2.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, at))?.[1];
          buffer = buffer.slice(at + 2);
          if (data) states.push(JSON.parse(data).data.requestUpdated.state);
        }
        // Approve once the subscriber has seen the request as it is.
        if (states.length > 0 && !approving) {
          approving = graphql(server.url, approverToken, `mutation($input: ApproveRequestInput!) { approveRequest(input: $input) { errors { code } } }`, { input: { requestId: id, actorId: approvers[0] } });
        }
      }
    } finally {
      controller.abort();
      await approving;
    }
    // Every state change once, in order (a fast APPROVED -> PROVISIONING was once sent as PROVISIONING twice).
    expect(states).toEqual(['PENDING', 'APPROVED', 'PROVISIONING', 'GRANTED']);
  });
});
