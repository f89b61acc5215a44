import type { Database } from '../../src/db/createDb.ts';
import type { SlackConnection } from '../../src/slack/connection.ts';
import { SyncEngine } from '../../src/sync/engine.ts';

/** Fills the cache from the simulator with one full sync. */
export async function syncOnce(database: Database, connection: SlackConnection): Promise<void> {
  const engine = new SyncEngine({ database, connection, ssoEnabled: true, deletionThreshold: 0.5 });
  const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
  await engine.close();
  if (run.status !== 'SUCCEEDED') throw new Error(`sync ended ${run.status}: ${run.error}`);
}
