import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { documentFieldNames } from './lookahead.ts';
import { ACCOUNT_COLUMN_NAMES, type AccountColumn } from './read/accounts.ts';

/**
 * The account columns each Account field reads (besides `id`, always read: ids, cursors and
 * nested loads use it). A field of Account missing here (a new one) makes a request read every
 * column, so a field is never resolved from a row without its column; a test lists the missing.
 */
export const ACCOUNT_FIELD_COLUMNS: Record<string, readonly AccountColumn[]> = {
  id: [],
  externalId: ['external_id'],
  slackId: ['slack_id'],
  email: ['email'],
  username: ['username'],
  displayName: ['display_name'],
  realName: ['real_name'],
  status: ['status'],
  type: ['type'],
  isGuest: ['is_guest'],
  guestKind: ['guest_kind'],
  isAdmin: ['is_admin'],
  isOwner: ['is_owner'],
  isPrimaryOwner: ['is_primary_owner'],
  mfaEnabled: ['mfa_enabled'],
  timezone: ['timezone'],
  workspaces: [],
  grants: [],
  requests: [],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
};

const byOperation = new WeakMap<object, readonly AccountColumn[]>();

/**
 * The columns that accounts read by this request need: those of every Account field the
 * request's document selects anywhere (a name shared with another type's field only adds a
 * column), so any account row the request resolves or primes into a loader can serve any of
 * its Account fields. Remembered per parsed document.
 */
export function accountColumnsFor(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>): readonly AccountColumn[] {
  let columns = byOperation.get(info.operation);
  if (!columns) {
    const fields = (info.schema.getType('Account') as GraphQLObjectType).getFields();
    const wanted = new Set<AccountColumn>(['id']);
    for (const name of documentFieldNames(info)) {
      if (!(name in fields)) continue;
      const own = ACCOUNT_FIELD_COLUMNS[name];
      if (!own) {
        for (const c of ACCOUNT_COLUMN_NAMES) wanted.add(c);
        break;
      }
      for (const c of own) wanted.add(c);
    }
    columns = ACCOUNT_COLUMN_NAMES.filter((c) => wanted.has(c));
    byOperation.set(info.operation, columns);
  }
  return columns;
}
