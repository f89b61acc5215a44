import { sql, type Kysely } from 'kysely';

// Gateways trust a verified bearer token for a few seconds without asking the database again.
// Whatever ends a token early — revoking or rotating its client, changing the client's scopes,
// deleting the token — announces the client on the event channel when it commits, and every
// gateway forgets that client's tokens at once. A trigger, so the CLI in another process and a
// hand-written SQL statement announce it too.

const statements = [
  `create function api_client_changed_notice() returns trigger language plpgsql as $$
   declare
     client text;
   begin
     if tg_table_name = 'api_tokens' then
       client := old.client_id;
     else
       client := old.id;
     end if;
     perform pg_notify('slackgate_events', json_build_object('t', 'apiClientChanged', 'p', json_build_object('clientId', client))::text);
     return null;
   end
   $$`,
  `create trigger api_tokens_deleted_notice after delete on api_tokens
     for each row execute function api_client_changed_notice()`,
  `create trigger api_clients_changed_notice after update of secret_hash, scopes, revoked_at or delete on api_clients
     for each row execute function api_client_changed_notice()`,
];

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop trigger if exists api_clients_changed_notice on api_clients').execute(db);
  await sql.raw('drop trigger if exists api_tokens_deleted_notice on api_tokens').execute(db);
  await sql.raw('drop function if exists api_client_changed_notice()').execute(db);
}
