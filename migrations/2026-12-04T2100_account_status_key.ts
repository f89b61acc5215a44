import { sql, type Kysely } from 'kysely';

// An idempotency key of setAccountStatus names the status it set too: the same key sent again
// for the same account with the other status is a different change, refused like a key reused
// for another account (IDEMPOTENCY_KEY_REUSED), not answered with the first call's outcome.
// Keys stored before this migration have no status and keep answering as before.

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`alter table provisioning_outcomes add column target_status text check (target_status in ('ENABLED','DISABLED'))`).execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table provisioning_outcomes drop column if exists target_status').execute(db);
}
