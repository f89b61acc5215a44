import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import type { LogFormat, LogLevel } from './config.ts';

export type { Logger } from 'pino';

/**
 * Field paths that may carry a secret anywhere in a log record. Secrets are also wrapped in
 * `Secret`, which prints as `[redacted]`; this is the second belt.
 */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'databaseUrl',
  '*.databaseUrl',
];

export function createLogger(options: { level: LogLevel; format: LogFormat; destination?: NodeJS.WritableStream }): Logger {
  const base = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'slackgate' },
  };
  const destination = options.destination ?? process.stdout;
  if (options.format === 'pretty') {
    // Loaded for this format only: json is the default, and pino-pretty (with what it requires)
    // takes longer to load than the rest of the logger.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    return pino(base, pretty({ destination, colorize: destination === process.stdout && process.stdout.isTTY, sync: true }));
  }
  return pino(base, destination === process.stdout ? pino.destination({ dest: 1, sync: true }) : destination);
}
