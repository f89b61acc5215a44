import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/auth/clients.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { graphql, silentLogger } from '../api/helpers.ts';
import { seedCatalog } from '../api/seed.ts';
import { backend, useTestDatabase } from '../support/db.ts';

// Finding 8 of the hardening issue, the actor rule: actorId was whatever the client claimed
// (an `approve` client approved "as B" a request made "as A"). A client created with
// `--act-as self` acts only for the account it is bound to.

const t = useTestDatabase();
let server: RunningServer;

beforeAll(async () => {
  await seedCatalog(t.db, 20);
  server = await listen(createGateway({ database: t.database, logger: silentLogger }), { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
});

// A policy change: a mutation that names its actor and needs no Slack connection.
const POLICY = 'mutation ($input: UpdateEntitlementPolicyInput!) { updateEntitlementPolicy(input: $input) { errors { code field } } }';
const changePolicyAs = async (token: string, actorId?: string) => {
  const res = await graphql(server.url, token, POLICY, { input: { entitlementId: 'channel:C1:member', requestable: true, ...(actorId ? { actorId } : {}) } });
  return { body: { data: { updateEntitlementPolicy: res.body.data.updateEntitlementPolicy } } };
};

async function tokenOf(options: { actAs?: 'any' | 'self'; account?: string }) {
  const { client } = await createClient(t.db, { name: `act-${Math.random()}`, scopes: ['admin'], actor: { label: 'test' }, ...options });
  return { clientId: client.id, token: (await issueToken(t.db, client)).accessToken };
}

describe(`the actor rule (${backend})`, () => {
  it('a self client naming another account is refused with ACTOR_NOT_ALLOWED and audited; naming itself (or nobody) passes the rule', async () => {
    const self = await tokenOf({ actAs: 'self', account: 'user:U001' });
    const other = await changePolicyAs(self.token, 'user:U002');
    expect(other.body.data.updateEntitlementPolicy.errors).toEqual([{ code: 'ACTOR_NOT_ALLOWED', field: 'input.actorId' }]);
    const audited = await t.db.selectFrom('audit_events').select(['action', 'outcome', 'error_code']).where('api_client_id', '=', self.clientId).execute();
    expect(audited).toContainEqual({ action: 'actor.refused', outcome: 'DENIED', error_code: 'ACTOR_NOT_ALLOWED' });
    for (const actorId of ['user:U001', undefined]) {
      const res = await changePolicyAs(self.token, actorId);
      expect(res.body.data.updateEntitlementPolicy.errors).toEqual([]);
    }
  });

  it('a client of the default rule (any) acts for whomever it names, as before', async () => {
    const any = await tokenOf({});
    const res = await changePolicyAs(any.token, 'user:U002');
    expect(res.body.data.updateEntitlementPolicy.errors).toEqual([]);
  });

  it('refuses --act-as self without the account it is bound to', async () => {
    await expect(createClient(t.db, { name: 'x', scopes: ['read'], actor: { label: 'test' }, actAs: 'self' })).rejects.toThrow(/--account/);
  });
});
