#!/usr/bin/env node
// Runs the compiled build in dist/ when it was made from the sources as they are now (npm install
// and npm start build it); otherwise runs the TypeScript sources directly through tsx, so an
// edited checkout needs no build step and never runs a stale one.
import { readFile } from 'node:fs/promises';
import { buildStamp, sourceDigest } from '../scripts/source-digest.js';

const root = new URL('..', import.meta.url);

async function builtCli() {
  let stamp;
  try {
    stamp = JSON.parse(await readFile(buildStamp(root), 'utf8'));
  } catch {
    return undefined;
  }
  if (stamp.digest !== (await sourceDigest(root))) return undefined;
  return import('../dist/cli.js');
}

async function sourceCli() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = (await builtCli()) ?? (await sourceCli());

const stopSignal = new Promise((resolve) => {
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => resolve(signal));
});
const code = await main(process.argv, { env: process.env, stdout: process.stdout, stderr: process.stderr, stopSignal });
// Commands return once their work is done (serve: after shutdown); anything still holding the
// event loop then (idle pool sockets, timers) must not keep the process alive.
process.exit(code);
