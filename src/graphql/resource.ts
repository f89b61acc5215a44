import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Entitlement, ResourceType } from '../db/schema.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { ResourceStatusEnum, ResourceTypeEnum } from './enums.ts';
import { resolveIdArg, WORKSPACE_ID } from './idArgs.ts';
import { keysetConnection } from './pagination.ts';
import { entitlementsOfResources } from './read/entitlements.ts';
import { countWorkspaces, workspaceOrder, workspacePage, type ResourceRow } from './read/resources.ts';
import { EntitlementRef, RESOURCE_TYPENAMES, ResourceRef } from './refs.ts';

const typenameByRow = (row: ResourceRow) => RESOURCE_TYPENAMES[row.resource_type];

ResourceRef.implement({
  description: 'Something in Slack that access is granted to: a workspace, group, role or channel.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: typenameByRow,
  fields: (t) => ({
    externalId: t.exposeString('external_id', { description: 'Stable external id, e.g. userGroup:S123.' }),
    resourceType: t.field({ type: ResourceTypeEnum, resolve: (r) => r.resource_type }),
    displayName: t.exposeString('display_name'),
    slackId: t.exposeString('slack_id'),
    description: t.exposeString('description', { nullable: true }),
    status: t.field({ type: ResourceStatusEnum, description: 'DISABLED for disabled user groups, ARCHIVED for archived channels.', resolve: (r) => r.status }),
    workspace: t.field({
      type: ResourceRef,
      nullable: true,
      description: 'The workspace this resource belongs to (null for org-wide resources).',
      resolve: async (r, _args, ctx) => (r.workspace_id ? workspaceResourceIdBySlackId(ctx, r.workspace_id) : null),
    }),
    entitlements: t.loadableGroup({
      type: EntitlementRef,
      description: 'What can be granted on this resource (usually one: member or assigned).',
      load: (ids: number[], ctx) => entitlementsOfResources(ctx.database.db, ids),
      // The loader returns rows, never bare ids; the type admits ids because Entitlement is loadable.
      group: (e) => (e as Entitlement).resource_id,
      resolve: (r) => r.id,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updated_at }),
  }),
});

/** Workspace resources by Slack team id, batched per request. */
const workspaceIdsBySlackId = createContextCache(
  (ctx: GraphQLContext) =>
    new DataLoader<string, number | null>(async (slackIds) => {
      const rows = await ctx.database.db
        .selectFrom('resources')
        .select(['id', 'slack_id'])
        .where('resource_type', '=', 'workspace')
        .where('slack_id', 'in', [...slackIds])
        .execute();
      return slackIds.map((s) => rows.find((r) => r.slack_id === s)?.id ?? null);
    }),
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

builder.queryFields((t) => ({
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
