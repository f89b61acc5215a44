import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { createGovernance, type Governance } from '../../src/access/governance.ts';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { backend, useTestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';
import { apiClient, graphql, silentLogger, type GraphQLResponse } from '../api/helpers.ts';
import { syncOnce } from './requests.support.ts';

// Access reviews through the GraphQL API: created, listed, paged and filtered, decided and closed.
const t = useTestDatabase();
let sim: RunningSimulator;
let bus: EventBus;
let gov: Governance;
let server: RunningServer;
let admin: string;
let reviewer: { externalId: string };
let group: { externalId: string; members: number };

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', seed: 13, users: 40, userGroups: 4, idpGroups: 0, channels: 1 });
  const connection = connectionFor(configFor(sim));
  await syncOnce(t.database, connection);
  bus = await createEventBusFor(t.database, { url: t.url });
  const provisioning = createProvisioningService({ database: t.database, connection, bus });
  gov = createGovernance({ db: t.db, provisioning, connection, bus });
  server = await listen(createGateway({ database: t.database, logger: silentLogger, bus, services: { provisioning, requests: gov.requests, reviews: gov.reviews } }), { port: 0, host: '127.0.0.1' });
  admin = (await apiClient(t.db, ['admin'])).token;
  const rows = await t.db
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
  const person = await t.db.selectFrom('accounts').select('external_id').where('type', '=', 'HUMAN').where('status', '=', 'ENABLED').orderBy('id').executeTakeFirstOrThrow();
  reviewer = { externalId: person.external_id };
});

afterAll(async () => {
  await server?.close();
  await gov?.stop();
  await bus?.close();
  await sim?.close();
});

interface ItemsPage {
  accessReview: { items: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
}

const REVIEW = 'id number name status reviewers { externalId } progress { total decided undecided kept }';

describe(`access reviews over the API (${backend})`, () => {
  it('creates a review of a group, lists it with its reviewers, pages and filters its items, decides and closes it', async () => {
    const created = await graphql(server.url, admin, `mutation($input: CreateAccessReviewInput!) { createAccessReview(input: $input) { review { ${REVIEW} } errors { code message } } }`, {
      input: { name: 'Q4 group review', scope: { entitlementIds: [group.externalId] }, reviewerIds: [reviewer.externalId] },
    });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createAccessReview.errors).toEqual([]);
    const review = created.body.data.createAccessReview.review;
    expect(review).toMatchObject({ name: 'Q4 group review', status: 'OPEN', reviewers: [reviewer], progress: { total: group.members, decided: 0, undecided: group.members } });

    const listed = await graphql(server.url, admin, `{ open: accessReviews(status: [OPEN]) { totalCount edges { node { id } } } closed: accessReviews(status: [CLOSED]) { totalCount } }`);
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.open).toEqual({ totalCount: 1, edges: [{ node: { id: review.id } }] });
    expect(listed.body.data.closed.totalCount).toBe(0);

    const ITEMS = `query($id: ID!, $after: String, $filter: ReviewItemFilter) { accessReview(id: $id) { items(first: 2, after: $after, filter: $filter) { totalCount edges { node { id decision } } pageInfo { hasNextPage endCursor } } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<ItemsPage> = await graphql<ItemsPage>(server.url, admin, ITEMS, { id: review.id, after });
      expect(page.body.errors).toBeUndefined();
      const items: ItemsPage['accessReview']['items'] = page.body.data.accessReview.items;
      expect(items.totalCount).toBe(group.members);
      ids.push(...items.edges.map((e) => e.node.id));
      if (!items.pageInfo.hasNextPage) break;
      after = items.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(group.members);
    expect(new Set(ids).size).toBe(group.members);

    const decided = await graphql(server.url, admin, `mutation($input: DecideReviewItemsInput!) { decideReviewItems(input: $input) { items { id decision } errors { code message } } }`, {
      input: { reviewId: review.id, actorId: reviewer.externalId, decisions: [{ itemId: ids[0], decision: 'KEEP', comment: 'needed' }] },
    });
    expect(decided.body.errors).toBeUndefined();
    expect(decided.body.data.decideReviewItems).toEqual({ items: [{ id: ids[0], decision: 'KEEP' }], errors: [] });

    const kept = await graphql(server.url, admin, ITEMS, { id: review.id, filter: { decision: ['KEEP'] } });
    expect(kept.body.data.accessReview.items.totalCount).toBe(1);
    expect(kept.body.data.accessReview.items.edges).toEqual([{ node: { id: ids[0], decision: 'KEEP' } }]);
    const open = await graphql(server.url, admin, ITEMS, { id: review.id, filter: { undecided: true } });
    expect(open.body.data.accessReview.items.totalCount).toBe(group.members - 1);

    const CLOSE = `mutation($input: CloseAccessReviewInput!) { closeAccessReview(input: $input) { review { status } errors { code } } }`;
    const refused = await graphql(server.url, admin, CLOSE, { input: { reviewId: review.id } });
    expect(refused.body.data.closeAccessReview.errors).toEqual([{ code: 'UNDECIDED_ITEMS' }]);
    const closed = await graphql(server.url, admin, CLOSE, { input: { reviewId: review.id, keepUndecided: true } });
    expect(closed.body.data.closeAccessReview.errors).toEqual([]);
    expect(['CLOSING', 'CLOSED']).toContain(closed.body.data.closeAccessReview.review.status);
  });
});
