import { sql, type Kysely } from 'kysely';

// Which workspace's users.list listed a staged account. A user's workspace membership and
// workspace roles are properties of that listing, so the apply derives those grants in SQL
// from the staged accounts instead of staging one grant row per user, workspace and role.
// Rows staged before this column existed carry their grants in sync_stage_grants as before.

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sync_stage_accounts add column workspace_id text`.execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sync_stage_accounts drop column workspace_id`.execute(db);
}
