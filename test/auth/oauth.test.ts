import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, ensureBootstrapClient, listClients, revokeClient, rotateClient } from '../../src/auth/clients.ts';
import { sha256 } from '../../src/auth/secrets.ts';
import type { RunningServer } from '../../src/server.ts';
import { graphql } from '../support/clients.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// The token endpoint is HTTP: a real server.
const w = useWorld();
let server: RunningServer;

beforeAll(async () => {
  server = await w.listen();
});

async function tokenRequest(init: { body?: string; contentType?: string; basic?: [string, string] }) {
  const headers: Record<string, string> = {};
  if (init.contentType) headers['content-type'] = init.contentType;
  if (init.basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(init.basic[0])}:${encodeURIComponent(init.basic[1])}`).toString('base64')}`;
  const res = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers, body: init.body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

describe(`POST /oauth/token (${backend})`, () => {
  it('issues a bearer token for form-encoded client credentials', async () => {
    const { client, secret } = await createClient(w.db, { name: 'reporting', scopes: ['read'], actor: { label: 'test' } });
    const res = await tokenRequest({
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: secret }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read' });
    const viewer = await graphql(server.url, res.body.access_token as string, '{ viewer { clientId scopes } }');
    expect(viewer.body.data).toEqual({ viewer: { clientId: client.id, scopes: ['read'] } });
  });

  it('accepts a JSON body and HTTP Basic credentials', async () => {
    const { client, secret } = await createClient(w.db, { name: 'ci', scopes: ['read', 'sync'], actor: { label: 'test' } });
    const json = await tokenRequest({
      contentType: 'application/json',
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: client.id, client_secret: secret }),
    });
    expect(json.status).toBe(200);
    const basic = await tokenRequest({ contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials', basic: [client.id, secret] });
    expect(basic.status).toBe(200);
    expect(basic.body.scope).toBe('read sync');
  });

  it('narrows the token to the scopes asked for, and refuses scopes the client does not hold', async () => {
    const { client, secret } = await createClient(w.db, { name: 'narrow', scopes: ['read', 'sync'], actor: { label: 'test' } });
    const narrowed = await tokenRequest({ contentType: 'application/json', body: JSON.stringify({ grant_type: 'client_credentials', client_id: client.id, client_secret: secret, scope: 'sync' }) });
    expect(narrowed.body.scope).toBe('sync');
    const refused = await tokenRequest({ contentType: 'application/json', body: JSON.stringify({ grant_type: 'client_credentials', client_id: client.id, client_secret: secret, scope: 'read admin' }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_scope');
    expect(refused.body.error_description).toContain('admin');
  });

  it('answers 401 invalid_client for a wrong secret, with a Basic challenge when Basic was used', async () => {
    const { client } = await createClient(w.db, { name: 'wrong', scopes: ['read'], actor: { label: 'test' } });
    const res = await tokenRequest({ contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials', basic: [client.id, 'sgs_not-the-secret'] });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('rejects other grant types and missing grant types with RFC 6749 error codes', async () => {
    const other = await tokenRequest({ contentType: 'application/x-www-form-urlencoded', body: 'grant_type=password&username=a&password=b' });
    expect(other).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    const missing = await tokenRequest({ contentType: 'application/json', body: '{}' });
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('stores only hashes of secrets and tokens', async () => {
    const { client, secret } = await createClient(w.db, { name: 'hashed', scopes: ['read'], actor: { label: 'test' } });
    const res = await tokenRequest({ contentType: 'application/json', body: JSON.stringify({ grant_type: 'client_credentials', client_id: client.id, client_secret: secret }) });
    const token = res.body.access_token as string;
    const stored = await w.db.selectFrom('api_clients').selectAll().where('id', '=', client.id).executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(secret);
    expect(stored.secret_prefix).toBe(secret.slice(0, 12));
    const tokens = await w.db.selectFrom('api_tokens').select('token_hash').where('client_id', '=', client.id).execute();
    expect(tokens.map((r) => r.token_hash)).toEqual([sha256(token)]);
    const everything = JSON.stringify(await w.db.selectFrom('audit_events').selectAll().execute());
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(token);
  });

  it('rotation keeps the client id, makes the old secret and its tokens useless, and the new secret work', async () => {
    const { client, secret } = await createClient(w.db, { name: 'rotating', scopes: ['read'], actor: { label: 'test' } });
    const body = (s: string) => JSON.stringify({ grant_type: 'client_credentials', client_id: client.id, client_secret: s });
    const before = await tokenRequest({ contentType: 'application/json', body: body(secret) });
    const rotated = await rotateClient(w.db, client.id, { label: 'test' });
    expect(rotated.client.id).toBe(client.id);
    expect(rotated.secret).not.toBe(secret);
    expect((await tokenRequest({ contentType: 'application/json', body: body(secret) })).status).toBe(401);
    expect((await graphql(server.url, before.body.access_token as string, '{ viewer { clientId } }')).status).toBe(401);
    expect((await tokenRequest({ contentType: 'application/json', body: body(rotated.secret) })).status).toBe(200);
  });

  it('revocation stops the client and its existing tokens', async () => {
    const { client, secret } = await createClient(w.db, { name: 'revoked', scopes: ['read'], actor: { label: 'test' } });
    const body = JSON.stringify({ grant_type: 'client_credentials', client_id: client.id, client_secret: secret });
    const token = (await tokenRequest({ contentType: 'application/json', body })).body.access_token as string;
    await revokeClient(w.db, client.id, { label: 'test' });
    expect((await graphql(server.url, token, '{ viewer { clientId } }')).status).toBe(401);
    expect((await tokenRequest({ contentType: 'application/json', body })).status).toBe(401);
    const actions = await w.db.selectFrom('audit_events').select(['action', 'outcome']).where('target_id', '=', client.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['client.create', 'token.issue', 'client.revoke']);
  });

  it('creates the bootstrap admin client from the configuration, and updates its secret on change', async () => {
    await ensureBootstrapClient(w.db, { id: 'ops-admin', secret: 'first-bootstrap-secret' });
    const body = (s: string) => JSON.stringify({ grant_type: 'client_credentials', client_id: 'ops-admin', client_secret: s });
    const first = await tokenRequest({ contentType: 'application/json', body: body('first-bootstrap-secret') });
    expect(first.body.scope).toBe('admin');
    await ensureBootstrapClient(w.db, { id: 'ops-admin', secret: 'second-bootstrap-secret' });
    expect((await tokenRequest({ contentType: 'application/json', body: body('first-bootstrap-secret') })).status).toBe(401);
    expect((await tokenRequest({ contentType: 'application/json', body: body('second-bootstrap-secret') })).status).toBe(200);
    const clients = await listClients(w.db);
    expect(clients.filter((c) => c.id === 'ops-admin')).toHaveLength(1);
    expect(JSON.stringify(await w.db.selectFrom('api_clients').selectAll().execute())).not.toContain('bootstrap-secret');
  });
});
