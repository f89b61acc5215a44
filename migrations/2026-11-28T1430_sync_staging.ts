import { sql, type Kysely } from 'kysely';

// A sync writes what it reads from Slack into these staging tables, page by page, and applies
// them to the live tables in one transaction at the end: readers never see a half-synced mix,
// memory stays bounded, and a killed run resumes from its checkpoints with its pages kept.
// Staged rows are scratch data: unlogged on a Postgres server, where a killed slackgate leaves
// them intact (only a server crash empties them, and the run then reads Slack again). Embedded
// PGlite dies with the process and would empty unlogged tables on every restart, so there they
// are ordinary tables and a killed run resumes from them.

const statements = [
  // At most one run is queued or running at a time, whichever replica inserts it.
  `create unique index sync_runs_one_active_idx on sync_runs ((true)) where status in ('QUEUED','RUNNING')`,

  `alter table sync_changes drop constraint sync_changes_kind_check`,
  `alter table sync_changes add constraint sync_changes_kind_check check (kind in
    ('GRANT_ADDED','GRANT_REMOVED','ACCOUNT_ADDED','ACCOUNT_CHANGED','ACCOUNT_REMOVED','RESOURCE_ADDED','RESOURCE_CHANGED','RESOURCE_REMOVED'))`,

  // Which run first saw a synced row is informational; a foreign-key check per row on every
  // synced grant and account costs more than it protects (the sync writes hundreds of thousands).
  `alter table grants drop constraint grants_first_seen_run_fkey, drop constraint grants_last_seen_run_fkey`,
  `alter table accounts drop constraint accounts_first_seen_run_fkey, drop constraint accounts_last_seen_run_fkey`,

  `create unlogged table sync_checkpoints (
    run_id bigint not null references sync_runs(id) on delete cascade,
    task text not null,
    cursor text,
    done boolean not null default false,
    items integer not null default 0,
    updated_at timestamptz not null default now(),
    primary key (run_id, task)
  )`,

  `create unlogged table sync_stage_workspaces (
    run_id bigint not null,
    id text not null,
    name text not null,
    domain text,
    enterprise_id text,
    profile jsonb not null default '{}'
  )`,

  `create unlogged table sync_stage_accounts (
    run_id bigint not null,
    slack_id text not null,
    team_id text,
    is_home boolean not null default false,
    username text,
    email text,
    display_name text,
    real_name text,
    deleted boolean not null default false,
    is_bot boolean not null default false,
    is_app_user boolean not null default false,
    is_restricted boolean not null default false,
    is_ultra_restricted boolean not null default false,
    is_invited boolean not null default false,
    is_stranger boolean not null default false,
    is_admin boolean not null default false,
    is_owner boolean not null default false,
    is_primary_owner boolean not null default false,
    has_2fa boolean,
    timezone text,
    profile jsonb not null default '{}'
  )`,

  // SCIM's view of accounts: `active` (and the SCIM id), merged into accounts at apply.
  `create unlogged table sync_stage_scim_users (
    run_id bigint not null,
    slack_id text not null,
    active boolean not null,
    user_name text,
    email text,
    display_name text
  )`,

  `create unlogged table sync_stage_resources (
    run_id bigint not null,
    external_id text not null,
    resource_type text not null,
    slack_id text not null,
    workspace_id text,
    parent_external_id text,
    display_name text not null,
    description text,
    status text not null default 'ACTIVE',
    profile jsonb not null default '{}'
  )`,

  `create unlogged table sync_stage_entitlements (
    run_id bigint not null,
    external_id text not null,
    resource_external_id text not null,
    slug text not null,
    display_name text not null,
    description text,
    purpose text not null default 'ASSIGNMENT',
    grantable boolean not null default false,
    grantable_reason text
  )`,

  `create unlogged table sync_stage_grants (
    run_id bigint not null,
    entitlement_external_id text not null,
    account_slack_id text not null
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
  const embedded = rows[0]?.v.includes('wasm32') ?? false;
  for (const statement of statements) await sql.raw(embedded ? statement.replace('create unlogged table', 'create table') : statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_stage_grants', 'sync_stage_entitlements', 'sync_stage_resources', 'sync_stage_scim_users', 'sync_stage_accounts', 'sync_stage_workspaces', 'sync_checkpoints']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
  await sql.raw('drop index if exists sync_runs_one_active_idx').execute(db);
}
