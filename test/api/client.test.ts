import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackgateError, StartSyncDocument, SyncProgressDocument, ViewerDocument, type SlackgateClientOptions, type SyncProgressSubscription } from '../../src/client/index.ts';
import { CostBudgets } from '../../src/graphql/costBudget.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import type { Scope } from '../../src/auth/scopes.ts';
import { GrantCountDocument, SetApiClientLimitsDocument, ViewerLimitsDocument, ViewerScopesDocument } from '../gql/graphql.ts';
import { seedCatalog } from '../support/catalog.ts';
import { backend } from '../support/db.ts';
import { ScriptedSync } from '../support/scriptedSync.ts';
import { silentLogger, useWorld, type ClientSettings } from '../support/world.ts';

// The client's own transport is under test (token endpoint, HTTP retries, SSE and WebSocket
// reconnects): these tests go over a real server.
let engine: ScriptedSync;
const w = useWorld({ services: (world) => ({ sync: (engine = new ScriptedSync(world.db, world.bus)) }), gateway: { auth: { tokenTtlSeconds: 3 } } });
let server: RunningServer;

beforeAll(async () => {
  await seedCatalog(w.db);
  server = await w.listen();
});

/** A typed client of a new API client, with its credentials, over `over` (default: the world's server). */
const typedClient = (scopes: Scope[], options: Partial<SlackgateClientOptions> & ClientSettings & { over?: RunningServer } = {}) => w.client(scopes, { over: server, ...options });

describe(`typed client (${backend})`, () => {
  it('gets a token with its credentials, sends typed documents, and replaces the token before it expires', async () => {
    const client = await typedClient(['read']);
    const first = await client.request(ViewerDocument);
    const firstToken = await client.accessToken();
    expect(first.viewer).toMatchObject({ clientId: client.clientId, scopes: ['read'] });
    // Tokens here live 3 s; the client replaces one when less than a tenth of its life is left.
    await new Promise((resolve) => setTimeout(resolve, 2800));
    const second = await client.request(ViewerDocument);
    expect(Date.parse(second.viewer.tokenExpiresAt)).toBeGreaterThan(Date.parse(first.viewer.tokenExpiresAt));
    expect(await client.accessToken()).not.toBe(firstToken);
  });

  it('follows a connection across pages as an async iterator', async () => {
    const client = await typedClient(['read']);
    const seen: string[] = [];
    for await (const grant of client.grants({ entitlementId: 'workspace:T1:member' }, { pageSize: 40 })) {
      expect(grant.entitlement.externalId).toBe('workspace:T1:member');
      seen.push(grant.account.slackId);
    }
    const stored = await w.db.selectFrom('grants').innerJoin('accounts', 'accounts.id', 'grants.account_id').select('accounts.slack_id').where('grants.external_id', 'like', 'workspace:T1:member:%').execute();
    expect(seen).toHaveLength(150);
    expect(new Set(seen)).toEqual(new Set(stored.map((r) => r.slack_id)));
  });

  it('throws the GraphQL errors of a refused operation with their messages', async () => {
    const client = await typedClient(['request']);
    const refused = await client.request(GrantCountDocument, { filter: {} }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SlackgateError);
    expect((refused as SlackgateError).message).toContain('missing scope');
  });

  it('refuses a bad secret with a message naming the client', async () => {
    const good = await typedClient(['read']);
    const { SlackgateClient } = await import('../../src/client/index.ts');
    const bad = new SlackgateClient({ url: server.url, clientId: good.clientId, clientSecret: 'sgs_wrong' });
    await expect(bad.request(ViewerDocument)).rejects.toThrow(`cannot get a token for client ${good.clientId}`);
  });

  it('takes a bearer token instead of credentials, and needs one or the other', async () => {
    const { SlackgateClient } = await import('../../src/client/index.ts');
    const { clientId, token } = await w.apiClient(['read']);
    const withToken = new SlackgateClient({ url: server.url, token });
    expect((await withToken.request(ViewerDocument)).viewer.clientId).toBe(clientId);
    expect(() => new SlackgateClient({ url: server.url })).toThrow(/clientId and clientSecret, or a token/);
  });
});

