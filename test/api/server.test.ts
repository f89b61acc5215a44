import { beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
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

/** A POST to /graphql sent chunked (no Content-Length), as a stream-bodied client sends it. */
function chunkedPost(url: string, headers: Record<string, string>, chunks: string[]): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    // The server may answer and close before the whole body is written.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe(`request bodies (${backend})`, () => {
  const limit = 1024 * 1024;
  const padded = (size: number) => JSON.stringify({ query: '{ health { ok } }', variables: { pad: 'x'.repeat(size) } });

  it('refuses a body declared larger than 1 MiB with 413 before running anything', async () => {
    const token = await w.token(['read']);
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: padded(limit) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('REQUEST_TOO_LARGE');
  });

  it('refuses a chunked body once it passes the limit, on the plain path and on the SSE path', async () => {
    const token = await w.token(['read']);
    const big = Array.from({ length: 20 }, () => 'x'.repeat(64 * 1024));
    for (const accept of ['application/json', 'text/event-stream']) {
      const res = await chunkedPost(server.url, { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept }, ['{"query":"{ health { ok } }","variables":{"pad":"', ...big, '"}}']);
      expect(res.status, accept).toBe(413);
      expect(res.body, accept).toContain('REQUEST_TOO_LARGE');
    }
  });

  it('answers chunked bodies within the limit, streaming SSE as it comes', async () => {
    const token = await w.token(['read']);
    const body = padded(500 * 1024);
    const half = Math.floor(body.length / 2);
    const plain = await chunkedPost(server.url, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, [body.slice(0, half), body.slice(half)]);
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.body)).toEqual({ data: { health: { ok: true } } });
    const sse = await chunkedPost(server.url, { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'text/event-stream' }, [body.slice(0, half), body.slice(half)]);
    expect(sse.status).toBe(200);
    expect(sse.type).toContain('text/event-stream');
    expect(sse.body).toContain('"health":{"ok":true}');
    expect(sse.body).toContain('event: complete');
  });
});
