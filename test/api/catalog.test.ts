import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/graphql/ids.ts';
import { backend } from '../support/db.ts';
import { seedCatalog, type Catalog } from '../support/catalog.ts';
import { useWorld } from '../support/world.ts';
import type { SlackgateClient } from '../../src/client/index.ts';
import {
  AccountByIdDocument,
  AccountBySlackIdAndEmailDocument,
  AccountFiltersDocument,
  AccountLookupsDocument,
  AccountPageDocument,
  AccountsInWorkspaceDocument,
  EntitlementFiltersDocument,
  EntitlementGrantPageDocument,
  EntitlementWithGrantsDocument,
  GrantFiltersDocument,
  GrantTimesDocument,
  NodeLookupsDocument,
  ResourceTypenamesDocument,
  type EntitlementGrantPageQuery,
} from '../gql/graphql.ts';

const w = useWorld();
let client: SlackgateClient;
let catalog: Catalog;

beforeAll(async () => {
  catalog = await seedCatalog(w.db);
  client = await w.client(['read']);
});

describe(`read model (${backend})`, () => {
  it('answers DateTime fields as ISO 8601 UTC strings with milliseconds, equal to the stored times', async () => {
    const data = await client.request(GrantTimesDocument);
    const stored = await w.db.selectFrom('grants').innerJoin('accounts', 'accounts.id', 'grants.account_id').select(['grants.external_id', 'grants.granted_at', 'accounts.created_at']).orderBy('grants.id').limit(5).execute();
    const answered = data.grants.edges.map((e) => e.node);
    expect(answered).toHaveLength(5);
    answered.forEach((node, i) => {
      expect(node.grantedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(node.externalId).toBe(stored[i]?.external_id);
      expect(node.grantedAt).toBe(stored[i]?.granted_at.toISOString());
      expect(node.account.createdAt).toBe(stored[i]?.created_at.toISOString());
      expect(node.expiresAt).toBeNull();
    });
  });

  it('filters accounts by search, status, type, guest and workspace, with totalCount', async () => {
    const d = await client.request(AccountFiltersDocument);
    expect(d.all.totalCount).toBe(150);
    expect(d.search.totalCount).toBe(10);
    expect(d.byEmail.edges).toEqual([{ node: { slackId: 'U020', email: 'Person020@Acme.test' } }]);
    expect(d.disabled.totalCount).toBe(21);
    expect(d.guests.totalCount).toBe(15);
    expect(d.services.edges).toEqual([{ node: { displayName: 'deploy-bot', type: 'SERVICE' } }]);
    expect(d.labs.totalCount).toBe(5);
  });

  it('finds one account by global id, external id, Slack id or email', async () => {
    const first = catalog.accounts[3] as { id: number; slackId: string };
    const data = await client.request(AccountLookupsDocument, { global: encodeGlobalId('Account', first.id) });
    expect(data).toEqual({
      byGlobal: { slackId: 'U003' },
      byExternal: { slackId: 'U003', workspaces: [{ externalId: 'workspace:T1', name: 'Acme', domain: 'acme' }, { externalId: 'workspace:T2', name: 'Acme Labs', domain: 'acme-labs' }] },
      bySlack: { slackId: 'U003' },
      byEmail: { slackId: 'U003' },
      missing: null,
    });
  });

  it('refuses an id of the wrong type and an ambiguous account lookup with clear errors', async () => {
    const wrongType = await client.execute(AccountByIdDocument, { id: encodeGlobalId('Grant', 1) });
    expect(wrongType.errors?.[0]?.message).toMatch(/is a Grant id; expected Account/);
    const twoArgs = await client.execute(AccountBySlackIdAndEmailDocument);
    expect(twoArgs.errors?.[0]?.message).toContain('exactly one of id, slackId or email');
  });

  it('resolves an entitlement by external id, with its typed resource, grants and grant count', async () => {
    const data = await client.request(EntitlementWithGrantsDocument);
    expect(data.entitlement).toEqual({
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
    const data = await client.request(ResourceTypenamesDocument);
    const types = Object.fromEntries(data.entitlements.edges.map((e) => [e.node.resource.externalId, e.node.resource.__typename]));
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
    const data = await client.request(EntitlementFiltersDocument);
    const ids = (c: { edges: { node: { externalId: string } }[] }) => c.edges.map((e) => e.node.externalId);
    expect(ids(data.groups)).toEqual(['userGroup:S1:member', 'group:G1:member']);
    expect(data.inT1.totalCount).toBe(4);
    expect(ids(data.grantable)).toEqual(['userGroup:S1:member', 'channel:C1:member']);
    expect(ids(data.search)).toEqual(['channel:C1:member']);
  });

  it('filters grants by account, resource type, source and expiry', async () => {
    const d = await client.request(GrantFiltersDocument);
    expect(d.mine.totalCount).toBe(5);
    expect(d.channels.totalCount).toBe(3);
    expect(d.channels.edges[0]?.node).toEqual({ externalId: 'channel:C1:member:user:U000', source: 'DIRECT', expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(d.expiring.totalCount).toBe(3);
    expect(d.notYet.totalCount).toBe(0);
    expect(d.accountGrants?.grants.edges.map((e) => e.node.entitlement.externalId)).toEqual(['workspace:T1:member', 'workspace:T2:member']);
  });

  it('resolves node and nodes by global and external ids, null for unknown ids', async () => {
    const s1 = catalog.resources['userGroup:S1'] as number;
    const data = await client.request(NodeLookupsDocument, { group: encodeGlobalId('UserGroup', s1) });
    expect(data.node).toEqual({ __typename: 'UserGroup', id: encodeGlobalId('UserGroup', s1), externalId: 'userGroup:S1' });
    expect(data.byExternal).toEqual({ __typename: 'Channel', id: encodeGlobalId('Channel', catalog.resources['channel:C1'] as number) });
    expect(data.grant).toEqual({ account: { slackId: 'U005' } });
    expect(data.nodes).toEqual([{ __typename: 'Account' }, null, { __typename: 'UserGroup' }]);
  });

  it('caps a page at 100 items', async () => {
    const data = await client.request(AccountPageDocument, { first: 100 });
    expect(data.accounts.edges).toHaveLength(100);
    expect(data.accounts.pageInfo.hasNextPage).toBe(true);
  });

  it('pages backwards with last/before', async () => {
    const forward = await client.request(AccountPageDocument, { first: 5 });
    const fifth = forward.accounts.edges[4]?.cursor;
    const back = await client.request(AccountPageDocument, { last: 2, before: fifth });
    expect(back.accounts.edges.map((e) => e.node)).toEqual([{ slackId: 'U002' }, { slackId: 'U003' }]);
    expect(back.accounts.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: true });
    const tail = await client.request(AccountPageDocument, { last: 1 });
    expect(tail.accounts.edges.map((e) => e.node)).toEqual([{ slackId: 'U149' }]);
  });

  it('rejects a cursor that is not one of the connection', async () => {
    const res = await client.execute(AccountPageDocument, { first: 2, after: 'bm90LWEtY3Vyc29y' });
    expect(res.errors?.[0]?.message).toContain('is not a cursor of this connection');
  });
});

describe(`keyset pagination under concurrent writes (${backend})`, () => {
  it('returns every grant that exists throughout exactly once, while grants are added and removed between pages', async () => {
    const entitlementId = catalog.entitlements['workspace:T1:member'] as number;
    const before = await w.db.selectFrom('grants').select(['id', 'external_id']).where('entitlement_id', '=', entitlementId).orderBy('id').execute();
    const seen: string[] = [];
    let after: string | null = null;
    const removed = new Set<string>();
    let page = 0;
    for (;;) {
      const data: EntitlementGrantPageQuery = await client.request(EntitlementGrantPageDocument, { after });
      const conn = data.entitlement?.grants;
      if (!conn) throw new Error('workspace:T1:member has no grants connection');
      seen.push(...conn.edges.map((e) => e.node.externalId));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor ?? null;
      page += 1;
      // Between pages: a grant already read and one not yet read disappear; a new one appears.
      const gone = [before[page * 10], before[before.length - page]].filter((g): g is { id: number; external_id: string } => g !== undefined);
      for (const g of gone) removed.add(g.external_id);
      await w.db.deleteFrom('grants').where('id', 'in', gone.map((g) => g.id)).execute();
      const newcomer = await w.db.insertInto('accounts').values({ external_id: `user:UNEW${page}`, slack_id: `UNEW${page}` }).returning('id').executeTakeFirstOrThrow();
      await w.db.insertInto('grants').values({ external_id: `workspace:T1:member:user:UNEW${page}`, entitlement_id: entitlementId, account_id: newcomer.id }).execute();
    }
    expect(new Set(seen).size).toBe(seen.length);
    const throughout = before.map((g) => g.external_id).filter((id) => !removed.has(id));
    for (const id of throughout) expect(seen).toContain(id);
  });
});
