// `slackgate …` run in-process, for tests of the command line.
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `slackgate ...args` with this environment (DATABASE_URL or SLACKGATE_DATA_DIR) and what it printed. */
export async function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += String(c)));
  err.on('data', (c) => (stderr += String(c)));
  const code = await main(['node', 'slackgate', ...args], { env, stdout: out, stderr: err, stopSignal: new Promise(() => {}) });
  return { code, stdout, stderr };
}
