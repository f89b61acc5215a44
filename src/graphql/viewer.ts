import type { Principal } from '../auth/tokens.ts';
import { builder } from './builder.ts';

const Viewer = builder.objectRef<Principal>('Viewer').implement({
  description: 'The API client making this request.',
  fields: (t) => ({
    clientId: t.exposeString('clientId'),
    name: t.exposeString('clientName'),
    scopes: t.stringList({ description: 'Scopes of the token in use: read, request, approve, provision, review, sync, admin.', resolve: (p) => p.scopes }),
    tokenExpiresAt: t.field({ type: 'DateTime', resolve: (p) => p.tokenExpiresAt }),
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
