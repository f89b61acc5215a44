import type { IncomingMessage, ServerResponse } from 'node:http';
import { processRegularResult, type GraphQLParams, type YogaServerInstance } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import type { Principal } from './auth/tokens.ts';
import type { GraphQLContext } from './graphql/context.ts';

/**
 * POST /graphql answered straight from node:http, without building the fetch-API Request and
 * Response objects graphql-yoga's HTTP adapter makes for every request (a URL, Headers, a body
 * stream with its AbortSignal, a Response and its body stream: a fifth of the CPU of a small
 * read). What runs is the same: the caller authenticates the token as the Yoga plugin does, then
 * Yoga's own `getResultForParams` runs the onParams hooks (trusted documents, NUL checks), the
 * envelop plugins (parse and validation caches, cost limit, per-client budget, refusal audit,
 * metrics, masked errors, graphql-jit) and the context factory; the result is written as Yoga's
 * regular result processor writes it for `application/json`.
 *
 * Only the plain case takes this path — a JSON body `{query, variables?, operationName?}`
 * answered as `application/json`, by a client that is not trusted-only; anything else (other
 * media types, SSE, batches, persisted-document hashes, extensions, CORS preflights and
 * cross-origin calls when CORS is on) goes to Yoga unchanged, with the body already read.
 */

type Yoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

/** Whether the request's headers allow the direct path (decided before the body is read). */
export function directEligible(req: IncomingMessage, corsEnabled: boolean): boolean {
  if (req.method !== 'POST') return false;
  const type = req.headers['content-type'];
  if (type === undefined || !/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type)) return false;
  const accept = req.headers.accept;
  if (accept !== undefined && accept !== '*/*' && !/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(accept)) return false;
  if (corsEnabled && req.headers.origin !== undefined) return false;
  return true;
}

/** Most a GraphQL request body may hold (a query with its variables); more is refused with 413. */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024;

export interface PlainParams {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** The body as GraphQL parameters when it is the plain case; undefined sends it to Yoga. */
export function plainParams(body: Buffer): PlainParams | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const params = parsed as Record<string, unknown>;
  for (const key in params) if (key !== 'query' && key !== 'variables' && key !== 'operationName') return undefined;
  if (typeof params.query !== 'string' || params.query === '') return undefined;
  // A subscription answers as a stream, in the media type Yoga negotiates: Yoga's (the word anywhere will do).
  if (params.query.includes('subscription')) return undefined;
  const { variables, operationName } = params;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  return params as unknown as PlainParams;
}

/** The request as Yoga's plugins see it on this path: what they read of a fetch-API Request. */
export function requestView(req: IncomingMessage, url: string): Request {
  const headers = {
    get: (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    has: (name: string) => req.headers[name.toLowerCase()] !== undefined,
  };
  // Typed as a Request for the plugins' signatures; it carries only method, url and headers.
  return { method: 'POST', url, headers } as unknown as Request;
}

const fetchApi = { Response } as unknown as Parameters<typeof processRegularResult>[1];

/**
 * Runs the operation through Yoga's pipeline and writes the answer as Yoga would for
 * `Accept: application/json`.
 */
export async function answerDirectly(yoga: Yoga, req: IncomingMessage, res: ServerResponse, params: PlainParams, principal: Principal, request: Request): Promise<void> {
  const serverContext: Record<string, unknown> = { req, res, principal, request };
  const result = (await yoga.getResultForParams({ params: params as GraphQLParams, request }, serverContext)) as ExecutionResult & { stringify?: (r: unknown) => string };
  if (!isAsyncIterable(result) && !result.errors?.length && !result.extensions?.http) {
    // The common answer, exactly as processRegularResult writes it.
    const body = (result.stringify ?? JSON.stringify)(result);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  await writeResponse(processRegularResult(result, fetchApi, 'application/json'), res);
}

function isAsyncIterable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * A fetch-API Response (Yoga's, from the fallback or the error processor) onto node:http:
 * buffered, or passed on as it comes for a stream (SSE, incremental delivery).
 */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') headers[name] = response.headers.getSetCookie();
    else headers[name] = value;
  });
  const type = response.headers.get('content-type') ?? '';
  if (response.body && /^(text\/event-stream|multipart\/mixed)/i.test(type)) {
    res.writeHead(response.status, response.statusText || undefined, headers);
    const reader = response.body.getReader();
    res.once('close', () => void reader.cancel().catch(() => undefined));
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      res.write(value);
    }
    res.end();
    return;
  }
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}
