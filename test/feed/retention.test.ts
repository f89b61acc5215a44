import { createClient as createWsClient } from 'graphql-ws';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { sequenceChanges } from '../../src/feed/sequencer.ts';
import { FEED_PRUNE_JOB, feedFloor, feedRetentionHandlers, schedulePruning } from '../../src/feed/retention.ts';
import { JobWorker } from '../../src/jobs/worker.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { seedCatalog, type Catalog } from '../support/catalog.ts';
import { apiClient, graphql, silentLogger } from '../support/clients.ts';

// The change feed is kept for a bounded time: the jobs worker prunes changes older than the
// retention, and a client resuming after a sequence number that was pruned is told to re-read
// the current state instead of silently missing changes.

const t = useTestDatabase();
let bus: EventBus;
let server: RunningServer;
let token: string;
let catalog: Catalog;

beforeAll(async () => {
  catalog = await seedCatalog(t.db, 6);
  bus = await createEventBusFor(t.database, { url: t.url });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus }), { port: 0, host: '127.0.0.1' });
  ({ token } = await apiClient(t.db, ['read']));
});
afterAll(async () => {
  await server.close();
  await bus.close();
});

/** Changes account `i`'s name (a feed row) and numbers it; answers its sequence number. */
async function change(i: number): Promise<number> {
  const a = catalog.accounts[i] as { id: number };
  await t.db.updateTable('accounts').set({ real_name: `Renamed ${i} ${Date.now()}` }).where('id', '=', a.id).execute();
  await sequenceChanges(t.db);
  const row = await t.db.selectFrom('access_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
  return Number(row.seq);
}

describe(`change feed retention (${backend})`, () => {
  it('prunes changes older than the retention from the jobs worker, and refuses to resume after a pruned sequence number', async () => {
    await sequenceChanges(t.db);
    const old = [await change(0), await change(1)];
    // These two happened 40 days ago.
    await sql`update access_changes set occurred_at = now() - interval '40 days' where seq <= ${old[1]}`.execute(t.db);
    const kept = await change(2);

    await schedulePruning(t.db);
    await schedulePruning(t.db); // a second replica asking: still one job for this hour
    expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', FEED_PRUNE_JOB).execute()).toHaveLength(1);
    const worker = new JobWorker({ db: t.db, handlers: feedRetentionHandlers({ db: t.db, retentionMs: 30 * 86_400_000 }), pollMs: 60_000 });
    expect((await worker.runDue()).done).toBe(1);
    // Pruned through the newest old change; the next hour's run is queued.
    expect(await feedFloor(t.db)).toBe(old[1]);
    expect(await t.db.selectFrom('access_changes').select('seq').where('seq', '<=', old[1] as number).execute()).toEqual([]);
    expect(await t.db.selectFrom('access_changes').select('seq').where('seq', '=', kept).execute()).toHaveLength(1);
    expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', FEED_PRUNE_JOB).where('state', '=', 'PENDING').execute()).toHaveLength(1);

    // Resuming after the floor (or later) reads on without a gap.
    const fine = await graphql(server.url, token, `{ accessChanges(after: "${old[1]}") { edges { node { seq } } } }`);
    expect(fine.body.errors).toBeUndefined();
    expect(fine.body.data.accessChanges.edges.map((e: { node: { seq: number } }) => e.node.seq)).toEqual([kept]);
    // Resuming before it would skip what was pruned: a clear error instead.
    const gap = await graphql(server.url, token, `{ accessChanges(after: "${old[0]}") { edges { node { seq } } } }`);
    expect(gap.body.errors?.[0]?.extensions?.code).toBe('FEED_TRUNCATED');
    expect(gap.body.errors?.[0]?.message).toContain('Read the current state');

    const ws = createWsClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    try {
      const error = await new Promise<unknown>((resolve) => {
        ws.subscribe({ query: `subscription { accessChanged(after: ${old[0]}) { seq } }` }, { next: () => resolve(undefined), error: resolve, complete: () => resolve(undefined) });
      });
      expect(JSON.stringify(error)).toContain('FEED_TRUNCATED');
    } finally {
      await ws.dispose();
    }
  });
});
