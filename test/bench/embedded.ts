// `npm run bench -- embedded [--users 5000,20000,50000] [--no-serve]`
//
// The embedded default (PGlite, no DATABASE_URL) measured the way users run it, as real
// processes of the compiled build, with peak resident memory read from the kernel (VmHWM in
// /proc/<pid>/status, polled until the process ends, for the process and any child it starts):
//  - demo `slackgate serve` on a new data directory, from start until its first sync succeeded
//    and a few seconds after;
//  - `slackgate sync` of a Business+ organization of N users (simulator in its own process) into
//    a new data directory: time and peak memory, for each N.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtSlackgate, spawnSimulator } from './support/processes.ts';

/** Node/V8 flags for the measured processes (to compare settings side by side): --node-args "--flag …". */
let nodeArgs: string[] = [];

interface Peak {
  /** The process's own high-water mark. */
  selfMb: number;
  /** The highest high-water mark of a child process it started (the one-off database creation). */
  childMb: number;
}

/** Polls the kernel's peak RSS of a process and of its children until it exits. */
function watchPeak(child: ChildProcess): { done: Promise<Peak & { code: number | null }> } {
  let self = 0;
  let children = 0;
  const hwm = async (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  const poll = setInterval(() => {
    const pid = child.pid as number;
    hwm(pid).then((kb) => (self = Math.max(self, kb)), () => {});
    readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .then((text) => Promise.all(text.trim().split(/\s+/).filter(Boolean).map((c) => hwm(Number(c)).catch(() => 0))))
      .then((kbs) => (children = Math.max(children, ...kbs)), () => {});
  }, 20);
  const done = new Promise<Peak & { code: number | null }>((resolve) =>
    child.once('exit', (code) => {
      clearInterval(poll);
      resolve({ selfMb: Math.round((self * 1024) / 1e6), childMb: Math.round((children * 1024) / 1e6), code });
    }),
  );
  return { done };
}

async function demoServe(bin: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'slackgate-bench-embedded-'));
  try {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, bin, 'serve'], { env: { PATH: process.env.PATH, PORT: '0', SLACKGATE_DATA_DIR: dir, LOG_FORMAT: 'json' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const peak = watchPeak(child);
    let out = '';
    let syncedAt = 0;
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!syncedAt && /"msg":"sync finished"/.test(out) && /"status":"SUCCEEDED"/.test(out)) syncedAt = performance.now();
    });
    const deadline = Date.now() + 120_000;
    while (!syncedAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (!syncedAt) throw new Error('demo serve did not finish its first sync within 2 minutes');
    // Serving: a few seconds of the steady state after the first sync.
    await new Promise((r) => setTimeout(r, 5000));
    const rss = Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
    child.kill('SIGTERM');
    const p = await peak.done;
    console.log(
      `demo serve (new data directory): first sync done after ${((syncedAt - started) / 1000).toFixed(1)} s; ` +
        `peak RSS ${p.selfMb} MB (steady ${Math.round((rss * 1024) / 1e6)} MB); the one-off database creation (child process) peaked at ${p.childMb} MB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function embeddedSync(bin: string, users: number): Promise<void> {
  const sim = await spawnSimulator({ plan: 'business-plus', seed: 1, users, userGroups: Math.max(20, Math.round(users / 25)), channels: Math.max(20, Math.round(users / 100)), idpGroups: Math.max(10, Math.round(users / 250)) });
  const dir = await mkdtemp(path.join(tmpdir(), 'slackgate-bench-embedded-'));
  try {
    const env = {
      PATH: process.env.PATH,
      SLACKGATE_DATA_DIR: dir,
      SLACKGATE_TOKEN: sim.tokens.bot,
      SLACKGATE_BUSINESS_PLUS_TOKEN: sim.tokens.admin,
      SLACKGATE_SSO_ENABLED: 'true',
      SLACKGATE_SLACK_API_URL: sim.apiUrl,
      SLACKGATE_SCIM_API_URL: sim.scimUrl,
    };
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, bin, 'sync'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const peak = watchPeak(child);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    const p = await peak.done;
    const seconds = (performance.now() - started) / 1000;
    if (p.code !== 0) throw new Error(`slackgate sync exited ${p.code}: ${err.trim().split('\n').at(-1)}`);
    console.log(`sync of a ${users.toLocaleString('en-US')}-user Business+ org into a new data directory: ${seconds.toFixed(1)} s, peak RSS ${p.selfMb} MB (database creation child ${p.childMb} MB) — ${out.trim()}`);
  } finally {
    sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export default async function main(args: string[]): Promise<void> {
  const usersArg = args.indexOf('--users');
  const sizes = usersArg >= 0 ? (args[usersArg + 1] ?? '5000').split(',').map(Number) : [5000, 20000, 50000];
  const flags = args.indexOf('--node-args');
  if (flags >= 0) nodeArgs = (args[flags + 1] ?? '').split(' ').filter(Boolean);
  const bin = builtSlackgate();
  console.log(`embedded benchmark (PGlite), node ${process.version}${nodeArgs.length ? ` ${nodeArgs.join(' ')}` : ''}`);
  if (!args.includes('--no-serve')) await demoServe(bin);
  for (const users of sizes) await embeddedSync(bin, users);
}
