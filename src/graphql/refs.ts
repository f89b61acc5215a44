import type { SyncRun } from '../db/schema.ts';
import { builder } from './builder.ts';
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

export const AccountRef = builder.loadableNodeRef('Account', {
  id: { resolve: (a: AccountRow) => a.id, parse: parseId },
  load: (ids: number[], ctx) => accountsByIds(ctx.database.db, ids),
  toKey: (a: AccountRow) => a.id,
  sort: true,
  cacheResolved: true,
  loaderOptions: batch,
});

export { RESOURCE_TYPENAMES } from './typenames.ts';

export const ResourceRef = builder.loadableInterfaceRef('Resource', {
  load: (ids: number[], ctx) => resourcesByIds(ctx.database.db, ids),
  toKey: (r: ResourceRow) => r.id,
  sort: true,
  cacheResolved: true,
  loaderOptions: batch,
});

export const EntitlementRef = builder.loadableNodeRef('Entitlement', {
  id: { resolve: (e: EntitlementRow) => e.id, parse: parseId },
  // Entitlements come with their resources, which are primed into the resource loader: an
  // entitlement's resource then costs no statement of its own, and resolves without a load.
  load: async (ids: number[], ctx) => {
    const rows = await ctx.entitlements.read(ids);
    const resources = ResourceRef.getDataloader(ctx);
    for (const { resource } of rows) resources.prime(resource.id, resource);
    return rows;
  },
  toKey: (e: EntitlementRow) => e.id,
  sort: true,
  cacheResolved: true,
  loaderOptions: batch,
});

export const GrantRef = builder.loadableNodeRef('Grant', {
  id: { resolve: (g: GrantRow) => g.id, parse: parseId },
  load: (ids: number[], ctx) => grantsByIds(ctx.database.db, ids),
  toKey: (g: GrantRow) => g.id,
  sort: true,
  cacheResolved: true,
  loaderOptions: batch,
});

export const SyncRunRef = builder.loadableNodeRef('SyncRun', {
  id: { resolve: (r: SyncRun) => r.id, parse: parseId },
  load: (ids: number[], ctx) => syncRunsByIds(ctx.database.db, ids),
  toKey: (r: SyncRun) => r.id,
  sort: true,
  loaderOptions: batch,
});

export const AuditEventRef = builder.loadableNodeRef('AuditEvent', {
  id: { resolve: (e: AuditEventRow) => e.id, parse: parseId },
  load: (ids: number[], ctx) => auditEventsByIds(ctx.database.db, ids),
  toKey: (e: AuditEventRow) => e.id,
  sort: true,
  loaderOptions: batch,
});
