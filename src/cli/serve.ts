import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import type { AdminChannel } from '../admin/channel.ts';
import { migrateDatabase, openDatabase } from '../admin/database.ts';
import type { DataDirLock } from '../db/dataDirLock.ts';
import { CliError, settingsOf, type CliIo } from './io.ts';

/** How long `serve` may take to stop after SIGTERM/SIGINT (Kubernetes waits 40 s before SIGKILL; see deploy/). */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function stopWithin(ms: number, stop: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([stop().then(() => true as const), expired]);
  } finally {
    clearTimeout(timer);
  }
}

interface DataDirOwnership {
  lock: DataDirLock;
  channel: AdminChannel;
}

/** Takes the embedded data directory for a server, or explains in one line who has it. */
async function ownDataDir(config: Config, command: string): Promise<DataDirOwnership> {
  const [{ acquireDataDirLock, DataDirBusyError }, { startAdminChannel }, { describeFailure }] = await Promise.all([
    import('../db/dataDirLock.ts'),
    import('../admin/channel.ts'),
    import('../admin/operations.ts'),
  ]);
  let lock: DataDirLock;
  try {
    lock = await acquireDataDirLock(config.database.dataDir, command);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      throw new CliError(`${error.message}; stop it first, or give this server its own --data-dir (SLACKGATE_DATA_DIR); CLI commands work beside it`, 2);
    }
    throw error;
  }
  try {
    return { lock, channel: await startAdminChannel({ socketPath: lock.socketPath, describeFailure }) };
  } catch (error) {
    lock.release();
    throw new CliError(`cannot open the admin socket ${lock.socketPath}: ${(error as Error).message}`);
  }
}

async function serve(config: Config, logger: Logger, io: CliIo, owner: DataDirOwnership | undefined): Promise<void> {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { demoBanner, ServiceConfigError, startService } = await import('../service.ts');
  let service;
  try {
    service = await startService({ config, database, logger });
  } catch (error) {
    await database.close();
    if (error instanceof ServiceConfigError) throw new CliError(error.message, 2);
    throw error;
  }
  if (owner) {
    const { adminHandlers } = await import('../admin/operations.ts');
    owner.channel.serve(adminHandlers({ database, config, logger, sync: service.sync, bus: service.bus }));
    owner.lock.update({ address: service.url });
  }
  if (service.demo) io.stdout.write(demoBanner(service));
  logger.info({ url: service.url, database: database.backend, demo: service.demo !== undefined }, `slackgate serving GraphQL at ${service.url}/graphql`);
  const signal = await io.stopSignal;
  logger.info({ signal }, 'shutting down');
  // Bounded: whatever has not stopped by then (a stuck request, a long apply) is abandoned;
  // a sync cut this way resumes from its checkpoints on the next start.
  const stopped = await stopWithin(SHUTDOWN_DEADLINE_MS, async () => {
    // CLI commands in progress through the admin channel end first (a followed sync goes on).
    await owner?.channel.close();
    await service.close();
    await database.close();
  });
  if (!stopped) throw new CliError(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000}s; exiting anyway`);
  logger.info('stopped');
}

/** `slackgate serve`: the GraphQL API, the schedule and the workers, until SIGTERM/SIGINT. */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the GraphQL API, sync on schedule (migrates the database on start; demo mode without a Slack token)')
    .action(async (_opts, command: Command) => {
      const config = settingsOf(command, io);
      const logger = createLogger({ ...config.log, destination: io.stdout });
      // A promise nobody awaited failing (a lost connection's late error) is logged, not fatal:
      // a serving gateway ends only when told to.
      process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection; the gateway keeps serving'));
      // The embedded database is this process's alone while it serves; CLI commands reach it
      // through the admin channel in the data directory.
      const owner = config.database.url ? undefined : await ownDataDir(config, 'serve');
      try {
        await serve(config, logger, io, owner);
      } finally {
        await owner?.channel.close();
        owner?.lock.release();
      }
    });

}
