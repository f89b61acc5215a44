import { print, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlackgateClient } from '../../src/client/index.ts';
import { schema, staleDescriptions } from '../../src/graphql/schema.ts';
import {
  AccountsOfWorkspaceDocument,
  AccountsPageOfDocument,
  GrantsOfAccountDocument,
  ResourcesListDocument,
  RevokeNothingDocument,
  SyncRunByNumberDocument,
  SyncRunNumbersDocument,
  TooCostlyDocument,
  ViewerScopesDocument,
} from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { seedCatalog } from '../support/catalog.ts';
import { useWorld } from '../support/world.ts';

const w = useWorld();
let client: SlackgateClient;

beforeAll(async () => {
  await seedCatalog(w.db);
  await w.db.updateTable('resources').set({ profile: JSON.stringify({ name: 'general', is_private: true }) }).where('external_id', '=', 'channel:C1').execute();
  await w.db.insertInto('sync_runs').values({ trigger: 'MANUAL', status: 'SUCCEEDED', slack_calls: JSON.stringify({ 'users.list': 3, 'conversations.list': 2 }) }).execute();
  client = await w.client(['read', 'provision']);
});

describe('descriptions', () => {
  it('every public type, field, argument and enum value has a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
    expect(staleDescriptions).toEqual([]);
  });
});

describe(`contract (${backend})`, () => {
  it('answers an unknown account, entitlement or workspace in a filter with an error naming the id, not an empty list', async () => {
    const account = await client.execute(GrantsOfAccountDocument, { accountId: 'user:NOPE' });
    expect(account.data).toBeNull();
    expect(account.errors?.[0]?.message).toBe('filter.accountId: no account has the id "user:NOPE" (nor that email); check it, or look it up first');
    const entitlement = await client.execute(GrantsOfAccountDocument, { entitlementId: 'userGroup:S404:member' });
    expect(entitlement.errors?.[0]?.message).toContain('filter.entitlementId: no entitlement has the id "userGroup:S404:member"');
    const workspace = await client.execute(AccountsOfWorkspaceDocument, { workspaceId: 'workspace:T404' });
    expect(workspace.errors?.[0]?.message).toContain('filter.workspaceId: no workspace has the id "workspace:T404"');
  });

  it('accepts an email wherever an account is named', async () => {
    const byEmail = await client.request(GrantsOfAccountDocument, { accountId: 'PERSON001@acme.test' });
    const byId = await client.request(GrantsOfAccountDocument, { accountId: 'user:U001' });
    expect(byEmail.grants.totalCount).toBe(byId.grants.totalCount);
    expect(byId.grants.totalCount).toBe(4);
  });

  it('refuses a page over 100 with a message instead of cutting it', async () => {
    const refused = await client.execute(AccountsPageOfDocument, { first: 150 });
    expect(refused.errors?.[0]?.message).toBe('first: 150 is more than a page holds (at most 100); ask 100 or fewer and page on with after: pageInfo.endCursor');
    expect((await client.request(AccountsPageOfDocument, { first: 100 })).accounts.edges).toHaveLength(100);
  });

  it('lists every resource at the root, with Resource.workspace typed Workspace and channels saying public or private and their members', async () => {
    const all = await client.request(ResourcesListDocument, {});
    expect(all.resources.totalCount).toBe(7);
    const channel = all.resources.edges.find((e) => e.node.externalId === 'channel:C1')?.node;
    expect(channel).toEqual({ __typename: 'Channel', externalId: 'channel:C1', workspace: { name: 'Acme', domain: 'acme' }, isPrivate: true, memberCount: 3 });
    const groups = await client.request(ResourcesListDocument, { filter: { resourceType: ['USER_GROUP', 'IDP_GROUP'] } });
    expect(groups.resources.edges.map((e) => e.node.externalId)).toEqual(['userGroup:S1', 'group:G1']);
    const inT2 = await client.request(ResourcesListDocument, { filter: { workspaceId: 'workspace:T2' } });
    expect(inT2.resources.edges.map((e) => e.node.externalId)).toEqual(['workspace:T2']);
    const search = await client.request(ResourcesListDocument, { filter: { search: 'ENGIN' } });
    expect(search.resources.edges.map((e) => e.node.externalId)).toEqual(['userGroup:S1']);
  });

  it('shows a sync run its number, which syncRun(id:) accepts', async () => {
    const runs = await client.request(SyncRunNumbersDocument);
    const run = runs.syncRuns.edges[0]?.node;
    expect(run?.number).toBeGreaterThan(0);
    const again = await client.request(SyncRunByNumberDocument, { id: String(run?.number) });
    expect(again.syncRun).toEqual({ number: run?.number, slackCallsTotal: 5 });
  });

  it('answers revokeGrant without a grant named in the payload errors, like every other expected failure', async () => {
    const res = await client.request(RevokeNothingDocument);
    expect(res.revokeGrant).toEqual({
      result: null,
      errors: [{ __typename: 'ValidationError', code: 'INVALID', message: 'name the grant to revoke: give either grantId, or both entitlementId and accountId', field: 'input.grantId' }],
    });
  });

  it('names the costliest field of a query over the cost limit', async () => {
    const res = await client.execute(TooCostlyDocument);
    expect(res.errors?.[0]?.message).toMatch(/^query complexity \(cost\) \d+ is more than the \d+ allowed; most of it is accounts \(cost \d+\): page it with a smaller first/);
  });

  it('tells a client whose token is invalid or expired so, and one without a token how to get one', async () => {
    const invalid = await w.graphql('sgt_not-a-token', print(ViewerScopesDocument));
    expect(invalid.status).toBe(401);
    expect(invalid.body.errors?.[0]?.message).toBe('invalid or expired token: get a new one with POST /oauth/token (client credentials)');
    const none = await w.graphql(undefined, print(ViewerScopesDocument));
    expect(none.body.errors?.[0]?.message).toMatch(/^authentication required/);
  });
});
