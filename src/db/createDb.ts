import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { recordStatement, tracingActive } from '../telemetry.ts';
import { BudgetedPool, type RequestBudget } from './requestBudget.ts';
import type { DB } from './schema.ts';

export type Backend = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  backend: Backend;
  /** The embedded instance, when the backend is PGlite (for LISTEN/NOTIFY and dumps). */
  pglite?: PGlite;
  /**
   * For the readiness probe: the same database through a connection of its own (Postgres), so
   * a probe never queues behind API work; each statement is bounded by PROBE_TIMEOUT_MS. On
   * PGlite, which has one session, this is `db`.
   */
  probeDb: Kysely<DB>;
  /**
   * Postgres only: runs `work` on a connection of the pool, outside Kysely (COPY streams, which
   * Kysely has no statement for). The connection returns to the pool when `work` ends.
   */
  withClient?: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
  /**
   * The same database for one API request: every statement through its `db` counts against
   * `budget` (see requestBudget.ts). PGlite, one session with no pool to share, is itself.
   */
  forRequest(budget: RequestBudget): Database;
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
  /**
   * Told when a connection is lost (a failover, a restart, pg_terminate_backend). The statement
   * it was running fails; the pool opens a new connection for the next one.
   */
  onConnectionError?: (error: Error) => void;
}

/** How long the readiness probe waits for the database before calling it unreachable. */
export const PROBE_TIMEOUT_MS = 2000;

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

// pg returns int8 (bigint ids, count(*)) as strings, PGlite as numbers. Normalise to numbers
// here, the one place that knows about backends: our ids and counts stay far below 2^53.
const pgTypes = new pg.TypeOverrides();
pgTypes.setTypeParser(INT8_OID, (value: string) => Number(value));

// pg's parser answers ±Infinity (numbers) for 'infinity' values; no column of ours holds one.
const parseTimestamptzSlowly = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (value: string) => Date;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const twoDigits = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * Postgres prints timestamptz as `2026-11-28 14:00:00.123456+00` (or `+05:30`): fixed places,
 * read here straight from the character codes into Date.UTC, with no intermediate strings
 * (pages of rows hold hundreds of these; pg's regular-expression parser and even an ISO
 * rewrite for the engine's parser made most of a page's garbage). Fractions below the
 * millisecond are dropped, as pg does. Anything else (BC, infinity, years before 1000, offsets
 * with seconds) goes to pg's parser.
 */
export function parseTimestamptz(value: string): Date {
  const n = value.length;
  if (n >= 22 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && value.charCodeAt(10) === 32 && value.charCodeAt(13) === 58 && value.charCodeAt(16) === 58) {
    let i = 19;
    let ms = 0;
    if (value.charCodeAt(i) === 46) {
      for (let scale = 100; ++i < n; scale /= 10) {
        const d = digit(value, i);
        if (d < 0 || d > 9) break;
        if (scale >= 1) ms += d * scale;
      }
    }
    // The offset, ±HH or ±HH:MM, ends the value.
    const sign = value.charCodeAt(i);
    const rest = n - i;
    if ((sign === 43 || sign === 45) && (rest === 3 || (rest === 6 && value.charCodeAt(i + 3) === 58))) {
      const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
      const offsetMinutes = (twoDigits(value, i + 1) * 60 + (rest === 6 ? twoDigits(value, i + 4) : 0)) * (sign === 43 ? 1 : -1);
      const time = Date.UTC(year, twoDigits(value, 5) - 1, twoDigits(value, 8), twoDigits(value, 11), twoDigits(value, 14) - offsetMinutes, twoDigits(value, 17), ms);
      if (year >= 1000 && !Number.isNaN(time)) return new Date(time);
    }
  }
  return parseTimestamptzSlowly(value);
}
pgTypes.setTypeParser(TIMESTAMPTZ_OID, parseTimestamptz);

/**
 * What Kysely calls after each statement: the caller's listener, and a span per statement when
 * traces are exported (none otherwise: Kysely then times nothing).
 */
function statementListener(onQuery: ((event: LogEvent) => void) | undefined): ((event: LogEvent) => void) | undefined {
  if (!tracingActive()) return onQuery;
  return (event) => {
    recordStatement(event, 'postgresql');
    onQuery?.(event);
  };
}

/**
 * The single place that chooses the database backend: a pg Pool when a URL is given,
 * otherwise embedded PGlite. kysely-pglite-dialect serialises connections, so two transactions
 * never share PGlite's single session.
 */
