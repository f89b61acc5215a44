import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { useTestDatabase, type TestDatabase } from './db.ts';
import { configFor, connectionFor } from './slack.ts';

export interface BulkLoadFixture {
  t: TestDatabase;
  /** Every statement the test database was sent, in order; a test may empty it. */
  statements: string[];
  readonly sim: RunningSimulator;
  readonly engine: SyncEngine;
}

/**
 * A small Business+ organization and a sync engine that takes the apply's bulk-load path
 * (apply.ts, withIndexesBuiltAfter) from one row on, where real syncs take it from 10,000: the
 * file's own database, with the statements sent to it recorded.
 */
export function useBulkLoadFixture(): BulkLoadFixture {
  const statements: string[] = [];
  const t = useTestDatabase({ onQuery: (event) => void statements.push(event.query.sql) });
  let sim: RunningSimulator | undefined;
  let engine: SyncEngine | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ plan: 'business-plus', seed: 9, users: 80, userGroups: 6, idpGroups: 2, channels: 5 });
    engine = new SyncEngine({ database: t.database, connection: connectionFor(configFor(sim)), ssoEnabled: true, deletionThreshold: 0.5, bulkLoadMin: 1 });
  });
  afterAll(async () => {
    await engine?.close();
    await sim?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('bulk-load fixture used outside a test');
    return value;
  };
  return {
    t,
    statements,
    get sim() {
      return started(sim);
    },
    get engine() {
      return started(engine);
    },
  };
}
