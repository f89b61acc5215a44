import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, WebClient, WebClientEvent } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { checkedClient, type CheckedClient } from './openapi.ts';

let sim: RunningSimulator;
let bot: CheckedClient;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', users: 30, seed: 5 });
  bot = checkedClient(sim, sim.tokens.bot);
});

afterEach(() => {
  expect(bot.problems.splice(0)).toEqual([]);
  sim.control.reset();
  sim.control.setRateLimits(false);
});

afterAll(async () => {
  await sim.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error & { code?: string };
}

const someUser = (): string => [...sim.store.users.values()].find((u) => !u.deleted && !u.isBot && u.id !== 'USLACKBOT')?.id as string;

describe('injected Web API faults', () => {
  it('a 429 with Retry-After reaches the SDK as WebAPIRateLimitedError when it rejects rate-limited calls', async () => {
    sim.control.inject('users.list', { kind: 'rate_limited', retryAfter: 7 });
    const error = await rejection(bot.client.users.list({}));
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(7);
    // The fault was used up: the next call succeeds.
    expect((await bot.client.users.list({ limit: 1 })).ok).toBe(true);
    expect(sim.control.calls('users.list')).toBe(2);
  });

  it('the SDK waits Retry-After and retries on its own by default', async () => {
    const client = new WebClient(sim.tokens.bot, { slackApiUrl: sim.apiUrl, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 1 } });
    const waits: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (seconds: number) => waits.push(seconds));
    sim.control.inject('users.info', { kind: 'rate_limited', retryAfter: 0 });
    const result = await client.users.info({ user: someUser() });
    expect(result.ok).toBe(true);
    expect(waits).toEqual([0]);
    expect(sim.control.calls('users.info')).toBe(2);
  });

  it('a 429 without Retry-After makes the SDK fail at once', async () => {
    sim.control.inject('users.info', { kind: 'rate_limited', retryAfter: null });
    const client = new WebClient(sim.tokens.bot, { slackApiUrl: sim.apiUrl, retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 1 } });
    const error = await rejection(client.users.info({ user: someUser() }));
    expect(error.message).toMatch(/Retry header did not contain a valid timeout/);
    expect(sim.control.calls('users.info')).toBe(1);
  });

  it('HTTP 503s are retried by the SDK and surface as WebAPIHTTPError when retries run out', async () => {
    sim.control.inject('team.info', { kind: 'http_error', status: 503 }, 2);
    const retrying = new WebClient(sim.tokens.bot, { slackApiUrl: sim.apiUrl, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 1 } });
    expect((await retrying.team.info()).ok).toBe(true);
    expect(sim.control.calls('team.info')).toBe(3);
    sim.control.inject('team.info', { kind: 'http_error', status: 500 });
    const error = await rejection(bot.client.team.info());
    expect(error.code).toBe(ErrorCode.HTTPError);
    expect(error.statusCode).toBe(500);
  });

  it('injects ok:false with a chosen code, and the header-less ratelimited body', async () => {
    sim.control.inject('usergroups.list', { kind: 'slack_error', error: 'fatal_error' });
    const fatal = await rejection(bot.client.usergroups.list({}));
    expect(fatal.code).toBe(ErrorCode.PlatformError);
    expect(fatal.data?.error).toBe('fatal_error');
    sim.control.inject('*', { kind: 'ratelimited_body' });
    expect((await rejection(bot.client.auth.test())).data?.error).toBe('ratelimited');
    expect((await bot.client.auth.test()).ok).toBe(true);
  });

  it('added latency makes a client with a short timeout give up', async () => {
    sim.control.inject('auth.test', { kind: 'latency', ms: 400 });
    const impatient = new WebClient(sim.tokens.bot, { slackApiUrl: sim.apiUrl, timeout: 50, retryConfig: { retries: 0 } });
    const error = await rejection(impatient.auth.test());
    expect(error.code).toBe(ErrorCode.RequestError);
  });
});

