import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_TRUSTED_DOCUMENTS } from '../../src/graphql/trustedDocuments.ts';
import type { RunningServer } from '../../src/server.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// POST /graphql over HTTP takes a direct path for the plain case (src/directGraphql.ts) instead of
// graphql-yoga's fetch-API adapter. Every request here is sent both ways — over HTTP to the
// gateway's node:http handler, and to Yoga itself (`yoga.fetch`) — and must get the same answer:
// status, media type, the headers a client acts on, and body.
const w = useWorld({ slack: { plan: 'business-plus', seed: 17, users: 30, userGroups: 3, idpGroups: 0, channels: 3 } });
let server: RunningServer;
let token: string;
let trustedOnly: string;

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: unknown;
}

const COMPARED_HEADERS = ['content-type', 'www-authenticate', 'retry-after'];

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown = text;
  try {
    // Request ids differ between two requests; everything else must not.
    body = JSON.parse(text.replace(/quote request id [0-9a-f-]+/g, 'quote request id X').replace(/"requestId":"[0-9a-f-]+"/g, '"requestId":"X"'));
  } catch {
    // not JSON: compared as text
  }
  return { status: res.status, headers: Object.fromEntries(COMPARED_HEADERS.map((h) => [h, res.headers.get(h)])), body };
}

/** The same request over HTTP (the direct path when plain) and through Yoga; both answers. */
async function both(init: { body: string; headers?: Record<string, string>; auth?: string | null }): Promise<[Answer, Answer]> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(init.auth === null ? {} : { authorization: `Bearer ${init.auth ?? token}` }), ...init.headers };
  const direct = await answer(await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: init.body }));
  const yoga = await answer(await w.gateway.yoga.fetch(`${server.url}/graphql`, { method: 'POST', headers, body: init.body }));
  return [direct, yoga];
}

beforeAll(async () => {
  server = await w.listen();
  token = await w.token(['read', 'admin']);
  trustedOnly = (await w.apiClient(['read'], { trustedOnly: true })).token;
});

describe(`POST /graphql straight from node:http answers as Yoga does (${backend})`, () => {
  const cases: [string, { body: string; headers?: Record<string, string>; auth?: string | null }][] = [
    ['a query', { body: JSON.stringify({ query: '{ viewer { clientId scopes } }' }) }],
    ['a page with variables and an operation name', { body: JSON.stringify({ query: 'query A($n: Int) { accounts(first: $n) { totalCount edges { node { slackId email } } } } query B { viewer { clientId } }', variables: { n: 3 }, operationName: 'A' }) }],
    ['no token', { body: JSON.stringify({ query: '{ viewer { clientId } }' }), auth: null }],
    ['a bad token', { body: JSON.stringify({ query: '{ viewer { clientId } }' }), auth: 'sgt_not-a-token' }],
    ['a syntax error', { body: JSON.stringify({ query: '{ viewer { clientId ' }) }],
    ['an unknown field', { body: JSON.stringify({ query: '{ viewer { nope } }' }) }],
    ['a variable of the wrong type', { body: JSON.stringify({ query: 'query ($n: Int) { accounts(first: $n) { totalCount } }', variables: { n: 'three' } }) }],
    ['a page too large', { body: JSON.stringify({ query: '{ accounts(first: 150) { totalCount } }' }) }],
    ['an unknown id (an error naming it)', { body: JSON.stringify({ query: '{ grants(filter: { accountId: "user:NOPE" }) { totalCount } }' }) }],
    ['a query over the cost limit', { body: JSON.stringify({ query: '{ accounts(first: 100) { edges { node { grants(first: 100) { edges { node { entitlement { grants(first: 100) { edges { node { externalId } } } } } } } } } } }' }) }],
    ['a NUL character', { body: JSON.stringify({ query: '{ viewer { clientId } }', variables: { x: 'a\u0000b' } }) }],
    ['a mutation failing inside its payload', { body: JSON.stringify({ query: 'mutation { revokeGrant(input: { grantId: "nope" }) { errors { code message } } }' }) }],
    ['invalid JSON (Yoga answers)', { body: '{"query": ' }],
    ['extensions (Yoga answers)', { body: JSON.stringify({ query: '{ viewer { clientId } }', extensions: {} }) }],
    ['a batch (Yoga answers)', { body: JSON.stringify([{ query: '{ viewer { clientId } }' }]) }],
    ['a trusted document by hash (Yoga answers)', { body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: Object.keys(BUNDLED_TRUSTED_DOCUMENTS)[0] } } }) }],
    ['a subscription over plain POST (Yoga answers)', { body: JSON.stringify({ query: 'subscription { syncProgress { phase } }' }), headers: { accept: 'application/json' } }],
    ['Accept: application/graphql-response+json (Yoga answers)', { body: JSON.stringify({ query: '{ viewer { nope } }' }), headers: { accept: 'application/graphql-response+json' } }],
  ];
  for (const [name, init] of cases) {
    it(name, async () => {
      const [direct, yoga] = await both(init);
      expect(direct).toEqual(yoga);
    });
  }

  it('a trusted-only client: its ad-hoc document refused (403), as by Yoga', async () => {
    const [direct, yoga] = await both({ body: JSON.stringify({ query: '{ viewer { clientId } }' }), auth: trustedOnly });
    expect(direct.status).toBe(403);
    expect(direct).toEqual(yoga);
  });

  it('a client over its query-cost budget: 429 with Retry-After, as by Yoga', async () => {
    const noisy = (await w.apiClient(['read'], { costBudgetPerMinute: 60 })).token;
    const body = JSON.stringify({ query: '{ accounts(first: 100) { edges { node { slackId } } } }' });
    // The first query is let through on a full bucket; the next ones wait for it to refill.
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${noisy}` }, body });
    const [direct, yoga] = await both({ body, auth: noisy });
    expect(direct.status).toBe(429);
    expect(Number(direct.headers['retry-after'])).toBeGreaterThan(0);
    expect({ ...direct, headers: { ...direct.headers, 'retry-after': 'n' }, body: 'b' }).toEqual({ ...yoga, headers: { ...yoga.headers, 'retry-after': 'n' }, body: 'b' });
    expect(JSON.stringify(direct.body).replace(/\d+/g, 'N')).toBe(JSON.stringify(yoga.body).replace(/\d+/g, 'N'));
  });

  it('answers the plain case over keep-alive connections, request after request', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: `{ a${i}: viewer { clientId } }` }) }).then(answer)),
    );
    for (const [i, a] of answers.entries()) expect(a).toMatchObject({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { data: { [`a${i}`]: { clientId: expect.any(String) } } } });
  });
});
