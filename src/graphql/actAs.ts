import { actorFor } from '../access/actor.ts';
import type { Actor } from '../access/types.ts';
import type { GraphQLContext } from './context.ts';
import type { UserError } from './errors.ts';
import { ACCOUNT_ID, resolveIdArg } from './idArgs.ts';

/** Where the call came from, as audit records keep it. */
export const originOf = (ctx: GraphQLContext) => ({ ip: ctx.origin.ip, userAgent: ctx.origin.userAgent });

/**
 * The acting person of a mutation (`actorId`, a global or external account id) under the
 * client's actor rule (access/actor.ts); a NotFoundError when the id names nobody.
 */
export async function actorOf(ctx: GraphQLContext, actorId: string | null | undefined): Promise<Actor | UserError> {
  const accountId = actorId == null ? null : ((await resolveIdArg(ctx, actorId, ACCOUNT_ID, 'input.actorId')) ?? undefined);
  return actorFor(ctx.database.db, ctx.principal, { accountId, given: actorId }, originOf(ctx));
}
