import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createClient, revokeClient, rotateClient } from '../../src/auth/clients.ts';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { graphql, silentLogger } from '../api/helpers.ts';
import { backend, useTestDatabase } from '../support/db.ts';

// Gateways remember a verified token (here for a whole minute, far longer than any wait below),
// so every refusal seen here comes from the database's revocation notice, not from expiry.
const t = useTestDatabase();
let server: RunningServer;
let bus: EventBus;

beforeAll(async () => {
  bus = await createEventBusFor(t.database, { url: t.url });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus, auth: { tokenTrustMs: 60_000 } }), { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
  await bus.close();
});

async function tokenFor(scopes: ('read' | 'sync')[]) {
  const { client, secret } = await createClient(t.db, { name: `trust-${Math.random()}`, scopes, actor: { label: 'test' } });
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: client.id, client_secret: secret }),
  });
  return { client, token: ((await res.json()) as { access_token: string }).access_token };
}

const viewer = (token: string) => graphql(server.url, token, '{ viewer { clientId } }');

/** Status of the token's requests until it is refused, for at most two seconds. */
async function refusedWithin(token: string): Promise<number> {
  const until = Date.now() + 2000;
  let status = (await viewer(token)).status;
  while (status !== 401 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    status = (await viewer(token)).status;
  }
  return status;
}

describe(`remembered tokens (${backend})`, () => {
  it('a remembered token is served without asking the database again', async () => {
    const { client, token } = await tokenFor(['read']);
    expect((await viewer(token)).status).toBe(200);
    // Make the token look expired behind the gateway's back (no notice is sent for that): the
    // gateway still trusts what it verified a moment ago.
    await sql`update api_tokens set expires_at = now() - interval '1 second' where client_id = ${client.id}`.execute(t.db);
    expect((await viewer(token)).status).toBe(200);
  });

  it('revoking the client ends its remembered tokens at once', async () => {
    const { client, token } = await tokenFor(['read']);
    expect((await viewer(token)).status).toBe(200);
    await revokeClient(t.db, client.id, { label: 'test' });
    expect(await refusedWithin(token)).toBe(401);
  });

  it('rotating the secret ends its remembered tokens at once', async () => {
    const { client, token } = await tokenFor(['read']);
    expect((await viewer(token)).status).toBe(200);
    await rotateClient(t.db, client.id, { label: 'test' });
    expect(await refusedWithin(token)).toBe(401);
  });

  it('a revocation by hand in SQL is heard too, and other clients stay remembered', async () => {
    const revoked = await tokenFor(['read']);
    const kept = await tokenFor(['read']);
    expect((await viewer(revoked.token)).status).toBe(200);
    expect((await viewer(kept.token)).status).toBe(200);
    await sql`update api_clients set revoked_at = now() where id = ${revoked.client.id}`.execute(t.db);
    expect(await refusedWithin(revoked.token)).toBe(401);
    expect((await viewer(kept.token)).status).toBe(200);
  });
});
