import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, openTestDatabase } from '../support/db.ts';
import { adminToken, gql, killAll, serve, until } from './support.ts';

// `slackgate serve` in a child process exporting traces to an OTLP/HTTP receiver run by this test
// (OTLP's JSON encoding), and the same without OTEL_EXPORTER_OTLP_ENDPOINT, where a module
// resolution hook (otel-load-hook.mjs) shows that no OpenTelemetry module is even loaded.

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
  status?: { code?: number };
}
interface OtlpExport {
  resourceSpans: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans: { spans?: OtlpSpan[] }[] }[];
}

// OTLP's span kinds.
const INTERNAL = 1;
const SERVER = 2;
const CLIENT = 3;

const HOOK = new URL('./otel-load-hook.mjs', import.meta.url).pathname;

let sim: RunningSimulator;
let dir: string;
let receiver: Server;
let endpoint: string;
const spans: OtlpSpan[] = [];
const serviceNames = new Set<string>();
const contentTypes = new Set<string>();

function attr(span: OtlpSpan, key: string): string | number | boolean | undefined {
  const v = span.attributes?.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : v?.boolValue);
}

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 5, users: 40, userGroups: 3, idpGroups: 1, channels: 6 });
  dir = await mkdtemp(path.join(tmpdir(), 'slackgate-otel-'));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      contentTypes.add(String(req.headers['content-type']));
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
        for (const rs of body.resourceSpans) {
          const name = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue;
          if (name) serviceNames.add(name);
          for (const ss of rs.scopeSpans) spans.push(...(ss.spans ?? []));
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  killAll();
  await sim.close();
  await new Promise((resolve) => receiver.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** The database a serve process gets: the test's own Postgres database, or a fresh PGlite directory. */
async function databaseFor(name: string): Promise<{ url?: string; dataDir?: string; drop(): Promise<void> }> {
  if (backend === 'postgres') {
    const pg = await openTestDatabase();
    return { url: pg.url, drop: () => pg.drop() };
  }
  return { dataDir: path.join(dir, name), drop: async () => {} };
}

const GRANTS = 'query TracedGrants { grants(first: 5) { edges { node { externalId account { slackId } entitlement { externalId } } } } }';

describe(`OpenTelemetry traces (${backend})`, () => {
  it(
    'with OTEL_EXPORTER_OTLP_ENDPOINT: one GraphQL request is one trace (HTTP span, operation span, its SQL statements), continuing the caller’s traceparent; Slack calls have spans',
    async () => {
      const db = await databaseFor('traced');
      const loads = path.join(dir, 'loads-traced.txt');
      try {
        const env = {
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          OTEL_BSP_SCHEDULE_DELAY: '100',
          OTEL_SERVICE_NAME: 'slackgate-under-test',
          NODE_OPTIONS: `--import ${HOOK}`,
          SLACKGATE_TEST_OTEL_LOADS: loads,
        };
        // The first sync starts at startup: its Slack calls are traced.
        const server = serve(sim, db, ['--sync-interval', '1h'], env);
        const url = await server.url();
        const token = await adminToken(url);
        await until(async () => ((await gql(url, token, GRANTS)).data?.grants.edges.length ?? 0) > 0 || undefined, 'the first sync to store grants');

        // The caller's trace context (W3C traceparent): the gateway's spans join its trace.
        const traceId = randomBytes(16).toString('hex');
        const callerSpan = randomBytes(8).toString('hex');
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${callerSpan}-01` },
          body: JSON.stringify({ query: GRANTS }),
        });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { data: { grants: { edges: unknown[] } } }).data.grants.edges.length).toBeGreaterThan(0);

        const trace = () => spans.filter((s) => s.traceId === traceId);
        const http = await until(() => trace().find((s) => s.kind === SERVER), 'the HTTP span');
        expect(http.name).toBe('POST /graphql');
        expect(http.parentSpanId).toBe(callerSpan);
        expect(attr(http, 'http.response.status_code')).toBe(200);
        expect(attr(http, 'slackgate.client_id')).toBe('ops-admin');

        const operation = await until(() => trace().find((s) => s.name === 'query TracedGrants'), 'the GraphQL operation span');
        expect(operation.kind).toBe(INTERNAL);
        expect(operation.parentSpanId).toBe(http.spanId);
        expect(attr(operation, 'graphql.operation.name')).toBe('TracedGrants');

        // The page, its accounts and entitlements: statements under the operation, text without values.
        const sql = await until(() => {
          const found = trace().filter((s) => s.kind === CLIENT && attr(s, 'db.system.name') === 'postgresql' && s.parentSpanId === operation.spanId);
          return found.some((s) => /"grants"/.test(String(attr(s, 'db.query.text')))) && found.some((s) => /"accounts"/.test(String(attr(s, 'db.query.text')))) ? found : undefined;
        }, 'SQL spans under the operation');
        for (const s of sql) {
          expect(s.name).toBe('SELECT');
          expect(String(attr(s, 'db.query.text'))).not.toContain(token);
        }

        // Slack calls made by the sync (a worker thread of its own on Postgres), named by method.
        const slack = await until(() => {
          const calls = spans.filter((s) => s.kind === CLIENT && s.name.startsWith('slack '));
          return calls.some((s) => attr(s, 'rpc.method') === 'users.list' || attr(s, 'rpc.method') === 'scim.users.list') && calls.some((s) => attr(s, 'rpc.method') === 'conversations.members') ? calls : undefined;
        }, 'Slack call spans');
        for (const s of slack) expect(['slack_web_api', 'slack_scim']).toContain(attr(s, 'rpc.system'));
        // The sync's statements and Slack calls share the run's trace.
        const members = slack.find((s) => attr(s, 'rpc.method') === 'conversations.members')!;
        expect(spans.filter((s) => s.traceId === members.traceId && attr(s, 'db.system.name') === 'postgresql').length).toBeGreaterThan(0);

        expect(serviceNames).toContain('slackgate-under-test');
        expect(contentTypes).toContain('application/json');
        expect(await server.stop()).toBe(0);
        // The detector used below sees the SDK when it is loaded.
        expect(await readFile(loads, 'utf8')).toMatch(/@opentelemetry\/sdk-trace-node/);
      } finally {
        await db.drop();
      }
    },
    180_000,
  );

  it(
    'without it: no OpenTelemetry module is loaded and nothing is sent',
    async () => {
      const db = await databaseFor('untraced');
      const loads = path.join(dir, 'loads-untraced.txt');
      try {
        const before = spans.length;
        const server = serve(sim, db, ['--sync-interval', '1h'], { NODE_OPTIONS: `--import ${HOOK}`, SLACKGATE_TEST_OTEL_LOADS: loads });
        const url = await server.url();
        const token = await adminToken(url);
        await until(async () => ((await gql(url, token, GRANTS)).data?.grants.edges.length ?? 0) > 0 || undefined, 'the first sync to store grants');
        expect(await server.stop()).toBe(0);
        expect(existsSync(loads) ? await readFile(loads, 'utf8') : '').toBe('');
        expect(spans.length).toBe(before);
      } finally {
        await db.drop();
      }
    },
    180_000,
  );
});
