import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleAdminRoute, type SlackAdminUi } from './adminUi.ts';
import { handleAppControl } from './app/control.ts';
import type { SimulatedAppSurface } from './app/surface.ts';
import type { Fault, SimulatorControl } from './control.ts';
import type { SimulatedEvents } from './events.ts';
import { SCIM_LIMITS, TIER_LIMITS } from './limits.ts';
import { handleScim, scimCallName, scimErrorBody, type ScimResponse } from './scim/routes.ts';
import type { ScimVersion } from './scim/resources.ts';
import type { SimulatorBehaviour, SlackStore, TokenInfo } from './store.ts';
import { Args, parseJsonOr, SlackApiError } from './web/args.ts';
import { jsonResponse, resolveCall, runCall, slackError, type WebResponse } from './web/dispatch.ts';
import { pageMemory } from './web/render.ts';

export interface SimulatorCore {
  store: SlackStore;
  control: SimulatorControl;
  /** The simulated Events API and the admin UI's actions (`/_simulator/events/…`, `/_simulator/admin/…`). */
  events?: { events: SimulatedEvents; adminUi: SlackAdminUi };
  /** The Slack app surface: Socket Mode, deliveries to the app, and its control routes. */
  app?: SimulatedAppSurface;
}

const APP_CONTROL_PREFIX = '/_simulator/app/';

const CONTROL_PREFIX = '/_simulator/';
const SCIM_PATH = /^\/scim\/v([12])\/?(.*)$/;
// Method names under any prefix: `/api/users.list`, `/users.list` (slack-go style base URLs), `/api/api/…`.
const METHOD_PATH = /\/([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+)\/?$/;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? (match[1] as string).trim() : undefined;
}

/** List pages are built in reused memory (see `PageMemory`): it goes back once the answer is written or the connection is gone. */
function releaseWhenWritten(res: ServerResponse, body: Buffer | Buffer[]): void {
  res.once('close', () => {
    if (Buffer.isBuffer(body)) pageMemory.release(body);
    else for (const part of body) pageMemory.release(part);
  });
}

function send(res: ServerResponse, response: WebResponse): void {
  const { body } = response;
  releaseWhenWritten(res, body);
  if (Buffer.isBuffer(body)) {
    res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
    res.end(body);
    return;
  }
  let length = 0;
  for (const part of body) length += part.length;
  res.writeHead(response.status, { ...response.headers, 'content-length': String(length) });
  // Corked writes leave as one writev: no copy of the page into a single buffer.
  res.cork();
  for (const part of body) res.write(part);
  res.end();
}

function webArgs(url: URL, req: IncomingMessage, body: Buffer): Args {
  const entries: [string, unknown][] = [...url.searchParams.entries()];
  if (body.length > 0) {
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    const text = body.toString('utf8');
    if (type.includes('application/json')) {
      const parsed = parseJsonOr(text, 'invalid_json');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SlackApiError('json_not_object');
      // A token inside a JSON body is ignored: JSON callers authenticate with the header.
      for (const [key, value] of Object.entries(parsed)) if (key !== 'token') entries.push([key, value]);
    } else if (type.includes('multipart/form-data')) {
      throw new SlackApiError('invalid_form_data');
    } else {
      entries.push(...new URLSearchParams(text).entries());
    }
  }
  return Args.fromEntries(entries);
}

function faultResponse(fault: Exclude<Fault, { kind: 'latency' | 'slow_answer' }>): WebResponse {
  switch (fault.kind) {
    case 'rate_limited': {
      const retryAfter = fault.retryAfter === undefined ? 1 : fault.retryAfter;
      return jsonResponse(429, { ok: false, error: 'ratelimited' }, retryAfter === null ? {} : { 'retry-after': String(retryAfter) });
    }
    case 'ratelimited_body':
      return slackError('ratelimited');
    case 'http_error':
      return { status: fault.status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(`simulated HTTP ${fault.status}`) };
    case 'slack_error':
      return slackError(fault.error, fault.extra ?? {});
  }
}

