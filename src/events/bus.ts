import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/createDb.ts';
import type { DB } from '../db/schema.ts';
import type { NotifyBackend } from './backend.ts';
import { createPgNotifyBackend } from './pg.ts';
import { createPgliteNotifyBackend } from './pglite.ts';
import { TOPICS, type EventTopics, type Topic } from './topics.ts';

/** One fixed channel for every topic: topic names are not valid identifiers, and one LISTEN per process avoids churn. */
export const EVENTS_CHANNEL = 'slackgate_events';
/** Postgres refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_EVENT_BYTES = 7999;
/** Events a slow subscriber may lag behind before the oldest are dropped. */
const MAX_QUEUED_EVENTS = 1000;

export class EventTooLargeError extends Error {
  constructor(topic: string, bytes: number) {
    super(`a ${topic} event of ${bytes} bytes does not fit a Postgres notification (max ${MAX_EVENT_BYTES}); publish ids and deltas, not rows`);
    this.name = 'EventTooLargeError';
  }
}

export interface PublishOptions {
  /**
   * Publish through this transaction: the event is delivered when (and only if) it commits, so
   * no subscriber hears of a change that was rolled back.
   */
  db?: Kysely<DB> | Transaction<DB>;
}

export interface EventBus {
  publish<T extends Topic>(topic: T, payload: EventTopics[T], options?: PublishOptions): Promise<void>;
  /**
   * Events of a topic from now on, from every process sharing the database. Listening starts
   * synchronously: an event published after this call returns is delivered.
   */
  subscribe<T extends Topic>(topic: T, options?: { signal?: AbortSignal }): AsyncIterableIterator<EventTopics[T]>;
  /** Called when events may have been missed (the listening connection was re-established). */
  onResync(callback: () => void): () => void;
  close(): Promise<void>;
}

interface Envelope {
  t: Topic;
  p: unknown;
}

/** A typed publish/subscribe bus over Postgres LISTEN/NOTIFY. Resolves once LISTEN is in effect. */
export async function createEventBus(backend: NotifyBackend): Promise<EventBus> {
  const listeners = new Map<Topic, Set<(payload: unknown) => void>>();
  const finishers = new Set<() => void>();
  const resyncCallbacks = new Set<() => void>();

  const unlisten = await backend.listen(EVENTS_CHANNEL, (raw) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return; // someone else's notification on our channel: not ours to interpret
    }
    if (!TOPICS.includes(envelope.t)) return;
    for (const listener of listeners.get(envelope.t) ?? []) listener(envelope.p);
  });
  const stopReconnect = backend.onReconnect?.(() => {
    for (const callback of resyncCallbacks) callback();
  });

  function encode(topic: Topic, payload: unknown): string {
    const text = JSON.stringify({ t: topic, p: payload } satisfies Envelope);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(topic, bytes);
    return text;
  }

  return {
    async publish(topic, payload, options = {}) {
      const text = encode(topic, payload);
      if (options.db) await sql`select pg_notify(${EVENTS_CHANNEL}, ${text})`.execute(options.db);
      else await backend.notify(EVENTS_CHANNEL, text);
    },

    subscribe<T extends Topic>(topic: T, options: { signal?: AbortSignal } = {}): AsyncIterableIterator<EventTopics[T]> {
      type Payload = EventTopics[T];
      const queue: Payload[] = [];
      let waiting: ((result: IteratorResult<Payload>) => void) | undefined;
      let done = false;

      const listener = (payload: unknown) => {
        if (done) return;
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: payload as Payload, done: false });
          return;
        }
        queue.push(payload as Payload);
        if (queue.length > MAX_QUEUED_EVENTS) queue.shift();
      };
      let set = listeners.get(topic);
      if (!set) {
        set = new Set();
        listeners.set(topic, set);
      }
      set.add(listener);

      const finish = () => {
        if (done) return;
        done = true;
        listeners.get(topic)?.delete(listener);
        finishers.delete(finish);
        options.signal?.removeEventListener('abort', finish);
        queue.length = 0;
        waiting?.({ value: undefined, done: true });
        waiting = undefined;
      };
      finishers.add(finish);
      if (options.signal?.aborted) finish();
      else options.signal?.addEventListener('abort', finish);

      const iterator: AsyncIterableIterator<Payload> = {
        next() {
          if (queue.length > 0) return Promise.resolve({ value: queue.shift() as Payload, done: false });
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => {
            waiting = resolve;
          });
        },
        return() {
          finish();
          return Promise.resolve({ value: undefined, done: true });
        },
        throw(error?: unknown) {
          finish();
          return Promise.reject(error);
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },

    onResync(callback) {
      resyncCallbacks.add(callback);
      return () => resyncCallbacks.delete(callback);
    },

    async close() {
      for (const finish of [...finishers]) finish();
      stopReconnect?.();
      await unlisten().catch(() => {});
      await backend.close();
    },
  };
}

/**
 * The bus for a database: in-process through PGlite, or through a dedicated listening
 * connection to the Postgres server at `url` (so every replica sharing it hears every event).
 */
export async function createEventBusFor(database: Database, options: { url?: string; onError?: (error: Error) => void } = {}): Promise<EventBus> {
  if (database.backend === 'pglite') {
    if (!database.pglite) throw new Error('the PGlite database has no instance to listen on');
    return createEventBus(createPgliteNotifyBackend(database.pglite, database.db));
  }
  if (!options.url) throw new Error('the event bus needs the Postgres URL for its own listening connection');
  return createEventBus(createPgNotifyBackend({ url: options.url, onError: options.onError }));
}

/**
 * Follows a topic for a cache that must drop what it remembers when the database announces a
 * change: `forget` gets each announcement's payload, and is called with none when the bus
 * reconnects (announcements may have been missed then). Returns the function that stops.
 */
export function forgetOnAnnouncement<T extends Topic>(bus: EventBus, topic: T, forget: (announced?: EventTopics[T]) => void): () => void {
  const stop = new AbortController();
  const announcements = bus.subscribe(topic, { signal: stop.signal });
  void (async () => {
    for await (const announced of announcements) forget(announced);
  })();
  const stopResync = bus.onResync(() => forget());
  return () => {
    stop.abort();
    stopResync();
  };
}
