import { sql, type Kysely } from 'kysely';

// The Slack app surface keeps two things:
// - slack_messages: every interactive message it posted (an approver's copy of a request, an
//   expiry reminder), with the channel and ts Slack returned, so that each copy can be updated in
//   place (`chat.update`) once the request is decided, by whichever replica sees it decided.
// - slack_deliveries: the deliveries (clicks, submissions, commands, events) already taken by a
//   replica. Slack may hand the same delivery to several replicas (retries, several Socket Mode
//   connections); the first to insert its key carries it out, the others only acknowledge.

// `any`: a migration sees the database as it was then, not today's typed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table slack_messages (
        id bigserial primary key,
        purpose text not null check (purpose in ('approval', 'reminder', 'review')),
        request_id bigint references requests(id) on delete cascade,
        grant_id bigint,
        review_id bigint references access_reviews(id) on delete cascade,
        account_id bigint not null references accounts(id) on delete cascade,
        channel text not null,
        ts text not null,
        posted_at timestamptz not null default now(),
        updated_at timestamptz
      )`,
    )
    .execute(db);
  await sql.raw('create unique index slack_messages_approval_idx on slack_messages (request_id, account_id) where purpose = \'approval\'').execute(db);
  await sql.raw('create index slack_messages_grant_idx on slack_messages (grant_id) where grant_id is not null').execute(db);
  await sql
    .raw(
      `create table slack_deliveries (
        delivery_key text primary key,
        received_at timestamptz not null default now()
      )`,
    )
    .execute(db);
  await sql.raw('create index slack_deliveries_received_idx on slack_deliveries (received_at)').execute(db);
}

// `any`: as for up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop table if exists slack_deliveries').execute(db);
  await sql.raw('drop table if exists slack_messages').execute(db);
}
