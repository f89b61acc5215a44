import { PothosValidationError } from '@pothos/core';
import { complexityFromQuery, ComplexityErrorKind, type ComplexityErrorFn } from '@pothos/plugin-complexity';
import { Kind, type DocumentNode, type FieldNode } from 'graphql';

/**
 * Refusals of over-limit queries that say what to change: the costliest top-level field by name
 * (with its cost), and how to bring it down. Pothos' own message gives only the totals.
 */
export const complexityError: ComplexityErrorFn = (kind, result, info) => {
  if (kind === ComplexityErrorKind.Depth) {
    return new PothosValidationError(`query depth ${result.depth} is more than the ${result.maxDepth} allowed: ask for the deeper part in a second query (by id)`);
  }
  if (kind === ComplexityErrorKind.Breadth) {
    return new PothosValidationError(`query breadth ${result.breadth} (fields selected) is more than the ${result.maxBreadth} allowed: split it into several queries`);
  }
  const fields = info.operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  let costliest: { name: string; cost: number } | undefined;
  for (const field of fields) {
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [{ ...info.operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }, ...Object.values(info.fragments)],
    };
    try {
      const { complexity } = complexityFromQuery(document, { schema: info.schema, variables: info.variableValues });
      if (!costliest || complexity > costliest.cost) costliest = { name: field.alias?.value ?? field.name.value, cost: complexity };
    } catch {
      // A field that cannot be priced alone is not named.
    }
  }
  const where = costliest ? `; most of it is ${costliest.name} (cost ${costliest.cost})` : '';
  return new PothosValidationError(
    `query complexity (cost) ${result.complexity} is more than the ${result.maxComplexity} allowed${where}: page it with a smaller first (connections cost per item asked) or select fewer nested lists`,
  );
};
