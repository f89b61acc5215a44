import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlackgateClient } from '../../src/client/index.ts';
import { EveryCountDocument, GrantPageWithEntitlementsDocument, type GrantPageWithEntitlementsQuery } from '../gql/graphql.ts';
import { seedCatalog } from '../support/catalog.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Gateways remember entitlements (here for a whole minute, far longer than any wait below), so
// every change seen here comes from the database's notice, not from expiry.
const statements: string[] = [];
const w = useWorld({ onQuery: (event) => statements.push(event.query.sql), gateway: { entitlementTrustMs: 60_000, countTrustMs: 60_000 } });
let reader: SlackgateClient;

beforeAll(async () => {
  await seedCatalog(w.db, 40);
  reader = await w.client(['read']);
});

type PageNode = GrantPageWithEntitlementsQuery['grants']['edges'][number]['node'];

async function page(): Promise<PageNode[]> {
  const res = await reader.execute(GrantPageWithEntitlementsDocument);
  expect(res.errors).toBeUndefined();
  return res.data!.grants.edges.map((e) => e.node);
}

/** The page, asked again until `seen` holds, for at most two seconds. */
async function pageUntil(seen: (nodes: PageNode[]) => boolean): Promise<PageNode[]> {
  const until = Date.now() + 2000;
  let nodes = await page();
  while (!seen(nodes) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    nodes = await page();
  }
  return nodes;
}

const entitlementReads = () => statements.filter((s) => s.includes('from entitlements e'));

describe(`remembered entitlements (${backend})`, () => {
  it('serves the entitlements of a page again without reading them from the database', async () => {
    await page();
    statements.length = 0;
    const again = await page();
    expect(again.length).toBeGreaterThan(0);
    expect(entitlementReads()).toHaveLength(0);
    expect(statements.filter((s) => s.includes('"grants"'))).toHaveLength(1);
  });

  it('shows an entitlement renamed in the database at once', async () => {
    const [first] = await page();
    const externalId = first!.entitlement.externalId;
    await sql`update entitlements set display_name = 'Renamed entitlement' where external_id = ${externalId}`.execute(w.db);
    const nodes = await pageUntil((n) => n.some((g) => g.entitlement.displayName === 'Renamed entitlement'));
    expect(nodes.filter((g) => g.entitlement.externalId === externalId).every((g) => g.entitlement.displayName === 'Renamed entitlement')).toBe(true);
  });

  it('shows a resource renamed in the database at once', async () => {
    const [first] = await page();
    const resourceName = first!.entitlement.resource.displayName;
    await sql`update resources set display_name = 'Renamed resource' where display_name = ${resourceName}`.execute(w.db);
    const nodes = await pageUntil((n) => n.some((g) => g.entitlement.resource.displayName === 'Renamed resource'));
    expect(nodes.some((g) => g.entitlement.resource.displayName === resourceName)).toBe(false);
  });
});

async function counts(): Promise<{ grants: number; accounts: number; perEntitlement: Record<string, [number, number]> }> {
  const res = await reader.execute(EveryCountDocument);
  expect(res.errors).toBeUndefined();
  const d = res.data!;
  const perEntitlement: Record<string, [number, number]> = {};
  for (const { node } of d.entitlements.edges) perEntitlement[node.externalId] = [node.grantCount, node.grants.totalCount];
  return { grants: d.grants.totalCount, accounts: d.accounts.totalCount, perEntitlement };
}

const countStatements = () => statements.filter((s) => /count\(\*\)/i.test(s));

describe(`remembered counts (${backend})`, () => {
  it('answers totalCount, grantCount and nested counts again without counting, and with the same numbers', async () => {
    const first = await counts();
    statements.length = 0;
    expect(await counts()).toEqual(first);
    expect(countStatements()).toHaveLength(0);
    // grantCount and an unfiltered grants totalCount of an entitlement are one number.
    for (const [grantCount, totalCount] of Object.values(first.perEntitlement)) expect(grantCount).toBe(totalCount);
  });

  it('counts again at once when grants or accounts change in the database', async () => {
    const before = await counts();
    const [externalId, [held]] = Object.entries(before.perEntitlement).find(([, [n]]) => n > 0)!;
    const { rows } = await sql<{ n: number }>`with gone as (
        delete from grants where id = (select g.id from grants g join entitlements e on e.id = g.entitlement_id where e.external_id = ${externalId} limit 1) returning 1)
      select count(*)::int as n from gone`.execute(w.db);
    expect(rows[0]!.n).toBe(1);
    const until = Date.now() + 2000;
    let after = await counts();
    while (after.grants === before.grants && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      after = await counts();
    }
    expect(after.grants).toBe(before.grants - 1);
    expect(after.perEntitlement[externalId]).toEqual([held - 1, held - 1]);
    expect(after.accounts).toBe(before.accounts);
  });
});