async function handleWeb(core: SimulatorCore, req: IncomingMessage, url: URL, method: string): Promise<{ response: WebResponse; args: Args | undefined; token?: TokenInfo; elapsedMs: number }> {
  const body = await readBody(req);
  let started = performance.now();
  const { store, control } = core;
  let args: Args | undefined;
  try {
    args = webArgs(url, req, body);
  } catch (error) {
    if (error instanceof SlackApiError) return { response: slackError(error.code), args, elapsedMs: performance.now() - started };
    throw error;
  }
  const fault = control.takeFault(method, 'web');
  if (fault?.kind === 'latency') {
    await sleep(fault.ms);
    started = performance.now();
  } else if (fault && fault.kind !== 'slow_answer') {
    return { response: faultResponse(fault), args, elapsedMs: performance.now() - started };
  }
  const resolved = resolveCall(store, method, args, bearerOf(req));
  if ('status' in resolved) return { response: resolved, args, elapsedMs: performance.now() - started };
  const tier = resolved.method.tier;
  const override = control.methodLimits.get(method);
  if (control.limiter.enabled && (tier !== 'special' || override !== undefined || method === 'chat.postMessage')) {
    const team = resolved.teamId ?? resolved.token.teamId ?? '';
    // chat.postMessage is roughly one message per second per channel.
    const key = method === 'chat.postMessage' ? `${resolved.token.token}|${args.str('channel') ?? ''}|${method}` : `${resolved.token.token}|${team}|${method}`;
    const limit = override ?? (tier === 'special' ? 60 : TIER_LIMITS[tier]);
    const retryAfter = control.limiter.take(key, limit);
    if (retryAfter !== undefined) {
      return {
        response: jsonResponse(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter), ...resolved.scopeHeaders }),
        args,
        token: resolved.token,
        elapsedMs: performance.now() - started,
      };
    }
  }
  const response = runCall(store, resolved, args);
  if (fault?.kind === 'slow_answer') await sleep(fault.ms);
  return { response, args, token: resolved.token, elapsedMs: performance.now() - started };
}

function scimBudgets(name: string, httpMethod: string, overrides: ReadonlyMap<string, number>): { key: string; limit: number }[] {
  const write = httpMethod !== 'GET';
  const budgets = [{ key: write ? 'scim:writes' : 'scim:reads', limit: write ? SCIM_LIMITS.writes : SCIM_LIMITS.reads }];
  const endpoint = overrides.get(name) ?? SCIM_LIMITS.perEndpoint[name];
  if (endpoint !== undefined) budgets.push({ key: `scim:${name}`, limit: endpoint });
  return budgets;
}