describe('rate limits', () => {
  it('budgets per token, team and method, answering 429 with Retry-After', async () => {
    sim.control.setRateLimits(true, 60);
    sim.control.setMethodLimit('users.info', 3);
    for (let i = 0; i < 3; i++) await bot.client.users.info({ user: someUser() });
    const error = await rejection(bot.client.users.info({ user: someUser() }));
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(1);
    // Another method, and another token, have their own budgets.
    expect((await bot.client.users.list({ limit: 1 })).ok).toBe(true);
    const admin = new WebClient(sim.tokens.admin, { slackApiUrl: sim.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    expect((await admin.users.info({ user: someUser() })).ok).toBe(true);
    // With --time-scale 60 a Slack minute lasts one second.
    await sleep(1_100);
    expect((await bot.client.users.info({ user: someUser() })).ok).toBe(true);
  });

  it('applies the tier budget (tier 2: 20 per minute) when on', async () => {
    sim.control.setRateLimits(true, 1);
    for (let i = 0; i < 20; i++) await bot.client.usergroups.list({});
    const error = await rejection(bot.client.usergroups.list({}));
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBeGreaterThan(1);
  });

  it('is off by default', async () => {
    for (let i = 0; i < 25; i++) await bot.client.usergroups.list({});
    expect(sim.control.calls('usergroups.list')).toBe(25);
  });

  it('limits SCIM per endpoint and answers 429 with Retry-After', async () => {
    sim.control.setRateLimits(true, 60);
    sim.control.setMethodLimit('scim.users.get', 2);
    const get = () => fetch(`${sim.scimUrl}Users/${someUser()}`, { headers: { authorization: `Bearer ${sim.tokens.admin}` } });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as { detail: string }).detail).toBe('too_many_requests');
  });
});

describe('SCIM locks and faults', () => {
  const group = () => [...sim.store.usergroups.values()].find((g) => g.users.size > 0) as { id: string; users: Set<string> };
  const patch = (id: string) =>
    fetch(`${sim.scimUrl}Groups/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sim.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: `Renamed ${Math.random()}` }] }),
    });

  it('a locked resource refuses writes with 429 resource_locked but still serves reads', async () => {
    const id = group().id;
    sim.control.lockScimResource(id, 5_000);
    const refused = await patch(id);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { detail: string }).detail).toBe('resource_locked');
    const read = await fetch(`${sim.scimUrl}Groups/${id}`, { headers: { authorization: `Bearer ${sim.tokens.admin}` } });
    expect(read.status).toBe(200);
  });

  it('a slow write locks its resource against a concurrent write', async () => {
    const id = group().id;
    sim.control.inject('scim.groups.patch', { kind: 'latency', ms: 300 });
    const statuses = (await Promise.all([patch(id), sleep(50).then(() => patch(id))])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 429]);
  });

  it('injects SCIM errors with a chosen status', async () => {
    sim.control.inject('scim.users.list', { kind: 'slack_error', error: 'database_query_failure', status: 500 });
    const response = await fetch(`${sim.scimUrl}Users`, { headers: { authorization: `Bearer ${sim.tokens.admin}` } });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { detail: string }).detail).toBe('database_query_failure');
  });
});

describe('inspection and reset', () => {
  it('counts and logs calls per method with their arguments', async () => {
    const member = someUser();
    await bot.client.users.info({ user: member });
    await rejection(bot.client.users.info({ user: 'U0NOSUCH00' }));
    expect(sim.control.calls('users.info')).toBe(2);
    const log = sim.control.log('users.info');
    expect(log.map((r) => r.args.user)).toEqual([member, 'U0NOSUCH00']);
    expect(log[1]).toMatchObject({ api: 'web', tokenKind: 'bot', status: 200, error: 'user_not_found' });
    expect(JSON.stringify(log)).not.toContain(sim.tokens.bot);
  });

  it('reset restores the seeded organization in the same store object', async () => {
    const store = sim.store;
    const id = someUser();
    store.deactivateUser(store.user(id) as NonNullable<ReturnType<typeof store.user>>);
    sim.control.reset();
    expect(sim.store).toBe(store);
    expect(store.user(id)?.deleted).toBe(false);
    expect(sim.control.calls()).toBe(0);
  });

  it('offers the same controls over HTTP under /_simulator/', async () => {
    const post = (path: string, body: unknown) => fetch(`${sim.origin}/_simulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('faults', { method: 'auth.test', fault: { kind: 'slack_error', error: 'internal_error' }, times: 1 })).status).toBe(200);
    expect((await rejection(bot.client.auth.test())).data?.error).toBe('internal_error');
    const calls = (await (await fetch(`${sim.origin}/_simulator/calls`)).json()) as { counts: Record<string, number> };
    expect(calls.counts['auth.test']).toBe(1);
    await post('behaviour', { emptyUserGroupUpdate: 'empty' });
    expect(sim.store.behaviour.emptyUserGroupUpdate).toBe('empty');
    const state = (await (await fetch(`${sim.origin}/_simulator/state`)).json()) as { state: { users: unknown[] } };
    expect(state.state.users.length).toBe(sim.store.users.size);
    await post('tokens/revoke', { token: sim.tokens.bot });
    expect((await rejection(bot.client.auth.test())).data?.error).toBe('token_revoked');
    expect((await post('reset', {})).status).toBe(200);
    expect((await bot.client.auth.test()).ok).toBe(true);
    expect(sim.store.behaviour.emptyUserGroupUpdate).toBe('reject');
  });
});
