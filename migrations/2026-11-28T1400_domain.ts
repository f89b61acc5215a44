import { sql, type Kysely } from 'kysely';

// The whole domain in one first migration, so later work adds columns instead of redesigning.
// Frozen in time: it takes Kysely<any>, never the application's table types.
//
// Conventions:
// - Internal keys are bigint identities; every Slack-derived row also carries its external id
//   (`userGroup:S123`, `userGroup:S123:member`, `userGroup:S123:member:user:U456`) as a stable
//   unique key. External ids are opaque: nothing ever splits them on ':' (role ids contain one).
// - first_seen_run / last_seen_run tie rows to the sync runs that saw them.
// - Enumerations are text with CHECK constraints: readable in psql and cheap to extend.

const statements = [
  `create table sync_runs (
    id bigint generated always as identity primary key,
    trigger text not null check (trigger in ('SCHEDULE','MANUAL','STARTUP','TARGETED','RESUME')),
    status text not null default 'QUEUED'
      check (status in ('QUEUED','RUNNING','SUCCEEDED','FAILED','CANCELLED','NEEDS_CONFIRMATION')),
    phase text,
    scope jsonb,
    counts jsonb not null default '{}',
    estimated_totals jsonb not null default '{}',
    slack_calls jsonb not null default '{}',
    slack_rate_limited jsonb not null default '{}',
    checkpoint jsonb,
    diff_summary jsonb,
    guard jsonb,
    error text,
    requested_by text,
    resumed_from bigint references sync_runs(id),
    confirmed_by text,
    confirmed_at timestamptz,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    heartbeat_at timestamptz,
    finished_at timestamptz
  )`,
  `create index sync_runs_status_idx on sync_runs (status, id)`,

  `create table workspaces (
    id text primary key,
    external_id text not null unique,
    name text not null,
    domain text,
    enterprise_id text,
    status text not null default 'ACTIVE' check (status in ('ACTIVE','REMOVED')),
    profile jsonb not null default '{}',
    first_seen_run bigint references sync_runs(id),
    last_seen_run bigint references sync_runs(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,

  `create table resources (
    id bigint generated always as identity primary key,
    external_id text not null unique,
    resource_type text not null
      check (resource_type in ('workspace','workspaceRole','userGroup','group','enterpriseRole','channel')),
    slack_id text not null,
    workspace_id text references workspaces(id),
    parent_id bigint references resources(id),
    display_name text not null,
    description text,
    status text not null default 'ACTIVE' check (status in ('ACTIVE','DISABLED','ARCHIVED','DELETED')),
    profile jsonb not null default '{}',
    first_seen_run bigint references sync_runs(id),
    last_seen_run bigint references sync_runs(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (resource_type, slack_id)
  )`,
  `create index resources_type_idx on resources (resource_type, id)`,
  `create index resources_workspace_idx on resources (workspace_id, resource_type)`,
  `create index resources_parent_idx on resources (parent_id)`,

  `create table accounts (
    id bigint generated always as identity primary key,
    external_id text not null unique,
    slack_id text not null unique,
    scim_id text,
    username text,
    email text,
    emails jsonb not null default '[]',
    display_name text,
    real_name text,
    status text not null default 'ENABLED' check (status in ('ENABLED','DISABLED','DELETED')),
    type text not null default 'HUMAN' check (type in ('HUMAN','SERVICE','SYSTEM')),
    is_guest boolean not null default false,
    guest_kind text check (guest_kind in ('MULTI_CHANNEL','SINGLE_CHANNEL')),
    is_bot boolean not null default false,
    is_app_user boolean not null default false,
    is_invited boolean not null default false,
    is_stranger boolean not null default false,
    is_admin boolean not null default false,
    is_owner boolean not null default false,
    is_primary_owner boolean not null default false,
    mfa_enabled boolean,
    home_workspace_id text references workspaces(id),
    timezone text,
    profile jsonb not null default '{}',
    first_seen_run bigint references sync_runs(id),
    last_seen_run bigint references sync_runs(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index accounts_email_idx on accounts (lower(email))`,
  `create index accounts_scim_idx on accounts (scim_id)`,
  `create index accounts_status_idx on accounts (status, id)`,

  `create table entitlements (
    id bigint generated always as identity primary key,
    external_id text not null unique,
    resource_id bigint not null references resources(id) on delete cascade,
    slug text not null,
    display_name text not null,
    description text,
    purpose text not null default 'ASSIGNMENT' check (purpose in ('ASSIGNMENT','PERMISSION','OWNERSHIP')),
    grantable boolean not null default false,
    grantable_reason text,
    requestable boolean not null default false,
    max_duration_seconds integer check (max_duration_seconds > 0),
    required_approvals integer not null default 1 check (required_approvals >= 0),
    auto_approve boolean not null default false,
    reason_required boolean not null default true,
    policy_updated_at timestamptz,
    first_seen_run bigint references sync_runs(id),
    last_seen_run bigint references sync_runs(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (resource_id, slug)
  )`,

  // Approvers named by policy; none means the workspace admins and owners.
  `create table entitlement_approvers (
    entitlement_id bigint not null references entitlements(id) on delete cascade,
    account_id bigint not null references accounts(id) on delete cascade,
    primary key (entitlement_id, account_id)
  )`,

  `create table requests (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('GRANT','REVOKE')),
    state text not null default 'PENDING'
      check (state in ('PENDING','APPROVED','DENIED','CANCELLED','PROVISIONING','GRANTED','FAILED','EXPIRED','REVOKED')),
    origin text not null default 'API' check (origin in ('API','REVIEW','EXPIRY','EXTENSION','SYSTEM')),
    requester_id bigint references accounts(id),
    account_id bigint not null references accounts(id),
    entitlement_id bigint not null references entitlements(id),
    justification text,
    requested_duration text,
    requested_duration_seconds integer,
    approved_duration_seconds integer,
    api_client_id text,
    idempotency_key text,
    extends_grant_id bigint,
    review_item_id bigint,
    error text,
    error_code text,
    pending_until timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    decided_at timestamptz,
    provisioned_at timestamptz,
    expires_at timestamptz,
    version integer not null default 0
  )`,
  `create index requests_state_idx on requests (state, id)`,
  `create index requests_account_idx on requests (account_id, id)`,
  `create index requests_entitlement_idx on requests (entitlement_id, id)`,
  `create unique index requests_idempotency_idx on requests (api_client_id, idempotency_key) where idempotency_key is not null`,

  `create table approvals (
    id bigint generated always as identity primary key,
    request_id bigint not null references requests(id) on delete cascade,
    approver_id bigint not null references accounts(id),
    decision text not null check (decision in ('APPROVE','DENY')),
    comment text,
    api_client_id text,
    created_at timestamptz not null default now(),
    unique (request_id, approver_id)
  )`,

  `create table grants (
    id bigint generated always as identity primary key,
    external_id text not null unique,
    entitlement_id bigint not null references entitlements(id) on delete cascade,
    account_id bigint not null references accounts(id) on delete cascade,
    source text not null default 'SYNC' check (source in ('SYNC','DIRECT','REQUEST')),
    granted_at timestamptz not null default now(),
    expires_at timestamptz,
    request_id bigint references requests(id),
    first_seen_run bigint references sync_runs(id),
    last_seen_run bigint references sync_runs(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (entitlement_id, account_id)
  )`,
  `create index grants_account_idx on grants (account_id, id)`,
  `create index grants_entitlement_idx on grants (entitlement_id, id)`,
  `create index grants_expires_idx on grants (expires_at) where expires_at is not null`,
  `alter table requests add constraint requests_extends_grant_fk foreign key (extends_grant_id) references grants(id) on delete set null`,

  // What each successful run changed against the previous one, row by row.
  `create table sync_changes (
    id bigint generated always as identity primary key,
    run_id bigint not null references sync_runs(id) on delete cascade,
    kind text not null
      check (kind in ('GRANT_ADDED','GRANT_REMOVED','ACCOUNT_ADDED','ACCOUNT_CHANGED','ACCOUNT_REMOVED','RESOURCE_ADDED','RESOURCE_REMOVED')),
    external_id text not null,
    detail jsonb,
    created_at timestamptz not null default now()
  )`,
  `create index sync_changes_run_idx on sync_changes (run_id, kind, id)`,

  `create table access_reviews (
    id bigint generated always as identity primary key,
    name text not null,
    description text,
    scope jsonb not null,
    reviewer_mode text not null default 'EXPLICIT' check (reviewer_mode in ('EXPLICIT','ENTITLEMENT_APPROVERS')),
    status text not null default 'OPEN' check (status in ('OPEN','CLOSING','CLOSED')),
    due_at timestamptz,
    created_by_client text,
    created_by_account bigint references accounts(id),
    item_count integer not null default 0,
    created_at timestamptz not null default now(),
    closed_at timestamptz
  )`,
  `create table access_review_reviewers (
    review_id bigint not null references access_reviews(id) on delete cascade,
    account_id bigint not null references accounts(id),
    primary key (review_id, account_id)
  )`,
  `create table review_items (
    id bigint generated always as identity primary key,
    review_id bigint not null references access_reviews(id) on delete cascade,
    grant_id bigint references grants(id) on delete set null,
    grant_external_id text not null,
    entitlement_id bigint not null references entitlements(id),
    account_id bigint not null references accounts(id),
    snapshot jsonb not null,
    decision text check (decision in ('KEEP','REVOKE')),
    decided_by bigint references accounts(id),
    decided_at timestamptz,
    comment text,
    request_id bigint references requests(id),
    unique (review_id, grant_external_id)
  )`,
  `create index review_items_review_idx on review_items (review_id, id)`,
  `alter table requests add constraint requests_review_item_fk foreign key (review_item_id) references review_items(id) on delete set null`,

  // API clients: only a hash of the secret and a short visible prefix are stored.
  `create table api_clients (
    id text primary key,
    name text not null,
    secret_hash text not null,
    secret_prefix text not null,
    scopes text[] not null,
    is_bootstrap boolean not null default false,
    created_at timestamptz not null default now(),
    rotated_at timestamptz,
    revoked_at timestamptz,
    last_used_at timestamptz
  )`,
  `create table api_tokens (
    token_hash text primary key,
    client_id text not null references api_clients(id) on delete cascade,
    scopes text[] not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index api_tokens_expiry_idx on api_tokens (expires_at)`,

  // Durable work (expiry revokes, provisioning, notifications), claimed with FOR UPDATE SKIP LOCKED.
  `create table jobs (
    id bigint generated always as identity primary key,
    kind text not null,
    payload jsonb not null default '{}',
    state text not null default 'PENDING' check (state in ('PENDING','RUNNING','DONE','FAILED','CANCELLED')),
    run_at timestamptz not null default now(),
    attempts integer not null default 0,
    max_attempts integer not null default 5,
    dedupe_key text unique,
    locked_by text,
    locked_until timestamptz,
    last_error text,
    created_at timestamptz not null default now(),
    finished_at timestamptz
  )`,
  `create index jobs_claim_idx on jobs (run_at, id) where state = 'PENDING'`,

  // Small named facts about the connection to Slack (detected plan, token scopes, ...).
  `create table connector_state (
    key text primary key,
    value jsonb not null,
    updated_at timestamptz not null default now()
  )`,

  `create table audit_events (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    action text not null,
    outcome text not null check (outcome in ('SUCCESS','FAILURE','DENIED','NOOP')),
    api_client_id text,
    actor_account_id bigint,
    actor_label text,
    target_type text,
    target_id text,
    entitlement_external_id text,
    account_external_id text,
    request_id bigint,
    error_code text,
    details jsonb not null default '{}',
    ip text,
    user_agent text
  )`,
  `create index audit_events_time_idx on audit_events (occurred_at, id)`,
  `create index audit_events_target_idx on audit_events (target_id, id)`,
  `create index audit_events_actor_idx on audit_events (api_client_id, id)`,

  // Append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE, whoever asks.
  `create function audit_events_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_events is append-only: % is not allowed', tg_op
       using errcode = 'insufficient_privilege';
   end
   $$`,
  `create trigger audit_events_no_update_delete before update or delete on audit_events
     for each row execute function audit_events_append_only()`,
  `create trigger audit_events_no_truncate before truncate on audit_events
     for each statement execute function audit_events_append_only()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_events',
    'connector_state',
    'jobs',
    'api_tokens',
    'api_clients',
    'review_items',
    'access_review_reviewers',
    'access_reviews',
    'sync_changes',
    'approvals',
    'grants',
    'requests',
    'entitlement_approvers',
    'entitlements',
    'accounts',
    'resources',
    'workspaces',
    'sync_runs',
  ]) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
  await sql.raw('drop function if exists audit_events_append_only()').execute(db);
}
