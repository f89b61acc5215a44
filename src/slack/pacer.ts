/**
 * Paces calls per key (token kind, workspace, method) so that no sliding window of one Slack
 * minute ever holds more calls than the key's limit. Slack counts the same way, so a paced
 * client spends the whole allowance — a burst up to the limit, then one call each time the
 * oldest leaves the window — without being told 429. After a 429 the key is held until
 * `Retry-After` has passed.
 *
 * Memory is bounded by the limit: only the last `limit` send times are kept per key.
 */
export class Pacer {
  readonly #windowMs: number;
  readonly #marginMs: number;
  readonly #keys = new Map<string, { times: number[]; blockedUntil: number; chain: Promise<void> }>();

  /**
   * @param minuteMs how long Slack's minute lasts (60 000 ms, shorter against a time-scaled
   * simulator); 0 turns pacing off, for a Slack stand-in that enforces no limits.
   */
  constructor(minuteMs = 60_000) {
    this.#windowMs = minuteMs;
    // Requests leave here before Slack stamps them; a little slack keeps the server's window
    // from seeing one call too many when the network delays an older call more than a newer one.
    this.#marginMs = Math.max(5, minuteMs * 0.01);
  }

  get minuteMs(): number {
    return this.#windowMs;
  }

  /** Waits until a call under `key` may be sent, then records it. */
  acquire(key: string, limit: number): Promise<void> {
    if (this.#windowMs === 0) return this.#waitOutHold(key);
    let state = this.#keys.get(key);
    if (!state) {
      state = { times: [], blockedUntil: 0, chain: Promise.resolve() };
      this.#keys.set(key, state);
    }
    const s = state;
    // One reservation at a time per key, in arrival order.
    const turn = s.chain.then(async () => {
      for (;;) {
        const now = Date.now();
        if (s.blockedUntil > now) {
          await sleep(s.blockedUntil - now);
          continue;
        }
        while (s.times.length > 0 && now - (s.times[0] as number) >= this.#windowMs + this.#marginMs) s.times.shift();
        if (s.times.length < limit) {
          s.times.push(now);
          return;
        }
        await sleep((s.times[0] as number) + this.#windowMs + this.#marginMs - now);
      }
    });
    s.chain = turn;
    return turn;
  }

  /** Holds every call under `key` for `ms` (Slack's Retry-After). */
  holdFor(key: string, ms: number): void {
    let s = this.#keys.get(key);
    if (!s) {
      s = { times: [], blockedUntil: 0, chain: Promise.resolve() };
      this.#keys.set(key, s);
    }
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
