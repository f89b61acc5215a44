import { sql, type Kysely } from 'kysely';

// The live cache: Slack's events, queued durably as they arrive (acknowledged at once, applied
// from here, so a burst or a restart loses nothing; the primary key deduplicates redeliveries),
// the Slack time each membership and account was last changed by an event (an older event never
// overwrites a newer state), and each entitlement's policy for access granted outside slackgate.

const statements = [
  `create table slack_events (
     event_id text primary key,
     team_id text,
     enterprise_id text,
     type text not null,
     event_ts numeric(20, 6) not null,
     payload jsonb not null,
     received_at timestamptz not null default now(),
     applied_at timestamptz,
     outcome text check (outcome in ('APPLIED', 'STALE', 'IGNORED', 'FAILED')),
     attempts integer not null default 0,
     error text
   )`,
  `create index slack_events_pending on slack_events (event_ts) where applied_at is null`,
  `create table slack_versions (
     key text primary key,
     event_ts numeric(20, 6) not null
   )`,
  `alter table entitlements add column outside_grants text not null default 'ALLOW' check (outside_grants in ('ALLOW', 'NOTIFY', 'REVOKE'))`,
];

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table entitlements drop column if exists outside_grants').execute(db);
  await sql.raw('drop table if exists slack_versions').execute(db);
  await sql.raw('drop table if exists slack_events').execute(db);
}
