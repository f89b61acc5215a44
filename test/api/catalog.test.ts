import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/graphql/ids.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { apiClient, graphql, silentLogger } from './helpers.ts';
import { seedCatalog, type Catalog } from './seed.ts';

const t = useTestDatabase();
let server: RunningServer;
let token: string;
let catalog: Catalog;

beforeAll(async () => {
  catalog = await seedCatalog(t.db);
  server = await listen(createGateway({ database: t.database, logger: silentLogger }), { port: 0, host: '127.0.0.1' });
  token = (await apiClient(t.db, ['read'])).token;
});
afterAll(async () => {
  await server.close();
});

const q = (query: string, variables?: Record<string, unknown>) => graphql(server.url, token, query, variables);

describe(`read model (${backend})`, () => {
  it('answers DateTime fields as ISO 8601 UTC strings with milliseconds, equal to the stored times', async () => {
    const res = await q('{ grants(first: 5) { edges { node { externalId grantedAt expiresAt account { createdAt } } } } }');
    expect(res.body.errors).toBeUndefined();
    const stored = await t.db.selectFrom('grants').innerJoin('accounts', 'accounts.id', 'grants.account_id').select(['grants.external_id', 'grants.granted_at', 'accounts.created_at']).orderBy('grants.id').limit(5).execute();
    const answered = res.body.data.grants.edges.map((e: { node: { externalId: string; grantedAt: string; expiresAt: string | null; account: { createdAt: string } } }) => e.node);
    expect(answered).toHaveLength(5);
    answered.forEach((node: { externalId: string; grantedAt: string; expiresAt: string | null; account: { createdAt: string } }, i: number) => {
      expect(node.grantedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(node.externalId).toBe(stored[i]?.external_id);
      expect(node.grantedAt).toBe(stored[i]?.granted_at.toISOString());
      expect(node.account.createdAt).toBe(stored[i]?.created_at.toISOString());
      expect(node.expiresAt).toBeNull();
    });
  });

  it('filters accounts by search, status, type, guest and workspace, with totalCount', async () => {
    const res = await q(`{
      all: accounts { totalCount }
      search: accounts(filter: { search: "person01" }) { totalCount edges { node { slackId } } }
      byEmail: accounts(filter: { search: "PERSON020@acme" }) { edges { node { slackId email } } }
      disabled: accounts(filter: { status: [DISABLED] }) { totalCount }
      guests: accounts(filter: { isGuest: true }) { totalCount }
      services: accounts(filter: { type: [SERVICE] }) { edges { node { displayName type } } }
      labs: accounts(filter: { workspaceId: "workspace:T2" }) { totalCount }
      nowhere: accounts(filter: { workspaceId: "workspace:T404" }) { totalCount edges { cursor } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.all.totalCount).toBe(150);
    expect(d.search.totalCount).toBe(10);
    expect(d.byEmail.edges).toEqual([{ node: { slackId: 'U020', email: 'Person020@Acme.test' } }]);
    expect(d.disabled.totalCount).toBe(21);
    expect(d.guests.totalCount).toBe(15);
    expect(d.services.edges).toEqual([{ node: { displayName: 'deploy-bot', type: 'SERVICE' } }]);
    expect(d.labs.totalCount).toBe(5);
    expect(d.nowhere).toEqual({ totalCount: 0, edges: [] });
  });

  it('finds one account by global id, external id, Slack id or email', async () => {
    const first = catalog.accounts[3] as { id: number; slackId: string };
    const res = await q(
      `query ($global: ID!) {
        byGlobal: account(id: $global) { slackId }
        byExternal: account(id: "user:U003") { slackId workspaces { externalId name domain } }
        bySlack: account(slackId: "U003") { slackId }
        byEmail: account(email: "person003@ACME.TEST") { slackId }
        missing: account(id: "user:U999") { slackId }
      }`,
      { global: encodeGlobalId('Account', first.id) },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      byGlobal: { slackId: 'U003' },
      byExternal: { slackId: 'U003', workspaces: [{ externalId: 'workspace:T1', name: 'Acme', domain: 'acme' }, { externalId: 'workspace:T2', name: 'Acme Labs', domain: 'acme-labs' }] },
      bySlack: { slackId: 'U003' },
      byEmail: { slackId: 'U003' },
      missing: null,
    });
  });

  it('refuses an id of the wrong type and an ambiguous account lookup with clear errors', async () => {
    const wrongType = await q(`query ($id: ID!) { account(id: $id) { slackId } }`, { id: encodeGlobalId('Grant', 1) });
    expect(wrongType.body.errors?.[0]?.message).toMatch(/is a Grant id; expected Account/);
    const twoArgs = await q(`{ account(slackId: "U001", email: "x@y") { slackId } }`);
    expect(twoArgs.body.errors?.[0]?.message).toContain('exactly one of id, slackId or email');
  });

  it('resolves an entitlement by external id, with its typed resource, grants and grant count', async () => {
    const res = await q(`{
      entitlement(id: "userGroup:S1:member") {
        externalId slug grantable grantableReason grantCount purpose
        resource { __typename externalId resourceType slackId displayName workspace { externalId } entitlements { externalId } }
        grants(first: 2, filter: { source: [SYNC] }) { totalCount edges { node { account { slackId } } } pageInfo { hasNextPage } }
      }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.entitlement).toEqual({
      externalId: 'userGroup:S1:member',
      slug: 'member',
      grantable: true,
      grantableReason: null,
      grantCount: 120,
      purpose: 'ASSIGNMENT',
      resource: {
        __typename: 'UserGroup',
        externalId: 'userGroup:S1',
        resourceType: 'USER_GROUP',
        slackId: 'S1',
        displayName: 'Engineering',
        workspace: { externalId: 'workspace:T1' },
        entitlements: [{ externalId: 'userGroup:S1:member' }],
      },
      grants: { totalCount: 120, edges: [{ node: { account: { slackId: 'U000' } } }, { node: { account: { slackId: 'U001' } } }], pageInfo: { hasNextPage: true } },
    });
  });

  it('maps every resource type to its GraphQL type', async () => {
    const res = await q(`{ entitlements(first: 50) { totalCount edges { node { resource { __typename externalId } } } } }`);
    const types = Object.fromEntries(res.body.data.entitlements.edges.map((e: any) => [e.node.resource.externalId, e.node.resource.__typename]));
    expect(types).toEqual({
      'workspace:T1': 'Workspace',
      'workspace:T2': 'Workspace',
      'userGroup:S1': 'UserGroup',
      'group:G1': 'IdpGroup',
      'workspaceRole:T1:admin': 'WorkspaceRole',
      'enterpriseRole:Rl0A': 'EnterpriseRole',
      'channel:C1': 'Channel',
    });
  });

  it('filters entitlements by resource type, workspace, grantability and search', async () => {
    const res = await q(`{
      groups: entitlements(filter: { resourceType: [USER_GROUP, IDP_GROUP] }) { edges { node { externalId } } }
      inT1: entitlements(filter: { workspaceId: "workspace:T1" }) { totalCount }
      grantable: entitlements(filter: { grantable: true }) { edges { node { externalId } } }
      search: entitlements(filter: { search: "general" }) { edges { node { externalId } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const ids = (c: any) => c.edges.map((e: any) => e.node.externalId);
    expect(ids(res.body.data.groups)).toEqual(['userGroup:S1:member', 'group:G1:member']);
    expect(res.body.data.inT1.totalCount).toBe(4);
    expect(ids(res.body.data.grantable)).toEqual(['userGroup:S1:member', 'channel:C1:member']);
    expect(ids(res.body.data.search)).toEqual(['channel:C1:member']);
  });

  it('filters grants by account, resource type, source and expiry', async () => {
    const res = await q(`{
      mine: grants(filter: { accountId: "user:U000" }) { totalCount }
      channels: grants(filter: { resourceType: [CHANNEL], source: [DIRECT] }) { totalCount edges { node { externalId source expiresAt } } }
      expiring: grants(filter: { expiringBefore: "2031-01-01T00:00:00Z" }) { totalCount }
      notYet: grants(filter: { expiringBefore: "2029-01-01T00:00:00Z" }) { totalCount }
      accountGrants: account(id: "user:U001") { grants(filter: { resourceType: [WORKSPACE] }) { totalCount edges { node { entitlement { externalId } } } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.mine.totalCount).toBe(5);
    expect(d.channels.totalCount).toBe(3);
    expect(d.channels.edges[0].node).toEqual({ externalId: 'channel:C1:member:user:U000', source: 'DIRECT', expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(d.expiring.totalCount).toBe(3);
    expect(d.notYet.totalCount).toBe(0);
    expect(d.accountGrants.grants.edges.map((e: any) => e.node.entitlement.externalId)).toEqual(['workspace:T1:member', 'workspace:T2:member']);
  });

  it('resolves node and nodes by global and external ids, null for unknown ids', async () => {
    const s1 = catalog.resources['userGroup:S1'] as number;
    const res = await q(
      `query ($group: ID!) {
        node(id: $group) { __typename id ... on UserGroup { externalId } }
        byExternal: node(id: "channel:C1") { __typename id }
        grant: node(id: "userGroup:S1:member:user:U005") { ... on Grant { account { slackId } } }
        nodes(ids: ["user:U007", "nothing:here", $group]) { __typename }
      }`,
      { group: encodeGlobalId('UserGroup', s1) },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node).toEqual({ __typename: 'UserGroup', id: encodeGlobalId('UserGroup', s1), externalId: 'userGroup:S1' });
    expect(res.body.data.byExternal).toEqual({ __typename: 'Channel', id: encodeGlobalId('Channel', catalog.resources['channel:C1'] as number) });
    expect(res.body.data.grant).toEqual({ account: { slackId: 'U005' } });
    expect(res.body.data.nodes).toEqual([{ __typename: 'Account' }, null, { __typename: 'UserGroup' }]);
  });

  it('caps a page at 100 items', async () => {
    const res = await q(`{ accounts(first: 500) { edges { cursor } pageInfo { hasNextPage } } }`);
    expect(res.body.data.accounts.edges).toHaveLength(100);
    expect(res.body.data.accounts.pageInfo.hasNextPage).toBe(true);
  });

  it('pages backwards with last/before', async () => {
    const forward = await q(`{ accounts(first: 5) { edges { cursor node { slackId } } } }`);
    const fifth = forward.body.data.accounts.edges[4].cursor;
    const back = await q(`query ($before: String) { accounts(last: 2, before: $before) { edges { node { slackId } } pageInfo { hasPreviousPage hasNextPage } } }`, { before: fifth });
    expect(back.body.data.accounts).toEqual({ edges: [{ node: { slackId: 'U002' } }, { node: { slackId: 'U003' } }], pageInfo: { hasPreviousPage: true, hasNextPage: true } });
    const tail = await q(`{ accounts(last: 1) { edges { node { slackId } } } }`);
    expect(tail.body.data.accounts.edges).toEqual([{ node: { slackId: 'U149' } }]);
  });

  it('rejects a cursor that is not one of the connection', async () => {
    const res = await q(`{ accounts(first: 2, after: "bm90LWEtY3Vyc29y") { edges { cursor } } }`);
    expect(res.body.errors?.[0]?.message).toContain('is not a cursor of this connection');
  });
});

describe(`keyset pagination under concurrent writes (${backend})`, () => {
  it('returns every grant that exists throughout exactly once, while grants are added and removed between pages', async () => {
    const entitlementId = catalog.entitlements['workspace:T1:member'] as number;
    const before = await t.db.selectFrom('grants').select(['id', 'external_id']).where('entitlement_id', '=', entitlementId).orderBy('id').execute();
    const seen: string[] = [];
    let after: string | null = null;
    const removed = new Set<string>();
    let page = 0;
    for (;;) {
      const res: any = await q(
        `query ($after: String) { entitlement(id: "workspace:T1:member") { grants(first: 40, after: $after) { edges { cursor node { externalId } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const conn = res.body.data.entitlement.grants;
      seen.push(...conn.edges.map((e: any) => e.node.externalId));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
      page += 1;
      // Between pages: a grant already read and one not yet read disappear; a new one appears.
      const gone = [before[page * 10], before[before.length - page]].filter((g): g is { id: number; external_id: string } => g !== undefined);
      for (const g of gone) removed.add(g.external_id);
      await t.db.deleteFrom('grants').where('id', 'in', gone.map((g) => g.id)).execute();
      const newcomer = await t.db.insertInto('accounts').values({ external_id: `user:UNEW${page}`, slack_id: `UNEW${page}` }).returning('id').executeTakeFirstOrThrow();
      await t.db.insertInto('grants').values({ external_id: `workspace:T1:member:user:UNEW${page}`, entitlement_id: entitlementId, account_id: newcomer.id }).execute();
    }
    expect(new Set(seen).size).toBe(seen.length);
    const throughout = before.map((g) => g.external_id).filter((id) => !removed.has(id));
    for (const id of throughout) expect(seen).toContain(id);
  });
});
