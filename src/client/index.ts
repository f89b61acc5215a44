// slackgate/client: a typed client for internal tools. It gets and refreshes its own token
// (OAuth2 client credentials), sends documents typed by codegen, follows connections page by page
// as async iterators, retries 429/503 as the gateway asks (Retry-After), and subscribes over
// graphql-ws or SSE, reconnecting and resuming where the stream left off.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import {
  AccountsPageDocument,
  EntitlementsPageDocument,
  GrantsPageDocument,
  type AccountFilter,
  type ClientAccountFragment,
  type ClientEntitlementFragment,
  type ClientGrantFragment,
  type EntitlementFilter,
  type GrantFilter,
} from '../gql/graphql.ts';
import { subscribeOverSse, subscribeOverWebSocket, type SubscriptionTransport } from './subscriptions.ts';

export * from '../gql/graphql.ts';
export type { SubscriptionTransport } from './subscriptions.ts';

export interface SlackgateClientOptions {
  /** The gateway's base URL, e.g. http://127.0.0.1:4000 (the API is at /graphql, tokens at /oauth/token). */
  url: string;
  /** The API client's credentials, exchanged at /oauth/token for a token (again before it expires). */
  clientId?: string;
  clientSecret?: string;
  /**
   * Instead of credentials: a bearer token already held, or a function answering one. A function
   * is asked again when the gateway refuses the token (401); a plain token is never renewed.
   */
  token?: string | (() => string | Promise<string>);
  /** Ask for fewer scopes than the client holds. */
  scopes?: string[];
  /**
   * How documents are sent: `document` (the text, and its hash), or `hash` only — what a client
   * marked trusted-only must do (its documents must be in the gateway's trusted-documents manifest).
   */
  send?: 'document' | 'hash';
  /** How often a 429/503 or a network failure is retried before the error is thrown (default 5). */
  maxRetries?: number;
  /** Longest wait between retries, whatever Retry-After says (default 60 s). */
  maxRetryDelayMs?: number;
  /** A token is replaced when less than this is left of it (default 60 s, at most a tenth of its life). */
  refreshMarginMs?: number;
  /** Subscriptions: `ws` (graphql-transport-ws, default) or `sse`. */
  transport?: SubscriptionTransport;
  /** Told of every retry: the status that caused it (undefined: network failure) and the wait. */
  onRetry?: (retry: { status?: number; delayMs: number; attempt: number }) => void;
  /**
   * Replaces global fetch (tests, proxies). With a gateway in the same process, the Yoga
   * instance's own fetch serves /graphql without a port: `{ url: 'http://gateway', token, fetch: (input, init) => yoga.fetch(input, init) }`.
   */
  fetch?: typeof fetch;
}

/** One GraphQL error as the gateway sent it. */
export interface GraphQLErrorInfo {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The gateway refused or failed a request; `errors` holds the GraphQL errors when there were any. */
export class SlackgateError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorInfo[] = [],
  ) {
    super(message);
    this.name = 'SlackgateError';
  }
}

export interface ExecutionResult<T> {
  data?: T | null;
  errors?: GraphQLErrorInfo[];
  extensions?: Record<string, unknown>;
}

/** Any relay connection a page document selects: what `paginate` needs of it. */
export interface PageOf<N> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: N }[];
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

function operationOf(document: DocumentNode): OperationDefinitionNode | undefined {
  return document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
}

/** The document's sha256 in the trusted-documents manifest (codegen puts it on the document). */
export function documentHash(document: DocumentNode): string | undefined {
  return (document as { __meta__?: { hash?: string } }).__meta__?.hash;
}

