import { Command, CommanderError, Option } from 'commander';
import { ConfigError, describeSetting, resolveConfig, SETTINGS, type Config } from './config.ts';
import { createDb, type Database } from './db/createDb.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger } from './log.ts';
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

export async function openDatabase(config: Config): Promise<Database> {
  try {
    return await createDb({ url: config.database.url?.reveal(), dataDir: config.database.dataDir });
  } catch (error) {
    throw new CliError(`cannot open the database: ${describeDbError(error)}`);
  }
}

function describeDbError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return 'connection refused; is Postgres running at DATABASE_URL?';
  // pg error messages do not contain the connection string or password.
  return e.message ?? String(error);
}

async function migrateDatabase(database: Database): Promise<string[]> {
  try {
    const results = await migrateToLatest(database.db);
    return results.map((r) => r.migrationName);
  } catch (error) {
    throw new CliError(`cannot migrate the database: ${describeDbError(error)}`);
  }
}

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
      const database = await openDatabase(config);
      try {
        const applied = await migrateDatabase(database);
        io.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n');
      } finally {
        await database.close();
      }
    });

  program
    .command('sync')
    .description('run one full sync now, with live progress; exit 0 on success')
    .option('--confirm-deletions', 'apply deletions even if the mass-revocation guard would hold them back')
    .action(async (opts: { confirmDeletions?: boolean }, command: Command) => {
      const config = settingsOf(command, io);
      if (!config.slack.token) throw new CliError('sync needs a Slack bot token: set --token or SLACKGATE_TOKEN', 2);
      const logger = createLogger({ ...config.log, level: config.log.level === 'info' ? 'warn' : config.log.level, destination: io.stderr });
      const database = await openDatabase(config);
      try {
        await migrateDatabase(database);
        const { syncOnce } = await import('./sync/command.ts');
        const result = await syncOnce({ database, config, logger, out: io.stderr, confirmDeletions: opts.confirmDeletions === true });
        if (result.exitCode !== 0) throw new CliError(result.message, result.exitCode);
        io.stdout.write(`${result.message}\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('serve')
    .description('serve the GraphQL API, sync on schedule (migrates the database on start; demo mode without a Slack token)')
    .action(async (_opts, command: Command) => {
      const config = settingsOf(command, io);
      const logger = createLogger({ ...config.log, destination: io.stdout });
      // A promise nobody awaited failing (a lost connection's late error) is logged, not fatal:
      // a serving gateway ends only when told to.
      process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection; the gateway keeps serving'));
      const database = await openDatabase(config);
      await migrateDatabase(database);
      const { demoBanner, ServiceConfigError, startService } = await import('./service.ts');
      let service;
      try {
        service = await startService({ config, database, logger });
      } catch (error) {
        await database.close();
        if (error instanceof ServiceConfigError) throw new CliError(error.message, 2);
        throw error;
      }
      if (service.demo) io.stdout.write(demoBanner(service));
      logger.info({ url: service.url, database: database.backend, demo: service.demo !== undefined }, `slackgate serving GraphQL at ${service.url}/graphql`);
      const signal = await io.stopSignal;
      logger.info({ signal }, 'shutting down');
      // Bounded: whatever has not stopped by then (a stuck request, a long apply) is abandoned;
      // a sync cut this way resumes from its checkpoints on the next start.
      const stopped = await stopWithin(SHUTDOWN_DEADLINE_MS, async () => {
        await service.close();
        await database.close();
      });
      if (!stopped) throw new CliError(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000}s; exiting anyway`);
      logger.info('stopped');
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
    if (error instanceof CliError) {
      io.stderr.write(`slackgate: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
