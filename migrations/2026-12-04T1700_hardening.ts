import { sql, type Kysely } from 'kysely';

// Hardening (issue 14):
// - An idempotency key claimed by a process carries a lease the process renews while it works;
//   a key whose lease ran out belongs to a process that died, and the next call with the key
//   takes it over (re-reads Slack, completes the outcome) instead of answering "in progress"
//   forever. Keys left PENDING before this migration have no lease: they are taken over too.
// - Provisioning writes an audit row (outcome STARTED) before Slack is called, so a crash
//   between Slack's answer and the outcome still leaves a record of the attempt.
// - A grant row remembers the client (and person) that made it.
// - An API client may be limited to acting for the one account it is bound to (act_as 'self').
// - audit_events belongs to a role nobody logs in as (slackgate_audit_owner), so the
//   application's own user can insert and read it but not alter it, disable its triggers,
//   truncate it or replace the function that keeps it append-only. Creating the role needs a
//   superuser (or CREATEROLE); without one the migration says so and leaves the owner as is.

const statements = [
  `alter table provisioning_outcomes add column lease_until timestamptz`,
  `alter table audit_events drop constraint if exists audit_events_outcome_check`,
  `alter table audit_events add constraint audit_events_outcome_check check (outcome in ('SUCCESS','FAILURE','DENIED','NOOP','STARTED'))`,
  `alter table grants add column granted_by_client_id text`,
  `alter table grants add column granted_by_account_id bigint`,
  `alter table api_clients add column act_as text not null default 'any' check (act_as in ('any','self'))`,
  `alter table api_clients add column account_external_id text`,
  `alter table api_clients add constraint api_clients_self_needs_account check (act_as = 'any' or account_external_id is not null)`,
];

export const AUDIT_OWNER_ROLE = 'slackgate_audit_owner';

const auditOwner = `do $$
declare
  app text := current_user;
begin
  begin
    if not exists (select 1 from pg_roles where rolname = '${AUDIT_OWNER_ROLE}') then
      create role ${AUDIT_OWNER_ROLE} nologin;
    end if;
  exception when duplicate_object then
    null; -- created by a concurrent migration of another database on the same server
  end;
  begin
    execute format('grant select, insert on audit_events to %I', app);
    alter table audit_events owner to ${AUDIT_OWNER_ROLE};
    alter function audit_events_append_only() owner to ${AUDIT_OWNER_ROLE};
  exception when insufficient_privilege then
    raise notice 'audit_events stays owned by %: only a superuser (or a member of ${AUDIT_OWNER_ROLE}) can hand it over; see the README, "Database roles"', app;
  end;
exception when insufficient_privilege then
  raise notice 'cannot create role ${AUDIT_OWNER_ROLE}; audit_events stays owned by %: see the README, "Database roles"', app;
end
$$`;

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql.raw(auditOwner).execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`do $$ begin
    execute format('alter table audit_events owner to %I', current_user);
    execute format('alter function audit_events_append_only() owner to %I', current_user);
  exception when insufficient_privilege then null; end $$`).execute(db);
  await sql.raw(`alter table api_clients drop constraint if exists api_clients_self_needs_account`).execute(db);
  await sql.raw(`alter table api_clients drop column if exists account_external_id`).execute(db);
  await sql.raw(`alter table api_clients drop column if exists act_as`).execute(db);
  await sql.raw(`alter table grants drop column if exists granted_by_account_id`).execute(db);
  await sql.raw(`alter table grants drop column if exists granted_by_client_id`).execute(db);
  await sql.raw(`alter table audit_events drop constraint if exists audit_events_outcome_check`).execute(db);
  await sql.raw(`alter table audit_events add constraint audit_events_outcome_check check (outcome in ('SUCCESS','FAILURE','DENIED','NOOP'))`).execute(db);
  await sql.raw(`alter table provisioning_outcomes drop column if exists lease_until`).execute(db);
}
