import type { Kysely } from 'kysely';
import type { DB, RequestState } from '../../db/schema.ts';
import type { EventBus } from '../../events/bus.ts';

/** A request's state as announced: the state the event carries, not what the row holds by the time it is read. */
export interface RequestStateChange {
  id: number;
  state: RequestState;
}

/** Position in the lifecycle PENDING -> APPROVED -> PROVISIONING -> GRANTED/FAILED -> ended. */
const STATE_RANK: Record<RequestState, number> = { PENDING: 0, APPROVED: 1, PROVISIONING: 2, GRANTED: 3, FAILED: 3, DENIED: 4, CANCELLED: 4, EXPIRED: 4, REVOKED: 4 };

/** A request in one of these states never changes again. */
const ENDED: readonly RequestState[] = ['DENIED', 'CANCELLED', 'EXPIRED', 'REVOKED'];

/** A state the request has already left, given where it is now (a retry takes FAILED back to APPROVED). */
function isEarlierState(state: RequestState, now: RequestState): boolean {
  if (now === 'FAILED' && state === 'APPROVED') return false;
  return STATE_RANK[state] < STATE_RANK[now];
}

/**
 * Follows one request: its state now, then each state it moves to, until it has ended (DENIED,
 * CANCELLED, EXPIRED or REVOKED). Undefined when there is no such request.
 */
export async function followRequest(db: Kysely<DB>, bus: EventBus, requestId: number): Promise<AsyncGenerator<RequestStateChange> | undefined> {
  // Listen first, then read the state: a change made in between is heard, not missed.
  const events = bus.subscribe('requestUpdated');
  let first: RequestStateChange | undefined;
  try {
    first = await db.selectFrom('requests').select(['id', 'state']).where('id', '=', requestId).executeTakeFirst();
  } finally {
    if (!first) await events.return?.();
  }
  if (!first) return undefined;
  const start = first;
  return (async function* () {
    try {
      // Each event carries the state it announces: that state is sent, not whatever the row holds
      // by the time it is read (a fast APPROVED -> PROVISIONING was sent as PROVISIONING twice).
      yield start;
      let last = start.state;
      if (ENDED.includes(last)) return;
      for await (const event of events) {
        if (event.requestId !== start.id || event.state === last) continue;
        // Heard between listening and the first read: already reported by that read.
        if (isEarlierState(event.state, last)) continue;
        last = event.state;
        yield { id: start.id, state: event.state };
        if (ENDED.includes(last)) return;
      }
    } finally {
      await events.return?.();
    }
  })();
}
