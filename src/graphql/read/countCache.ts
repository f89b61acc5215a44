import { forgetOnAnnouncement, type EventBus } from '../../events/bus.ts';

/** How long a count is remembered without a database round trip, at most. */
export const COUNT_TRUST_MS = 5000;
const MAX_COUNTS = 100_000;

export interface CountCache {
  /**
   * Counts under `scope` (what is counted, with its filter) for each key (a parent id); those not
   * remembered come from one call of `compute` with all of them.
   */
  many<K extends number>(scope: string, keys: readonly K[], compute: (missing: K[]) => Promise<Map<K, number>>): Promise<Map<K, number>>;
  /** One count under `scope`. */
  one(scope: string, compute: () => Promise<number>): Promise<number>;
  /** Stops following changes. */
  close(): void;
}

/**
 * Counts (totalCount, grantCount, the counts of nested connections) remembered across requests:
 * on large tables a count reads every matching row, and a page of 50 accounts or entitlements
 * asks for 50 of them. Any statement that changes grants or accounts (`accessChanged`) or the
 * catalog (`catalogChanged`) announces itself through a trigger, and everything remembered is
 * dropped when the announcement arrives; should the listening connection drop, `trustMs` is the
 * bound. Without an event bus, or with trustMs 0, nothing is remembered.
 */
export function createCountCache(bus: EventBus | undefined, options: { trustMs?: number } = {}): CountCache {
  const trustMs = options.trustMs ?? COUNT_TRUST_MS;
  if (!bus || trustMs <= 0) {
    return { many: (_scope, keys, compute) => compute([...keys]), one: (_scope, compute) => compute(), close: () => {} };
  }
  const known = new Map<string, { n: number; until: number }>();
  // Bumped by every announcement: a count that raced one is not remembered.
  let generation = 0;
  const forget = () => {
    generation++;
    known.clear();
  };
  const stops = [forgetOnAnnouncement(bus, 'accessChanged', forget), forgetOnAnnouncement(bus, 'catalogChanged', forget)];
  const remember = (key: string, n: number, until: number) => {
    if (known.size >= MAX_COUNTS) known.clear();
    known.set(key, { n, until });
  };

  return {
    async many(scope, keys, compute) {
      const now = Date.now();
      const out = new Map<(typeof keys)[number], number>();
      const missing: (typeof keys)[number][] = [];
      for (const key of keys) {
        const entry = known.get(`${scope}\u0000${key}`);
        if (entry && entry.until > now) out.set(key, entry.n);
        else missing.push(key);
      }
      if (missing.length === 0) return out;
      const before = generation;
      const computed = await compute(missing);
      for (const key of missing) {
        const n = computed.get(key) ?? 0;
        out.set(key, n);
        if (generation === before) remember(`${scope}\u0000${key}`, n, now + trustMs);
      }
      return out;
    },
    async one(scope, compute) {
      const now = Date.now();
      const entry = known.get(scope);
      if (entry && entry.until > now) return entry.n;
      const before = generation;
      const n = await compute();
      if (generation === before) remember(scope, n, now + trustMs);
      return n;
    },
    close() {
      for (const stop of stops) stop();
      known.clear();
    },
  };
}

/** One count, remembered when the request has a count cache. */
export function remembered(counts: CountCache | undefined, scope: string, compute: () => Promise<number>): Promise<number> {
  return counts ? counts.one(scope, compute) : compute();
}
