import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { startSyncFor, type StartSyncOutcome } from '../access/startSync.ts';
import type { SyncRun } from '../db/schema.ts';
import { SYNC_PHASES, type SyncPhase, type SyncProgressEvent } from '../sync/types.ts';
import { builder } from './builder.ts';
import { requireBus } from './liveUpdates.ts';
import { byIdArg } from './nodeById.ts';
import type { GraphQLContext } from './context.ts';
import { SyncChangeKindEnum, SyncStatusEnum, SyncTriggerEnum } from './enums.ts';
import { UserErrorRef } from './errors.ts';
import { originOf } from './actAs.ts';
import { resolveOptionalIdArg, SYNC_RUN_ID } from './idArgs.ts';
import { connectionFromPage, keysetConnection, once, pageRequest } from './pagination.ts';
import { changePagesPerRun, countChangesPerRun, countSyncRuns, syncChangeOrder, syncRunOrder, syncRunPage, type SyncChange } from './read/syncRuns.ts';
import { SyncRunRef } from './refs.ts';
import { followSyncProgress, progressFromRun, SyncRunNotFoundError } from './syncProgress.ts';

const SyncPhaseEnum = builder.enumType('SyncPhase', {
  description: 'Phases of a sync run, in order.',
  values: Object.fromEntries(SYNC_PHASES.map((p) => [p.toUpperCase(), { value: p }])) as Record<Uppercase<SyncPhase>, { value: SyncPhase }>,
});

interface PhaseCount {
  phase: SyncPhase;
  count: number;
  estimatedTotal: number | null;
}

const SyncPhaseCount = builder.objectRef<PhaseCount>('SyncPhaseCount').implement({
  fields: (t) => ({
    phase: t.field({ type: SyncPhaseEnum, resolve: (c) => c.phase }),
    count: t.exposeInt('count', { description: 'Items processed in this phase.' }),
    estimatedTotal: t.exposeInt('estimatedTotal', { nullable: true, description: 'Best estimate of the phase total, when known.' }),
  }),
});

function phaseCounts(counts: Partial<Record<SyncPhase, number>>, totals: Partial<Record<SyncPhase, number>>): PhaseCount[] {
  return SYNC_PHASES.filter((p) => counts[p] !== undefined || totals[p] !== undefined).map((phase) => ({
    phase,
    count: counts[phase] ?? 0,
    estimatedTotal: totals[phase] ?? null,
  }));
}

interface MethodCount {
  method: string;
  calls: number;
  rateLimited: number;
}

const SlackMethodCalls = builder.objectRef<MethodCount>('SlackMethodCalls').implement({
  description: 'Slack API calls of one method during a run.',
  fields: (t) => ({
    method: t.exposeString('method', { description: 'e.g. users.list, or scim:GET /Users.' }),
    calls: t.exposeInt('calls'),
    rateLimited: t.exposeInt('rateLimited', { description: 'How many of them Slack answered with 429.' }),
  }),
});

function numbers(value: unknown): Record<string, number> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

const SyncChangeRef = builder.objectRef<SyncChange>('SyncChange').implement({
  description: 'One row-level difference a run found against the previous run.',
  fields: (t) => ({
    kind: t.field({ type: SyncChangeKindEnum, resolve: (c) => c.kind }),
    externalId: t.exposeString('external_id'),
    detail: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.detail }),
  }),
});
const SyncChangeConnection = builder.connectionObject({ type: SyncChangeRef, name: 'SyncChangeConnection' }, { name: 'SyncChangeEdge' });

