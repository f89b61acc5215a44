import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
  type Logger as SlackLogger,
} from '@slack/web-api';
import http from 'node:http';
import { answerDigest, jsonText, type KnownAnswer } from './answers.ts';
import { SlackApiError, SlackUnavailableError } from './errors.ts';
import { Pacer, sleep } from './pacer.ts';
import { inSpan } from '../telemetry.ts';
import { SlackCallStats } from './stats.ts';
import { retryAfterMs, sendRequest, type HttpAnswer } from './transport.ts';
import { callsPerMinute } from './tiers.ts';

export type TokenKind = 'bot' | 'user' | 'enterprise';

export interface RetryPolicy {
  /** Attempts for 5xx and network errors, with exponential backoff. */
  serverErrorAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How many 429s one call may wait out before it gives up. */
  rateLimitRetries: number;
  /** Longest Retry-After honoured before giving up, and the most one call waits for 429s in all. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  serverErrorAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 15_000,
  rateLimitRetries: 20,
  maxRetryAfterMs: 5 * 60_000,
};

// @slack/web-api's own logger would print to the console; our caller logs outcomes itself.
const quietLogger: SlackLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export interface WebApiOptions {
  token: string;
  kind: TokenKind;
  apiUrl: string;
  pacer: Pacer;
  stats: SlackCallStats;
  retry?: Partial<RetryPolicy>;
  /** Org-level tokens (Grid) must name the workspace on workspace-scoped methods. */
  orgLevel?: boolean;
}

/**
 * What a caller of `pages` kept from earlier pages: asked with the cursor a page was read from
 * and the digest of its answer, the cursor of the page after it if the caller knows that answer.
 */
export interface PageMemo {
  /** Mixed into every digest: the version of what the caller made of the answers. */
  seed: string;
  lookup(cursor: string, digest: string): string | undefined;
}

/** A page of a cursor-paged list, with its answer's digest when a memo asked for it. */
export interface PageAnswer<T> {
  items: T[];
  nextCursor: string;
  digest?: string;
  /** The memo knew this answer: no items were parsed. */
  known: boolean;
}

export interface CallOptions {
  /** Workspace the call is about: sent as `team_id` on org-level tokens, and the pacing key. */
  team?: string;
}

/** One attempt's outcome, whichever transport carried it. */
type Attempt =
  | { kind: 'ok'; body: SlackResponse; answer?: { digest: string; known: string | undefined } }
  | { kind: 'ratelimited'; retryAfterMs?: number }
  | { kind: 'slack_error'; error: string }
  | { kind: 'http'; status: number; detail: string }
  | { kind: 'network'; detail: string };

interface SlackResponse {
  ok?: boolean;
  response_metadata?: { next_cursor?: string; scopes?: string[] };
  [key: string]: unknown;
}

/**
 * The Web API through the official client, with our own pacing and retries: the client's
 * built-in 429 handling pauses its whole queue, so it is told to reject rate-limited calls and
 * we hold only the (workspace, method) that was limited.
 */
export class SlackWebApi {
  readonly kind: TokenKind;
  orgLevel: boolean;
  readonly #client: WebClient;
  readonly #pacer: Pacer;
  readonly #stats: SlackCallStats;
  readonly #retry: RetryPolicy;
  readonly #token: string;
  readonly #apiUrl: string;

