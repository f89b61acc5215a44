import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, parse, type ExecutionArgs } from 'graphql';
import { createYoga, handleStreamOrSingleExecutionResult, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { sql } from 'kysely';
import { WebSocketServer, type WebSocket } from 'ws';
import { handleTokenRequest } from './auth/oauth.ts';
import { createTokenEndpointThrottle } from './auth/throttle.ts';
import { graphiqlRenderer, type GraphiqlPageOptions } from './graphiql.ts';
import { bearerToken, createTokenVerifier, verifyToken as verifyTokenNow, type Principal, type TokenVerifier } from './auth/tokens.ts';
import { createCountCache, type CountCache } from './graphql/read/countCache.ts';
import { createEntitlementCache, type EntitlementCache } from './graphql/read/entitlementCache.ts';
import type { Database } from './db/createDb.ts';
import { API_REQUEST_BUDGET } from './db/requestBudget.ts';
import { migrationStatus } from './db/migrate.ts';
import { createEventBusFor, forgetOnAnnouncement, type EventBus } from './events/bus.ts';
import type { GatewayServices, GraphQLContext } from './graphql/context.ts';
import { useMetrics } from './graphql/metricsPlugin.ts';
import { useReadCostLimit } from './graphql/readCost.ts';
import { useRefusalAudit } from './graphql/refusalAudit.ts';
import { CostBudgets, useCostBudget } from './graphql/costBudget.ts';
import { BUNDLED_TRUSTED_DOCUMENTS, trustedQueryOf, useTrustedDocuments, type TrustedDocuments } from './graphql/trustedDocuments.ts';
import { schema } from './graphql/schema.ts';
import type { Logger } from './log.ts';
import { createMetrics, lastSuccessfulSync, type Metrics } from './metrics.ts';
import { answerDirectly, directEligible, GRAPHQL_BODY_LIMIT, plainParams, requestView, writeResponse } from './directGraphql.ts';
import { BodyTooLarge, declaresTooLarge, readBody } from './httpBody.ts';
import { useOperationTracing } from './graphql/tracing.ts';
import { annotateActiveSpan, httpServerSpan, tracingActive } from './telemetry.ts';

export interface GatewayDeps {
  database: Database;
  logger: Logger;
  /** Services resolvers call; absent ones make the matching mutations answer with an error. */
  services?: GatewayServices;
  /**
   * The event bus for subscriptions. When absent, a PGlite gateway creates its own; a Postgres
   * gateway then serves no subscriptions (it needs the URL for a listening connection).
   */
  bus?: EventBus;
  /**
   * Token lifetime, and how long a verified token is trusted without a database round trip
   * (revocations still apply at once through the event bus; default TOKEN_TRUST_MS).
   */
  auth?: { tokenTtlSeconds?: number; tokenTrustMs?: number };
  /**
   * How long an entitlement (with its resource) is remembered across requests without a
   * database round trip (changes still apply at once through the event bus; default
   * ENTITLEMENT_TRUST_MS).
   */
  entitlementTrustMs?: number;
  /**
   * How long a count (totalCount, grantCount, nested counts) is remembered across requests
   * (changes to grants, accounts or the catalog still apply at once through the event bus;
   * default COUNT_TRUST_MS).
   */
  countTrustMs?: number;
  /** Production: no GraphiQL, no introspection, no "did you mean" hints. */
  production?: boolean;
  /** Instruments /metrics serves; a gateway without them gets its own. */
  metrics?: Metrics;
  /** The scheduled sync period: /readyz calls the last sync stale after two of them. */
  syncIntervalMs?: number;
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins?: string[];
  /**
   * Documents trusted besides the bundled client's (hash -> document, codegen's
   * persisted-documents output): any client may send them by hash; trusted-only clients nothing else.
   */
  trustedDocuments?: TrustedDocuments;
  /** Per-client query-cost budgets (default: DEFAULT_COST_BUDGET_PER_MINUTE unless set per client). */
  costBudgets?: CostBudgets;
  /** The GraphiQL page (outside production): in demo mode it signs in with the demo client. */
  graphiql?: GraphiqlPageOptions;
  /** The Slack app surface's HTTP endpoint (`/slack/events`), when a signing secret is set. */
  slackEvents?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
  /**
   * The last successful full sync. Reported, never a reason to be unready: every replica shares
   * it, so a Slack outage would otherwise take the whole API (and its cached answers) offline.
   */
  lastSync?: { succeededAt: string | null; ageSeconds: number | null; stale: boolean };
  /** Set while the process shuts down: it finishes what it has and takes nothing new. */
  shuttingDown?: boolean;
  error?: string;
}

/**
 * Ready = the database answers and every migration is applied. The last sync's age comes along;
 * it is `stale` when no sync succeeded within two sync intervals (never with scheduling off).
 */
export async function checkReadiness(database: Database, options: { syncIntervalMs?: number } = {}): Promise<Readiness> {
  // The probe's own connection: API work, however heavy, does not make the replica look dead.
  const db = database.probeDb;
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    return { ready: false, database: 'unreachable', pendingMigrations: [], error: (error as Error).message };
  }
  const { pending } = await migrationStatus(db);
  if (pending.length > 0) return { ready: false, database: 'ok', pendingMigrations: pending };
  const last = await lastSuccessfulSync(db);
  const ageSeconds = last ? Math.max(0, Math.round((Date.now() - last.getTime()) / 1000)) : null;
  const interval = options.syncIntervalMs ?? 0;
  const stale = interval > 0 && (ageSeconds === null || ageSeconds * 1000 > 2 * interval);
  return { ready: true, database: 'ok', pendingMigrations: [], lastSync: { succeededAt: last?.toISOString() ?? null, ageSeconds, stale } };
}

