import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'slackgate-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `slackgate …` in-process against this file's database (Postgres) or a PGlite directory. */
function slackgate(...args: string[]): Promise<CliResult> {
  return runCli(backend === 'postgres' ? { DATABASE_URL: t.url as string } : { SLACKGATE_DATA_DIR: dataDir }, ...args);
}

async function withCliDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (backend === 'postgres') return work(t.database);
  const database = await createDb({ dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

describe(`slackgate client commands (${backend})`, () => {
  it('creates a client and prints its secret once; list shows only a prefix', async () => {
    const created = await slackgate('client', 'create', '--name', 'access portal', '--scopes', 'read,request');
    expect(created.code).toBe(0);
    const id = /client_id:\s+(\S+)/.exec(created.stdout)?.[1] as string;
    const secret = /client_secret:\s+(\S+)/.exec(created.stdout)?.[1] as string;
    expect(id).toMatch(/^sgc_/);
    expect(secret).toMatch(/^sgs_/);
    const listed = await slackgate('client', 'list');
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain('read,request');
    expect(listed.stdout).toContain(`${secret.slice(0, 12)}…`);
    expect(listed.stdout).not.toContain(secret);
  });

  it('rotates a secret keeping the id, and revokes a client; both are audited without secrets', async () => {
    const created = await slackgate('client', 'create', '--name', 'ci', '--scopes', 'sync');
    const id = /client_id:\s+(\S+)/.exec(created.stdout)?.[1] as string;
    const oldSecret = /client_secret:\s+(\S+)/.exec(created.stdout)?.[1] as string;
    const rotated = await slackgate('client', 'rotate', id);
    expect(rotated.code).toBe(0);
    expect(/client_id:\s+(\S+)/.exec(rotated.stdout)?.[1]).toBe(id);
    const newSecret = /client_secret:\s+(\S+)/.exec(rotated.stdout)?.[1] as string;
    expect(newSecret).not.toBe(oldSecret);
    const revoked = await slackgate('client', 'revoke', id);
    expect(revoked.code).toBe(0);
    expect((await slackgate('client', 'list')).stdout).toMatch(new RegExp(`${id}.*revoked`));
    await withCliDatabase(async (database) => {
      const events = await database.db.selectFrom('audit_events').selectAll().where('target_id', '=', id).orderBy('id').execute();
      expect(events.map((e) => e.action)).toEqual(['client.create', 'client.rotate', 'client.revoke']);
      expect(events.every((e) => e.actor_label?.startsWith('cli:'))).toBe(true);
      const text = JSON.stringify(events);
      expect(text).not.toContain(oldSecret);
      expect(text).not.toContain(newSecret);
    });
  });

  it('refuses unknown scopes and unknown clients with one clear line', async () => {
    const badScope = await slackgate('client', 'create', '--name', 'x', '--scopes', 'read,superuser');
    expect(badScope.code).toBe(2);
    expect(badScope.stderr.trim()).toBe('slackgate: unknown scope "superuser"; use read, request, approve, provision, review, sync, admin');
    const missing = await slackgate('client', 'rotate', 'sgc_nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no API client with id sgc_nobody');
  });
});
