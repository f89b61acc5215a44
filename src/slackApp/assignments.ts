import { loadPolicies } from '../access/policies.ts';
import type { SlackAppContext } from './context.ts';

// Who reviews what: the named reviewers of a review, or each item's entitlement's approvers
// (the same rule ReviewService.decide applies), never one's own access.

export interface AssignedItem {
  reviewId: number;
  reviewName: string;
  dueAt: Date | null;
  itemId: number;
  entitlementId: number;
  accountId: number;
}

/** Most undecided items read per review when working out assignments. */
const ITEMS_PER_REVIEW = 5000;

/** Undecided items of open reviews, with the reviewers who may decide each. */
export async function undecidedAssignments(ctx: SlackAppContext, options: { reviewIds?: number[] } = {}): Promise<{ item: AssignedItem; reviewers: number[] }[]> {
  let reviewsQuery = ctx.db.selectFrom('access_reviews').select(['id', 'name', 'due_at', 'reviewer_mode']).where('status', '=', 'OPEN');
  if (options.reviewIds) reviewsQuery = reviewsQuery.where('id', 'in', options.reviewIds.length ? options.reviewIds : [-1]);
  const reviews = await reviewsQuery.orderBy('id').execute();
  const out: { item: AssignedItem; reviewers: number[] }[] = [];
  for (const review of reviews) {
    const items = await ctx.db
      .selectFrom('review_items')
      .select(['id', 'entitlement_id', 'account_id'])
      .where('review_id', '=', review.id)
      .where('decision', 'is', null)
      .orderBy('id')
      .limit(ITEMS_PER_REVIEW)
      .execute();
    if (items.length === 0) continue;
    let named: number[] = [];
    let policies = new Map<number, { approverIds: number[] }>();
    if (review.reviewer_mode === 'EXPLICIT') {
      named = (await ctx.db.selectFrom('access_review_reviewers').select('account_id').where('review_id', '=', review.id).execute()).map((r) => r.account_id);
    } else {
      policies = await loadPolicies(ctx.db, [...new Set(items.map((i) => i.entitlement_id))]);
    }
    for (const i of items) {
      const candidates = review.reviewer_mode === 'EXPLICIT' ? named : (policies.get(i.entitlement_id)?.approverIds ?? []);
      out.push({
        item: { reviewId: review.id, reviewName: review.name, dueAt: review.due_at, itemId: i.id, entitlementId: i.entitlement_id, accountId: i.account_id },
        reviewers: candidates.filter((id) => id !== i.account_id),
      });
    }
  }
  return out;
}

export async function itemsFor(ctx: SlackAppContext, accountId: number): Promise<AssignedItem[]> {
  return (await undecidedAssignments(ctx)).filter((a) => a.reviewers.includes(accountId)).map((a) => a.item);
}
