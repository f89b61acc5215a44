import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely, LogEvent } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type Backend, type Database } from '../../src/db/createDb.ts';
import type { DB } from '../../src/db/schema.ts';
import { testDatabaseName } from './global-setup.ts';

export const backend: Backend = process.env.SLACKGATE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  database: Database;
  db: Kysely<DB>;
  backend: Backend;
  /** Postgres URL of this file's database (Postgres backend only): for a second connection. */
  url?: string;
}

/**
 * A migrated database of the selected backend, private to the calling test file: a PGlite
 * instance loaded from the migrated template, or a Postgres database copied from it.
 */
export async function openTestDatabase(options: { onQuery?: (event: LogEvent) => void } = {}): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dump = await readFile(inject('pgliteTemplate'));
    const pglite = new PGlite({ loadDataDir: new Blob([dump]) });
    const database = await createDb({ pglite, onQuery: options.onQuery });
    return { database, db: database.db, backend, drop: () => database.close() };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = testDatabaseName('file');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.href;
  const database = await createDb({ url, onQuery: options.onQuery, poolSize: 5 });
  return {
    database,
    db: database.db,
    backend,
    url,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Registers a private database for the current test file (opened before all, dropped after). */
export function useTestDatabase(options: { onQuery?: (event: LogEvent) => void } = {}): TestDatabase {
  let current: (TestDatabase & { drop(): Promise<void> }) | undefined;
  beforeAll(async () => {
    current = await openTestDatabase(options);
  });
  afterAll(async () => {
    await current?.drop();
  });
  const get = (): TestDatabase => {
    if (!current) throw new Error('test database used outside a test');
    return current;
  };
  return {
    get database() {
      return get().database;
    },
    get db() {
      return get().db;
    },
    get backend() {
      return get().backend;
    },
    get url() {
      return get().url;
    },
  };
}
