import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/slackgate.js', import.meta.url).pathname;

async function slackgate(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('slackgate command line', () => {
  it('--help lists every setting with its environment variable', async () => {
    const { code, stdout } = await slackgate(['--help']);
    expect(code).toBe(0);
    const flat = stdout.replace(/\s+/g, ' ');
    for (const spec of SETTINGS) {
      expect(flat).toContain(spec.flag);
      for (const env of [spec.env, ...spec.aliases]) expect(flat).toContain(env);
    }
  });

  it('a command\'s --help lists the settings too', async () => {
    const { code, stdout } = await slackgate(['serve', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--database-url');
    expect(stdout).toContain('BATON_TOKEN');
  });

  it('exits 2 with one line on a malformed DATABASE_URL', async () => {
    const { code, stderr } = await slackgate(['migrate'], { DATABASE_URL: 'not a url' });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--database-url \(DATABASE_URL\)/);
  });

  it('exits 2 with one line on an unknown flag', async () => {
    const { code, stderr } = await slackgate(['migrate', '--no-such-flag']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("slackgate: unknown option '--no-such-flag' (see slackgate --help)");
  });

  it('exits non-zero with one clear line when Postgres cannot be reached', async () => {
    const { code, stderr } = await slackgate(['migrate'], { DATABASE_URL: 'postgres://nobody:pw-secret@127.0.0.1:1/none' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot open|cannot migrate/);
    expect(stderr).not.toContain('pw-secret');
  });

  it('the README documents every setting', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const spec of SETTINGS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${spec.flag.split(' ')[0]}\` |`));
      expect(row, `README row for ${spec.flag}`).toBeDefined();
      for (const env of [spec.env, ...spec.aliases]) expect(row).toContain(env);
    }
  });
});