/** 413 for a GraphQL body over the limit; the connection closes, as the rest is not read. */
function tooLarge(res: ServerResponse): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, { errors: [{ message: `request body is larger than ${GRAPHQL_BODY_LIMIT} bytes`, extensions: { code: 'REQUEST_TOO_LARGE' } }] });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** What the HTTP and WebSocket transports hand to Yoga before the GraphQL context is built. */
export interface ServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
  /** Set by the WebSocket transport, which authenticates once per connection. */
  principal?: Principal;
}

export interface Gateway {
  yoga: YogaServerInstance<ServerContext, GraphQLContext>;
  /** node:http request listener serving every route. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Serves GraphQL over WebSocket (graphql-transport-ws) on the same server and path. */
  attachWebSocket(server: Server): { close(graceMs?: number): Promise<void> };
  metrics: Metrics;
  logger: Logger;
  /** From now on /readyz answers 503 and responses close their connection. */
  drain(): void;
  /**
   * Cuts subscription streams over HTTP (SSE) without a `complete` event: the subscription did
   * not end, so its client should reconnect (to another replica), not conclude it is over.
   */
  cutEventStreams(): void;
  /** HTTP requests being answered right now. */
  readonly inFlight: number;
  /** Releases what the gateway created itself (its event bus). */
  close(): Promise<void>;
}

/** Routes as metric label values (anything else is `other`, so probing paths adds no series). */
const ROUTES = new Set(['/graphql', '/oauth/token', '/healthz', '/readyz', '/metrics', '/slack/events']);
/** Routes probes and scrapers call every few seconds: logged at debug when they succeed. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

const MAX_TOKENS = 5000;
const UNEXPECTED_ERROR = 'Unexpected error.';
const UNAUTHENTICATED_MESSAGE = 'authentication required: send Authorization: Bearer <token>; get a token with POST /oauth/token (client credentials)';

/**
 * An answer for what went wrong inside: the GraphQL error format, the request id to quote, no
 * detail (the log line carrying the same id has it).
 */
export function internalError(requestId: string, message = 'internal error'): GraphQLError {
  return new GraphQLError(`${message}; quote request id ${requestId} to the operator`, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
}

// Postgres refuses NUL in text; caught here, it is the client's mistake, not a 500.
const NUL = '\u0000';
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes(NUL) || hasNul(v, depth + 1));
}
const NUL_MESSAGE = 'strings may not contain the NUL character (\\u0000)';

/** A GraphQLError made on purpose (a refusal, a validation error), not a wrapped exception. */
function isOriginalGraphQLError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null ? true : isOriginalGraphQLError(error.originalError);
}