describe(`subscriptions through the typed client (${backend})`, () => {
  it('follows a run over SSE, reconnects when the stream is cut, resumes the same run and ends with it', async () => {
    const client = await typedClient(['read', 'sync'], { transport: 'sse' });
    const started = await client.request(StartSyncDocument, { input: {} });
    const runId = started.startSync.run?.id as string;
    const row = await w.db.selectFrom('sync_runs').selectAll().where('status', '=', 'RUNNING').executeTakeFirstOrThrow();
    const events: SyncProgressSubscription['syncProgress'][] = [];
    const resumedWith: (string | null | undefined)[] = [];
    const stream = client.subscribe(
      SyncProgressDocument,
      {},
      {
        resume: (last, variables) => {
          resumedWith.push(last.syncProgress.run.id);
          return { ...variables, runId: last.syncProgress.run.id };
        },
      },
    );
    for await (const event of stream) {
      events.push(event.syncProgress);
      if (events.length === 1) {
        // A replica going away cuts SSE streams without `complete`: the client comes back.
        w.gateway.cutEventStreams();
        await engine.report(row, 100);
      } else if (event.syncProgress.status === 'RUNNING') {
        await engine.report(row, 200, 'SUCCEEDED');
      }
    }
    expect(resumedWith).toEqual([runId]);
    expect(events.map((e) => e.run.id)).toEqual(events.map(() => runId));
    expect(events[0]).toMatchObject({ status: 'RUNNING', done: 0 });
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', percent: 100 });
    // Each state once: the resumed stream's first event repeats nothing already seen.
    expect(new Set(events.map((e) => `${e.status}:${e.done}`)).size).toBe(events.length);
  });

  it('subscribes over WebSocket by default', async () => {
    const client = await typedClient(['read', 'sync']);
    await client.request(StartSyncDocument, { input: {} });
    const row = await w.db.selectFrom('sync_runs').selectAll().where('status', '=', 'RUNNING').executeTakeFirstOrThrow();
    const statuses: string[] = [];
    for await (const event of client.subscribe(SyncProgressDocument, { runId: String(row.id) })) {
      statuses.push(event.syncProgress.status);
      if (statuses.length === 1) await engine.report(row, 200, 'SUCCEEDED');
    }
    expect(statuses).toEqual(['RUNNING', 'SUCCEEDED']);
  });
});

describe(`trusted documents (${backend})`, () => {
  it('refuses an ad-hoc document from a trusted-only client and serves a manifest document sent by hash', async () => {
    const adHoc = await typedClient(['read'], { trustedOnly: true });
    const refused = await adHoc.execute(ViewerScopesDocument).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SlackgateError);
    expect(refused).toMatchObject({ status: 403, message: expect.stringContaining('may run only trusted documents') });

    const byHash = await typedClient(['read'], { trustedOnly: true, send: 'hash' });
    expect((await byHash.request(ViewerDocument)).viewer.clientId).toBe(byHash.clientId);
    // A document of the tests is not in the gateway's manifest, by hash or not.
    await expect(byHash.request(ViewerScopesDocument)).rejects.toThrow("no document with this hash in the gateway's trusted-documents manifest");
  });

  it('applies the same rule on WebSocket subscriptions', async () => {
    const adHoc = await typedClient(['read', 'sync'], { trustedOnly: true });
    await expect(adHoc.subscribe(SyncProgressDocument, {}).next()).rejects.toThrow('may run only trusted documents');
    const byHash = await typedClient(['read', 'sync'], { trustedOnly: true, send: 'hash' });
    await byHash.request(StartSyncDocument, { input: {} });
    const row = await w.db.selectFrom('sync_runs').selectAll().where('status', '=', 'RUNNING').executeTakeFirstOrThrow();
    const stream = byHash.subscribe(SyncProgressDocument, { runId: String(row.id) });
    const first = await stream.next();
    expect(first.value).toMatchObject({ syncProgress: { status: 'RUNNING' } });
    await stream.return();
    await engine.report(row, 200, 'SUCCEEDED');
  });

  it('lets an admin client limit another to trusted documents and set its budget through the API, effective at once', async () => {
    const tool = await typedClient(['read']);
    expect((await tool.request(ViewerLimitsDocument)).viewer).toEqual({ clientId: tool.clientId, trustedOnly: false, costBudgetPerMinute: null });
    const admin = await typedClient(['admin']);
    const set = await admin.request(SetApiClientLimitsDocument, { input: { clientId: tool.clientId, trustedOnly: true, costBudgetPerMinute: 5000 } });
    expect(set.setApiClientLimits).toEqual({ client: { clientId: tool.clientId, trustedOnly: true, costBudgetPerMinute: 5000 }, errors: [] });
    // Its token is still valid, but the gateways re-read the client: ad-hoc documents are refused now.
    let refused: unknown;
    for (let i = 0; i < 50 && !refused; i++) {
      refused = await tool.request(ViewerLimitsDocument).then(() => undefined, (error: unknown) => error);
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused).toMatchObject({ status: 403 });
    const unknown = await admin.request(SetApiClientLimitsDocument, { input: { clientId: 'sgc_nobody', trustedOnly: true } });
    expect(unknown.setApiClientLimits.errors).toEqual([{ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'no API client with id sgc_nobody; see slackgate client list', field: 'input.clientId' }]);
    const audit = await w.db.selectFrom('audit_events').select(['api_client_id', 'details']).where('action', '=', 'client.updateLimits').where('target_id', '=', tool.clientId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ api_client_id: admin.clientId, details: { after: { trustedOnly: true, costBudgetPerMinute: 5000 } } });
  });

  it('lets any other client send a manifest document by hash or in full', async () => {
    const client = await typedClient(['read'], { send: 'hash' });
    expect((await client.request(ViewerDocument)).viewer.clientId).toBe(client.clientId);
    const full = await typedClient(['read']);
    expect((await full.request(ViewerScopesDocument)).viewer.scopes).toEqual(['read']);
  });
});

