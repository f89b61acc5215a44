import type { AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { SCOPES, type Scope } from '../auth/scopes.ts';

/** The API scopes whose absence made an authorization check fail. */
function missingScopes(failure: AuthFailure): string[] {
  switch (failure.kind) {
    case 'AuthScope':
      return [failure.scope];
    case 'AnyAuthScopes':
    case 'AllAuthScopes':
      return failure.failures.flatMap(missingScopes);
    default:
      return [];
  }
}

/** A GraphQL error that names the scope(s) the calling client lacks. */
export function missingScopeError(granted: readonly Scope[], info: GraphQLResolveInfo, failure: AuthFailure): GraphQLError {
  const field = `${info.parentType.name}.${info.fieldName}`;
  const missing = [...new Set(missingScopes(failure))].filter((s) => (SCOPES as readonly string[]).includes(s));
  const needed = missing.length > 0 ? missing.map((s) => `"${s}"`).join(' or ') : 'a scope this client does not hold';
  const held = granted.length > 0 ? granted.join(', ') : 'none';
  return new GraphQLError(`missing scope ${needed}: ${field} needs it (or "admin"); this client's token has: ${held}`, {
    extensions: { code: 'FORBIDDEN', missingScopes: missing, http: { status: 200 } },
  });
}
