import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { forgetOnAnnouncement, type EventBus } from '../events/bus.ts';
import type { ApiClient } from './clients.ts';
import { hasScope, normalizeScopes, type Scope } from './scopes.ts';
import { ACCESS_TOKEN_PREFIX, generateSecret, sha256 } from './secrets.ts';

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** The authenticated caller of the API: an API client, through one of its bearer tokens. */
export interface Principal {
  clientId: string;
  clientName: string;
  /** Scopes of the token (a subset of the client's). */
  scopes: Scope[];
  tokenExpiresAt: Date;
  /** The client may run only documents of the trusted-documents manifest (by hash). */
  trustedOnly?: boolean;
  /** The client's query cost per minute; null or absent: the gateway's default. */
  costBudgetPerMinute?: number | null;
}

export function principalHasScope(principal: Principal, scope: Scope): boolean {
  return hasScope(principal.scopes, scope);
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  expiresAt: Date;
  scopes: Scope[];
}

/**
 * Issues a bearer token for an authenticated client. Only its SHA-256 is stored: the token is
 * 32 random bytes, so the hash cannot be reversed, and a database leak yields no usable token.
 */
export async function issueToken(
  db: Kysely<DB>,
  client: ApiClient,
  options: { scopes?: Scope[]; ttlSeconds?: number } = {},
): Promise<IssuedToken> {
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const scopes = normalizeScopes(options.scopes ?? client.scopes);
  const accessToken = generateSecret(ACCESS_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + ttl * 1000);
  await db.transaction().execute(async (trx) => {
    // Expired tokens are useless; dropping the client's old ones keeps the table small.
    await trx.deleteFrom('api_tokens').where('client_id', '=', client.id).where('expires_at', '<=', new Date()).execute();
    await trx.insertInto('api_tokens').values({ token_hash: sha256(accessToken), client_id: client.id, scopes, expires_at: expiresAt }).execute();
    await trx.updateTable('api_clients').set({ last_used_at: new Date() }).where('id', '=', client.id).execute();
  });
  return { accessToken, expiresIn: ttl, expiresAt, scopes };
}

/** The principal a bearer token stands for; undefined when unknown, expired or its client is revoked. */
export async function verifyToken(db: Kysely<DB>, token: string): Promise<Principal | undefined> {
  const hash = accessTokenHash(token);
  return hash === undefined ? undefined : principalOfTokenHash(db, hash);
}

/** The stored hash of a string shaped like one of our access tokens; undefined for anything else. */
function accessTokenHash(token: string): string | undefined {
  return token.startsWith(ACCESS_TOKEN_PREFIX) && token.length <= 200 ? sha256(token) : undefined;
}

async function principalOfTokenHash(db: Kysely<DB>, hash: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('api_clients', 'api_clients.id', 'api_tokens.client_id')
    .select(['api_tokens.client_id', 'api_tokens.scopes', 'api_tokens.expires_at', 'api_clients.name', 'api_clients.trusted_only', 'api_clients.cost_budget_per_minute'])
    .where('api_tokens.token_hash', '=', hash)
    .where('api_tokens.expires_at', '>', new Date())
    .where('api_clients.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    clientId: row.client_id,
    clientName: row.name,
    scopes: normalizeScopes(row.scopes),
    tokenExpiresAt: row.expires_at,
    trustedOnly: row.trusted_only,
    costBudgetPerMinute: row.cost_budget_per_minute,
  };
}

/** The token of an `Authorization: Bearer …` value (case-insensitive scheme), if any. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

/** The longest a verified token is trusted without the database being asked again. */
export const TOKEN_TRUST_MS = 5000;
const MAX_TRUSTED_TOKENS = 10_000;

export interface TokenVerifier {
  /** The principal a bearer token stands for; undefined when unknown, expired or revoked. */
  verify(token: string): Promise<Principal | undefined>;
  /** Stops following revocations. */
  close(): void;
}

/**
 * Verifies bearer tokens, remembering a verified one for at most `trustMs` so a busy client
 * costs no database round trip per request. Revocation still takes effect at once: the database
 * announces every change that ends a client's tokens (a trigger on the `apiClientChanged` topic)
 * and the client's remembered tokens are dropped when it arrives. Should the listening
 * connection drop, `trustMs` is the bound. Without an event bus nothing is remembered.
 */
export function createTokenVerifier(db: Kysely<DB>, bus: EventBus | undefined, options: { trustMs?: number } = {}): TokenVerifier {
  const trustMs = options.trustMs ?? TOKEN_TRUST_MS;
  if (!bus || trustMs <= 0) return { verify: (token) => verifyToken(db, token), close: () => {} };
  const trusted = new Map<string, { principal: Principal; until: number }>();
  // Bumped by every announcement: a lookup that raced one is not remembered.
  let generation = 0;
  const forget = (clientId?: string) => {
    generation++;
    if (clientId === undefined) trusted.clear();
    else for (const [hash, entry] of trusted) if (entry.principal.clientId === clientId) trusted.delete(hash);
  };
  const stopFollowing = forgetOnAnnouncement(bus, 'apiClientChanged', (change) => forget(change?.clientId));

  return {
    async verify(token) {
      const hash = accessTokenHash(token);
      if (hash === undefined) return undefined;
      const now = Date.now();
      const known = trusted.get(hash);
      if (known && known.until > now) return known.principal;
      if (known) trusted.delete(hash);
      const before = generation;
      const principal = await principalOfTokenHash(db, hash);
      if (principal && generation === before) {
        if (trusted.size >= MAX_TRUSTED_TOKENS) trusted.delete(trusted.keys().next().value as string);
        trusted.set(hash, { principal, until: Math.min(now + trustMs, principal.tokenExpiresAt.getTime()) });
      }
      return principal;
    },
    close() {
      stopFollowing();
      trusted.clear();
    },
  };
}
