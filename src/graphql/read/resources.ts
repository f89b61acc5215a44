import { sql, type Kysely } from 'kysely';
import type { DB, Resource, ResourceType } from '../../db/schema.ts';
import { applyKeyset, byId, type KeysetOrder, type PageRequest } from '../pagination.ts';

/** A resource row, with its workspace's details when the resource is a workspace. */
export type ResourceRow = Resource & {
  workspace_name: string | null;
  workspace_domain: string | null;
  workspace_enterprise_id: string | null;
};

const RESOURCE_COLUMNS = [
  'id', 'external_id', 'resource_type', 'slack_id', 'workspace_id', 'parent_id', 'display_name',
  'description', 'status', 'profile', 'first_seen_run', 'last_seen_run', 'created_at', 'updated_at',
] as const;
const WORKSPACE_COLUMNS = [
  ['name', 'workspace_name'],
  ['domain', 'workspace_domain'],
  ['enterprise_id', 'workspace_enterprise_id'],
] as const;

/** Select list of `resources r left join workspaces w`, as ResourceRow columns, each named `<prefix><column>`. */
export function resourceColumnsAs(prefix: string) {
  return sql.raw(
    [...RESOURCE_COLUMNS.map((c) => `r.${c} as ${prefix}${c}`), ...WORKSPACE_COLUMNS.map(([c, as]) => `w.${c} as ${prefix}${as}`)].join(', '),
  );
}

/** Columns of `resources r left join workspaces w on w.id = r.slack_id`, as a ResourceRow. */
export const resourceColumns = resourceColumnsAs('');

/** Takes the `<prefix>`-named resource columns out of a joined row. */
export function resourceFromPrefixed(row: Record<string, unknown>, prefix: string): ResourceRow {
  const out: Record<string, unknown> = {};
  for (const c of RESOURCE_COLUMNS) out[c] = row[`${prefix}${c}`];
  for (const [, as] of WORKSPACE_COLUMNS) out[as] = row[`${prefix}${as}`];
  return out as ResourceRow;
}

export const WORKSPACE_JOIN = sql.raw(`left join workspaces w on r.resource_type = 'workspace' and w.id = r.slack_id`);

export async function resourcesByIds(db: Kysely<DB>, ids: readonly number[]): Promise<ResourceRow[]> {
  const result = await sql<ResourceRow>`
    select ${resourceColumns}
    from resources r ${WORKSPACE_JOIN}
    where r.id = any(${ids}::bigint[])`.execute(db);
  return result.rows;
}

export async function resourceIdByExternalId(db: Kysely<DB>, externalId: string, types?: readonly ResourceType[]): Promise<number | undefined> {
  let query = db.selectFrom('resources').select('id').where('external_id', '=', externalId);
  if (types?.length) query = query.where('resource_type', 'in', types);
  return (await query.executeTakeFirst())?.id;
}

export async function resourceTypeOf(db: Kysely<DB>, id: number): Promise<ResourceType | undefined> {
  return (await db.selectFrom('resources').select('resource_type').where('id', '=', id).executeTakeFirst())?.resource_type;
}

export const workspaceOrder: KeysetOrder<ResourceRow> = byId<ResourceRow>('r.id');

/** Workspaces (resources of type workspace) with their details. */
export async function workspacePage(db: Kysely<DB>, page: PageRequest): Promise<ResourceRow[]> {
  const query = db
    .selectFrom('resources as r')
    .leftJoin('workspaces as w', (join) => join.onRef('w.id', '=', 'r.slack_id'))
    .selectAll('r')
    .select(['w.name as workspace_name', 'w.domain as workspace_domain', 'w.enterprise_id as workspace_enterprise_id'])
    .where('r.resource_type', '=', 'workspace');
  return applyKeyset(query, workspaceOrder, page).execute();
}

export async function countWorkspaces(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('count')).where('resource_type', '=', 'workspace').executeTakeFirstOrThrow();
  return Number(row.count);
}

/** What the root `resources` list may be narrowed to. */
export interface ResourceListFilter {
  resourceTypes?: readonly ResourceType[];
  /** Slack team id of the workspace. */
  workspaceSlackId?: string;
  search?: string;
}

export const resourceOrder: KeysetOrder<ResourceRow> = byId<ResourceRow>('r.id');

function filteredResources(db: Kysely<DB>, filter: ResourceListFilter) {
  let query = db.selectFrom('resources as r').leftJoin('workspaces as w', (join) => join.onRef('w.id', '=', 'r.slack_id').on('r.resource_type', '=', 'workspace'));
  if (filter.resourceTypes?.length) query = query.where('r.resource_type', 'in', filter.resourceTypes);
  if (filter.workspaceSlackId !== undefined) query = query.where('r.workspace_id', '=', filter.workspaceSlackId);
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(r.display_name)`, 'like', pattern), eb('r.slack_id', '=', filter.search as string)]));
  }
  return query;
}

/** A page of resources of any type, with their workspace details where they are workspaces. */
export async function resourcePage(db: Kysely<DB>, filter: ResourceListFilter, page: PageRequest): Promise<ResourceRow[]> {
  const query = filteredResources(db, filter)
    .selectAll('r')
    .select(['w.name as workspace_name', 'w.domain as workspace_domain', 'w.enterprise_id as workspace_enterprise_id']);
  return applyKeyset(query, resourceOrder, page).execute();
}

export async function countResources(db: Kysely<DB>, filter: ResourceListFilter): Promise<number> {
  const row = await filteredResources(db, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Workspace resource ids by Slack team id (null where the cache has none). */
export async function workspaceIdsBySlackIds(db: Kysely<DB>, slackIds: readonly string[]): Promise<(number | null)[]> {
  const rows = await db.selectFrom('resources').select(['id', 'slack_id']).where('resource_type', '=', 'workspace').where('slack_id', 'in', [...slackIds]).execute();
  const ids = new Map(rows.map((r) => [r.slack_id, r.id]));
  return slackIds.map((s) => ids.get(s) ?? null);
}

/** How many members each resource has (grants of its `member` entitlement), in the order asked. */
export async function memberCountsOf(db: Kysely<DB>, resourceIds: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
    .select(['entitlements.resource_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('entitlements.resource_id', 'in', [...resourceIds])
    .where('entitlements.slug', '=', 'member')
    .groupBy('entitlements.resource_id')
    .execute();
  const counts = new Map(rows.map((r) => [r.resource_id, Number(r.count)]));
  return resourceIds.map((id) => counts.get(id) ?? 0);
}
