import { recordAudit } from '../audit/record.ts';
import type { GraphQLContext } from './context.ts';
import { ForbiddenError, type UserError } from './errors.ts';

/**
 * The person a mutation is made for, under the client's actor rule. A client created with
 * `--act-as self` acts only for the account it is bound to: naming no actorId means that
 * account, naming another is refused (and audited). Other clients (`any`, the default) act for
 * whomever they name, as before.
 */
export async function actorUnderRule(ctx: GraphQLContext, requested: number | null, requestedId?: string | null): Promise<number | null | UserError> {
  if (ctx.principal.actAs !== 'self') return requested;
  const bound = ctx.principal.account ?? null;
  const row = bound ? await ctx.database.db.selectFrom('accounts').select('id').where('external_id', '=', bound).executeTakeFirst() : undefined;
  let refusal: UserError | undefined;
  if (!row) refusal = new ForbiddenError(`this client acts only for ${bound ?? 'its bound account'}, which is not a known account (yet: a sync adds it)`, { code: 'ACTOR_NOT_ALLOWED', field: 'input.actorId' });
  else if (requested !== null && requested !== row.id) {
    refusal = new ForbiddenError(`this client may act only for ${bound} (it was created with --act-as self); actorId ${requestedId ?? requested} names another account`, { code: 'ACTOR_NOT_ALLOWED', field: 'input.actorId' });
  }
  if (refusal) {
    await recordAudit(ctx.database.db, {
      action: 'actor.refused',
      outcome: 'DENIED',
      actor: { apiClientId: ctx.principal.clientId, label: `client:${ctx.principal.clientId}` },
      errorCode: refusal.code,
      details: { boundAccount: bound, actorId: requestedId ?? null, error: refusal.message },
      ip: ctx.origin.ip,
      userAgent: ctx.origin.userAgent,
    });
    return refusal;
  }
  return row?.id ?? null;
}