describe(`fair use per client (${backend})`, () => {
  let budgeted: RunningServer;
  beforeAll(async () => {
    budgeted = await listen(createGateway({ database: w.database, logger: silentLogger, bus: w.bus, costBudgets: new CostBudgets(1_000_000) }), { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await budgeted.close();
  });

  it('answers 429 with Retry-After to a client over its budget while another client is served, and counts the refusals per client', async () => {
    // A grant count costs a few units: a budget of 120 per minute is spent after a few dozen.
    const noisy = await typedClient(['read'], { over: budgeted, costBudgetPerMinute: 120, maxRetries: 0 });
    const other = await typedClient(['read'], { over: budgeted, maxRetries: 0 });
    let refusal: SlackgateError | undefined;
    for (let i = 0; i < 200 && !refusal; i++) {
      const outcome = await noisy.request(GrantCountDocument, { filter: { accountId: 'user:U001' } }).catch((error: unknown) => error);
      if (outcome instanceof SlackgateError) refusal = outcome;
      else expect((outcome as { grants: { totalCount: number } }).grants.totalCount).toBe(4);
    }
    expect(refusal).toMatchObject({ status: 429 });
    expect(refusal?.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budgetPerMinute: 120 });
    expect(refusal?.errors[0]?.extensions?.cost).toBeGreaterThan(0);
    expect(refusal?.message).toContain(`API client ${noisy.clientId} has spent its query-cost budget`);

    // The raw answer: HTTP 429 with Retry-After in seconds. The budget refills as time passes (on a
    // slow machine enough for one more query), so keep spending until the wire shows the refusal.
    const token = await noisy.accessToken();
    let res: Response | undefined;
    for (let i = 0; i < 20 && res?.status !== 429; i++) {
      res = await fetch(`${budgeted.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ grants(first: 1) { totalCount } }' }),
      });
      if (res.status !== 429) {
        expect(res.status).toBe(200);
        await res.text();
      }
    }
    if (!res) throw new Error('no answer');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Meanwhile another client is served.
    expect((await other.request(GrantCountDocument, { filter: { accountId: 'user:U001' } })).grants.totalCount).toBe(4);

    const metrics = await (await fetch(`${budgeted.url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith(`slackgate_client_budget_refusals_total{client="${noisy.clientId}"}`));
    expect(Number(line?.split(' ')[1])).toBeGreaterThanOrEqual(2);
    expect(metrics).not.toContain(`slackgate_client_budget_refusals_total{client="${other.clientId}"}`);
  });

  it('retries a refused operation after Retry-After and then succeeds', async () => {
    const retries: { status?: number; delayMs: number }[] = [];
    const patient = await typedClient(['read'], { over: budgeted, costBudgetPerMinute: 300, onRetry: (r) => retries.push(r) });
    for (let i = 0; i < 1000 && retries.length === 0; i++) {
      const result = await patient.request(GrantCountDocument, { filter: { accountId: 'user:U002' } });
      expect(result.grants.totalCount).toBe(4);
    }
    // Refused once, waited what Retry-After said (whole seconds), then answered.
    expect(retries[0]).toMatchObject({ status: 429 });
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(retries[0]!.delayMs % 1000).toBe(0);
  });
});
