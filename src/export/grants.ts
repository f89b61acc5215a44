import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeRows, type ExportFormat, type ExportWriter } from './format.ts';

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

const PAGE = 2000;

/** Every grant, page by page in id order (bounded memory whatever the size of the organization). */
async function* grantPages(db: Kysely<DB>): AsyncGenerator<GrantRow[]> {
  let after = 0;
  for (;;) {
    const rows = await db
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
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? after;
    yield rows.map(({ id: _id, real_name, display_name, ...rest }) => ({ ...rest, name: real_name || display_name }));
    if (rows.length < PAGE) return;
  }
}

/** The access snapshot for auditors: who holds what, now, as the cache knows it. */
export async function exportGrants(db: Kysely<DB>, format: ExportFormat, sink: ExportWriter, now = new Date()) {
  const header = { kind: 'grants', exportedAt: now.toISOString() };
  return writeRows(format, GRANT_COLUMNS, grantPages(db), sink, { header, key: 'grants' });
}
