import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/createDb.ts';
import { createLogger } from '../../src/log.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { graphql } from '../support/clients.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// The HTTP server itself: routes, probes, status codes.
const w = useWorld();
const logger = createLogger({ level: 'silent', format: 'json' });
let server: RunningServer;

beforeAll(async () => {
  server = await w.listen();
});

describe(`gateway HTTP server (${backend})`, () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready on a migrated database', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ready: true, database: 'ok', pendingMigrations: [] });
  });

  it('is not ready while migrations are pending', async () => {
    const empty = await createDb({ dataDir: 'memory://' });
    const other = await listen(createGateway({ database: empty, logger }), { port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${other.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { ready: boolean; pendingMigrations: string[] };
      expect(body.ready).toBe(false);
      expect(body.pendingMigrations).toContain('2026-11-28T1400_domain');
    } finally {
      await other.close();
      await empty.close();
    }
  });

  it('is not ready when the database is gone', async () => {
    const gone = await createDb({ dataDir: 'memory://' });
    await gone.close();
    const other = await listen(createGateway({ database: gone, logger }), { port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${other.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ready: false, database: 'unreachable' });
    } finally {
      await other.close();
    }
  });

  it('serves GraphQL at /graphql to an authenticated client', async () => {
    const token = await w.token(['read']);
    const res = await graphql(server.url, token, '{ health { ok database pendingMigrations } }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { health: { ok: true, database: backend, pendingMigrations: 0 } } });
  });

  it('answers GraphQL without a bearer token with HTTP 401 and how to get one', async () => {
    const res = await graphql(server.url, undefined, '{ health { ok } }');
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toContain('/oauth/token');
    const wrong = await graphql(server.url, 'sgt_not-a-token', '{ health { ok } }');
    expect(wrong.status).toBe(401);
  });

  it('answers unknown paths with 404 and a pointer to /graphql', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toContain('/graphql');
  });
});
