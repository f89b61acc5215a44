import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { recordAudit } from '../audit/record.ts';
import { CliError, openDatabase, type CliIo } from '../cli.ts';
import { resolveConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { ExportFormat, ExportWriter } from './format.ts';
import { exportGrants } from './grants.ts';
import { exportReview } from './review.ts';

function formatOf(text: string | undefined): ExportFormat {
  const format = (text ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, not "${text}"`, 2);
  return format;
}

function cliLabel(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

/** Writes to a stream, waiting when it is full (an export of a large organization never sits in memory). */
function streamWriter(stream: NodeJS.WritableStream): ExportWriter {
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        const ok = stream.write(chunk, (error) => (error ? reject(error) : undefined));
        if (ok) resolve();
        else stream.once('drain', () => resolve());
      }),
  };
}

async function closeFile(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

type Exporter = (writer: ExportWriter, format: ExportFormat) => Promise<{ sha256: string; bytes: number; rows: number } | undefined>;

async function runExport(command: Command, io: CliIo, what: string, opts: { format?: string; output?: string }, run: (db: Parameters<typeof exportGrants>[0]) => Exporter): Promise<void> {
  const format = formatOf(opts.format);
  const config = resolveConfig(command.optsWithGlobals(), io.env);
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const exporter = run(database.db);
    let result: Awaited<ReturnType<Exporter>>;
    if (opts.output) {
      const file = createWriteStream(opts.output);
      try {
        result = await exporter(streamWriter(file), format);
      } finally {
        await closeFile(file);
      }
      if (!result) throw new CliError(`nothing to export: ${what} does not exist`);
      // sha256sum -c reads this file: "<hex>  <name>".
      await writeFile(`${opts.output}.sha256`, `${result.sha256}  ${basename(opts.output)}\n`);
      io.stdout.write(`wrote ${opts.output}: ${result.rows} row(s), ${result.bytes} bytes\nsha256 ${result.sha256}  (also in ${opts.output}.sha256)\n`);
    } else {
      result = await exporter(streamWriter(io.stdout), format);
      if (!result) throw new CliError(`nothing to export: ${what} does not exist`);
      io.stderr.write(`sha256 ${result.sha256}  (${result.rows} row(s), ${result.bytes} bytes on stdout)\n`);
    }
    await recordAudit(database.db, { action: 'export', outcome: 'SUCCESS', actor: { label: cliLabel() }, target: { type: 'export', id: what }, details: { format, rows: result.rows, bytes: result.bytes, sha256: result.sha256 } });
  } finally {
    await database.close();
  }
}

/** `slackgate export grants|review`: evidence for auditors, with the SHA-256 of the file. */
export function registerExportCommand(program: Command, io: CliIo): void {
  const exp = program.command('export').description('export evidence for auditors (CSV or JSON, with a SHA-256 of the file)');
  exp
    .command('grants')
    .description('access snapshot: every grant in the cache, with its account and entitlement')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--output <file>', 'write to this file (and its SHA-256 to <file>.sha256) instead of stdout')
    .action(async (opts: { format?: string; output?: string }, command: Command) => {
      await runExport(command, io, 'grants', opts, (db) => (writer, format) => exportGrants(db, format, writer));
    });
  exp
    .command('review <id>')
    .description('an access review: every item, its decision, reviewer, time, comment and revoke outcome')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--output <file>', 'write to this file (and its SHA-256 to <file>.sha256) instead of stdout')
    .action(async (id: string, opts: { format?: string; output?: string }, command: Command) => {
      if (!/^\d{1,15}$/.test(id)) throw new CliError(`review id must be the review number, not "${id}"`, 2);
      await runExport(command, io, `access review ${id}`, opts, (db) => (writer, format) => exportReview(db, Number(id), format, writer));
    });
}
