import { RateLimiter } from './limits.ts';
import type { SimulatorBehaviour, SlackStore } from './store.ts';

/**
 * A fault to inject into the next calls of a method:
 * - `rate_limited`: HTTP 429, with `Retry-After: retryAfter` (default 1) or without the header (`null`);
 * - `ratelimited_body`: HTTP 200 `{"ok":false,"error":"ratelimited"}` without a header (seen live);
 * - `http_error`: a bare HTTP status such as 500 or 503;
 * - `slack_error`: `ok:false` with the given code (Web API), or a SCIM error body with `status` (default 400);
 * - `latency`: answer normally after `ms` milliseconds;
 * - `slow_answer`: make the change at once, answer after `ms` milliseconds (a caller that dies or
 *   gives up meanwhile has changed Slack without knowing it).
 */
export type Fault =
  | { kind: 'rate_limited'; retryAfter?: number | null }
  | { kind: 'ratelimited_body' }
  | { kind: 'http_error'; status: number }
  | { kind: 'slack_error'; error: string; extra?: Record<string, unknown>; status?: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'slow_answer'; ms: number };

interface PendingFault {
  fault: Fault;
  remaining: number;
}

export interface CallRecord {
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  api: 'web' | 'scim';
  /** Web API method name, or `scim.users.patch`-style names for SCIM. */
  method: string;
  /** Web API arguments (without the token); for SCIM, `{ path, query, body }`. */
  args: Record<string, unknown>;
  tokenKind?: string;
  status: number;
  /** Web API `error` / SCIM error code when the call failed. */
  error?: string;
}

export interface ServerTime {
  calls: number;
  totalMs: number;
}

/**
 * The simulator's test controls, also served over HTTP under `/_simulator/`: inject faults,
 * count and log calls per method, pin behaviours, lock SCIM resources, reset and dump state.
 */
export class SimulatorControl {
  readonly limiter: RateLimiter;
  /** Most recent calls kept in `log()`; counts are kept for all. */
  logLimit = 10_000;
  private readonly faults = new Map<string, PendingFault[]>();
  private readonly counts = new Map<string, number>();
  private readonly times = new Map<string, ServerTime>();
  private records: CallRecord[] = [];
  private seq = 0;
  private readonly scimLocks = new Map<string, number>();
  /** Per-method budget overrides (calls per Slack minute). */
  readonly methodLimits = new Map<string, number>();

  constructor(
    private readonly getStore: () => SlackStore,
    private readonly resetState: () => void,
    rateLimits: boolean,
    timeScale: number,
  ) {
    this.limiter = new RateLimiter(rateLimits, timeScale);
  }

  /** Make the next `times` calls of `method` (`*` = any Web API method, `scim.*` = any SCIM call) fail with `fault`. */
  inject(method: string, fault: Fault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    list.push({ fault, remaining: times });
    this.faults.set(method, list);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The fault the current call gets, if any (consumes one use). */
  takeFault(method: string, api: 'web' | 'scim'): Fault | undefined {
    for (const key of [method, api === 'web' ? '*' : 'scim.*']) {
      const list = this.faults.get(key);
      const pending = list?.[0];
      if (!list || !pending) continue;
      pending.remaining -= 1;
      if (pending.remaining <= 0) list.shift();
      if (list.length === 0) this.faults.delete(key);
      return pending.fault;
    }
    return undefined;
  }

  pendingFaults(): Record<string, PendingFault[]> {
    return Object.fromEntries([...this.faults.entries()].map(([k, v]) => [k, v.map((p) => ({ ...p }))]));
  }

  record(call: Omit<CallRecord, 'seq' | 'at'>, elapsedMs: number): void {
    this.seq += 1;
    this.counts.set(call.method, (this.counts.get(call.method) ?? 0) + 1);
    const time = this.times.get(call.method) ?? { calls: 0, totalMs: 0 };
    time.calls += 1;
    time.totalMs += elapsedMs;
    this.times.set(call.method, time);
    if (this.logLimit <= 0) return;
    this.records.push({ ...call, seq: this.seq, at: Date.now() });
    if (this.records.length > this.logLimit * 1.5) this.records = this.records.slice(-this.logLimit);
  }

  /** Calls of one method, or of all methods. */
  calls(method?: string): number {
    if (method !== undefined) return this.counts.get(method) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Recorded calls, oldest first, optionally of one method. */
  log(method?: string): CallRecord[] {
    const all = this.records.slice(-this.logLimit);
    return method === undefined ? all : all.filter((r) => r.method === method);
  }

  /** Server-side handling time per method (parsing, handler, serialization; not network). */
  serverTime(method?: string): ServerTime {
    if (method !== undefined) return { ...(this.times.get(method) ?? { calls: 0, totalMs: 0 }) };
    const total = { calls: 0, totalMs: 0 };
    for (const t of this.times.values()) {
      total.calls += t.calls;
      total.totalMs += t.totalMs;
    }
    return total;
  }

  resetCalls(): void {
    this.counts.clear();
    this.times.clear();
    this.records = [];
  }

  /** Lock a SCIM user or group: writes to it get 429 `resource_locked` until the lock expires. */
  lockScimResource(id: string, ms: number): void {
    this.scimLocks.set(id, Date.now() + ms);
  }

  /** Seconds until the resource's lock expires, or undefined when it is not locked. */
  scimLockRemaining(id: string, now = Date.now()): number | undefined {
    const until = this.scimLocks.get(id);
    if (until === undefined) return undefined;
    if (until <= now) {
      this.scimLocks.delete(id);
      return undefined;
    }
    return Math.max(1, Math.ceil((until - now) / 1000));
  }

  releaseScimResource(id: string): void {
    this.scimLocks.delete(id);
  }

  setBehaviour(patch: Partial<SimulatorBehaviour>): SimulatorBehaviour {
    const store = this.getStore();
    store.behaviour = { ...store.behaviour, ...patch };
    return store.behaviour;
  }

  setRateLimits(enabled: boolean, timeScale?: number): void {
    this.limiter.enabled = enabled;
    if (timeScale !== undefined) this.limiter.timeScale = timeScale;
    this.limiter.reset();
  }

  /** Override a method's budget (calls per Slack minute); applies when rate limits are on. */
  setMethodLimit(method: string, perMinute: number): void {
    this.methodLimits.set(method, perMinute);
  }

  /** Back to the seeded organization, no faults, no locks, counters at zero. */
  reset(): void {
    this.resetState();
    this.clearFaults();
    this.resetCalls();
    this.scimLocks.clear();
    this.limiter.reset();
    this.methodLimits.clear();
  }

  dump(): Record<string, unknown> {
    return {
      state: this.getStore().dump(),
      calls: this.callCounts(),
      faults: this.pendingFaults(),
      rateLimits: { enabled: this.limiter.enabled, timeScale: this.limiter.timeScale },
    };
  }
}
