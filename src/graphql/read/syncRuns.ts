import { sql, type Kysely, type SelectQueryBuilder, type Selectable } from 'kysely';
import type { DB, SyncChangesTable, SyncRun, SyncStatus } from '../../db/schema.ts';
import { applyKeyset, byId, type KeysetOrder, type PageRequest, countRows } from '../pagination.ts';

export type SyncChange = Selectable<SyncChangesTable>;
export type SyncChangeKind = SyncChange['kind'];

export const ACTIVE_STATUSES: readonly SyncStatus[] = ['QUEUED', 'RUNNING'];
export const FINAL_STATUSES: readonly SyncStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'NEEDS_CONFIRMATION'];

/** Newest first. */
export const syncRunOrder: KeysetOrder<SyncRun> = byId<SyncRun>('sync_runs.id', 'desc');
export const syncChangeOrder = byId<SyncChange>('sync_changes.id');

export async function syncRunsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<SyncRun[]> {
  return db.selectFrom('sync_runs').selectAll().where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
}

export async function syncRunById(db: Kysely<DB>, id: number): Promise<SyncRun | undefined> {
  return db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The run in progress (or queued), if any; the oldest when several are recorded. */
export async function activeSyncRun(db: Kysely<DB>): Promise<SyncRun | undefined> {
  return db.selectFrom('sync_runs').selectAll().where('status', 'in', ACTIVE_STATUSES).orderBy('id').limit(1).executeTakeFirst();
}

export async function lastSuccessfulSyncRun(db: Kysely<DB>): Promise<SyncRun | undefined> {
  return db.selectFrom('sync_runs').selectAll().where('status', '=', 'SUCCEEDED').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The last run that finished, whatever its outcome. */
export async function lastFinishedSyncRun(db: Kysely<DB>): Promise<SyncRun | undefined> {
  return db.selectFrom('sync_runs').selectAll().where('finished_at', 'is not', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export interface SyncRunFilter {
  statuses?: SyncStatus[] | null;
}

function filteredRuns(db: Kysely<DB>, filter: SyncRunFilter): SelectQueryBuilder<DB, 'sync_runs', SyncRun> {
  let query = db.selectFrom('sync_runs').selectAll('sync_runs');
  if (filter.statuses?.length) query = query.where('sync_runs.status', 'in', filter.statuses);
  return query;
}

export async function syncRunPage(db: Kysely<DB>, filter: SyncRunFilter, page: PageRequest): Promise<SyncRun[]> {
  return applyKeyset(filteredRuns(db, filter), syncRunOrder, page).execute();
}

export async function countSyncRuns(db: Kysely<DB>, filter: SyncRunFilter): Promise<number> {
  return countRows(filteredRuns(db, filter));
}

/** One page of a run's changes for each of many runs, in one statement. */
export async function changePagesPerRun(
  db: Kysely<DB>,
  runIds: readonly number[],
  kinds: SyncChangeKind[] | null | undefined,
  page: PageRequest,
): Promise<Map<number, SyncChange[]>> {
  const rows = await db
    .selectFrom(sql<{ parent_id: number }>`(select unnest(${runIds}::bigint[]) as parent_id)`.as('p'))
    .innerJoinLateral(
      (eb) => {
        let inner = eb.selectFrom('sync_changes').selectAll('sync_changes').whereRef('sync_changes.run_id', '=', 'p.parent_id');
        if (kinds?.length) inner = inner.where('sync_changes.kind', 'in', kinds);
        return applyKeyset(inner, syncChangeOrder, page).as('c');
      },
      (join) => join.onTrue(),
    )
    .selectAll('c')
    .execute();
  const byRun = new Map<number, SyncChange[]>(runIds.map((id) => [id, []]));
  for (const row of rows) byRun.get(row.run_id)?.push(row);
  return byRun;
}

export async function countChangesPerRun(db: Kysely<DB>, runIds: readonly number[], kinds: SyncChangeKind[] | null | undefined): Promise<Map<number, number>> {
  let query = db
    .selectFrom('sync_changes')
    .select(['run_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('run_id', '=', sql<number>`any(${runIds}::bigint[])`);
  if (kinds?.length) query = query.where('kind', 'in', kinds);
  const rows = await query.groupBy('run_id').execute();
  const counts = new Map<number, number>(runIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.run_id, Number(row.count));
  return counts;
}
