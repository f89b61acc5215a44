import { userInfo } from 'node:os';
import { migrateDatabase, openDatabase } from './database.ts';
import { OperationError as CliError } from './errors.ts';
import type { Config } from '../config.ts';
import { acquireDataDirLock, DataDirBusyError, lockPaths, type DataDirLock } from '../db/dataDirLock.ts';
import type { Logger } from '../log.ts';
import { AdminChannelError, callAdmin, startAdminChannel, type AdminChannel, type AdminLine } from './channel.ts';
import { adminHandlers, describeFailure } from './operations.ts';

/** How long a command waits for another command holding the data directory to finish. */
const WAIT_FOR_COMMAND_MS = 15_000;

/** `cli:<OS user>`: who did it, for the audit trail. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // Some containers run as a uid without a passwd entry.
    return 'cli:unknown';
  }
}

export interface LocalSetup {
  config: Config;
  done(): Promise<void>;
}

export interface OperationRequest {
  config: Config;
  logger: Logger;
  /** The command as the user typed it (`client revoke`): named to whoever finds the directory held. */
  command: string;
  op: string;
  params: Record<string, unknown>;
  /** Progress events and export chunks, in order. */
  onLine: (line: AdminLine) => void | Promise<void>;
  /** Runs before the command performs the operation itself (not through a server), e.g. the demo Slack. */
  beforeLocal?: (config: Config) => Promise<LocalSetup>;
}

/**
 * Performs a CLI command's operation where it is safe: on Postgres directly; on an embedded data
 * directory through the server that owns it (its admin channel), or, when nothing owns it, here,
 * holding the directory's lock meanwhile.
 */
export async function runOperation(request: OperationRequest): Promise<unknown> {
  const { config } = request;
  if (config.database.url) return runLocally(request);
  const deadline = Date.now() + WAIT_FOR_COMMAND_MS;
  for (;;) {
    let lock: DataDirLock;
    try {
      lock = await acquireDataDirLock(config.database.dataDir, request.command);
    } catch (error) {
      if (!(error instanceof DataDirBusyError)) throw error;
      const { lockFile, socketPath } = lockPaths(config.database.dataDir);
      if (!error.reachable) {
        throw new CliError(`${error.message}, which does not answer on ${socketPath}; stop it, or if PID ${error.owner.pid} is not slackgate, delete ${lockFile}`, 2);
      }
      let answer;
      try {
        answer = await callAdmin(socketPath, request.op, { ...request.params, actor: cliActor() }, request.onLine);
      } catch (failure) {
        if (failure instanceof AdminChannelError) throw new CliError(`lost the server owning ${lockPaths(config.database.dataDir).dataDir} during the operation: ${failure.message}`);
        throw failure;
      }
      if (answer.error?.busy) {
        if (Date.now() > deadline) throw new CliError(`${error.message}; wait for it to finish, then run this again`, 2);
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      if (answer.error) throw new CliError(answer.error.message, answer.error.exitCode);
      return answer.result;
    }
    let channel: AdminChannel | undefined;
    try {
      // Others learn who holds the directory, and wait for us.
      channel = await startAdminChannel({
        socketPath: lock.socketPath,
        busyMessage: `the data directory ${lock.dataDir} is in use by slackgate ${request.command} (PID ${process.pid})`,
        describeFailure,
      });
      return await runLocally(request);
    } finally {
      await channel?.close();
      lock.release();
    }
  }
}

async function runLocally(request: OperationRequest): Promise<unknown> {
  const setup = request.beforeLocal ? await request.beforeLocal(request.config) : undefined;
  const config = setup?.config ?? request.config;
  try {
    const database = await openDatabase(config);
    try {
      await migrateDatabase(database);
      const handler = adminHandlers({ database, config, logger: request.logger })[request.op];
      if (!handler) throw new CliError(`unknown operation ${request.op}`);
      try {
        const result = await handler({ ...request.params, actor: cliActor() }, async (line) => request.onLine(line), new AbortController().signal);
        // The same plain JSON a server answers with (dates as ISO strings), whichever ran it.
        return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
      } catch (error) {
        if (error instanceof CliError) throw error;
        const failure = describeFailure(error);
        throw new CliError(failure.message, failure.exitCode);
      }
    } finally {
      await database.close();
    }
  } finally {
    await setup?.done();
  }
}
