import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { forgetOnAnnouncement, type EventBus } from '../../events/bus.ts';
import { entitlementsWithResources, type EntitlementWithResource } from './entitlements.ts';

/** How long an entitlement is remembered without a database round trip, at most. */
export const ENTITLEMENT_TRUST_MS = 5000;
const MAX_ENTITLEMENTS = 50_000;

export interface EntitlementCache {
  /** Entitlements with their resources, by id; ids that do not exist are left out. */
  read(ids: readonly number[]): Promise<EntitlementWithResource[]>;
  /** Stops following changes. */
  close(): void;
}

/**
 * Entitlements with their resources, remembered across requests: almost every read of grants
 * shows them, and they change only when a sync or a targeted refresh writes them. Any such write
 * announces itself (a statement-level trigger on the `catalogChanged` topic) and everything
 * remembered is dropped when the announcement arrives; should the listening connection drop,
 * `trustMs` is the bound. Without an event bus nothing is remembered.
 */
export function createEntitlementCache(db: Kysely<DB>, bus: EventBus | undefined, options: { trustMs?: number } = {}): EntitlementCache {
  const trustMs = options.trustMs ?? ENTITLEMENT_TRUST_MS;
  if (!bus || trustMs <= 0) return { read: (ids) => entitlementsWithResources(db, ids), close: () => {} };
  const known = new Map<number, { row: EntitlementWithResource; until: number }>();
  // Bumped by every announcement: a read that raced one is not remembered.
  let generation = 0;
  const forget = () => {
    generation++;
    known.clear();
  };
  const stopFollowing = forgetOnAnnouncement(bus, 'catalogChanged', forget);

  return {
    async read(ids) {
      const now = Date.now();
      const found: EntitlementWithResource[] = [];
      const missing: number[] = [];
      for (const id of ids) {
        const entry = known.get(id);
        if (entry && entry.until > now) found.push(entry.row);
        else missing.push(id);
      }
      if (missing.length === 0) return found;
      const before = generation;
      const rows = await entitlementsWithResources(db, missing);
      if (generation === before) {
        if (known.size + rows.length > MAX_ENTITLEMENTS) known.clear();
        for (const row of rows) known.set(row.id, { row, until: now + trustMs });
      }
      return found.concat(rows);
    },
    close() {
      stopFollowing();
      known.clear();
    },
  };
}
