import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import type { UserGroup } from '../../src/simulator/store.ts';
import { fullMembers } from '../support/slackOrg.ts';
import { backend, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { adminToken, gql, killAll, serve, until, type ServeProcess } from './support.ts';

// Finding 1 of the hardening issue: every connection of the gateway to its database is cut
// (pg_terminate_backend, what a failover does) while ten clients read and a grant is in flight.
// Terminating backends is a Postgres server's; PGlite runs inside the process and has none.
const onPostgres = backend === 'postgres';

let sim: RunningSimulator;
let pgdb: (TestDatabase & { drop(): Promise<void> }) | undefined;
let gateway: ServeProcess;

const GRANT = `mutation ($input: GrantEntitlementInput!) { grantEntitlement(input: $input) { result errors { code message } } }`;
const READ = '{ accounts(first: 20) { totalCount edges { node { externalId grants(first: 5) { edges { node { externalId } } } } } } }';

beforeAll(async () => {
  if (!onPostgres) return;
  sim = await startSimulator({ plan: 'business-plus', seed: 15, users: 80, userGroups: 3, idpGroups: 1, channels: 3 });
  pgdb = await openTestDatabase();
  gateway = serve(sim, { url: pgdb.url }, ['--sync-interval', '0']);
  const url = await gateway.url();
  const token = await adminToken(url);
  const started = await gql(url, token, 'mutation { startSync(input: {}) { run { id } } }');
  const id = started.data.startSync.run.id as string;
  await until(async () => (await gql(url, token, 'query ($id: ID!) { syncRun(id: $id) { status } }', { id })).data?.syncRun?.status === 'SUCCEEDED', 'the sync');
}, 120_000);

afterAll(async () => {
  if (!onPostgres) return;
  await gateway?.stop();
  killAll();
  await pgdb?.drop();
  await sim?.close();
});

/** Ends every connection to the test database but the caller's own. */
async function terminateBackends(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>('select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return rows[0]?.n ?? 0;
  } finally {
    await admin.end();
  }
}

describe('the database drops every connection under load', () => {
  it.skipIf(!onPostgres)(
    'the process lives, requests fail cleanly, /readyz recovers by itself, and the grant completes exactly once with its key (postgres only: pg_terminate_backend)',
    async () => {
      const url = await gateway.url();
      const token = await adminToken(url);
      const group = [...sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size > 0 && fullMembers(sim, g.teamId).some((u) => !g.users.has(u.id))) as UserGroup;
      const user = fullMembers(sim, group.teamId).find((u) => !group.users.has(u.id))!;
      const input = { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${user.id}`, idempotencyKey: 'outage-1' };
      const writesBefore = sim.control.calls('usergroups.users.update');

      // Ten readers, as fast as they are answered, for the whole test.
      let reading = true;
      const answers: { status: number; text: string }[] = [];
      const readers = Array.from({ length: 10 }, async () => {
        while (reading) {
          try {
            const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: READ }) });
            answers.push({ status: res.status, text: await res.text() });
          } catch (error) {
            answers.push({ status: 0, text: String(error) });
          }
        }
      });
      sim.control.inject('usergroups.users.update', { kind: 'latency', ms: 1500 }, 1);
      const inFlight = gql(url, token, GRANT, { input }).catch((error: Error) => ({ error: error.message }));
      await new Promise((r) => setTimeout(r, 500));
      const cut = await terminateBackends(pgdb!.url!);
      expect(cut).toBeGreaterThan(0);
      const cutAt = Date.now();
      await inFlight;

      // Back by itself: ready again, and reads answer.
      await until(async () => (await fetch(`${url}/readyz`)).status === 200, '/readyz to answer 200 again', 30_000);
      const afterCut = answers.length;
      await until(() => answers.length > afterCut + 20 || undefined, 'reads after recovery', 30_000);
      reading = false;
      await Promise.all(readers);
      expect(gateway.child.exitCode).toBeNull();
      // Every answer was an HTTP answer in the GraphQL format, with no internals in it.
      expect(answers.every((a) => a.status !== 0)).toBe(true);
      for (const a of answers) {
        expect(a.text).not.toMatch(/node_modules|\bat \w+ \(|Connection terminated/);
        expect(() => JSON.parse(a.text)).not.toThrow();
      }
      expect(answers.slice(-10).every((a) => a.status === 200 && !JSON.parse(a.text).errors)).toBe(true);
      expect(Date.now() - cutAt).toBeLessThan(60_000);

      // The grant: retried with its key until the key is free, then done exactly once.
      const done = await until(async () => {
        const res = await gql(url, token, GRANT, { input });
        const payload = res.data?.grantEntitlement;
        return payload && payload.errors?.[0]?.code !== 'IDEMPOTENCY_KEY_IN_USE' ? payload : undefined;
      }, 'the key to be free', 40_000);
      expect(done.errors).toEqual([]);
      expect(done.result).toBe('GRANTED');
      expect(group.users.has(user.id)).toBe(true);
      expect(sim.control.calls('usergroups.users.update') - writesBefore).toBe(1);
      const rows = await pgdb!.db
        .selectFrom('audit_events')
        .select('outcome')
        .where('action', '=', 'grantEntitlement')
        .where('target_id', '=', `userGroup:${group.id}:member:user:${user.id}`)
        .where('outcome', 'in', ['SUCCESS', 'FAILURE'])
        .execute();
      expect(rows).toEqual([{ outcome: 'SUCCESS' }]);
    },
    150_000,
  );
});
