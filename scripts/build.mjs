// Compiles the TypeScript sources into dist/: one ESM bundle of our code (dependencies stay
// imports, but for the few in BUNDLED), split so each command loads only its own part.
// bin/slackgate.js runs it when it matches the sources, which spares every process the
// TypeScript loader: about 45 MB of resident memory and a second of start-up. Runs on `npm install` (prepare) and `npm start`.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { buildStamp, sourceDigest } from './source-digest.js';

const root = new URL('..', import.meta.url);
const outdir = new URL('dist/', root).pathname;
const started = performance.now();
// Bundled with our code: Kysely ships as 280 small ES modules, and resolving and loading them one
// by one took longer than anything else a command does before its work (about 0.3 s of every
// `slackgate sync`, `migrate` or CLI call on this machine; one bundled file loads in a quarter of
// that). Its PGlite dialect comes along, so that both use the same copy of Kysely.
const BUNDLED = new Set(['kysely', 'kysely-pglite-dialect']);
const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const external = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);
const digest = await sourceDigest(root);
await rm(outdir, { recursive: true, force: true });
await build({
  // The CLI, the sync worker thread (dist/sync-worker.js, beside the chunks that load it), and the
  // typed client internal tools import as slackgate/client.
  entryPoints: [
    { in: new URL('src/cli/main.ts', root).pathname, out: 'cli' },
    { in: new URL('src/sync/worker.ts', root).pathname, out: 'sync-worker' },
    { in: new URL('src/client/index.ts', root).pathname, out: 'client/index' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: 'linked',
  logLevel: 'warning',
});
// Written last: a build cut short leaves no stamp, and the sources run instead.
await writeFile(buildStamp(root), `${JSON.stringify({ digest })}\n`);
console.log(`slackgate: built dist/ in ${Math.round(performance.now() - started)} ms`);
