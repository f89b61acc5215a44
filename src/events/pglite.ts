import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { NotifyBackend } from './backend.ts';

/**
 * LISTEN/NOTIFY inside an embedded PGlite: one process, so nothing to reconnect. PGlite has a
 * single session, shared with the Kysely dialect; statements go through the dialect's
 * connection so a LISTEN or NOTIFY never lands inside someone else's open transaction (where a
 * rollback would undo it).
 */
export function createPgliteNotifyBackend(pglite: PGlite, db: Kysely<DB>): NotifyBackend {
  const stops = new Set<() => Promise<void>>();
  return {
    async listen(channel, onPayload) {
      const unlisten = await db.connection().execute(() => pglite.listen(channel, onPayload));
      const stop = async () => {
        if (!stops.delete(stop)) return;
        if (!pglite.closed) await db.connection().execute(() => unlisten());
      };
      stops.add(stop);
      return stop;
    },
    async notify(channel, payload) {
      await sql`select pg_notify(${channel}, ${payload})`.execute(db);
    },
    async close() {
      await Promise.all([...stops].map((stop) => stop().catch(() => {})));
    },
  };
}
