import SchemaBuilder, { type SchemaTypes } from '@pothos/core';
import { PothosComplexityPlugin } from '@pothos/plugin-complexity';
import { rememberedPerVariables } from './perVariables.ts';

/**
 * Pothos's complexity plugin, its limit check unchanged, with the complexity of an operation
 * remembered per (operation, variables) instead of per request. The plugin walks the whole
 * operation once for every request that reaches a root field (a twentieth of a small read's
 * CPU); operations come parsed from the document cache, so a client repeating a query is walked
 * once. This holds because our cost model reads a field's arguments only, never the context
 * (see `complexity.fieldComplexity` in builder.ts), like the per-client budget's price.
 */
export class RememberedComplexityPlugin<Types extends SchemaTypes> extends PothosComplexityPlugin<Types> {
  constructor(...args: ConstructorParameters<typeof PothosComplexityPlugin<Types>>) {
    super(...args);
    const walk = this.complexityCache;
    const known = rememberedPerVariables<ReturnType<typeof walk>>();
    // An operation that cannot be priced throws in `walk`, every time, as before.
    const remembering = (ctx: Types['Context'], info: Parameters<typeof walk>[1]) => known(info.operation, info.variableValues, () => walk(ctx, info));
    this.complexityCache = Object.assign(remembering, { delete: (ctx: Types['Context']) => walk.delete(ctx) });
  }
}

SchemaBuilder.registerPlugin('rememberedComplexity', RememberedComplexityPlugin);

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      rememberedComplexity: RememberedComplexityPlugin<Types>;
    }
  }
}
