import { createClient as createWsClient } from 'graphql-ws';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { markChangeSource, skipChangeFeed } from '../../src/feed/source.ts';
import { sequenceChanges, startSequencer, type Sequencer } from '../../src/feed/sequencer.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { reconcileGrants } from '../../src/sync/targeted.ts';
import { apiClient, graphql, silentLogger, sseResults } from '../support/clients.ts';
import { seedCatalog, type Catalog } from '../support/catalog.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();
let bus: EventBus;
let sequencer: Sequencer;
let server: RunningServer;
let token: string;
let catalog: Catalog;

beforeAll(async () => {
  catalog = await seedCatalog(t.db, 20);
  bus = await createEventBusFor(t.database, { url: t.url });
  sequencer = startSequencer({ db: t.db, bus, intervalMs: 60_000 });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus }), { port: 0, host: '127.0.0.1' });
  ({ token } = await apiClient(t.db, ['read']));
  await sequencer.run();
});
afterAll(async () => {
  sequencer.stop();
  await server.close();
  await bus.close();
});

const account = (i: number) => catalog.accounts[i] as { id: number; slackId: string };
const GROUP = 'userGroup:S1:member';
const CHANNEL = 'channel:C1:member';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function head(): Promise<number> {
  const row = await t.db.selectFrom('access_changes').select((eb) => eb.fn.max('seq').as('h')).executeTakeFirst();
  return Number(row?.h ?? 0);
}

/** Adds (or removes) one account's grant of an entitlement in its own transaction, as `source`. */
async function change(entitlement: string, i: number, op: 'add' | 'remove', source?: 'SYNC' | 'EVENT', eventId?: string): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    if (source) await markChangeSource(trx, { source, eventId });
    const a = account(i);
    if (op === 'add') {
      await trx
        .insertInto('grants')
        .values({ external_id: `${entitlement}:user:${a.slackId}`, entitlement_id: catalog.entitlements[entitlement] as number, account_id: a.id, granted_at: new Date() })
        .execute();
    } else {
      await trx.deleteFrom('grants').where('entitlement_id', '=', catalog.entitlements[entitlement] as number).where('account_id', '=', a.id).execute();
    }
  });
}

describe(`change feed rows (${backend})`, () => {
  it('records each change to grants and accounts with its source, in the transaction that makes it', async () => {
    const before = await head();
    await change(CHANNEL, 10, 'add'); // a mutation of ours: SLACKGATE by default
    await change(CHANNEL, 11, 'add', 'EVENT', 'Ev0001');
    await t.db.transaction().execute(async (trx) => {
      await reconcileGrants(trx, { entitlementId: catalog.entitlements[CHANNEL] as number, entitlementExternalId: CHANNEL }, [account(0).slackId, account(1).slackId, account(2).slackId, account(10).slackId, account(11).slackId, account(12).slackId]);
      // After the refresh the transaction is ours again.
      await trx.updateTable('accounts').set({ real_name: 'Renamed Person' }).where('id', '=', account(3).id).execute();
      await trx.updateTable('accounts').set({ status: 'DELETED' }).where('id', '=', account(4).id).execute();
      // A write that changes nothing but bookkeeping is no change.
      await trx.updateTable('accounts').set({ updated_at: new Date(), last_seen_run: 9 }).where('id', '=', account(5).id).execute();
    });
    // A change rolled back leaves nothing.
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('grants').where('entitlement_id', '=', catalog.entitlements[GROUP] as number).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await sequencer.run();
    const rows = await t.db.selectFrom('access_changes').selectAll().where('seq', '>', before).orderBy('seq').execute();
    expect(rows.map((r) => [r.source, r.kind, r.account_id, r.entitlement_id, r.event_id])).toEqual([
      ['SLACKGATE', 'GRANT_ADDED', account(10).id, catalog.entitlements[CHANNEL], null],
      ['EVENT', 'GRANT_ADDED', account(11).id, catalog.entitlements[CHANNEL], 'Ev0001'],
      ['SYNC', 'GRANT_ADDED', account(12).id, catalog.entitlements[CHANNEL], null],
      ['SLACKGATE', 'ACCOUNT_CHANGED', account(3).id, null, null],
      ['SLACKGATE', 'ACCOUNT_REMOVED', account(4).id, null, null],
    ]);
    expect(rows[2]?.resource_id).toBe(catalog.resources['channel:C1']);
    expect(rows[3]?.detail).toEqual({ fields: ['real_name'] });
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => before + i + 1));
  });

  it('records nothing for a transaction that turns the feed off (a first sync’s baseline)', async () => {
    const before = await t.db.selectFrom('access_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.db.transaction().execute(async (trx) => {
      await skipChangeFeed(trx);
      await trx.deleteFrom('grants').where('entitlement_id', '=', catalog.entitlements[CHANNEL] as number).where('account_id', '=', account(12).id).execute();
    });
    const after = await t.db.selectFrom('access_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it.runIf(backend === 'postgres')('numbers changes in the order they commit, so a reader that saw N never finds a smaller number later', async () => {
    // Two writers: the first starts writing first but commits last.
    const slow = new pg.Client({ connectionString: t.url });
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(
        `insert into grants (external_id, entitlement_id, account_id, granted_at) values ($1, $2, $3, now())`,
        [`${CHANNEL}:user:${account(13).slackId}`, catalog.entitlements[CHANNEL], account(13).id],
      );
      const before = await head();
      await change(CHANNEL, 14, 'add');
      await sequencer.run();
      const seen = await t.db.selectFrom('access_changes').select(['seq', 'account_id']).where('seq', '>', before).orderBy('seq').execute();
      expect(seen.map((r) => r.account_id)).toEqual([account(14).id]);
      const cursor = Number(seen.at(-1)?.seq);
      await slow.query('commit');
      await sequencer.run();
      const next = await t.db.selectFrom('access_changes').select(['seq', 'account_id']).where('seq', '>', cursor).orderBy('seq').execute();
      expect(next.map((r) => [Number(r.seq), r.account_id])).toEqual([[cursor + 1, account(13).id]]);
    } finally {
      await slow.end();
    }
  });

  it('numbers concurrent sequencers’ work once: no number twice, none skipped', async () => {
    const before = await head();
    for (let i = 15; i < 19; i++) await change(CHANNEL, i, 'add');
    await Promise.all([sequenceChanges(t.db), sequenceChanges(t.db), sequenceChanges(t.db)]);
    const rows = await t.db.selectFrom('access_changes').select('seq').where('seq', '>', before).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([before + 1, before + 2, before + 3, before + 4]);
    expect(await t.db.selectFrom('access_changes').select('id').where('seq', 'is', null).execute()).toEqual([]);
  });
});

