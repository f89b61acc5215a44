import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import { DESCRIPTIONS } from './descriptions.ts';
import { applyDescriptions, describeGenericFields } from './genericDescriptions.ts';
// One file per domain type, each with its root fields; importing them registers them.
import './errors.ts';
import './health.ts';
import './viewer.ts';
import './connector.ts';
import './resource.ts';
import './account.ts';
import './entitlement.ts';
import './grant.ts';
import './syncRun.ts';
import './auditEvent.ts';
import './provisioning.ts';
import './policy.ts';
import './requests.ts';
import './reviews.ts';
import './apiClients.ts';
import './accessChanges.ts';
import './liveCache.ts';

export const schema: GraphQLSchema = describeGenericFields(builder.toSchema());
/** Entries of DESCRIPTIONS that name nothing in the schema (a test keeps this empty). */
export const staleDescriptions: string[] = applyDescriptions(schema, DESCRIPTIONS);

/** The schema as committed in schema/schema.graphql: printed and sorted for stable diffs. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
