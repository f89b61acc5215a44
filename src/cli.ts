import { Command, CommanderError, Option } from 'commander';
import { ConfigError, describeSetting, resolveConfig, SETTINGS, type Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import type { AdminChannel } from './admin/channel.ts';
import { OperationError } from './admin/errors.ts';
import type { DataDirLock } from './db/dataDirLock.ts';
import type { SyncRun } from './db/schema.ts';
import type { SyncProgressEvent } from './sync/types.ts';
import { registerClientCommands } from './auth/command.ts';
import { registerExportCommand } from './export/command.ts';
import { registerSimulateCommand } from './simulator/command.ts';
// Each command loads its heavy modules when it runs (serve: the GraphQL server; sync: the engine;
// simulate: the simulator), so a `sync` or `client` process does not carry the server's code.

/** A failure the user can act on: printed as one line, never with a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Resolves when the process is asked to stop (SIGTERM/SIGINT); long-running commands await it. */
  stopSignal: Promise<string>;
}

function settingsOf(command: Command, io: CliIo): Config {
  return resolveConfig(command.optsWithGlobals(), io.env);
}

// Opening and migrating the database, with one-line errors, live in admin/database.ts (shared
// with the admin operations); re-exported for the commands that import them from here.
export { describeDbError, migrateDatabase, openDatabase } from './admin/database.ts';
import { migrateDatabase, openDatabase } from './admin/database.ts';

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
    import('./db/dataDirLock.ts'),
    import('./admin/channel.ts'),
    import('./admin/operations.ts'),
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
  const { demoBanner, ServiceConfigError, startService } = await import('./service.ts');
  let service;
  try {
    service = await startService({ config, database, logger });
  } catch (error) {
    await database.close();
    if (error instanceof ServiceConfigError) throw new CliError(error.message, 2);
    throw error;
  }
  if (owner) {
    const { adminHandlers } = await import('./admin/operations.ts');
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

export function buildProgram(io: CliIo): Command {
  const program = new Command('slackgate')
    .description('Self-hosted access-governance gateway for Slack')
    .version(process.env.npm_package_version ?? '0.1.0')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    })
    .exitOverride();
  for (const spec of SETTINGS) {
    program.addOption(new Option(spec.flag, describeSetting(spec)));
  }

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async (_opts, command: Command) => {
      const config = settingsOf(command, io);
      const logger = createLogger({ ...config.log, destination: io.stderr });
      const { runOperation } = await import('./admin/run.ts');
      const applied = (await runOperation({ config, logger, command: 'migrate', op: 'migrate', params: {}, onLine: () => {} })) as string[];
      io.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n');
    });

  program
    .command('sync')
    .description('run one full sync now, with live progress; exit 0 on success (through the running server when one owns the data directory; the demo organization without a token)')
    .option('--confirm-deletions', 'apply deletions even if the mass-revocation guard would hold them back')
    .action(async (opts: { confirmDeletions?: boolean }, command: Command) => {
      const config = settingsOf(command, io);
      const logger = createLogger({ ...config.log, level: config.log.level === 'info' ? 'warn' : config.log.level, destination: io.stderr });
      const [{ runOperation }, { outcome }, { progressPrinter }] = await Promise.all([import('./admin/run.ts'), import('./sync/command.ts'), import('./sync/progress.ts')]);
      const printProgress = progressPrinter(io.stderr);
      const run = (await runOperation({
        config,
        logger,
        command: 'sync',
        op: 'sync',
        params: { confirmDeletions: opts.confirmDeletions === true },
        onLine: (line) => {
          if (line.event) printProgress(line.event as SyncProgressEvent);
        },
        // Run here (no server owns the directory): without a token, the demo organization.
        beforeLocal: async (local) => {
          if (local.slack.token) return { config: local, done: async () => {} };
          if (local.production) throw new CliError('sync needs a Slack bot token: set --token or SLACKGATE_TOKEN', 2);
          const { demoSlack } = await import('./service.ts');
          const demo = await demoSlack(local);
          io.stderr.write('no Slack token: syncing the simulated demo organization (set SLACKGATE_TOKEN to sync yours)\n');
          return { config: { ...local, slack: demo.slack }, done: () => demo.simulator.close() };
        },
      })) as SyncRun;
      const result = outcome(run);
      if (result.exitCode !== 0) throw new CliError(result.message, result.exitCode);
      io.stdout.write(`${result.message}\n`);
    });

  program
    .command('serve')
    .description('serve the GraphQL API, sync on schedule (migrates the database on start; demo mode without a Slack token)')
    .action(async (_opts, command: Command) => {
      const config = settingsOf(command, io);
      const logger = createLogger({ ...config.log, destination: io.stdout });
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

  registerSimulateCommand(program);
  registerClientCommands(program, io);
  registerExportCommand(program, io);

  return program;
}

/** Runs one command line; returns the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      io.stderr.write(`slackgate: ${error.message.replace(/^error: /, '')} (see slackgate --help)\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`slackgate: invalid configuration: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliError || error instanceof OperationError) {
      io.stderr.write(`slackgate: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
