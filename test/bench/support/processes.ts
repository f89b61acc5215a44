import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { SimulatorOptions } from '../../../src/simulator/index.ts';

export interface SimulatorProcess {
  apiUrl: string;
  scimUrl: string;
  tokens: { bot: string; admin: string; enterprise?: string };
  plan: string;
  child: ChildProcess;
  stop(): void;
}

/** Starts the simulator in a child process and waits until it listens. */
export async function spawnSimulator(options: SimulatorOptions): Promise<SimulatorProcess> {
  const script = new URL('./simulator-process.ts', import.meta.url).pathname;
  // The simulator is not what is measured: it never inherits the measured process's memory caps.
  const env = { ...process.env, NODE_OPTIONS: undefined };
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const info = JSON.parse(line) as Omit<SimulatorProcess, 'child' | 'stop'>;
  return { ...info, child, stop: () => child.kill('SIGTERM') };
}

export function benchAdminUrl(): string {
  return process.env.SLACKGATE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A fresh, empty Postgres database for one measurement; returns its URL and a drop function. */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = benchAdminUrl();
  const name = `slackgate_bench_${label}_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Samples this process's RSS until stopped; returns the peak in MB. */
export function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6);
    },
  };
}

/**
 * bin/slackgate.js, after building dist/ from the sources as they are: what `npm install` and
 * `npm start` leave a user to run, so a benchmark never measures the TypeScript loader instead.
 */
export function builtSlackgate(): string {
  execFileSync(process.execPath, [new URL('../../../scripts/build.mjs', import.meta.url).pathname], { stdio: 'ignore' });
  return new URL('../../../bin/slackgate.js', import.meta.url).pathname;
}
