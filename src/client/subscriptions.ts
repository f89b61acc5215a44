// One subscription attempt over one transport. Reconnecting and resuming are the client's
// (index.ts): each attempt here either completes (the gateway ended the stream) or throws.
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

export type SubscriptionTransport = 'ws' | 'sse';

export interface SubscriptionEvent {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface SubscriptionAttempt {
  /** The gateway's base URL. */
  url: string;
  token: () => Promise<string>;
  /** The GraphQL request: query (or persisted-query extension), operationName, variables. */
  body: Record<string, unknown>;
  fetch: typeof fetch;
  signal?: AbortSignal;
}

/** Over WebSocket (graphql-transport-ws); the token goes in connectionParams. */
export async function* subscribeOverWebSocket<T>(attempt: SubscriptionAttempt): AsyncGenerator<SubscriptionEvent & { data?: T }, void, undefined> {
  const token = await attempt.token();
  const wsUrl = `${attempt.url.replace(/^http/, 'ws')}/graphql`;
  let closedAbnormally: Error | undefined;
  const client: WsClient = createWsClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    // Reconnecting is the caller's, which may resume with other variables.
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const e = event as { code?: number; reason?: string };
        if (e.code !== 1000) closedAbnormally = new Error(`subscription socket closed (${e.code ?? '?'} ${e.reason ?? ''})`.trim());
      },
    },
  });
  const onAbort = () => void client.dispose();
  attempt.signal?.addEventListener('abort', onAbort, { once: true });
  // graphql-transport-ws requires a query string: a document sent by hash has an empty one.
  const iterator = client.iterate({ query: '', ...attempt.body } as { query: string });
  try {
    for await (const event of iterator) yield event as SubscriptionEvent & { data?: T };
    if (closedAbnormally && !attempt.signal?.aborted) throw closedAbnormally;
  } catch (error) {
    // graphql-ws throws the close event itself, or the GraphQL errors of a refused subscription.
    if (Array.isArray(error)) return yield { errors: error as SubscriptionEvent['errors'] };
    if (error instanceof Error) throw error;
    const e = error as { code?: number; reason?: string };
    throw new Error(`subscription socket closed (${e.code ?? '?'} ${e.reason ?? ''})`.trim());
  } finally {
    attempt.signal?.removeEventListener('abort', onAbort);
    await iterator.return?.();
    await client.dispose();
  }
}

/** Over Server-Sent Events (one POST per subscription, Accept: text/event-stream). */
export async function* subscribeOverSse<T>(attempt: SubscriptionAttempt): AsyncGenerator<SubscriptionEvent & { data?: T }, void, undefined> {
  const res = await attempt.fetch(`${attempt.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await attempt.token()}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(attempt.body),
    signal: attempt.signal,
  });
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream')) {
    // Refused before streaming (401, 429, a GraphQL error): the body says why.
    const answer = (await res.json().catch(() => ({}))) as SubscriptionEvent;
    if (answer.errors?.length) return yield { errors: answer.errors };
    throw new Error(`subscription refused: HTTP ${res.status}`);
  }
  if (!res.body) throw new Error('subscription stream has no body');
  const decoder = new TextDecoder();
  let buffer = '';
  let completed = false;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (event === 'complete') {
          completed = true;
          return;
        }
        if (data.length > 0 && (event === 'next' || event === 'message')) yield JSON.parse(data.join('\n')) as SubscriptionEvent & { data?: T };
      }
    }
  } finally {
    if (!completed) await res.body.cancel().catch(() => {});
  }
  // The stream ended without `complete`: cut (a replica going away), so the caller reconnects.
  if (!attempt.signal?.aborted) throw new Error('subscription stream ended without completing');
}
