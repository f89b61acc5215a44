import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './health.ts';

export const schema: GraphQLSchema = builder.toSchema();

/** The schema as committed in schema/schema.graphql: printed and sorted for stable diffs. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
