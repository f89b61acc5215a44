import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects at `path` below the field being resolved (through
 * fragments and inline fragments), e.g. `['edges', 'node']` of a connection: a resolver can then
 * fetch in one statement what the selected child fields would otherwise load one by one.
 * Directives are not evaluated: a field under `@skip` counts as selected, which only costs a
 * join, never a wrong answer.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) level = childFields(info, level).filter((f) => f.name.value === name);
  return new Set(childFields(info, level).map((f) => f.name.value));
}

function childFields(info: GraphQLResolveInfo, fields: readonly FieldNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const field of fields) visit(field.selectionSet, new Set());
  return out;
}
