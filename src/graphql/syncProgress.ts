import type { Kysely } from 'kysely';
import type { DB, SyncRun } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import { SYNC_PHASES, type SyncPhase, type SyncProgressEvent } from '../sync/types.ts';
import { activeSyncRun, FINAL_STATUSES, syncRunById } from './read/syncRuns.ts';

function numbers(value: unknown): Record<string, number> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

function phaseNumbers(value: unknown): Partial<Record<SyncPhase, number>> {
  const all = numbers(value);
  return Object.fromEntries(SYNC_PHASES.filter((p) => p in all).map((p) => [p, all[p]])) as Partial<Record<SyncPhase, number>>;
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** A run's progress as recorded in its row, in the shape of the engine's live events. */
export function progressFromRun(run: SyncRun): SyncProgressEvent {
  const counts = phaseNumbers(run.counts);
  const estimatedTotals = phaseNumbers(run.estimated_totals);
  const done = sum(counts);
  const estimated = Object.keys(estimatedTotals).length > 0 ? sum(estimatedTotals) : null;
  const finished = run.status === 'SUCCEEDED';
  const estimatedTotal = estimated === null ? null : Math.max(estimated, done);
  const percent = finished ? 100 : estimatedTotal ? Math.min(99, Math.floor((done / estimatedTotal) * 100)) : null;
  return {
    runId: run.id,
    trigger: run.trigger,
    status: run.status,
    phase: (SYNC_PHASES as readonly string[]).includes(run.phase ?? '') ? (run.phase as SyncPhase) : null,
    counts,
    estimatedTotals,
    done,
    estimatedTotal,
    percent,
    slackCalls: sum(numbers(run.slack_calls)),
    rateLimited: sum(numbers(run.slack_rate_limited)),
    error: run.error,
    at: (run.heartbeat_at ?? run.finished_at ?? run.started_at ?? run.created_at).toISOString(),
  };
}

export class SyncRunNotFoundError extends Error {}

/**
 * Progress of one run (or, without a run id, of the run in progress or the next one to start),
 * until it ends. Listens before reading the current state, so nothing in between is missed;
 * the first value is the state as recorded, then the engine's events follow.
 */
export async function* followSyncProgress(db: Kysely<DB>, bus: EventBus, runId: number | null, signal?: AbortSignal): AsyncGenerator<SyncProgressEvent> {
  const events = bus.subscribe('syncProgress', { signal });
  // Events may have been missed while the bus reconnected: re-read the row then.
  let resync = false;
  const stopResync = bus.onResync(() => {
    resync = true;
  });
  try {
    let target = runId;
    let lastDone = -1;
    const current = target !== null ? await syncRunById(db, target) : await activeSyncRun(db);
    if (target !== null && !current) throw new SyncRunNotFoundError(`there is no sync run ${target}`);
    if (current) {
      target = current.id;
      const state = progressFromRun(current);
      yield state;
      if (FINAL_STATUSES.includes(current.status)) return;
      lastDone = state.done;
    }
    for await (const event of events) {
      if (resync && target !== null) {
        resync = false;
        const row = await syncRunById(db, target);
        if (row && FINAL_STATUSES.includes(row.status)) {
          yield progressFromRun(row);
          return;
        }
      }
      // Following "the next run": adopt the first run that reports progress, not a run that is
      // just reporting its end.
      if (target === null) {
        if (FINAL_STATUSES.includes(event.status)) continue;
        target = event.runId;
      }
      if (event.runId !== target) continue;
      const final = FINAL_STATUSES.includes(event.status);
      // An event published before the state read above may arrive after it: never go back.
      if (!final && event.done < lastDone) continue;
      lastDone = event.done;
      yield event;
      if (final) return;
    }
  } finally {
    stopResync();
    await events.return?.();
  }
}
