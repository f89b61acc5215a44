import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import type { UserGroup } from '../../src/simulator/store.ts';
import { apiClient, graphql, silentLogger } from '../api/helpers.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { fullMembers, syncedOrg, type Org } from './provisioningSupport.ts';

const t = useTestDatabase();
let org: Org;
let bus: EventBus;
let server: RunningServer;
let provisioner: string;
let reader: string;
let group: UserGroup;

beforeAll(async () => {
  bus = await createEventBusFor(t.database, { url: t.url });
  org = await syncedOrg(t.database, { plan: 'business-plus', seed: 21, users: 80, workspaces: 1, userGroups: 3, idpGroups: 1, channels: 3 }, { bus });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus, services: { provisioning: org.service } }), { port: 0, host: '127.0.0.1' });
  provisioner = (await apiClient(t.db, ['read', 'provision'])).token;
  reader = (await apiClient(t.db, ['read'])).token;
  group = [...org.sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size > 1) as UserGroup;
});
afterAll(async () => {
  await server.close();
  await bus.close();
  await org.sim.close();
});

const GRANT = `mutation ($input: GrantEntitlementInput!) {
  grantEntitlement(input: $input) { result grant { externalId source expiresAt account { slackId } } errors { __typename code message field ... on SlackApiError { slackError } ... on NotGrantableError { reason } } }
}`;
const REVOKE = `mutation ($input: RevokeGrantInput!) { revokeGrant(input: $input) { result errors { __typename code message } } }`;

describe(`provisioning through the API (${backend})`, () => {
  it('grantEntitlement and revokeGrant take external ids, need the provision scope, and return result, grant and errors', async () => {
    const user = fullMembers(org.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const input = { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${user.id}`, duration: 'PT4H', reason: 'incident' };
    const denied = await graphql(server.url, reader, GRANT, { input });
    expect(denied.body.errors?.[0]?.message).toMatch(/provision/);
    expect(group.users.has(user.id)).toBe(false);

    const granted = await graphql(server.url, provisioner, GRANT, { input });
    expect(granted.body.errors).toBeUndefined();
    const payload = granted.body.data.grantEntitlement;
    expect(payload.errors).toEqual([]);
    expect(payload.result).toBe('GRANTED');
    expect(payload.grant).toMatchObject({ externalId: `userGroup:${group.id}:member:user:${user.id}`, source: 'DIRECT', account: { slackId: user.id } });
    const hours = (new Date(payload.grant.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);
    expect(group.users.has(user.id)).toBe(true);

    const revoked = await graphql(server.url, provisioner, REVOKE, { input: { grantId: payload.grant.externalId, reason: 'done' } });
    expect(revoked.body.data.revokeGrant).toEqual({ result: 'REVOKED', errors: [] });
    expect(group.users.has(user.id)).toBe(false);
    const again = await graphql(server.url, provisioner, REVOKE, { input: { entitlementId: input.entitlementId, accountId: input.accountId } });
    expect(again.body.data.revokeGrant).toEqual({ result: 'ALREADY_REVOKED', errors: [] });
  });

  it('expected failures are typed errors in the payload', async () => {
    const guest = [...org.sim.store.users.values()].find((u) => u.isRestricted)!;
    const bad = await graphql(server.url, provisioner, GRANT, { input: { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${guest.id}` } });
    expect(bad.body.data.grantEntitlement.errors).toMatchObject([{ __typename: 'ValidationError', field: 'input.accountId' }]);
    const missing = await graphql(server.url, provisioner, GRANT, { input: { entitlementId: 'userGroup:SNOPE:member', accountId: `user:${guest.id}` } });
    expect(missing.body.data.grantEntitlement.errors).toMatchObject([{ __typename: 'NotFoundError', field: 'input.entitlementId' }]);
    const duration = await graphql(server.url, provisioner, GRANT, { input: { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${guest.id}`, duration: 'four hours' } });
    expect(duration.body.data.grantEntitlement.errors).toMatchObject([{ __typename: 'ValidationError', field: 'input.duration' }]);
    // A direct grant's duration follows a request's rules: positive and at most ten years.
    for (const [text, why] of [['PT0S', /zero/], ['P5000D', /ten years/]] as const) {
      const refused = await graphql(server.url, provisioner, GRANT, { input: { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${guest.id}`, duration: text } });
      expect(refused.body.data.grantEntitlement.errors).toMatchObject([{ __typename: 'ValidationError', field: 'input.duration', message: expect.stringMatching(why) }]);
    }
    org.sim.control.inject('usergroups.users.list', { kind: 'slack_error', error: 'plan_upgrade_required' }, 1);
    const user = fullMembers(org.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const slack = await graphql(server.url, provisioner, GRANT, { input: { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${user.id}` } });
    expect(slack.body.data.grantEntitlement).toMatchObject({ result: null, grant: null, errors: [{ __typename: 'SlackApiError', slackError: 'plan_upgrade_required' }] });
  });

  it('grantsChanged streams the change of one entitlement over WebSocket', async () => {
    const user = fullMembers(org.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const ws = createWsClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${reader}` }, retryAttempts: 0 });
    try {
      let subscribed!: () => void;
      const ready = new Promise<void>((r) => (subscribed = r));
      const first = new Promise<Record<string, unknown>>((resolve, reject) => {
        ws.on('connected', () => setTimeout(subscribed, 100));
        ws.subscribe(
          { query: `subscription { grantsChanged(entitlementId: "userGroup:${group.id}:member") { entitlement { externalId } added removed cause accounts { slackId } } }` },
          { next: (r) => (r.errors ? reject(new Error(r.errors[0]?.message)) : resolve(r.data?.grantsChanged as Record<string, unknown>)), error: reject, complete: () => {} },
        );
      });
      await ready;
      const granted = await graphql(server.url, provisioner, GRANT, { input: { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${user.id}` } });
      expect(granted.body.data.grantEntitlement.result).toBe('GRANTED');
      expect(await first).toEqual({ entitlement: { externalId: `userGroup:${group.id}:member` }, added: 1, removed: 0, cause: 'GRANT', accounts: [{ slackId: user.id }] });
    } finally {
      await ws.dispose();
    }
  });
});