/** Seconds or an HTTP date, as Retry-After may say; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SlackgateClient {
  readonly url: string;
  private readonly options: SlackgateClientOptions;
  private readonly fetchImpl: typeof fetch;
  private token: { value: string; renewAt: number } | undefined;
  private pendingToken: Promise<string> | undefined;
  private readonly texts = new WeakMap<DocumentNode, string>();

  constructor(options: SlackgateClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.options = options;
    this.fetchImpl = options.fetch ?? fetch;
    if (options.token === undefined && (!options.clientId || !options.clientSecret)) {
      throw new SlackgateError('SlackgateClient needs clientId and clientSecret, or a token', 0);
    }
  }

  /** A valid bearer token: the current one, or a new one when it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return this.token.value;
    const given = this.options.token;
    if (given !== undefined) {
      const value = typeof given === 'string' ? given : await given();
      this.token = { value, renewAt: Number.POSITIVE_INFINITY };
      return value;
    }
    // One exchange at a time, however many requests wait for it.
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = undefined));
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.options.scopes?.length) body.set('scope', this.options.scopes.join(' '));
    const basic = Buffer.from(`${encodeURIComponent(this.options.clientId ?? '')}:${encodeURIComponent(this.options.clientSecret ?? '')}`).toString('base64');
    const res = await this.withRetries(() =>
      this.fetchImpl(`${this.url}/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body }),
    );
    const answer = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!res.ok || !answer.access_token) {
      throw new SlackgateError(`cannot get a token for client ${this.options.clientId}: ${answer.error_description ?? answer.error ?? `HTTP ${res.status}`}`, res.status);
    }
    const lifeMs = (answer.expires_in ?? 3600) * 1000;
    const margin = Math.min(this.options.refreshMarginMs ?? 60_000, lifeMs / 10);
    this.token = { value: answer.access_token, renewAt: Date.now() + lifeMs - margin };
    return answer.access_token;
  }

  /** Sends a request, retrying 429/502/503/504 and network failures; Retry-After decides the wait. */
  private async withRetries(send: () => Promise<Response>): Promise<Response> {
    const maxRetries = this.options.maxRetries ?? 5;
    const maxDelay = this.options.maxRetryDelayMs ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      let res: Response | undefined;
      let failure: unknown;
      try {
        res = await send();
      } catch (error) {
        failure = error;
      }
      if (res && !RETRIED_STATUSES.has(res.status)) return res;
      if (attempt >= maxRetries) {
        if (res) return res;
        throw failure;
      }
      const backoff = Math.min(maxDelay, 250 * 2 ** attempt);
      const asked = res ? retryAfterMs(res.headers.get('retry-after')) : undefined;
      // The body of a refused request is not needed; free the connection.
      await res?.body?.cancel().catch(() => {});
      const delayMs = Math.min(maxDelay, asked ?? backoff);
      this.options.onRetry?.({ status: res?.status, delayMs, attempt: attempt + 1 });
      await sleep(delayMs);
    }
  }

  /** The request body for a document: its text and hash, or its hash alone. */
  private payload(document: DocumentNode, variables: unknown): Record<string, unknown> {
    const hash = documentHash(document);
    const operationName = operationOf(document)?.name?.value;
    const extensions = hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
    if (this.options.send === 'hash') {
      if (!hash) throw new SlackgateError(`document ${operationName ?? '(anonymous)'} has no hash: generate it with npm run codegen (persisted documents)`, 0);
      return { operationName, variables, extensions };
    }
    let query = this.texts.get(document);
    if (query === undefined) {
      query = print(document);
      this.texts.set(document, query);
    }
    return { query, operationName, variables };
  }

  /** Runs a query or mutation and answers the whole result (data and errors). */
  async execute<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...[variables]: VariablesArg<TVariables>): Promise<ExecutionResult<TResult>> {
    const body = JSON.stringify(this.payload(document, variables ?? {}));
    let refreshed = false;
    for (;;) {
      const token = await this.accessToken();
      const res = await this.withRetries(() =>
        this.fetchImpl(`${this.url}/graphql`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
          body,
        }),
      );
      // A token revoked or expired early (rotation, clock skew): get a new one, once.
      if (res.status === 401 && !refreshed) {
        refreshed = true;
        this.token = undefined;
        await res.body?.cancel().catch(() => {});
        continue;
      }
      const result = (await res.json().catch(() => undefined)) as ExecutionResult<TResult> | undefined;
      if (!result || (!res.ok && !result.data)) {
        const first = result?.errors?.[0]?.message;
        throw new SlackgateError(first ?? `the gateway answered HTTP ${res.status}`, res.status, result?.errors ?? []);
      }
      return result;
    }
  }

  /** Runs a query or mutation and answers its data; any GraphQL error is thrown as a SlackgateError. */
  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...variables: VariablesArg<TVariables>): Promise<TResult> {
    const result = await this.execute(document, ...variables);
    if (result.errors?.length || !result.data) {
      const messages = result.errors?.map((e) => e.message).join('; ') ?? 'no data';
      throw new SlackgateError(messages, 200, result.errors ?? []);
    }
    return result.data;
  }

  /**
   * Every node of a connection, page after page: `connection` picks the connection out of the
   * document's answer; the document takes `first` and `after` variables.
   */
  async *paginate<TResult, TVariables extends { first?: number | null; after?: string | null }, N>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: Omit<TVariables, 'first' | 'after'>,
    connection: (data: TResult) => PageOf<N> | null | undefined,
    options: { pageSize?: number } = {},
  ): AsyncGenerator<N, void, undefined> {
    let after: string | null = null;
    for (;;) {
      const vars = { ...variables, first: options.pageSize ?? 100, after } as unknown as TVariables;
      const page = connection(await this.request(document, ...([vars] as VariablesArg<TVariables>)));
      if (!page) return;
      for (const edge of page.edges) yield edge.node;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  /** Every grant matching the filter (account, entitlement, resource type, source, expiry). */
  grants(filter: GrantFilter = {}, options: { pageSize?: number } = {}): AsyncGenerator<ClientGrantFragment, void, undefined> {
    return this.paginate(GrantsPageDocument, { filter }, (d) => d.grants, options);
  }

  /** Every account matching the filter. */
  accounts(filter: AccountFilter = {}, options: { pageSize?: number } = {}): AsyncGenerator<ClientAccountFragment, void, undefined> {
    return this.paginate(AccountsPageDocument, { filter }, (d) => d.accounts, options);
  }

  /** Every entitlement matching the filter. */
  entitlements(filter: EntitlementFilter = {}, options: { pageSize?: number } = {}): AsyncGenerator<ClientEntitlementFragment, void, undefined> {
    return this.paginate(EntitlementsPageDocument, { filter }, (d) => d.entitlements, options);
  }

  /**
   * The events of a subscription. A stream that breaks (a replica going away, a network failure)
   * is opened again after a pause; `resume` turns the last event received into the variables of
   * the new subscription (e.g. follow the same run), and events equal to the last one are not
   * repeated. Ends when the gateway completes the subscription or the consumer stops iterating.
   */
  subscribe<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    options: { resume?: (last: TResult, variables: TVariables) => TVariables; transport?: SubscriptionTransport; maxReconnects?: number; signal?: AbortSignal } = {},
  ): AsyncGenerator<TResult, void, undefined> {
    const transport = options.transport ?? this.options.transport ?? 'ws';
    const client = this;
    const maxReconnects = options.maxReconnects ?? 20;
    return (async function* follow() {
      let vars = variables;
      let last: TResult | undefined;
      let lastText: string | undefined;
      let failures = 0;
      for (;;) {
        const body = client.payload(document, vars);
        const open = transport === 'sse' ? subscribeOverSse : subscribeOverWebSocket;
        let completed = false;
        try {
          const events = open<TResult>({ url: client.url, token: () => client.accessToken(), body, fetch: client.fetchImpl, signal: options.signal });
          for await (const event of events) {
            if (event.errors?.length && !event.data) throw new SlackgateError(event.errors.map((e) => e.message).join('; '), 200, event.errors);
            failures = 0;
            const data = event.data as TResult;
            const text = JSON.stringify(data);
            if (text === lastText) continue;
            lastText = text;
            last = data;
            yield data;
          }
          completed = true;
        } catch (error) {
          // The gateway refused the subscription itself (a GraphQL error): retrying will not help.
          if (error instanceof SlackgateError && error.errors.length > 0) throw error;
          if (options.signal?.aborted) return;
          failures++;
          if (failures > maxReconnects) throw error;
        }
        if (completed || options.signal?.aborted) return;
        await sleep(Math.min(10_000, 200 * 2 ** (failures - 1)));
        if (last !== undefined && options.resume) vars = options.resume(last, vars);
      }
    })();
  }
}

/** Variables are optional when the operation has no required ones. */
type VariablesArg<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];
