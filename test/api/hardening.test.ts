import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { apiClient, graphql, silentLogger } from './helpers.ts';

const t = useTestDatabase();
let dev: RunningServer;
let production: RunningServer;
let token: string;

beforeAll(async () => {
  dev = await listen(createGateway({ database: t.database, logger: silentLogger }), { port: 0, host: '127.0.0.1' });
  production = await listen(createGateway({ database: t.database, logger: silentLogger, production: true }), { port: 0, host: '127.0.0.1' });
  token = (await apiClient(t.db, ['read'])).token;
});
afterAll(async () => {
  await dev.close();
  await production.close();
});

describe(`query limits (${backend})`, () => {
  it('refuses a query nested deeper than the limit', async () => {
    const res = await graphql(dev.url, token, `{ accounts { edges { node { grants { edges { node { entitlement { resource { entitlements {
      grants { edges { node { account { grants { edges { node { externalId } } } } } } } } } } } } } } } } }`);
    expect(res.body.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.body.data).toBeFalsy();
  });

  it('refuses a query whose pages multiply beyond the cost limit', async () => {
    const res = await graphql(dev.url, token, `{ entitlements(first: 100) { edges { node { grants(first: 100) { edges { node { account { grants(first: 100) { edges { node { externalId } } } } } } } } } } }`);
    expect(res.body.errors?.[0]?.message).toMatch(/complexity/i);
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ');
    const res = await graphql(dev.url, token, `{ ${fields} }`);
    expect(res.body.errors?.[0]?.message).toContain('more that 5000 tokens');
  });

  it('explains bad input without running anything', async () => {
    const res = await graphql(dev.url, token, '{ accounts(filter: { status: [GONE] }) { totalCount } }');
    expect(res.body.errors?.[0]?.message).toContain('GONE');
    expect(res.body.data).toBeFalsy();
  });
});

describe(`development and production (${backend})`, () => {
  it('serves GraphiQL to a browser without a token in development only', async () => {
    const page = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('slackgate');
    const refused = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(401);
  });

  it('allows introspection in development and refuses it in production', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await graphql(dev.url, token, query)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const res = await graphql(production.url, token, query);
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('hides "did you mean" hints in production', async () => {
    const devAnswer = await graphql(dev.url, token, '{ acounts { totalCount } }');
    expect(devAnswer.body.errors?.[0]?.message).toContain('Did you mean');
    const prodAnswer = await graphql(production.url, token, '{ acounts { totalCount } }');
    expect(prodAnswer.body.errors?.[0]?.message).toBe('Cannot query field "acounts" on type "Query".');
  });
});
