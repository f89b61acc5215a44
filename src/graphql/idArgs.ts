import type { Kysely } from 'kysely';
import type { DB, ResourceType } from '../db/schema.ts';
import type { GraphQLContext } from './context.ts';
import { badIdError, decodeGlobalId, EXTERNAL_ID } from './ids.ts';
import { accountIdBy } from './read/accounts.ts';
import { entitlementIdByExternalId } from './read/entitlements.ts';
import { grantIdByExternalId } from './read/grants.ts';
import { resourceIdByExternalId } from './read/resources.ts';
import { RESOURCE_TYPENAMES } from './refs.ts';

/** What an ID argument may name: its GraphQL types, and how to find an external id. */
export interface IdTarget {
  typenames: readonly string[];
  byExternalId(db: Kysely<DB>, externalId: string): Promise<number | undefined>;
}

export const ACCOUNT_ID: IdTarget = { typenames: ['Account'], byExternalId: (db, externalId) => accountIdBy(db, { externalId }) };
export const ENTITLEMENT_ID: IdTarget = { typenames: ['Entitlement'], byExternalId: entitlementIdByExternalId };
export const GRANT_ID: IdTarget = { typenames: ['Grant'], byExternalId: grantIdByExternalId };
export const WORKSPACE_ID: IdTarget = { typenames: ['Workspace'], byExternalId: (db, externalId) => resourceIdByExternalId(db, externalId, ['workspace']) };
export const RESOURCE_ID: IdTarget = {
  typenames: Object.values(RESOURCE_TYPENAMES),
  byExternalId: (db, externalId) => resourceIdByExternalId(db, externalId),
};
export function resourceIdOfType(type: ResourceType): IdTarget {
  return { typenames: [RESOURCE_TYPENAMES[type]], byExternalId: (db, externalId) => resourceIdByExternalId(db, externalId, [type]) };
}
/** Sync runs have no external id; their number (as shown by the CLI) is accepted instead. */
export const SYNC_RUN_ID: IdTarget = {
  typenames: ['SyncRun'],
  byExternalId: async (_db, text) => (/^\d{1,15}$/.test(text) ? Number(text) : undefined),
};
export const AUDIT_EVENT_ID: IdTarget = { typenames: ['AuditEvent'], byExternalId: async () => undefined };

/**
 * The internal id an ID argument names (a global id or an external id), or null when nothing
 * has that external id. A global id of another type is a client error, reported as such.
 */
export async function resolveIdArg(ctx: GraphQLContext, raw: string, target: IdTarget, argument: string): Promise<number | null> {
  const decoded = decodeGlobalId(raw);
  if (decoded.typename !== EXTERNAL_ID) {
    if (!target.typenames.includes(decoded.typename)) throw badIdError(raw, target.typenames, argument);
    return Number(decoded.id);
  }
  return (await target.byExternalId(ctx.database.db, raw)) ?? null;
}

/** Like resolveIdArg for an optional filter argument: undefined when absent. */
export async function resolveOptionalIdArg(ctx: GraphQLContext, raw: string | null | undefined, target: IdTarget, argument: string): Promise<number | null | undefined> {
  if (raw == null) return undefined;
  return resolveIdArg(ctx, raw, target, argument);
}
