import { sql, type Kysely } from 'kysely';

// Gateways remember counts (totalCount, grantCount, nested counts) across requests for a few
// seconds. Any statement that changes grants or accounts announces it when it commits, and every
// gateway forgets the counts it remembered. Statement-level, as catalog_changed_notice: a sync's
// bulk apply announces once per statement, and NOTIFY folds a transaction's identical ones.

const TABLES = ['grants', 'accounts'] as const;

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function access_changed_notice() returns trigger language plpgsql as $$
       begin
         perform pg_notify('slackgate_events', '{"t":"accessChanged","p":{}}');
         return null;
       end
       $$`,
    )
    .execute(db);
  for (const table of TABLES) {
    await sql.raw(`create trigger ${table}_access_notice after insert or update or delete or truncate on ${table} for each statement execute function access_changed_notice()`).execute(db);
  }
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await sql.raw(`drop trigger if exists ${table}_access_notice on ${table}`).execute(db);
  await sql.raw('drop function if exists access_changed_notice()').execute(db);
}
