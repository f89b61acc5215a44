import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { apiClient, graphql, silentLogger } from './helpers.ts';

const t = useTestDatabase();
let server: RunningServer;

beforeAll(async () => {
  server = await listen(createGateway({ database: t.database, logger: silentLogger }), { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
});

describe(`scopes (${backend})`, () => {
  it('names the missing scope when a client without read lists accounts', async () => {
    const { token } = await apiClient(t.db, ['sync']);
    const res = await graphql(server.url, token, '{ accounts { totalCount } }');
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.message).toMatch(/^missing scope "read": Query.accounts needs it/);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['read'] });
  });

  it('lets a sync-only client see its identity and the sync runs, but not start syncs without the sync scope', async () => {
    const sync = await apiClient(t.db, ['sync']);
    const ok = await graphql(server.url, sync.token, '{ viewer { scopes } syncRuns { totalCount } }');
    expect(ok.body).toEqual({ data: { viewer: { scopes: ['sync'] }, syncRuns: { totalCount: 0 } } });
    const reader = await apiClient(t.db, ['read']);
    const refused = await graphql(server.url, reader.token, 'mutation { startSync(input: {}) { errors { code } } }');
    expect(refused.body.errors?.[0]?.message).toMatch(/^missing scope "sync": Mutation.startSync/);
  });

  it('lets admin do everything', async () => {
    const { token } = await apiClient(t.db, ['admin']);
    const res = await graphql(server.url, token, '{ accounts { totalCount } syncRuns { totalCount } connector { status } }');
    expect(res.body.errors).toBeUndefined();
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
