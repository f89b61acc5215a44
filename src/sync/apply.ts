import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { markChangeSource, skipChangeFeed } from '../feed/source.ts';
import { WORKSPACE_ROLE_CONDITIONS } from './mapping.ts';

/** Why a run held back its deletions, with the numbers. */
export interface GuardReport {
  tripped: boolean;
  reasons: string[];
  threshold: number;
  activeAccountsBefore: number;
  activeAccountsAfter: number;
  grantsBefore: number;
  grantsToRemove: number;
  /** Entitlements with at least EMPTIED_MIN members that this run would empty (first few). */
  emptiedEntitlements: { externalId: string; members: number }[];
}

export interface DiffSummary {
  accountsAdded: number;
  accountsChanged: number;
  accountsRemoved: number;
  resourcesAdded: number;
  resourcesRemoved: number;
  grantsAdded: number;
  grantsRemoved: number;
  /** Per-row changes are stored when the run has a predecessor to differ from. */
  detailed: boolean;
}

export interface ApplyResult {
  guard: GuardReport;
  diff: DiffSummary;
  /** Deletions held back by the guard. */
  heldBack: boolean;
  /**
   * Grants Slack lists (read, plus the workspace memberships and roles derived from accounts):
   * the `grants` count progress ends with, so the bar and the summary agree.
   */
  grantsListed: number;
}

const EMPTIED_MIN = 10;

/** Below this many rows to insert, maintaining indexes and checking keys row by row costs less than rebuilding them. */
export const BULK_LOAD_MIN = 10_000;

/**
 * Runs `write` (a load larger than what `table` holds: a first sync, a cache rebuilt) with the
 * table's indexes, unique and primary keys and foreign keys (its own and those pointing at it)
 * dropped, and builds them again after it with the same names and definitions, in the caller's
 * transaction. Building an index from all rows at once (one sort) is several times cheaper than
 * inserting 300k entries one by one, and a foreign key added to a filled table is checked with
 * one join instead of one lookup (and a row lock on the referenced row) per inserted row. A
 * killed or failed apply rolls everything back, drops included; a duplicate the unique keys
 * would have refused fails the rebuild and so the apply. `write` is told whether the table is
 * empty (then the conflict target in `keep` is dropped and rebuilt too).
 *
 * The price: until the apply commits, the table and the tables its keys connect it to are locked
 * against reads (dropping a key drops its triggers on the other table). So it is only for loads
 * larger than the table, and it gives way to a reader holding one of those tables for longer
 * than the lock timeout below: then everything stays and rows are indexed and checked one by one.
 */
