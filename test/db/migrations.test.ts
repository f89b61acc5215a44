import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/createDb.ts';
import { migrateToLatest, migrationStatus } from '../../src/db/migrate.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();

const DOMAIN_TABLES = [
  'access_changes',
  'access_review_reviewers',
  'access_reviews',
  'accounts',
  'api_clients',
  'api_tokens',
  'approvals',
  'audit_events',
  'connector_state',
  'entitlement_approvers',
  'entitlements',
  'grants',
  'jobs',
  'provisioning_outcomes',
  'requests',
  'resources',
  'review_items',
  'slack_deliveries',
  'slack_events',
  'slack_messages',
  'slack_versions',
  'sync_changes',
  'sync_checkpoints',
  'sync_pages',
  'sync_runs',
  'sync_stage_accounts',
  'sync_stage_entitlements',
  'sync_stage_grants',
  'sync_stage_resources',
  'sync_stage_scim_users',
  'sync_stage_workspaces',
  'workspaces',
];

describe(`migrations (${backend})`, () => {
  it('leave nothing pending once applied, and applying again changes nothing', async () => {
    expect((await migrationStatus(t.db)).pending).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('create every domain table', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(t.db);
    expect(rows.map((r) => r.table_name)).toEqual(DOMAIN_TABLES);
  });

  it('migrate an empty database up from nothing', async () => {
    // A fresh embedded database, whatever the backend under test: the path `npm start` takes.
    const fresh = await createDb({ dataDir: 'memory://' });
    try {
      expect((await migrationStatus(fresh.db)).applied).toEqual([]);
      const results = await migrateToLatest(fresh.db);
      expect(results.map((r) => r.status)).toEqual(results.map(() => 'Success'));
      expect((await migrationStatus(fresh.db)).pending).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('return bigint ids and counts as numbers on both backends', async () => {
    const run = await t.db.insertInto('sync_runs').values({ trigger: 'MANUAL' }).returning('id').executeTakeFirstOrThrow();
    expect(typeof run.id).toBe('number');
    const { count } = await t.db.selectFrom('sync_runs').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    expect(count).toBeTypeOf('number');
  });

  it('key grants by entitlement and account, so a second grant of the same pair is refused', async () => {
    const ws = await t.db
      .insertInto('workspaces')
      .values({ id: 'T1', external_id: 'workspace:T1', name: 'Acme', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await t.db
      .insertInto('resources')
      .values({ external_id: 'workspaceRole:T1:admin', resource_type: 'workspaceRole', slack_id: 'T1:admin', workspace_id: ws.id, display_name: 'Admin', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ent = await t.db
      .insertInto('entitlements')
      .values({ external_id: 'workspaceRole:T1:admin:assigned', resource_id: res.id, slug: 'assigned', display_name: 'Acme workspace Admin role', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const acct = await t.db
      .insertInto('accounts')
      .values({ external_id: 'user:U1', slack_id: 'U1', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const grant = { entitlement_id: ent.id, account_id: acct.id, updated_at: new Date(), granted_at: new Date() };
    await t.db.insertInto('grants').values({ ...grant, external_id: 'workspaceRole:T1:admin:assigned:user:U1' }).execute();
    await expect(t.db.insertInto('grants').values({ ...grant, external_id: 'other' }).execute()).rejects.toThrow(/unique|duplicate/i);
  });

  it('reject values outside an enumeration', async () => {
    await expect(
      t.db.insertInto('sync_runs').values({ trigger: 'MANUAL', status: 'DONE' as never }).execute(),
    ).rejects.toThrow(/check constraint/i);
  });
});

describe('the migration list', () => {
  it('names every migration file in the folder', async () => {
    const { readdir } = await import('node:fs/promises');
    const { MIGRATIONS_DIR } = await import('../../src/db/migrate.ts');
    const { migrations } = await import('../../migrations/index.ts');
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f !== 'index.ts' && f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(migrations).sort()).toEqual(files.sort());
  });
});
