import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The fields of selection sets, with fragments (inline and named) flattened into them. */
function fieldsOf(sets: readonly (SelectionSetNode | undefined)[], info: Info, out: FieldNode[] = []): FieldNode[] {
  for (const set of sets) {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') out.push(selection);
      else if (selection.kind === 'InlineFragment') fieldsOf([selection.selectionSet], info, out);
      else fieldsOf([info.fragments[selection.name.value]?.selectionSet], info, out);
    }
  }
  return out;
}

const named = (fields: FieldNode[], name: string) => fields.filter((f) => f.name.value === name);

/**
 * The names of the fields a connection field's nodes select, under `edges { node }` or `nodes`,
 * through fragments. Directives are not evaluated: a field under @skip counts as selected, which
 * costs at most a statement that was not needed.
 */
export function connectionNodeFields(info: Info): Set<string> {
  const connection = fieldsOf(info.fieldNodes.map((f) => f.selectionSet), info);
  const edges = fieldsOf(named(connection, 'edges').map((f) => f.selectionSet), info);
  const nodes = [...named(edges, 'node'), ...named(connection, 'nodes')];
  return new Set(fieldsOf(nodes.map((f) => f.selectionSet), info).map((f) => f.name.value));
}
