#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npm install && npm start` needs no build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');

const stopSignal = new Promise((resolve) => {
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => resolve(signal));
});
const code = await main(process.argv, { env: process.env, stdout: process.stdout, stderr: process.stderr, stopSignal });
// Commands return once their work is done (serve: after shutdown); anything still holding the
// event loop then (idle pool sockets, timers) must not keep the process alive.
process.exit(code);
