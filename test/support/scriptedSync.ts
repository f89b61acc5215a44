import type { Kysely } from 'kysely';
import type { DB, SyncRun, SyncStatus } from '../../src/db/schema.ts';
import type { EventBus } from '../../src/events/bus.ts';
import type { StartSyncOptions, SyncController, SyncProgressEvent } from '../../src/sync/types.ts';

/**
 * A stand-in for the sync engine (built elsewhere): it records runs in sync_runs and reports
 * progress through the real event bus, the way the engine does.
 */
export class ScriptedSync implements SyncController {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly bus: EventBus,
  ) {}

  async start(options: StartSyncOptions): Promise<SyncRun> {
    const active = await this.db.selectFrom('sync_runs').selectAll().where('status', 'in', ['QUEUED', 'RUNNING']).executeTakeFirst();
    if (active) return active;
    return this.db
      .insertInto('sync_runs')
      .values({ trigger: options.trigger, status: 'RUNNING', phase: 'accounts', requested_by: options.requestedBy ?? null, started_at: new Date(), estimated_totals: JSON.stringify({ accounts: 200 }) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async waitFor(runId: number): Promise<SyncRun> {
    return this.db.selectFrom('sync_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  }

  /** Records progress of a run and publishes it. */
  async report(run: SyncRun, done: number, status: SyncStatus = 'RUNNING'): Promise<void> {
    const finished = status !== 'RUNNING';
    await this.db
      .updateTable('sync_runs')
      .set({ status, counts: JSON.stringify({ accounts: done }), heartbeat_at: new Date(), ...(finished ? { finished_at: new Date(), phase: 'apply' } : {}) })
      .where('id', '=', run.id)
      .execute();
    const event: SyncProgressEvent = {
      runId: run.id,
      trigger: run.trigger,
      status,
      phase: finished ? 'apply' : 'accounts',
      counts: { accounts: done },
      estimatedTotals: { accounts: 200 },
      done,
      estimatedTotal: 200,
      percent: status === 'SUCCEEDED' ? 100 : Math.floor((done / 200) * 100),
      slackCalls: done / 100,
      rateLimited: 0,
      error: null,
      at: new Date().toISOString(),
    };
    await this.bus.publish('syncProgress', event);
  }

  /** Reports progress again and again until `until` settles: for subscribers that cannot signal they are listening. */
  async reportUntil(run: SyncRun, until: Promise<unknown>): Promise<void> {
    let settled = false;
    void until.finally(() => {
      settled = true;
    });
    for (let done = 10; !settled; done += 1) {
      await this.report(run, done);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