const INVALID_TOKEN_MESSAGE = 'invalid or expired token: get a new one with POST /oauth/token (client credentials)';

/** An answer refusing a GraphQL request before it is parsed (no or a bad token, no database). */
interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function unauthenticated(tokenSent = false): Refusal {
  const message = tokenSent ? INVALID_TOKEN_MESSAGE : UNAUTHENTICATED_MESSAGE;
  const challenge = tokenSent ? 'Bearer realm="slackgate", error="invalid_token"' : 'Bearer realm="slackgate"';
  return {
    status: 401,
    headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': challenge },
    body: JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }),
  };
}

export function createGateway(deps: GatewayDeps): Gateway {
  const production = deps.production ?? false;
  const db = deps.database.db;
  const principals = new WeakMap<Request, Principal>();
  // The API client behind each HTTP request, for its log line.
  const clientOf = new WeakMap<IncomingMessage, string>();
  // The id of each HTTP request to /graphql: in its log line, its `x-request-id`, and any 500.
  // Carried with the request (its context has `req`), not in an AsyncLocalStorage: on Node 20 that
  // runs a hook for every promise of the process (5-10% of an account search's CPU).
  const requestIdOf = new WeakMap<IncomingMessage, string>();
  const requestIdIn = (context: unknown): string | undefined => {
    const req = (context as ServerContext | undefined)?.req;
    return req ? requestIdOf.get(req) : undefined;
  };
  const metrics = deps.metrics ?? createMetrics();
  metrics.useDatabase(deps.database);
  // This replica's limits on token requests and failed attempts.
  const tokenThrottle = createTokenEndpointThrottle();
  let draining = false;
  let inFlight = 0;
  const open = new Set<ServerResponse>();

  let ownBus: Promise<EventBus | undefined> | undefined;
  const bus = (): Promise<EventBus | undefined> => {
    if (deps.bus) return Promise.resolve(deps.bus);
    if (deps.database.backend !== 'pglite') return Promise.resolve(undefined);
    ownBus ??= createEventBusFor(deps.database).catch((error: Error) => {
      deps.logger.error({ err: error }, 'cannot start the event bus; subscriptions are unavailable');
      return undefined;
    });
    return ownBus;
  };
  let verifier: Promise<TokenVerifier> | undefined;
  const verifyToken = async (token: string): Promise<Principal | undefined> => {
    verifier ??= bus().then((b) => createTokenVerifier(db, b, { trustMs: deps.auth?.tokenTrustMs }));
    return (await verifier).verify(token);
  };
  // Sessions that outlive a request (WebSockets, SSE streams), by client: revoking or rotating
  // the client, or deleting the token, announces the client (a trigger, so the CLI and plain SQL
  // do too) on every replica, and each of its sessions whose token no longer verifies is ended.
  interface Session {
    token: string;
    end(): void;
  }
  const sessions = new Map<string, Set<Session>>();
  const addSession = (clientId: string, session: Session): (() => void) => {
    let set = sessions.get(clientId);
    if (!set) sessions.set(clientId, (set = new Set()));
    set.add(session);
    return () => {
      set.delete(session);
      if (set.size === 0 && sessions.get(clientId) === set) sessions.delete(clientId);
    };
  };
  const recheckSessions = (clientId?: string) => {
    const affected = clientId === undefined ? [...sessions.values()].flatMap((set) => [...set]) : [...(sessions.get(clientId) ?? [])];
    for (const session of affected) {
      // Straight from the database: the remembered-token cache may not have heard the news yet.
      verifyTokenNow(db, session.token).then(
        (principal) => principal || session.end(),
        (error: Error) => deps.logger.warn({ err: error.message, clientId }, 'cannot re-check a session after a client change; its token is checked again at its next operation'),
      );
    }
  };
  const stopFollowingClients = bus().then((b) => (b ? forgetOnAnnouncement(b, 'apiClientChanged', (change) => recheckSessions(change?.clientId)) : undefined));
  let entitlements: Promise<EntitlementCache> | undefined;
  const entitlementCache = () => (entitlements ??= bus().then((b) => createEntitlementCache(db, b, { trustMs: deps.entitlementTrustMs })));
  let counts: Promise<CountCache> | undefined;
  const countCache = () => (counts ??= bus().then((b) => createCountCache(b, { trustMs: deps.countTrustMs })));
  /** What every request's context shares: known once the bus and the caches have started. */
  type SharedContext = Pick<GraphQLContext, 'bus' | 'entitlements' | 'counts'>;
  let sharedContext: SharedContext | undefined;
  const sharedContextReady = async (): Promise<SharedContext> => {
    const [b, entitlements, counts] = await Promise.all([bus(), entitlementCache(), countCache()]);
    return (sharedContext = { bus: b, entitlements, counts });
  };

  // Every GraphQL request carries a bearer token; without a valid one the answer is HTTP 401
  // before anything is parsed. The GraphiQL page itself loads without one (outside production).
  /** The principal of a bearer token, or the answer refusing the request (the same on both HTTP paths). */
  const authenticate = async (authorization: string | null | undefined, requestId: string | undefined): Promise<{ principal: Principal; token: string } | Refusal> => {
    const token = bearerToken(authorization);
    let principal: Principal | undefined;
    try {
      principal = token ? await verifyToken(token) : undefined;
    } catch (error) {
      // The database is unreachable: the request fails, in the GraphQL format, without internals.
      const id = requestId ?? randomUUID();
      deps.logger.error({ err: error, requestId: id }, 'cannot verify a bearer token');
      const body = { errors: [internalError(id, 'the gateway cannot reach its database; retry shortly').toJSON()] };
      return { status: 503, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' }, body: JSON.stringify(body) };
    }
    if (!principal || !token) return unauthenticated(token !== undefined);
    annotateActiveSpan({ 'slackgate.client_id': principal.clientId });
    return { principal, token };
  };

  const authentication: Plugin = {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (request.method === 'OPTIONS') return;
      const wantsGraphiQL = request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html') && !url.searchParams.has('query');
      if (!production && wantsGraphiQL) return;
      const outcome = await authenticate(request.headers.get('authorization'), requestIdIn(serverContext));
      if (!('principal' in outcome)) {
        endResponse(new fetchAPI.Response(outcome.body, { status: outcome.status, headers: outcome.headers }));
        return;
      }
      const { principal, token } = outcome;
      principals.set(request, principal);
      const { req, res } = serverContext as ServerContext;
      if (req) clientOf.set(req, principal.clientId);
      if (res && (request.headers.get('accept') ?? '').includes('text/event-stream')) {
        const remove = addSession(principal.clientId, { token, end: () => res.destroy() });
        res.once('close', remove);
      }
    },
  };

  const hardening: Plugin = {
    onParams({ params, setResult }) {
      if (hasNul(params.query) || hasNul(params.variables) || hasNul(params.operationName)) {
        setResult({ errors: [new GraphQLError(NUL_MESSAGE, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })] });
      }
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => parse(source, { ...options, maxTokens: MAX_TOKENS }));
    },
    onValidate({ addValidationRule }) {
      if (production) addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ result, setResult }) => {
        // "Did you mean …" hints disclose the schema to whoever probes it.
        if (production && result.length > 0) {
          setResult(result.map((e) => new GraphQLError(e.message.replace(/ ?Did you mean .*$/, ''), { nodes: e.nodes, extensions: e.extensions })));
        }
      };
    },
  };

  /** An unexpected error as the answer shows it, logged with its detail under the request id it quotes. */
  const masked = (error: unknown, message: string, requestId: string | undefined): GraphQLError => {
    if (isOriginalGraphQLError(error)) return error as GraphQLError;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const id = requestId ?? randomUUID();
    deps.logger.error({ err: original, requestId: id, path: error instanceof GraphQLError ? error.path : undefined }, message);
    const answer = internalError(id);
    // graphql-jit's errors may come without `extensions`.
    const http = (error as Partial<GraphQLError>).extensions?.http;
    return error instanceof GraphQLError ? new GraphQLError(answer.message, { nodes: error.nodes, path: error.path, extensions: { ...answer.extensions, ...(http ? { http } : {}) } }) : answer;
  };
  const maskResult =
    (requestId: string): Parameters<typeof handleStreamOrSingleExecutionResult>[1] =>
    ({ result, setResult }) => {
      if (result.errors?.length) setResult({ ...result, errors: result.errors.map((e) => masked(e, UNEXPECTED_ERROR, requestId)) });
    };
  /** Masks what went wrong in an execution where its context, and so the request id, is known. */
  const maskingWithRequestId: Plugin = {
    onExecute({ args }) {
      const requestId = requestIdIn(args.contextValue);
      if (requestId === undefined) return;
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, maskResult(requestId)) };
    },
    onSubscribe({ args }) {
      const requestId = requestIdIn(args.contextValue);
      if (requestId === undefined) return;
      return { onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, maskResult(requestId)) };
    },
  };

  const trustedDocuments: TrustedDocuments = { ...BUNDLED_TRUSTED_DOCUMENTS, ...deps.trustedDocuments };
  const costBudgets = deps.costBudgets ?? new CostBudgets();

  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Off unless origins are listed: bearer tokens need no cookies, so never credentials.
    cors: deps.corsOrigins && deps.corsOrigins.length > 0 ? { origin: deps.corsOrigins, credentials: false, methods: ['GET', 'POST', 'OPTIONS'] } : false,
    graphiql: production ? false : { title: 'slackgate GraphiQL', defaultQuery: '# Signed in with an API client (top right), every request carries its token.\n{ viewer { clientId scopes } }\n' },
    // Served from the installed package: works without any CDN (offline networks).
    renderGraphiQL: graphiqlRenderer(deps.graphiql),
    // Anything unexpected answers "internal error" with the request id; the log has the detail.
    // (Those of an execution are masked before, by maskingWithRequestId, which knows the request.)
    maskedErrors: { errorMessage: UNEXPECTED_ERROR, maskError: (error, message) => masked(error, message, undefined) },
    plugins: [
      maskingWithRequestId,
      authentication,
      useTrustedDocuments(trustedDocuments, (request) => principals.get(request)),
      hardening,
      useRefusalAudit({
        database: deps.database,
        logger: deps.logger,
        // Before the context is built (validation) the principal is the request's; after, the context's.
        callerOf: (context) => {
          const c = context as Partial<GraphQLContext> & ServerContext & { request?: Request };
          const principal = c.principal ?? (c.request ? principals.get(c.request) : undefined);
          if (!principal) return undefined;
          return { principal, ip: c.origin?.ip ?? c.req?.socket.remoteAddress ?? null, userAgent: c.origin?.userAgent ?? c.req?.headers['user-agent'] ?? null };
        },
      }),
      useMetrics(metrics),
      useReadCostLimit(),
      useCostBudget(costBudgets, metrics),
      // Queries and mutations run as code compiled once per document (graphql-jit): a page of 100
      // grants costs a third less CPU than the interpreting executor. Subscriptions stay on
      // graphql-js, whose event streams graphql-jit does not serve.
      useGraphQlJit({}, { enableIf: (args) => getOperationAST(args.document, args.operationName ?? undefined)?.operation !== 'subscription' }),
      // Last, so its span wraps the executor chosen above; only when traces are exported.
      ...(tracingActive() ? [useOperationTracing()] : []),
    ],
    context: (initial): GraphQLContext | Promise<GraphQLContext> => {
      const principal = initial.principal ?? principals.get(initial.request);
      if (!principal) {
        throw new GraphQLError(UNAUTHENTICATED_MESSAGE, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      const req = initial.req;
      const userAgent = req ? req.headers['user-agent'] : initial.request?.headers.get('user-agent');
      // An HTTP request's statements (those of its resolvers) count against its budget; a
      // WebSocket's operations are not requests, and services and caches shared by all
      // requests (token checks, grants through Slack) have the pool's own bounds.
      const database = req && requestIdOf.has(req) ? deps.database.forRequest(API_REQUEST_BUDGET) : deps.database;
      const context = (shared: SharedContext): GraphQLContext => ({
        database,
        principal,
        services: deps.services ?? {},
        ...shared,
        origin: { ip: req?.socket.remoteAddress ?? null, userAgent: userAgent ?? null },
      });
      // Once the event bus and the caches exist the context is built at once: a context that is
      // a value, not a promise, lets envelop go on without a turn of the microtask queue.
      return sharedContext ? context(sharedContext) : sharedContextReady().then(context);
    },
    logging: {
      debug: (...args) => deps.logger.debug({ args }, 'graphql'),
      info: (...args) => deps.logger.info({ args }, 'graphql'),
      warn: (...args) => deps.logger.warn({ args }, 'graphql'),
      error: (...args) => deps.logger.error({ args }, 'graphql'),
    },
  });

  // Each HTTP request's line: its fields are fixed and never a secret (no query string, no header),
  // so it skips the redaction pass, a fifth of what writing the line cost.
  const accessLog = deps.logger.child({}, { redact: [] });
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const started = performance.now();
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const route = ROUTES.has(path) ? path : 'other';
    // Only when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT); otherwise undefined, at no cost.
    const span = httpServerSpan(req, route);
    inFlight++;
    open.add(res);
    // A keep-alive client of a stopping process reconnects (to another replica) for its next request.
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight--;
      open.delete(res);
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const status = res.headersSent ? res.statusCode : 499;
      span?.end(status);
      metrics.httpRequests.observe({ method: req.method ?? 'GET', route, status: String(status) }, durationMs / 1000);
      // Never the query string (GraphQL GETs carry variables) nor any header.
      const line = { method: req.method, path, status, durationMs, clientId: clientOf.get(req), requestId };
      if (QUIET_ROUTES.has(path) && status < 400) accessLog.debug(line, 'request');
      else accessLog.info(line, 'request');
    });
    if (span) span.run(() => serveRoute(req, res, path, requestId));
    else serveRoute(req, res, path, requestId);
  };

  const serveRoute = (req: IncomingMessage, res: ServerResponse, path: string, requestId: string): void => {
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (path === '/readyz') {
      checkReadiness(deps.database, { syncIntervalMs: deps.syncIntervalMs }).then(
        (r) => (draining ? sendJson(res, 503, { ...r, ready: false, shuttingDown: true }) : sendJson(res, r.ready ? 200 : 503, r)),
        (error: Error) => sendJson(res, 503, { ready: false, error: error.message }),
      );
      return;
    }
    if (path === '/metrics') {
      metrics.render().then(
        ({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(body);
        },
        (error: Error) => sendJson(res, 500, { error: 'metrics_unavailable', message: error.message }),
      );
      return;
    }
    if (path === '/oauth/token') {
      void handleTokenRequest(req, res, { db, logger: deps.logger, tokenTtlSeconds: deps.auth?.tokenTtlSeconds, throttle: tokenThrottle });
      return;
    }
    if (path === '/graphql') {
      // Every statement of an API request counts against its budget (connections, time): its
      // context's database is made for it (see `context` above). The plain POST skips the
      // fetch-API layer (directGraphql.ts); everything else is Yoga's.
      if (declaresTooLarge(req, GRAPHQL_BODY_LIMIT)) {
        tooLarge(res);
        return;
      }
      // A body sent without Content-Length is read here, within the limit, before Yoga sees it.
      const route = directEligible(req, corsEnabled) ? serveDirect : req.method === 'POST' && req.headers['content-length'] === undefined ? serveBuffered : (r: IncomingMessage, s: ServerResponse) => yoga(r, s);
      requestIdOf.set(req, requestId);
      void route(req, res, requestId);
      return;
    }
    if (path === '/slack/events' && deps.slackEvents) {
      deps.slackEvents(req, res);
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `no route for ${path}; the API is at /graphql, tokens at POST /oauth/token` });
  };

  const corsEnabled = Boolean(deps.corsOrigins && deps.corsOrigins.length > 0);
  const serveDirect = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    try {
      const outcome = await authenticate(req.headers.authorization, requestId);
      if (!('principal' in outcome)) {
        res.writeHead(outcome.status, outcome.headers);
        res.end(outcome.body);
        return;
      }
      const { principal } = outcome;
      clientOf.set(req, principal.clientId);
      const body = await readBody(req, GRAPHQL_BODY_LIMIT);
      // Trusted-only clients and anything but a plain {query, variables, operationName}: Yoga.
      const params = principal.trustedOnly ? undefined : plainParams(body);
      if (!params) {
        await answerThroughYoga(req, res, body);
        return;
      }
      const request = requestView(req, requestUrl(req));
      principals.set(request, principal);
      await answerDirectly(yoga as unknown as Parameters<typeof answerDirectly>[0], req, res, params, principal, request);
    } catch (error) {
      failed(res, error, requestId);
    }
  };

  /** A POST whose body comes without Content-Length: read within the limit, then Yoga's. */
  const serveBuffered = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    try {
      await answerThroughYoga(req, res, await readBody(req, GRAPHQL_BODY_LIMIT));
    } catch (error) {
      failed(res, error, requestId);
    }
  };

  const requestUrl = (req: IncomingMessage): string => `http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`;

  const answerThroughYoga = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const headers = Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value] as [string, string]]));
    await writeResponse(await yoga.fetch(new Request(requestUrl(req), { method: 'POST', headers, body: Uint8Array.from(body) }), { req, res }), res);
  };

  const failed = (res: ServerResponse, error: unknown, requestId: string): void => {
    if (error instanceof BodyTooLarge) {
      if (!res.headersSent) tooLarge(res);
      return;
    }
    deps.logger.error({ err: error, requestId }, 'graphql request failed');
    if (!res.headersSent) sendJson(res, 500, { errors: [internalError(requestId).toJSON()] });
    else res.destroy();
  };

  const attachWebSocket = (server: Server) => {
    const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
    const expiryTimers = new Map<WebSocket, NodeJS.Timeout>();
    const opened = new WeakMap<WebSocket, { at: number; clientId: string }>();
    type Extra = { principal?: Principal; token?: string };
    const disposable = useServer<Record<string, unknown> | undefined, Extra>(
      {
        // The token comes in connectionParams ({ authorization: 'Bearer …' }); a socket
        // without a valid one is closed (4403) before any operation runs.
        onConnect: async (ctx) => {
          const params = ctx.connectionParams ?? {};
          const raw = params.authorization ?? params.Authorization;
          const token = typeof raw === 'string' ? (bearerToken(raw) ?? raw) : undefined;
          const principal = token ? await verifyToken(token) : undefined;
          if (!principal || !token) return false;
          ctx.extra.principal = principal;
          ctx.extra.token = token;
          // Subscriptions outlive requests: close the socket when its token expires.
          const socket = ctx.extra.socket;
          opened.set(socket, { at: performance.now(), clientId: principal.clientId });
          const timer = setTimeout(() => socket.close(4401, 'token expired'), Math.max(0, principal.tokenExpiresAt.getTime() - Date.now()));
          timer.unref();
          expiryTimers.set(socket, timer);
          const remove = addSession(principal.clientId, { token, end: () => socket.close(4403, 'token revoked') });
          socket.once('close', remove);
          return true;
        },
        onClose: (ctx, code) => {
          clearTimeout(expiryTimers.get(ctx.extra.socket));
          expiryTimers.delete(ctx.extra.socket);
          // A WebSocket is one long request: one line when it ends.
          const open = opened.get(ctx.extra.socket);
          if (open) {
            const durationMs = Math.round(performance.now() - open.at);
            deps.logger.info({ method: 'GET', path: yoga.graphqlEndpoint, status: 101, websocket: true, closeCode: code, durationMs, clientId: open.clientId }, 'request');
          }
        },
        // Run every operation through Yoga's envelop: the same plugins, limits and context as HTTP.
        onSubscribe: async (ctx, _id, payload) => {
          // Every operation checks the token again: the client may have been revoked since connecting.
          let current: Principal | undefined;
          try {
            current = ctx.extra.token ? await verifyToken(ctx.extra.token) : undefined;
          } catch {
            return [new GraphQLError('the gateway cannot reach its database; retry shortly', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
          }
          if (!current) {
            ctx.extra.socket.close(4403, 'token revoked');
            return [new GraphQLError('the token of this connection was revoked or has expired', { extensions: { code: 'UNAUTHENTICATED' } })];
          }
          const enveloped = yoga.getEnveloped({ req: ctx.extra.request, principal: ctx.extra.principal, params: payload } as ServerContext & Record<string, unknown>);
          if (hasNul(payload.query) || hasNul(payload.variables)) return [new GraphQLError(NUL_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } })];
          // Trusted documents: Yoga's persisted-operations plugin works on HTTP params only.
          const query = trustedQueryOf(trustedDocuments, ctx.extra.principal, payload);
          if (query instanceof Error) return [query instanceof GraphQLError ? query : new GraphQLError(query.message)];
          let document;
          try {
            document = enveloped.parse(query);
          } catch (error) {
            return [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message)];
          }
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) return errors;
          const args: ExecutionArgs & { rootValue: { execute: typeof enveloped.execute; subscribe: typeof enveloped.subscribe } } = {
            schema: enveloped.schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue: await enveloped.contextFactory(),
            rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
          };
          return args;
        },
        execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => ReturnType<NonNullable<Parameters<typeof useServer>[0]['execute']>> }).execute(args),
        subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => ReturnType<NonNullable<Parameters<typeof useServer>[0]['subscribe']>> }).subscribe(args),
        onError: (_ctx, _id, _payload, errors) => {
          deps.logger.warn({ errors: errors.map((e) => e.message) }, 'websocket operation failed');
        },
      },
      wss,
    );
    return {
      // Every socket gets 1001 "going away" (clients reconnect, to another replica); one that
      // does not finish the closing handshake within graceMs is cut.
      close: async (graceMs = 2000) => {
        for (const timer of expiryTimers.values()) clearTimeout(timer);
        const cut = setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, graceMs);
        try {
          await disposable.dispose();
        } finally {
          clearTimeout(cut);
        }
      },
    };
  };

  return {
    yoga,
    handle,
    attachWebSocket,
    metrics,
    logger: deps.logger,
    drain: () => {
      draining = true;
    },
    cutEventStreams: () => {
      // Yoga passes headers to writeHead, so they are not readable here: an SSE request whose
      // answer has started is a stream.
      for (const res of open) if (res.headersSent && (res.req.headers.accept ?? '').includes('text/event-stream')) res.destroy();
    },
    get inFlight() {
      return inFlight;
    },
    close: async () => {
      (await stopFollowingClients)?.();
      (await verifier)?.close();
      (await entitlements)?.close();
      (await counts)?.close();
      const own = await ownBus;
      await own?.close();
    },
  };
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting connections; requests already received are still answered. */
  stopAccepting(): void;
  /** Ends every subscription as "going away": WebSockets closed with 1001, SSE streams cut. */
  closeSubscriptions(): Promise<void>;
  /**
   * Graceful stop: no new connections, WebSockets closed with 1001, in-flight requests given up
   * to `graceMs` to finish (then their connections are cut).
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

export async function listen(gateway: Gateway, options: { port: number; host: string }): Promise<RunningServer> {
  const server = createServer(gateway.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Attached once listening: a failed listen (port in use) is reported by the line above alone,
  // not first as an internal error of the WebSocket server.
  const ws = gateway.attachWebSocket(server);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  let subscriptionsClosed: Promise<void> | undefined;
  const closeSubscriptions = (): Promise<void> => {
    gateway.cutEventStreams();
    subscriptionsClosed ??= ws.close(2000);
    return subscriptionsClosed;
  };
  const stopAccepting = (): Promise<void> => {
    if (closed) return closed;
    gateway.drain();
    // Resolves once every connection has ended; idle keep-alive ones end now, busy ones after
    // their response (draining responses say `connection: close`).
    closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A connection whose streamed response (SSE) just ended goes idle without being told to close.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    void closed.then(() => clearInterval(sweep));
    return closed;
  };
  return {
    server,
    url: `http://${host}:${address.port}`,
    stopAccepting: () => void stopAccepting(),
    closeSubscriptions,
    close: async ({ graceMs = 5000 } = {}) => {
      const allClosed = stopAccepting();
      await closeSubscriptions();
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), graceMs)));
      if ((await Promise.race([allClosed, expired])) === 'expired') {
        gateway.logger.warn({ inFlight: gateway.inFlight }, 'requests still running at shutdown were cut');
        server.closeAllConnections();
      }
      clearTimeout(timer);
      await allClosed;
      await gateway.close();
    },
  };
}
