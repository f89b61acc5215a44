import type { Kysely } from 'kysely';
import { clientActor, recordAudit } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import { ForbiddenError, NotFoundError, type UserError } from './errors.ts';
import type { Actor } from './types.ts';

/** The calling API client as the actor model needs it (a subset of the authenticated principal). */
export interface CallingClient {
  clientId: string;
  /** `self`: the client acts only for `account`; absent or `any`: for whomever it names. */
  actAs?: 'any' | 'self';
  /** The account the client is bound to (`user:U…`), if any. */
  account?: string | null;
}

/** Where a call came from, for audit records. */
export interface CallOrigin {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Who a mutation is made by: the calling client and the person it names (`actorId`, already
 * decoded to an account id; `undefined` when the id named nobody). A client created with
 * `--act-as self` acts only for the account it is bound to: naming no actorId means that
 * account, naming another is refused (and audited). Other clients (`any`, the default) act for
 * whomever they name.
 */
export async function actorFor(db: Kysely<DB>, client: CallingClient, named: { accountId: number | null | undefined; given: string | null | undefined }, origin: CallOrigin): Promise<Actor | UserError> {
  const base: Actor = clientActor(client.clientId);
  if (named.accountId === undefined) return new NotFoundError(`actorId "${named.given}" names no known account`, { field: 'input.actorId' });
  const requested = named.accountId;
  if (client.actAs !== 'self') return requested === null ? base : { ...base, accountId: requested };
  const bound = client.account ?? null;
  const row = bound ? await db.selectFrom('accounts').select('id').where('external_id', '=', bound).executeTakeFirst() : undefined;
  let refusal: UserError | undefined;
  if (!row) refusal = new ForbiddenError(`this client acts only for ${bound ?? 'its bound account'}, which is not a known account (yet: a sync adds it)`, { code: 'ACTOR_NOT_ALLOWED', field: 'input.actorId' });
  else if (requested !== null && requested !== row.id) {
    refusal = new ForbiddenError(`this client may act only for ${bound} (it was created with --act-as self); actorId ${named.given ?? requested} names another account`, { code: 'ACTOR_NOT_ALLOWED', field: 'input.actorId' });
  }
  if (refusal) {
    await recordAudit(db, {
      action: 'actor.refused',
      outcome: 'DENIED',
      actor: base,
      errorCode: refusal.code,
      details: { boundAccount: bound, actorId: named.given ?? null, error: refusal.message },
      ...origin,
    });
    return refusal;
  }
  return row ? { ...base, accountId: row.id } : base;
}

/**
 * A refusal made before a service is reached (an id that names nothing, no service configured),
 * audited like the services' own: FAILURE for what does not exist, DENIED otherwise.
 */
export async function recordRefusal(db: Kysely<DB>, action: string, client: CallingClient, error: UserError, details: Record<string, unknown>, origin: CallOrigin): Promise<{ errors: UserError[] }> {
  await recordAudit(db, {
    action,
    outcome: error instanceof NotFoundError ? 'FAILURE' : 'DENIED',
    actor: clientActor(client.clientId),
    errorCode: error.code,
    details: { ...details, error: error.message },
    ...origin,
  });
  return { errors: [error] };
}
