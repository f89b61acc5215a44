import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import { clientActor, recordAudit } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { authenticateClient } from './clients.ts';
import { hasScope, isScope, normalizeScopes, SCOPES, type Scope } from './scopes.ts';
import type { TokenEndpointThrottle } from './throttle.ts';
import { issueToken } from './tokens.ts';
import { BodyTooLarge, readBody } from '../httpBody.ts';

const MAX_BODY_BYTES = 16 * 1024;

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode | 'slow_down',
    message: string,
    readonly status = 400,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    // RFC 6749 §5.1: responses carrying tokens must not be cached.
    'cache-control': 'no-store',
    pragma: 'no-cache',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

async function readParams(req: IncomingMessage): Promise<string> {
  try {
    return (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new OAuthError('invalid_request', error.message);
    throw error;
  }
}

function parseParams(contentType: string, body: string): Record<string, string> {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new OAuthError('invalid_request', 'the JSON body does not parse');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new OAuthError('invalid_request', 'the JSON body must be an object');
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'string') params[key] = value;
      else if (Array.isArray(value) && key === 'scope') params[key] = value.map(String).join(' ');
    }
    return params;
  }
  if (type === 'application/x-www-form-urlencoded' || (type === '' && body.length === 0)) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  throw new OAuthError('invalid_request', 'send the parameters as application/x-www-form-urlencoded or application/json');
}

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_request', 'Basic credentials must be client_id:client_secret');
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    throw new OAuthError('invalid_request', 'Basic credentials are not form-encoded correctly');
  }
}

function requestedScopes(text: string | undefined, clientScopes: Scope[]): Scope[] {
  if (text === undefined || text.trim() === '') return clientScopes;
  const names = text.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((n) => !isScope(n));
  if (unknown.length > 0) throw new OAuthError('invalid_scope', `unknown scope ${unknown.join(', ')}; scopes are ${SCOPES.join(', ')}`);
  const scopes = normalizeScopes(names);
  const missing = scopes.filter((s) => !hasScope(clientScopes, s));
  if (missing.length > 0) throw new OAuthError('invalid_scope', `this client may not have scope ${missing.join(', ')}; it holds ${clientScopes.join(', ')}`);
  return scopes;
}

export interface TokenEndpointOptions {
  db: Kysely<DB>;
  logger: Logger;
  tokenTtlSeconds?: number;
  /** Per-replica limits on requests and failures (per source address and per client id). */
  throttle?: TokenEndpointThrottle;
}

// A refusal asks for at least a second: the bucket may refill between the refused take and the
// wait read after it, which would otherwise answer 429 with Retry-After: 0.
function throttled(waitSeconds: number): OAuthError {
  const seconds = Math.max(1, waitSeconds);
  return new OAuthError('slow_down', `too many token requests or failed attempts; retry in ${seconds} s`, 429, seconds);
}

/**
 * `POST /oauth/token`: the OAuth2 client-credentials grant. Client credentials come as HTTP
 * Basic or as `client_id`/`client_secret` parameters, in a form or JSON body.
 */
export async function handleTokenRequest(req: IncomingMessage, res: ServerResponse, options: TokenEndpointOptions): Promise<void> {
  const usedBasic = /^Basic\s/i.test(req.headers.authorization ?? '');
  const throttle = options.throttle;
  const address = req.socket.remoteAddress ?? 'unknown';
  try {
    if (throttle && !throttle.requests.take(address)) throw throttled(throttle.requests.waitSeconds(address));
    if (req.method !== 'POST') {
      send(res, 405, { error: 'invalid_request', error_description: 'use POST' }, { allow: 'POST' });
      return;
    }
    const params = parseParams(req.headers['content-type'] ?? '', await readParams(req));
    if (params.grant_type !== 'client_credentials') {
      throw new OAuthError(
        params.grant_type ? 'unsupported_grant_type' : 'invalid_request',
        params.grant_type ? `grant_type ${params.grant_type} is not supported; use client_credentials` : 'grant_type is required (client_credentials)',
      );
    }
    const basic = basicCredentials(req.headers.authorization);
    if (basic && (params.client_id !== undefined || params.client_secret !== undefined)) {
      throw new OAuthError('invalid_request', 'send client credentials either as HTTP Basic or in the body, not both');
    }
    const id = basic?.id ?? params.client_id;
    const secret = basic?.secret ?? params.client_secret;
    if (!id || !secret) throw new OAuthError('invalid_client', 'client_id and client_secret are required', 401);

    // Every attempt takes a token from the address's and the client id's failure buckets before
    // any hashing (so concurrent guesses count too), and a success gives them back.
    if (throttle) {
      const wait = Math.max(throttle.addressFailures.waitSeconds(address), throttle.clientFailures.waitSeconds(id));
      if (wait > 0) throw throttled(wait);
      throttle.addressFailures.take(address);
      throttle.clientFailures.take(id);
    }
    const client = await authenticateClient(options.db, id, secret);
    if (client) {
      throttle?.addressFailures.giveBack(address);
      throttle?.clientFailures.giveBack(id);
    } else {
      const suppressed = throttle ? throttle.failureLog.admit(id.slice(0, 100)) : 0;
      if (suppressed !== undefined) options.logger.warn({ clientId: id.slice(0, 100), address, ...(suppressed > 0 ? { suppressedSinceLastLine: suppressed } : {}) }, 'token request with unknown, revoked or wrong client credentials');
      throw new OAuthError('invalid_client', 'unknown client, revoked client or wrong secret', 401);
    }
    const scopes = requestedScopes(params.scope, client.scopes);
    const token = await issueToken(options.db, client, { scopes, ttlSeconds: options.tokenTtlSeconds });
    await recordAudit(options.db, {
      action: 'token.issue',
      outcome: 'SUCCESS',
      actor: clientActor(client.id),
      target: { type: 'apiClient', id: client.id },
      details: { scopes: token.scopes, expiresAt: token.expiresAt.toISOString() },
      ip: req.socket.remoteAddress ?? null,
      userAgent: req.headers['user-agent'] ?? null,
    });
    send(res, 200, { access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn, scope: token.scopes.join(' ') });
  } catch (error) {
    if (error instanceof OAuthError) {
      // RFC 6749 §5.2: a client that tried HTTP Basic gets a matching challenge.
      const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': usedBasic ? 'Basic realm="slackgate"' : 'Bearer realm="slackgate"' } : {};
      if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
      send(res, error.status, { error: error.code, error_description: error.message }, headers);
      return;
    }
    options.logger.error({ err: error }, 'token endpoint failed');
    send(res, 500, { error: 'server_error', error_description: 'the token could not be issued; see the gateway logs' });
  }
}
