import type { Principal } from '../auth/tokens.ts';
import { builder } from './builder.ts';

const Viewer = builder.objectRef<Principal>('Viewer').implement({
  description: 'The API client making this request.',
  fields: (t) => ({
    clientId: t.exposeString('clientId'),
    name: t.exposeString('clientName'),
    scopes: t.stringList({ description: 'Scopes of the token in use: read, request, approve, provision, review, sync, admin.', resolve: (p) => p.scopes }),
    tokenExpiresAt: t.field({ type: 'DateTime', resolve: (p) => p.tokenExpiresAt }),
    trustedOnly: t.boolean({ description: "This client may run only the gateway's trusted documents, sent by hash.", resolve: (p) => p.trustedOnly === true }),
    costBudgetPerMinute: t.int({ nullable: true, description: "This client's query-cost budget per minute; null: the gateway's default.", resolve: (p) => p.costBudgetPerMinute ?? null }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    description: 'Who is calling, and with which scopes. Needs no particular scope.',
    skipTypeScopes: true,
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ctx.principal,
  }),
);
