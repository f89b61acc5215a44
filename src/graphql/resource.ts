import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Entitlement, ResourceType } from '../db/schema.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './nodeById.ts';
import type { GraphQLContext } from './context.ts';
import { ResourceStatusEnum, ResourceTypeEnum } from './enums.ts';
import { resolveIdArg, resolveOptionalIdArg, WORKSPACE_ID } from './idArgs.ts';
import { keysetConnection } from './pagination.ts';
import { entitlementsOfResources } from './read/entitlements.ts';
import { countResources, countWorkspaces, memberCountsOf, resourceOrder, resourcePage, workspaceIdsBySlackIds, workspaceOrder, workspacePage, type ResourceRow } from './read/resources.ts';
import { EntitlementRef, RESOURCE_TYPENAMES, ResourceRef } from './refs.ts';

const typenameByRow = (row: ResourceRow) => RESOURCE_TYPENAMES[row.resource_type];

ResourceRef.implement({
  description: 'Something in Slack that access is granted to: a workspace, group, role or channel.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: typenameByRow,
  fields: (t) => ({
    externalId: t.exposeString('external_id', { description: 'Stable external id, e.g. userGroup:S123.' }),
    resourceType: t.field({ type: ResourceTypeEnum, description: 'What kind of resource this is.', resolve: (r) => r.resource_type }),
    displayName: t.exposeString('display_name', { description: 'The name people know it by (channels with their #).' }),
    slackId: t.exposeString('slack_id', { description: "Slack's own id (T…, S…, C…; a role's team:role)." }),
    description: t.exposeString('description', { nullable: true, description: 'Its description or purpose in Slack, if any.' }),
    status: t.field({ type: ResourceStatusEnum, description: 'DISABLED for disabled user groups, ARCHIVED for archived channels.', resolve: (r) => r.status }),
    workspace: t.field({
      // Typed Workspace (it was Resource): every answer was a Workspace, and a Workspace is a
      // Resource, so selections written against the old type stay valid.
      type: WorkspaceRef,
      nullable: true,
      description: 'The workspace this resource belongs to (null for org-wide resources).',
      resolve: async (r, _args, ctx) => {
        const id = r.workspace_id ? await workspaceResourceIdBySlackId(ctx, r.workspace_id) : null;
        return id === null ? null : ResourceRef.getDataloader(ctx).load(id);
      },
    }),
    entitlements: t.loadableGroup({
      type: EntitlementRef,
      description: 'What can be granted on this resource (usually one: member or assigned).',
      load: (ids: number[], ctx) => entitlementsOfResources(ctx.database.db, ids),
      // The loader returns rows, never bare ids; the type admits ids because Entitlement is loadable.
      group: (e) => (e as Entitlement).resource_id,
      resolve: (r) => r.id,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the gateway first saw it.', resolve: (r) => r.created_at }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the gateway last saw it change.', resolve: (r) => r.updated_at }),
  }),
});

/** Workspace resources by Slack team id, batched per request. */
const workspaceIdsBySlackId = createContextCache(
  (ctx: GraphQLContext) =>
    new DataLoader<string, number | null>((slackIds) => workspaceIdsBySlackIds(ctx.database.db, slackIds)),
);
async function workspaceResourceIdBySlackId(ctx: GraphQLContext, slackId: string): Promise<number | null> {
  return workspaceIdsBySlackId(ctx).load(slackId);
}

function resourceNode(type: ResourceType, description: string) {
  const typename = RESOURCE_TYPENAMES[type];
  return builder.node(builder.objectRef<ResourceRow>(typename), {
    description,
    interfaces: [ResourceRef],
    id: { resolve: (r) => r.id, parse: (id) => Number(id) },
    isTypeOf: (value) => (value as ResourceRow).resource_type === type,
    loadMany: async (ids: number[], ctx: GraphQLContext) => {
      const rows = await ResourceRef.getDataloader(ctx).loadMany(ids);
      return rows.map((r) => (r instanceof Error || r == null || r.resource_type !== type ? null : r));
    },
    fields: () => ({}),
  });
}

