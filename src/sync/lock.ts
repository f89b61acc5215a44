import { sql } from 'kysely';
import type { Database } from '../db/createDb.ts';

// One sync at a time per organization, across every process sharing the database.
// Postgres: a session-level advisory lock held on a dedicated pooled connection for the run.
// PGlite serves a single process, and holding its only connection would block every other
// query, so an in-process lock stands in for it there.

const SYNC_LOCK_KEY = 0x5ac6a7e; // any constant; names "the slackgate sync" in pg_locks

export interface SyncLock {
  release(): Promise<void>;
}

const embeddedLocks = new WeakMap<object, boolean>();

/** Takes the sync lock if nobody holds it; undefined otherwise. */
export async function tryAcquireSyncLock(database: Database): Promise<SyncLock | undefined> {
  if (database.backend === 'pglite') {
    if (embeddedLocks.get(database.db)) return undefined;
    embeddedLocks.set(database.db, true);
    return { release: async () => void embeddedLocks.delete(database.db) };
  }
  let resolveHeld!: () => void;
  const held = new Promise<void>((r) => (resolveHeld = r));
  let acquired!: (ok: boolean) => void;
  const result = new Promise<boolean>((r) => (acquired = r));
  const session = database.db
    .connection()
    .execute(async (conn) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${SYNC_LOCK_KEY}) as locked`.execute(conn);
      const ok = rows[0]?.locked === true;
      acquired(ok);
      if (!ok) return;
      await held;
      await sql`select pg_advisory_unlock(${SYNC_LOCK_KEY})`.execute(conn);
    })
    .catch(() => acquired(false));
  if (!(await result)) {
    await session;
    return undefined;
  }
  return {
    release: async () => {
      resolveHeld();
      await session;
    },
  };
}
