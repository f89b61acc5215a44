import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AuditEvent, AuditOutcome, DB } from '../../db/schema.ts';
import { applyKeyset, type KeysetOrder, type PageRequest, countRows } from '../pagination.ts';

/** An audit event with its time as a full-precision (microsecond) UTC string, for cursors. */
export type AuditEventRow = AuditEvent & { occurred_at_key: string };

export interface AuditFilter {
  apiClientId?: string | null;
  actorAccountId?: number | null;
  actions?: string[] | null;
  outcomes?: AuditOutcome[] | null;
  targetId?: string | null;
  targetType?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Newest first, by time; the id breaks ties between events of the same microsecond. */
export const auditOrder: KeysetOrder<AuditEventRow> = {
  columns: [
    { ref: 'audit_events.occurred_at', type: 'timestamptz' },
    { ref: 'audit_events.id', type: 'bigint' },
  ],
  direction: 'desc',
  valuesOf: (row) => [row.occurred_at_key, row.id],
};

function filtered(db: Kysely<DB>, filter: AuditFilter): SelectQueryBuilder<DB, 'audit_events', AuditEventRow> {
  let query = db
    .selectFrom('audit_events')
    .selectAll('audit_events')
    .select(sql<string>`to_char(audit_events.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('occurred_at_key'));
  if (filter.apiClientId != null) query = query.where('audit_events.api_client_id', '=', filter.apiClientId);
  if (filter.actorAccountId != null) query = query.where('audit_events.actor_account_id', '=', filter.actorAccountId);
  if (filter.actions?.length) query = query.where('audit_events.action', 'in', filter.actions);
  if (filter.outcomes?.length) query = query.where('audit_events.outcome', 'in', filter.outcomes);
  if (filter.targetId != null) query = query.where('audit_events.target_id', '=', filter.targetId);
  if (filter.targetType != null) query = query.where('audit_events.target_type', '=', filter.targetType);
  if (filter.from) query = query.where('audit_events.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('audit_events.occurred_at', '<', filter.to);
  return query;
}

export async function auditPage(db: Kysely<DB>, filter: AuditFilter, page: PageRequest): Promise<AuditEventRow[]> {
  return applyKeyset(filtered(db, filter), auditOrder, page).execute();
}

export async function countAuditEvents(db: Kysely<DB>, filter: AuditFilter): Promise<number> {
  return countRows(filtered(db, filter));
}

export async function auditEventsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<AuditEventRow[]> {
  return filtered(db, {}).where('audit_events.id', '=', sql<number>`any(${ids}::bigint[])`).execute();
}
