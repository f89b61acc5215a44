import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { csvField } from '../../src/export/format.ts';
import { seedCatalog } from '../support/catalog.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();
let dir: string;
let database: Database;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slackgate-export-'));
  // The CLI opens its own database: this file's Postgres database, or a PGlite directory.
  database = backend === 'postgres' ? t.database : await createDb({ dataDir: path.join(dir, 'data') });
  await migrateToLatest(database.db);
  await seedCatalog(database.db, 150);
  const review = await database.db.insertInto('access_reviews').values({ name: 'Q1, "engineering"', scope: JSON.stringify({ resourceTypes: ['userGroup'] }) }).returning('id').executeTakeFirstOrThrow();
  const grants = await database.db.selectFrom('grants').select(['id', 'external_id', 'entitlement_id', 'account_id']).orderBy('id').limit(10).execute();
  await database.db
    .insertInto('review_items')
    .values(grants.map((g, i) => ({ review_id: review.id, grant_id: g.id, grant_external_id: g.external_id, entitlement_id: g.entitlement_id, account_id: g.account_id, snapshot: JSON.stringify({ entitlement: 'x', account: 'y' }), decision: i % 3 === 0 ? 'REVOKE' : 'KEEP', comment: i === 1 ? '=HYPERLINK("x")' : null })))
    .execute();
  if (backend === 'pglite') await database.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function slackgate(...args: string[]): Promise<CliResult> {
  return runCli(backend === 'postgres' ? { DATABASE_URL: t.url as string } : { SLACKGATE_DATA_DIR: path.join(dir, 'data') }, ...args);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe(`slackgate export (${backend})`, () => {
  it('export grants --format csv writes every grant and a SHA-256 that matches the file', async () => {
    const file = path.join(dir, 'grants.csv');
    const res = await slackgate('export', 'grants', '--format', 'csv', '--output', file);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const bytes = await readFile(file);
    const hash = sha256(bytes);
    expect(res.stdout).toContain(`sha256 ${hash}`);
    expect(await readFile(`${file}.sha256`, 'utf8')).toBe(`${hash}  grants.csv\n`);
    const lines = bytes.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('grant,entitlement,entitlement_name,resource_type,resource,workspace,account,slack_id,email,name,account_status,account_type,is_guest,source,granted_at,expires_at,request_id');
    // seedCatalog: 150 workspace members, 120 in the user group, 5 in T2, 3 in the channel, 1 admin.
    expect(lines).toHaveLength(1 + 150 + 120 + 5 + 3 + 1);
  });

  it('export grants --format json is valid JSON with the same rows, and its hash matches', async () => {
    const file = path.join(dir, 'grants.json');
    const res = await slackgate('export', 'grants', '--format', 'json', '--output', file);
    expect(res.code).toBe(0);
    const bytes = await readFile(file);
    expect(res.stdout).toContain(`sha256 ${sha256(bytes)}`);
    const parsed = JSON.parse(bytes.toString('utf8')) as { kind: string; grants: { grant: string; source: string }[] };
    expect(parsed.kind).toBe('grants');
    expect(parsed.grants).toHaveLength(279);
    expect(parsed.grants.filter((g) => g.source === 'DIRECT')).toHaveLength(3);
  });

  it('export review writes the evidence of a review; to stdout the hash goes to stderr', async () => {
    const res = await slackgate('export', 'review', '1', '--format', 'csv');
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`sha256 ${sha256(Buffer.from(res.stdout, 'utf8'))}`);
    const lines = res.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(11);
    // A comment that looks like a spreadsheet formula is defused.
    expect(res.stdout).toContain(`"'=HYPERLINK(""x"")"`);
    const missing = await slackgate('export', 'review', '999', '--format', 'json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('access review 999 does not exist');
  });

  it('refuses an unknown format before touching anything', async () => {
    const res = await slackgate('export', 'grants', '--format', 'xlsx');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--format must be csv or json');
  });

  it('quotes CSV fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2030-01-01T00:00:00Z'))).toBe('2030-01-01T00:00:00.000Z');
  });
});
