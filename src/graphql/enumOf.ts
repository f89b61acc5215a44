import { builder } from './builder.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * Declares a GraphQL enum whose values are their own names: from a list of names, or from a map
 * of each name to its description (in the order given).
 */
export function enumOf<const K extends string>(name: string, values: readonly K[] | Readonly<Record<K, string>>, description?: string) {
  const config = Array.isArray(values)
    ? (values as readonly K[])
    : (Object.fromEntries(Object.entries<string>(values as Record<K, string>).map(([value, text]) => [value, { description: text }])) as Record<K, { description: string }>);
  return builder.enumType(name, description === undefined ? { values: config } : { description, values: config }) as PothosSchemaTypes.EnumRef<Types, K>;
}
