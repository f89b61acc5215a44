import { answerDigest, jsonText, type KnownAnswer } from './answers.ts';
import { retryAfterMs, sendRequest, type HttpAnswer } from './transport.ts';
import { SlackApiError, SlackUnavailableError } from './errors.ts';
import { Pacer, sleep } from './pacer.ts';
import { SlackCallStats } from './stats.ts';
import { SCIM_LIMITS } from './tiers.ts';
import { inSpan } from '../telemetry.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './webApi.ts';

export type ScimVersion = 1 | 2;

export interface ScimEmail {
  value: string;
  primary?: boolean;
}

export interface ScimUser {
  id: string;
  userName?: string;
  displayName?: string;
  active?: boolean;
  emails?: ScimEmail[];
  name?: { givenName?: string; familyName?: string };
  [key: string]: unknown;
}

export interface ScimGroup {
  id: string;
  displayName: string;
  members?: { value: string; display?: string }[];
}

export interface ScimListPage<T> {
  resources: T[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  /** The answer's digest, when the caller offered what it knows (`list`'s `known`). */
  digest?: string;
  /** The caller knew this answer: no resources were parsed, `totalResults` is the one it gave. */
  known?: boolean;
}

export const SCIM_PAGE_SIZE = 1000;

/** Reads Slack's two SCIM error shapes: v1 `{Errors:{description,code}}` and v2 `{detail,status}`. */
function scimErrorCode(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { Errors?: { description?: string } | { description?: string }[]; detail?: string };
  const errors = Array.isArray(b.Errors) ? b.Errors[0] : b.Errors;
  const text = errors?.description ?? b.detail;
  // "no_filters (is_aggregate_call=1)" -> "no_filters"
  return text?.split(' ')[0];
}

/**
 * SCIM over plain HTTP (transport.ts; the Web API client cannot speak it). Limits are org-wide: reads and
 * writes are paced on their own keys. 429 waits Retry-After; 5xx and network errors back off.
 */
export class ScimClient {
  readonly version: ScimVersion;
  readonly #base: string;
  readonly #token: string;
  readonly #pacer: Pacer;
  readonly #stats: SlackCallStats;
  readonly #retry: RetryPolicy;

