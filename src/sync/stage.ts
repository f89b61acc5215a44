import { sql, type Kysely } from 'kysely';
import { copyLine, copyText, type CopyValue } from '../db/copy.ts';
import type { Database } from '../db/createDb.ts';
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

/**
 * Each staged table's columns after run_id, in COPY order, with the value a row that leaves a
 * column out gets (the column's default).
 */
const COLUMNS: Record<keyof StageBatch, [string, CopyValue][]> = {
  workspaces: [['id', null], ['name', null], ['domain', null], ['enterprise_id', null], ['profile', {}]],
  accounts: [
    ['slack_id', null], ['team_id', null], ['workspace_id', null], ['is_home', false], ['username', null], ['email', null],
    ['display_name', null], ['real_name', null], ['deleted', false], ['is_bot', false], ['is_app_user', false],
    ['is_restricted', false], ['is_ultra_restricted', false], ['is_invited', false], ['is_stranger', false],
    ['is_admin', false], ['is_owner', false], ['is_primary_owner', false], ['has_2fa', null], ['timezone', null], ['profile', {}],
  ],
  scimUsers: [['slack_id', null], ['active', null], ['user_name', null], ['email', null], ['display_name', null]],
  resources: [
    ['external_id', null], ['resource_type', null], ['slack_id', null], ['workspace_id', null], ['parent_external_id', null],
    ['display_name', null], ['description', null], ['status', 'ACTIVE'], ['profile', {}],
  ],
  entitlements: [
    ['external_id', null], ['resource_external_id', null], ['slug', null], ['display_name', null], ['description', null],
    ['purpose', 'ASSIGNMENT'], ['grantable', false], ['grantable_reason', null],
  ],
  grants: [['entitlement_external_id', null], ['account_slack_id', null]],
};

/** COPY text is sent in chunks of about this many characters. */
const COPY_CHUNK = 64 * 1024;

/**
 * One page's staged rows as the texts that carry them: COPY lines on Postgres, JSON documents
 * for statements on the embedded backend.
 */
export type SerializedBatch =
  | { format: 'json'; statements: { table: string; base: string | null; json: string }[] }
  | { format: 'copy'; tables: { table: string; columns: string[]; text: string[] }[] };

/**
 * Turns a page's rows into COPY text (see serializeBatch for why this happens at once) and
 * empties the batch's arrays.
 */
export function serializeBatchForCopy(runId: number, batch: StageBatch): SerializedBatch {
  const tables: { table: string; columns: string[]; text: string[] }[] = [];
  for (const [kind, table] of Object.entries(TABLES) as [keyof StageBatch, (typeof TABLES)[keyof StageBatch]][]) {
    const rows = batch[kind] as Record<string, CopyValue>[] | undefined;
    if (!rows || rows.length === 0) continue;
    const columns = COLUMNS[kind];
    const text: string[] = [];
    let chunk = '';
    const values: CopyValue[] = new Array(columns.length + 1).fill(runId);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        const [name, fallback] = columns[i]!;
        values[i + 1] = row[name] === undefined ? fallback : row[name];
      }
      chunk += copyLine(values);
      if (chunk.length >= COPY_CHUNK) {
        text.push(chunk);
        chunk = '';
      }
    }
    if (chunk) text.push(chunk);
    tables.push({ table, columns: ['run_id', ...columns.map(([name]) => name)], text });
    rows.length = 0;
  }
  return { format: 'copy', tables };
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
  const statements: Extract<SerializedBatch, { format: 'json' }>['statements'] = [];
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
  return { format: 'json', statements };
}

/** A page's rows in the form `database` loads fastest: COPY on Postgres, JSON on PGlite. */
export function serializePage(database: Database, runId: number, batch: StageBatch): SerializedBatch {
  return database.withClient ? serializeBatchForCopy(runId, batch) : serializeBatch(runId, batch);
}

/**
 * Writes a serialized page and its task's checkpoint in one transaction: a crash leaves both or
 * neither.
 */
export async function stagePage(database: Database, runId: number, batch: SerializedBatch, checkpoint: Omit<Checkpoint, 'done'> & { done: boolean }): Promise<void> {
  if (batch.format === 'copy' && database.withClient) {
    const saved = checkpointStatement(database.db, runId, checkpoint).compile();
    await database.withClient(async (client) => {
      await client.query('begin');
      try {
        for (const { table, columns, text } of batch.tables) await copyText(client, table, columns, text);
        await client.query(saved.sql, saved.parameters as unknown[]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
    });
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    await writeSerialized(trx, runId, batch);
    await saveCheckpoint(trx, runId, checkpoint.task, checkpoint.cursor, checkpoint.done, checkpoint.items);
  });
}

/** Writes a serialized page (inside the caller's transaction, with its checkpoint). */
export async function writeSerialized(db: Kysely<DB>, runId: number, batch: SerializedBatch): Promise<void> {
  if (batch.format === 'copy') throw new Error('COPY text is written by stagePage, on Postgres');
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
  await checkpointStatement(db, runId, { task, cursor, done, items }).execute();
}

function checkpointStatement(db: Kysely<DB>, runId: number, { task, cursor, done, items }: Checkpoint) {
  return db
    .insertInto('sync_checkpoints')
    .values({ run_id: runId, task, cursor, done, items })
    .onConflict((oc) =>
      oc.columns(['run_id', 'task']).doUpdateSet((eb) => ({
        cursor: eb.ref('excluded.cursor'),
        done: eb.ref('excluded.done'),
        items: sql<number>`sync_checkpoints.items + excluded.items`,
        updated_at: sql<Date>`now()`,
      })),
    );
}

export async function loadCheckpoints(db: Kysely<DB>, runId: number): Promise<Map<string, Checkpoint>> {
  const rows = await db.selectFrom('sync_checkpoints').select(['task', 'cursor', 'done', 'items']).where('run_id', '=', runId).execute();
  return new Map(rows.map((r) => [r.task, r]));
}

/** Drops every staged row and checkpoint. Only the holder of the sync lock calls this. */
export async function clearStage(db: Kysely<DB>): Promise<void> {
  await sql.raw(`truncate ${STAGE_TABLES.join(', ')}`).execute(db);
}
