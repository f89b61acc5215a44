import { sql, type Kysely } from 'kysely';

// The change feed: every change to grants and accounts, whatever wrote it, as one row with its
// source (SYNC, EVENT, SLACKGATE) in the same transaction as the change. Statement-level
// triggers with transition tables write them, so a sync's bulk apply costs one insert per
// statement, and every writer — the sync, a targeted refresh, an event, a mutation, a job, SQL
// by hand — is covered without remembering to.
//
// The public sequence number (`seq`) is not assigned here: a number taken inside a transaction
// follows the order transactions start writing, not the order they commit, so a reader resuming
// "after 41" could miss a 40 that commits late. A sequencer (src/feed/sequencer.ts) numbers
// committed rows, one at a time across replicas, right after they commit (it is woken by the
// notification below, delivered on commit): seq order is the order changes became visible, and a
// reader that has seen seq N has seen everything numbered before it.
//
// The writer says who it is with transaction-local settings: slackgate.change_source,
// slackgate.change_run (a sync run), slackgate.change_event (a Slack event id);
// slackgate.change_feed = 'off' skips the feed (a first sync's baseline, which has nothing to
// differ from). Unset, the source is SLACKGATE: our own mutations and jobs.

const statements = [
  `create table access_changes (
     id bigint generated always as identity primary key,
     seq bigint unique,
     source text not null check (source in ('SYNC', 'EVENT', 'SLACKGATE')),
     kind text not null check (kind in ('GRANT_ADDED', 'GRANT_REMOVED', 'GRANT_CHANGED', 'ACCOUNT_ADDED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED')),
     account_id bigint not null,
     entitlement_id bigint,
     resource_id bigint,
     grant_id bigint,
     grant_external_id text,
     grant_source text,
     run_id bigint,
     event_id text,
     detail jsonb,
     occurred_at timestamptz not null default now()
   )`,
  `create index access_changes_pending on access_changes (id) where seq is null`,
  `create index access_changes_entitlement on access_changes (entitlement_id, seq)`,
  `create index access_changes_resource on access_changes (resource_id, seq)`,
  `create index access_changes_account on access_changes (account_id, seq)`,
  `create function access_change_record() returns trigger language plpgsql as $$
   declare
     feed text := current_setting('slackgate.change_feed', true);
     src text := coalesce(nullif(current_setting('slackgate.change_source', true), ''), 'SLACKGATE');
     run bigint := nullif(current_setting('slackgate.change_run', true), '')::bigint;
     ev text := nullif(current_setting('slackgate.change_event', true), '');
     n bigint := 0;
   begin
     if feed = 'off' then
       return null;
     end if;
     if tg_table_name = 'grants' then
       if tg_op = 'INSERT' then
         insert into access_changes (source, kind, account_id, entitlement_id, resource_id, grant_id, grant_external_id, grant_source, run_id, event_id)
         select src, 'GRANT_ADDED', g.account_id, g.entitlement_id, e.resource_id, g.id, g.external_id, g.source, run, ev
         from new_rows g left join entitlements e on e.id = g.entitlement_id order by g.id;
       elsif tg_op = 'DELETE' then
         insert into access_changes (source, kind, account_id, entitlement_id, resource_id, grant_id, grant_external_id, grant_source, run_id, event_id)
         select src, 'GRANT_REMOVED', g.account_id, g.entitlement_id, e.resource_id, g.id, g.external_id, g.source, run, ev
         from old_rows g left join entitlements e on e.id = g.entitlement_id order by g.id;
       else
         insert into access_changes (source, kind, account_id, entitlement_id, resource_id, grant_id, grant_external_id, grant_source, run_id, event_id, detail)
         select src, 'GRANT_CHANGED', g.account_id, g.entitlement_id, e.resource_id, g.id, g.external_id, g.source, run, ev,
           jsonb_build_object('expiresAt', g.expires_at, 'previousSource', o.source)
         from new_rows g join old_rows o on o.id = g.id left join entitlements e on e.id = g.entitlement_id
         where (g.source, g.expires_at, g.request_id) is distinct from (o.source, o.expires_at, o.request_id) order by g.id;
       end if;
     else
       if tg_op = 'INSERT' then
         insert into access_changes (source, kind, account_id, run_id, event_id)
         select src, 'ACCOUNT_ADDED', a.id, run, ev from new_rows a order by a.id;
       else
         insert into access_changes (source, kind, account_id, run_id, event_id, detail)
         select src, case when a.status = 'DELETED' and o.status <> 'DELETED' then 'ACCOUNT_REMOVED' else 'ACCOUNT_CHANGED' end, a.id, run, ev,
           jsonb_build_object('fields', (select jsonb_agg(f.key order by f.key) from jsonb_each(to_jsonb(a)) f
             where f.key not in ('updated_at', 'last_seen_run', 'first_seen_run') and f.value is distinct from to_jsonb(o) -> f.key))
         from new_rows a join old_rows o on o.id = a.id
         where (to_jsonb(a) - 'updated_at' - 'last_seen_run' - 'first_seen_run') is distinct from (to_jsonb(o) - 'updated_at' - 'last_seen_run' - 'first_seen_run')
         order by a.id;
       end if;
     end if;
     get diagnostics n = row_count;
     if n > 0 then
       perform pg_notify('slackgate_events', '{"t":"accessChangesPending","p":{}}');
     end if;
     return null;
   end
   $$`,
  `create trigger grants_added_feed after insert on grants referencing new table as new_rows for each statement execute function access_change_record()`,
  `create trigger grants_removed_feed after delete on grants referencing old table as old_rows for each statement execute function access_change_record()`,
  `create trigger grants_changed_feed after update on grants referencing old table as old_rows new table as new_rows for each statement execute function access_change_record()`,
  `create trigger accounts_added_feed after insert on accounts referencing new table as new_rows for each statement execute function access_change_record()`,
  `create trigger accounts_changed_feed after update on accounts referencing old table as old_rows new table as new_rows for each statement execute function access_change_record()`,
];

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['grants_added_feed', 'grants_removed_feed', 'grants_changed_feed']) await sql.raw(`drop trigger if exists ${t} on grants`).execute(db);
  for (const t of ['accounts_added_feed', 'accounts_changed_feed']) await sql.raw(`drop trigger if exists ${t} on accounts`).execute(db);
  await sql.raw('drop function if exists access_change_record()').execute(db);
  await sql.raw('drop table if exists access_changes').execute(db);
}