async function withIndexesBuiltAfter<T>(
  trx: Transaction<DB>,
  table: 'grants' | 'accounts',
  write: (into: { empty: boolean }) => Promise<T>,
  keep: { unique?: string } = {},
): Promise<T> {
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const { rows: constraints } = await sql<{ owner: string; name: string; type: string; definition: string; incoming: boolean }>`
    select conrelid::regclass::text as owner, conname as name, contype as type, pg_get_constraintdef(oid) as definition,
      conrelid <> ${table}::regclass as incoming
    from pg_constraint
    where (conrelid = ${table}::regclass and contype in ('p', 'u', 'f')) or (confrelid = ${table}::regclass and contype = 'f' and conrelid <> ${table}::regclass)
    order by conname`.execute(trx);
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i where i.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
    order by 1`.execute(trx);
  const incoming = constraints.filter((c) => c.incoming);
  const { rows: setting } = await sql<{ value: string }>`select current_setting('lock_timeout') as value`.execute(trx);
  const restore = sql`select set_config('lock_timeout', ${setting[0]?.value ?? '0'}, true)`;
  // The key an upsert names as its conflict target stays, unless there is nothing to conflict with.
  const kept = constraints.filter((c) => !c.incoming && c.definition === keep.unique);
  const own = constraints.filter((c) => !c.incoming && c.definition !== keep.unique);
  // Keys pointing at the table first (they depend on its primary key), then its own.
  const drops = [
    ...incoming.map((c) => `alter table ${c.owner} drop constraint ${ident(c.name)}`),
    ...(own.length ? [`alter table ${table} ${own.sort((a, b) => Number(b.type === 'f') - Number(a.type === 'f')).map((c) => `drop constraint ${ident(c.name)}`).join(', ')}`] : []),
    ...indexes.map((i) => `drop index ${i.name}`),
    `lock table ${table} in access exclusive mode`,
  ];
  await sql`savepoint bulk_load`.execute(trx);
  try {
    await sql`select set_config('lock_timeout', '5s', true)`.execute(trx);
    for (const statement of drops) await sql.raw(statement).execute(trx);
    await restore.execute(trx);
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error; // lock_not_available
    await sql`rollback to savepoint bulk_load`.execute(trx);
    await restore.execute(trx);
    return write({ empty: false });
  }
  // The table stays locked until the apply ends: if it is empty now, it is until the write, and
  // an insert into it has nothing to conflict with (the write is told, and the key goes too).
  const empty = (await sql`select 1 from ${sql.table(table)} limit 1`.execute(trx)).rows.length === 0;
  if (empty && kept.length) {
    await sql.raw(`alter table ${table} ${kept.map((c) => `drop constraint ${ident(c.name)}`).join(', ')}`).execute(trx);
    own.push(...kept);
  }
  const result = await write({ empty });
  for (const i of indexes) await sql.raw(i.definition).execute(trx);
  const keys = own.filter((c) => c.type !== 'f');
  const foreign = own.filter((c) => c.type === 'f');
  if (keys.length) await sql.raw(`alter table ${table} ${keys.map((c) => `add constraint ${ident(c.name)} ${c.definition}`).join(', ')}`).execute(trx);
  if (foreign.length) await sql.raw(`alter table ${table} ${foreign.map((c) => `add constraint ${ident(c.name)} ${c.definition}`).join(', ')}`).execute(trx);
  for (const c of incoming) await sql.raw(`alter table ${c.owner} add constraint ${ident(c.name)} ${c.definition}`).execute(trx);
  return result;
}

const APPLIED_KEY = 'sync_applied';

/**
 * A fingerprint of the live tables a sync writes: the change feed's newest row (every change to
 * grants and accounts, whoever made it, writes one) with their row counts, and the full content
 * of the few thousand workspaces, resources and entitlements. Equal fingerprints mean nothing
 * changed them in between. (A change committed during an apply, from a transaction that took its
 * feed id before the apply's, is not told apart; it comes from an event newer than what the run
 * read, and Slack's next change to the same pages makes the next run apply again.)
 */
export async function liveWatermark(db: Kysely<DB>): Promise<string> {
  return (await liveState(db)).watermark;
}

/** The live tables' fingerprint (liveWatermark), with the counts it is made of and the enabled accounts among them. */
export async function liveState(db: Kysely<DB>): Promise<{ watermark: string; grants: number; enabledAccounts: number }> {
  const { rows } = await sql<{ w: string; grants: string; enabled: string }>`select concat_ws(':',
      (select max(id) from access_changes), a.n, g.n,
      (select md5(coalesce(string_agg(w::text, ',' order by w.id), '')) from workspaces w),
      (select md5(coalesce(string_agg(r::text, ',' order by r.id), '')) from resources r),
      (select md5(coalesce(string_agg(e::text, ',' order by e.id), '')) from entitlements e)) as w,
      g.n as grants, a.enabled
    from (select count(*) as n, count(*) filter (where status = 'ENABLED') as enabled from accounts) a, (select count(*) as n from grants) g`.execute(db);
  const row = rows[0];
  return { watermark: row?.w ?? '', grants: Number(row?.grants ?? 0), enabledAccounts: Number(row?.enabled ?? 0) };
}

/** The run whose apply last wrote the live tables, and their fingerprint as it left them. */
export async function lastApplied(db: Kysely<DB>): Promise<{ runId: number; watermark: string } | undefined> {
  const row = await db.selectFrom('connector_state').select('value').where('key', '=', APPLIED_KEY).executeTakeFirst();
  return (row?.value ?? undefined) as { runId: number; watermark: string } | undefined;
}

async function count(trx: Transaction<DB>, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  const { rows } = await query.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Applies a run's staged rows to the live tables in one transaction: upserts what changed,
 * removes what Slack no longer has, and records the diff. Unchanged rows are not written.
 *
 * The mass-revocation guard runs first: if the active accounts or grants would drop by more
 * than `threshold` (or an entitlement with members would be emptied, or everything would
 * vanish), nothing destructive is applied unless `force` — the run then needs confirmation.
 */
export async function applyRun(
  db: Kysely<DB>,
  options: {
    runId: number;
    startedAt: Date;
    threshold: number;
    force: boolean;
    detailed: boolean;
    onStep?: (step: string) => void;
    /** Rows to insert (and more than the table holds) from which indexes and keys are rebuilt after the load; BULK_LOAD_MIN by default. */
    bulkLoadMin?: number;
  },
): Promise<ApplyResult> {
  const { runId, threshold } = options;
  const step = options.onStep ?? (() => {});
  const bulkLoadMin = options.bulkLoadMin ?? BULK_LOAD_MIN;
  return db.transaction().execute(async (trx) => {
    // The apply joins and sorts a few hundred thousand rows once: sorts and hashes that fit in
    // memory instead of spilling to disk, and no JIT compilation (it costs more than it saves
    // on statements that each run once per sync). Both end with the transaction.
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    // Staging tables fill within minutes and autovacuum may not have seen them yet; without
    // statistics the planner takes a run's 300k staged grants for a few hundred rows and picks
    // a row-by-row index lookup where a hash join takes a tenth of the time.
    // Row counts and rough distributions are all these joins need: a small sample is enough.
    await sql`set local default_statistics_target = 10`.execute(trx);
    // The change feed: this transaction's changes come from the sync (a baseline run records none).
    await markChangeSource(trx, { source: 'SYNC', runId });
    if (!options.detailed) await skipChangeFeed(trx);
    // The run's rows: those its pages staged, and those earlier runs staged for pages it found unchanged.
    await sql`create temp table run_pages on commit drop as select page from sync_pages where run_id = ${runId}`.execute(trx);
    await sql`analyze run_pages, sync_stage_accounts, sync_stage_scim_users, sync_stage_grants`.execute(trx);
    step('analyzed');
    // Stage → deduplicated working sets for this transaction.
    // Accounts seen by users.list (the home workspace's view first), plus those only SCIM
    // knows (Grid users in no workspace the app is installed in).
    // Sorted by Slack id in the C collation (byte order, the same order for Slack's ASCII ids):
    // comparisons on a prefix of the key's bytes instead of the locale's.
    await sql`create temp table staged_accounts on commit drop as
      select distinct on (slack_id collate "C") * from (
        select slack_id, team_id, is_home, username, email, display_name, real_name, deleted, is_bot, is_app_user,
          is_restricted, is_ultra_restricted, is_invited, is_stranger, is_admin, is_owner, is_primary_owner,
          has_2fa, timezone, profile, 0 as source_rank
        from sync_stage_accounts where page in (select page from run_pages)
        union all
        select slack_id, null, false, user_name, email, display_name, display_name, not active, false, false,
          false, false, false, false, false, false, false, null, null, '{}'::jsonb, 1
        from sync_stage_scim_users where page in (select page from run_pages)
      ) seen
      order by slack_id collate "C", source_rank, is_home desc, deleted asc, team_id`.execute(trx);
    step('staged_accounts');
    await sql`create temp table staged_scim on commit drop as
      select distinct on (slack_id collate "C") * from sync_stage_scim_users where page in (select page from run_pages) order by slack_id collate "C"`.execute(trx);
    await sql`create temp table staged_resources on commit drop as
      select distinct on (external_id) * from sync_stage_resources where page in (select page from run_pages)
      order by external_id, workspace_id nulls last, parent_external_id nulls last`.execute(trx);
    await sql`create temp table staged_entitlements on commit drop as
      select distinct on (external_id) * from sync_stage_entitlements where page in (select page from run_pages)
      order by external_id, grantable desc, display_name`.execute(trx);
    // Temporary tables have no statistics until analysed.
    await sql`analyze staged_accounts, staged_scim`.execute(trx);
    step('staged');

    // --- guard, computed against the live state before any write ---
    const activeAccountsBefore = await count(trx, sql<{ n: number }>`select count(*) as n from accounts where status = 'ENABLED'`);
    const activeAccountsAfter = await count(
      trx,
      sql<{ n: number }>`select count(*) as n from staged_accounts s left join staged_scim sc using (slack_id)
        where not s.deleted and coalesce(sc.active, true)`,
    );

    const accountReasons: string[] = [];
    if (activeAccountsBefore > 0 && activeAccountsAfter === 0) accountReasons.push(`active accounts would drop from ${activeAccountsBefore} to 0`);
    else if (activeAccountsBefore > 0 && activeAccountsAfter < activeAccountsBefore * (1 - threshold)) {
      accountReasons.push(`active accounts would drop from ${activeAccountsBefore} to ${activeAccountsAfter}`);
    }
    // While accounts collapse, no account is marked deleted or disabled until someone confirms.
    const keepStatus = accountReasons.length > 0 && !options.force;
    const detailed = options.detailed;

    /** Runs a data-modifying statement returning `external_id` (and `inserted`), logs each row as a change, returns counts. */
    const changed = async (dml: ReturnType<typeof sql>, kind: string, addedKind?: string): Promise<{ added: number; other: number }> => {
      const { rows } = await sql<{ added: number; other: number }>`
        with changed as (${dml}),
        logged as (
          insert into sync_changes (run_id, kind, external_id)
          select ${runId}, ${addedKind ? sql`case when inserted then ${addedKind} else ${kind} end` : sql`${kind}`}, external_id
          from changed where ${detailed}
        )
        select count(*) filter (where ${addedKind ? sql`inserted` : sql`false`})::int as added,
               count(*) filter (where not ${addedKind ? sql`inserted` : sql`false`})::int as other
        from changed`.execute(trx);
      return { added: Number(rows[0]?.added ?? 0), other: Number(rows[0]?.other ?? 0) };
    };

    // --- workspaces ---
    await sql`insert into workspaces (id, external_id, name, domain, enterprise_id, profile, status, first_seen_run, last_seen_run, updated_at)
      select distinct on (id) id, 'workspace:' || id, name, domain, enterprise_id, profile, 'ACTIVE', ${runId}, ${runId}, now()
      from sync_stage_workspaces where page in (select page from run_pages) order by id
      on conflict (id) do update set name = excluded.name, domain = excluded.domain, enterprise_id = excluded.enterprise_id,
        profile = excluded.profile, status = 'ACTIVE', last_seen_run = excluded.last_seen_run, updated_at = now()
      where (workspaces.name, workspaces.domain, workspaces.enterprise_id, workspaces.profile, workspaces.status)
        is distinct from (excluded.name, excluded.domain, excluded.enterprise_id, excluded.profile, 'ACTIVE')`.execute(trx);

    // --- accounts ---
    // Only new and changed accounts reach the upsert: comparing first in one join is cheaper than
    // an upsert that finds a conflict (and locks the row) for every unchanged account.
    const accountsBefore = await count(trx, sql<{ n: number }>`select count(*) as n from accounts`);
    const accountsStaged = await count(trx, sql<{ n: number }>`select count(*) as n from staged_accounts`);
    const accountsBulk = accountsStaged - accountsBefore >= Math.max(bulkLoadMin, accountsBefore, 1);
    // Into an empty table (a first sync) every account is new: a plain insert, with no unique
    // key to check each row against first (the key is built after the load with the others).
    const upsertAccounts = ({ empty }: { empty: boolean }) => changed(
      sql`insert into accounts (external_id, slack_id, scim_id, username, email, emails, display_name, real_name, status, type,
        is_guest, guest_kind, is_bot, is_app_user, is_invited, is_stranger, is_admin, is_owner, is_primary_owner,
        mfa_enabled, home_workspace_id, timezone, profile, first_seen_run, last_seen_run, updated_at)
      select i.external_id, i.slack_id, i.scim_id, i.username, i.email, i.emails, i.display_name, i.real_name, i.status, i.type,
        i.is_guest, i.guest_kind, i.is_bot, i.is_app_user, i.is_invited, i.is_stranger, i.is_admin, i.is_owner, i.is_primary_owner,
        i.mfa_enabled, i.home_workspace_id, i.timezone, i.profile, ${runId}, ${runId}, now()
      from (
        select 'user:' || s.slack_id as external_id, s.slack_id, sc.slack_id as scim_id, s.username, coalesce(s.email, sc.email) as email,
          case when coalesce(s.email, sc.email) is null then '[]'::jsonb
               else jsonb_build_array(jsonb_build_object('value', coalesce(s.email, sc.email), 'primary', true)) end as emails,
          s.display_name, s.real_name,
          case when sc.active is false then 'DISABLED' when s.deleted then 'DELETED' else 'ENABLED' end as status,
          case when s.slack_id = 'USLACKBOT' then 'SYSTEM' when s.is_bot then 'SERVICE' else 'HUMAN' end as type,
          s.is_restricted as is_guest,
          case when s.is_restricted and s.is_ultra_restricted then 'SINGLE_CHANNEL' when s.is_restricted then 'MULTI_CHANNEL' end as guest_kind,
          s.is_bot, s.is_app_user, s.is_invited, s.is_stranger, s.is_admin, s.is_owner, s.is_primary_owner,
          s.has_2fa as mfa_enabled, w.id as home_workspace_id, s.timezone, s.profile
        from staged_accounts s left join staged_scim sc using (slack_id) left join workspaces w on w.id = s.team_id
      ) i
      left join accounts a on a.slack_id = i.slack_id
      where a.id is null
        or (a.scim_id, a.username, a.email, a.display_name, a.real_name, case when ${keepStatus} then a.status else i.status end, a.type,
            a.is_guest, a.guest_kind, a.is_bot, a.is_app_user, a.is_invited, a.is_stranger, a.is_admin, a.is_owner, a.is_primary_owner,
            a.mfa_enabled, a.home_workspace_id, a.timezone, a.profile)
          is distinct from
           (i.scim_id, i.username, i.email, i.display_name, i.real_name, a.status, i.type,
            i.is_guest, i.guest_kind, i.is_bot, i.is_app_user, i.is_invited, i.is_stranger, i.is_admin, i.is_owner, i.is_primary_owner,
            i.mfa_enabled, i.home_workspace_id, i.timezone, i.profile)
      ${empty ? sql`` : sql`on conflict (slack_id) do update set
        scim_id = excluded.scim_id, username = excluded.username, email = excluded.email, emails = excluded.emails,
        display_name = excluded.display_name, real_name = excluded.real_name,
        status = case when ${keepStatus} then accounts.status else excluded.status end, type = excluded.type,
        is_guest = excluded.is_guest, guest_kind = excluded.guest_kind, is_bot = excluded.is_bot, is_app_user = excluded.is_app_user,
        is_invited = excluded.is_invited, is_stranger = excluded.is_stranger, is_admin = excluded.is_admin, is_owner = excluded.is_owner,
        is_primary_owner = excluded.is_primary_owner, mfa_enabled = excluded.mfa_enabled, home_workspace_id = excluded.home_workspace_id,
        timezone = excluded.timezone, profile = excluded.profile, last_seen_run = excluded.last_seen_run, updated_at = now()
      where (accounts.scim_id, accounts.username, accounts.email, accounts.display_name, accounts.real_name,
             case when ${keepStatus} then accounts.status else excluded.status end, accounts.type,
             accounts.is_guest, accounts.guest_kind, accounts.is_bot, accounts.is_app_user, accounts.is_invited, accounts.is_stranger,
             accounts.is_admin, accounts.is_owner, accounts.is_primary_owner, accounts.mfa_enabled, accounts.home_workspace_id,
             accounts.timezone, accounts.profile)
        is distinct from
            (excluded.scim_id, excluded.username, excluded.email, excluded.display_name, excluded.real_name, accounts.status, excluded.type,
             excluded.is_guest, excluded.guest_kind, excluded.is_bot, excluded.is_app_user, excluded.is_invited, excluded.is_stranger,
             excluded.is_admin, excluded.is_owner, excluded.is_primary_owner, excluded.mfa_enabled, excluded.home_workspace_id,
             excluded.timezone, excluded.profile)`}
      returning external_id, (xmax = 0) as inserted`,
      'ACCOUNT_CHANGED',
      'ACCOUNT_ADDED',
    );
    const accounts = accountsBulk
      ? await withIndexesBuiltAfter(trx, 'accounts', upsertAccounts, { unique: 'UNIQUE (slack_id)' })
      : await upsertAccounts({ empty: false });
    step('accounts');

    // --- resources and entitlements ---
    const resources = await changed(
      sql`insert into resources (external_id, resource_type, slack_id, workspace_id, display_name, description, status, profile, first_seen_run, last_seen_run, updated_at)
      select s.external_id, s.resource_type, s.slack_id, (select w.id from workspaces w where w.id = s.workspace_id),
        s.display_name, s.description, s.status, s.profile, ${runId}, ${runId}, now()
      from staged_resources s
      on conflict (external_id) do update set display_name = excluded.display_name, description = excluded.description,
        status = excluded.status, profile = excluded.profile, workspace_id = excluded.workspace_id,
        last_seen_run = excluded.last_seen_run, updated_at = now()
      where (resources.display_name, resources.description, resources.status, resources.profile, resources.workspace_id)
        is distinct from (excluded.display_name, excluded.description, excluded.status, excluded.profile, excluded.workspace_id)
      returning external_id, (xmax = 0) as inserted`,
      'RESOURCE_CHANGED',
      'RESOURCE_ADDED',
    );
    await sql`update resources r set parent_id = p.id
      from staged_resources s join resources p on p.external_id = s.parent_external_id
      where r.external_id = s.external_id and r.parent_id is distinct from p.id`.execute(trx);
    await sql`insert into entitlements (external_id, resource_id, slug, display_name, description, purpose, grantable, grantable_reason, first_seen_run, last_seen_run, updated_at)
      select s.external_id, r.id, s.slug, s.display_name, s.description, s.purpose, s.grantable, s.grantable_reason, ${runId}, ${runId}, now()
      from staged_entitlements s join resources r on r.external_id = s.resource_external_id
      on conflict (external_id) do update set display_name = excluded.display_name, description = excluded.description,
        purpose = excluded.purpose, grantable = excluded.grantable, grantable_reason = excluded.grantable_reason,
        last_seen_run = excluded.last_seen_run, updated_at = now()
      where (entitlements.display_name, entitlements.description, entitlements.purpose, entitlements.grantable, entitlements.grantable_reason)
        is distinct from (excluded.display_name, excluded.description, excluded.purpose, excluded.grantable, excluded.grantable_reason)`.execute(trx);
    step('resources');

    // --- grants ---
    // What Slack says each account holds: the staged grants (groups, channels, enterprise roles)
    // plus each listed account's workspace membership and workspace roles, derived here from its
    // flags. Against the live grants in one full join, only the differences are kept: grants to
    // add (no grant_id) and grants Slack no longer lists (no add_*); unchanged grants vanish.
    const roles = Object.entries(WORKSPACE_ROLE_CONDITIONS).map(([role, held]) => sql`(${role}, ${sql.raw(held)})`);
    const listed = sql`select e.id as entitlement_id, a.id as account_id
        from (
          select entitlement_external_id as ent_xid, account_slack_id as slack_id from sync_stage_grants where page in (select page from run_pages)
          union all
          select 'workspace:' || s.workspace_id || ':member', s.slack_id
          from sync_stage_accounts s where s.page in (select page from run_pages) and s.workspace_id is not null and not s.is_stranger
          union all
          select 'workspaceRole:' || s.workspace_id || ':' || r.role || ':assigned', s.slack_id
          from sync_stage_accounts s cross join lateral (values ${sql.join(roles)}) as r(role, held)
          where s.page in (select page from run_pages) and s.workspace_id is not null and not s.is_stranger and r.held
        ) s
        join entitlements e on e.external_id = s.ent_xid
        join accounts a on a.slack_id = s.slack_id`;
    const grantsBefore = await count(trx, sql<{ n: number }>`select count(*) as n from grants`);
    if (grantsBefore === 0) {
      // No live grants to differ from (a first sync): every listed grant is one to add, and
      // writing them all to grant_changes first would only be read once more to deduplicate them.
      await sql`create temp table grant_changes (add_entitlement_id bigint, add_account_id bigint, grant_id bigint, entitlement_id bigint, created_at timestamptz) on commit drop`.execute(trx);
      await sql`create temp table grant_adds on commit drop as select distinct entitlement_id, account_id from (${listed}) d`.execute(trx);
    } else {
      await sql`create temp table grant_changes on commit drop as
        select d.entitlement_id as add_entitlement_id, d.account_id as add_account_id,
          g.id as grant_id, g.entitlement_id, g.created_at
        from (${listed}) d
        full join grants g on g.entitlement_id = d.entitlement_id and g.account_id = d.account_id
        where g.id is null or d.entitlement_id is null`.execute(trx);
      await sql`analyze grant_changes`.execute(trx);
      // Slack may list a grant twice (a member of a group seen in two pages): the grants to add,
      // once each. Only the additions are deduplicated, so a re-sync with few pays for few.
      await sql`create temp table grant_adds on commit drop as
        select distinct add_entitlement_id as entitlement_id, add_account_id as account_id from grant_changes where grant_id is null`.execute(trx);
    }
    await sql`analyze grant_adds`.execute(trx);
    step('staged_grants');
    // Grants written after this run started reading Slack (a grant made meanwhile) are not the run's to remove.
    const removable = sql`from grant_changes c where c.grant_id is not null and c.created_at < ${options.startedAt}`;
    const grantsToRemove = await count(trx, sql<{ n: number }>`select count(*) as n ${removable}`);
    const grantsGone = await count(trx, sql<{ n: number }>`select count(*) as n from grant_changes where add_entitlement_id is null`);
    const grantsNew = await count(trx, sql<{ n: number }>`select count(*) as n from grant_adds`);
    // An entitlement is emptied when Slack lists nobody on it: nothing to add, and every live
    // grant it has is among the ones Slack no longer lists.
    const { rows: emptied } = await sql<{ external_id: string; members: number }>`
      select e.external_id, count(*) filter (where c.created_at < ${options.startedAt})::int as members
      from grant_changes c join entitlements e on e.id = c.entitlement_id
      join resources r on r.id = e.resource_id
      where c.grant_id is not null and r.resource_type in ('userGroup', 'group', 'channel')
        -- A group disabled or a channel archived in Slack empties on purpose.
        and exists (select 1 from staged_resources s where s.external_id = r.external_id and s.status = 'ACTIVE')
        and not exists (select 1 from grant_changes a where a.add_entitlement_id = c.entitlement_id)
      group by e.id, e.external_id
      having count(*) = (select count(*) from grants g where g.entitlement_id = e.id)
        and count(*) filter (where c.created_at < ${options.startedAt}) >= ${EMPTIED_MIN}
      order by members desc limit 20`.execute(trx);

    const reasons = [...accountReasons];
    if (grantsBefore > 0 && grantsToRemove === grantsBefore) reasons.push(`all ${grantsBefore} grants would be removed`);
    else if (grantsBefore > 0 && grantsToRemove > grantsBefore * threshold) reasons.push(`${grantsToRemove} of ${grantsBefore} grants would be removed`);
    for (const e of emptied) reasons.push(`${e.external_id} would lose all ${e.members} members`);
    const guard: GuardReport = {
      tripped: reasons.length > 0,
      reasons,
      threshold,
      activeAccountsBefore,
      activeAccountsAfter,
      grantsBefore,
      grantsToRemove,
      emptiedEntitlements: emptied.map((e) => ({ externalId: e.external_id, members: Number(e.members) })),
    };
    const holdBack = guard.tripped && !options.force;
    step('guard');

    // Inserted in (entitlement, account) order: ids then follow the grants' keys, and the
    // indexes built after a bulk load read their keys already sorted. Sorting the joined rows by
    // the two ids costs half what sorting them by their text external ids did (the ids of a first
    // sync's entitlements and accounts follow their external ids, so the order is the same).
    const grantInsert = (returning: boolean) => sql`insert into grants (external_id, entitlement_id, account_id, source, granted_at, first_seen_run, last_seen_run, updated_at)
      select e.external_id || ':user:' || a.slack_id, c.entitlement_id, c.account_id, 'SYNC', now(), ${runId}, ${runId}, now()
      from grant_adds c
      join entitlements e on e.id = c.entitlement_id
      join accounts a on a.id = c.account_id
      -- Revoked through slackgate after this run read Slack: the read is older than the revoke.
      where not exists (select 1 from audit_events ae where ae.occurred_at >= ${options.startedAt} and ae.action = 'revokeGrant'
          and ae.outcome = 'SUCCESS' and ae.entitlement_external_id = e.external_id and ae.account_external_id = 'user:' || a.slack_id)
      order by c.entitlement_id, c.account_id
      on conflict do nothing
      ${returning ? sql`returning external_id` : sql``}`;
    // Without per-row changes to record (a first sync), the inserted rows need not be returned
    // and counted one by one: the insert's row count is the number added.
    const insertGrants = async () =>
      detailed ? changed(grantInsert(true), 'GRANT_ADDED') : { added: 0, other: Number((await grantInsert(false).execute(trx)).numAffectedRows ?? 0) };
    const grantsBulk = grantsNew >= Math.max(bulkLoadMin, 1) && grantsNew > grantsBefore;
    const grantsAdded = grantsBulk ? await withIndexesBuiltAfter(trx, 'grants', () => insertGrants()) : await insertGrants();
    step('grants_added');
    let grantsRemoved = 0;
    let accountsRemoved = 0;
    let resourcesRemoved = 0;
    if (!holdBack) {
      grantsRemoved = (await changed(sql`delete from grants g where g.id in (select c.grant_id ${removable}) returning g.external_id`, 'GRANT_REMOVED')).other;
      accountsRemoved = (
        await changed(
          sql`update accounts set status = 'DELETED', last_seen_run = ${runId}, updated_at = now()
          where status <> 'DELETED' and not exists (select 1 from staged_accounts s where s.slack_id = accounts.slack_id)
          returning external_id`,
          'ACCOUNT_REMOVED',
        )
      ).other;
      resourcesRemoved = (
        await changed(
          sql`update resources set status = 'DELETED', last_seen_run = ${runId}, updated_at = now()
          where status <> 'DELETED' and not exists (select 1 from staged_resources s where s.external_id = resources.external_id)
          returning external_id`,
          'RESOURCE_REMOVED',
        )
      ).other;
      if (resourcesRemoved > 0) {
        await sql`update entitlements e set grantable = false, grantable_reason = 'the resource no longer exists in Slack', updated_at = now()
          from resources r where r.id = e.resource_id and r.status = 'DELETED' and e.grantable`.execute(trx);
      }
    }
    step('grants');
    const watermark = await liveWatermark(trx);
    await trx
      .insertInto('connector_state')
      .values({ key: APPLIED_KEY, value: JSON.stringify({ runId, watermark }), updated_at: new Date() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ runId, watermark }), updated_at: new Date() }))
      .execute();

    return {
      guard,
      heldBack: holdBack,
      grantsListed: grantsBefore - grantsGone + grantsNew,
      diff: {
        accountsAdded: accounts.added,
        accountsChanged: accounts.other,
        accountsRemoved,
        resourcesAdded: resources.added,
        resourcesRemoved,
        grantsAdded: grantsAdded.other,
        grantsRemoved,
        detailed,
      },
    };
  });
}
