import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { createDb, type Database } from '../db/createDb.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { OperationError } from './errors.ts';

export async function openDatabase(config: Config): Promise<Database> {
  try {
    return await createDb({ url: config.database.url?.reveal(), dataDir: config.database.dataDir });
  } catch (error) {
    throw new OperationError(`cannot open the database: ${describeDbError(error)}`);
  }
}

/**
 * One line naming DATABASE_URL and what to do (pg's messages never contain the password).
 * Exported for the tests of these lines.
 */
export function describeDbError(error: unknown): string {
  const e = error as { code?: string; message?: string; address?: string; port?: number; hostname?: string };
  switch (e.code) {
    case 'ECONNREFUSED':
      return `nothing answers at ${e.address ?? 'the host'}${e.port ? `:${e.port}` : ''} (connection refused); start Postgres there or fix DATABASE_URL (unset it to use the embedded database)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host ${e.hostname ?? ''} of DATABASE_URL cannot be resolved; fix the host in DATABASE_URL`;
    case 'ETIMEDOUT':
      return 'connecting to the Postgres server of DATABASE_URL timed out; check the host, port and firewall';
    case '3D000':
      return `${e.message ?? 'the database does not exist'}; create it (createdb <name>) or point DATABASE_URL at an existing database`;
    case '28P01':
    case '28000':
      return `${e.message ?? 'authentication failed'}; fix the user or password in DATABASE_URL`;
    default:
      return e.message ?? String(error);
  }
}

export async function migrateDatabase(database: Database): Promise<string[]> {
  // Reaching the database first: its failures (refused, unknown database, wrong password) get
  // their own line, not a failed migration's.
  try {
    await sql`select 1`.execute(database.db);
  } catch (error) {
    throw new OperationError(`cannot open the database: ${describeDbError(error)}`);
  }
  try {
    const results = await migrateToLatest(database.db);
    return results.map((r) => r.migrationName);
  } catch (error) {
    throw new OperationError(`cannot migrate the database: ${describeDbError(error)}`);
  }
}

