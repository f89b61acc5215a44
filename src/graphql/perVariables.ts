/**
 * Values computed from a parsed operation or document with its variables (a query's price),
 * remembered per (operation, variables): operations come from the parse cache, so a client
 * repeating a query computes once. An operation sent with ever new variables (a search term)
 * keeps its latest `max`. A computation that throws remembers nothing and throws again next time.
 */
export function rememberedPerVariables<V>(max = 100): (owner: object, variables: unknown, compute: () => V) => V {
  const known = new WeakMap<object, Map<string, V>>();
  return (owner, variables, compute) => {
    const key = JSON.stringify(variables);
    let byVariables = known.get(owner);
    const remembered = byVariables?.get(key);
    if (remembered !== undefined) return remembered;
    const value = compute();
    if (!byVariables) known.set(owner, (byVariables = new Map()));
    if (byVariables.size >= max) byVariables.delete(byVariables.keys().next().value as string);
    byVariables.set(key, value);
    return value;
  };
}