const FIELDS = 'seq source kind account { externalId } entitlement { externalId } grantExternalId slackEventId';

describe(`accessChanges query (${backend})`, () => {
  it('pages through the feed by sequence number, filtered by entitlement, resource, account or source', async () => {
    const all = await graphql(server.url, token, `{ accessChanges(first: 100) { totalCount edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } }`);
    expect(all.body.errors).toBeUndefined();
    const nodes = all.body.data.accessChanges.edges.map((e: { node: { seq: number } }) => e.node);
    expect(nodes.length).toBe(all.body.data.accessChanges.totalCount);
    expect(nodes.map((n: { seq: number }) => n.seq)).toEqual([...nodes.map((n: { seq: number }) => n.seq)].sort((a, b) => a - b));

    // Two at a time, each page after the last one's cursor: the same rows, in the same order.
    const paged: number[] = [];
    let after: string | null = null;
    for (;;) {
      // `any`: the answer's shape is asserted field by field below.
      const page: any = await graphql(server.url, token, `query($after: String) { accessChanges(first: 2, after: $after) { edges { node { seq } } pageInfo { hasNextPage endCursor } } }`, { after });
      paged.push(...page.body.data.accessChanges.edges.map((e: { node: { seq: number } }) => e.node.seq));
      if (!page.body.data.accessChanges.pageInfo.hasNextPage) break;
      after = page.body.data.accessChanges.pageInfo.endCursor;
    }
    expect(paged).toEqual(nodes.map((n: { seq: number }) => n.seq));

    const byEntitlement = await graphql(server.url, token, `{ accessChanges(filter: { entitlementId: "${CHANNEL}", source: [EVENT] }) { edges { node { ${FIELDS} } } } }`);
    // `any` (here and below): each answer's fields are asserted right after it is read.
    expect(byEntitlement.body.data.accessChanges.edges.map((e: any) => [e.node.source, e.node.account.externalId, e.node.slackEventId])).toEqual([['EVENT', `user:${account(11).slackId}`, 'Ev0001']]);
    const byResource = await graphql(server.url, token, `{ accessChanges(filter: { resourceId: "channel:C1", kind: [GRANT_ADDED] }) { totalCount } }`);
    expect(byResource.body.data.accessChanges.totalCount).toBeGreaterThanOrEqual(7);
    const byAccount = await graphql(server.url, token, `{ accessChanges(filter: { accountId: "user:${account(3).slackId}", kind: [ACCOUNT_CHANGED, ACCOUNT_REMOVED] }) { edges { node { kind changedFields } } } }`);
    expect(byAccount.body.data.accessChanges.edges.map((e: any) => e.node)).toEqual([{ kind: 'ACCOUNT_CHANGED', changedFields: ['real_name'] }]);
    const head = await graphql(server.url, token, '{ accessChangeHead }');
    expect(head.body.data.accessChangeHead).toBe(nodes.at(-1).seq);
  });

  it('refuses a cursor that is not a sequence number', async () => {
    const res = await graphql(server.url, token, '{ accessChanges(after: "abc") { totalCount } }');
    expect(res.body.errors?.[0]?.message).toContain('not a cursor');
  });
});

