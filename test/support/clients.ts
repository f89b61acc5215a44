// API clients and raw GraphQL over HTTP, for tests of a running server (test/support/world.ts for the rest).
import type { Kysely } from 'kysely';
import { createClient, type ClientLimits } from '../../src/auth/clients.ts';
import { SlackgateClient, type SlackgateClientOptions } from '../../src/client/index.ts';
import type { Scope } from '../../src/auth/scopes.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import type { DB } from '../../src/db/schema.ts';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.ts';

export const silentLogger = createLogger({ level: 'silent', format: 'json' });

export interface TestClient {
  clientId: string;
  secret: string;
  token: string;
}

/** An API client with the given scopes and a fresh bearer token. */
export async function apiClient(db: Kysely<DB>, scopes: Scope[], name = `test ${scopes.join('+')}`): Promise<TestClient> {
  const { client, secret } = await createClient(db, { name, scopes, actor: { label: 'test' } });
  const token = await issueToken(db, client);
  return { clientId: client.id, secret, token: token.accessToken };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  /** `data` is typed as present: tests assert on `errors` first when it may not be. */
  body: { data: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[] };
}

/** POSTs an operation to a running gateway over HTTP (a gateway without a port: useWorld().graphql). */
// Tests read nested response data freely; `any` keeps assertions short where the shape is asserted anyway.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function graphql<T = Record<string, any>>(url: string, token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<T>['body'] };
}

/**
 * A new API client with the given scopes, used through the typed client (slackgate/client): the
 * operations tests send this way are type-checked against the schema by codegen.
 */
export async function typedClient(
  db: Kysely<DB>,
  url: string,
  scopes: Scope[],
  options: Partial<SlackgateClientOptions> & ClientLimits & { name?: string } = {},
): Promise<SlackgateClient & { clientId: string }> {
  const { trustedOnly, costBudgetPerMinute, name, ...clientOptions } = options;
  const { client, secret } = await createClient(db, { name: name ?? `typed ${scopes.join('+')}`, scopes, trustedOnly, costBudgetPerMinute, actor: { label: 'test' } });
  return Object.assign(new SlackgateClient({ url, clientId: client.id, clientSecret: secret, ...clientOptions }), { clientId: client.id });
}

/** The `next` payloads of a Yoga SSE response (GraphQL over SSE, distinct connections mode), until its `complete` event or its end. */
// `any` by default: subscription payloads differ per query, and the tests assert the fields they select.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function* sseResults<T = any>(res: Response): AsyncGenerator<{ data?: T; errors?: { message: string }[] }> {
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

/** A JSON logger at `level` whose lines are kept, parsed, in `lines` (in the order written). */
// `any`: log lines come in many shapes; the tests assert the fields they look for.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function capturedLog(level: 'info' | 'warn'): { logger: Logger; lines: Record<string, any>[] } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level, format: 'json', destination }), lines };
}
