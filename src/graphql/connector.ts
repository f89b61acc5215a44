import type { SyncRun } from '../db/schema.ts';
import { builder } from './builder.ts';
import { enumOf } from './enumOf.ts';
import { catalogCounts, connectorState } from './read/connector.ts';
import { activeSyncRun, lastFinishedSyncRun, lastSuccessfulSyncRun } from './read/syncRuns.ts';
import { SyncRunRef } from './refs.ts';

interface TokenReport {
  kind: string;
  configured: boolean;
  ok: boolean;
  scopes: string[];
  error: string | null;
}

interface ConnectorShape {
  plan: string | null;
  details: Record<string, unknown>;
  tokens: TokenReport[];
  status: 'SYNCING' | 'CONNECTED' | 'ERROR';
  statusReason: string | null;
  detectedAt: Date | null;
  lastSuccessfulSync: SyncRun | null;
  activeSync: SyncRun | null;
  accountCount: number;
  entitlementCount: number;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Token reports as the sync engine records them: `{bot: {...}, businessPlus: {...}}` or a list. */
function tokenReports(value: unknown): TokenReport[] {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v) => [str(record(v).kind) ?? 'unknown', v])
    : Object.entries(record(value));
  return entries.map(([kind, raw]) => {
    const t = record(raw);
    return {
      kind,
      configured: t.configured === true,
      ok: t.ok === true,
      scopes: Array.isArray(t.scopes) ? t.scopes.filter((s): s is string => typeof s === 'string') : [],
      error: str(t.error),
    };
  });
}

const ConnectorStatusEnum = enumOf('ConnectorStatus', {
  SYNCING: 'A sync is in progress.',
  CONNECTED: 'The last sync succeeded and Slack accepts the tokens.',
  ERROR: 'Something needs attention; statusReason says what.',
});

const ConnectorToken = builder.objectRef<TokenReport>('ConnectorToken').implement({
  description: 'One configured Slack token and what it can do. Never the token itself.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'bot, businessPlus or enterprise.' }),
    configured: t.exposeBoolean('configured'),
    ok: t.exposeBoolean('ok', { description: 'Slack accepted it at the last check.' }),
    scopes: t.exposeStringList('scopes'),
    error: t.exposeString('error', { nullable: true, description: "Slack's error code when it does not work." }),
  }),
});

export const Connector = builder.objectRef<ConnectorShape>('Connector').implement({
  description: 'The connection to Slack: what an operator checks first.',
  fields: (t) => ({
    plan: t.exposeString('plan', { nullable: true, description: 'Detected Slack plan: pro, business-plus, grid or gov; null before the first check.' }),
    teamId: t.string({ nullable: true, resolve: (c) => str(c.details.teamId) }),
    teamName: t.string({ nullable: true, resolve: (c) => str(c.details.teamName) }),
    enterpriseId: t.string({ nullable: true, resolve: (c) => str(c.details.enterpriseId) }),
    details: t.field({ type: 'JSON', description: 'Everything detected about the connection, as recorded.', resolve: (c) => c.details }),
    detectedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.detectedAt }),
    tokens: t.field({ type: [ConnectorToken], resolve: (c) => c.tokens }),
    status: t.field({ type: ConnectorStatusEnum, resolve: (c) => c.status }),
    statusReason: t.exposeString('statusReason', { nullable: true }),
    lastSuccessfulSync: t.field({ type: SyncRunRef, nullable: true, resolve: (c) => c.lastSuccessfulSync }),
    lastSuccessfulSyncAgeSeconds: t.int({
      nullable: true,
      description: 'Seconds since the last successful sync finished.',
      resolve: (c) => {
        const at = c.lastSuccessfulSync?.finished_at;
        return at ? Math.max(0, Math.floor((Date.now() - at.getTime()) / 1000)) : null;
      },
    }),
    activeSync: t.field({ type: SyncRunRef, nullable: true, resolve: (c) => c.activeSync }),
    accountCount: t.exposeInt('accountCount'),
    entitlementCount: t.exposeInt('entitlementCount'),
  }),
});

builder.queryField('connector', (t) =>
  t.field({
    type: Connector,
    description: 'Detected plan, tokens, status, last successful sync and catalog size.',
    resolve: async (_root, _args, ctx): Promise<ConnectorShape> => {
      const db = ctx.database.db;
      const [state, active, lastSuccess, counts, lastFinished] = await Promise.all([
        connectorState(db),
        activeSyncRun(db),
        lastSuccessfulSyncRun(db),
        catalogCounts(db),
        lastFinishedSyncRun(db),
      ]);
      const planInfo = record(state.get('plan')?.value);
      const recordedStatus = record(state.get('status')?.value);
      const tokens = tokenReports(state.get('tokens')?.value ?? planInfo.tokens);
      let status: ConnectorShape['status'];
      let statusReason: string | null = null;
      if (active) {
        status = 'SYNCING';
      } else if (recordedStatus.status === 'ERROR' || recordedStatus.status === 'CONNECTED') {
        status = recordedStatus.status;
        statusReason = str(recordedStatus.reason);
      } else if (lastFinished && lastFinished.status !== 'SUCCEEDED') {
        status = 'ERROR';
        statusReason = `the last sync (run ${lastFinished.id}) ended ${lastFinished.status}${lastFinished.error ? `: ${lastFinished.error}` : ''}`;
      } else if (lastSuccess) {
        status = 'CONNECTED';
      } else {
        status = 'ERROR';
        statusReason = 'no sync has succeeded yet';
      }
      const detectedAt = str(planInfo.detectedAt);
      return {
        plan: str(planInfo.plan),
        details: planInfo,
        tokens,
        status,
        statusReason,
        detectedAt: detectedAt ? new Date(detectedAt) : (state.get('plan')?.updatedAt ?? null),
        lastSuccessfulSync: lastSuccess ?? null,
        activeSync: active ?? null,
        accountCount: counts.accounts,
        entitlementCount: counts.entitlements,
      };
    },
  }),
);
