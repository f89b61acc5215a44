import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Database } from './db/createDb.ts';
import { migrationStatus } from './db/migrate.ts';
import type { GraphQLContext } from './graphql/context.ts';
import { schema } from './graphql/schema.ts';
import type { Logger } from './log.ts';

export interface GatewayDeps {
  database: Database;
  logger: Logger;
}

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
  error?: string;
}

/** Ready = the database answers and every migration is applied. */
export async function checkReadiness(database: Database): Promise<Readiness> {
  try {
    await sql`select 1`.execute(database.db);
  } catch (error) {
    return { ready: false, database: 'unreachable', pendingMigrations: [], error: (error as Error).message };
  }
  const { pending } = await migrationStatus(database.db);
  return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

export interface Gateway {
  yoga: YogaServerInstance<Record<string, never>, GraphQLContext>;
  /** node:http request listener serving every route. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export function createGateway(deps: GatewayDeps): Gateway {
  const yoga = createYoga<Record<string, never>, GraphQLContext>({
    schema,
    context: () => ({ database: deps.database }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: {
      debug: (...args) => deps.logger.debug({ args }, 'graphql'),
      info: (...args) => deps.logger.info({ args }, 'graphql'),
      warn: (...args) => deps.logger.warn({ args }, 'graphql'),
      error: (...args) => deps.logger.error({ args }, 'graphql'),
    },
  });

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (path === '/readyz') {
      checkReadiness(deps.database).then(
        (r) => sendJson(res, r.ready ? 200 : 503, r),
        (error: Error) => sendJson(res, 503, { ready: false, error: error.message }),
      );
      return;
    }
    if (path === '/graphql') {
      void yoga(req, res);
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `no route for ${path}; the API is at /graphql` });
  };
  return { yoga, handle };
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function listen(gateway: Gateway, options: { port: number; host: string }): Promise<RunningServer> {
  const server = createServer(gateway.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
