import type { Kysely, Transaction, Updateable } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import { normalizeScopes, type Scope } from './scopes.ts';
import { CLIENT_SECRET_PREFIX, generateClientId, generateSecret, hashClientSecret, verifyClientSecret, visiblePrefix } from './secrets.ts';

/** An API client as shown to operators: never its secret or hash. */
export interface ApiClient {
  id: string;
  name: string;
  scopes: Scope[];
  secretPrefix: string;
  isBootstrap: boolean;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** May run only the documents of the trusted-documents manifest, by hash. */
  trustedOnly: boolean;
  /** Query cost this client may spend per minute; null: the gateway's default. */
  costBudgetPerMinute: number | null;
}

/** A client together with a secret shown exactly once. */
export interface ApiClientWithSecret {
  client: ApiClient;
  secret: string;
}

export class ApiClientError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_FOUND' | 'REVOKED' | 'VALIDATION',
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

type ClientRow = {
  id: string;
  name: string;
  scopes: string[];
  secret_prefix: string;
  is_bootstrap: boolean;
  created_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  trusted_only: boolean;
  cost_budget_per_minute: number | null;
};

const PUBLIC_COLUMNS = ['id', 'name', 'scopes', 'secret_prefix', 'is_bootstrap', 'created_at', 'rotated_at', 'revoked_at', 'last_used_at', 'trusted_only', 'cost_budget_per_minute'] as const;

function toClient(row: ClientRow): ApiClient {
  return {
    id: row.id,
    name: row.name,
    scopes: normalizeScopes(row.scopes),
    secretPrefix: row.secret_prefix,
    isBootstrap: row.is_bootstrap,
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    trustedOnly: row.trusted_only,
    costBudgetPerMinute: row.cost_budget_per_minute,
  };
}

function validateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new ApiClientError('a client name needs 1–100 characters', 'VALIDATION');
  return trimmed;
}

/**
 * Whom a client may act for (the `actorId` of its mutations): `any` account it names (the
 * default, as before), or only `self`, the one account it is bound to (`user:U…`).
 */
export type ActAs = 'any' | 'self';

function validateBudget(budget: number | null | undefined): number | null {
  if (budget === undefined || budget === null) return null;
  if (!Number.isInteger(budget) || budget < 1) throw new ApiClientError(`a cost budget is a whole number of cost units per minute, at least 1 (got ${budget})`, 'VALIDATION');
  return budget;
}

export interface ClientLimits {
  /** Only documents of the trusted-documents manifest, by hash. */
  trustedOnly?: boolean;
  /** Query cost per minute; null: the gateway's default. */
  costBudgetPerMinute?: number | null;
}

export async function createClient(
  db: Kysely<DB>,
  input: { name: string; scopes: Scope[]; actor: AuditActor; actAs?: ActAs; account?: string | null } & ClientLimits,
): Promise<ApiClientWithSecret> {
  const name = validateName(input.name);
  const trustedOnly = input.trustedOnly ?? false;
  const costBudgetPerMinute = validateBudget(input.costBudgetPerMinute);
  const scopes = normalizeScopes(input.scopes);
  if (scopes.length === 0) throw new ApiClientError('a client needs at least one scope', 'VALIDATION');
  const actAs = input.actAs ?? 'any';
  const account = input.account?.trim() || null;
  if (actAs === 'self' && !account) throw new ApiClientError('--act-as self needs --account: the account (user:U…) the client acts for', 'VALIDATION');
  if (account && !/^user:[A-Z0-9]{2,40}$/.test(account)) throw new ApiClientError(`"${account}" is not an account external id; use user:U…`, 'VALIDATION');
  const secret = generateSecret(CLIENT_SECRET_PREFIX);
  const secretHash = await hashClientSecret(secret);
  const row = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('api_clients')
      .values({ id: generateClientId(), name, scopes, secret_hash: secretHash, secret_prefix: visiblePrefix(secret), trusted_only: trustedOnly, cost_budget_per_minute: costBudgetPerMinute, act_as: actAs, account_external_id: account })
      .returning(PUBLIC_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'client.create',
      outcome: 'SUCCESS',
      actor: input.actor,
      target: { type: 'apiClient', id: created.id },
      details: { name, scopes, trustedOnly, costBudgetPerMinute, actAs, ...(account ? { account } : {}) },
    });
    return created;
  });
  return { client: toClient(row), secret };
}

export async function listClients(db: Kysely<DB>): Promise<ApiClient[]> {
  const rows = await db.selectFrom('api_clients').select(PUBLIC_COLUMNS).orderBy('created_at').orderBy('id').execute();
  return rows.map(toClient);
}

export async function findClient(db: Kysely<DB>, id: string): Promise<ApiClient | undefined> {
  const row = await db.selectFrom('api_clients').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toClient(row);
}

/** Changes a client's trusted-only flag or cost budget; its tokens are forgotten by every gateway at once. */
export async function updateClientLimits(db: Kysely<DB>, id: string, limits: ClientLimits, actor: AuditActor): Promise<ApiClient> {
  const set: { trusted_only?: boolean; cost_budget_per_minute?: number | null } = {};
  if (limits.trustedOnly !== undefined) set.trusted_only = limits.trustedOnly;
  if (limits.costBudgetPerMinute !== undefined) set.cost_budget_per_minute = validateBudget(limits.costBudgetPerMinute);
  return db.transaction().execute(async (trx) => {
    const existing = await lockClient(trx, id, 'refuse revoked');
    const updated = Object.keys(set).length > 0 ? await trx.updateTable('api_clients').set(set).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow() : await trx.selectFrom('api_clients').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'client.updateLimits',
      outcome: 'SUCCESS',
      actor,
      target: { type: 'apiClient', id },
      details: { before: { trustedOnly: existing.trusted_only, costBudgetPerMinute: existing.cost_budget_per_minute }, after: { trustedOnly: updated.trusted_only, costBudgetPerMinute: updated.cost_budget_per_minute } },
    });
    return toClient(updated);
  });
}

