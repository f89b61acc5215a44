import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { adminToken, gql, killAll, openStream, PROGRESS, readStream, serve, until, type ServeProcess } from './support.ts';

// Two `serve` processes on one Postgres database. PGlite serves a single process, so these run
// on the Postgres backend only.
const replicasShareADatabase = backend === 'postgres';

let sim: RunningSimulator;
let pg: (TestDatabase & { drop(): Promise<void> }) | undefined;
let a: ServeProcess;
let b: ServeProcess;
const replica = { a: { url: '', token: '' }, b: { url: '', token: '' } };

beforeAll(async () => {
  if (!replicasShareADatabase) return;
  sim = await startSimulator({ plan: 'business-plus', seed: 5, users: 200, userGroups: 5, idpGroups: 2, channels: 30 });
  pg = await openTestDatabase();
  // No scheduled syncs: the tests start them.
  a = serve(sim, { url: pg.url }, ['--sync-interval', '0']);
  b = serve(sim, { url: pg.url }, ['--sync-interval', '0']);
  replica.a.url = await a.url();
  replica.b.url = await b.url();
  replica.a.token = await adminToken(replica.a.url);
  replica.b.token = await adminToken(replica.b.url);
}, 120_000);

afterAll(async () => {
  if (!replicasShareADatabase) return;
  await Promise.all([a?.stop(), b?.stop()]);
  killAll();
  await pg?.drop();
  await sim?.close();
});

const finishedRuns = (s: ServeProcess) => s.logs().filter((l) => l.msg === 'sync finished');

async function startSync(r: { url: string; token: string }): Promise<string> {
  const res = await gql(r.url, r.token, 'mutation { startSync(input: {}) { run { id } errors { message } } }');
  expect(res.errors).toBeUndefined();
  expect(res.data.startSync.errors).toEqual([]);
  return res.data.startSync.run.id as string;
}

describe('two serve replicas on one Postgres', () => {
  it.skipIf(!replicasShareADatabase)(
    'a syncProgress subscriber on replica A follows a sync that replica B runs, through its end',
    async () => {
      const stream = readStream(await openStream(replica.a.url, replica.a.token, `subscription { syncProgress { ${PROGRESS} } }`));
      const runId = await startSync(replica.b);
      const { events, completed } = await stream;
      expect(completed).toBe(true);
      const progress = events.map((e) => (e as { data: { syncProgress: { status: string; done: number; run: { id: string } } } }).data.syncProgress);
      expect(progress.every((p) => p.run.id === runId)).toBe(true);
      expect(progress.at(-1)?.status).toBe('SUCCEEDED');
      expect(progress.filter((p) => p.status === 'RUNNING').length).toBeGreaterThan(0);
      // B ran it; A only relayed B's events.
      await until(() => finishedRuns(b).length === 1, 'B to log the end of the run');
      expect(finishedRuns(a)).toHaveLength(0);
    },
    60_000,
  );

  it.skipIf(!replicasShareADatabase)(
    'runs one sync when both replicas are asked at once: both answer with the same run, Slack is read once',
    async () => {
      const before = { groups: sim.control.calls('usergroups.list'), runs: finishedRuns(a).length + finishedRuns(b).length };
      const [fromA, fromB] = await Promise.all([startSync(replica.a), startSync(replica.b)]);
      expect(fromA).toBe(fromB);
      await until(async () => {
        const r = await gql(replica.a.url, replica.a.token, 'query ($id: ID!) { syncRun(id: $id) { status } }', { id: fromA });
        return r.data?.syncRun?.status === 'SUCCEEDED';
      }, 'the run to end');
      const runs = await pg!.db.selectFrom('sync_runs').select(['id', 'status']).orderBy('id').execute();
      expect(runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      // One workspace: one usergroups.list call per run.
      expect(sim.control.calls('usergroups.list') - before.groups).toBe(1);
      await until(() => finishedRuns(a).length + finishedRuns(b).length === before.runs + 1, 'the run to be logged');
    },
    60_000,
  );

  it.skipIf(!replicasShareADatabase)(
    'revokes a due time-bound grant once: both replicas run the jobs worker, one claims the expiry',
    async () => {
      const group = [...sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size >= 2);
      expect(group).toBeDefined();
      const g = group!;
      const account = await pg!.db
        .selectFrom('accounts')
        .select(['id', 'slack_id'])
        .where('type', '=', 'HUMAN')
        .where('status', '=', 'ENABLED')
        .where('is_guest', '=', false)
        .where('is_admin', '=', false)
        .where('is_owner', '=', false)
        .where('is_invited', '=', false)
        .where('slack_id', 'not in', [...g.users])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const granted = await gql(
        replica.a.url,
        replica.a.token,
        'mutation ($input: GrantEntitlementInput!) { grantEntitlement(input: $input) { result grant { externalId expiresAt } errors { message } } }',
        { input: { entitlementId: `userGroup:${g.id}:member`, accountId: `user:${account.slack_id}`, duration: 'PT1H', reason: 'expiry across replicas' } },
      );
      expect(granted.data.grantEntitlement).toMatchObject({ result: 'GRANTED', errors: [] });
      expect(sim.store.usergroups.get(g.id)?.users.has(account.slack_id)).toBe(true);

      // The hour passes: the grant and its expiry job fall due now.
      const grant = await pg!.db.selectFrom('grants').select('id').where('external_id', '=', granted.data.grantEntitlement.grant.externalId).executeTakeFirstOrThrow();
      const due = new Date(Date.now() - 1000);
      const writes = sim.control.calls('usergroups.users.update');
      await pg!.db.transaction().execute(async (tx) => {
        await tx.updateTable('grants').set({ expires_at: due }).where('id', '=', grant.id).execute();
        const moved = await tx.updateTable('jobs').set({ run_at: due }).where('kind', '=', 'grant.expire').where('state', '=', 'PENDING').where(sql<boolean>`payload->>'grantId' = ${String(grant.id)}`).executeTakeFirst();
        // A direct grant's expiry job is queued at the next start when the grant path did not queue one.
        if (Number(moved.numUpdatedRows) === 0) {
          await tx.insertInto('jobs').values({ kind: 'grant.expire', payload: JSON.stringify({ grantId: grant.id }), run_at: due, dedupe_key: `grant.expire:${grant.id}:${due.getTime()}`, max_attempts: 10 }).execute();
        }
      });

      await until(async () => {
        const jobs = await pg!.db.selectFrom('jobs').select('state').where('kind', '=', 'grant.expire').where(sql<boolean>`payload->>'grantId' = ${String(grant.id)}`).execute();
        return jobs.length > 0 && jobs.every((j) => j.state === 'DONE');
      }, 'the expiry job to be done');
      // Both workers poll every second: give the other replica time to (wrongly) act too.
      await new Promise((r) => setTimeout(r, 2500));

      expect(sim.control.calls('usergroups.users.update') - writes).toBe(1);
      expect(sim.store.usergroups.get(g.id)?.users.has(account.slack_id)).toBe(false);
      const audits = await pg!.db.selectFrom('audit_events').select('outcome').where('action', '=', 'grant.expired').where('target_id', '=', granted.data.grantEntitlement.grant.externalId).execute();
      expect(audits).toEqual([{ outcome: 'SUCCESS' }]);
      expect(await pg!.db.selectFrom('grants').select('id').where('id', '=', grant.id).execute()).toEqual([]);
    },
    60_000,
  );
});
