import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Table types, written to match migrations/ (the migrations are the source of truth; a test
// checks every column named here exists). bigint columns are numbers on both backends: createDb
// normalises pg's string form in one place.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
type JsonDefault<T = unknown> = ColumnType<T, string | T | undefined, string | T>;
type Id = Generated<number>;

export type SyncTrigger = 'SCHEDULE' | 'MANUAL' | 'STARTUP' | 'TARGETED' | 'RESUME';
export type SyncStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'NEEDS_CONFIRMATION';
export type ResourceType = 'workspace' | 'workspaceRole' | 'userGroup' | 'group' | 'enterpriseRole' | 'channel';
export type ResourceStatus = 'ACTIVE' | 'DISABLED' | 'ARCHIVED' | 'DELETED';
export type AccountStatus = 'ENABLED' | 'DISABLED' | 'DELETED';
export type AccountType = 'HUMAN' | 'SERVICE' | 'SYSTEM';
export type GrantSource = 'SYNC' | 'DIRECT' | 'REQUEST';
export type RequestKind = 'GRANT' | 'REVOKE';
export type RequestState =
  | 'PENDING'
  | 'APPROVED'
  | 'DENIED'
  | 'CANCELLED'
  | 'PROVISIONING'
  | 'GRANTED'
  | 'FAILED'
  | 'EXPIRED'
  | 'REVOKED';
/** STARTED: an attempt about to call Slack (its outcome follows in a later row). */
export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED' | 'NOOP' | 'STARTED';
export type JobState = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';

export interface SyncRunsTable {
  id: Id;
  trigger: SyncTrigger;
  status: ColumnType<SyncStatus, SyncStatus | undefined, SyncStatus>;
  phase: string | null;
  scope: Json | null;
  counts: JsonDefault<Record<string, number>>;
  estimated_totals: JsonDefault<Record<string, number>>;
  slack_calls: JsonDefault<Record<string, number>>;
  slack_rate_limited: JsonDefault<Record<string, number>>;
  checkpoint: Json | null;
  diff_summary: Json | null;
  guard: Json | null;
  error: string | null;
  requested_by: string | null;
  resumed_from: number | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface WorkspacesTable {
  id: string;
  external_id: string;
  name: string;
  domain: string | null;
  enterprise_id: string | null;
  status: ColumnType<'ACTIVE' | 'REMOVED', 'ACTIVE' | 'REMOVED' | undefined>;
  profile: JsonDefault<Record<string, unknown>>;
  first_seen_run: number | null;
  last_seen_run: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ResourcesTable {
  id: Id;
  external_id: string;
  resource_type: ResourceType;
  slack_id: string;
  workspace_id: string | null;
  parent_id: number | null;
  display_name: string;
  description: string | null;
  status: ColumnType<ResourceStatus, ResourceStatus | undefined>;
  profile: JsonDefault<Record<string, unknown>>;
  first_seen_run: number | null;
  last_seen_run: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AccountEmail {
  value: string;
  primary: boolean;
}

export interface AccountsTable {
  id: Id;
  external_id: string;
  slack_id: string;
  scim_id: string | null;
  username: string | null;
  email: string | null;
  emails: JsonDefault<AccountEmail[]>;
  display_name: string | null;
  real_name: string | null;
  status: ColumnType<AccountStatus, AccountStatus | undefined>;
  type: ColumnType<AccountType, AccountType | undefined>;
  is_guest: Generated<boolean>;
  guest_kind: 'MULTI_CHANNEL' | 'SINGLE_CHANNEL' | null;
  is_bot: Generated<boolean>;
  is_app_user: Generated<boolean>;
  is_invited: Generated<boolean>;
  is_stranger: Generated<boolean>;
  is_admin: Generated<boolean>;
  is_owner: Generated<boolean>;
  is_primary_owner: Generated<boolean>;
  mfa_enabled: boolean | null;
  home_workspace_id: string | null;
  timezone: string | null;
  profile: JsonDefault<Record<string, unknown>>;
  first_seen_run: number | null;
  last_seen_run: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EntitlementsTable {
  id: Id;
  external_id: string;
  resource_id: number;
  slug: string;
  display_name: string;
  description: string | null;
  purpose: ColumnType<'ASSIGNMENT' | 'PERMISSION' | 'OWNERSHIP', 'ASSIGNMENT' | 'PERMISSION' | 'OWNERSHIP' | undefined>;
  grantable: Generated<boolean>;
  grantable_reason: string | null;
  requestable: Generated<boolean>;
  max_duration_seconds: number | null;
  required_approvals: Generated<number>;
  auto_approve: Generated<boolean>;
  reason_required: Generated<boolean>;
  outside_grants: ColumnType<OutsideGrantsPolicy, OutsideGrantsPolicy | undefined>;
  policy_updated_at: Timestamp | null;
  first_seen_run: number | null;
  last_seen_run: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EntitlementApproversTable {
  entitlement_id: number;
  account_id: number;
}

export interface RequestsTable {
  id: Id;
  kind: RequestKind;
  state: ColumnType<RequestState, RequestState | undefined>;
  origin: ColumnType<'API' | 'REVIEW' | 'EXPIRY' | 'EXTENSION' | 'SYSTEM', 'API' | 'REVIEW' | 'EXPIRY' | 'EXTENSION' | 'SYSTEM' | undefined>;
  requester_id: number | null;
  account_id: number;
  entitlement_id: number;
  justification: string | null;
  requested_duration: string | null;
  requested_duration_seconds: number | null;
  approved_duration_seconds: number | null;
  api_client_id: string | null;
  idempotency_key: string | null;
  extends_grant_id: number | null;
  review_item_id: number | null;
  error: string | null;
  error_code: string | null;
  pending_until: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  decided_at: Timestamp | null;
  provisioned_at: Timestamp | null;
  expires_at: Timestamp | null;
  version: Generated<number>;
}

export interface ApprovalsTable {
  id: Id;
  request_id: number;
  approver_id: number;
  decision: 'APPROVE' | 'DENY';
  comment: string | null;
  api_client_id: string | null;
  created_at: CreatedAt;
}

export interface GrantsTable {
  id: Id;
  external_id: string;
  entitlement_id: number;
  account_id: number;
  source: ColumnType<GrantSource, GrantSource | undefined>;
  granted_at: Timestamp;
  expires_at: Timestamp | null;
  request_id: number | null;
  first_seen_run: number | null;
  last_seen_run: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/**
 * Who made a grant row (migrations/2026-12-04T1700_hardening.ts): the API client and the person
 * it named; null for grants a sync found. Kept out of GrantsTable so readers that select whole
 * rows do not carry them; the provisioning service writes them through `withTables`.
 */
export interface GrantActorColumns {
  granted_by_client_id: string | null;
  granted_by_account_id: number | null;
}

export interface SyncChangesTable {
  id: Id;
  run_id: number;
  kind: 'GRANT_ADDED' | 'GRANT_REMOVED' | 'ACCOUNT_ADDED' | 'ACCOUNT_CHANGED' | 'ACCOUNT_REMOVED' | 'RESOURCE_ADDED' | 'RESOURCE_CHANGED' | 'RESOURCE_REMOVED';
  external_id: string;
  detail: Json | null;
  created_at: CreatedAt;
}

export interface AccessReviewsTable {
  id: Id;
  name: string;
  description: string | null;
  scope: Json;
  reviewer_mode: ColumnType<'EXPLICIT' | 'ENTITLEMENT_APPROVERS', 'EXPLICIT' | 'ENTITLEMENT_APPROVERS' | undefined>;
  status: ColumnType<'OPEN' | 'CLOSING' | 'CLOSED', 'OPEN' | 'CLOSING' | 'CLOSED' | undefined>;
  due_at: Timestamp | null;
  created_by_client: string | null;
  created_by_account: number | null;
  item_count: Generated<number>;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
}

export interface AccessReviewReviewersTable {
  review_id: number;
  account_id: number;
}

export interface ReviewItemsTable {
  id: Id;
  review_id: number;
  grant_id: number | null;
  grant_external_id: string;
  entitlement_id: number;
  account_id: number;
  snapshot: Json;
  decision: 'KEEP' | 'REVOKE' | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  comment: string | null;
  request_id: number | null;
}

export interface ApiClientsTable {
  id: string;
  name: string;
  secret_hash: string;
  secret_prefix: string;
  scopes: string[];
  is_bootstrap: Generated<boolean>;
  created_at: CreatedAt;
  rotated_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** `self`: the client acts only for `account_external_id` (actorId); `any`: for whoever it names. */
  act_as: ColumnType<'any' | 'self', 'any' | 'self' | undefined>;
  account_external_id: string | null;
  /** Limited to the trusted-documents manifest (documents by hash only). */
  trusted_only: Generated<boolean>;
  /** Query cost this client may spend per minute; null: the gateway's default. */
  cost_budget_per_minute: number | null;
}

export interface ApiTokensTable {
  token_hash: string;
  client_id: string;
  scopes: string[];
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface JobsTable {
  id: Id;
  kind: string;
  payload: JsonDefault<Record<string, unknown>>;
  state: ColumnType<JobState, JobState | undefined>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  dedupe_key: string | null;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface ConnectorStateTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  id: Id;
  occurred_at: CreatedAt;
  action: string;
  outcome: AuditOutcome;
  api_client_id: string | null;
  actor_account_id: number | null;
  actor_label: string | null;
  target_type: string | null;
  target_id: string | null;
  entitlement_external_id: string | null;
  account_external_id: string | null;
  request_id: number | null;
  error_code: string | null;
  details: JsonDefault<Record<string, unknown>>;
  ip: string | null;
  user_agent: string | null;
}

export interface SyncCheckpointsTable {
  run_id: number;
  task: string;
  cursor: string | null;
  done: Generated<boolean>;
  items: Generated<number>;
  updated_at: Generated<Date>;
}

/** The pages a run read: each names the staged rows it stands for (its own, or an earlier run's with the same digest). */
export interface SyncPagesTable {
  run_id: number;
  /** The task and the cursor the page was read from. */
  key: string;
  page: number;
  /** A digest of the rows the page stages. */
  digest: string;
  /** A digest of the Slack answer the page came from (null: several answers, or none). */
  answer: string | null;
  /** What the answer gives besides its items: the next page's cursor, a SCIM list's total. */
  next: string | null;
  /** What the page counted: items of its phase, and grants staged by a page of another phase. */
  items: Generated<number>;
  grants: Generated<number>;
}

export interface StageWorkspacesTable {
  run_id: number;
  /** The page that staged the row (sync_pages). */
  page: number;
  id: string;
  name: string;
  domain: string | null;
  enterprise_id: string | null;
  profile: JsonDefault<Record<string, unknown>>;
}

export interface StageAccountsTable {
  run_id: number;
  /** The page that staged the row (sync_pages). */
  page: number;
  slack_id: string;
  team_id: string | null;
  /** The workspace whose users.list listed the account (its membership and role grants derive from it). */
  workspace_id: string | null;
  is_home: Generated<boolean>;
  username: string | null;
  email: string | null;
  display_name: string | null;
  real_name: string | null;
  deleted: Generated<boolean>;
  is_bot: Generated<boolean>;
  is_app_user: Generated<boolean>;
  is_restricted: Generated<boolean>;
  is_ultra_restricted: Generated<boolean>;
  is_invited: Generated<boolean>;
  is_stranger: Generated<boolean>;
  is_admin: Generated<boolean>;
  is_owner: Generated<boolean>;
  is_primary_owner: Generated<boolean>;
  has_2fa: boolean | null;
  timezone: string | null;
  profile: JsonDefault<Record<string, unknown>>;
}

export interface StageScimUsersTable {
  run_id: number;
  /** The page that staged the row (sync_pages). */
  page: number;
  slack_id: string;
  active: boolean;
  user_name: string | null;
  email: string | null;
  display_name: string | null;
}

export interface StageResourcesTable {
  run_id: number;
  /** The page that staged the row (sync_pages). */
  page: number;
  external_id: string;
  resource_type: ResourceType;
  slack_id: string;
  workspace_id: string | null;
  parent_external_id: string | null;
  display_name: string;
  description: string | null;
  status: ColumnType<ResourceStatus, ResourceStatus | undefined>;
  profile: JsonDefault<Record<string, unknown>>;
}

export interface StageEntitlementsTable {
  run_id: number;
  /** The page that staged the row (sync_pages). */
  page: number;
  external_id: string;
  resource_external_id: string;
  slug: string;
  display_name: string;
  description: string | null;
  purpose: ColumnType<'ASSIGNMENT' | 'PERMISSION' | 'OWNERSHIP', 'ASSIGNMENT' | 'PERMISSION' | 'OWNERSHIP' | undefined>;
  grantable: Generated<boolean>;
  grantable_reason: string | null;
}

export interface StageGrantsTable {
  run_id: number;
  /** The page that staged the row (sync_pages). */
  page: number;
  entitlement_external_id: string;
  account_slack_id: string;
}

export type ChangeSource = 'SYNC' | 'EVENT' | 'SLACKGATE';
export type AccessChangeKind = 'GRANT_ADDED' | 'GRANT_REMOVED' | 'GRANT_CHANGED' | 'ACCOUNT_ADDED' | 'ACCOUNT_CHANGED' | 'ACCOUNT_REMOVED';

/** The change feed; rows are written by triggers on grants and accounts (see its migration). */
export interface AccessChangesTable {
  id: Generated<number>;
  /** Assigned after commit by the sequencer (src/feed/sequencer.ts); null until then. */
  seq: number | null;
  source: ChangeSource;
  kind: AccessChangeKind;
  account_id: number;
  entitlement_id: number | null;
  resource_id: number | null;
  grant_id: number | null;
  grant_external_id: string | null;
  grant_source: GrantSource | null;
  run_id: number | null;
  event_id: string | null;
  detail: Json | null;
  occurred_at: CreatedAt;
}

export type OutsideGrantsPolicy = 'ALLOW' | 'NOTIFY' | 'REVOKE';

/** Slack events as received: applied from here by the live cache (src/live/). */
export interface SlackEventsTable {
  event_id: string;
  team_id: string | null;
  enterprise_id: string | null;
  type: string;
  /** Slack's event_ts (seconds with microseconds): orders events. */
  event_ts: ColumnType<number, number | string, number | string>;
  payload: Json<Record<string, unknown>>;
  received_at: CreatedAt;
  applied_at: Timestamp | null;
  outcome: 'APPLIED' | 'STALE' | 'IGNORED' | 'FAILED' | null;
  attempts: Generated<number>;
  error: string | null;
}

/** The event_ts of the newest event applied to a membership or an account. */
export interface SlackVersionsTable {
  key: string;
  event_ts: ColumnType<number, number | string, number | string>;
}

export interface DB {
  sync_runs: SyncRunsTable;
  workspaces: WorkspacesTable;
  resources: ResourcesTable;
  accounts: AccountsTable;
  entitlements: EntitlementsTable;
  entitlement_approvers: EntitlementApproversTable;
  requests: RequestsTable;
  approvals: ApprovalsTable;
  grants: GrantsTable;
  sync_changes: SyncChangesTable;
  access_reviews: AccessReviewsTable;
  access_review_reviewers: AccessReviewReviewersTable;
  review_items: ReviewItemsTable;
  api_clients: ApiClientsTable;
  api_tokens: ApiTokensTable;
  jobs: JobsTable;
  connector_state: ConnectorStateTable;
  audit_events: AuditEventsTable;
  sync_checkpoints: SyncCheckpointsTable;
  sync_pages: SyncPagesTable;
  sync_stage_workspaces: StageWorkspacesTable;
  sync_stage_accounts: StageAccountsTable;
  sync_stage_scim_users: StageScimUsersTable;
  sync_stage_resources: StageResourcesTable;
  sync_stage_entitlements: StageEntitlementsTable;
  sync_stage_grants: StageGrantsTable;
  access_changes: AccessChangesTable;
  slack_events: SlackEventsTable;
  slack_versions: SlackVersionsTable;
  slack_messages: SlackMessagesTable;
  slack_deliveries: SlackDeliveriesTable;
}

/** A message the Slack app posted that it may update later (migration 2026-12-04T1400). */
export interface SlackMessagesTable {
  id: Id;
  purpose: 'approval' | 'reminder' | 'review';
  request_id: number | null;
  grant_id: number | null;
  review_id: number | null;
  account_id: number;
  channel: string;
  ts: string;
  posted_at: Generated<Date>;
  updated_at: Date | null;
}

/** A Slack delivery one replica has taken (clicks, submissions, commands, events). */
export interface SlackDeliveriesTable {
  delivery_key: string;
  received_at: Generated<Date>;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type Resource = Selectable<ResourcesTable>;
export type Entitlement = Selectable<EntitlementsTable>;
export type Grant = Selectable<GrantsTable>;
export type SyncRun = Selectable<SyncRunsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