export async function createDb(options: DatabaseOptions): Promise<Database> {
  const log = statementListener(options.onQuery);
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 30_000,
      application_name: options.applicationName ?? 'slackgate',
      types: pgTypes,
    });
    // A connection lost while idle is reported by the pool, one lost while checked out by its
    // client (pg-pool listens on idle clients only). Unheard, either 'error' ends the process.
    const lost = (error: Error) => options.onConnectionError?.(error);
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    const budgeted = new BudgetedPool(pool);
    const db = new Kysely<DB>({ dialect: budgeted.dialect, log });
    const probePool = new pg.Pool({
      connectionString: options.url,
      max: 1,
      application_name: `${options.applicationName ?? 'slackgate'}-probe`,
      types: pgTypes,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      statement_timeout: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    });
    probePool.on('error', () => {});
    probePool.on('connect', (client) => client.on('error', () => {}));
    const probeDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: probePool }) });
    const database: Database = {
      db,
      backend: 'postgres',
      probeDb,
      forRequest: (budget) => ({ ...database, db: budgeted.forRequest(db, budget) }),
      withClient: async (work) => {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          return await work(client);
        } catch (error) {
          // A connection left mid-COPY or mid-transaction is not given to anyone else.
          broken = error as Error;
          throw error;
        } finally {
          client.release(broken);
        }
      },
      close: async () => {
        await probeDb.destroy();
        await db.destroy();
      },
    };
    return database;
  }

  // Loaded only for this backend: the embedded engine's module costs a process that talks to
  // a Postgres server some 40 MB of resident memory for nothing.
  useBaselineWasmCompiler();
  const [{ PGlite: Embedded }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  let pglite = options.pglite;
  if (!pglite) {
    const dataDir = options.dataDir ?? 'memory://';
    if (!dataDir.includes('://')) {
      await mkdir(dataDir, { recursive: true });
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initializeDataDir(dataDir);
    }
    pglite = new Embedded(dataDir, { startParams: embeddedStartParams(Embedded.defaultStartParams) });
  }
  await pglite.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log });
  const instance = pglite;
  const database: Database = {
    db,
    backend: 'pglite',
    pglite: instance,
    probeDb: db,
    forRequest: () => database,
    // The dialect closes PGlite on destroy; closing twice is harmless.
    close: async () => {
      await db.destroy();
      if (!instance.closed) await instance.close();
    },
  };
  return database;
}

/**
 * The embedded engine's WebAssembly runs on V8's baseline compiler (Liftoff) alone: optimising
 * PostgreSQL's 10 MB of WebAssembly a second time (TurboFan) kept some 50 MB more resident and
 * made no sync faster (5k-user sync 18.2 s with tier-up, 17.3 s without; demo serve peak RSS 300
 * -> 234 MB; `npm run bench -- embedded`). Set before the module is compiled; idempotent.
 */
function useBaselineWasmCompiler(): void {
  v8.setFlagsFromString('--liftoff-only');
}

/**
 * PostgreSQL's default 128 MB of shared buffers are all touched when the embedded server starts,
 * and stay resident: for the data an embedded gateway holds (tens of MB for thousands of users),
 * the operating system's page cache serves the rest as well. Measured in
 * `npm run bench -- embedded`.
 */
export const EMBEDDED_SHARED_BUFFERS = '16MB';

function embeddedStartParams(defaults: string[]): string[] {
  return [...defaults, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`];
}

/**
 * Creates a new embedded database (initdb) in a short-lived child process. PGlite's initdb runs a
 * second WebAssembly instance and holds a copy of the whole new directory in memory: some 600 MB
 * at peak, which a server process would keep as its high-water mark for life. The files are
 * made in a scratch directory inside `dataDir` and moved in last, PG_VERSION at the very end,
 * so an interrupted initialisation is simply done again.
 */
async function initializeDataDir(dataDir: string): Promise<void> {
  const scratch = path.join(dataDir, `.initdb-${process.pid}`);
  await rm(scratch, { recursive: true, force: true });
  const pgliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const { PGlite } = await import('@electric-sql/pglite');
  const code = [
    `const { PGlite } = await import(${JSON.stringify(pgliteUrl)});`,
    `const db = new PGlite(${JSON.stringify(scratch)}, { startParams: ${JSON.stringify(embeddedStartParams(PGlite.defaultStartParams))} });`,
    'await db.waitReady;',
    'await db.close();',
  ].join('\n');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['--liftoff-only', '--input-type=module', '-e', code], { env: { ...process.env, NODE_OPTIONS: undefined } }, (error, _stdout, stderr) =>
      error ? reject(new Error(`cannot create the embedded database in ${dataDir}: ${stderr.trim().split('\n').at(-1) ?? error.message}`)) : resolve(),
    );
  });
  const entries = (await readdir(scratch)).sort((a, b) => Number(a === 'PG_VERSION') - Number(b === 'PG_VERSION'));
  for (const entry of entries) {
    await rm(path.join(dataDir, entry), { recursive: true, force: true });
    await rename(path.join(scratch, entry), path.join(dataDir, entry));
  }
  await rm(scratch, { recursive: true, force: true });
}
