import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLArgument, type GraphQLSchema } from 'graphql';

// The same few fields recur on every connection, edge and node (Relay's conventions): they are
// described once here rather than at each of their dozens of definitions. A field described
// where it is defined keeps its own description.

const CONNECTION_FIELDS: Record<string, string> = {
  edges: 'The items of this page, each with its cursor.',
  pageInfo: 'Where this page is: whether more pages follow or precede, and the cursors to ask for them.',
};
const EDGE_FIELDS: Record<string, string> = {
  node: 'The item.',
  cursor: 'Opaque position of this item: pass it as after (or before) to page on from here.',
};
const COMMON_FIELDS: Record<string, string> = {
  id: 'Global id (opaque): accepted by node(id:) and every ID argument.',
  createdAt: 'When the gateway recorded it.',
  updatedAt: 'When the gateway last changed it.',
};
const PAGE_ARGS: Record<string, string> = {
  first: 'Page size from the start (or after `after`): at most 100, default 20.',
  after: 'Cursor of the item the page starts after (from pageInfo.endCursor or an edge).',
  last: 'Page size from the end (or before `before`): at most 100.',
  before: 'Cursor of the item the page ends before (from pageInfo.startCursor or an edge).',
  input: 'What to do, as one input object.',
};

function describeArgs(args: readonly GraphQLArgument[]): void {
  for (const arg of args) if (!arg.description && PAGE_ARGS[arg.name]) arg.description = PAGE_ARGS[arg.name] as string;
}

export function describeGenericFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      const isConnection = type.name.endsWith('Connection');
      const isEdge = type.name.endsWith('Edge');
      if (!type.description && isConnection) type.description = `A page of ${type.name.slice(0, -'Connection'.length)} items.`;
      if (!type.description && isEdge) type.description = `One ${type.name.slice(0, -'Edge'.length)} of a page, with its cursor.`;
      for (const field of Object.values(type.getFields())) {
        const generic = (isConnection ? CONNECTION_FIELDS[field.name] : undefined) ?? (isEdge ? EDGE_FIELDS[field.name] : undefined) ?? COMMON_FIELDS[field.name];
        if (!field.description && generic) field.description = generic;
        describeArgs(field.args);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description && field.name === 'idempotencyKey') field.description = 'A retried call with the same key answers the first outcome without changing anything again.';
    }
  }
  return schema;
}

/**
 * Fills in the descriptions of DESCRIPTIONS ("Type", "Type.field", "Type.field(arg)",
 * "Enum.VALUE") where the definition has none; answers the keys that named nothing (stale).
 */
export function applyDescriptions(schema: GraphQLSchema, descriptions: Record<string, string>): string[] {
  const used = new Set<string>();
  const fill = (key: string, target: { description?: string | null | undefined }) => {
    const text = descriptions[key];
    if (text === undefined) return;
    used.add(key);
    if (!target.description) target.description = text;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    fill(type.name, type);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        fill(`${type.name}.${field.name}`, field);
        if ('args' in field) for (const arg of field.args) fill(`${type.name}.${field.name}(${arg.name})`, arg);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) fill(`${type.name}.${value.name}`, value);
  }
  return Object.keys(descriptions).filter((key) => !used.has(key));
}
