import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceAdminsOf } from '../../src/access/policies.ts';
import type { SlackgateClient } from '../../src/client/index.ts';
import {
  ApproveAccessBrieflyDocument,
  ApproveAccessDocument,
  AskForAccessBrieflyDocument,
  AskForAccessDocument,
  RequestSeenEverywhereDocument,
  RequestStatesDocument,
  SetRequestPolicyDocument,
  type RequestStatesSubscription,
} from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { promoteToAdmins } from '../support/slackOrg.ts';
import { IN_PROCESS_URL, useWorld } from '../support/world.ts';

const w = useWorld({
  slack: { plan: 'business-plus', seed: 11, users: 50, userGroups: 4, idpGroups: 0, channels: 2 },
  // Three members become workspace admins: the approvers of a user group by default.
  beforeSync: (sim) => promoteToAdmins(sim, 3),
});
let admin: SlackgateClient;
let requester: SlackgateClient;
let approver: SlackgateClient;
let reader: SlackgateClient;
let group: { externalId: string; slackId: string };
let member: { externalId: string; slackId: string };
let approvers: string[];

beforeAll(async () => {
  admin = await w.client(['admin']);
  requester = await w.client(['request']);
  approver = await w.client(['approve']);
  reader = await w.client(['read']);

  const g = [...w.sim.store.usergroups.values()].filter((x) => !x.isIdpGroup && x.dateDelete === 0 && x.users.size >= 2).sort((a, b) => a.users.size - b.users.size)[0];
  if (!g) throw new Error('no user group');
  group = { externalId: `userGroup:${g.id}:member`, slackId: g.id };
  const ent = await w.db.selectFrom('entitlements').select('id').where('external_id', '=', group.externalId).executeTakeFirstOrThrow();
  const adminIds = (await workspaceAdminsOf(w.db, [ent.id])).get(ent.id) ?? [];
  const adminRows = await w.db.selectFrom('accounts').select(['id', 'external_id']).where('id', 'in', adminIds).orderBy('id').execute();
  approvers = adminRows.map((a) => a.external_id);
  const candidate = await w.db
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

describe(`requests over GraphQL (${backend})`, () => {
  it('updateEntitlementPolicy needs the admin scope and shows the policy on the entitlement', async () => {
    const denied = await requester.execute(SetRequestPolicyDocument, { input: { entitlementId: group.externalId, requestable: true } });
    expect(denied.errors?.[0]?.message).toMatch(/admin/);
    const res = await admin.execute(SetRequestPolicyDocument, { input: { entitlementId: group.externalId, requestable: true, maxDuration: 'PT4H', requiredApprovals: 1 } });
    expect(res.errors).toBeUndefined();
    const updated = res.data!.updateEntitlementPolicy;
    expect(updated.errors).toEqual([]);
    expect(updated.entitlement?.policy).toMatchObject({ requestable: true, maxDuration: 'PT4H', requiredApprovals: 1, reasonRequired: true, defaultApprovers: true });
    expect(updated.entitlement?.policy.approvers.map((a) => a.externalId)).toEqual(approvers);
    const bad = await admin.request(SetRequestPolicyDocument, { input: { entitlementId: group.externalId, maxDuration: '4 hours' } });
    expect(bad.updateEntitlementPolicy.errors).toEqual([expect.objectContaining({ code: 'INVALID', field: 'input.maxDuration' })]);
  });

  it('requestAccess → approveRequest grants in Slack; the request shows up on the account, the grant and in requests', async () => {
    const asked = await requester.execute(AskForAccessDocument, {
      input: { entitlementId: group.externalId, justification: 'deploy freeze duty', duration: 'PT8H', actorId: member.externalId },
    });
    expect(asked.errors).toBeUndefined();
    const request = asked.data!.requestAccess.request!;
    expect(asked.data!.requestAccess.errors).toEqual([]);
    expect(request).toMatchObject({ kind: 'GRANT', state: 'PENDING', requestedDuration: 'PT8H', approvedDuration: null, requester: { externalId: member.externalId } });

    const selfApproval = await approver.request(ApproveAccessBrieflyDocument, { input: { requestId: String(request.number), actorId: member.externalId } });
    expect(selfApproval.approveRequest.errors).toEqual([{ __typename: 'ForbiddenError', code: 'SELF_APPROVAL', field: 'input.actorId' }]);

    const approved = await approver.request(ApproveAccessDocument, { input: { requestId: request.id, actorId: approvers[0]!, comment: 'fine' } });
    expect(approved.approveRequest.errors).toEqual([]);
    expect(approved.approveRequest.request).toMatchObject({ state: 'GRANTED', approvedDuration: 'PT4H', approvals: [{ decision: 'APPROVE', comment: 'fine', approver: { externalId: approvers[0] } }] });
    expect(w.sim.store.usergroups.get(group.slackId)?.users.has(member.slackId)).toBe(true);

    const read = await reader.execute(RequestSeenEverywhereDocument, {
      account: member.externalId,
      grant: `${group.externalId}:user:${member.slackId}`,
      id: request.id,
      entitlementId: group.externalId,
    });
    expect(read.errors).toBeUndefined();
    const data = read.data!;
    expect(data.account?.requests).toEqual({ totalCount: 1, edges: [{ node: { id: request.id, state: 'GRANTED' } }] });
    expect(data.grant?.request).toEqual({ id: request.id, state: 'GRANTED' });
    expect(data.grant?.expiresAt).toBe(approved.approveRequest.request?.expiresAt);
    expect(data.node).toEqual({ state: 'GRANTED' });
    expect(data.requests).toEqual({ totalCount: 1, edges: [{ node: { id: request.id } }] });
    expect(data.pending.totalCount).toBe(0);
  });

  it('requestAccess needs the request scope, and refuses as data what the policy does not allow', async () => {
    const noScope = await reader.execute(AskForAccessBrieflyDocument, { input: { entitlementId: group.externalId, actorId: member.externalId } });
    expect(noScope.errors?.[0]?.message).toMatch(/request/);
    const noReason = await requester.request(AskForAccessBrieflyDocument, { input: { entitlementId: group.externalId, actorId: approvers[1]!, duration: 'PT1H' } });
    expect(noReason.requestAccess).toEqual({ request: null, errors: [{ __typename: 'ValidationError', code: 'INVALID', field: 'input.justification' }] });
  });

  it('requestUpdated streams the request from PENDING to GRANTED over SSE', async () => {
    const other = await w.db
      .selectFrom('accounts')
      .select(['external_id', 'slack_id'])
      .where('type', '=', 'HUMAN')
      .where('status', '=', 'ENABLED')
      .where('is_guest', '=', false)
      .where('is_admin', '=', false)
      .where('is_owner', '=', false)
      .where('is_invited', '=', false)
      .where('slack_id', 'not in', [...(w.sim.store.usergroups.get(group.slackId)?.users ?? [])])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const asked = await requester.request(AskForAccessDocument, {
      input: { entitlementId: group.externalId, justification: 'watching it live', duration: 'PT1H', actorId: other.external_id },
    });
    const id = asked.requestAccess.request!.id;
    // The raw event stream (the typed client's subscribe skips repeated events: this test must see them).
    const controller = new AbortController();
    const res = await w.fetch(`${IN_PROCESS_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${await reader.accessToken()}` },
      body: JSON.stringify({ query: print(RequestStatesDocument), variables: { id } }),
      signal: controller.signal,
    });
    const stream = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const states: string[] = [];
    let buffer = '';
    let approving: Promise<unknown> | undefined;
    try {
      while (!states.includes('GRANTED')) {
        const { value, done } = await stream.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, at))?.[1];
          buffer = buffer.slice(at + 2);
          if (data) states.push((JSON.parse(data) as { data: RequestStatesSubscription }).data.requestUpdated.state);
        }
        // Approve once the subscriber has seen the request as it is.
        if (states.length > 0 && !approving) {
          approving = approver.request(ApproveAccessDocument, { input: { requestId: id, actorId: approvers[0]! } });
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
