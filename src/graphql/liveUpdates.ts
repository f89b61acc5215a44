import { GraphQLError } from 'graphql';
import type { GraphQLContext } from './context.ts';

/** The event bus subscriptions follow; a gateway without one answers UNAVAILABLE. */
export function requireBus(ctx: GraphQLContext): NonNullable<GraphQLContext['bus']> {
  if (!ctx.bus) throw new GraphQLError('live updates are not available on this gateway (it runs without an event bus)', { extensions: { code: 'UNAVAILABLE' } });
  return ctx.bus;
}