/** Subscribes over WebSocket and collects changes until `count` arrived; then disconnects. */
// `any`: subscription payloads differ per query; the tests assert the fields they select.
async function collectOverWebSocket(query: string, count: number, whileListening: () => Promise<void> = async () => {}): Promise<any[]> {
  const ws = createWsClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const received: any[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = ws.subscribe(
        { query },
        {
          next: (r) => {
            if (r.errors) return reject(new Error(JSON.stringify(r.errors)));
            received.push((r.data as any).accessChanged);
            if (received.length >= count) {
              stop();
              resolve();
            }
          },
          error: reject,
          complete: () => resolve(),
        },
      );
      void whileListening().catch(reject);
    });
  } finally {
    await ws.dispose();
  }
  return received;
}

describe(`accessChanged subscription (${backend})`, () => {
  it('streams live changes over WebSocket, and a reconnecting subscriber resumes from its last seq without gaps or repeats', async () => {
    const start = await head();
    // Live: subscribed from now on, three changes arrive.
    const first = await collectOverWebSocket(`subscription { accessChanged(filter: { entitlementId: "${GROUP}" }) { ${FIELDS} } }`, 3, async () => {
      await new Promise((r) => setTimeout(r, 100));
      await change(GROUP, 0, 'remove', 'EVENT', 'EvA');
      await change(CHANNEL, 19, 'add'); // another entitlement: filtered out
      await change(GROUP, 1, 'remove', 'EVENT', 'EvB');
      await change(GROUP, 0, 'add', 'EVENT', 'EvC');
    });
    expect(first.map((c) => [c.kind, c.slackEventId])).toEqual([
      ['GRANT_REMOVED', 'EvA'],
      ['GRANT_REMOVED', 'EvB'],
      ['GRANT_ADDED', 'EvC'],
    ]);
    // Disconnected: more changes happen meanwhile.
    await change(GROUP, 2, 'remove', 'EVENT', 'EvD');
    await change(GROUP, 1, 'add', 'EVENT', 'EvE');
    await until(head, (h) => h >= start + 6);
    const last = first.at(-1).seq as number;
    const resumed = await collectOverWebSocket(`subscription { accessChanged(filter: { entitlementId: "${GROUP}" }, after: ${last}) { ${FIELDS} } }`, 3, async () => {
      await new Promise((r) => setTimeout(r, 100));
      await change(GROUP, 2, 'add', 'EVENT', 'EvF');
    });
    expect(resumed.map((c) => c.slackEventId)).toEqual(['EvD', 'EvE', 'EvF']);
    expect(resumed[0].seq).toBeGreaterThan(last);
    // The whole feed for the group, as the query pages it: exactly what the two sessions saw.
    const paged = await graphql(server.url, token, `{ accessChanges(after: "${start}", filter: { entitlementId: "${GROUP}" }) { edges { node { seq } } } }`);
    // `any`: the edges' fields are asserted by the comparison.
    expect(paged.body.data.accessChanges.edges.map((e: any) => e.node.seq)).toEqual([...first, ...resumed].map((c) => c.seq));
  });

  it('streams over SSE too, resuming from a sequence number', async () => {
    const start = await head();
    await change(CHANNEL, 19, 'remove', 'SYNC');
    const controller = new AbortController();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `subscription($after: SafeInt) { accessChanged(after: $after, filter: { resourceId: "channel:C1" }) { seq source kind account { externalId } } }`, variables: { after: start } }),
      signal: controller.signal,
    });
    // `any`: as for collectOverWebSocket.
    const got: any[] = [];
    const stream = sseResults(res);
    const first = await stream.next();
    got.push(first.value?.data?.accessChanged);
    await change(CHANNEL, 19, 'add');
    const second = await stream.next();
    got.push(second.value?.data?.accessChanged);
    controller.abort();
    expect(got.map((c) => [c.source, c.kind, c.account.externalId])).toEqual([
      ['SYNC', 'GRANT_REMOVED', `user:${account(19).slackId}`],
      ['SLACKGATE', 'GRANT_ADDED', `user:${account(19).slackId}`],
    ]);
    expect(got[0].seq).toBe(start + 1);
  });
});
