import type { Config } from '../config.ts';
import type { Database } from '../db/createDb.ts';
import type { SyncRun } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { SlackConnection } from '../slack/connection.ts';
import { SyncEngine } from './engine.ts';
import { progressPrinter } from './progress.ts';
import type { SyncProgressEvent } from './types.ts';

export interface SyncOnceResult {
  run: SyncRun;
  exitCode: number;
  /** One line for the user. */
  message: string;
}

/** `slackgate sync`: one full sync now, with live progress, ending in an exit code. */
export async function syncOnce(deps: {
  database: Database;
  config: Config;
  logger: Logger;
  /** Where the progress bar goes; or `publish` receives each progress event. */
  out?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  publish?: (event: SyncProgressEvent) => void;
  confirmDeletions: boolean;
}): Promise<SyncOnceResult> {
  const connection = new SlackConnection({ slack: deps.config.slack });
  const engine = new SyncEngine({
    database: deps.database,
    connection,
    ssoEnabled: deps.config.slack.ssoEnabled,
    deletionThreshold: deps.config.deletionThreshold,
    publish: deps.publish ?? (deps.out ? progressPrinter(deps.out) : () => {}),
    logger: deps.logger,
  });
  // A run left behind by a stopped process is finished first, from its checkpoints.
  const interrupted = await engine.resumeInterrupted();
  const run = interrupted ?? (await engine.start({ trigger: 'MANUAL', requestedBy: 'cli', confirmDeletions: deps.confirmDeletions }));
  const done = await engine.waitFor(run.id);
  await engine.close();
  return { run: done, ...outcome(done) };
}

export function outcome(run: SyncRun): { exitCode: number; message: string } {
  const diff = (run.diff_summary ?? {}) as Record<string, number>;
  const counts = (run.counts ?? {}) as Record<string, number>;
  switch (run.status) {
    case 'SUCCEEDED':
      return {
        exitCode: 0,
        message: `sync ${run.id} succeeded: ${counts.accounts ?? 0} accounts and ${counts.grants ?? 0} grants read, ${diff.grantsAdded ?? 0} grants added, ${diff.grantsRemoved ?? 0} removed`,
      };
    case 'NEEDS_CONFIRMATION': {
      const guard = (run.guard ?? {}) as { reasons?: string[] };
      return {
        exitCode: 3,
        message: `sync ${run.id} held back its deletions (${(guard.reasons ?? []).join('; ')}); if this is expected, run slackgate sync --confirm-deletions`,
      };
    }
    default:
      return { exitCode: 1, message: `sync ${run.id} ${run.status.toLowerCase()}: ${run.error ?? 'no reason recorded'}` };
  }
}
