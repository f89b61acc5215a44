import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Backend = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  backend: Backend;
  /** The embedded instance, when the backend is PGlite (for LISTEN/NOTIFY and dumps). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Postgres URL; when unset the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir?: string;
  /** An already created PGlite instance (tests load a migrated template into one). */
  pglite?: PGlite;
  /** Called for every executed statement (statement counting in tests, slow-query logs). */
  onQuery?: (event: LogEvent) => void;
  /** Pool size for Postgres. */
  poolSize?: number;
  applicationName?: string;
}

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

// pg returns int8 (bigint ids, count(*)) as strings, PGlite as numbers. Normalise to numbers
// here, the one place that knows about backends: our ids and counts stay far below 2^53.
const pgTypes = new pg.TypeOverrides();
pgTypes.setTypeParser(INT8_OID, (value: string) => Number(value));

// pg's parser answers ±Infinity (numbers) for 'infinity' values; no column of ours holds one.
const parseTimestamptzSlowly = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (value: string) => Date;

/**
 * Postgres prints timestamptz as `2026-11-28 14:00:00.123456+00` (or `+05:30`): with a `T` and a
 * full offset that is ISO 8601, which the engine's own Date parser reads several times faster
 * than pg's regular-expression parser. Anything else (BC, infinity, 5-digit years, odd offsets)
 * goes to pg's parser.
 */
export function parseTimestamptz(value: string): Date {
  const n = value.length;
  if (n >= 22 && value.charCodeAt(10) === 32) {
    const sign3 = value.charCodeAt(n - 3);
    const sign6 = value.charCodeAt(n - 6);
    const iso =
      sign3 === 43 || sign3 === 45
        ? `${value.slice(0, 10)}T${value.slice(11)}:00`
        : sign6 === 43 || sign6 === 45
          ? `${value.slice(0, 10)}T${value.slice(11)}`
          : undefined;
    if (iso) {
      const date = new Date(iso);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  return parseTimestamptzSlowly(value);
}
pgTypes.setTypeParser(TIMESTAMPTZ_OID, parseTimestamptz);

/**
 * The single place that chooses the database backend: a pg Pool when a URL is given,
 * otherwise embedded PGlite. kysely-pglite-dialect serialises connections, so two transactions
 * never share PGlite's single session.
 */
export async function createDb(options: DatabaseOptions): Promise<Database> {
  const log = options.onQuery;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 30_000,
      application_name: options.applicationName ?? 'slackgate',
      types: pgTypes,
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
    return { db, backend: 'postgres', close: () => db.destroy() };
  }

  // Loaded only for this backend: the embedded engine's module costs a process that talks to
  // a Postgres server some 40 MB of resident memory for nothing.
  const [{ PGlite: Embedded }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  let pglite = options.pglite;
  if (!pglite) {
    const dataDir = options.dataDir ?? 'memory://';
    if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
    pglite = new Embedded(dataDir);
  }
  await pglite.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log });
  const instance = pglite;
  return {
    db,
    backend: 'pglite',
    pglite: instance,
    // The dialect closes PGlite on destroy; closing twice is harmless.
    close: async () => {
      await db.destroy();
      if (!instance.closed) await instance.close();
    },
  };
}
