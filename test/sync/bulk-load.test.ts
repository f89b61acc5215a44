import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useBulkLoadFixture } from '../support/bulkLoad.ts';
import { backend } from '../support/db.ts';
import { cachedAccess, expectedAccess } from '../support/slack.ts';

// A first sync loads accounts and grants into empty tables with their indexes and keys dropped
// and built again after the load (apply.ts, withIndexesBuiltAfter). Real syncs do so from 10,000
// rows; here from one row, so the small fixture takes that path.

const fixture = useBulkLoadFixture();
const { t, statements } = fixture;
const bulkStatements = () => statements.filter((q) => /^(alter table \S+ (drop|add) constraint|drop index|create (unique )?index)/i.test(q));
/** Every index, and every key on, or pointing at, the bulk-loaded tables, as Postgres prints them. */
async function schemaOfLoadedTables(): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select indexdef as line from pg_indexes where tablename in ('grants', 'accounts')
    union all
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
    where conrelid in ('grants'::regclass, 'accounts'::regclass) or confrelid in ('grants'::regclass, 'accounts'::regclass)
    order by 1`.execute(t.db);
  return rows.map((r) => r.line);
}

const syncNow = async () => fixture.engine.waitFor((await fixture.engine.start({ trigger: 'MANUAL' })).id);

describe(`a first sync's bulk load (${backend})`, () => {
  let schema: string[];

  it('that fails leaves the tables, their indexes and their keys as they were', async () => {
    schema = await schemaOfLoadedTables();
    expect(schema.some((line) => line.includes('grants_pkey'))).toBe(true);
    expect(schema.some((line) => line.includes('grants_account_id_fkey'))).toBe(true);
    // The grants insert fails, after the indexes and keys were dropped for it.
    await sql`create function fail_grant_load() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(t.db);
    await sql`create trigger fail_grant_load before insert on grants for each statement execute function fail_grant_load()`.execute(t.db);
    statements.length = 0;
    const run = await syncNow();
    expect(bulkStatements().some((q) => q.startsWith('alter table grants drop constraint'))).toBe(true);
    expect(run.status).toBe('FAILED');
    expect(run.error).toContain('disk full');
    await sql`drop trigger fail_grant_load on grants`.execute(t.db);
    expect(await schemaOfLoadedTables()).toEqual(schema);
    expect(await t.db.selectFrom('accounts').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('grants').select('id').execute()).toEqual([]);
  });

  it('caches exactly what Slack has, and leaves every index and key as it found them', async () => {
    statements.length = 0;
    const run = await syncNow();
    expect(bulkStatements().some((q) => q.startsWith('alter table accounts drop constraint'))).toBe(true);
    expect(bulkStatements().some((q) => q.startsWith('alter table grants add constraint'))).toBe(true);
    expect(run.error).toBeNull();
    expect(run.status).toBe('SUCCEEDED');
    const expected = expectedAccess(fixture.sim.store, { scim: true, sso: true, enterpriseRoles: false, botToken: fixture.sim.tokens.bot });
    const cached = await cachedAccess(t.db);
    expect(cached.accounts).toEqual(expected.accounts);
    expect([...cached.grants].sort()).toEqual([...expected.grants].sort());
    expect(await schemaOfLoadedTables()).toEqual(schema);
    // The keys hold again: a grant for an account that does not exist is refused.
    const grant = await t.db.selectFrom('grants').select(['entitlement_id']).limit(1).executeTakeFirstOrThrow();
    await expect(
      t.db.insertInto('grants').values({ external_id: 'x:user:nobody', entitlement_id: grant.entitlement_id, account_id: 999_999_999, source: 'SYNC' }).execute(),
    ).rejects.toThrow(/foreign key/);
  });

  it('is not taken by a re-sync, which changes nothing', async () => {
    statements.length = 0;
    const run = await syncNow();
    expect(bulkStatements()).toEqual([]);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.diff_summary).toMatchObject({ grantsAdded: 0, grantsRemoved: 0, accountsAdded: 0, accountsChanged: 0 });
    expect(await schemaOfLoadedTables()).toEqual(schema);
  });
});
