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

const namesByDocument = new WeakMap<object, Set<string>>();

/**
 * The names of every field the request's operation and fragments select, at any depth and on
 * any type, remembered per parsed document. A resolver that reads only the columns its type's
 * selected fields need asks this rather than its own selection: every object of that type the
 * request resolves anywhere (and any loader it primes) then has the columns its fields need.
 */
export function documentFieldNames(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): Set<string> {
  let names = namesByDocument.get(info.operation);
  if (!names) {
    const out = new Set<string>();
    const walk = (set: SelectionSetNode | undefined) => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === 'Field') out.add(selection.name.value);
        if (selection.kind !== 'FragmentSpread') walk(selection.selectionSet);
      }
    };
    walk(info.operation.selectionSet);
    for (const fragment of Object.values(info.fragments)) walk(fragment.selectionSet);
    names = out;
    namesByDocument.set(info.operation, names);
  }
  return names;
}
