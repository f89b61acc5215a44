import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pagesById, writeRows, type ExportFormat, type ExportWriter } from './format.ts';

export const GRANT_COLUMNS = [
  'grant',
  'entitlement',
  'entitlement_name',
  'resource_type',
  'resource',
  'workspace',
  'account',
  'slack_id',
  'email',
  'name',
  'account_status',
  'account_type',
  'is_guest',
  'source',
  'granted_at',
  'expires_at',
  'request_id',
] as const;

type GrantRow = Record<(typeof GRANT_COLUMNS)[number], unknown>;

/** Every grant, page by page in id order. */
function grantPages(db: Kysely<DB>): AsyncGenerator<GrantRow[]> {
  return pagesById(
    (after, limit) =>
      db
        .selectFrom('grants as g')
        .innerJoin('entitlements as e', 'e.id', 'g.entitlement_id')
        .innerJoin('resources as r', 'r.id', 'e.resource_id')
        .innerJoin('accounts as a', 'a.id', 'g.account_id')
        .select([
          'g.id',
          'g.external_id as grant',
          'e.external_id as entitlement',
          'e.display_name as entitlement_name',
          'r.resource_type',
          'r.display_name as resource',
          'r.workspace_id as workspace',
          'a.external_id as account',
          'a.slack_id',
          'a.email',
          'a.real_name',
          'a.display_name',
          'a.status as account_status',
          'a.type as account_type',
          'a.is_guest',
          'g.source',
          'g.granted_at',
          'g.expires_at',
          'g.request_id',
        ])
        .where('g.id', '>', after)
        .orderBy('g.id')
        .limit(limit)
        .execute(),
    (rows) => rows.map(({ id: _id, real_name, display_name, ...rest }) => ({ ...rest, name: real_name || display_name })),
  );
}

/** The access snapshot for auditors: who holds what, now, as the cache knows it. */
export async function exportGrants(db: Kysely<DB>, format: ExportFormat, sink: ExportWriter, now = new Date()) {
  const header = { kind: 'grants', exportedAt: now.toISOString() };
  return writeRows(format, GRANT_COLUMNS, grantPages(db), sink, { header, key: 'grants' });
}
