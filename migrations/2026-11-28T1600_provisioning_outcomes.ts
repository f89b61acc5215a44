import { sql, type Kysely } from 'kysely';

// The first outcome of a grant, revoke or account-status change made with a client's
// idempotency key, so a retried mutation answers the same without calling Slack again.
// A row is claimed (PENDING) before Slack is called: a second call with the same key while the
// first is still running is told so instead of provisioning twice.

const statements = [
  `create table provisioning_outcomes (
    api_client_id text not null,
    idempotency_key text not null,
    operation text not null check (operation in ('GRANT','REVOKE','ACCOUNT_STATUS')),
    entitlement_id bigint,
    account_id bigint not null,
    state text not null default 'PENDING' check (state in ('PENDING','DONE')),
    outcome jsonb,
    created_at timestamptz not null default now(),
    completed_at timestamptz,
    primary key (api_client_id, idempotency_key)
  )`,
  `create index provisioning_outcomes_created_idx on provisioning_outcomes (created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop table if exists provisioning_outcomes').execute(db);
}
