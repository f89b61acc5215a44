import type { Tier } from './web/method.ts';

/** Calls per Slack minute for each tier. */
export const TIER_LIMITS: Record<Exclude<Tier, 'special'>, number> = { 1: 1, 2: 20, 3: 50, 4: 100 };

/**
 * SCIM budgets, org-wide across all apps: 600 writes and 1000 reads per minute overall, and the
 * per-endpoint limits Slack documents.
 */
export const SCIM_LIMITS = {
  writes: 600,
  reads: 1000,
  perEndpoint: {
    'scim.users.get': 300,
    'scim.groups.get': 300,
    'scim.users.create': 180,
    'scim.users.put': 180,
    'scim.users.patch': 180,
    'scim.users.delete': 180,
    'scim.groups.create': 180,
    'scim.groups.delete': 180,
    'scim.groups.put': 180,
    'scim.groups.patch': 180,
  } as Record<string, number>,
};

/**
 * Sliding one-minute windows keyed by whatever the caller chooses (Slack: token × team × method).
 * `timeScale` N makes a Slack minute last 60/N seconds, so rate-limited behaviour is testable fast;
 * `Retry-After` is always a whole number of real seconds, at least 1.
 */
export class RateLimiter {
  enabled: boolean;
  private windowMs: number;
  private readonly windows = new Map<string, number[]>();

  constructor(enabled: boolean, timeScale: number) {
    this.enabled = enabled;
    this.windowMs = 60_000 / timeScale;
  }

  get timeScale(): number {
    return 60_000 / this.windowMs;
  }

  set timeScale(scale: number) {
    if (!(scale > 0)) throw new Error('time scale must be positive');
    this.windowMs = 60_000 / scale;
  }

  /** Records a call; returns the Retry-After seconds when over the limit (and does not record it). */
  take(key: string, limit: number, now = Date.now()): number | undefined {
    if (!this.enabled) return undefined;
    let stamps = this.windows.get(key);
    if (!stamps) {
      stamps = [];
      this.windows.set(key, stamps);
    }
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < stamps.length && (stamps[drop] as number) <= cutoff) drop++;
    if (drop > 0) stamps.splice(0, drop);
    if (stamps.length >= limit) {
      const oldest = stamps[0] as number;
      return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }
    stamps.push(now);
    return undefined;
  }

  /** Checks several budgets at once; records the call in all of them only if none is exhausted. */
  takeAll(budgets: { key: string; limit: number }[], now = Date.now()): number | undefined {
    if (!this.enabled) return undefined;
    for (const { key, limit } of budgets) {
      const stamps = this.windows.get(key);
      if (!stamps) continue;
      const cutoff = now - this.windowMs;
      const live = stamps.filter((t) => t > cutoff);
      if (live.length >= limit) return Math.max(1, Math.ceil(((live[0] as number) + this.windowMs - now) / 1000));
    }
    for (const { key, limit } of budgets) this.take(key, limit, now);
    return undefined;
  }

  reset(): void {
    this.windows.clear();
  }
}
