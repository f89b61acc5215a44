import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { revokeClient, rotateClient } from '../../src/auth/clients.ts';
import { ViewerScopesDocument } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Gateways remember a verified token (here for a whole minute, far longer than any wait below),
// so every refusal seen here comes from the database's revocation notice, not from expiry.
const w = useWorld({ gateway: { auth: { tokenTrustMs: 60_000 } } });

async function tokenFor(scopes: ('read' | 'sync')[]) {
  const { clientId, token } = await w.apiClient(scopes, { name: `trust-${Math.random()}` });
  return { client: { id: clientId }, token };
}

// Raw requests: the typed client would fetch a new token after a 401, and these tests watch for it.
const viewer = (token: string) => w.graphql(token, print(ViewerScopesDocument));

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
    await sql`update api_tokens set expires_at = now() - interval '1 second' where client_id = ${client.id}`.execute(w.db);
    expect((await viewer(token)).status).toBe(200);
  });

  it('revoking the client ends its remembered tokens at once', async () => {
    const { client, token } = await tokenFor(['read']);
    expect((await viewer(token)).status).toBe(200);
    await revokeClient(w.db, client.id, { label: 'test' });
    expect(await refusedWithin(token)).toBe(401);
  });

  it('rotating the secret ends its remembered tokens at once', async () => {
    const { client, token } = await tokenFor(['read']);
    expect((await viewer(token)).status).toBe(200);
    await rotateClient(w.db, client.id, { label: 'test' });
    expect(await refusedWithin(token)).toBe(401);
  });

  it('a revocation by hand in SQL is heard too, and other clients stay remembered', async () => {
    const revoked = await tokenFor(['read']);
    const kept = await tokenFor(['read']);
    expect((await viewer(revoked.token)).status).toBe(200);
    expect((await viewer(kept.token)).status).toBe(200);
    await sql`update api_clients set revoked_at = now() where id = ${revoked.client.id}`.execute(w.db);
    expect(await refusedWithin(revoked.token)).toBe(401);
    expect((await viewer(kept.token)).status).toBe(200);
  });
});
