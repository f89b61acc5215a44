import SchemaBuilder, { type SchemaTypes } from '@pothos/core';
import { PothosComplexityPlugin } from '@pothos/plugin-complexity';
import type { OperationDefinitionNode } from 'graphql';

/** Complexities remembered per operation: a document sent with ever new variables keeps its latest few. */
const MAX_PER_OPERATION = 100;

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
    const known = new WeakMap<OperationDefinitionNode, Map<string, ReturnType<typeof walk>>>();
    const remembering = (ctx: Types['Context'], info: Parameters<typeof walk>[1]) => {
      const key = JSON.stringify(info.variableValues);
      let byVariables = known.get(info.operation);
      const remembered = byVariables?.get(key);
      if (remembered) return remembered;
      // An operation that cannot be priced throws here, every time, as before.
      const complexity = walk(ctx, info);
      if (!byVariables) known.set(info.operation, (byVariables = new Map()));
      if (byVariables.size >= MAX_PER_OPERATION) byVariables.delete(byVariables.keys().next().value as string);
      byVariables.set(key, complexity);
      return complexity;
    };
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
