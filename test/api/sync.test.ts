import { print } from 'graphql';
import { createClient as createWsClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FollowSyncDocument, StartSyncRunDocument, SyncStatusDocument, type FollowSyncSubscription, type StartSyncRunMutation } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { ScriptedSync } from '../support/scriptedSync.ts';
import { IN_PROCESS_URL, useWorld } from '../support/world.ts';
import { sseResults } from '../support/clients.ts';

// The sync engine is scripted: the test reports progress. WebSocket tests use a real server.
let engine: ScriptedSync;
const w = useWorld({ services: (world) => ({ sync: (engine = new ScriptedSync(world.db, world.bus)) }) });
let token: string;
let clientId: string;

beforeAll(async () => {
  ({ token, clientId } = await w.apiClient(['read', 'sync']));
});

describe(`startSync (${backend})`, () => {
  it('says no Slack connection is configured when the gateway has no sync service, and audits the refusal', async () => {
    const bare = await w.otherGateway({});
    const res = await bare.graphql<StartSyncRunMutation>(token, print(StartSyncRunDocument));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.startSync.run).toBeNull();
    expect(res.body.data.startSync.errors).toEqual([{ __typename: 'ConflictError', code: 'SYNC_NOT_CONFIGURED', message: expect.stringContaining('no Slack connection is configured') }]);
    const audit = await w.db.selectFrom('audit_events').selectAll().where('action', '=', 'startSync').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ outcome: 'FAILURE', api_client_id: clientId, error_code: 'SYNC_NOT_CONFIGURED' });
  });
});

describe(`sync progress over SSE and WebSocket (${backend})`, () => {
  it('starts a run, then streams its progress over SSE until it ends', async () => {
    const started = await w.graphql<StartSyncRunMutation>(token, print(StartSyncRunDocument));
    expect(started.body.data.startSync.errors).toEqual([]);
    const run = started.body.data.startSync.run!;
    expect(run).toMatchObject({ status: 'RUNNING', requestedBy: clientId });
    const row = await w.db.selectFrom('sync_runs').selectAll().executeTakeFirstOrThrow();
    const audit = await w.db.selectFrom('audit_events').selectAll().where('action', '=', 'startSync').where('outcome', '=', 'SUCCESS').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ api_client_id: clientId, target_type: 'syncRun', target_id: String(row.id) });

    const res = await w.fetch(`${IN_PROCESS_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(FollowSyncDocument), variables: { runId: run.id } }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const results = sseResults<FollowSyncSubscription>(res);
    const first = (await results.next()).value;
    expect(first?.data?.syncProgress).toMatchObject({ run: { id: run.id }, status: 'RUNNING', done: 0, estimatedTotal: 200, percent: 0 });

    await engine.report(row, 100);
    const half = (await results.next()).value;
    expect(half?.data?.syncProgress).toMatchObject({ status: 'RUNNING', phase: 'ACCOUNTS', done: 100, percent: 50, counts: [{ phase: 'ACCOUNTS', count: 100, estimatedTotal: 200 }] });

    await engine.report(row, 200, 'SUCCEEDED');
    const last = (await results.next()).value;
    expect(last?.data?.syncProgress).toMatchObject({ status: 'SUCCEEDED', percent: 100 });
    expect((await results.next()).done).toBe(true);
  });

  it('without a run id, follows the next run to start over WebSocket, through its end', async () => {
    const server = await w.listen();
    const ws = createWsClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    try {
      const received: FollowSyncSubscription['syncProgress'][] = [];
      let firstSeen!: () => void;
      const seen = new Promise<void>((resolve) => (firstSeen = resolve));
      const completed = new Promise<void>((resolve, reject) => {
        ws.subscribe<FollowSyncSubscription>(
          { query: print(FollowSyncDocument) },
          {
            next: (result) => {
              if (result.errors) reject(new Error(result.errors[0]?.message));
              if (result.data) received.push(result.data.syncProgress);
              firstSeen();
            },
            error: reject,
            complete: resolve,
          },
        );
      });
      // No run is active: the subscription waits for the next one.
      const started = await w.graphql<StartSyncRunMutation>(token, print(StartSyncRunDocument));
      const run = await w.db.selectFrom('sync_runs').selectAll().where('status', '=', 'RUNNING').executeTakeFirstOrThrow();
      await engine.reportUntil(run, seen);
      await engine.report(run, 200, 'SUCCEEDED');
      await completed;
      expect(received.length).toBeGreaterThanOrEqual(2);
      expect(new Set(received.map((p) => p.run.id))).toEqual(new Set([started.body.data.startSync.run?.id]));
      expect(received.at(-1)).toMatchObject({ status: 'SUCCEEDED', percent: 100 });
    } finally {
      await ws.dispose();
    }
  });

  it('refuses a WebSocket connection without a valid token', async () => {
    const server = await w.listen();
    const ws = createWsClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer sgt_nope' }, retryAttempts: 0 });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        ws.subscribe({ query: print(SyncStatusDocument) }, { next: () => resolve('next'), error: resolve, complete: () => resolve('complete') });
      });
      expect((outcome as { code?: number }).code).toBe(4403);
    } finally {
      await ws.dispose();
    }
  });

  it('names the missing scope when a client without read or sync subscribes', async () => {
    const server = await w.listen();
    const other = await w.apiClient(['request']);
    const ws = createWsClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${other.token}` }, retryAttempts: 0 });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        ws.subscribe({ query: print(SyncStatusDocument) }, { next: resolve, error: resolve, complete: () => resolve('complete') });
      });
      const message = JSON.stringify(outcome);
      expect(message).toContain('missing scope');
      expect(message).toContain('Subscription.syncProgress');
    } finally {
      await ws.dispose();
    }
  });
});