  constructor(options: { token: string; baseUrl: string; pacer: Pacer; stats: SlackCallStats; retry?: Partial<RetryPolicy> }) {
    this.#base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.version = /\/v1\/?$/.test(new URL(this.#base).pathname) ? 1 : 2;
    this.#token = options.token;
    this.#pacer = options.pacer;
    this.#stats = options.stats;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    known?: { seed: string; lookup: KnownAnswer },
  ): Promise<{ status: number; body: T | undefined; answer?: { digest: string; known: string | undefined } }> {
    // Named like Slack's SCIM operations: scim.users.list, scim.groups.patch, …
    const [collection = '', id] = (path.split('?')[0] ?? '').split('/');
    const action = method === 'GET' ? (id ? 'get' : 'list') : method === 'POST' ? 'create' : method.toLowerCase();
    const label = `scim.${collection.toLowerCase()}.${action}`;
    // A CLIENT span per call (`slack scim.users.list`) when traces are exported; never the ids in the path.
    const attributes = () => ({ 'rpc.system': 'slack_scim', 'rpc.method': label, 'http.request.method': method, 'server.address': new URL(this.#base).hostname });
    return inSpan(`slack ${label}`, attributes, 'client', () => this.#request<T>(method, path, label, body, known));
  }

  async #request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    label: string,
    body?: unknown,
    known?: { seed: string; lookup: KnownAnswer },
  ): Promise<{ status: number; body: T | undefined; answer?: { digest: string; known: string | undefined } }> {
    const kind = method === 'GET' ? 'read' : 'write';
    let rateLimited = 0;
    let waitedMs = 0;
    let failures = 0;
    for (;;) {
      const answered = await this.#pacer.acquire(`scim:${kind}`, SCIM_LIMITS[kind]);
      let res: HttpAnswer;
      try {
        res = await sendRequest(new URL(path, this.#base), {
          method,
          headers: {
            authorization: `Bearer ${this.#token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          timeoutMs: 60_000,
        }).then(
          (r) => {
            answered(r.status !== 429);
            return r;
          },
          (error: unknown) => {
            answered();
            throw error;
          },
        );
      } catch (error) {
        this.#stats.record(label, 'error', `scim:${kind}`);
        if (++failures >= this.#retry.serverErrorAttempts) throw new SlackUnavailableError(label, 'unreachable', undefined, (error as Error).message);
        await sleep(Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (failures - 1)));
        continue;
      }
      const bytes = res.bytes;
      // A page the caller knows (offered its digest) is not parsed at all.
      let answer: { digest: string; known: string | undefined } | undefined;
      if (known && res.status === 200) {
        const digest = answerDigest(bytes, known.seed);
        answer = { digest, known: known.lookup(digest) };
        if (answer.known !== undefined) {
          this.#stats.record(label, 'ok', `scim:${kind}`);
          return { status: res.status, body: undefined, answer };
        }
      }
      let parsed: unknown;
      try {
        parsed = bytes.length ? JSON.parse(jsonText(bytes)) : undefined;
      } catch {
        parsed = undefined;
      }
      if (res.status === 429) {
        this.#stats.record(label, 'rate_limited', `scim:${kind}`);
        const waitMs = this.#pacer.rateLimitWaitMs(retryAfterMs(res), SCIM_LIMITS[kind]);
        waitedMs += waitMs;
        if (++rateLimited > this.#retry.rateLimitRetries || waitedMs > this.#retry.maxRetryAfterMs) throw new SlackUnavailableError(label, 'ratelimited', 429);
        this.#pacer.holdFor(`scim:${kind}`, waitMs);
        continue;
      }
      if (res.status >= 500) {
        this.#stats.record(label, 'error', `scim:${kind}`);
        if (++failures >= this.#retry.serverErrorAttempts) throw new SlackUnavailableError(label, `http_${res.status}`, res.status);
        await sleep(Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (failures - 1)));
        continue;
      }
      if (res.status >= 400) {
        this.#stats.record(label, 'error', `scim:${kind}`);
        throw new SlackApiError(label, scimErrorCode(parsed) ?? `http_${res.status}`, res.status);
      }
      this.#stats.record(label, 'ok', `scim:${kind}`);
      return { status: res.status, body: parsed as T | undefined, ...(answer ? { answer } : {}) };
    }
  }

  /**
   * One page of a list. With `known`, the answer's digest is offered first: an answer the caller
   * knows is not parsed, and comes back with no resources and the total the caller gave for it.
   */
  async list<T>(resource: 'Users' | 'Groups', startIndex: number, count = SCIM_PAGE_SIZE, filter?: string, known?: { seed: string; lookup: KnownAnswer }): Promise<ScimListPage<T>> {
    const params = new URLSearchParams({ startIndex: String(startIndex), count: String(count) });
    if (filter) params.set('filter', filter);
    const { body, answer } = await this.request<{ Resources?: T[]; totalResults?: number | string; startIndex?: number | string; itemsPerPage?: number | string }>(
      'GET',
      `${resource}?${params}`,
      undefined,
      known,
    );
    if (answer?.known !== undefined) return { resources: [], totalResults: Number(answer.known), startIndex, itemsPerPage: 0, digest: answer.digest, known: true };
    const resources = body?.Resources ?? [];
    return {
      resources,
      totalResults: Number(body?.totalResults ?? resources.length),
      startIndex: Number(body?.startIndex ?? startIndex),
      itemsPerPage: Number(body?.itemsPerPage ?? resources.length),
      ...(answer ? { digest: answer.digest, known: false } : {}),
    };
  }

  /**
   * Pages through a list from `startIndex` (1-based; resume from a checkpoint). Yields each
   * page with the startIndex of the next one (0 at the end).
   */
  async *pages<T>(resource: 'Users' | 'Groups', startIndex = 1): AsyncGenerator<ScimListPage<T> & { nextIndex: number }> {
    let index = startIndex;
    for (;;) {
      const page = await this.list<T>(resource, index);
      const next = index + page.resources.length;
      const done = page.resources.length === 0 || next > page.totalResults;
      yield { ...page, nextIndex: done ? 0 : next };
      if (done) return;
      index = next;
    }
  }

  get<T>(resource: 'Users' | 'Groups', id: string): Promise<{ status: number; body: T | undefined }> {
    return this.request<T>('GET', `${resource}/${encodeURIComponent(id)}`);
  }
}
