/**
 * The two primitives the event bus needs from the database: Postgres LISTEN/NOTIFY, on a real
 * server or in embedded PGlite. Notifications are delivered to every listening process, only
 * on commit, and carry at most ~8000 bytes.
 */
export interface NotifyBackend {
  /** Starts listening on a channel; resolves once LISTEN is in effect. Returns the way to stop. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Sends a notification (through `pg_notify`, so the payload is a bound parameter). */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Called after the listening connection was lost and re-established: notifications sent in
   * between are gone, so listeners should re-read what they follow.
   */
  onReconnect?(callback: () => void): () => void;
  close(): Promise<void>;
}
