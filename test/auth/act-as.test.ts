import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/auth/clients.ts';
import type { SlackgateClient } from '../../src/client/index.ts';
import { ChangePolicyAsDocument } from '../gql/graphql.ts';
import { seedCatalog } from '../support/catalog.ts';
import { backend } from '../support/db.ts';
import { useWorld, type ClientSettings } from '../support/world.ts';

// Finding 8 of the hardening issue, the actor rule: actorId was whatever the client claimed
// (an `approve` client approved "as B" a request made "as A"). A client created with
// `--act-as self` acts only for the account it is bound to.

const w = useWorld();

beforeAll(async () => {
  await seedCatalog(w.db, 20);
});

// A policy change: a mutation that names its actor and needs no Slack connection.
const changePolicyAs = async (client: SlackgateClient, actorId?: string) =>
  client.request(ChangePolicyAsDocument, { input: { entitlementId: 'channel:C1:member', requestable: true, ...(actorId ? { actorId } : {}) } });

const adminClient = (settings: ClientSettings) => w.client(['admin'], { name: `act-${Math.random()}`, ...settings });

describe(`the actor rule (${backend})`, () => {
  it('a self client naming another account is refused with ACTOR_NOT_ALLOWED and audited; naming itself (or nobody) passes the rule', async () => {
    const self = await adminClient({ actAs: 'self', account: 'user:U001' });
    const other = await changePolicyAs(self, 'user:U002');
    expect(other.updateEntitlementPolicy.errors).toEqual([{ code: 'ACTOR_NOT_ALLOWED', field: 'input.actorId' }]);
    const audited = await w.db.selectFrom('audit_events').select(['action', 'outcome', 'error_code']).where('api_client_id', '=', self.clientId).execute();
    expect(audited).toContainEqual({ action: 'actor.refused', outcome: 'DENIED', error_code: 'ACTOR_NOT_ALLOWED' });
    for (const actorId of ['user:U001', undefined]) {
      const res = await changePolicyAs(self, actorId);
      expect(res.updateEntitlementPolicy.errors).toEqual([]);
    }
  });

  it('a client of the default rule (any) acts for whomever it names, as before', async () => {
    const any = await adminClient({});
    const res = await changePolicyAs(any, 'user:U002');
    expect(res.updateEntitlementPolicy.errors).toEqual([]);
  });

  it('refuses --act-as self without the account it is bound to', async () => {
    await expect(createClient(w.db, { name: 'x', scopes: ['read'], actor: { label: 'test' }, actAs: 'self' })).rejects.toThrow(/--account/);
  });
});
