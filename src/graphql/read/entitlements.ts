import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB, Entitlement, ResourceType } from '../../db/schema.ts';
import { applyKeyset, byId, type KeysetOrder, type PageRequest, countRows } from '../pagination.ts';
import { resourceColumnsAs, resourceFromPrefixed, WORKSPACE_JOIN, type ResourceRow } from './resources.ts';
import { containsPattern } from './search.ts';

export interface EntitlementFilter {
  resourceTypes?: ResourceType[] | null;
  /** Internal id of a workspace resource: entitlements of resources in that workspace (and of the workspace itself). */
  workspaceResourceId?: number | null;
  grantable?: boolean | null;
  search?: string | null;
  /** Internal id of a resource: its entitlements only. */
  resourceId?: number | null;
}

export const entitlementOrder: KeysetOrder<Entitlement> = byId<Entitlement>('entitlements.id');

/** An entitlement row, with its resource when it was read in the same statement. */
export type EntitlementRow = Entitlement & { resource?: ResourceRow };
export type EntitlementWithResource = Entitlement & { resource: ResourceRow };

/**
 * Entitlements with their resources, in one statement: a page of grants that shows each
 * entitlement's resource then needs no further query.
 */
export async function entitlementsWithResources(db: Kysely<DB>, ids: readonly number[]): Promise<EntitlementWithResource[]> {
  const result = await sql<Entitlement & Record<string, unknown>>`
    select e.*, ${resourceColumnsAs('resource__')}
    from entitlements e
    join resources r on r.id = e.resource_id
    ${WORKSPACE_JOIN}
    where e.id = any(${ids}::bigint[])`.execute(db);
  return result.rows.map((row) => {
    const entries = Object.entries(row).filter(([key]) => !key.startsWith('resource__'));
    return Object.fromEntries([...entries, ['resource', resourceFromPrefixed(row, 'resource__')]]) as EntitlementWithResource;
  });
}

export async function entitlementsOfResources(db: Kysely<DB>, resourceIds: readonly number[]): Promise<Entitlement[]> {
  return db.selectFrom('entitlements').selectAll().where('resource_id', '=', sql<number>`any(${resourceIds}::bigint[])`).orderBy('id').execute();
}

function filtered(db: Kysely<DB>, filter: EntitlementFilter): SelectQueryBuilder<DB, 'entitlements', Entitlement> {
  let query = db.selectFrom('entitlements').selectAll('entitlements');
  if (filter.grantable != null) query = query.where('entitlements.grantable', '=', filter.grantable);
  if (filter.resourceId != null) query = query.where('entitlements.resource_id', '=', filter.resourceId);
  const needsResource = Boolean(filter.resourceTypes?.length) || filter.workspaceResourceId != null || Boolean(filter.search);
  if (needsResource) {
    query = query.where((eb) => {
      let resources = eb.selectFrom('resources').select('resources.id').whereRef('resources.id', '=', 'entitlements.resource_id');
      if (filter.resourceTypes?.length) resources = resources.where('resources.resource_type', 'in', filter.resourceTypes);
      if (filter.workspaceResourceId != null) {
        const workspace = eb.selectFrom('resources as ws').select('ws.slack_id').where('ws.id', '=', filter.workspaceResourceId).where('ws.resource_type', '=', 'workspace');
        resources = resources.where((inner) => inner.or([inner('resources.id', '=', filter.workspaceResourceId as number), inner('resources.workspace_id', '=', workspace)]));
      }
      if (filter.search) {
        const pattern = containsPattern(filter.search);
        resources = resources.where((inner) =>
          inner.or([
            inner('resources.display_name', 'ilike', pattern),
            inner('entitlements.display_name', 'ilike', pattern),
            inner('entitlements.slug', 'ilike', pattern),
            inner('entitlements.external_id', 'ilike', pattern),
          ]),
        );
      }
      return eb.exists(resources);
    });
  }
  return query;
}

export async function entitlementPage(db: Kysely<DB>, filter: EntitlementFilter, page: PageRequest): Promise<Entitlement[]> {
  return applyKeyset(filtered(db, filter), entitlementOrder, page).execute();
}

export async function countEntitlements(db: Kysely<DB>, filter: EntitlementFilter): Promise<number> {
  return countRows(filtered(db, filter));
}

export async function entitlementIdByExternalId(db: Kysely<DB>, externalId: string): Promise<number | undefined> {
  return (await db.selectFrom('entitlements').select('id').where('external_id', '=', externalId).executeTakeFirst())?.id;
}
