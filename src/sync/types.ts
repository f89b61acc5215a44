import type { SyncRun, SyncStatus, SyncTrigger } from '../db/schema.ts';

/** A sync walks these phases in order (baton order), then applies the result atomically. */
export const SYNC_PHASES = ['workspaces', 'accounts', 'resources', 'entitlements', 'grants', 'apply'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** Published while a run progresses (at most a few times a second) and once when it ends. */
export interface SyncProgressEvent {
  runId: number;
  trigger: SyncTrigger;
  status: SyncStatus;
  phase: SyncPhase | null;
  /** Items processed so far, per phase. */
  counts: Partial<Record<SyncPhase, number>>;
  /** Best current estimate of each phase's total, where known. */
  estimatedTotals: Partial<Record<SyncPhase, number>>;
  /** Items processed in all phases, and the estimated grand total (null while unknown). */
  done: number;
  estimatedTotal: number | null;
  /** 0–100, null while the total is unknown. */
  percent: number | null;
  slackCalls: number;
  rateLimited: number;
  error: string | null;
  /** ISO timestamp of the event. */
  at: string;
}

export interface StartSyncOptions {
  trigger: SyncTrigger;
  /** Who asked: an API client id, `scheduler`, `cli`. Never a secret. */
  requestedBy?: string;
  /** Apply deletions a mass-revocation guard held back in the previous run. */
  confirmDeletions?: boolean;
}

/**
 * What the rest of the product (GraphQL, the scheduler, the CLI) needs from the sync engine.
 * Only one run is active per organization across all processes: start() joins a running or
 * queued run instead of starting a second one.
 */
export interface SyncController {
  /** Queues a run (or returns the active one) and returns its row immediately; the run goes on in the background. */
  start(options: StartSyncOptions): Promise<SyncRun>;
  /** Resolves when the run ends, with its final row. */
  waitFor(runId: number): Promise<SyncRun>;
}

/**
 * Where the sync engine sends its progress events. In service mode this publishes to the event
 * bus (Postgres LISTEN/NOTIFY, topic `syncProgress`) so subscribers on every replica see them.
 */
export type SyncProgressPublisher = (event: SyncProgressEvent) => void;
