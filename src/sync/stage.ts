import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { copyFields, copyText, type CopyValue } from '../db/copy.ts';
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

export const STAGE_TABLES = [...Object.values(TABLES), 'sync_pages', 'sync_checkpoints'] as const;

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
 * for statements on the embedded backend; with a digest of the rows alone (not the run or page
 * they are staged under), equal for two pages that stage the same rows.
 */
export type SerializedBatch =
  | { format: 'json'; statements: { table: string; base: string | null; json: string }[]; digest: string }
  | { format: 'copy'; tables: { table: string; columns: string[]; text: string[] }[]; digest: string };

/** A page with nothing to write: its rows are already staged (under `page`, by an earlier run). */
export const NOTHING_TO_WRITE: SerializedBatch = { format: 'copy', tables: [], digest: '' };

/**
 * Turns a page's rows into COPY text (see serializeBatch for why this happens at once) and
 * empties the batch's arrays.
 */
export function serializeBatchForCopy(runId: number, page: number, batch: StageBatch): SerializedBatch {
  const tables: { table: string; columns: string[]; text: string[] }[] = [];
  const digest = createHash('sha1');
  const suffix = `\t${runId}\t${page}\n`;
  for (const [kind, table] of Object.entries(TABLES) as [keyof StageBatch, (typeof TABLES)[keyof StageBatch]][]) {
    const rows = batch[kind] as Record<string, CopyValue>[] | undefined;
    if (!rows || rows.length === 0) continue;
    const columns = COLUMNS[kind];
    const text: string[] = [];
    digest.update(`${table}\n`);
    let chunk = '';
    // The rows' own fields, for the digest: the run and page each line ends with are left out.
    let fields = '';
    const values: CopyValue[] = new Array(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        const [name, fallback] = columns[i]!;
        values[i] = row[name] === undefined ? fallback : row[name];
      }
      const line = copyFields(values);
      chunk += line + suffix;
      fields += line + '\n';
      if (chunk.length >= COPY_CHUNK) {
        text.push(chunk);
        digest.update(fields);
        chunk = '';
        fields = '';
      }
    }
    if (chunk) text.push(chunk);
    if (fields) digest.update(fields);
    tables.push({ table, columns: [...columns.map(([name]) => name), 'run_id', 'page'], text });
    rows.length = 0;
  }
  return { format: 'copy', tables, digest: digest.digest('base64') };
}

/**
 * Turns a page's rows into the JSON texts that carry them and empties the batch's arrays.
 * Rows go in as one JSON document per chunk, expanded by Postgres (`jsonb_populate_recordset`):
 * one parameter instead of thousands, the same statement text for every page, and no
 * per-column type guessing. This happens before the write's first await: an async function
 * keeps every local it holds alive across each await, and a page's row objects (with the
 * strings they share with the parsed page) are several times the size of their text.
 */
export function serializeBatch(runId: number, page: number, batch: StageBatch): SerializedBatch {
  const statements: Extract<SerializedBatch, { format: 'json' }>['statements'] = [];
  const digest = createHash('sha1');
  for (const [kind, table] of Object.entries(TABLES) as [keyof StageBatch, (typeof TABLES)[keyof StageBatch]][]) {
    const rows = batch[kind] as Record<string, unknown>[] | undefined;
    if (!rows || rows.length === 0) continue;
    if (kind === 'grants') {
      for (const json of grantsJson(batch.grants ?? [])) statements.push({ table, base: null, json });
    } else {
      // The run id, the page and the defaults travel once, as the base record every row is laid
      // over, rather than copied into each row.
      const base = JSON.stringify({ ...DEFAULTS[kind], run_id: runId, page });
      for (let i = 0; i < rows.length; i += CHUNK) statements.push({ table, base, json: JSON.stringify(rows.length <= CHUNK ? rows : rows.slice(i, i + CHUNK)) });
    }
    rows.length = 0;
  }
  for (const { table, json } of statements) digest.update(`${table}\n`).update(json);
  return { format: 'json', statements, digest: digest.digest('base64') };
}

