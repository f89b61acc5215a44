import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeRows, type ExportFormat, type ExportWriter } from './format.ts';

export const REVIEW_COLUMNS = [
  'item_id',
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
  'revoke_request_id',
  'revoke_state',
  'revoke_error',
] as const;

type ReviewRow = Record<(typeof REVIEW_COLUMNS)[number], unknown>;

const PAGE = 2000;

async function* itemPages(db: Kysely<DB>, reviewId: number): AsyncGenerator<ReviewRow[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('review_items as i')
      .leftJoin('accounts as d', 'd.id', 'i.decided_by')
      .leftJoin('requests as r', 'r.id', 'i.request_id')
      .select(['i.id', 'i.grant_external_id', 'i.snapshot', 'i.decision', 'd.external_id as decided_by', 'd.email as decided_by_email', 'i.decided_at', 'i.comment', 'i.request_id', 'r.state', 'r.error'])
      .where('i.review_id', '=', reviewId)
      .where('i.id', '>', after)
      .orderBy('i.id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? after;
    yield rows.map((row) => {
      const s = (row.snapshot ?? {}) as Record<string, unknown>;
      return {
        item_id: row.id,
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
        granted_at: s.grantedAt,
        expires_at: s.expiresAt,
        decision: row.decision,
        decided_by: row.decided_by,
        decided_by_email: row.decided_by_email,
        decided_at: row.decided_at,
        comment: row.comment,
        revoke_request_id: row.request_id,
        revoke_state: row.state,
        revoke_error: row.error,
      };
    });
    if (rows.length < PAGE) return;
  }
}

/** A review's evidence: every item as snapshotted, the decision, who made it and when, and what its revoke did. */
export async function exportReview(db: Kysely<DB>, reviewId: number, format: ExportFormat, sink: ExportWriter, now = new Date()) {
  const review = await db.selectFrom('access_reviews').selectAll().where('id', '=', reviewId).executeTakeFirst();
  if (!review) return undefined;
  const header = {
    kind: 'accessReview',
    exportedAt: now.toISOString(),
    review: { id: review.id, name: review.name, description: review.description, status: review.status, scope: review.scope, reviewerMode: review.reviewer_mode, dueAt: review.due_at, createdAt: review.created_at, closedAt: review.closed_at, items: review.item_count },
  };
  return writeRows(format, REVIEW_COLUMNS, itemPages(db, reviewId), sink, { header, key: 'items' });
}
