import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/createDb.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory dump, loaded by each test file into its own instance. */
    pgliteTemplate: string;
    /** Admin URL of the Postgres server and the migrated template database to copy per file. */
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

// Test databases are named slackgate_test_<unix seconds>_<random>, so that concurrent runs on
// one server never touch each other's databases, and ones left by a killed run can be told by age.
export function testDatabaseName(kind: string): string {
  return `slackgate_test_${Math.floor(Date.now() / 1000)}_${kind}_${Math.random().toString(16).slice(2, 10)}`;
}
const STALE_AFTER_S = 3 * 3600;

export function postgresAdminUrl(): string {
  return process.env.SLACKGATE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.href;
}

/**
 * Migrates once per run, then every test file starts from a copy: a PGlite dump loaded into a
 * fresh instance, or a Postgres database created from a migrated template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'slackgate-test-'));

  const pglite = new PGlite();
  const embedded = await createDb({ pglite });
  await migrateToLatest(embedded.db);
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();
  project.provide('pgliteTemplate', file);

  const adminUrl = postgresAdminUrl();
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', '');
  if (project.name === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(
        `the postgres test project needs a Postgres server at ${adminUrl} (set SLACKGATE_TEST_DATABASE_URL, or run npm run test:pglite): ${(error as Error).message}`,
      );
    }
    // Databases left by killed runs, hours ago.
    const stale = await admin.query<{ datname: string }>("select datname from pg_database where datname ~ '^slackgate_test_[0-9]+_'");
    for (const { datname } of stale.rows) {
      const created = Number(datname.split('_')[2]);
      if (Date.now() / 1000 - created > STALE_AFTER_S) await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    const templateDb = testDatabaseName('template');
    await admin.query(`create database ${templateDb}`);
    const template = await createDb({ url: withDatabase(adminUrl, templateDb), poolSize: 1 });
    await migrateToLatest(template.db);
    await template.close();
    await admin.end();
    project.provide('postgresTemplate', templateDb);
    return async () => {
      await rm(dir, { recursive: true, force: true });
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${templateDb} with (force)`);
      await cleanup.end();
    };
  }

  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
