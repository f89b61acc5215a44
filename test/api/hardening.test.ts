import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlackgateClient } from '../../src/client/index.ts';
import { PagesMultipliedDocument, QueryTypeNameDocument, TooDeepDocument } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { IN_PROCESS_URL, useWorld, type InProcessGateway } from '../support/world.ts';

// Documents the schema refuses (unknown fields, values) are sent raw: codegen would refuse them.
const w = useWorld();
let dev: SlackgateClient;
let production: InProcessGateway;
let token: string;

beforeAll(async () => {
  dev = await w.client(['read']);
  production = await w.otherGateway({ production: true });
  token = await dev.accessToken();
});

describe(`query limits (${backend})`, () => {
  it('refuses a query nested deeper than the limit', async () => {
    const res = await dev.execute(TooDeepDocument);
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.data).toBeFalsy();
  });

  it('refuses a query whose pages multiply beyond the cost limit', async () => {
    const res = await dev.execute(PagesMultipliedDocument);
    expect(res.errors?.[0]?.message).toMatch(/complexity/i);
  });

  it('prices a document with each request\'s variables: the same pages multiplied pass small and are refused large', async () => {
    const pages = 'query ($n: Int) { entitlements(first: $n) { edges { node { grants(first: $n) { edges { node { account { grants(first: $n) { edges { node { externalId } } } } } } } } } } }';
    expect((await w.graphql(token, pages, { n: 2 })).body.errors).toBeUndefined();
    expect((await w.graphql(token, pages, { n: 100 })).body.errors?.[0]?.message).toMatch(/complexity/i);
    expect((await w.graphql(token, pages, { n: 2 })).body.errors).toBeUndefined();
    expect((await w.graphql(token, pages, { n: 100 })).body.errors?.[0]?.message).toMatch(/complexity/i);
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ');
    const res = await w.graphql(token, `{ ${fields} }`);
    expect(res.body.errors?.[0]?.message).toContain('more that 5000 tokens');
  });

  it('explains bad input without running anything', async () => {
    const res = await w.graphql(token, '{ accounts(filter: { status: [GONE] }) { totalCount } }');
    expect(res.body.errors?.[0]?.message).toContain('GONE');
    expect(res.body.data).toBeFalsy();
  });
});

describe(`development and production (${backend})`, () => {
  it('serves GraphiQL to a browser without a token in development only', async () => {
    const page = await w.fetch(`${IN_PROCESS_URL}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('slackgate');
    const refused = await production.fetch(`${IN_PROCESS_URL}/graphql`, { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(401);
  });

  it('allows introspection in development and refuses it in production', async () => {
    expect(await dev.request(QueryTypeNameDocument)).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const res = await production.graphql(token, print(QueryTypeNameDocument));
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('hides "did you mean" hints in production', async () => {
    const devAnswer = await w.graphql(token, '{ acounts { totalCount } }');
    expect(devAnswer.body.errors?.[0]?.message).toContain('Did you mean');
    const prodAnswer = await production.graphql(token, '{ acounts { totalCount } }');
    expect(prodAnswer.body.errors?.[0]?.message).toBe('Cannot query field "acounts" on type "Query".');
  });
});
