import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import type { Grant } from '../db/schema.ts';
import { builder } from './builder.ts';
import { byIdArg } from './nodeById.ts';
import type { GraphQLContext } from './context.ts';
import { emptyConnection } from './emptyConnection.ts';
import { GrantSourceEnum, ResourceTypeEnum } from './enums.ts';
import { ACCOUNT_ID, ENTITLEMENT_ID, GRANT_ID, resolveOptionalIdArg } from './idArgs.ts';
import { connectionFromPage, keysetConnection, once, pageRequest } from './pagination.ts';
import { connectionNodeFields } from './lookahead.ts';
import { accountsByIds } from './read/accounts.ts';
import { countGrants, countGrantsPerParent, grantOrder, grantPage, grantPageWithAccounts, grantPagesPerParent, type GrantFilter, type GrantRow, type GrantParent } from './read/grants.ts';
import { AccountRef, EntitlementRef, GrantRef } from './refs.ts';
import { accountColumnsFor } from './accountColumns.ts';
import { remembered } from './read/countCache.ts';

GrantRef.implement({
  description: 'An account holding an entitlement.',
  fields: (t) => ({
    externalId: t.exposeString('external_id', { description: 'e.g. userGroup:S123:member:user:U456.' }),
    entitlement: t.field({ type: EntitlementRef, resolve: (g, _args, ctx) => ctx.preloaded?.entitlements.get(g.entitlement_id) ?? g.entitlement_id }),
    account: t.field({ type: AccountRef, resolve: (g, _args, ctx) => ctx.preloaded?.accounts.get(g.account_id) ?? g.account_id }),
    source: t.field({ type: GrantSourceEnum, resolve: (g) => g.source }),
    grantedAt: t.field({ type: 'DateTime', resolve: (g) => g.granted_at }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When time-bound access ends; null when it does not.', resolve: (g) => g.expires_at }),
  }),
});

export const GrantFilterInput = builder.inputType('GrantFilter', {
  fields: (t) => ({
    entitlementId: t.id({ required: false, description: 'Global or external id of an entitlement.' }),
    accountId: t.id({ required: false, description: 'Global or external id of an account.' }),
    resourceType: t.field({ type: [ResourceTypeEnum], required: false }),
    source: t.field({ type: [GrantSourceEnum], required: false }),
    expiringBefore: t.field({ type: 'DateTime', required: false, description: 'Only grants that expire before this time.' }),
  }),
});

export const GrantConnection = builder.connectionObject({ type: GrantRef, name: 'GrantConnection' }, { name: 'GrantEdge' });

type GrantFilterArgs = {
  entitlementId?: string | null;
  accountId?: string | null;
  resourceType?: GrantFilter['resourceTypes'];
  source?: GrantFilter['sources'];
  expiringBefore?: Date | null;
};

/** The filter an argument names, or null when it names an entitlement or account that does not exist. */
async function grantFilter(ctx: GraphQLContext, f: GrantFilterArgs | null | undefined): Promise<GrantFilter | null> {
  const entitlementId = await resolveOptionalIdArg(ctx, f?.entitlementId, ENTITLEMENT_ID, 'filter.entitlementId');
  const accountId = await resolveOptionalIdArg(ctx, f?.accountId, ACCOUNT_ID, 'filter.accountId');
  if (entitlementId === null || accountId === null) return null;
  return { entitlementId, accountId, resourceTypes: f?.resourceType, sources: f?.source, expiringBefore: f?.expiringBefore };
}

/** The ids not yet in `known`, each once. */
function missing(ids: Iterable<number>, known: Map<number, unknown>): number[] {
  const out = new Set<number>();
  for (const id of ids) if (!known.has(id)) out.add(id);
  return [...out];
}

/**
 * Reads the accounts and entitlements (with their resources) that pages of grants show, as the
 * query's selection says: one statement each, whatever the page size, into the request's
 * preloaded maps. Each grant's `account` and `entitlement` then resolve at once from there,
 * not through a loader call and a promise per grant. An id not found is loaded by id as before
 * (and fails there, with its error).
 */
async function preloadRelated(ctx: GraphQLContext, info: GraphQLResolveInfo, rows: GrantRow[]): Promise<void> {
  const fields = connectionNodeFields(info);
  const wantAccounts = fields.has('account');
  const wantEntitlements = fields.has('entitlement');
  if (!wantAccounts && !wantEntitlements) return;
  const preloaded = (ctx.preloaded ??= { accounts: new Map(), entitlements: new Map() });
  const db = ctx.database.db;
  const accountIds = wantAccounts ? missing(rows.map((g) => g.account_id), preloaded.accounts) : [];
  const entitlementIds = wantEntitlements ? missing(rows.map((g) => g.entitlement_id), preloaded.entitlements) : [];
  const [accounts, entitlements] = await Promise.all([
    accountIds.length ? accountsByIds(db, accountIds) : [],
    entitlementIds.length ? ctx.entitlements.read(entitlementIds) : [],
  ]);
  for (const account of accounts) preloaded.accounts.set(account.id, account);
  for (const entitlement of entitlements) preloaded.entitlements.set(entitlement.id, entitlement);
}

/**
 * The grants connections of many entitlements or accounts (one per parent id), in one
 * statement for the pages and, if asked, one for their counts.
 */
export async function loadGrantConnections(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  parent: GrantParent,
  parentIds: number[],
  args: DefaultConnectionArguments & { filter?: GrantFilterArgs | null },
) {
  const filter = await grantFilter(ctx, args.filter);
  if (!filter) return parentIds.map(() => emptyConnection());
  const db = ctx.database.db;
  const pages = await grantPagesPerParent(db, parent, parentIds, filter, pageRequest(args));
  await preloadRelated(ctx, info, [...pages.values()].flat());
  // Remembered across requests per parent: a page of 50 accounts or entitlements does not count
  // the grants of all 50 on every request.
  const counts = once(() =>
    ctx.counts ? ctx.counts.many(`grants:${parent}:${JSON.stringify(filter)}`, parentIds, (missing) => countGrantsPerParent(db, parent, missing, filter)) : countGrantsPerParent(db, parent, parentIds, filter),
  );
  return Promise.all(parentIds.map((id) => connectionFromPage(args, grantOrder, pages.get(id) ?? [], async () => (await counts()).get(id) ?? 0)));
}

builder.queryFields((t) => ({
  grants: t.connection(
    {
      type: GrantRef,
      description: 'Grants, oldest first.',
      args: { filter: t.arg({ type: GrantFilterInput, required: false }) },
      resolve: async (_root, args, ctx, info) => {
        const filter = await grantFilter(ctx, args.filter);
        if (!filter) return emptyConnection();
        const db = ctx.database.db;
        return keysetConnection(args, grantOrder, async (page) => {
          if (!connectionNodeFields(info).has('account')) {
            const rows = await grantPage(db, filter, page);
            await preloadRelated(ctx, info, rows);
            return rows;
          }
          // The accounts the page shows come in the same statement, with the columns the
          // request's Account fields need.
          const { rows, accounts } = await grantPageWithAccounts(db, filter, page, accountColumnsFor(info));
          const preloaded = (ctx.preloaded ??= { accounts: new Map(), entitlements: new Map() });
          for (const account of accounts) if (!preloaded.accounts.has(account.id)) preloaded.accounts.set(account.id, account);
          await preloadRelated(ctx, info, rows);
          return rows;
        }, () => remembered(ctx.counts, `grants:${JSON.stringify(filter)}`, () => countGrants(db, filter)));
      },
    },
    GrantConnection,
  ),
  grant: t.field({
    type: GrantRef,
    nullable: true,
    description: 'One grant, by global or external id (e.g. userGroup:S123:member:user:U456).',
    ...byIdArg(t, GRANT_ID),
  }),
}));

export type { Grant };
