import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sql } from 'kysely';
import type { GatewayProvisioningService } from './access/provisioning/index.ts';
import type { Database } from './db/createDb.ts';
import type { SlackCallStats } from './slack/stats.ts';
import type { SyncProgressEvent } from './sync/types.ts';

// What /metrics serves. Every instrument lives in one Registry per Metrics instance (never
// prom-client's global one): tests start several gateways in one process, and each must count
// only its own traffic. A `serve` process has exactly one instance, `metrics` below.

/** Outcomes of grants, revokes and account-status changes made in Slack. */
export type ProvisioningKind = 'GRANT' | 'REVOKE' | 'ACCOUNT_STATUS' | (string & {});

/** Names of operations kept as label values; past this many distinct names the rest count as `other`. */
const MAX_OPERATION_NAMES = 200;

/** A counter of this registry, by the given labels. */
function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return new Counter({ name, help, labelNames, registers: [registry] });
}

/** A histogram of this registry, by the given labels, with these bucket bounds. */
function histogram<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
  return new Histogram({ name, help, labelNames, buckets, registers: [registry] });
}

export class Metrics {
  readonly registry = new Registry();

  readonly syncRuns = counter(this.registry, 'slackgate_sync_runs_total', 'Sync runs finished by this process, by trigger and final status', ['trigger', 'status']);

  readonly syncDuration = histogram(this.registry, 'slackgate_sync_duration_seconds', 'Wall time of sync runs finished by this process, by trigger and final status (a run resumed after a restart counts from its resumption)', ['trigger', 'status'], [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200]);

  readonly syncItems = new Gauge({
    name: 'slackgate_sync_items',
    help: 'Items processed by phase in the sync run this process is executing or executed last',
    labelNames: ['phase'] as const,
    registers: [this.registry],
  });

  readonly syncRunning = new Gauge({
    name: 'slackgate_sync_running',
    help: '1 while this process executes a sync run',
    registers: [this.registry],
  });

  readonly slackCalls = counter(this.registry, 'slackgate_slack_calls_total', 'Slack Web API and SCIM calls made by this process, by method and outcome (ok, rate_limited = HTTP 429, error)', ['method', 'outcome']);

