import { sql, type Kysely } from 'kysely';

// Gateways remember entitlements (with their resources) across requests for a few seconds. Any
// statement that changes an entitlement, a resource or a workspace's details announces it when
// it commits, and every gateway forgets what it remembered. Statement-level triggers: a sync's
// bulk apply announces once per statement, not once per row, and NOTIFY folds identical
// announcements of one transaction into one.

const TABLES = ['entitlements', 'resources', 'workspaces'] as const;

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function catalog_changed_notice() returns trigger language plpgsql as $$
       begin
         perform pg_notify('slackgate_events', '{"t":"catalogChanged","p":{}}');
         return null;
       end
       $$`,
    )
    .execute(db);
  for (const table of TABLES) {
    await sql.raw(`create trigger ${table}_changed_notice after insert or update or delete or truncate on ${table} for each statement execute function catalog_changed_notice()`).execute(db);
  }
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await sql.raw(`drop trigger if exists ${table}_changed_notice on ${table}`).execute(db);
  await sql.raw('drop function if exists catalog_changed_notice()').execute(db);
}
