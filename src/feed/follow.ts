import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import { changesAfter, type AccessChangeFilter, type AccessChangeRow } from './read.ts';
import { feedHead } from './sequencer.ts';

const PAGE = 500;

/**
 * The change feed from `after` on (from now when null), then live, for as long as the caller
 * reads. Listens before it reads the backlog, and reads every batch from the table by sequence
 * number: the bus's announcements only say when to look, so an announcement lost or late (a
 * reconnect) costs a moment, never a change; nothing is yielded twice or skipped.
 */
export async function* followAccessChanges(
  db: Kysely<DB>,
  bus: EventBus,
  filter: AccessChangeFilter,
  after: number | null,
  signal?: AbortSignal,
): AsyncGenerator<AccessChangeRow> {
  const announcements = bus.subscribe('accessFeed', { signal });
  let wake = false;
  const stopResync = bus.onResync(() => {
    wake = true;
  });
  try {
    let cursor = after ?? (await feedHead(db));
    let known = cursor;
    const drain = async function* (): AsyncGenerator<AccessChangeRow> {
      for (;;) {
        const rows = await changesAfter(db, filter, cursor, PAGE);
        for (const row of rows) {
          cursor = row.seq;
          yield row;
        }
        if (rows.length < PAGE) return;
      }
    };
    yield* drain();
    for await (const announced of announcements) {
      // A filtered follower skips announcements that cannot hold anything new for it.
      if (announced.head <= known && !wake) continue;
      wake = false;
      known = Math.max(known, announced.head);
      yield* drain();
    }
  } finally {
    stopResync();
    await announcements.return?.();
  }
}
