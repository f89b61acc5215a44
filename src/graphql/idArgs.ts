import { GraphQLError } from 'graphql';
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

/** Wherever an account is named, its email works too (case-insensitive, as account(email:) does). */
export const ACCOUNT_ID: IdTarget = {
  typenames: ['Account'],
  byExternalId: (db, text) => accountIdBy(db, text.includes('@') ? { email: text } : { externalId: text }),
};
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
/** A type without external ids whose number (as the CLI shows it) is accepted instead. */
export function numberedId(typename: string): IdTarget {
  return { typenames: [typename], byExternalId: async (_db, text) => (/^\d{1,15}$/.test(text) ? Number(text) : undefined) };
}
/** Sync runs have no external id; their number (as shown by the CLI) is accepted instead. */
export const SYNC_RUN_ID = numberedId('SyncRun');
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

/**
 * Like resolveIdArg for an optional filter argument: undefined when absent. An id that names
 * nothing is an error naming it: an empty answer would read as "this person has no access".
 */
export async function resolveOptionalIdArg(ctx: GraphQLContext, raw: string | null | undefined, target: IdTarget, argument: string): Promise<number | undefined> {
  if (raw == null) return undefined;
  const id = await resolveIdArg(ctx, raw, target, argument);
  if (id === null) {
    const what = target.typenames.length === 1 ? (target.typenames[0] as string).replace(/[A-Z]/g, (c, i: number) => (i ? ' ' : '') + c.toLowerCase()) : 'resource';
    throw new GraphQLError(`${argument}: no ${what} has the id "${raw}"${target === ACCOUNT_ID ? ' (nor that email)' : ''}; check it, or look it up first`, {
      extensions: { code: 'NOT_FOUND', argument, id: raw },
    });
  }
  return id;
}
