/**
 * Deterministic randomness for the seed generator: the same `--seed` must always produce the same
 * organization, so tests and benchmarks can name users and groups by index.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Mix the seed so that small seeds (0, 1, 2…) still start far apart.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 0x6d2b79f5;
  }

  /** mulberry32: fast, small, good enough for test data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  between(min: number, maxInclusive: number): number {
    return min + this.int(maxInclusive - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A standard normal deviate (Box–Muller), for skewed sizes. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A log-normally distributed whole number around `median`: most values near it, a long tail
   * of a few much larger ones — the shape of group and channel sizes in real organizations.
   */
  skewed(median: number, sigma: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, Math.round(median * Math.exp(sigma * this.normal()))));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty list');
    return item;
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count >= items.length) return [...items];
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.int(items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Slack IDs are opaque upper-case alphanumerics behind a one-letter type prefix (U, W, T, E, S,
 * C, G, B, A). Ours are fixed-width and increase with creation order, so sorting by ID is sorting
 * by age — which lets list pages resume from "the next ID" with a binary search.
 */
export class IdSequence {
  private counter = 0;

  constructor(
    private readonly prefix: string,
    private readonly tag: string,
    private readonly width = 7,
  ) {}

  next(): string {
    this.counter += 1;
    let n = this.counter;
    let body = '';
    for (let i = 0; i < this.width; i++) {
      body = ID_ALPHABET[n % 36] + body;
      n = Math.floor(n / 36);
    }
    return `${this.prefix}${this.tag}${body}`;
  }
}

/** A two-to-three character tag derived from the seed, so IDs of different seeds differ. */
export function seedTag(seed: number): string {
  const n = Math.abs(Math.imul(seed + 1, 2654435761)) % (36 * 36);
  return `0${ID_ALPHABET[Math.floor(n / 36)]}${ID_ALPHABET[n % 36]}`;
}
