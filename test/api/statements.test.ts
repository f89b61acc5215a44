import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionResult, SlackgateClient } from '../../src/client/index.ts';
import {
  AccountAloneDocument,
  GrantIdsAndTimesDocument,
  GrantRowsCountedDocument,
  GrantRowsDocument,
  GrantRowsThroughFragmentsDocument,
  JoinedAccountsDocument,
  NestedConnectionsDocument,
  SearchedAccountEmailsDocument,
} from '../gql/graphql.ts';
import { seedCatalog } from '../support/catalog.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Every statement the gateway sends, recorded through createDb's onQuery hook. Nothing is
// remembered across requests (entitlements, counts): these are the statements a page costs
// cold; entitlement-cache.test.ts covers what remembering saves.
const statements: string[] = [];
const w = useWorld({ onQuery: (event) => statements.push(event.query.sql), gateway: { entitlementTrustMs: 0, countTrustMs: 0 } });
let reader: SlackgateClient;

beforeAll(async () => {
  await seedCatalog(w.db, 150);
  reader = await w.client(['read']);
  // The token is issued now, not inside a counted request.
  await reader.accessToken();
});

/** Statements one request runs to answer, apart from the bearer-token check (once per token and a few seconds). */
async function statementsFor(send: () => Promise<ExecutionResult<unknown>>): Promise<string[]> {
  statements.length = 0;
  const res = await send();
  expect(res.errors).toBeUndefined();
  const tokenChecks = statements.filter((s) => s.includes('"api_tokens"'));
  expect(tokenChecks.length).toBeLessThanOrEqual(1);
  return statements.filter((s) => !s.includes('"api_tokens"'));
}

/** A page of grants with their accounts, entitlements and resources. */
const grantsPage = (first: number, totalCount: boolean) => () => (totalCount ? reader.execute(GrantRowsCountedDocument, { first }) : reader.execute(GrantRowsDocument, { first }));

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
    const search = await statementsFor(() => reader.execute(SearchedAccountEmailsDocument));
    expect(search).toHaveLength(1);
    const selected = search[0]!.slice(0, search[0]!.indexOf(' from '));
    expect(selected).toContain('"accounts"."email"');
    expect(selected).not.toContain('"accounts"."display_name"');
  });

  it('answers each Account field of a joined page from its own columns', async () => {
    const res = await reader.execute(JoinedAccountsDocument);
    expect(res.errors).toBeUndefined();
    const joined = res.data!.grants.edges.map((e) => e.node.account);
    for (const account of joined) {
      const alone = await reader.request(AccountAloneDocument, { id: account.id });
      expect(alone.node).toEqual(account);
    }
  });

  it('reads no accounts or entitlements for a page that does not show them', async () => {
    const sql = await statementsFor(() => reader.execute(GrantIdsAndTimesDocument));
    expect(sql).toHaveLength(1);
    expect(sql[0]).toContain('"grants"');
  });

  it('answers through named and inline fragments the same, in as many statements', async () => {
    const plain = await grantsPage(100, false)();
    expect(JSON.stringify(plain)).toContain('"account":{"slackId"');
    const throughFragments = () => reader.execute(GrantRowsThroughFragmentsDocument);
    expect(await statementsFor(throughFragments)).toHaveLength(2);
    expect(await throughFragments()).toEqual(plain);
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
    const sql = await statementsFor(() => reader.execute(NestedConnectionsDocument));
    // entitlements page, grant counts, grant pages (one lateral statement), their totals,
    // the accounts, the accounts' workspaces.
    expect(sql).toHaveLength(6);
  });
});