function scimSend(res: ServerResponse, response: ScimResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  if (response.status === 204 || response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(typeof response.body === 'string' ? response.body : JSON.stringify(response.body), 'utf8');
  releaseWhenWritten(res, body);
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

async function handleScimRequest(core: SimulatorCore, req: IncomingMessage, url: URL, version: ScimVersion, rest: string): Promise<{ response: ScimResponse; name: string; body: unknown; elapsedMs: number }> {
  const raw = await readBody(req);
  let started = performance.now();
  const { store, control } = core;
  const httpMethod = (req.method ?? 'GET').toUpperCase();
  const segments = rest.split('/').filter((s) => s !== '').map(decodeURIComponent);
  const { name, resourceId } = scimCallName(httpMethod, segments);
  const error = (status: number, code: string, headers: Record<string, string> = {}): ScimResponse => ({ status, body: scimErrorBody(store, version, status, code), headers, error: code });
  let body: unknown;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return { response: error(400, 'invalid_request_payload'), name, body: raw.toString('utf8'), elapsedMs: performance.now() - started };
    }
  }
  const done = (response: ScimResponse) => ({ response, name, body, elapsedMs: performance.now() - started });
  const write = httpMethod !== 'GET';

  const fault = control.takeFault(name, 'scim');
  if (fault && fault.kind !== 'latency' && fault.kind !== 'slow_answer') {
    switch (fault.kind) {
      case 'rate_limited': {
        const retryAfter = fault.retryAfter === undefined ? 1 : fault.retryAfter;
        return done(error(429, 'too_many_requests', retryAfter === null ? {} : { 'retry-after': String(retryAfter) }));
      }
      case 'ratelimited_body':
        return done(error(429, 'too_many_requests'));
      case 'http_error':
        return done({ status: fault.status, body: scimErrorBody(store, version, fault.status, 'internal_error'), error: 'internal_error' });
      case 'slack_error':
        return done(error(fault.status ?? 400, fault.error));
    }
  }
  if (write && resourceId !== undefined) {
    // Slack locks a user or group while a write to it is in progress.
    const locked = control.scimLockRemaining(resourceId);
    if (locked !== undefined) return done(error(429, 'resource_locked', { 'retry-after': String(locked) }));
  }
  const retryAfter = control.limiter.takeAll(scimBudgets(name, httpMethod, control.methodLimits));
  if (retryAfter !== undefined) return done(error(429, 'too_many_requests', { 'retry-after': String(retryAfter) }));
  if (fault?.kind === 'latency') {
    if (write && resourceId !== undefined) control.lockScimResource(resourceId, fault.ms);
    await sleep(fault.ms);
    if (write && resourceId !== undefined) control.releaseScimResource(resourceId);
    started = performance.now();
  }
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  const response = handleScim(store, {
    version,
    method: httpMethod,
    segments,
    query: url.searchParams,
    body,
    bearer: bearerOf(req),
    base: `${origin}/scim/v${version}/`,
  });
  return done(response);
}

interface ControlBody {
  method?: string;
  fault?: Fault;
  times?: number;
  id?: string;
  ms?: number;
  enabled?: boolean;
  timeScale?: number;
  methodLimits?: Record<string, number>;
  token?: string;
}

async function handleControl(core: SimulatorCore, req: IncomingMessage, url: URL, reset: () => void): Promise<WebResponse> {
  const { control, store } = core;
  const route = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  let body: ControlBody = {};
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8')) as ControlBody;
    } catch {
      return jsonResponse(400, { ok: false, error: 'body must be JSON' });
    }
  }
  const ok = (extra: Record<string, unknown> = {}) => jsonResponse(200, { ok: true, ...extra });
  switch (`${method} ${route}`) {
    case 'GET ':
      return ok({
        endpoints: [
          'GET state',
          'POST reset',
          'GET calls[?method=]',
          'DELETE calls',
          'GET faults',
          'POST faults {method, fault, times}',
          'DELETE faults',
          'GET behaviour',
          'POST behaviour {…}',
          'POST rate-limits {enabled, timeScale, methodLimits}',
          'POST scim-locks {id, ms}',
          'POST tokens {token, kind, userId, scopes, …}',
          'POST tokens/revoke {token}',
        ],
      });
    case 'GET health':
      return ok({ plan: store.plan });
    case 'GET state':
      return ok(control.dump());
    case 'POST reset':
      reset();
      return ok();
    case 'GET calls': {
      const only = url.searchParams.get('method') ?? undefined;
      return ok({ counts: control.callCounts(), log: control.log(only) });
    }
    case 'DELETE calls':
      control.resetCalls();
      return ok();
    case 'GET faults':
      return ok({ faults: control.pendingFaults() });
    case 'POST faults':
      if (!body.method || !body.fault) return jsonResponse(400, { ok: false, error: 'method and fault are required' });
      control.inject(body.method, body.fault, body.times ?? 1);
      return ok({ faults: control.pendingFaults() });
    case 'DELETE faults':
      control.clearFaults();
      return ok();
    case 'GET behaviour':
      return ok({ behaviour: store.behaviour });
    case 'POST behaviour':
      return ok({ behaviour: control.setBehaviour(body as Partial<SimulatorBehaviour>) });
    case 'POST rate-limits':
      control.setRateLimits(body.enabled ?? true, body.timeScale);
      for (const [m, limit] of Object.entries(body.methodLimits ?? {})) control.setMethodLimit(m, limit);
      return ok({ enabled: control.limiter.enabled, timeScale: control.limiter.timeScale });
    case 'POST scim-locks':
      if (!body.id) return jsonResponse(400, { ok: false, error: 'id is required' });
      control.lockScimResource(body.id, body.ms ?? 5000);
      return ok();
    case 'POST tokens':
      store.addToken(body as unknown as TokenInfo);
      return ok();
    case 'POST tokens/revoke':
      if (!body.token) return jsonResponse(400, { ok: false, error: 'token is required' });
      store.revokeToken(body.token);
      return ok();
    default:
      return jsonResponse(404, { ok: false, error: `no control endpoint ${method} ${url.pathname}` });
  }
}

