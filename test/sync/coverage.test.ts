import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type SlackPlan } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { backend, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { cachedAccess, configFor, connectionFor, expectedAccess } from '../support/slack.ts';

const PLANS: { plan: SlackPlan; workspaces: number }[] = [
  { plan: 'pro', workspaces: 1 },
  { plan: 'business-plus', workspaces: 1 },
  { plan: 'grid', workspaces: 3 },
  { plan: 'gov', workspaces: 2 },
];

describe.each(PLANS)(`a full sync on $plan (${backend})`, ({ plan, workspaces }) => {
  let sim: RunningSimulator;
  let t: TestDatabase & { drop(): Promise<void> };
  let engine: SyncEngine;

  beforeAll(async () => {
    sim = await startSimulator({ plan, seed: 42, users: 150, workspaces, userGroups: 9, idpGroups: 4, channels: 8 });
    t = await openTestDatabase();
    const config = configFor(sim);
    engine = new SyncEngine({ database: t.database, connection: connectionFor(config), ssoEnabled: config.slack.ssoEnabled, deletionThreshold: 0.5 });
  });
  afterAll(async () => {
    await engine.close();
    await t.drop();
    await sim.close();
  });

  it('succeeds and records what it read', async () => {
    const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('SUCCEEDED');
    expect((run.counts as Record<string, number>).accounts).toBeGreaterThan(0);
    expect(Object.keys(run.slack_calls as object)).toContain('users.list');
  });

  it('caches exactly the accounts, entitlements and grants Slack has', async () => {
    const expected = expectedAccess(sim.store, {
      scim: plan !== 'pro',
      sso: plan !== 'pro',
      enterpriseRoles: plan === 'grid' || plan === 'gov',
      botToken: sim.tokens.bot,
    });
    const cached = await cachedAccess(t.db);
    expect(cached.accounts).toEqual(expected.accounts);
    expect([...cached.entitlements].sort()).toEqual([...expected.entitlements].sort());
    expect([...cached.grants].sort()).toEqual([...expected.grants].sort());
  });

  it('keeps deactivated users, marked DELETED (DISABLED when SCIM says inactive)', async () => {
    const deactivated = [...sim.store.users.values()].filter((u) => u.deleted && !u.isStranger).map((u) => u.id);
    expect(deactivated.length).toBeGreaterThan(0);
    const rows = await t.db.selectFrom('accounts').select(['slack_id', 'status']).where('slack_id', 'in', deactivated).execute();
    expect(rows).toHaveLength(deactivated.length);
    for (const r of rows) expect(r.status).toBe(plan === 'pro' ? 'DELETED' : 'DISABLED');
  });

  it('keeps disabled user groups, marked disabled and granting nothing', async () => {
    const disabled = [...sim.store.usergroups.values()].filter((g) => g.dateDelete > 0 && !g.isIdpGroup);
    expect(disabled.length).toBeGreaterThan(0);
    expect(disabled.some((g) => g.users.size > 0)).toBe(true);
    const rows = await t.db.selectFrom('resources').select(['slack_id', 'status']).where('resource_type', '=', 'userGroup').where('slack_id', 'in', disabled.map((g) => g.id)).execute();
    expect(rows.map((r) => r.status)).toEqual(disabled.map(() => 'DISABLED'));
    const grants = await t.db.selectFrom('grants').select('external_id').where('external_id', 'in', disabled.map((g) => `userGroup:${g.id}:member:user:${[...g.users][0] ?? 'none'}`)).execute();
    expect(grants).toEqual([]);
  });

  it('says per entitlement whether this plan can grant it, and why not', async () => {
    const rows = await t.db
      .selectFrom('entitlements')
      .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
      .select(['resources.resource_type', 'entitlements.slug', 'entitlements.external_id', 'entitlements.grantable', 'entitlements.grantable_reason'])
      .execute();
    const of = (type: string) => rows.filter((r) => r.resource_type === type);
    expect(of('userGroup').every((r) => r.grantable)).toBe(true);
    const grid = plan === 'grid' || plan === 'gov';
    expect(of('workspace').every((r) => r.grantable === grid)).toBe(true);
    if (!grid) expect(of('workspace')[0]?.grantable_reason).toMatch(/Enterprise Grid/);
    const primary = rows.find((r) => r.external_id.endsWith(':primary_owner:assigned'));
    expect(primary?.grantable).toBe(false);
    expect(primary?.grantable_reason).toMatch(/primary owner/);
    if (plan === 'gov') expect(of('group').every((r) => !r.grantable && /GovSlack/.test(r.grantable_reason ?? ''))).toBe(true);
    for (const r of rows) expect(r.grantable ? r.grantable_reason : 'reason given').toBe(r.grantable ? null : 'reason given');
  });

  it('stores the detected plan for operators', async () => {
    const state = await t.db.selectFrom('connector_state').select('value').where('key', '=', 'plan').executeTakeFirstOrThrow();
    const info = state.value as { plan: string; tokens: Record<string, { ok: boolean }> };
    expect(info.plan).toBe(plan);
    expect(info.tokens.bot?.ok).toBe(true);
    expect(JSON.stringify(info)).not.toContain(sim.tokens.bot);
  });
});
