import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/audit/record.ts';
import type { SlackgateClient } from '../../src/client/index.ts';
import { AuditEventFiltersDocument, AuditEventsAfterDocument, ConnectorReportDocument, SyncRunReportDocument } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

const w = useWorld();
let reader: SlackgateClient;
let runId: number;

beforeAll(async () => {
  reader = await w.client(['read']);
  const run = await w.db
    .insertInto('sync_runs')
    .values({
      trigger: 'SCHEDULE',
      status: 'SUCCEEDED',
      phase: 'apply',
      counts: JSON.stringify({ workspaces: 2, accounts: 150 }),
      estimated_totals: JSON.stringify({ workspaces: 2, accounts: 150 }),
      slack_calls: JSON.stringify({ 'users.list': 3, 'usergroups.list': 2 }),
      slack_rate_limited: JSON.stringify({ 'users.list': 1 }),
      diff_summary: JSON.stringify({ accountsAdded: 2, accountsChanged: 0, accountsRemoved: 1, grantsAdded: 5, grantsRemoved: 0, resourcesAdded: 0, resourcesRemoved: 0, detailed: true }),
      started_at: new Date('2026-11-28T10:00:00Z'),
      finished_at: new Date('2026-11-28T10:02:30Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  runId = run.id;
  await w.db
    .insertInto('sync_changes')
    .values([
      { run_id: runId, kind: 'ACCOUNT_ADDED', external_id: 'user:U1' },
      { run_id: runId, kind: 'ACCOUNT_ADDED', external_id: 'user:U2' },
      { run_id: runId, kind: 'ACCOUNT_REMOVED', external_id: 'user:U3' },
    ])
    .execute();
  await w.db
    .insertInto('connector_state')
    .values({
      key: 'plan',
      value: JSON.stringify({
        plan: 'business-plus',
        teamId: 'T1',
        teamName: 'Acme',
        orgLevel: false,
        tokens: { bot: { configured: true, ok: true, scopes: ['users:read'] }, businessPlus: { configured: true, ok: false, scopes: [], error: 'invalid_auth' } },
        detectedAt: '2026-11-28T10:00:01.000Z',
      }),
    })
    .execute();
});

describe(`sync runs, connector and audit events (${backend})`, () => {
  it('reports a run with its counts, Slack calls by method, timings and diff', async () => {
    const res = await reader.execute(SyncRunReportDocument, { id: String(runId) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.syncRun).toEqual({
      status: 'SUCCEEDED',
      trigger: 'SCHEDULE',
      phase: 'APPLY',
      done: 152,
      estimatedTotal: 152,
      percent: 100,
      durationSeconds: 150,
      counts: [
        { phase: 'WORKSPACES', count: 2, estimatedTotal: 2 },
        { phase: 'ACCOUNTS', count: 150, estimatedTotal: 150 },
      ],
      slackCalls: [
        { method: 'usergroups.list', calls: 2, rateLimited: 0 },
        { method: 'users.list', calls: 3, rateLimited: 1 },
      ],
      slackCallsTotal: 5,
      rateLimitedTotal: 1,
      diff: {
        accountsAdded: 2,
        accountsRemoved: 1,
        grantsAdded: 5,
        changes: { totalCount: 2, edges: [{ node: { kind: 'ACCOUNT_ADDED', externalId: 'user:U1' } }, { node: { kind: 'ACCOUNT_ADDED', externalId: 'user:U2' } }] },
      },
    });
  });

  it('shows the connector: plan, tokens without secrets, status and last successful sync', async () => {
    const res = await reader.execute(ConnectorReportDocument);
    expect(res.errors).toBeUndefined();
    const c = res.data!.connector;
    expect(c).toMatchObject({ plan: 'business-plus', teamId: 'T1', teamName: 'Acme', status: 'CONNECTED', statusReason: null, accountCount: 0, entitlementCount: 0, lastSuccessfulSync: { status: 'SUCCEEDED' } });
    expect(c.lastSuccessfulSyncAgeSeconds).toBeGreaterThan(0);
    expect(c.tokens).toEqual([
      { kind: 'bot', configured: true, ok: true, scopes: ['users:read'], error: null },
      { kind: 'businessPlus', configured: true, ok: false, scopes: [], error: 'invalid_auth' },
    ]);
  });

  it('lists audit events newest first, filtered by action, target and time, without credential-like details', async () => {
    for (const [i, action] of ['grantEntitlement', 'revokeGrant', 'grantEntitlement'].entries()) {
      await recordAudit(w.db, {
        action,
        outcome: 'SUCCESS',
        actor: { apiClientId: 'sgc_portal' },
        target: { type: 'grant', id: `userGroup:S1:member:user:U${i}` },
        details: { reason: 'on call', token: 'sgt_must-not-be-kept', nested: { clientSecret: 'sgs_nor-this' } },
      });
    }
    const res = await reader.execute(AuditEventFiltersDocument);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.grants.totalCount).toBe(2);
    expect(d.grants.edges.map((e) => e.node.targetId)).toEqual(['userGroup:S1:member:user:U2', 'userGroup:S1:member:user:U0']);
    expect(d.grants.edges[0]?.node.details).toEqual({ reason: 'on call', nested: {} });
    expect(d.one.edges).toEqual([{ node: { action: 'revokeGrant', outcome: 'SUCCESS' } }]);
    expect(d.future.totalCount).toBe(0);
    const next = await reader.request(AuditEventsAfterDocument, { after: d.paged.edges[0]?.cursor });
    expect(next.auditEvents.edges.map((e) => e.node.targetId)).toEqual(['userGroup:S1:member:user:U1', 'userGroup:S1:member:user:U0']);
  });
});
