import pg from 'pg';
import type { NotifyBackend } from './backend.ts';

export interface PgNotifyOptions {
  /** Postgres URL. The listening connection must not go through a transaction-mode pooler. */
  url: string;
  /** First reconnect delay; doubles up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  onError?: (error: Error) => void;
  applicationName?: string;
}

const turns = new WeakMap<pg.Client, Promise<unknown>>();

/**
 * Runs a statement on `client` after the ones already sent to it. Listens for several channels
 * and notifies from several publishers start at once; pg would queue them on the connection
 * itself, but calling query() while one runs is deprecated (a warning once per process now, an
 * error in pg 9).
 */
function inTurn(client: pg.Client, text: string, values?: unknown[]): Promise<unknown> {
  const run = (turns.get(client) ?? Promise.resolve()).then(() => client.query(text, values));
  turns.set(client, run.catch(() => {}));
  return run;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * LISTEN on a dedicated `pg.Client` (a pooled connection would be handed to someone else), and
 * NOTIFY through a second, short-lived-use client. When the listening connection drops it
 * reconnects with exponential backoff and LISTENs again, then tells `onReconnect` subscribers
 * that notifications may have been missed.
 */
export function createPgNotifyBackend(options: PgNotifyOptions): NotifyBackend {
  const initial = options.initialBackoffMs ?? 100;
  const max = options.maxBackoffMs ?? 5000;
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const reconnectCallbacks = new Set<() => void>();
  let listenClient: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let notifyClient: Promise<pg.Client> | undefined;
  let closed = false;
  let backoff = initial;
  let retryTimer: NodeJS.Timeout | undefined;

  const newClient = () => new pg.Client({ connectionString: options.url, application_name: options.applicationName ?? 'slackgate-events' });

  function dispatch(message: pg.Notification): void {
    for (const listener of listeners.get(message.channel) ?? []) listener(message.payload ?? '');
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return;
    const delay = backoff;
    backoff = Math.min(backoff * 2, max);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connectListener().then(
        () => {
          for (const callback of reconnectCallbacks) callback();
        },
        () => scheduleReconnect(),
      );
    }, delay);
    retryTimer.unref();
  }

  async function connectListener(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    if (connecting) return connecting;
    connecting = (async () => {
      const client = newClient();
      let lost = false;
      const onLost = (error?: Error) => {
        if (lost) return;
        lost = true;
        if (error) options.onError?.(error);
        if (listenClient === client) listenClient = undefined;
        client.removeAllListeners('notification');
        client.end().catch(() => {});
        scheduleReconnect();
      };
      client.on('error', onLost);
      client.on('end', () => onLost());
      client.on('notification', dispatch);
      try {
        await client.connect();
        for (const channel of listeners.keys()) await client.query(`listen ${quoteIdent(channel)}`);
      } catch (error) {
        client.removeAllListeners();
        client.on('error', () => {});
        await client.end().catch(() => {});
        throw error;
      }
      if (closed) {
        await client.end().catch(() => {});
        throw new Error('the event backend is closed');
      }
      backoff = initial;
      listenClient = client;
      return client;
    })();
    try {
      return await connecting;
    } finally {
      connecting = undefined;
    }
  }

  function notifier(): Promise<pg.Client> {
    if (!notifyClient) {
      const client = newClient();
      const reset = () => {
        notifyClient = undefined;
        client.end().catch(() => {});
      };
      client.on('error', reset);
      client.on('end', reset);
      notifyClient = client.connect().then(
        () => client,
        (error: unknown) => {
          notifyClient = undefined;
          throw error;
        },
      );
    }
    return notifyClient;
  }

  return {
    async listen(channel, onPayload) {
      if (closed) throw new Error('the event backend is closed');
      let set = listeners.get(channel);
      const first = !set;
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(onPayload);
      try {
        const client = await connectListener();
        // A fresh connection LISTENs on every known channel itself.
        if (first) await inTurn(client, `listen ${quoteIdent(channel)}`);
      } catch (error) {
        set.delete(onPayload);
        if (set.size === 0) listeners.delete(channel);
        throw error;
      }
      return async () => {
        const current = listeners.get(channel);
        if (!current?.delete(onPayload) || current.size > 0) return;
        listeners.delete(channel);
        if (listenClient) await inTurn(listenClient, `unlisten ${quoteIdent(channel)}`).catch(() => {});
      };
    },
    async notify(channel, payload) {
      const client = await notifier();
      await inTurn(client, 'select pg_notify($1, $2)', [channel, payload]);
    },
    onReconnect(callback) {
      reconnectCallbacks.add(callback);
      return () => reconnectCallbacks.delete(callback);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
      const clients = [listenClient, notifyClient ? await notifyClient.catch(() => undefined) : undefined];
      listenClient = undefined;
      notifyClient = undefined;
      await Promise.all(clients.map((c) => c?.end().catch(() => {})));
    },
  };
}
