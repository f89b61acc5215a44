import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pendingEvents, type LiveCacheObserver } from './liveCache.ts';

/** Rows a full sync changed that events should have changed already: the events' misses. */
export function driftOf(summary: unknown): number {
  const s = (summary ?? {}) as Record<string, unknown>;
  if (s.detailed === false) return 0;
  const n = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : 0);
  return n('grantsAdded') + n('grantsRemoved') + n('accountsAdded') + n('accountsChanged') + n('accountsRemoved');
}

/**
 * The live cache's metrics on a registry: events received (by type and outcome: queued,
 * duplicate, ignored), applied (APPLIED, STALE, IGNORED, FAILED), the lag from Slack's event time
 * to applied, the queue's depth and the drift the last full sync found (read on scrape).
 */
export function registerLiveCacheMetrics(registry: Registry, db: () => Kysely<DB> | undefined): LiveCacheObserver {
  // One set per registry: a second service in the same process (tests) counts into the same series.
  const known = registry.getSingleMetric('slackgate_events_received_total');
  const { received, applied, lag } = known
    ? {
        received: known as Counter<'type' | 'outcome'>,
        applied: registry.getSingleMetric('slackgate_events_applied_total') as Counter<'type' | 'outcome'>,
        lag: registry.getSingleMetric('slackgate_events_lag_seconds') as Histogram,
      }
    : createLiveCacheMetrics(registry, db);
  return {
    received: (type, outcome) => received.inc({ type, outcome }),
    applied: (type, outcome, lagSeconds) => {
      applied.inc({ type, outcome });
      if (outcome === 'APPLIED') lag.observe(lagSeconds);
    },
  };
}

function createLiveCacheMetrics(registry: Registry, db: () => Kysely<DB> | undefined) {
  const received = new Counter({
    name: 'slackgate_events_received_total',
    help: 'Slack events received, by type and outcome (queued; duplicate = an event_id seen before; ignored = not followed)',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const applied = new Counter({
    name: 'slackgate_events_applied_total',
    help: 'Slack events applied to the cache, by type and outcome (APPLIED; STALE = older than the state it would change; IGNORED; FAILED)',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'slackgate_events_lag_seconds',
    help: 'From the event in Slack (event_ts) to its change committed in the cache',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300],
    registers: [registry],
  });
  databaseGauge(registry, db, 'slackgate_events_pending', 'Slack events received and not yet applied (database)', pendingEvents);
  databaseGauge(registry, db, 'slackgate_sync_drift_rows', 'Grant and account rows the last successful full sync had to change (rows events missed or got wrong) (database)', async (handle) => {
    const row = await handle
      .selectFrom('sync_runs')
      .select('diff_summary')
      .where('status', '=', 'SUCCEEDED')
      .where('trigger', '<>', 'TARGETED')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? driftOf(row.diff_summary) : 0;
  });
  return { received, applied, lag };
}

/** A gauge read from the database on each scrape: nothing while no database is open, 0 when the read fails. */
function databaseGauge(registry: Registry, db: () => Kysely<DB> | undefined, name: string, help: string, read: (handle: Kysely<DB>) => Promise<number>): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      const handle = db();
      if (!handle) return;
      this.set(await read(handle).catch(() => 0));
    },
  });
}