export const SyncDiff = builder.objectRef<SyncRun>('SyncDiff').implement({
  description: 'What a run changed against the previous successful run.',
  fields: (t) => {
    const count = (key: string, description: string) =>
      t.int({ description, resolve: (run) => numbers(run.diff_summary)[key] ?? 0 });
    return {
      summary: t.field({ type: 'JSON', description: 'The full summary as recorded.', resolve: (run) => run.diff_summary ?? {} }),
      grantsAdded: count('grantsAdded', 'Grants that appeared.'),
      grantsRemoved: count('grantsRemoved', 'Grants that disappeared.'),
      accountsAdded: count('accountsAdded', 'Accounts that appeared.'),
      accountsChanged: count('accountsChanged', 'Accounts whose details changed.'),
      accountsRemoved: count('accountsRemoved', 'Accounts no longer in Slack (now DELETED).'),
      resourcesAdded: count('resourcesAdded', 'Resources that appeared.'),
      resourcesRemoved: count('resourcesRemoved', 'Resources no longer in Slack.'),
      changes: t.loadable({
        type: SyncChangeConnection,
        description: 'The individual changes.',
        byPath: true,
        args: { ...t.arg.connectionArgs(), kind: t.arg({ type: [SyncChangeKindEnum], required: false }) },
        load: async (runIds: number[], ctx, args) => {
          const db = ctx.database.db;
          const pages = await changePagesPerRun(db, runIds, args.kind, pageRequest(args));
          const counts = once(() => countChangesPerRun(db, runIds, args.kind));
          return Promise.all(runIds.map((id) => connectionFromPage(args, syncChangeOrder, pages.get(id) ?? [], async () => (await counts()).get(id) ?? 0)));
        },
        resolve: (run) => run.id,
      }),
    };
  },
});

SyncRunRef.implement({
  description: 'One sync of the Slack organization into the gateway.',
  fields: (t) => ({
    number: t.int({ description: 'The run number, as the CLI shows it and syncRun(id:) accepts.', resolve: (r) => r.id }),
    trigger: t.field({ type: SyncTriggerEnum, description: 'What started the run.', resolve: (r) => r.trigger }),
    status: t.field({ type: SyncStatusEnum, description: 'Where the run is in its lifecycle.', resolve: (r) => r.status }),
    phase: t.field({ type: SyncPhaseEnum, nullable: true, description: 'The phase running now (or last, once ended).', resolve: (r) => progressFromRun(r).phase }),
    counts: t.field({ type: [SyncPhaseCount], description: 'Items processed and estimated, per phase.', resolve: (r) => {
      const p = progressFromRun(r);
      return phaseCounts(p.counts, p.estimatedTotals);
    } }),
    done: t.int({ description: 'Items processed in all phases.', resolve: (r) => progressFromRun(r).done }),
    estimatedTotal: t.int({ nullable: true, description: 'Estimated items in all phases, when known.', resolve: (r) => progressFromRun(r).estimatedTotal }),
    percent: t.int({ nullable: true, description: '0–100; null while the total is unknown.', resolve: (r) => progressFromRun(r).percent }),
    slackCalls: t.field({
      type: [SlackMethodCalls],
      description: 'Slack API calls made, by method.',
      resolve: (r) => {
        const calls = numbers(r.slack_calls);
        const limited = numbers(r.slack_rate_limited);
        return [...new Set([...Object.keys(calls), ...Object.keys(limited)])].sort().map((method) => ({ method, calls: calls[method] ?? 0, rateLimited: limited[method] ?? 0 }));
      },
    }),
    slackCallsTotal: t.int({ description: 'Slack API calls made, all methods together.', resolve: (r) => Object.values(numbers(r.slack_calls)).reduce((a, b) => a + b, 0) }),
    rateLimitedTotal: t.int({ description: 'Calls Slack answered with 429.', resolve: (r) => Object.values(numbers(r.slack_rate_limited)).reduce((a, b) => a + b, 0) }),
    requestedBy: t.exposeString('requested_by', { nullable: true, description: 'An API client id, scheduler or cli.' }),
    error: t.exposeString('error', { nullable: true }),
    guard: t.field({ type: 'JSON', nullable: true, description: 'Why deletions were held back (NEEDS_CONFIRMATION), with the numbers.', resolve: (r) => r.guard }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.started_at }),
    heartbeatAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.heartbeat_at }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.finished_at }),
    durationSeconds: t.float({
      nullable: true,
      description: 'From start to end (or to now, while running).',
      resolve: (r) => (r.started_at ? ((r.finished_at ?? new Date()).getTime() - r.started_at.getTime()) / 1000 : null),
    }),
    diff: t.field({ type: SyncDiff, nullable: true, description: 'What changed; null until the run has applied its result.', resolve: (r) => (r.diff_summary ? r : null) }),
  }),
});

