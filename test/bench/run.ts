// `npm run bench -- <name> [args]` runs test/bench/<name>.ts; without a name, lists them.
import { readdir } from 'node:fs/promises';

const [name, ...args] = process.argv.slice(2);
const here = new URL('.', import.meta.url);
const available = (await readdir(here)).filter((f) => f.endsWith('.ts') && f !== 'run.ts').map((f) => f.replace(/\.ts$/, ''));

if (!name || !available.includes(name)) {
  console.log(`usage: npm run bench -- <${available.join('|')}> [args]`);
  process.exit(name ? 2 : 0);
}
const bench = (await import(new URL(`./${name}.ts`, here).href)) as { default: (args: string[]) => Promise<void> };
await bench.default(args);