/** A page's rows in the form `database` loads fastest: COPY on Postgres, JSON on PGlite. */
export function serializePage(database: Database, runId: number, page: number, batch: StageBatch): SerializedBatch {
  return database.withClient ? serializeBatchForCopy(runId, page, batch) : serializeBatch(runId, page, batch);
}

/** A page read by a run: its key (task and cursor), the page its rows are staged under, their digest. */
export interface PageRecord {
  key: string;
  page: number;
  digest: string;
  /** The digest of the Slack answer it came from, and what that answer gave besides its items. */
  answer: string | null;
  next: string | null;
  items: number;
  grants: number;
}

/** This module's code, for the version of what answers are made into (see engine.ts). */
export const STAGE_MODULE = import.meta.url;

/** Whether a serialized page has no rows to write (its rows are staged already, or it has none). */
export function hasNoRows(batch: SerializedBatch): boolean {
  return batch.format === 'copy' ? batch.tables.length === 0 : batch.statements.length === 0;
}

/** A page's record with its task's checkpoint after it: what stagePage writes besides rows. */
export interface PageEntry {
  record: PageRecord;
  checkpoint: Checkpoint;
}

/**
 * Records pages with nothing to write (their rows are staged already) and their tasks'
 * checkpoints, in one statement: atomic on its own. Entries are in the order they were read; a
 * task's checkpoint ends where its last entry left it.
 */
export async function recordPages(db: Kysely<DB>, runId: number, entries: readonly PageEntry[]): Promise<void> {
  if (entries.length) await recordStatement(db, runId, entries).execute();
}

/** The pages' records and their tasks' checkpoints (recordPages) as one statement. */
function recordStatement(db: Kysely<DB>, runId: number, entries: readonly PageEntry[]) {
  // One row per key and per task: a statement may not upsert the same row twice.
  const pages = new Map<string, PageRecord>();
  const tasks = new Map<string, Checkpoint>();
  for (const { record, checkpoint } of entries) {
    pages.set(record.key, record);
    tasks.set(checkpoint.task, { ...checkpoint, items: checkpoint.items + (tasks.get(checkpoint.task)?.items ?? 0) });
  }
  return db
    .with('page', () => pageStatement(db, runId, [...pages.values()]))
    .insertInto('sync_checkpoints')
    .values([...tasks.values()].map(({ task, cursor, done, items }) => ({ run_id: runId, task, cursor, done, items })))
    .onConflict((oc) =>
      oc.columns(['run_id', 'task']).doUpdateSet((eb) => ({
        cursor: eb.ref('excluded.cursor'),
        done: eb.ref('excluded.done'),
        items: sql<number>`sync_checkpoints.items + excluded.items`,
        updated_at: sql<Date>`now()`,
      })),
    );
}

/**
 * Writes a serialized page and its task's checkpoint in one transaction: a crash leaves both or
 * neither.
 */
