import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AccessReview, ReviewItem } from '../../access/reviews.ts';
import type { DB } from '../../db/schema.ts';
import { applyKeyset, byId, countRows, type KeysetOrder, type PageRequest } from '../pagination.ts';

export type ReviewStatus = AccessReview['status'];

/** Newest first. */
export const reviewOrder: KeysetOrder<AccessReview> = byId<AccessReview>('access_reviews.id', 'desc');
export const reviewItemOrder: KeysetOrder<ReviewItem> = byId<ReviewItem>('review_items.id');

/** Which items of one review a list shows; ids are already resolved to database ids. */
export interface ReviewItemFilter {
  reviewId: number;
  decisions?: ('KEEP' | 'REVOKE')[] | null;
  undecided?: boolean | null;
  accountId?: number | null;
  entitlementId?: number | null;
}

export function reviewsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<AccessReview[]> {
  return db.selectFrom('access_reviews').selectAll().where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
}

export function reviewItemsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<ReviewItem[]> {
  return db.selectFrom('review_items').selectAll().where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
}

/** The named reviewers of a review (account ids, in id order). */
export async function reviewerIdsOf(db: Kysely<DB>, reviewId: number): Promise<number[]> {
  return (await db.selectFrom('access_review_reviewers').select('account_id').where('review_id', '=', reviewId).orderBy('account_id').execute()).map((x) => x.account_id);
}

function reviewsQuery(db: Kysely<DB>, statuses: readonly ReviewStatus[] | null | undefined): SelectQueryBuilder<DB, 'access_reviews', AccessReview> {
  let q = db.selectFrom('access_reviews').selectAll('access_reviews');
  if (statuses?.length) q = q.where('access_reviews.status', 'in', statuses);
  return q;
}

/** One page of reviews: one statement, keyset cursors. */
export function reviewsPage(db: Kysely<DB>, statuses: readonly ReviewStatus[] | null | undefined, page: PageRequest): Promise<AccessReview[]> {
  return applyKeyset(reviewsQuery(db, statuses), reviewOrder, page).execute();
}

export async function countReviews(db: Kysely<DB>, statuses: readonly ReviewStatus[] | null | undefined): Promise<number> {
  return countRows(reviewsQuery(db, statuses));
}

function itemQuery(db: Kysely<DB>, f: ReviewItemFilter): SelectQueryBuilder<DB, 'review_items', ReviewItem> {
  let q = db.selectFrom('review_items').selectAll('review_items').where('review_items.review_id', '=', f.reviewId);
  if (f.decisions?.length) q = q.where('review_items.decision', 'in', f.decisions);
  if (f.undecided === true) q = q.where('review_items.decision', 'is', null);
  if (f.undecided === false) q = q.where('review_items.decision', 'is not', null);
  if (f.accountId != null) q = q.where('review_items.account_id', '=', f.accountId);
  if (f.entitlementId != null) q = q.where('review_items.entitlement_id', '=', f.entitlementId);
  return q;
}

/** One page of a review's items: one statement, keyset cursors. */
export function reviewItemsPage(db: Kysely<DB>, f: ReviewItemFilter, page: PageRequest): Promise<ReviewItem[]> {
  return applyKeyset(itemQuery(db, f), reviewItemOrder, page).execute();
}

export async function countReviewItems(db: Kysely<DB>, f: ReviewItemFilter): Promise<number> {
  return countRows(itemQuery(db, f));
}
