import { sql, type Kysely } from 'kysely';

// Two per-client settings for internal tools: `trusted_only` limits a client to the documents of
// the gateway's trusted-documents manifest (by hash), and `cost_budget_per_minute` sets how much
// query cost it may spend per minute (null: the gateway's default). Changing either announces the
// client like a scope change does, so every gateway forgets its remembered tokens at once.

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('api_clients')
    .addColumn('trusted_only', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('cost_budget_per_minute', 'integer', (c) => c.check(sql`cost_budget_per_minute > 0`))
    .execute();
  await sql.raw('drop trigger if exists api_clients_changed_notice on api_clients').execute(db);
  await sql
    .raw(
      `create trigger api_clients_changed_notice after update of secret_hash, scopes, revoked_at, trusted_only, cost_budget_per_minute or delete on api_clients
         for each row execute function api_client_changed_notice()`,
    )
    .execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop trigger if exists api_clients_changed_notice on api_clients').execute(db);
  await sql
    .raw(
      `create trigger api_clients_changed_notice after update of secret_hash, scopes, revoked_at or delete on api_clients
         for each row execute function api_client_changed_notice()`,
    )
    .execute(db);
  await db.schema.alterTable('api_clients').dropColumn('cost_budget_per_minute').dropColumn('trusted_only').execute();
}
