import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { apiClient, graphql, silentLogger } from './helpers.ts';
import { seedCatalog } from './seed.ts';

// Every statement the gateway sends, recorded through createDb's onQuery hook.
const statements: string[] = [];
const t = useTestDatabase({ onQuery: (event) => statements.push(event.query.sql) });
let server: RunningServer;
let token: string;

beforeAll(async () => {
  await seedCatalog(t.db, 150);
  // Nothing remembered across requests (entitlements): these are the statements a page costs
  // cold; entitlement-cache.test.ts covers what remembering saves.
  server = await listen(createGateway({ database: t.database, logger: silentLogger, entitlementTrustMs: 0, countTrustMs: 0 }), { port: 0, host: '127.0.0.1' });
  token = (await apiClient(t.db, ['read'])).token;
});
afterAll(async () => {
  await server.close();
});

/** Statements one request runs to answer, apart from the bearer-token check (once per token and a few seconds). */
async function statementsFor(query: string): Promise<string[]> {
  statements.length = 0;
  const res = await graphql(server.url, token, query);
  expect(res.body.errors).toBeUndefined();
  const tokenChecks = statements.filter((s) => s.includes('"api_tokens"'));
  expect(tokenChecks.length).toBeLessThanOrEqual(1);
  return statements.filter((s) => !s.includes('"api_tokens"'));
}

const grantsPage = (first: number, totalCount: boolean) => `{
  grants(first: ${first}) {
    ${totalCount ? 'totalCount' : ''}
    edges { node {
      externalId source grantedAt
      account { slackId email displayName status }
      entitlement { externalId displayName grantable resource { __typename externalId displayName resourceType } }
    } }
  }
}`;

describe(`statements per request (${backend})`, () => {
  it('answers a page of 100 grants with account, entitlement and resource in 2 statements: grants with their accounts, entitlements', async () => {
    const sql = await statementsFor(grantsPage(100, false));
    expect(sql).toHaveLength(2);
    expect(sql[0]).toContain('join "accounts"');
  });

  it('reads only the account columns the request selects, whichever type selects them', async () => {
    const sql = await statementsFor(grantsPage(100, false));
    expect(sql[0]).toContain('"accounts"."slack_id"');
    expect(sql[0]).not.toContain('"accounts"."real_name"');
    const search = await statementsFor('{ accounts(first: 20, filter: { search: "a" }) { edges { node { slackId email } } } }');
    expect(search).toHaveLength(1);
    const selected = search[0]!.slice(0, search[0]!.indexOf(' from '));
    expect(selected).toContain('"accounts"."email"');
    expect(selected).not.toContain('"accounts"."display_name"');
  });

  it('answers each Account field of a joined page from its own columns', async () => {
    const res = await graphql(server.url, token, '{ grants(first: 5) { edges { node { account { id externalId slackId email username displayName realName status type isGuest guestKind isAdmin isOwner isPrimaryOwner mfaEnabled timezone createdAt updatedAt } } } } }');
    expect(res.body.errors).toBeUndefined();
    const joined = res.body.data.grants.edges.map((e: { node: { account: { id: string } } }) => e.node.account);
    for (const account of joined) {
      const alone = await graphql(server.url, token, `{ node(id: "${account.id}") { ... on Account { id externalId slackId email username displayName realName status type isGuest guestKind isAdmin isOwner isPrimaryOwner mfaEnabled timezone createdAt updatedAt } } }`);
      expect(alone.body.data.node).toEqual(account);
    }
  });

  it('reads no accounts or entitlements for a page that does not show them', async () => {
    const sql = await statementsFor('{ grants(first: 100) { edges { node { externalId grantedAt } } } }');
    expect(sql).toHaveLength(1);
    expect(sql[0]).toContain('"grants"');
  });

  it('answers through named and inline fragments the same, in as many statements', async () => {
    const plain = await graphql(server.url, token, grantsPage(100, false));
    expect(JSON.stringify(plain.body)).toContain('"account":{"slackId"');
    const query = `
      fragment Holder on Account { slackId email displayName status }
      fragment Held on Grant { entitlement { externalId displayName grantable resource { __typename externalId displayName resourceType } } }
      { grants(first: 100) { ... on GrantConnection { edges { node { externalId source grantedAt ... on Grant { account { ...Holder } } ...Held } } } } }`;
    expect(await statementsFor(query)).toHaveLength(2);
    expect((await graphql(server.url, token, query)).body).toEqual(plain.body);
  });

  it('adds one statement for totalCount', async () => {
    const sql = await statementsFor(grantsPage(100, true));
    expect(sql).toHaveLength(3);
    expect(sql.filter((s) => /count\(\*\)/i.test(s))).toHaveLength(1);
  });

  it('runs as many statements for a page of 10 as for a page of 100', async () => {
    expect(await statementsFor(grantsPage(10, true))).toHaveLength(3);
  });

  it('batches nested connections: grants of 20 entitlements and accounts of their first grants', async () => {
    const sql = await statementsFor(`{
      entitlements(first: 20) { edges { node {
        externalId grantCount
        grants(first: 5) { totalCount edges { node { account { slackId workspaces { externalId } } } } }
      } } }
    }`);
    // entitlements page, grant counts, grant pages (one lateral statement), their totals,
    // the accounts, the accounts' workspaces.
    expect(sql).toHaveLength(6);
  });
});
