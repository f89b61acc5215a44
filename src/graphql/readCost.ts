import {
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { rememberedPerVariables } from './perVariables.ts';

/**
 * What a document costs the database, beside the size of its answer (the complexity limit).
 * Pages are read by keyset, cheaply, whatever the table's size; two things are not: a `search`
 * filter (a pattern match over every row of the table) and a `totalCount` (a count over every
 * matching row). Each is charged where it appears, once per alias: every alias is a statement of
 * its own. A count or page nested in a page is not multiplied by the page's size, because the
 * loaders read it for the whole page in one grouped statement. Ten clients sending 100 aliases
 * of a searched count gave a trivial query 13.8 s; the limit keeps a document to a few.
 */
export const READ_COSTS = { search: 20, totalCount: 10, limit: 200 };

function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.STRING:
      return node.value;
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
    default:
      return undefined;
  }
}

/** The read cost of one operation with its variables (fragments followed, each selection once per alias). */
export function readCostOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): number {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType, depth: number): number => {
    if (depth > 50) return 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type;
        cost += walk(selection.selectionSet, on, depth + 1);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) cost += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? type, depth + 1);
        continue;
      }
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const args = new Map(selection.arguments?.map((a) => [a.name.value, a.value]) ?? []);
      if (named.name.endsWith('Connection')) {
        const filter = valueOf(args.get('filter'), variables) as { search?: unknown } | undefined;
        if (typeof filter?.search === 'string' && filter.search.trim() !== '') cost += READ_COSTS.search;
        if (selection.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'totalCount')) cost += READ_COSTS.totalCount;
      }
      if (selection.selectionSet) cost += walk(selection.selectionSet, named, depth + 1);
    }
    return cost;
  };
  return walk(operation.selectionSet, root, 0);
}

/**
 * Refuses, before anything runs, a document whose read cost is beyond READ_COSTS.limit. The cost
 * of an operation is computed once per (operation, variables) (perVariables.ts).
 */
export function useReadCostLimit(): Plugin {
  const costs = rememberedPerVariables<number>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number =>
    costs(operation, variables, () => readCostOf(schema, document, operation, variables));
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation) return;
      const cost = costOf(args.schema, document, operation, (args.variableValues ?? {}) as Record<string, unknown>);
      if (cost > READ_COSTS.limit) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `this document costs the database ${cost} (each search ${READ_COSTS.search}, each totalCount ${READ_COSTS.totalCount}, per alias); the limit is ${READ_COSTS.limit}: split it, or drop totalCount where you do not need it`,
              { extensions: { code: 'QUERY_TOO_EXPENSIVE', cost, limit: READ_COSTS.limit } },
            ),
          ],
        });
      }
    },
  };
}
