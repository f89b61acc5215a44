import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { startService, type Service } from '../../src/service.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();
const CLIENT = { id: 'ops-admin', secret: 'ops-admin-secret-0123456789' };
let sim: RunningSimulator;
let service: Service;
let token: string;
const logs = new PassThrough();
const lines: Record<string, unknown>[] = [];
let raw = '';

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 3, users: 60, userGroups: 4, idpGroups: 2, channels: 8 });
  logs.on('data', (chunk: Buffer) => {
    raw += chunk.toString();
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const config = resolveConfig(
    {
      token: sim.tokens.bot,
      businessPlusToken: sim.tokens.admin,
      ssoEnabled: true,
      slackApiUrl: sim.apiUrl,
      scimApiUrl: sim.scimUrl,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      port: '0',
      syncInterval: '0',
      // Postgres: the event bus opens its own listening connection.
      databaseUrl: t.url,
    },
    {},
  );
  const logger = createLogger({ level: 'info', format: 'json', destination: logs });
  // The configuration, secrets and all, as a careless log call would write it.
  logger.info({ config, authorization: `Bearer ${sim.tokens.bot}`, headers: { authorization: 'Bearer xoxp-hidden' } }, 'configuration');
  service = await startService({ config, database: t.database, logger, metrics: createMetrics() });
  const res = await fetch(`${service.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await service?.close();
  await sim?.close();
});

// `any`: answers differ per query; the tests assert the fields they select.
async function gql(query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any>; errors?: unknown[] }> {
  const res = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

/** Parses the text exposition into `name{labels}` → value. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${service.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const series = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

function value(series: Map<string, number>, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const matches = [...series.entries()].filter(([key]) => {
    const [metric, rest = ''] = key.split('{');
    return metric === name && wanted.every((w) => rest.includes(w));
  });
  return matches.length === 0 ? undefined : matches.reduce((n, [, v]) => n + v, 0);
}

describe(`/metrics after a sync (${backend})`, () => {
  it('reports the sync: runs, duration, items by phase, last success', async () => {
    // A 429 in the middle, so the rate-limit series has something to count.
    sim.control.inject('conversations.members', { kind: 'rate_limited', retryAfter: 0 }, 1);
    const started = await gql('mutation { startSync(input: {}) { run { id } errors { message } } }');
    const runId = started.data?.startSync.run.id as string;
    expect(runId).toBeTruthy();
    const runs = await t.db.selectFrom('sync_runs').select('id').execute();
    const run = await service.sync.waitFor(runs[0]!.id);
    expect(run.status).toBe('SUCCEEDED');

    const m = await scrape();
    expect(value(m, 'slackgate_sync_runs_total', { trigger: 'MANUAL', status: 'SUCCEEDED' })).toBe(1);
    expect(value(m, 'slackgate_sync_duration_seconds_count', { status: 'SUCCEEDED' })).toBe(1);
    expect(value(m, 'slackgate_sync_duration_seconds_sum', { status: 'SUCCEEDED' })).toBeGreaterThan(0);
    const accounts = await t.db.selectFrom('accounts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(value(m, 'slackgate_sync_items', { phase: 'accounts' })).toBeGreaterThanOrEqual(Number(accounts.n));
    expect(value(m, 'slackgate_sync_items', { phase: 'grants' })).toBeGreaterThan(0);
    expect(value(m, 'slackgate_sync_running')).toBe(0);
    const finished = (run.finished_at as Date).getTime() / 1000;
    expect(value(m, 'slackgate_sync_last_success_timestamp_seconds')).toBeCloseTo(finished, 0);
  });

  it('counts Slack calls, 429s and errors by method, matching what the run recorded', async () => {
    const run = await t.db.selectFrom('sync_runs').selectAll().executeTakeFirstOrThrow();
    const recorded = run.slack_calls as Record<string, number>;
    const m = await scrape();
    expect(value(m, 'slackgate_slack_calls_total', { method: 'users.list' })).toBe(recorded['users.list']);
    expect(value(m, 'slackgate_slack_calls_total', { method: 'conversations.members' })).toBe(recorded['conversations.members']);
    expect(value(m, 'slackgate_slack_calls_total', { method: 'conversations.members', outcome: 'rate_limited' })).toBe(1);
    expect(value(m, 'slackgate_slack_calls_total', { method: 'users.list', outcome: 'rate_limited' })).toBeUndefined();
  });

  it('times GraphQL operations by name and counts their errors by stage', async () => {
    await gql('query AccountsPage { accounts(first: 5) { edges { node { id } } } }');
    await gql('query Broken { accounts(first: 5) { nope } }');
    await gql('query {');
    const m = await scrape();
    expect(value(m, 'slackgate_graphql_operation_duration_seconds_count', { type: 'query', operation: 'AccountsPage' })).toBe(1);
    expect(value(m, 'slackgate_graphql_errors_total', { operation: 'Broken', stage: 'validate' })).toBe(1);
    expect(value(m, 'slackgate_graphql_errors_total', { stage: 'parse' })).toBe(1);
    expect(value(m, 'slackgate_graphql_errors_total', { operation: 'AccountsPage' })).toBeUndefined();
  });

  it('counts provisioning outcomes by kind and result, and exposes the job queue by kind and state', async () => {
    const group = [...sim.store.usergroups.values()].find((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size >= 2)!;
    const account = await t.db
      .selectFrom('accounts')
      .select('slack_id')
      .where('type', '=', 'HUMAN')
      .where('status', '=', 'ENABLED')
      .where('is_guest', '=', false)
      .where('is_invited', '=', false)
      .where('slack_id', 'not in', [...group.users])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const input = { entitlementId: `userGroup:${group.id}:member`, accountId: `user:${account.slack_id}` };
    const grant = 'mutation ($input: GrantEntitlementInput!) { grantEntitlement(input: $input) { result errors { message } } }';
    const revoke = 'mutation ($input: RevokeGrantInput!) { revokeGrant(input: $input) { result errors { message } } }';
    expect((await gql(grant, { input })).data?.grantEntitlement.result).toBe('GRANTED');
    expect((await gql(grant, { input })).data?.grantEntitlement.result).toBe('ALREADY_GRANTED');
    expect((await gql(revoke, { input })).data?.revokeGrant.result).toBe('REVOKED');
    expect((await gql(revoke, { input })).data?.revokeGrant.result).toBe('ALREADY_REVOKED');
    const hour = 3600_000;
    // Due jobs of a kind no worker here handles stay queued; an expiry an hour away waits.
    await t.db
      .insertInto('jobs')
      .values([
        { kind: 'digest.weekly', run_at: new Date(Date.now() - hour) },
        { kind: 'digest.weekly', run_at: new Date(Date.now() - hour) },
        { kind: 'digest.weekly', run_at: new Date(Date.now() - hour), state: 'DONE' },
        { kind: 'grant.expire', run_at: new Date(Date.now() + hour) },
      ])
      .execute();
    const m = await scrape();
    for (const [kind, result] of [['GRANT', 'GRANTED'], ['GRANT', 'ALREADY_GRANTED'], ['REVOKE', 'REVOKED'], ['REVOKE', 'ALREADY_REVOKED']] as const) {
      expect(value(m, 'slackgate_provisioning_outcomes_total', { kind, result })).toBe(1);
    }
    expect(value(m, 'slackgate_job_queue_depth', { kind: 'digest.weekly', state: 'due' })).toBe(2);
    expect(value(m, 'slackgate_job_queue_depth', { kind: 'grant.expire', state: 'scheduled' })).toBe(1);
    expect(value(m, 'slackgate_job_queue_depth', { kind: 'grant.expire', state: 'due' })).toBeUndefined();
    // Process metrics come along (a serve process exposes them too).
    expect(value(m, 'slackgate_http_request_duration_seconds_count', { route: '/graphql', status: '200' })).toBeGreaterThan(0);
  });
});

describe(`request logs (${backend})`, () => {
  it('write one info line per request with method, path, status, duration and the API client, never a header', async () => {
    const before = lines.length;
    await gql('{ viewer { clientId } }');
    await new Promise((r) => setTimeout(r, 50));
    const requests = lines.slice(before).filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ level: 30, method: 'POST', path: '/graphql', status: 200, clientId: CLIENT.id });
    expect(typeof requests[0]!.durationMs).toBe('number');
    expect(JSON.stringify(requests[0])).not.toMatch(/authorization|bearer/i);
  });

  it('never contain a token or secret: not from a request header, not from the configuration', async () => {
    await fetch(`${service.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"query":"{ nope }"}' });
    await fetch(`${service.url}/graphql`, { method: 'POST', headers: { authorization: 'Bearer not-a-valid-token-zzz', 'content-type': 'application/json' }, body: '{}' });
    await new Promise((r) => setTimeout(r, 50));
    expect(raw).toContain('"msg":"configuration"');
    for (const secret of [sim.tokens.bot, sim.tokens.admin, CLIENT.secret, token, 'xoxp-hidden', 'not-a-valid-token-zzz']) expect(raw).not.toContain(secret);
    // An unauthenticated request is logged too, without a client.
    const rejected = lines.filter((l) => l.msg === 'request' && l.status === 401);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]!.clientId).toBeUndefined();
  });
});
