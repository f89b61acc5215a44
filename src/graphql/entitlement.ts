import type { Entitlement } from '../db/schema.ts';
import { builder } from './builder.ts';
import { byIdArg, filteredConnection } from './nodeById.ts';
import { emptyConnection } from './emptyConnection.ts';
import { EntitlementPurposeEnum, ResourceTypeEnum } from './enums.ts';
import { GrantConnection, GrantFilterInput, loadGrantConnections } from './grant.ts';
import { ENTITLEMENT_ID, RESOURCE_ID, resolveOptionalIdArg, WORKSPACE_ID } from './idArgs.ts';
import { keysetConnection } from './pagination.ts';
import { countEntitlements, entitlementOrder, entitlementPage } from './read/entitlements.ts';
import { grantCountsByEntitlement } from './read/grants.ts';
import { EntitlementRef, ResourceRef } from './refs.ts';
import { remembered } from './read/countCache.ts';

EntitlementRef.implement({
  description: 'Something that can be held on a resource: membership of a group, a role assignment.',
  fields: (t) => ({
    externalId: t.exposeString('external_id', { description: 'e.g. userGroup:S123:member.' }),
    slug: t.exposeString('slug', { description: 'member or assigned.' }),
    displayName: t.exposeString('display_name'),
    description: t.exposeString('description', { nullable: true }),
    resource: t.field({ type: ResourceRef, resolve: (e) => e.resource ?? e.resource_id }),
    purpose: t.field({ type: EntitlementPurposeEnum, resolve: (e) => e.purpose }),
    grantable: t.exposeBoolean('grantable', { description: 'Whether the gateway can grant and revoke it on this Slack plan and configuration.' }),
    grantableReason: t.exposeString('grantable_reason', { nullable: true, description: 'Why it is not grantable (or a caveat when it is).' }),
    grants: t.loadable({
      type: GrantConnection,
      description: 'Who holds it, oldest grant first.',
      byPath: true,
      args: { ...t.arg.connectionArgs(), filter: t.arg({ type: GrantFilterInput, required: false }) },
      load: (ids: number[], ctx, args, info) => loadGrantConnections(ctx, info, 'entitlement_id', ids, args),
      resolve: (e) => e.id,
    }),
    grantCount: t.loadable({
      type: 'Int',
      description: 'How many accounts hold it.',
      load: async (ids: number[], ctx) => {
        const compute = (missing: number[]) => grantCountsByEntitlement(ctx.database.db, missing);
        // The same count as an unfiltered grants(…) { totalCount } of the entitlement: one remembered value.
        const counts = ctx.counts ? await ctx.counts.many(`grants:entitlement_id:{}`, ids, compute) : await compute(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      },
      resolve: (e) => e.id,
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (e) => e.updated_at }),
  }),
});

const EntitlementFilter = builder.inputType('EntitlementFilter', {
  fields: (t) => ({
    resourceType: t.field({ type: [ResourceTypeEnum], required: false }),
    workspaceId: t.id({ required: false, description: 'Entitlements of resources in this workspace (global or external id).' }),
    resourceId: t.id({ required: false, description: 'Entitlements of this resource (global or external id).' }),
    grantable: t.boolean({ required: false }),
    search: t.string({ required: false, description: 'Part of the entitlement or resource name, slug or external id.' }),
  }),
});

builder.queryFields((t) => ({
  entitlements: filteredConnection(t, 'Entitlement', { type: EntitlementRef, filter: EntitlementFilter, description: 'Entitlements, oldest first.' }, async (f, args, ctx) => {
    const workspaceResourceId = await resolveOptionalIdArg(ctx, f.workspaceId, WORKSPACE_ID, 'filter.workspaceId');
    const resourceId = await resolveOptionalIdArg(ctx, f.resourceId, RESOURCE_ID, 'filter.resourceId');
    if (workspaceResourceId === null || resourceId === null) return emptyConnection();
    const filter = { resourceTypes: f.resourceType, grantable: f.grantable, search: f.search, workspaceResourceId, resourceId };
    const db = ctx.database.db;
    return keysetConnection(args, entitlementOrder, (page) => entitlementPage(db, filter, page), () => remembered(ctx.counts, `entitlements:${JSON.stringify(filter)}`, () => countEntitlements(db, filter)));
  }),
  entitlement: t.field({
    type: EntitlementRef,
    nullable: true,
    description: 'One entitlement, by global or external id (e.g. userGroup:S123:member).',
    ...byIdArg(t, ENTITLEMENT_ID),
  }),
}));

export type { Entitlement };
