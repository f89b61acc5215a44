import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pagesById, writeRows, type ExportFormat, type ExportWriter } from './format.ts';

/**
 * The evidence's columns. Everything is named by its external id (grants, entitlements, accounts:
 * Slack ids and emails; the revoke request by its number, as the API and Slack show it), never by
 * a database id; every time is ISO 8601 in UTC (`2026-11-28T14:00:00.123Z`).
 */
export const REVIEW_COLUMNS = [
  'grant',
  'entitlement',
  'entitlement_name',
  'resource_type',
  'resource',
  'account',
  'slack_id',
  'email',
  'name',
  'account_status',
  'source',
  'granted_at',
  'expires_at',
  'decision',
  'decided_by',
  'decided_by_email',
  'decided_at',
  'comment',
  'revoke_request',
  'revoke_state',
  'revoke_error',
] as const;

type ReviewRow = Record<(typeof REVIEW_COLUMNS)[number], unknown>;

function itemPages(db: Kysely<DB>, reviewId: number): AsyncGenerator<ReviewRow[]> {
  return pagesById(
    (after, limit) =>
      db
        .selectFrom('review_items as i')
        .leftJoin('accounts as d', 'd.id', 'i.decided_by')
        .leftJoin('requests as r', 'r.id', 'i.request_id')
        .select(['i.id', 'i.grant_external_id', 'i.snapshot', 'i.decision', 'd.external_id as decided_by', 'd.email as decided_by_email', 'i.decided_at', 'i.comment', 'r.id as request_number', 'r.state', 'r.error'])
        .where('i.review_id', '=', reviewId)
        .where('i.id', '>', after)
        .orderBy('i.id')
        .limit(limit)
        .execute(),
    (rows) =>
      rows.map((row) => {
          const s = (row.snapshot ?? {}) as Record<string, unknown>;
          return {
            grant: row.grant_external_id,
            entitlement: s.entitlement,
            entitlement_name: s.entitlementName,
            resource_type: s.resourceType,
            resource: s.resource,
            account: s.account,
            slack_id: s.slackId,
            email: s.email,
            name: s.name,
            account_status: s.accountStatus,
            source: s.source,
            granted_at: isoUtc(s.grantedAt),
            expires_at: isoUtc(s.expiresAt),
            decision: row.decision,
            decided_by: row.decided_by,
            decided_by_email: row.decided_by_email,
            decided_at: isoUtc(row.decided_at),
            comment: row.comment,
            revoke_request: row.request_number,
            revoke_state: row.state,
            revoke_error: row.error,
          };
      }),
  );
}

/**
 * The one timestamp format of evidence: ISO 8601 in UTC with milliseconds. Snapshots hold
 * Postgres's JSON rendering (`2026-11-28T14:00:00.123456+00:00`), columns Dates; both come out alike.
 */
export function isoUtc(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** A review's stored scope (database ids of entitlements) as the API takes it: entitlement external ids. */
export async function externalScope(db: Kysely<DB>, scope: unknown): Promise<{ entitlementIds: string[] | null; resourceTypes: string[] | null; workspaceId: string | null }> {
  const s = (typeof scope === 'string' ? JSON.parse(scope) : (scope ?? {})) as { entitlementIds?: number[] | null; resourceTypes?: string[] | null; workspaceId?: string | null };
  let entitlementIds: string[] | null = null;
  if (s.entitlementIds?.length) {
    const rows = await db.selectFrom('entitlements').select(['id', 'external_id']).where('id', 'in', s.entitlementIds).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r.external_id]));
    entitlementIds = s.entitlementIds.map((id) => byId.get(Number(id)) ?? 'deleted entitlement');
  }
  return { entitlementIds, resourceTypes: s.resourceTypes ?? null, workspaceId: s.workspaceId ?? null };
}

/** A review's evidence: every item as snapshotted, the decision, who made it and when, and what its revoke did. */
export async function exportReview(db: Kysely<DB>, reviewId: number, format: ExportFormat, sink: ExportWriter, now = new Date()) {
  const review = await db.selectFrom('access_reviews').selectAll().where('id', '=', reviewId).executeTakeFirst();
  if (!review) return undefined;
  const [reviewers, creator] = await Promise.all([
    db
      .selectFrom('access_review_reviewers as v')
      .innerJoin('accounts as a', 'a.id', 'v.account_id')
      .select(['a.external_id', 'a.email'])
      .where('v.review_id', '=', reviewId)
      .orderBy('a.external_id')
      .execute(),
    review.created_by_account === null ? undefined : db.selectFrom('accounts').select(['external_id', 'email']).where('id', '=', review.created_by_account).executeTakeFirst(),
  ]);
  const header = {
    kind: 'accessReview',
    exportedAt: isoUtc(now),
    review: {
      number: review.id,
      name: review.name,
      description: review.description,
      status: review.status,
      scope: await externalScope(db, review.scope),
      reviewerMode: review.reviewer_mode,
      reviewers: reviewers.map((r) => ({ account: r.external_id, email: r.email })),
      createdBy: creator ? { account: creator.external_id, email: creator.email } : null,
      createdByClient: review.created_by_client,
      dueAt: isoUtc(review.due_at),
      createdAt: isoUtc(review.created_at),
      closedAt: isoUtc(review.closed_at),
      items: review.item_count,
    },
  };
  return writeRows(format, REVIEW_COLUMNS, itemPages(db, reviewId), sink, { header, key: 'items' });
}
