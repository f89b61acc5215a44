import SchemaBuilder, { type SchemaTypes } from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { getNamedType, isListType, getNullableType, type GraphQLField } from 'graphql';
import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { hasScope, SCOPES, type Scope } from '../auth/scopes.ts';
import type { GraphQLContext } from './context.ts';
import { decodeGlobalId, encodeGlobalId, EXTERNAL_ID, type DecodedId } from './ids.ts';
import { lookupExternalId } from './read/externalIds.ts';
import { RESOURCE_TYPENAMES } from './typenames.ts';
import { missingScopeError } from './scopeErrors.ts';
import { complexityError } from './complexityMessage.ts';
// Registers the complexity plugin that remembers complexities per operation (named below).
import './rememberedComplexity.ts';
// Registers the plugin that remembers rows fields answer whole, for later loads by id (named below).
import './rememberedRows.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.ts';

/** One boolean per API scope, plus `authenticated` for fields any client may read (viewer). */
export type AuthScopes = { authenticated: boolean } & Record<Scope, boolean>;

/** Connections answer totalCount lazily: the count query runs only when a client selects it. */
export interface ConnectionExtras {
  totalCount: () => Promise<number>;
}

/**
 * The scope map of a token's scopes, made once per scopes list: a verified token's principal
 * (and its list) is remembered across requests, so its requests share one map instead of
 * building it again each time. Scope checks only read it.
 */
const scopeMaps = new WeakMap<readonly string[], Readonly<AuthScopes>>();
function authScopesOf(granted: readonly Scope[]): Readonly<AuthScopes> {
  let scopes = scopeMaps.get(granted);
  if (!scopes) {
    scopes = Object.freeze({ authenticated: true, ...(Object.fromEntries(SCOPES.map((scope) => [scope, hasScope(granted, scope)])) as Record<Scope, boolean>) });
    scopeMaps.set(granted, scopes);
  }
  return scopes;
}

export const QUERY_LIMITS = { complexity: 20_000, depth: 12, breadth: 300 };

// The node resolvers need the builder they are part of; it exists by the time they run.
let built: PothosSchemaTypes.SchemaBuilder<SchemaTypes> | undefined;
const self = () => built as PothosSchemaTypes.SchemaBuilder<SchemaTypes>;

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  AuthScopes: AuthScopes;
  Connection: ConnectionExtras;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    SafeInt: { Input: number; Output: number };
    ID: { Input: string; Output: string | number };
  };
}>({
  // Scope checks run first, so a missing scope is a top-level GraphQL error naming the scope
  // (not a typed payload error); errors before dataloader so load failures can become typed errors;
  // rows are remembered inside the dataloader's wrapper, where a field's own answer is seen.
  plugins: [ScopeAuthPlugin, RelayPlugin, ErrorsPlugin, DataloaderPlugin, 'rememberedRows', ValidationPlugin, 'rememberedComplexity'],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => authScopesOf(ctx.principal.scopes),
    unauthorizedError: (_parent, ctx, info, result) => missingScopeError(ctx.principal.scopes, info, result.failure),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    // The relay plugin's own resolveNode callbacks load the ids as given; ours first turn
    // external ids into global ones, then load through the same per-type loaders.
    nodeQueryOptions: {
      description: 'Any object by global id, or by external id (e.g. userGroup:S123:member).',
      resolve: async (_root, args, ctx, info) => {
        const id = await nodeIdOf(ctx, args.id);
        return id ? ((await resolveNodes(self(), ctx, info, [id]))[0] ?? null) : null;
      },
    },
    nodesQueryOptions: {
      description: 'Objects by global or external ids; null where nothing has the id.',
      resolve: async (_root, args, ctx, info) => {
        const ids = await Promise.all(args.ids.map((id) => nodeIdOf(ctx, id)));
        return resolveNodes(self(), ctx, info, ids);
      },
    },
  },
  errors: { defaultTypes: [] },
  complexity: {
    limit: QUERY_LIMITS,
    complexityError,
    // A connection costs what its page may hold; a plain list is assumed to hold about 10.
    fieldComplexity: (args: Record<string, unknown>, _ctx: GraphQLContext, field: GraphQLField<unknown, GraphQLContext>) => {
      const requested = (args.first ?? args.last) as number | null | undefined;
      if (getNamedType(field.type).name.endsWith('Connection')) {
        return { field: 1, multiplier: Math.min(requested ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
      }
      const connectionPart = field.name === 'edges' || field.name === 'nodes';
      return { field: 1, multiplier: !connectionPart && isListType(getNullableType(field.type)) ? 10 : 1 };
    },
  },
});

built = builder as unknown as PothosSchemaTypes.SchemaBuilder<SchemaTypes>;

// DateTime answers are ISO strings, written as a Date's JSON would be. graphql-scalars hands
// back the Date itself, and a result holding Dates leaves JSON.stringify's fast path: a page of
// 100 grants took twice as long to serialise.
builder.addScalarType('DateTime', DateTimeResolver, {
  serialize: (value) => (value instanceof Date ? value.toISOString() : DateTimeResolver.serialize(value)),
});
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('SafeInt', SafeIntResolver);

// Every query field needs the read scope unless it says otherwise (skipTypeScopes).
builder.queryType({ authScopes: { read: true } });
// A mutation that forgets to declare its scope is admin-only rather than open.
builder.mutationType({ authScopes: { admin: true } });
builder.subscriptionType({ authScopes: { read: true } });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items match the filters, across all pages.',
    resolve: (connection) => connection.totalCount(),
  }),
);

const NODE_TYPENAMES = new Set(['Account', 'Entitlement', 'Grant', 'SyncRun', 'AuditEvent', 'Request', 'AccessReview', 'ReviewItem', ...Object.values(RESOURCE_TYPENAMES)]);

/** The node an id names: a global id as is, an external id looked up (null when nothing has it). */
async function nodeIdOf(ctx: GraphQLContext, id: DecodedId): Promise<{ typename: string; id: unknown } | null> {
  if (id.typename !== EXTERNAL_ID) return NODE_TYPENAMES.has(id.typename) ? id : null;
  const found = await lookupExternalId(ctx.database.db, id.id);
  if (!found) return null;
  const typename =
    found.kind === 'resource' && found.resourceType
      ? RESOURCE_TYPENAMES[found.resourceType]
      : { account: 'Account', entitlement: 'Entitlement', grant: 'Grant', resource: 'Resource' }[found.kind];
  // Loaders are keyed by parsed (numeric) ids, as global ids are once the relay plugin parsed them.
  return { typename, id: found.id };
}
