import { print, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.ts';
import { AccountTotalDocument, EverythingAdminSeesDocument, StartSyncBareDocument, SyncViewerAndRunsDocument } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

const w = useWorld();

describe(`scopes (${backend})`, () => {
  it('names the missing scope when a client without read lists accounts', async () => {
    const res = await w.graphql(await w.token(['sync']), print(AccountTotalDocument));
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.message).toMatch(/^missing scope "read": Query.accounts needs it/);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['read'] });
  });

  it('lets a sync-only client see its identity and the sync runs, but not start syncs without the sync scope', async () => {
    const sync = await w.client(['sync']);
    const ok = await sync.execute(SyncViewerAndRunsDocument);
    expect(ok).toEqual({ data: { viewer: { scopes: ['sync'] }, syncRuns: { totalCount: 0 } } });
    const reader = await w.client(['read']);
    const refused = await reader.execute(StartSyncBareDocument);
    expect(refused.errors?.[0]?.message).toMatch(/^missing scope "sync": Mutation.startSync/);
  });

  it('lets admin do everything', async () => {
    const admin = await w.client(['admin']);
    const res = await admin.execute(EverythingAdminSeesDocument);
    expect(res.errors).toBeUndefined();
  });

  it('guards every root field with a scope (the type default or its own)', () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()] as GraphQLObjectType[];
    for (const root of roots) {
      const typeScopes = (root.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes;
      expect(typeScopes, `${root.name} has default scopes`).toBeDefined();
      for (const field of Object.values(root.getFields())) {
        const options = (field.extensions as { pothosOptions?: { authScopes?: unknown; skipTypeScopes?: boolean } }).pothosOptions ?? {};
        if (options.skipTypeScopes) expect(options.authScopes, `${root.name}.${field.name} declares its own scopes`).toBeDefined();
      }
    }
  });
});