export async function stagePage(database: Database, runId: number, batch: SerializedBatch, record: PageRecord, checkpoint: Checkpoint): Promise<void> {
  if (hasNoRows(batch)) return recordPages(database.db, runId, [{ record, checkpoint }]);
  if (batch.format === 'copy' && database.withClient) {
    const compiled = recordStatement(database.db, runId, [{ record, checkpoint }]).compile();
    await database.withClient(async (client) => {
      await client.query('begin');
      try {
        for (const { table, columns, text } of batch.tables) await copyText(client, table, columns, text);
        await client.query(compiled.sql, compiled.parameters as unknown[]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
    });
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    await writeSerialized(trx, runId, record.page, batch);
    await recordStatement(trx, runId, [{ record, checkpoint }]).execute();
  });
}

/**
 * Records a page the run read. A key read twice (a task read again from its start after its
 * cursor expired) keeps the later page; the earlier one's rows are then no longer the run's.
 */
function pageStatement(db: Kysely<DB>, runId: number, records: readonly PageRecord[]) {
  return db
    .insertInto('sync_pages')
    .values(records.map(({ key, page, digest, answer, next, items, grants }) => ({ run_id: runId, key, page, digest, answer, next, items, grants })))
    .onConflict((oc) =>
      oc.columns(['run_id', 'key']).doUpdateSet((eb) => ({
        page: eb.ref('excluded.page'),
        digest: eb.ref('excluded.digest'),
        answer: eb.ref('excluded.answer'),
        next: eb.ref('excluded.next'),
        items: eb.ref('excluded.items'),
        grants: eb.ref('excluded.grants'),
      })),
    );
}

/** Writes a serialized page (inside the caller's transaction, with its checkpoint). */
export async function writeSerialized(db: Kysely<DB>, runId: number, page: number, batch: SerializedBatch): Promise<void> {
  if (batch.format === 'copy') {
    if (batch.tables.length === 0) return;
    throw new Error('COPY text is written by stagePage, on Postgres');
  }
  for (const { table, base, json } of batch.statements) {
    if (base === null) {
      await sql`insert into sync_stage_grants (run_id, page, entitlement_external_id, account_slack_id)
        select ${runId}, ${page}, e.key, jsonb_array_elements_text(e.value) from jsonb_each(${json}::jsonb) as e`.execute(db);
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

export async function loadCheckpoints(db: Kysely<DB>, runId: number): Promise<Map<string, Checkpoint>> {
  const rows = await db.selectFrom('sync_checkpoints').select(['task', 'cursor', 'done', 'items']).where('run_id', '=', runId).execute();
  return new Map(rows.map((r) => [r.task, r]));
}

/**
 * Drops every staged row and checkpoint; with `keepRunId`, keeps that run's pages and the rows
 * they stand for (the pages a later run may find unchanged). Only the holder of the sync lock
 * calls this.
 */
export async function clearStage(db: Kysely<DB>, keepRunId?: number): Promise<void> {
  if (keepRunId === undefined) {
    await sql.raw(`truncate ${STAGE_TABLES.join(', ')}`).execute(db);
    return;
  }
  await sql`truncate sync_checkpoints`.execute(db);
  const { rows } = await sql<{ page: string }>`delete from sync_pages d where d.run_id <> ${keepRunId}
    and not exists (select 1 from sync_pages k where k.run_id = ${keepRunId} and k.page = d.page) returning d.page`.execute(db);
  await sql`delete from sync_pages where run_id <> ${keepRunId}`.execute(db);
  // Staged rows are not indexed by page: each table is read once, and only when pages go.
  if (rows.length === 0) return;
  const pages = [...new Set(rows.map((r) => String(r.page)))];
  for (const table of Object.values(TABLES)) await sql`delete from ${sql.table(table)} where page = any(${pages}::bigint[])`.execute(db);
}

/** Deletes the staged rows no recorded page stands for. */
export async function dropUnlistedRows(db: Kysely<DB>): Promise<void> {
  for (const table of Object.values(TABLES)) {
    await sql`delete from ${sql.table(table)} s where not exists (select 1 from sync_pages p where p.page = s.page)`.execute(db);
  }
}

/** Which pages a run read, by key, with their digests. */
export async function loadPages(db: Kysely<DB>, runId: number): Promise<Map<string, PageRecord>> {
  const rows = await db.selectFrom('sync_pages').select(['key', 'page', 'digest', 'answer', 'next', 'items', 'grants']).where('run_id', '=', runId).execute();
  return new Map(rows.map((r) => [r.key, { ...r, page: Number(r.page), items: Number(r.items), grants: Number(r.grants) }]));
}

/** A condition on a staging table's rows (as `alias`): staged by a page of run `runId`. */
export function stagedBy(runId: number, alias?: string) {
  return sql<boolean>`${sql.ref(alias ? `${alias}.page` : 'page')} in (select page from sync_pages where run_id = ${runId})`;
}
