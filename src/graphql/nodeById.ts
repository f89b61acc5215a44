import type { InterfaceParam, ObjectParam } from '@pothos/core';
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from './builder.ts';
import { emptyConnection } from './emptyConnection.ts';
import type { keysetConnection } from './pagination.ts';
import { resolveIdArg, type IdTarget } from './idArgs.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * The arguments and resolver of a root field that finds one object by its `id` (global, or
 * external as `target` accepts it): null when nothing has it.
 */
export function byIdArg(t: PothosSchemaTypes.QueryFieldBuilder<Types, object>, target: IdTarget) {
  return {
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root: unknown, args: { id: string }, ctx: Types['Context']) => resolveIdArg(ctx, args.id, target, 'id'),
  };
}

type Connection = Awaited<ReturnType<typeof emptyConnection>> | Awaited<ReturnType<typeof keysetConnection>>;

/**
 * A root connection field `<name>s`-style over `type`, with an optional `filter` argument of
 * `filter`'s input type; `resolve` gets the filter as given (or empty) and answers a page.
 * Its connection and edge types are `<name>Connection` and `<name>Edge`.
 */
export function filteredConnection<Filter extends object>(
  t: PothosSchemaTypes.QueryFieldBuilder<Types, object>,
  name: string,
  options: { type: ObjectParam<Types> | InterfaceParam<Types>; filter: PothosSchemaTypes.InputObjectRef<Types, Filter>; description: string; connectionDescription?: string; edgeDescription?: string },
  resolve: (filter: Partial<Filter>, args: DefaultConnectionArguments, ctx: Types['Context'], info: GraphQLResolveInfo) => Promise<Connection>,
) {
  return t.connection(
    {
      type: options.type,
      description: options.description,
      args: { filter: t.arg({ type: options.filter, required: false }) },
      // Pothos cannot narrow its mapped args type over a generic Filter; this is its shape.
      resolve: (_root, args, ctx, info) => resolve((args as DefaultConnectionArguments & { filter?: Filter | null }).filter ?? {}, args, ctx, info),
    },
    { name: `${name}Connection`, ...(options.connectionDescription === undefined ? {} : { description: options.connectionDescription }) },
    { name: `${name}Edge`, ...(options.edgeDescription === undefined ? {} : { description: options.edgeDescription }) },
  );
}
