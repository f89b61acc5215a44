import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type Logger as SlackLogger,
} from '@slack/web-api';
import { SlackApiError, SlackUnavailableError } from './errors.ts';
import { Pacer, sleep } from './pacer.ts';
import { SlackCallStats } from './stats.ts';
import { callsPerMinute } from './tiers.ts';

export type TokenKind = 'bot' | 'user' | 'enterprise';

export interface RetryPolicy {
  /** Attempts for 5xx and network errors, with exponential backoff. */
  serverErrorAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How many 429s one call may wait out before it gives up. */
  rateLimitRetries: number;
  /** Longest Retry-After honoured before giving up. */
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

export interface CallOptions {
  /** Workspace the call is about: sent as `team_id` on org-level tokens, and the pacing key. */
  team?: string;
}

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

  constructor(options: WebApiOptions) {
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
    const body = { ...args };
    if (options.team && this.orgLevel && body.team_id === undefined) body.team_id = options.team;
    const key = `${this.kind}:${options.team ?? '-'}:${method}`;
    const limit = callsPerMinute(method);
    let rateLimited = 0;
    let failures = 0;
    for (;;) {
      const answered = await this.#pacer.acquire(key, limit);
      try {
        const result = (await this.#client.apiCall(method, body).finally(answered)) as T;
        this.#stats.record(method, 'ok', key);
        return result;
      } catch (error) {
        if (error instanceof WebAPIRateLimitedError || (error instanceof WebAPIPlatformError && error.data.error === 'ratelimited')) {
          this.#stats.record(method, 'rate_limited', key);
          // A 200 "ratelimited" carries no Retry-After; wait half a Slack minute.
          const waitMs = error instanceof WebAPIRateLimitedError ? error.retryAfter * 1000 : this.#pacer.minuteMs / 2;
          if (++rateLimited > this.#retry.rateLimitRetries || waitMs > this.#retry.maxRetryAfterMs) {
            throw new SlackUnavailableError(method, 'ratelimited', 429, `still rate limited after ${rateLimited} attempts`);
          }
          this.#pacer.holdFor(key, waitMs);
          continue;
        }
        if (error instanceof WebAPIPlatformError) {
          this.#stats.record(method, 'error', key);
          throw new SlackApiError(method, error.data.error);
        }
        const transient =
          (error instanceof WebAPIHTTPError && (error.statusCode >= 500 || error.statusCode === 408)) || error instanceof WebAPIRequestError;
        this.#stats.record(method, 'error', key);
        if (!transient) {
          const status = error instanceof WebAPIHTTPError ? error.statusCode : undefined;
          throw new SlackApiError(method, status ? `http_${status}` : 'request_failed', status, (error as Error).message);
        }
        if (++failures >= this.#retry.serverErrorAttempts) {
          const status = error instanceof WebAPIHTTPError ? error.statusCode : undefined;
          throw new SlackUnavailableError(method, status ? `http_${status}` : 'unreachable', status, `gave up after ${failures} attempts`);
        }
        const delay = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (failures - 1));
        await sleep(delay * (0.75 + Math.random() * 0.5));
      }
    }
  }

  /**
   * Cursor pagination, one page at a time, starting at `cursor` (resume) if given. Yields each
   * page's items with the cursor of the page after it ("" at the end).
   */
  async *pages<T>(
    method: string,
    itemsKey: string,
    args: Record<string, unknown>,
    options: CallOptions & { cursor?: string } = {},
  ): AsyncGenerator<{ items: T[]; nextCursor: string }> {
    let cursor = options.cursor ?? '';
    for (;;) {
      const page = await this.call(method, cursor ? { ...args, cursor } : args, options);
      const items = (page[itemsKey] as T[] | undefined) ?? [];
      const next = page.response_metadata?.next_cursor ?? '';
      yield { items, nextCursor: next };
      if (!next) return;
      cursor = next;
    }
  }
}
