import type { Command } from 'commander';
import { resolveConfig, type Config } from '../config.ts';

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

/** The validated configuration of a command: its flags, the global ones and the environment. */
export function settingsOf(command: Command, io: CliIo): Config {
  return resolveConfig(command.optsWithGlobals(), io.env);
}