const SyncProgress = builder.objectRef<SyncProgressEvent>('SyncProgress').implement({
  description: 'A progress report of a sync run.',
  fields: (t) => ({
    run: t.field({ type: SyncRunRef, resolve: (e) => e.runId }),
    trigger: t.field({ type: SyncTriggerEnum, resolve: (e) => e.trigger }),
    status: t.field({ type: SyncStatusEnum, resolve: (e) => e.status }),
    phase: t.field({ type: SyncPhaseEnum, nullable: true, resolve: (e) => e.phase }),
    counts: t.field({ type: [SyncPhaseCount], resolve: (e) => phaseCounts(e.counts, e.estimatedTotals) }),
    done: t.exposeInt('done'),
    estimatedTotal: t.exposeInt('estimatedTotal', { nullable: true }),
    percent: t.exposeInt('percent', { nullable: true }),
    slackCallsTotal: t.exposeInt('slackCalls', { description: 'Slack API calls made so far, all methods together (as SyncRun.slackCallsTotal).' }),
    slackCalls: t.exposeInt('slackCalls', { deprecationReason: 'Use slackCallsTotal: on SyncRun, slackCalls is the list by method.' }),
    rateLimited: t.exposeInt('rateLimited', { description: 'Calls Slack answered with 429 so far.' }),
    error: t.exposeString('error', { nullable: true }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

const syncReaders = { $any: { read: true, sync: true } } as const;

builder.queryFields((t) => ({
  syncRuns: t.connection(
    {
      type: SyncRunRef,
      description: 'Sync runs, newest first.',
      skipTypeScopes: true,
      authScopes: syncReaders,
      args: { status: t.arg({ type: [SyncStatusEnum], required: false }) },
      resolve: async (_root, args, ctx) => {
        const filter = { statuses: args.status };
        const db = ctx.database.db;
        return keysetConnection(args, syncRunOrder, (page) => syncRunPage(db, filter, page), () => countSyncRuns(db, filter));
      },
    },
    { name: 'SyncRunConnection' },
    { name: 'SyncRunEdge' },
  ),
  syncRun: t.field({
    type: SyncRunRef,
    nullable: true,
    description: 'One sync run, by global id or run number.',
    skipTypeScopes: true,
    authScopes: syncReaders,
    ...byIdArg(t, SYNC_RUN_ID),
  }),
}));

builder.subscriptionField('syncProgress', (t) =>
  t.field({
    type: SyncProgress,
    description: 'Progress of a sync run until it ends. Without runId: the run in progress, or else the next one to start.',
    skipTypeScopes: true,
    authScopes: syncReaders,
    args: { runId: t.arg.id({ required: false, description: 'Global id or run number.' }) },
    subscribe: async function* (_root, args, ctx) {
      const runId = await resolveOptionalIdArg(ctx, args.runId, SYNC_RUN_ID, 'runId');
      if (runId === null) throw new GraphQLError(`runId: there is no sync run ${args.runId}`, { extensions: { code: 'NOT_FOUND' } });
      try {
        yield* followSyncProgress(ctx.database.db, requireBus(ctx), runId ?? null);
      } catch (error) {
        if (error instanceof SyncRunNotFoundError) throw new GraphQLError(`runId: ${error.message}`, { extensions: { code: 'NOT_FOUND' } });
        throw error;
      }
    },
    resolve: (event, _args, ctx) => {
      // A subscription keeps its context (and loader caches) for its whole life: start fresh per event.
      clearAllDataLoaders(ctx);
      return event;
    },
  }),
);

builder.relayMutationField(
  'startSync',
  {
    description: 'Start a full sync (or join the one in progress).',
    inputFields: (t) => ({
      confirmDeletions: t.boolean({
        required: false,
        description: 'Apply deletions that the mass-revocation guard held back in the previous run.',
      }),
    }),
    validate: z.object({ confirmDeletions: z.boolean().nullish() }),
  },
  {
    description: 'Start a full sync now. Returns at once with the run; follow it with syncProgress.',
    skipTypeScopes: true,
    authScopes: { sync: true },
    resolve: (_root, args, ctx): Promise<StartSyncOutcome> =>
      startSyncFor(ctx.database.db, ctx.services.sync, { client: ctx.principal, confirmDeletions: args.input.confirmDeletions === true, origin: originOf(ctx) }),
  },
  {
    name: 'StartSyncPayload',
    outputFields: (t) => ({
      run: t.field({ type: SyncRunRef, nullable: true, description: 'The run started or joined.', resolve: (p) => p.run }),
      errors: t.field({ type: [UserErrorRef], description: 'Expected failures; empty when the sync started.', resolve: (p) => p.errors }),
    }),
  },
);
