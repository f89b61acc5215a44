import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus, createEventBusFor, EventTooLargeError, type EventBus } from '../../src/events/bus.ts';
import { createPgNotifyBackend } from '../../src/events/pg.ts';
import type { GrantsChangedEvent } from '../../src/events/topics.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();
let bus: EventBus;

beforeAll(async () => {
  bus = await createEventBusFor(t.database, { url: t.url });
});
afterAll(async () => {
  await bus.close();
});

const change = (entitlementId: number, added = 1): GrantsChangedEvent => ({ entitlementId, added, removed: 0, cause: 'GRANT', at: new Date().toISOString() });

describe(`event bus (${backend})`, () => {
  it('delivers a published event to subscribers of its topic only', async () => {
    const grants = bus.subscribe('grantsChanged');
    const requests = bus.subscribe('requestUpdated');
    await bus.publish('requestUpdated', { requestId: 7, state: 'APPROVED', at: new Date().toISOString() });
    await bus.publish('grantsChanged', change(1));
    expect((await grants.next()).value).toMatchObject({ entitlementId: 1, cause: 'GRANT' });
    expect((await requests.next()).value).toMatchObject({ requestId: 7, state: 'APPROVED' });
    await grants.return?.();
    await requests.return?.();
  });

  it('delivers events published in a transaction only when it commits', async () => {
    const events = bus.subscribe('grantsChanged');
    await t.db
      .transaction()
      .execute(async (trx) => {
        await bus.publish('grantsChanged', change(100), { db: trx });
        throw new Error('roll back');
      })
      .catch(() => {});
    await t.db.transaction().execute(async (trx) => {
      await bus.publish('grantsChanged', change(200), { db: trx });
    });
    expect((await events.next()).value?.entitlementId).toBe(200);
    await events.return?.();
  });

  it('ends a subscription when it is returned, and refuses payloads Postgres cannot carry', async () => {
    const events = bus.subscribe('grantsChanged');
    await events.return?.();
    expect(await events.next()).toEqual({ value: undefined, done: true });
    const huge = { ...change(1), accountIds: Array.from({ length: 2000 }, (_, i) => 1_000_000 + i) };
    await expect(bus.publish('grantsChanged', huge)).rejects.toThrow(EventTooLargeError);
  });

  it('ends a subscription when its abort signal fires', async () => {
    const controller = new AbortController();
    const events = bus.subscribe('syncProgress', { signal: controller.signal });
    const pending = events.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it.runIf(backend === 'postgres')('carries events between two processes sharing the database', async () => {
    // Two buses, two listening connections: as two replicas of the gateway would have.
    const replicaA = await createEventBus(createPgNotifyBackend({ url: t.url as string, applicationName: 'replica-a' }));
    const replicaB = await createEventBus(createPgNotifyBackend({ url: t.url as string, applicationName: 'replica-b' }));
    try {
      const onB = replicaB.subscribe('grantsChanged');
      const onA = replicaA.subscribe('grantsChanged');
      await replicaA.publish('grantsChanged', change(42, 3));
      expect((await onB.next()).value).toMatchObject({ entitlementId: 42, added: 3 });
      expect((await onA.next()).value).toMatchObject({ entitlementId: 42, added: 3 });
      const listeners = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name in ('replica-a', 'replica-b')`.execute(t.db);
      expect(listeners.rows[0]?.n).toBeGreaterThanOrEqual(2);
    } finally {
      await replicaA.close();
      await replicaB.close();
    }
  });

  it.runIf(backend === 'postgres')('listens again after losing its connection, and says events may have been missed', async () => {
    const replica = await createEventBus(createPgNotifyBackend({ url: t.url as string, applicationName: 'replica-reconnect', initialBackoffMs: 10 }));
    try {
      const resynced = new Promise<void>((resolve) => replica.onResync(resolve));
      const events = replica.subscribe('grantsChanged');
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'replica-reconnect'`.execute(t.db);
      await resynced;
      await bus.publish('grantsChanged', change(77));
      expect((await events.next()).value?.entitlementId).toBe(77);
    } finally {
      await replica.close();
    }
  });
});
