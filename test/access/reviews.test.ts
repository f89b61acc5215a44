import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceAdminsOf } from '../../src/access/policies.ts';
import type { ReviewItem } from '../../src/access/reviews.ts';
import { memoryWriter } from '../../src/export/format.ts';
import { exportReview } from '../../src/export/review.ts';
import { backend } from '../support/db.ts';
import { promoteToAdmins } from '../support/slackOrg.ts';
import { useWorld } from '../support/world.ts';

const w = useWorld({ slack: { plan: 'business-plus', seed: 5, users: 200, userGroups: 40, idpGroups: 0, channels: 2 }, beforeSync: (sim) => promoteToAdmins(sim, 2) });
let reviewers: { id: number; slackId: string }[];
const api = { apiClientId: 'test-client' };

beforeAll(async () => {
  const anyGroup = await w.db.selectFrom('entitlements').select('id').where('external_id', 'like', 'userGroup:%').executeTakeFirstOrThrow();
  const adminIds = (await workspaceAdminsOf(w.db, [anyGroup.id])).get(anyGroup.id) ?? [];
  reviewers = (await w.db.selectFrom('accounts').select(['id', 'slack_id as slackId']).where('id', 'in', adminIds).orderBy('id').limit(2).execute());
});

describe(`access reviews (${backend})`, () => {
  it('a review of 1,000+ user-group grants, decided in batches and closed, removes exactly the REVOKE items in Slack', async () => {
    const [alice, bob] = reviewers as [{ id: number; slackId: string }, { id: number; slackId: string }];
    const created = await w.governance.reviews.create({
      name: 'Q4 user groups',
      scope: { resourceTypes: ['userGroup'] },
      reviewerMode: 'EXPLICIT',
      reviewerIds: [alice.id, bob.id],
      dueAt: new Date(Date.now() + 7 * 86_400_000),
      actor: { ...api, accountId: alice.id },
    });
    expect(created.errors).toEqual([]);
    const review = created.review as NonNullable<typeof created.review>;
    const cached = await w.db
      .selectFrom('grants')
      .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
      .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('resources.resource_type', '=', 'userGroup')
      .executeTakeFirstOrThrow();
    expect(review.item_count).toBe(Number(cached.n));
    expect(review.item_count).toBeGreaterThanOrEqual(1000);

    const items: ReviewItem[] = await w.db.selectFrom('review_items').selectAll().where('review_id', '=', review.id).orderBy('id').execute();
    // Revoke about one in five, never a group's last members (Slack would disable the group).
    const left = new Map<number, number>();
    for (const item of items) left.set(item.entitlement_id, (left.get(item.entitlement_id) ?? 0) + 1);
    const decide = (item: ReviewItem, i: number): 'KEEP' | 'REVOKE' => {
      if (i % 5 !== 0 || (left.get(item.entitlement_id) ?? 0) <= 2) return 'KEEP';
      left.set(item.entitlement_id, (left.get(item.entitlement_id) ?? 0) - 1);
      return 'REVOKE';
    };
    const decisions = items.map((item, i) => ({ itemId: item.id, decision: decide(item, i), comment: `batch ${Math.floor(i / 250)}` }));

    // A batch holding one of Alice's own grants is refused as a whole.
    const own = decisions.filter((d) => items.find((i) => i.id === d.itemId)?.account_id === alice.id);
    const others = decisions.filter((d) => !own.includes(d));
    if (own.length > 0) {
      const refused = await w.governance.reviews.decide({ reviewId: review.id, decisions: [others[0] as (typeof others)[number], own[0] as (typeof own)[number]], actor: { ...api, accountId: alice.id } });
      expect(refused.errors.map((e) => e.code)).toEqual(['SELF_REVIEW']);
      expect((await w.governance.reviews.progress(review.id)).decided).toBe(0);
    }
    for (let i = 0; i < others.length; i += 250) {
      const batch = await w.governance.reviews.decide({ reviewId: review.id, decisions: others.slice(i, i + 250), actor: { ...api, accountId: alice.id } });
      expect(batch.errors).toEqual([]);
    }
    if (own.length > 0) expect((await w.governance.reviews.decide({ reviewId: review.id, decisions: own, actor: { ...api, accountId: bob.id } })).errors).toEqual([]);
    const outsider = items.find((i) => i.account_id !== alice.id && i.account_id !== bob.id) as ReviewItem;
    const notReviewer = await w.governance.reviews.decide({ reviewId: review.id, decisions: [{ itemId: items[0]?.id as number, decision: 'KEEP' }], actor: { ...api, accountId: outsider.account_id } });
    expect(notReviewer.errors.map((e) => e.code)).toEqual(['NOT_A_REVIEWER']);

    const revokes = decisions.filter((d) => d.decision === 'REVOKE');
    expect(await w.governance.reviews.progress(review.id)).toMatchObject({ total: items.length, decided: items.length, revoked: revokes.length, undecided: 0, percentDecided: 100 });

    const closing = await w.governance.reviews.close({ reviewId: review.id, actor: { ...api, accountId: alice.id } });
    expect(closing.review?.status).toBe('CLOSING');
    expect((await w.governance.reviews.decide({ reviewId: review.id, decisions: [{ itemId: items[1]?.id as number, decision: 'REVOKE' }], actor: { ...api, accountId: alice.id } })).errors.map((e) => e.code)).toEqual(['REVIEW_CLOSED']);
    const writesBefore = w.sim.control.calls('usergroups.users.update');
    await w.governance.worker.runDue();

    const closed = await w.governance.reviews.get(review.id);
    expect(closed?.status).toBe('CLOSED');
    expect(await w.governance.reviews.progress(review.id)).toMatchObject({ revocationsDone: revokes.length, revocationsFailed: 0, revocationsPending: 0 });
    expect(w.sim.control.calls('usergroups.users.update') - writesBefore).toBeLessThanOrEqual(revokes.length);
    const byId = new Map(items.map((i) => [i.id, i]));
    const accounts = new Map((await w.db.selectFrom('accounts').select(['id', 'slack_id']).execute()).map((a) => [a.id, a.slack_id]));
    const groups = new Map((await w.db.selectFrom('entitlements').innerJoin('resources', 'resources.id', 'entitlements.resource_id').select(['entitlements.id', 'resources.slack_id']).execute()).map((e) => [e.id, e.slack_id]));
    let removed = 0;
    let kept = 0;
    for (const d of decisions) {
      const item = byId.get(d.itemId) as ReviewItem;
      const inSlack = w.sim.store.usergroups.get(groups.get(item.entitlement_id) as string)?.users.has(accounts.get(item.account_id) as string);
      if (d.decision === 'REVOKE') {
        expect(inSlack).toBe(false);
        removed += 1;
      } else {
        expect(inSlack).toBe(true);
        kept += 1;
      }
    }
    expect(removed + kept).toBe(items.length);
    const stillCached = await w.db.selectFrom('grants').select('id').where('id', 'in', revokes.map((d) => byId.get(d.itemId)?.grant_id ?? -1)).execute();
    expect(stillCached).toEqual([]);
    const requests = await w.db.selectFrom('requests').select(['state', 'origin', 'kind']).where('review_item_id', 'is not', null).execute();
    expect(requests).toHaveLength(revokes.length);
    expect(requests.every((r) => r.state === 'REVOKED' && r.origin === 'REVIEW' && r.kind === 'REVOKE')).toBe(true);

    // Evidence: the hash is the hash of exactly the exported bytes.
    for (const format of ['csv', 'json'] as const) {
      const sink = memoryWriter();
      const result = await exportReview(w.db, review.id, format, sink);
      const content = sink.text();
      expect(result?.sha256).toBe(createHash('sha256').update(content, 'utf8').digest('hex'));
      expect(result?.rows).toBe(items.length);
      if (format === 'csv') expect(content.trimEnd().split('\r\n')).toHaveLength(items.length + 1);
      else {
        const parsed = JSON.parse(content) as { review: { status: string }; items: { decision: string; revoke_state: string | null }[] };
        expect(parsed.review.status).toBe('CLOSED');
        expect(parsed.items.filter((i) => i.decision === 'REVOKE').every((i) => i.revoke_state === 'REVOKED')).toBe(true);
      }
    }
  }, 240_000);

  it('refuses a review without scope or reviewers', async () => {
    const noScope = await w.governance.reviews.create({ name: 'x', scope: {}, reviewerMode: 'ENTITLEMENT_APPROVERS', actor: api });
    expect(noScope.errors.map((e) => e.field)).toEqual(['input.scope']);
    const noReviewers = await w.governance.reviews.create({ name: 'x', scope: { resourceTypes: ['channel'] }, reviewerMode: 'EXPLICIT', actor: api });
    expect(noReviewers.errors.map((e) => e.field)).toEqual(['input.reviewerIds']);
  });

  it('does not close a review with undecided items unless told to keep their access', async () => {
    const [alice, bob] = reviewers as [{ id: number; slackId: string }, { id: number; slackId: string }];
    const created = await w.governance.reviews.create({ name: 'channels', scope: { resourceTypes: ['channel'] }, reviewerMode: 'EXPLICIT', reviewerIds: [alice.id, bob.id], actor: { ...api, accountId: alice.id } });
    const review = created.review as NonNullable<typeof created.review>;
    const items: ReviewItem[] = await w.db.selectFrom('review_items').selectAll().where('review_id', '=', review.id).where('account_id', 'not in', [alice.id, bob.id]).orderBy('id').execute();
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect((await w.governance.reviews.decide({ reviewId: review.id, decisions: [{ itemId: (items[0] as ReviewItem).id, decision: 'KEEP' }], actor: { ...api, accountId: alice.id } })).errors).toEqual([]);
    const undecided = (await w.governance.reviews.progress(review.id)).undecided;

    const refused = await w.governance.reviews.close({ reviewId: review.id, actor: { ...api, accountId: alice.id } });
    expect(refused.errors.map((e) => [e.code, e.message])).toEqual([
      ['UNDECIDED_ITEMS', `access review ${review.id} has ${undecided} undecided item(s); decide them first, or close with keepUndecided: true to leave their access as it is`],
    ]);
    expect((await w.governance.reviews.get(review.id))?.status).toBe('OPEN');

    const kept = await w.governance.reviews.close({ reviewId: review.id, actor: { ...api, accountId: alice.id }, keepUndecided: true });
    expect(kept.errors).toEqual([]);
    expect(kept.review?.status).toBe('CLOSED');
  });
});