/**
 * A new secret for the same client id. Tokens issued with the old secret stop working at once:
 * rotation usually means the old secret may have leaked.
 */
export async function rotateClient(db: Kysely<DB>, id: string, actor: AuditActor): Promise<ApiClientWithSecret> {
  const secret = generateSecret(CLIENT_SECRET_PREFIX);
  const secretHash = await hashClientSecret(secret);
  const client = await changeCredentials(db, id, actor, 'client.rotate', () => ({
    set: { secret_hash: secretHash, secret_prefix: visiblePrefix(secret), rotated_at: new Date() },
    outcome: 'SUCCESS',
  }));
  return { client, secret };
}

/** Revokes a client and every token it holds; its id stays for the audit trail. */
export async function revokeClient(db: Kysely<DB>, id: string, actor: AuditActor): Promise<ApiClient> {
  return changeCredentials(db, id, actor, 'client.revoke', (existing) => ({
    set: { revoked_at: existing.revoked_at ?? new Date() },
    outcome: existing.revoked_at ? 'NOOP' : 'SUCCESS',
  }));
}

/** The client's row, locked for a change; an unknown client is refused, and a revoked one when asked. */
async function lockClient(trx: Transaction<DB>, id: string, revoked: 'refuse revoked' | 'allow revoked') {
  const existing = await trx.selectFrom('api_clients').select(['id', 'revoked_at', 'trusted_only', 'cost_budget_per_minute']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!existing) throw new ApiClientError(`no API client with id ${id}; see slackgate client list`, 'NOT_FOUND');
  if (existing.revoked_at && revoked === 'refuse revoked') throw new ApiClientError(`API client ${id} is revoked; create a new one instead`, 'REVOKED');
  return existing;
}

/**
 * Rotation and revocation alike: change the client's credentials, drop every token it holds (they
 * stop working at once), and audit how many went. Revoking a revoked client is a NOOP, not an error.
 */
async function changeCredentials(
  db: Kysely<DB>,
  id: string,
  actor: AuditActor,
  action: 'client.rotate' | 'client.revoke',
  change: (existing: { revoked_at: Date | null }) => { set: Updateable<DB['api_clients']>; outcome: 'SUCCESS' | 'NOOP' },
): Promise<ApiClient> {
  const row = await db.transaction().execute(async (trx) => {
    const existing = await lockClient(trx, id, action === 'client.revoke' ? 'allow revoked' : 'refuse revoked');
    const { set, outcome } = change(existing);
    const updated = await trx.updateTable('api_clients').set(set).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
    const dropped = await trx.deleteFrom('api_tokens').where('client_id', '=', id).executeTakeFirst();
    await recordAudit(trx, { action, outcome, actor, target: { type: 'apiClient', id }, details: { tokensInvalidated: Number(dropped.numDeletedRows) } });
    return updated;
  });
  return toClient(row);
}

/**
 * The bootstrap admin client from the configuration (`--client-id/--client-secret`): created,
 * or brought back in line (secret, admin scope, not revoked) at every start.
 */
export async function ensureBootstrapClient(db: Kysely<DB>, bootstrap: { id: string; secret: string }): Promise<ApiClient> {
  const existing = await db.selectFrom('api_clients').select(['secret_hash', 'scopes', 'revoked_at', 'is_bootstrap']).where('id', '=', bootstrap.id).executeTakeFirst();
  const secretMatches = existing ? await verifyClientSecret(bootstrap.secret, existing.secret_hash) : false;
  const upToDate = existing && secretMatches && existing.is_bootstrap && !existing.revoked_at && existing.scopes.includes('admin');
  if (upToDate) return (await findClient(db, bootstrap.id)) as ApiClient;

  const secretHash = secretMatches && existing ? existing.secret_hash : await hashClientSecret(bootstrap.secret);
  const row = await db.transaction().execute(async (trx) => {
    const saved = await trx
      .insertInto('api_clients')
      .values({
        id: bootstrap.id,
        name: 'bootstrap admin',
        scopes: ['admin'],
        secret_hash: secretHash,
        secret_prefix: visiblePrefix(bootstrap.secret),
        is_bootstrap: true,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          scopes: ['admin'],
          secret_hash: secretHash,
          secret_prefix: visiblePrefix(bootstrap.secret),
          is_bootstrap: true,
          revoked_at: null,
          ...(existing && !secretMatches ? { rotated_at: new Date() } : {}),
        }),
      )
      .returning(PUBLIC_COLUMNS)
      .executeTakeFirstOrThrow();
    if (existing && !secretMatches) await trx.deleteFrom('api_tokens').where('client_id', '=', bootstrap.id).execute();
    await recordAudit(trx, {
      action: existing ? 'client.bootstrapUpdate' : 'client.bootstrapCreate',
      outcome: 'SUCCESS',
      actor: { label: 'configuration' },
      target: { type: 'apiClient', id: bootstrap.id },
      details: { secretChanged: !secretMatches },
    });
    return saved;
  });
  return toClient(row);
}

/** Checks client credentials; undefined when the id is unknown, revoked or the secret is wrong. */
export async function authenticateClient(db: Kysely<DB>, id: string, secret: string): Promise<ApiClient | undefined> {
  const row = await db
    .selectFrom('api_clients')
    .select([...PUBLIC_COLUMNS, 'secret_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
  // The secret is checked (or a decoy is) whether or not the client exists: same work, same time.
  const matches = await verifyClientSecret(secret, row?.secret_hash);
  if (!row || row.revoked_at || !matches) return undefined;
  return toClient(row);
}
