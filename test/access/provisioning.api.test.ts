import { print } from 'graphql';
import { createClient as createWsClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SlackgateClient } from '../../src/client/index.ts';
import type { UserGroup } from '../../src/simulator/store.ts';
import { DirectGrantDocument, DirectRevokeDocument, GrantsChangedOfDocument, type GrantsChangedOfSubscription } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { fullMembers } from '../support/slackOrg.ts';
import { useWorld } from '../support/world.ts';

const w = useWorld({ slack: { plan: 'business-plus', seed: 21, users: 80, workspaces: 1, userGroups: 3, idpGroups: 1, channels: 3 } });
let provisioner: SlackgateClient;
let reader: SlackgateClient;
let group: UserGroup;

beforeAll(async () => {
  provisioner = await w.client(['read', 'provision']);
  reader = await w.client(['read']);
  group = [...w.sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size > 1) as UserGroup;
});

describe(`provisioning through the API (${backend})`, () => {
  it('grantEntitlement and revokeGrant take external ids, need the provision scope, and return result, grant and errors', async () => {
    const user = fullMembers(w.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const input = { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${user.id}`, duration: 'PT4H', reason: 'incident' };
    const denied = await reader.execute(DirectGrantDocument, { input });
    expect(denied.errors?.[0]?.message).toMatch(/provision/);
    expect(group.users.has(user.id)).toBe(false);

    const granted = await provisioner.execute(DirectGrantDocument, { input });
    expect(granted.errors).toBeUndefined();
    const payload = granted.data!.grantEntitlement;
    expect(payload.errors).toEqual([]);
    expect(payload.result).toBe('GRANTED');
    expect(payload.grant).toMatchObject({ externalId: `userGroup:${group.id}:member:user:${user.id}`, source: 'DIRECT', account: { slackId: user.id } });
    const hours = (new Date(payload.grant!.expiresAt!).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);
    expect(group.users.has(user.id)).toBe(true);

    const revoked = await provisioner.request(DirectRevokeDocument, { input: { grantId: payload.grant!.externalId, reason: 'done' } });
    expect(revoked.revokeGrant).toEqual({ result: 'REVOKED', errors: [] });
    expect(group.users.has(user.id)).toBe(false);
    const again = await provisioner.request(DirectRevokeDocument, { input: { entitlementId: input.entitlementId, accountId: input.accountId } });
    expect(again.revokeGrant).toEqual({ result: 'ALREADY_REVOKED', errors: [] });
  });

  it('expected failures are typed errors in the payload', async () => {
    const guest = [...w.sim.store.users.values()].find((u) => u.isRestricted)!;
    const grant = async (input: { entitlementId: string; accountId: string; duration?: string }) => (await provisioner.request(DirectGrantDocument, { input })).grantEntitlement;
    const bad = await grant({ entitlementId: `userGroup:${group.id}:member`, accountId: `user:${guest.id}` });
    expect(bad.errors).toMatchObject([{ __typename: 'ValidationError', field: 'input.accountId' }]);
    const missing = await grant({ entitlementId: 'userGroup:SNOPE:member', accountId: `user:${guest.id}` });
    expect(missing.errors).toMatchObject([{ __typename: 'NotFoundError', field: 'input.entitlementId' }]);
    const duration = await grant({ entitlementId: `userGroup:${group.id}:member`, accountId: `user:${guest.id}`, duration: 'four hours' });
    expect(duration.errors).toMatchObject([{ __typename: 'ValidationError', field: 'input.duration' }]);
    // A direct grant's duration follows a request's rules: positive and at most ten years.
    for (const [text, why] of [['PT0S', /zero/], ['P5000D', /ten years/]] as const) {
      const refused = await grant({ entitlementId: `userGroup:${group.id}:member`, accountId: `user:${guest.id}`, duration: text });
      expect(refused.errors).toMatchObject([{ __typename: 'ValidationError', field: 'input.duration', message: expect.stringMatching(why) }]);
    }
    w.sim.control.inject('usergroups.users.list', { kind: 'slack_error', error: 'plan_upgrade_required' }, 1);
    const user = fullMembers(w.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const slack = await grant({ entitlementId: `userGroup:${group.id}:member`, accountId: `user:${user.id}` });
    expect(slack).toMatchObject({ result: null, grant: null, errors: [{ __typename: 'SlackApiError', slackError: 'plan_upgrade_required' }] });
  });

  it('grantsChanged streams the change of one entitlement over WebSocket', async () => {
    const server = await w.listen();
    const token = await w.token(['read']);
    const user = fullMembers(w.sim, group.teamId).find((u) => !group.users.has(u.id))!;
    const ws = createWsClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    try {
      let subscribed!: () => void;
      const ready = new Promise<void>((r) => (subscribed = r));
      const first = new Promise<GrantsChangedOfSubscription['grantsChanged']>((resolve, reject) => {
        ws.on('connected', () => setTimeout(subscribed, 100));
        ws.subscribe<GrantsChangedOfSubscription>(
          { query: print(GrantsChangedOfDocument), variables: { entitlementId: `userGroup:${group.id}:member` } },
          { next: (r) => (r.errors ? reject(new Error(r.errors[0]?.message)) : resolve(r.data!.grantsChanged)), error: reject, complete: () => {} },
        );
      });
      await ready;
      const granted = await provisioner.request(DirectGrantDocument, { input: { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${user.id}` } });
      expect(granted.grantEntitlement.result).toBe('GRANTED');
      expect(await first).toEqual({ entitlement: { externalId: `userGroup:${group.id}:member` }, added: 1, removed: 0, cause: 'GRANT', accounts: [{ slackId: user.id }] });
    } finally {
      await ws.dispose();
    }
  });
});