  readonly graphqlDuration = histogram(this.registry, 'slackgate_graphql_operation_duration_seconds', 'Execution time of GraphQL queries and mutations (subscriptions: time to set up), by operation type and name', ['type', 'operation'], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

  readonly graphqlErrors = counter(this.registry, 'slackgate_graphql_errors_total', 'GraphQL operations answered with errors, by the stage that failed (parse, validate, execute; execute counts responses with any error)', ['type', 'operation', 'stage']);

  readonly httpRequests = histogram(this.registry, 'slackgate_http_request_duration_seconds', 'HTTP requests served, by route and status code', ['method', 'route', 'status'], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

  /** Provisioning code calls `metrics.provisioningOutcomes.inc({ kind: 'GRANT', result: 'GRANTED' })`. */
  readonly provisioningOutcomes = counter(this.registry, 'slackgate_provisioning_outcomes_total', 'Grants, revokes and account-status changes attempted in Slack, by kind and result (GRANTED, ALREADY_GRANTED, REVOKED, ALREADY_REVOKED, FAILED, …)', ['kind', 'result']);

  readonly slackAppDeliveries = counter(this.registry, 'slackgate_slack_app_deliveries_total', 'Deliveries from Slack to the app surface, by transport (socket, http) and outcome (accepted; duplicate = taken by another replica; bad_signature, stale, unsigned, malformed = refused)', ['transport', 'outcome']);

  #database: Database | undefined;
  readonly #operationNames = new Set<string>();
  readonly #runStarted = new Map<number, number>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const self = this;
    // Read from the database on scrape, so every replica reports the organization's state.
    new Gauge({
      name: 'slackgate_job_queue_depth',
      help: 'Durable jobs (expiry revokes, provisioning follow-ups) by kind and state: due = waiting for a worker, scheduled = due later, running = claimed',
      labelNames: ['kind', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const db = self.#database?.db;
        if (!db) return;
        const rows = await sql<{ kind: string; state: string; n: string | number }>`
          select kind,
                 case when state = 'RUNNING' then 'running' when run_at <= now() then 'due' else 'scheduled' end as state,
                 count(*) as n
          from jobs where state in ('PENDING', 'RUNNING') group by 1, 2`
          .execute(db)
          .catch(() => ({ rows: [] }));
        for (const row of rows.rows) this.set({ kind: row.kind, state: row.state }, Number(row.n));
      },
    });
    new Gauge({
      name: 'slackgate_sync_last_success_timestamp_seconds',
      help: 'When the last successful sync (any replica) finished, as a Unix time; 0 when none has',
      registers: [this.registry],
      async collect() {
        const db = self.#database?.db;
        if (!db) return;
        const last = await lastSuccessfulSync(db).catch(() => undefined);
        this.set(last ? last.getTime() / 1000 : 0);
      },
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'slackgate_' });
  }

  /** The database the scrape-time gauges (job queue, last sync) read. */
  useDatabase(database: Database): void {
    this.#database = database;
  }

  /** Counts every Slack call `stats` records from now on; returns the unsubscribe function. */
  watchSlackCalls(stats: SlackCallStats): () => void {
    const listener = (method: string, outcome: 'ok' | 'rate_limited' | 'error') => this.slackCalls.inc({ method, outcome });
    stats.listeners.add(listener);
    return () => stats.listeners.delete(listener);
  }

  /** Feeds the sync engine's progress events (those of runs this process executes). */
  observeSync(event: SyncProgressEvent): void {
    if (!this.#runStarted.has(event.runId)) {
      this.#runStarted.set(event.runId, Date.now());
      this.syncItems.reset();
    }
    for (const [phase, n] of Object.entries(event.counts)) this.syncItems.set({ phase }, n ?? 0);
    if (event.status === 'RUNNING' || event.status === 'QUEUED') {
      this.syncRunning.set(1);
      return;
    }
    const started = this.#runStarted.get(event.runId) ?? Date.now();
    this.#runStarted.delete(event.runId);
    this.syncRunning.set(0);
    this.syncRuns.inc({ trigger: event.trigger, status: event.status });
    this.syncDuration.observe({ trigger: event.trigger, status: event.status }, Math.max(0, Date.now() - started) / 1000);
  }

  /** An operation name as a label value: bounded, so clients cannot grow the series without limit. */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (this.#operationNames.has(name)) return name;
    if (this.#operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.#operationNames.add(name);
    return name;
  }

  /** The text exposition for a scrape. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

export async function lastSuccessfulSync(db: Database['db']): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sync_runs')
    .select('finished_at')
    .where('status', '=', 'SUCCEEDED')
    .where('trigger', '<>', 'TARGETED')
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.finished_at ? new Date(row.finished_at) : undefined;
}

/**
 * The provisioning service with every outcome counted in `slackgate_provisioning_outcomes_total`
 * (the API's mutations, approved requests, expiry and review revokes all go through it): the
 * result, or the first error's code when it failed.
 */
export function countingProvisioningOutcomes(service: GatewayProvisioningService, metrics: Metrics): GatewayProvisioningService {
  const count = async <T extends { result?: string; errors: { code: string }[] }>(kind: ProvisioningKind, outcome: Promise<T>): Promise<T> => {
    try {
      const done = await outcome;
      metrics.provisioningOutcomes.inc({ kind, result: done.result ?? done.errors[0]?.code ?? 'FAILED' });
      return done;
    } catch (error) {
      metrics.provisioningOutcomes.inc({ kind, result: 'ERROR' });
      throw error;
    }
  };
  return {
    grant: (input) => count('GRANT', service.grant(input)),
    revoke: (input) => count('REVOKE', service.revoke(input)),
    setAccountStatus: (input) => count('ACCOUNT_STATUS', service.setAccountStatus(input)),
  };
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  return new Metrics(options);
}

/**
 * This process's instruments: what `slackgate serve` exposes at /metrics, and what code outside a
 * request (provisioning, jobs) increments, e.g. `metrics.provisioningOutcomes.inc({ kind, result })`.
 */
export const metrics = createMetrics({ processMetrics: true });