  constructor(options: WebApiOptions) {
    this.#token = options.token;
    this.#apiUrl = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
    this.kind = options.kind;
    this.orgLevel = options.orgLevel ?? false;
    this.#pacer = options.pacer;
    this.#stats = options.stats;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#client = new WebClient(options.token, {
      slackApiUrl: options.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      maxRequestConcurrency: 50,
      timeout: 60_000,
      logger: quietLogger,
    });
  }

  async call<T extends SlackResponse = SlackResponse>(method: string, args: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    return (await this.#callWith(method, args, options, (m, body) => this.#viaClient(m, body))).body as T;
  }

  /**
   * One call of a read whose answer can be large (`usergroups.list` with every group's members),
   * sent as `pages` sends its pages: the same request, without the official client's copying.
   * With `known`, the answer's digest is offered to it first: an answer the caller knows comes
   * back unparsed (`body` undefined, `known` true).
   */
  async read<T extends SlackResponse = SlackResponse>(
    method: string,
    args: Record<string, unknown>,
    options: CallOptions & { known?: { seed: string; lookup: KnownAnswer } } = {},
  ): Promise<{ body: T | undefined; digest: string | undefined; known: boolean }> {
    const { body, answer } = await this.#callWith(method, args, options, (m, b) => this.#viaHttp(m, b, options.known));
    const known = answer?.known !== undefined;
    return { body: known ? undefined : (body as T), digest: answer?.digest, known };
  }

  /** One attempt through the official client, its outcome normalised. */
  async #viaClient(method: string, body: Record<string, unknown>): Promise<Attempt> {
    try {
      return { kind: 'ok', body: (await this.#client.apiCall(method, body)) as SlackResponse };
    } catch (error) {
      if (error instanceof WebAPIRateLimitedError) return { kind: 'ratelimited', retryAfterMs: error.retryAfter * 1000 };
      if (error instanceof WebAPIPlatformError) return { kind: 'slack_error', error: error.data.error };
      if (error instanceof WebAPIHTTPError) return { kind: 'http', status: error.statusCode, detail: error.message };
      return { kind: 'network', detail: (error as Error).message };
    }
  }

  /**
   * One attempt of a bulk read (a page of `users.list`, `conversations.members`…) sent exactly
   * as the official client sends it — a form-encoded POST with a Bearer token — but without the
   * client's habit of deep-copying and serialising every answer for a debug line, which on
   * thousand-member pages costs more than the request itself.
   */
  async #viaHttp(method: string, body: Record<string, unknown>, known?: { seed: string; lookup: KnownAnswer }): Promise<Attempt> {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) if (v !== undefined && v !== null) form.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    let res: HttpAnswer;
    try {
      res = await sendRequest(new URL(`${this.#apiUrl}${method}`), {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#token}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        timeoutMs: 60_000,
        readBody: (status) => status === 200,
      });
    } catch (error) {
      return { kind: 'network', detail: (error as Error).message };
    }
    if (res.status === 429) {
      return { kind: 'ratelimited', retryAfterMs: retryAfterMs(res) };
    }
    if (res.status !== 200) return { kind: 'http', status: res.status, detail: http.STATUS_CODES[res.status] ?? '' };
    let parsed: SlackResponse;
    let answer: { digest: string; known: string | undefined } | undefined;
    try {
      const bytes = res.bytes;
      if (known) {
        const digest = answerDigest(bytes, known.seed);
        answer = { digest, known: known.lookup(digest) };
        // The caller has what this answer gives: it is not parsed.
        if (answer.known !== undefined) return { kind: 'ok', body: { ok: true }, answer };
      }
      parsed = JSON.parse(jsonText(bytes)) as SlackResponse;
    } catch (error) {
      return { kind: 'network', detail: `unreadable answer: ${(error as Error).message}` };
    }
    if (parsed.ok === false) return { kind: 'slack_error', error: String(parsed.error ?? 'unknown_error') };
    return { kind: 'ok', body: parsed, answer };
  }

  /** One call, as a CLIENT span (`slack conversations.members`) when traces are exported. */
  #callWith(method: string, args: Record<string, unknown>, options: CallOptions, attempt: (method: string, body: Record<string, unknown>) => Promise<Attempt>): Promise<Extract<Attempt, { kind: 'ok' }>> {
    const attributes = () => ({ 'rpc.system': 'slack_web_api', 'rpc.method': method, 'server.address': new URL(this.#apiUrl).hostname, 'slack.token_kind': this.kind, ...(options.team ? { 'slack.team': options.team } : {}) });
    return inSpan(`slack ${method}`, attributes, 'client', (span) => {
      if (!span) return this.#callPaced(method, args, options, attempt);
      // Each attempt (retries after 429s and 5xx) is an event on the call's span.
      return this.#callPaced(method, args, options, (m, b) => {
        span.addEvent('attempt');
        return attempt(m, b);
      });
    });
  }

  /** Pacing, retries and error mapping around one transport; the same for every call. */
  async #callPaced(method: string, args: Record<string, unknown>, options: CallOptions, attempt: (method: string, body: Record<string, unknown>) => Promise<Attempt>): Promise<Extract<Attempt, { kind: 'ok' }>> {
    const body = { ...args };
    if (options.team && this.orgLevel && body.team_id === undefined) body.team_id = options.team;
    const key = `${this.kind}:${options.team ?? '-'}:${method}`;
    const limit = callsPerMinute(method);
    let rateLimited = 0;
    let waitedMs = 0;
    let failures = 0;
    for (;;) {
      const answered = await this.#pacer.acquire(key, limit);
      const outcome = await attempt(method, body).then(
        (o) => {
          answered(!(o.kind === 'ratelimited' || (o.kind === 'slack_error' && o.error === 'ratelimited')));
          return o;
        },
        (error: unknown) => {
          answered();
          throw error;
        },
      );
      if (outcome.kind === 'ok') {
        this.#stats.record(method, 'ok', key);
        return outcome;
      }
      if (outcome.kind === 'ratelimited' || (outcome.kind === 'slack_error' && outcome.error === 'ratelimited')) {
        this.#stats.record(method, 'rate_limited', key);
        // Retry-After, or the tier's share of a minute when Slack gave none (a 200 "ratelimited").
        const waitMs = this.#pacer.rateLimitWaitMs(outcome.kind === 'ratelimited' ? outcome.retryAfterMs : undefined, limit);
        waitedMs += waitMs;
        if (++rateLimited > this.#retry.rateLimitRetries || waitedMs > this.#retry.maxRetryAfterMs) {
          throw new SlackUnavailableError(method, 'ratelimited', 429, `still rate limited after ${rateLimited} attempts`);
        }
        this.#pacer.holdFor(key, waitMs);
        continue;
      }
      this.#stats.record(method, 'error', key);
      if (outcome.kind === 'slack_error') throw new SlackApiError(method, outcome.error);
      const status = outcome.kind === 'http' ? outcome.status : undefined;
      const transient = status === undefined || status >= 500 || status === 408;
      if (!transient) throw new SlackApiError(method, `http_${status}`, status, outcome.detail);
      if (++failures >= this.#retry.serverErrorAttempts) {
        throw new SlackUnavailableError(method, status ? `http_${status}` : 'unreachable', status, `gave up after ${failures} attempts`);
      }
      const delay = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (failures - 1));
      await sleep(delay * (0.75 + Math.random() * 0.5));
    }
  }

  /**
   * Cursor pagination, one page at a time, starting at `cursor` (resume) if given. Yields each
   * page's items with the cursor of the page after it ("" at the end). With `known`, each
   * answer's digest is offered first (with the cursor the page was asked from): a page the
   * caller knows comes with no items, `known` set, and the cursor the caller gave for it.
   */
  async *pages<T>(
    method: string,
    itemsKey: string,
    args: Record<string, unknown>,
    options: CallOptions & { cursor?: string; known?: PageMemo } = {},
  ): AsyncGenerator<PageAnswer<T>> {
    let cursor = options.cursor ?? '';
    for (;;) {
      const memo = options.known;
      const at = cursor;
      const known = memo ? { seed: memo.seed, lookup: (digest: string) => memo.lookup(at, digest) } : undefined;
      const { body: page, answer } = await this.#callWith(method, cursor ? { ...args, cursor } : args, options, (m, body) => this.#viaHttp(m, body, known));
      if (answer?.known !== undefined) {
        yield { items: [], nextCursor: answer.known, digest: answer.digest, known: true };
        if (!answer.known) return;
        cursor = answer.known;
        continue;
      }
      const items = (page[itemsKey] as T[] | undefined) ?? [];
      const next = page.response_metadata?.next_cursor ?? '';
      yield { items, nextCursor: next, digest: answer?.digest, known: false };
      if (!next) return;
      cursor = next;
    }
  }
}
