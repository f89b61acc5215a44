import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/createDb.ts';
import type { Config } from '../config.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { SyncProgressEvent } from '../sync/types.ts';
import { ApiClientError } from '../auth/clients.ts';
import { ScopeError } from '../auth/scopes.ts';
import type { AdminFailure, AdminHandler, AdminLine } from './channel.ts';
import { OperationError } from './errors.ts';

export { OperationError };

/**
 * The operations CLI commands perform on a data directory, written once: the owner of the
 * directory runs them (a server, for commands arriving on its admin channel, or the command
 * itself when nothing else holds the directory). Results are plain JSON.
 */
export interface OperationContext {
  database: Database;
  config: Config;
  logger: Logger;
  /** The running server's sync engine and event bus; a command on its own makes its own. */
  sync?: SyncEngine;
  bus?: EventBus;
}

const str = (value: unknown, name: string): string => {
  if (typeof value !== 'string') throw new OperationError(`missing parameter ${name}`, 2);
  return value;
};
const actorOf = (params: Record<string, unknown>) => ({ label: typeof params.actor === 'string' ? params.actor : 'cli:unknown' });

export function adminHandlers(ctx: OperationContext): Record<string, AdminHandler> {
  const db = ctx.database.db;
  const exportWriter = (emit: (line: AdminLine) => Promise<void>) => ({ write: (chunk: string) => emit({ chunk }) });
  return {
    'client.create': async (params) => {
      const [{ createClient }, { parseScopes }] = await Promise.all([import('../auth/clients.ts'), import('../auth/scopes.ts')]);
      const limits = { trustedOnly: params.trustedOnly === true, costBudgetPerMinute: typeof params.costBudgetPerMinute === 'number' ? params.costBudgetPerMinute : undefined };
      return createClient(db, { name: str(params.name, 'name'), scopes: parseScopes(str(params.scopes, 'scopes')), ...limits, actor: actorOf(params) });
    },
    'client.list': async () => (await import('../auth/clients.ts')).listClients(db),
    'client.rotate': async (params) => (await import('../auth/clients.ts')).rotateClient(db, str(params.id, 'id'), actorOf(params)),
    'client.revoke': async (params) => (await import('../auth/clients.ts')).revokeClient(db, str(params.id, 'id'), actorOf(params)),
    'export.grants': async (params, emit) => {
      const { exportGrants } = await import('../export/grants.ts');
      const format = params.format === 'json' ? 'json' : 'csv';
      return recordExport(ctx, params, 'grants', format, await exportGrants(db, format, exportWriter(emit)));
    },
    'export.review': async (params, emit) => {
      const { exportReview } = await import('../export/review.ts');
      const format = params.format === 'json' ? 'json' : 'csv';
      const id = Number(params.id);
      return recordExport(ctx, params, `access review ${id}`, format, await exportReview(db, id, format, exportWriter(emit)));
    },
    migrate: async () => (await migrateToLatest(db)).map((r) => r.migrationName),
    sync: (params, emit, signal) => runSync(ctx, { confirmDeletions: params.confirmDeletions === true }, (event) => emit({ event }), signal),
  };
}

async function recordExport(ctx: OperationContext, params: Record<string, unknown>, what: string, format: string, result: { sha256: string; bytes: number; rows: number } | undefined) {
  if (!result) return null;
  const { recordAudit } = await import('../audit/record.ts');
  await recordAudit(ctx.database.db, {
    action: 'export',
    outcome: 'SUCCESS',
    actor: actorOf(params),
    target: { type: 'export', id: what },
    details: { format, rows: result.rows, bytes: result.bytes, sha256: result.sha256 },
  });
  return result;
}

/**
 * One full sync with its progress. Through a server: started on the server's engine (joining a
 * run already in progress) and followed through its event bus. On its own: a private engine.
 */
async function runSync(ctx: OperationContext, options: { confirmDeletions: boolean }, onProgress: (event: SyncProgressEvent) => Promise<void>, signal: AbortSignal) {
  if (!ctx.sync || !ctx.bus) {
    const { syncOnce } = await import('../sync/command.ts');
    let pending = Promise.resolve();
    const result = await syncOnce({
      database: ctx.database,
      config: ctx.config,
      logger: ctx.logger,
      publish: (event) => void (pending = pending.then(() => onProgress(event))),
      confirmDeletions: options.confirmDeletions,
    });
    await pending;
    return result.run;
  }
  const follow = new AbortController();
  signal.addEventListener('abort', () => follow.abort());
  // Listening before the run starts: no early event is missed.
  const events = ctx.bus.subscribe('syncProgress', { signal: follow.signal });
  const run = await ctx.sync.start({ trigger: 'MANUAL', requestedBy: 'cli', confirmDeletions: options.confirmDeletions });
  let sawEnd: () => void = () => {};
  const ended = new Promise<void>((resolve) => (sawEnd = resolve));
  const forwarding = (async () => {
    for await (const event of events) {
      if (event.runId !== run.id) continue;
      await onProgress(event);
      if (event.status !== 'RUNNING' && event.status !== 'QUEUED') sawEnd();
    }
  })();
  try {
    const done = await ctx.sync.waitFor(run.id);
    // The run's last event travels through the bus after its row is final: show it when it comes.
    await Promise.race([ended, new Promise((r) => setTimeout(r, 1000))]);
    return done;
  } finally {
    follow.abort();
    await forwarding.catch(() => {});
  }
}

/** The one line (and exit code) a failed operation ends with: never a stack, never a secret. */
export function describeFailure(error: unknown): AdminFailure {
  if (error instanceof OperationError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof ApiClientError) return { message: error.message, exitCode: error.code === 'VALIDATION' ? 2 : 1 };
  if (error instanceof ScopeError) return { message: error.message, exitCode: 2 };
  const e = error as { message?: string; exitCode?: unknown };
  return { message: e.message ?? String(error), exitCode: typeof e.exitCode === 'number' ? e.exitCode : 1 };
}
