import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliError, settingsOf, type CliIo } from './io.ts';
import { createLogger } from '../log.ts';
import type { ExportFormat, ExportWriter } from '../export/format.ts';

function formatOf(text: string | undefined): ExportFormat {
  const format = (text ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, not "${text}"`, 2);
  return format;
}

/** Writes to a stream, waiting when it is full (an export of a large organization never sits in memory). */
function streamWriter(stream: NodeJS.WritableStream): ExportWriter {
  // A reader that stops early (`| head`) closes the pipe: the rest is dropped, not an error.
  let closed = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    stream.emit('drain');
  };
  stream.on('error', onError);
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        if (closed) return resolve();
        const ok = stream.write(chunk, (error) => {
          if (!error) return;
          if ((error as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
          else reject(error);
        });
        if (ok) resolve();
        else stream.once('drain', () => resolve());
      }),
  };
}

async function closeFile(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

interface ExportResult {
  sha256: string;
  bytes: number;
  rows: number;
}

/**
 * Runs an export where the data directory allows it (through its server, or here) and writes its
 * chunks, in order, to the file or stdout.
 */
async function runExport(command: Command, io: CliIo, what: string, op: string, opts: { format?: string; output?: string }, params: Record<string, unknown>): Promise<void> {
  const format = formatOf(opts.format);
  const config = settingsOf(command, io);
  const logger = createLogger({ ...config.log, level: 'warn', destination: io.stderr });
  const { runOperation } = await import('../admin/run.ts');
  const file = opts.output ? createWriteStream(opts.output) : undefined;
  const writer = streamWriter(file ?? io.stdout);
  let result: ExportResult | null;
  try {
    result = (await runOperation({
      config,
      logger,
      command: op.replace('.', ' '),
      op,
      params: { ...params, format },
      onLine: (line) => (line.chunk === undefined ? undefined : writer.write(line.chunk)),
    })) as ExportResult | null;
  } finally {
    if (file) await closeFile(file);
  }
  if (!result) throw new CliError(`nothing to export: ${what} does not exist`);
  if (opts.output) {
    // sha256sum -c reads this file: "<hex>  <name>".
    await writeFile(`${opts.output}.sha256`, `${result.sha256}  ${basename(opts.output)}\n`);
    io.stdout.write(`wrote ${opts.output}: ${result.rows} row(s), ${result.bytes} bytes\nsha256 ${result.sha256}  (also in ${opts.output}.sha256)\n`);
  } else {
    io.stderr.write(`sha256 ${result.sha256}  (${result.rows} row(s), ${result.bytes} bytes on stdout)\n`);
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
      await runExport(command, io, 'grants', 'export.grants', opts, {});
    });
  exp
    .command('review <id>')
    .description('an access review: every item, its decision, reviewer, time, comment and revoke outcome')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--output <file>', 'write to this file (and its SHA-256 to <file>.sha256) instead of stdout')
    .action(async (id: string, opts: { format?: string; output?: string }, command: Command) => {
      if (!/^\d{1,15}$/.test(id)) throw new CliError(`review id must be the review number, not "${id}"`, 2);
      await runExport(command, io, `access review ${id}`, 'export.review', opts, { id: Number(id) });
    });
}
