/**
 * Token buckets by key (a client id, a source address), for the token endpoint. Each replica
 * keeps its own: behind N replicas an attacker gets at most N times the rate, still far from a
 * useful guessing rate against 32-byte secrets, and an operator-chosen bootstrap secret is
 * hashed with scrypt on top.
 */
export interface BucketSpec {
  /** Most tokens a bucket holds (the burst). */
  capacity: number;
  /** Tokens added per second. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Keys are forgotten oldest first beyond this many, so a flood of random ids costs bounded memory. */
const MAX_KEYS = 50_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    readonly spec: BucketSpec,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private refill(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value as string);
      bucket = { tokens: this.spec.capacity, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.spec.perSecond);
      bucket.at = now;
    }
    return bucket;
  }

  /** Seconds until the key's bucket holds a whole token again; 0 when it holds one now. */
  waitSeconds(key: string): number {
    const bucket = this.refill(key);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.spec.perSecond);
  }

  /** Gives back a token taken for an attempt that turned out not to count (a success). */
  giveBack(key: string): void {
    const bucket = this.refill(key);
    bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + 1);
  }

  /** Takes one token; false (and nothing taken) when the bucket is empty. */
  take(key: string): boolean {
    const bucket = this.refill(key);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * At most one log line per key and window; the next one says how many were left out. A brute
 * force then costs the log a line a minute, not a line a guess.
 */
export class LogLimiter {
  private readonly last = new Map<string, { at: number; suppressed: number }>();
  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The number of lines left out since the last one, or undefined when this one is to be left out. */
  admit(key: string): number | undefined {
    const now = this.now();
    const entry = this.last.get(key);
    if (entry && now - entry.at < this.windowMs) {
      entry.suppressed++;
      return undefined;
    }
    if (this.last.size >= MAX_KEYS) this.last.delete(this.last.keys().next().value as string);
    this.last.set(key, { at: now, suppressed: 0 });
    return entry?.suppressed ?? 0;
  }
}

/** The token endpoint's limits: every request per address, failures per address and per client id. */
export const TOKEN_ENDPOINT_LIMITS = {
  requestsPerAddress: { capacity: 100, perSecond: 20 },
  failuresPerAddress: { capacity: 30, perSecond: 1 },
  failuresPerClient: { capacity: 10, perSecond: 0.2 },
} satisfies Record<string, BucketSpec>;

export interface TokenEndpointThrottle {
  requests: TokenBuckets;
  addressFailures: TokenBuckets;
  clientFailures: TokenBuckets;
  failureLog: LogLimiter;
}

export function createTokenEndpointThrottle(limits = TOKEN_ENDPOINT_LIMITS): TokenEndpointThrottle {
  return {
    requests: new TokenBuckets(limits.requestsPerAddress),
    addressFailures: new TokenBuckets(limits.failuresPerAddress),
    clientFailures: new TokenBuckets(limits.failuresPerClient),
    failureLog: new LogLimiter(),
  };
}
