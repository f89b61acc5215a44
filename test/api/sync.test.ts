import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { apiClient, graphql, silentLogger } from './helpers.ts';
import { ScriptedSync } from '../support/scriptedSync.ts';

const t = useTestDatabase();
let bus: EventBus;
let engine: ScriptedSync;
let server: RunningServer;
let bare: RunningServer;
let token: string;
let clientId: string;

beforeAll(async () => {
  bus = await createEventBusFor(t.database, { url: t.url });
  engine = new ScriptedSync(t.db, bus);
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus, services: { sync: engine } }), { port: 0, host: '127.0.0.1' });
  bare = await listen(createGateway({ database: t.database, logger: silentLogger, bus }), { port: 0, host: '127.0.0.1' });
  ({ token, clientId } = await apiClient(t.db, ['read', 'sync']));
});
afterAll(async () => {
  await server.close();
  await bare.close();
  await bus.close();
});

const PROGRESS = 'run { id } status phase done estimatedTotal percent counts { phase count estimatedTotal }';

/** Reads a Yoga SSE response as a stream of GraphQL results. */
async function* sseResults(res: Response): AsyncGenerator<{ data?: any; errors?: { message: string }[] }> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (\w+)/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === 'complete') return;
      if (event === 'next' && data) yield JSON.parse(data);
    }
  }
}

describe(`startSync (${backend})`, () => {
  it('says no Slack connection is configured when the gateway has no sync service, and audits the refusal', async () => {
    const res = await graphql(bare.url, token, 'mutation { startSync(input: {}) { run { id } errors { __typename code message } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.startSync.run).toBeNull();
    expect(res.body.data.startSync.errors).toEqual([{ __typename: 'ConflictError', code: 'SYNC_NOT_CONFIGURED', message: expect.stringContaining('no Slack connection is configured') }]);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'startSync').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ outcome: 'FAILURE', api_client_id: clientId, error_code: 'SYNC_NOT_CONFIGURED' });
  });
});

describe(`sync progress over SSE and WebSocket (${backend})`, () => {
  it('starts a run, then streams its progress over SSE until it ends', async () => {
    const started = await graphql(server.url, token, 'mutation { startSync(input: {}) { run { id status requestedBy } errors { code } } }');
    expect(started.body.data.startSync.errors).toEqual([]);
    const run = started.body.data.startSync.run;
    expect(run).toMatchObject({ status: 'RUNNING', requestedBy: clientId });
    const row = await t.db.selectFrom('sync_runs').selectAll().executeTakeFirstOrThrow();
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'startSync').where('outcome', '=', 'SUCCESS').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ api_client_id: clientId, target_type: 'syncRun', target_id: String(row.id) });

    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `subscription ($runId: ID) { syncProgress(runId: $runId) { ${PROGRESS} } }`, variables: { runId: run.id } }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const results = sseResults(res);
    const first = (await results.next()).value;
    expect(first?.data.syncProgress).toMatchObject({ run: { id: run.id }, status: 'RUNNING', done: 0, estimatedTotal: 200, percent: 0 });

    await engine.report(row, 100);
    const half = (await results.next()).value;
    expect(half?.data.syncProgress).toMatchObject({ status: 'RUNNING', phase: 'ACCOUNTS', done: 100, percent: 50, counts: [{ phase: 'ACCOUNTS', count: 100, estimatedTotal: 200 }] });

    await engine.report(row, 200, 'SUCCEEDED');
    const last = (await results.next()).value;
    expect(last?.data.syncProgress).toMatchObject({ status: 'SUCCEEDED', percent: 100 });
    expect((await results.next()).done).toBe(true);
  });

  it('without a run id, follows the next run to start over WebSocket, through its end', async () => {
    const ws = createWsClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    try {
      const received: any[] = [];
      let firstSeen!: () => void;
      const seen = new Promise<void>((resolve) => (firstSeen = resolve));
      const completed = new Promise<void>((resolve, reject) => {
        ws.subscribe(
          { query: `subscription { syncProgress { ${PROGRESS} } }` },
          {
            next: (result) => {
              if (result.errors) reject(new Error(result.errors[0]?.message));
              received.push(result.data?.syncProgress);
              firstSeen();
            },
            error: reject,
            complete: resolve,
          },
        );
      });
      // No run is active: the subscription waits for the next one.
      const started = await graphql(server.url, token, 'mutation { startSync(input: {}) { run { id } } }');
      const run = await t.db.selectFrom('sync_runs').selectAll().where('status', '=', 'RUNNING').executeTakeFirstOrThrow();
      await engine.reportUntil(run, seen);
      await engine.report(run, 200, 'SUCCEEDED');
      await completed;
      expect(received.length).toBeGreaterThanOrEqual(2);
      expect(new Set(received.map((p) => p.run.id))).toEqual(new Set([started.body.data.startSync.run.id]));
      expect(received.at(-1)).toMatchObject({ status: 'SUCCEEDED', percent: 100 });
    } finally {
      await ws.dispose();
    }
  });

  it('refuses a WebSocket connection without a valid token', async () => {
    const ws = createWsClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer sgt_nope' }, retryAttempts: 0 });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        ws.subscribe({ query: 'subscription { syncProgress { status } }' }, { next: () => resolve('next'), error: resolve, complete: () => resolve('complete') });
      });
      expect((outcome as { code?: number }).code).toBe(4403);
    } finally {
      await ws.dispose();
    }
  });

  it('names the missing scope when a client without read or sync subscribes', async () => {
    const other = await apiClient(t.db, ['request']);
    const ws = createWsClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${other.token}` }, retryAttempts: 0 });
    try {
      const outcome = await new Promise<any>((resolve) => {
        ws.subscribe({ query: 'subscription { syncProgress { status } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
      });
      const message = JSON.stringify(outcome);
      expect(message).toContain('missing scope');
      expect(message).toContain('Subscription.syncProgress');
    } finally {
      await ws.dispose();
    }
  });
});
