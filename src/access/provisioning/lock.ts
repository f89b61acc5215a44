import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/createDb.ts';
import type { DB } from '../../db/schema.ts';

// Writes to one resource are serialised across requests and replicas.
// Postgres: a session advisory lock keyed by the resource, held on one pooled connection for the
// read-modify-write; the cache writes of the critical section go through that same connection,
// so a holder never waits for a second one from the pool. No transaction stays open while Slack
// is called. PGlite serves one process through one connection, which must not be held while
// Slack answers, so an in-process queue per resource stands in for the lock there.

const LOCK_NAMESPACE = 0x5ac6; // pg_advisory_lock(namespace, key): "a slackgate resource write" in pg_locks

const embeddedQueues = new WeakMap<object, Map<number, Promise<unknown>>>();

/** Runs `fn` holding the write lock of resource `key`; `fn` gets the database handle to write through. */
export async function withResourceLock<T>(database: Database, key: number, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (database.backend === 'pglite') {
    let queues = embeddedQueues.get(database.db);
    if (!queues) {
      queues = new Map();
      embeddedQueues.set(database.db, queues);
    }
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(
      () => fn(database.db),
      () => fn(database.db),
    );
    const tail = run.catch(() => undefined);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  }
  const lockKey = key % 2_147_483_647;
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${LOCK_NAMESPACE}::int4, ${lockKey}::int4)`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      // A connection lost meanwhile took its session lock with it.
      await sql`select pg_advisory_unlock(${LOCK_NAMESPACE}::int4, ${lockKey}::int4)`.execute(conn).catch(() => undefined);
    }
  });
}
