import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Database } from '../db/createDb.ts';
import type { SyncRun } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { SlackCallStats } from '../slack/stats.ts';
import type { RunExecutor } from './engine.ts';
import type { SyncProgressPublisher } from './types.ts';
import type { SyncWorkerData, SyncWorkerMessage } from './worker.ts';

export interface WorkerExecutorOptions {
  database: Database;
  databaseUrl: string;
  slack: Config['slack'];
  minuteMs?: number;
  ssoEnabled: boolean;
  deletionThreshold: number;
  log: Config['log'];
  publish?: SyncProgressPublisher;
  /** Where the worker's Slack calls are counted as well (the service's connection). */
  stats?: SlackCallStats;
  logger?: Logger;
  /**
   * The worker's own pool. Small on purpose: a sync's statements then hold at most this many of
   * Postgres' backends, and the API's pool keeps the rest for reads.
   */
  poolSize?: number;
}

/**
 * A worker running the worker module: dist/sync-worker.js in the compiled build, else the
 * TypeScript source, loaded through tsx registered in the worker itself (a worker does not
 * take `--import` from its options).
 */
function startWorker(workerData: SyncWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sync-worker.js', import.meta.url), { workerData });
  const source = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData });
}

/**
 * Runs each sync in a worker thread with its own pool and Slack connection, so that reading
 * Slack, mapping its pages and staging them never take the API's event loop. The parent keeps the
 * sync lock and publishes the worker's progress events. A worker that dies without a final row
 * fails its run (with the reason), so a crash is not retried forever.
 */
export function workerExecutor(options: WorkerExecutorOptions): RunExecutor {
  return (run, signal) =>
    new Promise<SyncRun>((resolve) => {
      const { slack } = options;
      const data: SyncWorkerData = {
        run,
        databaseUrl: options.databaseUrl,
        poolSize: options.poolSize ?? 2,
        slack: { ...slack, token: slack.token?.reveal(), businessPlusToken: slack.businessPlusToken?.reveal(), enterpriseToken: slack.enterpriseToken?.reveal() },
        minuteMs: options.minuteMs,
        ssoEnabled: options.ssoEnabled,
        deletionThreshold: options.deletionThreshold,
        log: options.log,
      };
      const worker = startWorker(data);
      let final: SyncRun | undefined;
      let failure: Error | undefined;
      const abort = () => worker.postMessage({ type: 'abort' });
      signal.addEventListener('abort', abort, { once: true });
      if (signal.aborted) abort();
      worker.on('message', (message: SyncWorkerMessage) => {
        if (message.type === 'progress') options.publish?.(message.event);
        else if (message.type === 'slackCalls') for (const call of message.calls) options.stats?.record(call.method, call.outcome, call.key);
        else final = message.run;
      });
      worker.on('error', (error) => (failure = error));
      worker.on('exit', (code) => {
        signal.removeEventListener('abort', abort);
        if (final) return resolve(final);
        const reason = failure?.message ?? `exited with code ${code}`;
        options.logger?.error({ runId: run.id, err: reason }, 'sync worker died');
        void options.database.db
          .updateTable('sync_runs')
          .set({ status: 'FAILED', error: `sync worker died: ${reason}`, finished_at: new Date() })
          .where('id', '=', run.id)
          .returningAll()
          .executeTakeFirstOrThrow()
          .then(resolve, () => resolve({ ...run, status: 'FAILED', error: `sync worker died: ${reason}` }));
      });
    });
}
