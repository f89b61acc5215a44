import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

// A copy of the checkout (sharing node_modules), so the build and the edits below never touch
// the working tree's own dist/ or sources.
let copy: string;

async function help(): Promise<string> {
  const { stdout } = await run(process.execPath, [join(copy, 'bin/slackgate.js'), '--help'], { env: { PATH: process.env.PATH }, timeout: 30_000 });
  return stdout;
}

/** Marks the compiled build, so an answer shows whether it came from dist/ or from the sources. */
async function markBuild(): Promise<void> {
  const file = join(copy, 'dist/cli.js');
  const code = await readFile(file, 'utf8');
  if (code.includes('COMPILED BUILD')) return;
  expect(code).toContain('Self-hosted access-governance gateway for Slack');
  await writeFile(file, code.replace('Self-hosted access-governance gateway for Slack', 'COMPILED BUILD'));
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'slackgate-build-'));
  for (const dir of ['bin', 'scripts', 'src', 'migrations']) await cp(join(ROOT, dir), join(copy, dir), { recursive: true });
  await cp(join(ROOT, 'package.json'), join(copy, 'package.json'));
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  await run(process.execPath, [join(copy, 'scripts/build.mjs')], { timeout: 60_000 });
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('bin/slackgate.js and the compiled build', () => {
  it('runs dist/ when it was built from the sources as they are', async () => {
    await markBuild();
    expect(await help()).toContain('COMPILED BUILD');
  });

  it('runs the sources, not a stale dist/, once a source file changes', async () => {
    await markBuild();
    const file = join(copy, 'src/cli/main.ts');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace('Self-hosted access-governance gateway for Slack', 'EDITED SOURCES'));
    const out = await help();
    expect(out).toContain('EDITED SOURCES');
    expect(out).not.toContain('COMPILED BUILD');
    await writeFile(file, source);
    expect(await help()).toContain('COMPILED BUILD');
  });

  it('runs the sources when the build never finished (no stamp)', async () => {
    await markBuild();
    await rm(join(copy, 'dist/build.json'));
    const out = await help();
    expect(out).toContain('Self-hosted access-governance gateway for Slack');
    expect(out).not.toContain('COMPILED BUILD');
  });
});
