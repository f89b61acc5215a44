import type { Kysely } from 'kysely';
import type { DB, OutsideGrantsPolicy } from '../../db/schema.ts';
import { pendingEvents } from '../../live/liveCache.ts';
import type { LiveCacheStatus } from '../context.ts';

/** Each entitlement's policy for access granted in Slack outside slackgate, in the order of `ids`; ALLOW for ids that name nothing. */
export async function outsideGrantsPolicies(db: Kysely<DB>, ids: readonly number[]): Promise<OutsideGrantsPolicy[]> {
  const rows = await db.selectFrom('entitlements').select(['id', 'outside_grants']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r.outside_grants]));
  return ids.map((id) => byId.get(id) ?? 'ALLOW');
}

/** `connector.events` of a gateway that does not apply Slack's events itself: only the shared queue's depth. */
export async function eventsNotApplied(db: Kysely<DB>): Promise<LiveCacheStatus> {
  return { transports: [], started: false, pending: await pendingEvents(db), lastReceivedAt: null, lastAppliedAt: null };
}
