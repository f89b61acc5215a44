import type { Command } from 'commander';
import type { OperationRequest } from '../admin/run.ts';
import { createLogger } from '../log.ts';
import { settingsOf, type CliIo } from './io.ts';

/**
 * Runs a command's operation where the data directory allows it: through the server that owns it
 * (so it sees the change at once), or here when none does; on Postgres directly. The log goes to
 * stderr, at the configured level, at warnings only (`warn`), or one step quieter than the
 * default (`quieter`: info becomes warn, a chosen debug level stays).
 */
export async function runCommandOperation(
  command: Command,
  io: CliIo,
  request: Omit<OperationRequest, 'config' | 'logger' | 'onLine'> & Partial<Pick<OperationRequest, 'onLine'>>,
  log: 'configured' | 'warn' | 'quieter' = 'configured',
): Promise<unknown> {
  const config = settingsOf(command, io);
  const level = log === 'warn' || (log === 'quieter' && config.log.level === 'info') ? 'warn' : config.log.level;
  const logger = createLogger({ ...config.log, level, destination: io.stderr });
  const { runOperation } = await import('../admin/run.ts');
  return runOperation({ onLine: () => {}, ...request, config, logger });
}
