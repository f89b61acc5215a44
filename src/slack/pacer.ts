/**
 * Paces calls per key (token kind, workspace, method) so that no sliding window of one Slack
 * minute ever holds more calls than the key's limit. Slack counts the same way, so a paced
 * client spends the whole allowance — a burst up to the limit, then one call each time an
 * earlier one leaves the window — without being told 429. After a 429 the key is held until
 * `Retry-After` has passed.
 *
 * A call occupies its slot from the moment it is sent until a window after its answer came
 * back: Slack stamps a call when it processes it, which can be much later than when we sent it
 * (a burst queues up), but never later than its answer.
 *
 * Memory is bounded by the limit: at most `limit` slots are kept per key.
 */
export class Pacer {
  readonly #windowMs: number;
  readonly #marginMs: number;
  readonly #keys = new Map<string, { slots: { until: number }[]; blockedUntil: number; chain: Promise<void> }>();

  /**
   * @param minuteMs how long Slack's minute lasts (60 000 ms, shorter against a time-scaled
   * simulator); 0 turns pacing off, for a Slack stand-in that enforces no limits.
   */
  constructor(minuteMs = 60_000) {
    this.#windowMs = minuteMs;
    this.#marginMs = Math.max(5, minuteMs * 0.01);
  }

  get minuteMs(): number {
    return this.#windowMs;
  }

  #state(key: string) {
    let state = this.#keys.get(key);
    if (!state) {
      state = { slots: [], blockedUntil: 0, chain: Promise.resolve() };
      this.#keys.set(key, state);
    }
    return state;
  }

  /**
   * Waits until a call under `key` may be sent and takes a slot for it. Call the returned
   * function when the call's answer has arrived; with `counted` false (a 429: Slack refused the
   * call rather than counting it) the slot is freed at once, so the wait after a 429 is the one
   * Slack asked for, not a whole minute of a slot held by a call that never ran.
   */
  async acquire(key: string, limit: number): Promise<(counted?: boolean) => void> {
    if (this.#windowMs === 0) {
      await this.#waitOutHold(key);
      return () => {};
    }
    const s = this.#state(key);
    const slot = { until: Number.POSITIVE_INFINITY };
    // One reservation at a time per key, in arrival order.
    const turn = s.chain.then(async () => {
      for (;;) {
        const now = Date.now();
        if (s.blockedUntil > now) {
          await sleep(s.blockedUntil - now);
          continue;
        }
        s.slots = s.slots.filter((x) => x.until > now);
        if (s.slots.length < limit) {
          s.slots.push(slot);
          return;
        }
        const soonest = Math.min(...s.slots.map((x) => x.until));
        // All slots still in flight: look again shortly.
        await sleep(Number.isFinite(soonest) ? soonest - now : 5);
      }
    });
    s.chain = turn;
    await turn;
    return (counted = true) => {
      slot.until = counted ? Date.now() + this.#windowMs + this.#marginMs : 0;
    };
  }

  /**
   * How long to hold a key after a 429: Slack's Retry-After, but never less than one call's share
   * of the method's tier (a minute divided by its limit), which is also the wait when Slack gave
   * no Retry-After (a 200 "ratelimited").
   */
  rateLimitWaitMs(retryAfterMs: number | undefined, limit: number): number {
    const share = this.#windowMs / Math.max(1, limit);
    return Math.max(retryAfterMs ?? 0, share, retryAfterMs === undefined ? 1000 : 0);
  }

  /** Holds every call under `key` for `ms` (Slack's Retry-After). */
  holdFor(key: string, ms: number): void {
    const s = this.#state(key);
    s.blockedUntil = Math.max(s.blockedUntil, Date.now() + ms);
  }

  async #waitOutHold(key: string): Promise<void> {
    for (;;) {
      const wait = (this.#keys.get(key)?.blockedUntil ?? 0) - Date.now();
      if (wait <= 0) return;
      await sleep(wait);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