export const WorkspaceRef = resourceNode('workspace', 'A Slack workspace.');
builder.objectFields(WorkspaceRef, (t) => ({
  name: t.string({ resolve: (r) => r.workspace_name ?? r.display_name }),
  domain: t.string({ nullable: true, description: 'The workspace subdomain (<domain>.slack.com).', resolve: (r) => r.workspace_domain }),
  enterpriseId: t.string({ nullable: true, description: 'The Enterprise Grid organization, if any.', resolve: (r) => r.workspace_enterprise_id }),
}));
export const UserGroupRef = resourceNode('userGroup', 'A Slack user group (@handle); disabled groups have status DISABLED.');
export const IdpGroupRef = resourceNode('group', 'An IdP group, synced through SCIM.');
export const WorkspaceRoleRef = resourceNode('workspaceRole', 'A role in a workspace: owner, admin, member, guest kinds, bot.');
export const EnterpriseRoleRef = resourceNode('enterpriseRole', 'An Enterprise Grid org-level role.');
export const ChannelRef = resourceNode('channel', 'A public or private channel.');
builder.objectFields(ChannelRef, (t) => ({
  isPrivate: t.boolean({
    description: 'Whether the channel is private (members only) rather than public.',
    resolve: (r) => (r.profile as { is_private?: boolean } | null)?.is_private === true,
  }),
  memberCount: t.int({
    description: 'Members as of the last sync or event: the grants of its member entitlement.',
    resolve: (r, _args, ctx) => memberCounts(ctx).load(r.id),
  }),
}));

/** Members of channels (grants of their member entitlement), batched per request. */
const memberCounts = createContextCache(
  (ctx: GraphQLContext) =>
    new DataLoader<number, number>((resourceIds) => memberCountsOf(ctx.database.db, resourceIds)),
);

const ResourceFilter = builder.inputType('ResourceFilter', {
  description: 'Which resources to list; every given condition must hold.',
  fields: (t) => ({
    resourceType: t.field({ type: [ResourceTypeEnum], required: false, description: 'Only these kinds of resource.' }),
    workspaceId: t.id({ required: false, description: 'Resources of this workspace (global or external id).' }),
    search: t.string({ required: false, description: 'Part of the name or the exact Slack id (case-insensitive).' }),
  }),
});

builder.queryFields((t) => ({
  resources: filteredConnection(t, 'Resource', { type: ResourceRef, filter: ResourceFilter, description: 'Every resource access is granted to (workspaces, groups, roles, channels), with filters.', connectionDescription: 'A page of resources.', edgeDescription: 'A resource and its cursor.' }, async (f, args, ctx) => {
    const db = ctx.database.db;
    const workspaceResourceId = await resolveOptionalIdArg(ctx, f.workspaceId, WORKSPACE_ID, 'filter.workspaceId');
    const workspaceSlackId = workspaceResourceId === undefined ? undefined : (await ResourceRef.getDataloader(ctx).load(workspaceResourceId))?.slack_id;
    const filter = { resourceTypes: f.resourceType ?? undefined, workspaceSlackId, search: f.search ?? undefined };
    return keysetConnection(args, resourceOrder, (page) => resourcePage(db, filter, page), () => countResources(db, filter));
  }),
  workspaces: t.connection(
    {
      type: WorkspaceRef,
      description: 'Workspaces of the organization.',
      resolve: async (_root, args, ctx) => {
        const db = ctx.database.db;
        return keysetConnection(args, workspaceOrder, (page) => workspacePage(db, page), () => countWorkspaces(db));
      },
    },
    { name: 'WorkspaceConnection' },
    { name: 'WorkspaceEdge' },
  ),
  workspace: t.field({
    type: WorkspaceRef,
    nullable: true,
    description: 'One workspace, by global or external id (workspace:T0123).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = await resolveIdArg(ctx, args.id, WORKSPACE_ID, 'id');
      if (id == null) return null;
      const row = await ResourceRef.getDataloader(ctx).load(id);
      return row && row.resource_type === 'workspace' ? row : null;
    },
  }),
}));
