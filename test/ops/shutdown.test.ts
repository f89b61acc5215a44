import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDb } from '../../src/db/createDb.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, openTestDatabase } from '../support/db.ts';
import { cachedAccess, expectedAccess } from '../support/slack.ts';
import { adminToken, gql, killAll, openStream, PROGRESS, readStream, serve, until } from './support.ts';

let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 9, users: 300, userGroups: 6, idpGroups: 2, channels: 40 });
  dir = await mkdtemp(path.join(tmpdir(), 'slackgate-shutdown-'));
});
afterAll(async () => {
  killAll();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe(`serve stopped with SIGTERM mid-sync (${backend})`, () => {
  it(
    'checkpoints the run, tells subscribers it is going away (WebSocket 1001, SSE cut without complete), exits 0; the next serve resumes the run to the same result',
    async () => {
      // Postgres: the test's own database. PGlite: a data directory both processes open in turn.
      const pg = backend === 'postgres' ? await openTestDatabase() : undefined;
      const db = pg ? { url: pg.url } : { dataDir: dir };
      try {
        // Channel member lists come slowly, so the signal lands in the middle of the grants phase.
        sim.control.inject('conversations.members', { kind: 'latency', ms: 150 }, 1000);
        // The scheduler starts the first sync at startup (none has run yet).
        const first = serve(sim, db, ['--sync-interval', '1h']);
        const url = await first.url();
        const token = await adminToken(url);

        const ws = createWsClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
        const wsClosed = new Promise<number>((resolve) => ws.on('closed', (event) => resolve((event as { code: number }).code)));
        const wsEvents: unknown[] = [];
        const wsEnded = new Promise<'error' | 'complete'>((resolve) =>
          ws.subscribe(
            { query: `subscription { syncProgress { ${PROGRESS} } }` },
            { next: (r) => void wsEvents.push(r.data), error: () => resolve('error'), complete: () => resolve('complete') },
          ),
        );
        const sse = readStream(await openStream(url, token, `subscription { syncProgress { ${PROGRESS} } }`));

        await until(() => sim.control.calls('conversations.members') >= 8, 'the sync to reach the grants phase');
        expect(await first.stop('SIGTERM')).toBe(0);
        sim.control.clearFaults();
        const readBeforeStop = { users: sim.control.calls('users.list'), members: sim.control.calls('conversations.members') };
        expect(readBeforeStop.members).toBeLessThan(40);

        expect(await wsClosed).toBe(1001);
        expect(await wsEnded).toBe('error');
        expect(wsEvents.length).toBeGreaterThan(0);
        // The run goes on elsewhere: the stream is cut, not completed, so its client reconnects.
        const stream = await sse;
        expect(stream.events.length).toBeGreaterThan(0);
        expect(stream.completed).toBe(false);
        const messages = first.logs().map((l) => l.msg as string);
        expect(messages).toContain('sync interrupted; it resumes from its checkpoints on the next start');
        expect(messages.indexOf('shutting down')).toBeLessThan(messages.indexOf('stopped'));

        const peek = async <T>(read: (d: Awaited<ReturnType<typeof createDb>>) => Promise<T>): Promise<T> => {
          if (pg) return read(pg.database);
          const d = await createDb({ dataDir: dir });
          try {
            return await read(d);
          } finally {
            await d.close();
          }
        };
        const interrupted = await peek((d) => d.db.selectFrom('sync_runs').selectAll().execute());
        expect(interrupted).toHaveLength(1);
        expect(interrupted[0]!.status).toBe('RUNNING');
        const checkpoints = await peek((d) => d.db.selectFrom('sync_checkpoints').select('task').where('done', '=', true).execute());
        expect(checkpoints.length).toBeGreaterThan(0);

        const second = serve(sim, db, ['--sync-interval', '1h']);
        const url2 = await second.url();
        const token2 = await adminToken(url2);
        const finished = await until(async () => {
          const r = await gql(url2, token2, '{ syncRuns(first: 5) { edges { node { status } } } }');
          const statuses = (r.data?.syncRuns.edges as { node: { status: string } }[] | undefined)?.map((e) => e.node.status) ?? [];
          return statuses.length > 0 && statuses.every((s) => s !== 'RUNNING' && s !== 'QUEUED') ? statuses : undefined;
        }, 'the resumed sync to end');
        expect(finished).toEqual(['SUCCEEDED']);
        expect(await second.stop('SIGTERM')).toBe(0);
        expect(second.logs().some((l) => l.msg === 'resuming interrupted sync')).toBe(true);

        // The accounts phase had finished before the stop: it was not read again; only the
        // channels not yet read were read after the restart.
        expect(sim.control.calls('users.list')).toBe(readBeforeStop.users);
        const membersAfter = sim.control.calls('conversations.members') - readBeforeStop.members;
        expect(membersAfter).toBeGreaterThan(0);
        expect(membersAfter).toBeLessThan(40);

        const runs = await peek((d) => d.db.selectFrom('sync_runs').select(['id', 'status']).execute());
        expect(runs).toEqual([{ id: interrupted[0]!.id, status: 'SUCCEEDED' }]);
        const want = expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: false, botToken: sim.tokens.bot });
        const got = await peek((d) => cachedAccess(d.db));
        expect(got.accounts).toEqual(want.accounts);
        expect([...got.grants].sort()).toEqual([...want.grants].sort());
      } finally {
        await pg?.drop();
      }
    },
    180_000,
  );
});
