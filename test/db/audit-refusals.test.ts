import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StartSyncBareDocument } from '../gql/graphql.ts';
import { until } from '../ops/support.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Finding 5 of the hardening issue: refused mutation attempts left no audit row, and the
// application's own database user could switch the audit trail's protection off.

const w = useWorld();

const refusalsOf = (clientId: string) => w.db.selectFrom('audit_events').select(['action', 'outcome', 'error_code', 'details']).where('api_client_id', '=', clientId).orderBy('id').execute();

describe(`refused mutations are audited (${backend})`, () => {
  it('15 scope-refused mutation attempts leave 15 DENIED rows naming the client, the mutation and the reason', async () => {
    const reader = await w.client(['read']);
    for (let i = 0; i < 15; i++) {
      const res = await reader.execute(StartSyncBareDocument);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const rows = await until(async () => {
      const r = await refusalsOf(reader.clientId);
      return r.length >= 15 ? r : undefined;
    }, '15 audit rows', 10_000);
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ action: 'startSync', outcome: 'DENIED', error_code: 'MISSING_SCOPE', details: { refusedBy: 'scope' } });
  });

  it('a mutation whose document or input does not validate leaves a DENIED row', async () => {
    const syncer = await w.apiClient(['read', 'sync']);
    // An input the schema refuses: sent raw (codegen would refuse it).
    const res = await w.graphql(syncer.token, 'mutation { startSync(input: { confirmDeletions: "yes" }) { errors { code } } }');
    expect(res.body.errors?.length).toBeGreaterThan(0);
    const rows = await until(async () => {
      const r = await refusalsOf(syncer.clientId);
      return r.length > 0 ? r : undefined;
    }, 'the audit row', 10_000);
    expect(rows).toEqual([expect.objectContaining({ action: 'startSync', outcome: 'DENIED', details: expect.objectContaining({ refusedBy: 'validation' }) })]);
  });
});

describe(`the audit table's owner (${backend})`, () => {
  it.skipIf(backend !== 'postgres')(
    'is a role nobody logs in as: an application login can insert and read, but not disable the trigger, switch replication role, update or truncate (postgres only: PGlite has one user)',
    async () => {
      const owner = await w.db.selectFrom('pg_tables' as never).select('tableowner' as never).where('tablename' as never, '=', 'audit_events' as never).executeTakeFirst();
      expect(owner).toEqual({ tableowner: 'slackgate_audit_owner' });
      // An application login like a production one: owns nothing of the audit trail.
      const role = `slackgate_app_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: w.databaseUrl });
      await admin.connect();
      await admin.query(`create role ${role} login`);
      await admin.query(`grant all on schema public to ${role}`);
      await admin.query(`grant select, insert on audit_events to ${role}`);
      const asApp = new URL(w.databaseUrl!);
      asApp.username = role;
      const app = new pg.Client({ connectionString: asApp.href });
      try {
        await app.connect();
        expect((await app.query('select current_user as u')).rows[0].u).toBe(role);
        await app.query("insert into audit_events (action, outcome) values ('test.insert', 'SUCCESS')");
        expect((await app.query("select count(*)::int as n from audit_events where action = 'test.insert'")).rows[0].n).toBe(1);
        await expect(app.query('alter table audit_events disable trigger audit_events_no_update_delete')).rejects.toThrow(/owner/);
        await expect(app.query('set session_replication_role = replica')).rejects.toThrow(/permission denied/);
        await expect(app.query("update audit_events set action = 'rewritten'")).rejects.toThrow(/permission denied/);
        await expect(app.query('truncate audit_events')).rejects.toThrow(/permission denied|owner/);
        await expect(app.query('create or replace function audit_events_append_only() returns trigger language plpgsql as $$ begin return new; end $$')).rejects.toThrow(/owner/);
      } finally {
        await app.end();
        await admin.query(`drop owned by ${role}`);
        await admin.query(`drop role ${role}`);
        await admin.end();
      }
    },
  );
});
