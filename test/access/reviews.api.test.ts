import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionResult, SlackgateClient } from '../../src/client/index.ts';
import { CloseReviewDocument, DecideItemsDocument, ReviewItemsDocument, ReviewsByStatusDocument, StartReviewDocument, type ReviewItemsQuery } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Access reviews through the GraphQL API: created, listed, paged and filtered, decided and closed.
const w = useWorld({ slack: { plan: 'business-plus', seed: 13, users: 40, userGroups: 4, idpGroups: 0, channels: 1 } });
let admin: SlackgateClient;
let reviewer: { externalId: string };
let group: { externalId: string; members: number };

beforeAll(async () => {
  admin = await w.client(['admin']);
  const rows = await w.db
    .selectFrom('grants')
    .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
    .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
    .select((eb) => ['entitlements.external_id', eb.fn.countAll<number>().as('n')])
    .where('resources.resource_type', '=', 'userGroup')
    .groupBy('entitlements.external_id')
    .having((eb) => eb.fn.countAll(), '>=', 3)
    .orderBy('entitlements.external_id')
    .execute();
  const first = rows[0];
  if (!first) throw new Error('no user group with 3 members');
  group = { externalId: first.external_id, members: Number(first.n) };
  const person = await w.db.selectFrom('accounts').select('external_id').where('type', '=', 'HUMAN').where('status', '=', 'ENABLED').orderBy('id').executeTakeFirstOrThrow();
  reviewer = { externalId: person.external_id };
});

describe(`access reviews over the API (${backend})`, () => {
  it('creates a review of a group, lists it with its reviewers, pages and filters its items, decides and closes it', async () => {
    const created = await admin.execute(StartReviewDocument, {
      input: { name: 'Q4 group review', scope: { entitlementIds: [group.externalId] }, reviewerIds: [reviewer.externalId] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAccessReview.errors).toEqual([]);
    const review = created.data!.createAccessReview.review!;
    expect(review).toMatchObject({ name: 'Q4 group review', status: 'OPEN', reviewers: [reviewer], progress: { total: group.members, decided: 0, undecided: group.members } });

    const listed = await admin.execute(ReviewsByStatusDocument);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.open).toEqual({ totalCount: 1, edges: [{ node: { id: review.id } }] });
    expect(listed.data!.closed.totalCount).toBe(0);

    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ExecutionResult<ReviewItemsQuery> = await admin.execute(ReviewItemsDocument, { id: review.id, after });
      expect(page.errors).toBeUndefined();
      const items = page.data!.accessReview!.items;
      expect(items.totalCount).toBe(group.members);
      ids.push(...items.edges.map((e) => e.node.id));
      if (!items.pageInfo.hasNextPage) break;
      after = items.pageInfo.endCursor ?? null;
    }
    expect(ids).toHaveLength(group.members);
    expect(new Set(ids).size).toBe(group.members);

    const decided = await admin.execute(DecideItemsDocument, {
      input: { reviewId: review.id, actorId: reviewer.externalId, decisions: [{ itemId: ids[0]!, decision: 'KEEP', comment: 'needed' }] },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideReviewItems).toEqual({ items: [{ id: ids[0], decision: 'KEEP' }], errors: [] });

    const kept = await admin.request(ReviewItemsDocument, { id: review.id, filter: { decision: ['KEEP'] } });
    expect(kept.accessReview?.items.totalCount).toBe(1);
    expect(kept.accessReview?.items.edges).toEqual([{ node: { id: ids[0], decision: 'KEEP' } }]);
    const open = await admin.request(ReviewItemsDocument, { id: review.id, filter: { undecided: true } });
    expect(open.accessReview?.items.totalCount).toBe(group.members - 1);

    const refused = await admin.request(CloseReviewDocument, { input: { reviewId: review.id } });
    expect(refused.closeAccessReview.errors).toEqual([{ code: 'UNDECIDED_ITEMS' }]);
    const closed = await admin.request(CloseReviewDocument, { input: { reviewId: review.id, keepUndecided: true } });
    expect(closed.closeAccessReview.errors).toEqual([]);
    expect(['CLOSING', 'CLOSED']).toContain(closed.closeAccessReview.review?.status);
  });
});
