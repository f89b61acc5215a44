import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { StageBatch } from './mapping.ts';

// Rows per statement: two hundred accounts with their profiles make about 120 KB of JSON, near
// V8's large-object size (128 KB), where a thousand made over half a megabyte that only a full
// collection frees. (Measured on the 50k fixture, the peak heap is about the same either way:
// V8 sizes it from the host's memory; this keeps the text out of the large-object space.)
const CHUNK = 200;

const TABLES = {
  workspaces: 'sync_stage_workspaces',
  accounts: 'sync_stage_accounts',
  scimUsers: 'sync_stage_scim_users',
  resources: 'sync_stage_resources',
  entitlements: 'sync_stage_entitlements',
  grants: 'sync_stage_grants',
} as const;

// jsonb_populate_recordset yields NULL for a missing key, not the column default: these are
// the base record's values instead.
const DEFAULTS: Partial<Record<keyof StageBatch, Record<string, unknown>>> = {
  workspaces: { profile: {}, domain: null, enterprise_id: null },
  resources: { status: 'ACTIVE', profile: {}, description: null, parent_external_id: null, workspace_id: null },
  entitlements: { purpose: 'ASSIGNMENT', grantable: false, grantable_reason: null, description: null },
  accounts: { is_home: false, deleted: false, profile: {} },
};

export const STAGE_TABLES = [...Object.values(TABLES), 'sync_checkpoints'] as const;

/** Counts of what a batch adds, per kind. */
export function batchSize(batch: StageBatch): number {
  return Object.values(batch).reduce((n, rows) => n + (rows as unknown[] | undefined ?? []).length, 0);
}

/** One page's staged rows as the JSON texts their statements send. */
export interface SerializedBatch {
  statements: { table: string; base: string | null; json: string }[];
}

/**
 * Turns a page's rows into the JSON texts that carry them and empties the batch's arrays.
 * Rows go in as one JSON document per chunk, expanded by Postgres (`jsonb_populate_recordset`):
 * one parameter instead of thousands, the same statement text for every page, and no
 * per-column type guessing. This happens before the write's first await: an async function
 * keeps every local it holds alive across each await, and a page's row objects (with the
 * strings they share with the parsed page) are several times the size of their text.
 */
export function serializeBatch(runId: number, batch: StageBatch): SerializedBatch {
  const statements: SerializedBatch['statements'] = [];
  for (const [kind, table] of Object.entries(TABLES) as [keyof StageBatch, (typeof TABLES)[keyof StageBatch]][]) {
    const rows = batch[kind] as Record<string, unknown>[] | undefined;
    if (!rows || rows.length === 0) continue;
    if (kind === 'grants') {
      for (const json of grantsJson(batch.grants ?? [])) statements.push({ table, base: null, json });
    } else {
      // The run id and the defaults travel once, as the base record every row is laid over,
      // rather than copied into each row.
      const base = JSON.stringify({ ...DEFAULTS[kind], run_id: runId });
      for (let i = 0; i < rows.length; i += CHUNK) statements.push({ table, base, json: JSON.stringify(rows.length <= CHUNK ? rows : rows.slice(i, i + CHUNK)) });
    }
    rows.length = 0;
  }
  return { statements };
}

/** Writes a serialized page (inside the caller's transaction, with its checkpoint). */
export async function writeSerialized(db: Kysely<DB>, runId: number, batch: SerializedBatch): Promise<void> {
  for (const { table, base, json } of batch.statements) {
    if (base === null) {
      await sql`insert into sync_stage_grants (run_id, entitlement_external_id, account_slack_id)
        select ${runId}, e.key, jsonb_array_elements_text(e.value) from jsonb_each(${json}::jsonb) as e`.execute(db);
    } else {
      await sql`insert into ${sql.table(table)} select * from jsonb_populate_recordset(jsonb_populate_record(null::${sql.table(table)}, ${base}::jsonb), ${json}::jsonb)`.execute(db);
    }
  }
}

/**
 * Grants are most of what a sync stages, and most share an entitlement (a group's members), so
 * they travel as `{ entitlement: [account, …] }`: each external id once, no key names per row.
 */
function grantsJson(grants: NonNullable<StageBatch['grants']>): string[] {
  const CHUNK_GRANTS = 20_000;
  const texts: string[] = [];
  for (let i = 0; i < grants.length; i += CHUNK_GRANTS) {
    const byEntitlement: Record<string, string[]> = {};
    for (let j = i; j < Math.min(i + CHUNK_GRANTS, grants.length); j++) {
      const g = grants[j]!;
      (byEntitlement[g.entitlement_external_id] ??= []).push(g.account_slack_id);
    }
    texts.push(JSON.stringify(byEntitlement));
  }
  return texts;
}

export interface Checkpoint {
  task: string;
  cursor: string | null;
  done: boolean;
  items: number;
}

export async function saveCheckpoint(db: Kysely<DB>, runId: number, task: string, cursor: string | null, done: boolean, items: number): Promise<void> {
  await db
    .insertInto('sync_checkpoints')
    .values({ run_id: runId, task, cursor, done, items })
    .onConflict((oc) =>
      oc.columns(['run_id', 'task']).doUpdateSet((eb) => ({
        cursor: eb.ref('excluded.cursor'),
        done: eb.ref('excluded.done'),
        items: sql<number>`sync_checkpoints.items + excluded.items`,
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

export async function loadCheckpoints(db: Kysely<DB>, runId: number): Promise<Map<string, Checkpoint>> {
  const rows = await db.selectFrom('sync_checkpoints').select(['task', 'cursor', 'done', 'items']).where('run_id', '=', runId).execute();
  return new Map(rows.map((r) => [r.task, r]));
}

/** Drops every staged row and checkpoint. Only the holder of the sync lock calls this. */
export async function clearStage(db: Kysely<DB>): Promise<void> {
  await sql.raw(`truncate ${STAGE_TABLES.join(', ')}`).execute(db);
}
