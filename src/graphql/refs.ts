import type { SyncRun } from '../db/schema.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { loadRemembering } from './rememberedRows.ts';
import { accountsByIds, type AccountRow } from './read/accounts.ts';
import { auditEventsByIds, type AuditEventRow } from './read/audit.ts';
import type { EntitlementRow } from './read/entitlements.ts';
import { grantsByIds, type GrantRow } from './read/grants.ts';
import { resourcesByIds, type ResourceRow } from './read/resources.ts';
import { syncRunsByIds } from './read/syncRuns.ts';

// Loadable refs of every node type, in one module so type files can reference each other
// without import cycles. Each batches all loads of a request into one statement.

const parseId = (id: string) => Number(id);
const batch = { maxBatchSize: 1000 };

/**
 * A node type loaded by its numeric id, in batches of at most 1000; `load` answers the rows of
 * the ids it finds. `rememberResolved` keeps rows a field returns whole for later loads in the
 * same request (see rememberedRows.ts).
 */
export function numberedNodeRef<Row extends { id: number }>(name: string, load: (ids: number[], ctx: GraphQLContext) => Promise<Row[]>, rememberResolved: boolean) {
  return builder.loadableNodeRef(name, {
    id: { resolve: (row: Row) => row.id, parse: parseId },
    load: rememberResolved ? loadRemembering(name, load) : load,
    toKey: (row: Row) => row.id,
    sort: true,
    loaderOptions: batch,
  });
}

export const AccountRef = numberedNodeRef('Account', (ids, ctx): Promise<AccountRow[]> => accountsByIds(ctx.database.db, ids), true);

export { RESOURCE_TYPENAMES } from './typenames.ts';

export const ResourceRef = builder.loadableInterfaceRef('Resource', {
  load: loadRemembering('Resource', (ids: number[], ctx: GraphQLContext) => resourcesByIds(ctx.database.db, ids)),
  toKey: (r: ResourceRow) => r.id,
  sort: true,
  loaderOptions: batch,
});

// Entitlements come with their resources, which are primed into the resource loader: an
// entitlement's resource then costs no statement of its own, and resolves without a load.
export const EntitlementRef = numberedNodeRef(
  'Entitlement',
  async (ids, ctx): Promise<EntitlementRow[]> => {
    const rows = await ctx.entitlements.read(ids);
    const resources = ResourceRef.getDataloader(ctx);
    for (const { resource } of rows) resources.prime(resource.id, resource);
    return rows;
  },
  true,
);

export const GrantRef = numberedNodeRef('Grant', (ids, ctx): Promise<GrantRow[]> => grantsByIds(ctx.database.db, ids), true);

export const SyncRunRef = numberedNodeRef('SyncRun', (ids, ctx): Promise<SyncRun[]> => syncRunsByIds(ctx.database.db, ids), false);

export const AuditEventRef = numberedNodeRef('AuditEvent', (ids, ctx): Promise<AuditEventRow[]> => auditEventsByIds(ctx.database.db, ids), false);
