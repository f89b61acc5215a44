import { sql, type Kysely } from 'kysely';

// Each page a sync reads is recorded with a digest of the rows it stages. A page whose digest
// matches the one the previous successful run staged under the same key (task and cursor) is not
// staged again: the run points at the rows already there. Staged rows therefore carry the page
// they came from, and the staging tables keep the last successful run's pages until the next run
// has read its own. A run whose every page matches, with the live tables as that run left
// them, has nothing to apply.
// Unlogged like the staging tables (ordinary on PGlite): a server crash empties both together.

const STAGED = ['sync_stage_workspaces', 'sync_stage_accounts', 'sync_stage_scim_users', 'sync_stage_resources', 'sync_stage_entitlements', 'sync_stage_grants'];

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
  const embedded = rows[0]?.v.includes('wasm32') ?? false;
  // Rows staged without a page cannot be told apart: an interrupted run reads Slack again (its
  // checkpoints go with them), a run waiting for confirmation is confirmed by a new run instead.
  await sql.raw(`truncate ${[...STAGED, 'sync_checkpoints'].join(', ')}`).execute(db);
  await sql
    .raw(
      `create ${embedded ? '' : 'unlogged '}table sync_pages (
        run_id bigint not null,
        key text not null,
        page bigint not null,
        digest text not null,
        answer text,
        next text,
        items integer not null default 0,
        grants integer not null default 0,
        primary key (run_id, key)
      )`,
    )
    .execute(db);
  for (const table of STAGED) await sql.raw(`alter table ${table} add column page bigint not null`).execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of STAGED) await sql.raw(`alter table ${table} drop column page`).execute(db);
  await sql`drop table sync_pages`.execute(db);
}
