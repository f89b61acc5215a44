import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { SyncController } from './types.ts';

/**
 * Service-mode full syncs every `intervalMs`. Every replica runs one; a replica whose timer
 * fires soon after another replica's run started waits for the next slot instead of starting
 * a second sync, and a run already going is joined, never duplicated.
 */
export class SyncScheduler {
  readonly #o: { sync: SyncController; db: Kysely<DB>; intervalMs: number; logger?: Logger };
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #started = false;

  constructor(options: { sync: SyncController; db: Kysely<DB>; intervalMs: number; logger?: Logger }) {
    this.#o = options;
  }

  /** Schedules the first sync: now if the last one is older than the interval (or none ran), else when it is due. */
  async start(): Promise<void> {
    if (this.#o.intervalMs <= 0) return;
    this.#arm(await this.#dueInMs());
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  async #dueInMs(): Promise<number> {
    const last = await this.#o.db.selectFrom('sync_runs').select('created_at').where('trigger', '<>', 'TARGETED').orderBy('id', 'desc').executeTakeFirst();
    if (!last) return 0;
    return Math.max(0, new Date(last.created_at).getTime() + this.#o.intervalMs - Date.now());
  }

  #arm(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#tick(), ms);
  }

  async #tick(): Promise<void> {
    try {
      const due = await this.#dueInMs();
      // Another replica started one meanwhile: wait for the slot after it.
      if (due > 1000) return this.#arm(due);
      const first = !this.#started;
      this.#started = true;
      const run = await this.#o.sync.start({ trigger: first ? 'STARTUP' : 'SCHEDULE', requestedBy: 'scheduler' });
      this.#o.logger?.info({ runId: run.id }, 'scheduled sync started');
    } catch (error) {
      this.#o.logger?.error({ err: error }, 'scheduled sync could not start');
    }
    this.#arm(this.#o.intervalMs);
  }
}
