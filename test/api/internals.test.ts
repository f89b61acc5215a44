import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { capturedLog } from '../support/clients.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Finding 6 of the hardening issue: answers never carry internals (stacks, paths, driver
// messages); the detail goes to the log under the request id the answer quotes.

const { logger, lines } = capturedLog('info');
// A real server: the request id is the HTTP layer's (its x-request-id header).
const w = useWorld({ gateway: { logger, production: true } });
let server: RunningServer;
let dead: Database;
let deadServer: RunningServer;
let token: string;

beforeAll(async () => {
  server = await w.listen();
  token = await w.token(['read']);
  // A database that does not answer: a server nobody listens on, or an embedded one already closed.
  if (backend === 'postgres') dead = await createDb({ url: 'postgres://postgres@127.0.0.1:1/none', poolSize: 1 });
  else {
    dead = await createDb({});
    await dead.pglite?.close();
  }
  deadServer = await listen(createGateway({ database: dead, logger, production: true }), { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await deadServer.close();
  await dead.close().catch(() => undefined);
});

async function post(url: string, body: unknown): Promise<{ status: number; type: string; text: string; requestId: string | null }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), requestId: res.headers.get('x-request-id') };
}

const INTERNALS = /node_modules|dist\/|src\/|\bat \w|ECONNREFUSED|relation|stack/i;

describe(`no internals in answers (${backend})`, () => {
  it('answers a request it cannot authenticate for want of a database in the GraphQL format, with the request id, and logs the detail under it', async () => {
    const res = await post(deadServer.url, { query: '{ viewer { clientId } }' });
    expect(res.status).toBe(503);
    expect(res.type).toContain('application/json');
    expect(res.text).not.toMatch(INTERNALS);
    const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string; requestId: string } }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.requestId });
    expect(body.errors[0]?.message).toContain(res.requestId);
    const logged = lines.find((l) => l.requestId === res.requestId && l.level >= 50);
    expect(logged?.err?.stack ?? logged?.err?.message).toBeTruthy();
  });

  it('masks a failing statement as an internal error naming the request id', async () => {
    await sql`alter table accounts rename to accounts_away`.execute(w.db);
    let res;
    try {
      res = await post(server.url, { query: '{ accounts(first: 1) { totalCount } }' });
    } finally {
      await sql`alter table accounts_away rename to accounts`.execute(w.db);
    }
    expect(res.text).not.toMatch(INTERNALS);
    const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string; requestId: string } }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: res.requestId });
    expect(lines.some((l) => l.requestId === res.requestId && /accounts/.test(JSON.stringify(l.err)))).toBe(true);
  });

  it('refuses a NUL character in a variable as a validation error, before the database sees it', async () => {
    const res = await post(server.url, { query: 'query ($s: String!) { accounts(filter: { search: $s }) { totalCount } }', variables: { s: 'a\u0000b' } });
    const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]?.message).toContain('NUL');
  });

  it('refuses 5,000 nested braces as a parse error, not a 500', async () => {
    const res = await post(server.url, { query: `${'{'.repeat(5000)}${'}'.repeat(5000)}` });
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(INTERNALS);
    expect(JSON.parse(res.text).errors[0].message).toMatch(/token|Syntax/i);
  });
});
