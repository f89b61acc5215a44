import { Command, CommanderError, Option } from 'commander';
import { ConfigError, describeSetting, SETTINGS } from '../config.ts';
import { OperationError } from '../admin/errors.ts';
import type { SyncRun } from '../db/schema.ts';
import type { SyncProgressEvent } from '../sync/types.ts';
import { registerSimulateCommand } from '../simulator/command.ts';
import { registerClientCommands } from './client.ts';
import { registerExportCommand } from './export.ts';
import { CliError, type CliIo } from './io.ts';
import { runCommandOperation } from './operation.ts';
import { registerServeCommand } from './serve.ts';
import { startTracing } from '../telemetry.ts';
/**
 * The `slackgate` command line: one file per command group under cli/ (serve, client, export;
 * sync and migrate here), shared IO and errors in io.ts.
 */
// Each command loads its heavy modules when it runs (serve: the GraphQL server; sync: the engine;
// simulate: the simulator), so a `sync` or `client` process does not carry the server's code.


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
      const applied = (await runCommandOperation(command, io, { command: 'migrate', op: 'migrate', params: {} })) as string[];
      io.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n');
    });

  program
    .command('sync')
    .description('run one full sync now, with live progress; exit 0 on success (through the running server when one owns the data directory; the demo organization without a token)')
    .option('--confirm-deletions', 'apply deletions even if the mass-revocation guard would hold them back')
    .action(async (opts: { confirmDeletions?: boolean }, command: Command) => {
      const [{ outcome }, { progressPrinter }] = await Promise.all([import('../sync/command.ts'), import('../sync/progress.ts')]);
      const printProgress = progressPrinter(io.stderr);
      const run = (await runCommandOperation(command, io, {
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
          const { demoSlack } = await import('../service.ts');
          const demo = await demoSlack(local);
          io.stderr.write('no Slack token: syncing the simulated demo organization (set SLACKGATE_TOKEN to sync yours)\n');
          return { config: { ...local, slack: demo.slack }, done: () => demo.simulator.close() };
        },
      }, 'quieter')) as SyncRun;
      const result = outcome(run);
      if (result.exitCode !== 0) throw new CliError(result.message, result.exitCode);
      io.stdout.write(`${result.message}\n`);
    });

  registerServeCommand(program, io);
  registerSimulateCommand(program);
  registerClientCommands(program, io);
  registerExportCommand(program, io);

  return program;
}

/** Runs one command line; returns the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  // OpenTelemetry traces when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing is loaded otherwise.
  let tracing;
  try {
    tracing = await startTracing(io.env);
  } catch (error) {
    io.stderr.write(`slackgate: invalid configuration: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    return await run(argv, io);
  } finally {
    await tracing?.shutdown().catch((error: Error) => io.stderr.write(`slackgate: could not send the last traces: ${error.message}\n`));
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
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