export function createSimulatorServer(core: SimulatorCore, reset: () => void): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    const task = (async () => {
      if (core.events && (path.startsWith(`${CONTROL_PREFIX}admin/`) || path.startsWith(`${CONTROL_PREFIX}events/`))) {
        const raw = await readBody(req);
        let body: Record<string, unknown> = {};
        try {
          body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
        } catch {
          send(res, jsonResponse(400, { ok: false, error: 'body must be JSON' }));
          return;
        }
        const [status, answer] = await handleAdminRoute(core.events.adminUi, core.events.events, path.slice(CONTROL_PREFIX.length).replace(/\/$/, ''), (req.method ?? 'GET').toUpperCase(), body);
        send(res, jsonResponse(status, answer));
        return;
      }
      if (core.app && (path.startsWith(APP_CONTROL_PREFIX) || path === APP_CONTROL_PREFIX.slice(0, -1))) {
        const raw = await readBody(req);
        send(res, await handleAppControl(core.app, req, path.slice(APP_CONTROL_PREFIX.length).replace(/\/$/, ''), url, raw));
        return;
      }
      if (path.startsWith(CONTROL_PREFIX) || path === CONTROL_PREFIX.slice(0, -1)) {
        send(res, await handleControl(core, req, url, reset));
        return;
      }
      const scim = SCIM_PATH.exec(path);
      if (scim) {
        const version = Number(scim[1]) as ScimVersion;
        const { response, name, body, elapsedMs } = await handleScimRequest(core, req, url, version, scim[2] ?? '');
        scimSend(res, response);
        core.control.record(
          {
            api: 'scim',
            method: name,
            args: { path: path, query: Object.fromEntries(url.searchParams), body: body ?? null },
            status: response.status,
            ...(response.error ? { error: response.error } : {}),
          },
          elapsedMs,
        );
        return;
      }
      const match = METHOD_PATH.exec(path);
      if (!match) {
        await readBody(req);
        send(res, jsonResponse(404, { ok: false, error: 'unknown_method', req_method: path.replace(/^\/(api\/)?/, '') }));
        return;
      }
      const method = match[1] as string;
      if (method === 'apps.connections.open' && core.app) {
        // The app-level token (xapp-) opens Socket Mode; it is no Web API token.
        await readBody(req);
        const response = core.app.connectionsOpen(req, bearerOf(req));
        send(res, response);
        core.control.record({ api: 'web', method, args: {}, tokenKind: 'app', status: response.status }, 0);
        return;
      }
      const { response, args, token, elapsedMs } = await handleWeb(core, req, url, method);
      send(res, response);
      let error: string | undefined;
      if (response.status === 200 && Buffer.isBuffer(response.body) && response.body[6] === 'f'.charCodeAt(0)) {
        // `{"ok":false,"error":"…"}`: read the code back for the call log.
        error = (JSON.parse((response.body as Buffer).toString('utf8')) as { error?: string }).error;
      }
      core.control.record(
        {
          api: 'web',
          method,
          args: args?.toJSON() ?? {},
          ...(token ? { tokenKind: token.kind } : {}),
          status: response.status,
          ...(error ? { error } : {}),
        },
        elapsedMs,
      );
    })();
    task.catch((error: unknown) => {
      if (!res.headersSent) {
        send(res, jsonResponse(500, { ok: false, error: 'internal_error', detail: (error as Error).message }));
      } else res.destroy();
    });
  });
}
