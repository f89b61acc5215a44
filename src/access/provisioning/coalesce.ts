/**
 * Coalesces concurrent member changes to one resource into batches, one batch in flight per
 * resource in this process. A caller `announce`s a change as soon as it knows the resource (before
 * its own database work), then `submit`s it or releases the announcement. A batch waits for the
 * changes announced before it started, so concurrent callers land in one batch, and then takes
 * whatever else arrived until the moment it writes (`takeLate`). Later arrivals wait for the next
 * batch: nobody waits on an endless stream.
 */

export interface Batch<C> {
  /** Changes in the batch, in arrival order. Grows when `takeLate` is called. */
  readonly changes: C[];
  /** Adds the changes that arrived since, without waiting for announced ones. */
  takeLate(): void;
}

/** Processes one batch; returns one result per change of `batch.changes` (after any takeLate). */
export type FlushBatch<C, R> = (key: number, batch: Batch<C>) => Promise<R[]>;

interface Pending<C, R> {
  change: C;
  resolve(result: R): void;
  reject(error: unknown): void;
}

interface Slot<C, R> {
  pending: Pending<C, R>[];
  running: boolean;
  nextSeq: number;
  /** Announced, not yet submitted or released. */
  announced: Set<number>;
  settled: (() => void)[];
}

export class MemberWriteCoalescer<C, R> {
  readonly #slots = new Map<number, Slot<C, R>>();

  constructor(
    private readonly flush: FlushBatch<C, R>,
    /** The longest a batch waits for announced changes (their callers' database work). */
    private readonly announceWaitMs = 2_000,
  ) {}

  #slot(key: number): Slot<C, R> {
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = { pending: [], running: false, nextSeq: 0, announced: new Set(), settled: [] };
      this.#slots.set(key, slot);
    }
    return slot;
  }

  /** Says a change to `key` is coming. Returns its ticket for `submit`, and a release for when it is not. */
  announce(key: number): { ticket: number; release(): void } {
    const slot = this.#slot(key);
    const ticket = slot.nextSeq++;
    slot.announced.add(ticket);
    return { ticket, release: () => this.#settle(key, ticket) };
  }

  #settle(key: number, ticket: number): void {
    const slot = this.#slots.get(key);
    if (!slot || !slot.announced.delete(ticket)) return;
    for (const wake of slot.settled.splice(0)) wake();
    this.#forget(key, slot);
  }

  #forget(key: number, slot: Slot<C, R>): void {
    if (!slot.running && slot.pending.length === 0 && slot.announced.size === 0) this.#slots.delete(key);
  }

  submit(key: number, change: C, ticket?: number): Promise<R> {
    const slot = this.#slot(key);
    const result = new Promise<R>((resolve, reject) => slot.pending.push({ change, resolve, reject }));
    if (ticket !== undefined) this.#settle(key, ticket);
    if (!slot.running) void this.#run(key, slot);
    return result;
  }

  /** Waits until every change announced before now was submitted or released (bounded). */
  async #awaitAnnounced(slot: Slot<C, R>): Promise<void> {
    const upTo = slot.nextSeq;
    const deadline = Date.now() + this.announceWaitMs;
    const waiting = () => [...slot.announced].some((t) => t < upTo);
    while (waiting()) {
      const left = deadline - Date.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        slot.settled.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async #run(key: number, slot: Slot<C, R>): Promise<void> {
    slot.running = true;
    try {
      while (slot.pending.length > 0) {
        await this.#awaitAnnounced(slot);
        const taken = slot.pending.splice(0);
        const batch: Batch<C> = {
          changes: taken.map((p) => p.change),
          takeLate: () => {
            const late = slot.pending.splice(0);
            taken.push(...late);
            batch.changes.push(...late.map((p) => p.change));
          },
        };
        try {
          const results = await this.flush(key, batch);
          taken.forEach((p, i) => p.resolve(results[i] as R));
        } catch (error) {
          for (const p of taken) p.reject(error);
        }
      }
    } finally {
      slot.running = false;
      this.#forget(key, slot);
    }
  }
}
