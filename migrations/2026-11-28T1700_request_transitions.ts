import { sql, type Kysely } from 'kysely';

// The request state machine, enforced by the database itself: whatever code (or person with a
// SQL prompt) updates a request, it can only move along these edges. A decided request cannot be
// decided again, a granted one cannot go back to pending, a finished one stays finished.
//
//   PENDING      -> APPROVED | DENIED | CANCELLED
//   APPROVED     -> PROVISIONING | CANCELLED
//   PROVISIONING -> GRANTED | REVOKED | FAILED
//   FAILED       -> APPROVED (retry) | CANCELLED
//   GRANTED      -> EXPIRED | REVOKED
//   DENIED, CANCELLED, EXPIRED, REVOKED: final

const statements = [
  `create function requests_check_transition() returns trigger language plpgsql as $$
   begin
     if new.state = old.state then
       return new;
     end if;
     if (old.state, new.state) in (
       ('PENDING', 'APPROVED'), ('PENDING', 'DENIED'), ('PENDING', 'CANCELLED'),
       ('APPROVED', 'PROVISIONING'), ('APPROVED', 'CANCELLED'),
       ('PROVISIONING', 'GRANTED'), ('PROVISIONING', 'REVOKED'), ('PROVISIONING', 'FAILED'),
       ('FAILED', 'APPROVED'), ('FAILED', 'CANCELLED'),
       ('GRANTED', 'EXPIRED'), ('GRANTED', 'REVOKED')
     ) then
       new.version := old.version + 1;
       new.updated_at := now();
       return new;
     end if;
     raise exception 'request % cannot go from % to %', old.id, old.state, new.state
       using errcode = 'check_violation', constraint = 'requests_state_transition';
   end
   $$`,
  `create trigger requests_state_transition before update of state on requests
     for each row execute function requests_check_transition()`,
  // A new request starts PENDING, or APPROVED when nobody has to decide (auto-approval, reviews).
  `create function requests_check_initial_state() returns trigger language plpgsql as $$
   begin
     if new.state not in ('PENDING', 'APPROVED') then
       raise exception 'a request starts PENDING or APPROVED, not %', new.state
         using errcode = 'check_violation', constraint = 'requests_initial_state';
     end if;
     return new;
   end
   $$`,
  `create trigger requests_initial_state before insert on requests
     for each row execute function requests_check_initial_state()`,
  // Open requests of an account for an entitlement: one at a time (a second is a duplicate).
  `create unique index requests_one_open_idx on requests (account_id, entitlement_id, kind)
     where state in ('PENDING', 'APPROVED', 'PROVISIONING')`,
  `create index requests_requester_idx on requests (requester_id, id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index if exists requests_requester_idx').execute(db);
  await sql.raw('drop index if exists requests_one_open_idx').execute(db);
  await sql.raw('drop trigger if exists requests_initial_state on requests').execute(db);
  await sql.raw('drop function if exists requests_check_initial_state()').execute(db);
  await sql.raw('drop trigger if exists requests_state_transition on requests').execute(db);
  await sql.raw('drop function if exists requests_check_transition()').execute(db);
}
