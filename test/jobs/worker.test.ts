import { describe, expect, it } from 'vitest';
import { claimJobs, enqueueJob } from '../../src/jobs/queue.ts';
import { JobWorker, NotYet } from '../../src/jobs/worker.ts';
import { createDb } from '../../src/db/createDb.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();
let nowMs = Date.parse('2030-01-01T00:00:00Z');
const now = () => new Date(nowMs);

describe(`jobs (${backend})`, () => {
  it('a dedupe key makes enqueueing idempotent', async () => {
    const first = await enqueueJob(t.db, { kind: 'dedupe', dedupeKey: 'only-once', runAt: now() });
    const second = await enqueueJob(t.db, { kind: 'dedupe', dedupeKey: 'only-once', runAt: now() });
    expect(first).toBeTypeOf('number');
    expect(second).toBeUndefined();
    expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', 'dedupe').execute()).toHaveLength(1);
  });

  it('runs a job when it is due, not before', async () => {
    const seen: number[] = [];
    await enqueueJob(t.db, { kind: 'later', payload: { n: 1 }, runAt: new Date(nowMs + 60_000) });
    const worker = new JobWorker({ db: t.db, now, handlers: { later: async (job) => void seen.push(Number(job.payload.n)) } });
    expect(await worker.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    nowMs += 60_000;
    expect(await worker.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([1]);
  });

  it('concurrent claims never share a job (FOR UPDATE SKIP LOCKED), also from a second pool', async () => {
    for (let i = 0; i < 40; i += 1) await enqueueJob(t.db, { kind: 'claimed', payload: { i }, runAt: now() });
    const other = t.url ? await createDb({ url: t.url, poolSize: 4 }) : undefined;
    try {
      const dbs = [t.db, other?.db ?? t.db, t.db, other?.db ?? t.db];
      const claims = await Promise.all(dbs.map((db, w) => claimJobs(db, { workerId: `w${w}`, now: now(), leaseMs: 60_000, limit: 15, kinds: ['claimed'] })));
      const ids = claims.flat().map((j) => j.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    } finally {
      await other?.close();
    }
  });

  it('a job whose worker died is taken over when its lease runs out', async () => {
    const id = await enqueueJob(t.db, { kind: 'lease', runAt: now() });
    const [claimed] = await claimJobs(t.db, { workerId: 'dead', now: now(), leaseMs: 30_000, limit: 1, kinds: ['lease'] });
    expect(claimed?.id).toBe(id);
    const runs: string[] = [];
    const worker = new JobWorker({ db: t.db, now, workerId: 'alive', handlers: { lease: async () => void runs.push('alive') } });
    expect((await worker.runDue()).done).toBe(0);
    nowMs += 30_001;
    expect((await worker.runDue()).done).toBe(1);
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id as number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'DONE', locked_by: 'alive', attempts: 2 });
  });

  it('retries a failing job with backoff, then gives up and keeps the error', async () => {
    const id = (await enqueueJob(t.db, { kind: 'flaky', runAt: now(), maxAttempts: 2 })) as number;
    const worker = new JobWorker({ db: t.db, now, handlers: { flaky: async () => { throw new Error('Slack said no'); } } });
    expect(await worker.runDue()).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await t.db.selectFrom('jobs').select(['state', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ state: 'PENDING', last_error: 'Slack said no' });
    nowMs += 5_000;
    expect(await worker.runDue()).toEqual({ done: 0, retried: 0, failed: 1 });
    expect((await t.db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('FAILED');
  });

  it('a job that is not due after all is postponed without spending an attempt', async () => {
    const id = (await enqueueJob(t.db, { kind: 'moved', runAt: now() })) as number;
    let calls = 0;
    const worker = new JobWorker({ db: t.db, now, handlers: { moved: async () => { calls += 1; if (calls === 1) throw new NotYet(new Date(nowMs + 10_000)); } } });
    await worker.runDue();
    expect(await t.db.selectFrom('jobs').select(['state', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ state: 'PENDING', attempts: 0 });
    nowMs += 10_000;
    await worker.runDue();
    expect(calls).toBe(2);
    expect((await t.db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('DONE');
  });
});
