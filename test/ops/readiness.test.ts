import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

const HOUR = 3600_000;
const w = useWorld({ gateway: { syncIntervalMs: HOUR } });
let server: RunningServer;

// /readyz is the HTTP server's own route (what a load balancer probes), so these tests go over a port.
beforeAll(async () => {
  server = await w.listen();
});

// `any`: the body's fields are what the tests assert, one by one.
async function readyz(): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function succeededAgo(ms: number): Promise<void> {
  const at = new Date(Date.now() - ms);
  await w.db
    .insertInto('sync_runs')
    .values({ trigger: 'SCHEDULE', status: 'SUCCEEDED', created_at: new Date(at.getTime() - 60_000), started_at: new Date(at.getTime() - 60_000), finished_at: at })
    .execute();
}

describe(`/readyz and the last sync (${backend})`, () => {
  it('is ready before any sync, and says no sync has succeeded yet', async () => {
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: true, database: 'ok', pendingMigrations: [], lastSync: { succeededAt: null, ageSeconds: null, stale: true } });
  });

  it('reports the age of the last successful sync', async () => {
    await succeededAgo(10 * 60_000);
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.lastSync.stale).toBe(false);
    expect(body.lastSync.ageSeconds).toBeGreaterThanOrEqual(600);
    expect(body.lastSync.ageSeconds).toBeLessThan(700);
  });

  it('stays ready when the last sync is older than two intervals, and calls it stale', async () => {
    await w.db.deleteFrom('sync_runs').execute();
    await succeededAgo(3 * HOUR);
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: true, lastSync: { stale: true } });
    expect(body.lastSync.ageSeconds).toBeGreaterThanOrEqual(3 * 3600);
  });

  it('answers 503 once the process is shutting down', async () => {
    w.gateway.drain();
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ready: false, shuttingDown: true });
  });
});
