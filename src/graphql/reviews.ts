import type { AccessReview, ReviewItem, ReviewProgress, ReviewResult, ReviewService } from '../access/reviews.ts';
import type { Actor } from '../access/types.ts';
import { memoryWriter, type ExportFormat } from '../export/format.ts';
import { exportReview, externalScope, isoUtc } from '../export/review.ts';
import { builder } from './builder.ts';
import { byIdArg } from './nodeById.ts';
import { enumOf } from './enumOf.ts';
import type { GraphQLContext } from './context.ts';
import { emptyConnection } from './emptyConnection.ts';
import { ResourceTypeEnum } from './enums.ts';
import { ConflictError, NotFoundError, UserError, UserErrorRef } from './errors.ts';
import { ACCOUNT_ID, ENTITLEMENT_ID, numberedId, resolveIdArg, resolveOptionalIdArg, WORKSPACE_ID } from './idArgs.ts';
import { keysetConnection } from './pagination.ts';
import { countReviewItems, countReviews, reviewerIdsOf, reviewItemOrder, reviewItemsByIds, reviewItemsPage, reviewOrder, reviewsByIds, reviewsPage, type ReviewItemFilter as ItemFilter } from './read/reviews.ts';
import { AccountRef, EntitlementRef, GrantRef, numberedNodeRef } from './refs.ts';
import { actorOf, originOf as origin } from './actAs.ts';
import { RequestRef } from './requests.ts';

const ACCESS_REVIEW_ID = numberedId('AccessReview');
const REVIEW_ITEM_ID = numberedId('ReviewItem');

const AccessReviewStatusEnum = enumOf('AccessReviewStatus', {
  OPEN: 'Reviewers are deciding.',
  CLOSING: 'Closed for decisions; REVOKE decisions are being carried out.',
  CLOSED: 'Done: every REVOKE decision was carried out (or failed, see progress).',
});
const ReviewerModeEnum = enumOf('ReviewerMode', {
  EXPLICIT: 'The named reviewers review every item.',
  ENTITLEMENT_APPROVERS: "Each item is reviewed by its entitlement's approvers.",
});
const ReviewDecisionEnum = enumOf('ReviewDecision', ['KEEP', 'REVOKE']);
const EvidenceFormatEnum = builder.enumType('EvidenceFormat', { values: { CSV: { value: 'csv' }, JSON: { value: 'json' } } as const });

export const AccessReviewRef = builder.loadableNodeRef('AccessReview', {
  id: { resolve: (r: AccessReview) => r.id, parse: (id: string) => Number(id) },
  load: (ids: number[], ctx) => reviewsByIds(ctx.database.db, ids),
  toKey: (r: AccessReview) => r.id,
  sort: true,
  cacheResolved: true,
});

export const ReviewItemRef = numberedNodeRef('ReviewItem', (ids, ctx): Promise<ReviewItem[]> => reviewItemsByIds(ctx.database.db, ids), true);

const ReviewProgressRef = builder.objectRef<ReviewProgress>('ReviewProgress').implement({
  description: 'How far a review is.',
  fields: (t) => ({
    total: t.exposeInt('total'),
    decided: t.exposeInt('decided'),
    kept: t.exposeInt('kept'),
    revoked: t.exposeInt('revoked', { description: 'Items decided REVOKE.' }),
    undecided: t.exposeInt('undecided'),
    percentDecided: t.exposeInt('percentDecided'),
    revocationsDone: t.exposeInt('revocationsDone', { description: 'REVOKE decisions carried out in Slack.' }),
    revocationsFailed: t.exposeInt('revocationsFailed', { description: 'REVOKE decisions Slack refused (their requests are FAILED and retryable).' }),
    revocationsPending: t.exposeInt('revocationsPending'),
  }),
});

interface Evidence {
  format: ExportFormat;
  filename: string;
  content: string;
  sha256: string;
  bytes: number;
  items: number;
}

const EvidenceRef = builder.objectRef<Evidence>('ReviewEvidence').implement({
  description: 'A review exported for auditors, with the SHA-256 of exactly these bytes.',
  fields: (t) => ({
    format: t.field({ type: EvidenceFormatEnum, resolve: (e) => e.format }),
    filename: t.exposeString('filename'),
    content: t.exposeString('content', { description: 'The file: CSV (one line per item) or JSON.' }),
    sha256: t.exposeString('sha256', { description: 'Hex SHA-256 of content as UTF-8; compare with sha256sum of the saved file.' }),
    bytes: t.exposeInt('bytes'),
    items: t.exposeInt('items'),
  }),
});

function reviewsService(ctx: GraphQLContext): ReviewService | undefined {
  return ctx.services.reviews;
}

const ReviewItemFilter = builder.inputType('ReviewItemFilter', {
  fields: (t) => ({
    decision: t.field({ type: [ReviewDecisionEnum], required: false }),
    undecided: t.boolean({ required: false, description: 'true: only items without a decision; false: only decided ones.' }),
    accountId: t.id({ required: false }),
    entitlementId: t.id({ required: false }),
  }),
});

AccessReviewRef.implement({
  description: 'A user access review: the grants in its scope, snapshotted when it was created, each decided KEEP or REVOKE.',
  fields: (t) => ({
    number: t.int({ description: 'The review number, accepted wherever a review id is.', resolve: (r) => r.id }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    status: t.field({ type: AccessReviewStatusEnum, resolve: (r) => r.status }),
    scope: t.field({ type: 'JSON', description: 'entitlementIds (external ids), resourceTypes, workspaceId as given.', resolve: (r, _args, ctx) => externalScope(ctx.database.db, r.scope) }),
    reviewerMode: t.field({ type: ReviewerModeEnum, resolve: (r) => r.reviewer_mode }),
    reviewers: t.field({
      type: [AccountRef],
      description: 'The named reviewers (empty when each entitlement’s approvers review).',
      resolve: (r, _args, ctx) => reviewerIdsOf(ctx.database.db, r.id),
    }),
    dueAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.due_at }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.closed_at }),
    createdBy: t.field({ type: AccountRef, nullable: true, resolve: (r) => r.created_by_account }),
    createdByClient: t.exposeString('created_by_client', { nullable: true }),
    itemCount: t.exposeInt('item_count'),
    progress: t.loadable({
      type: ReviewProgressRef,
      load: async (ids: number[], ctx) => {
        const service = reviewsService(ctx);
        if (!service) throw new Error('access reviews are not available on this gateway');
        const progress = await service.progressOf(ids);
        return ids.map((id) => progress.get(id) as ReviewProgress);
      },
      resolve: (r) => r.id,
    }),
    items: t.connection(
      {
        type: ReviewItemRef,
        description: 'The items, in snapshot order.',
        args: { filter: t.arg({ type: ReviewItemFilter, required: false }) },
        resolve: async (review, args, ctx) => {
          const f = args.filter ?? {};
          const accountId = await resolveOptionalIdArg(ctx, f.accountId, ACCOUNT_ID, 'filter.accountId');
          const entitlementId = await resolveOptionalIdArg(ctx, f.entitlementId, ENTITLEMENT_ID, 'filter.entitlementId');
          if (accountId === null || entitlementId === null) return emptyConnection();
          const filter: ItemFilter = { reviewId: review.id, decisions: f.decision, undecided: f.undecided, accountId, entitlementId };
          const db = ctx.database.db;
          return keysetConnection(args, reviewItemOrder, (page) => reviewItemsPage(db, filter, page), () => countReviewItems(db, filter));
        },
      },
      { name: 'ReviewItemConnection' },
      { name: 'ReviewItemEdge' },
    ),
    evidence: t.field({
      type: EvidenceRef,
      description: 'The review as a file for auditors (every item, decision, reviewer, time and revoke outcome), with its SHA-256.',
      args: { format: t.arg({ type: EvidenceFormatEnum, required: true }) },
      resolve: async (review, args, ctx) => {
        const sink = memoryWriter();
        const result = await exportReview(ctx.database.db, review.id, args.format, sink);
        if (!result) throw new Error(`access review ${review.id} disappeared`);
        return { format: args.format, filename: `access-review-${review.id}.${args.format}`, content: sink.text(), sha256: result.sha256, bytes: result.bytes, items: result.rows };
      },
    }),
  }),
});

ReviewItemRef.implement({
  description: 'One grant under review, as it was when the review started, with its decision.',
  fields: (t) => ({
    review: t.field({ type: AccessReviewRef, resolve: (i) => i.review_id }),
    grant: t.field({ type: GrantRef, nullable: true, description: 'The grant, while it still exists.', resolve: (i) => i.grant_id }),
    grantExternalId: t.exposeString('grant_external_id'),
    entitlement: t.field({ type: EntitlementRef, resolve: (i) => i.entitlement_id }),
    account: t.field({ type: AccountRef, resolve: (i) => i.account_id }),
    snapshot: t.field({
      type: 'JSON',
      description: 'The grant, account and entitlement as they were when the review was created (times in ISO 8601 UTC).',
      resolve: (i) => {
        const s = (i.snapshot ?? {}) as Record<string, unknown>;
        return { ...s, grantedAt: isoUtc(s.grantedAt), expiresAt: isoUtc(s.expiresAt) };
      },
    }),
    decision: t.field({ type: ReviewDecisionEnum, nullable: true, resolve: (i) => i.decision }),
    decidedBy: t.field({ type: AccountRef, nullable: true, resolve: (i) => i.decided_by }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.decided_at }),
    comment: t.exposeString('comment', { nullable: true }),
    request: t.field({ type: RequestRef, nullable: true, description: 'The revoke request carrying out a REVOKE decision (after closing).', resolve: (i) => i.request_id }),
  }),
});

const reviewReaders = { $any: { read: true, review: true } } as const;

builder.queryFields((t) => ({
  accessReviews: t.connection(
    {
      type: AccessReviewRef,
      description: 'Access reviews, newest first.',
      skipTypeScopes: true,
      authScopes: reviewReaders,
      args: { status: t.arg({ type: [AccessReviewStatusEnum], required: false }) },
      resolve: async (_root, args, ctx) => {
        const db = ctx.database.db;
        return keysetConnection(args, reviewOrder, (page) => reviewsPage(db, args.status, page), () => countReviews(db, args.status));
      },
    },
    { name: 'AccessReviewConnection' },
    { name: 'AccessReviewEdge' },
  ),
  accessReview: t.field({
    type: AccessReviewRef,
    nullable: true,
    description: 'One access review, by global id or review number.',
    skipTypeScopes: true,
    authScopes: reviewReaders,
    ...byIdArg(t, ACCESS_REVIEW_ID),
  }),
}));

// ---- mutations ------------------------------------------------------------------------------

const notConfigured = () => new ConflictError('access reviews are not available on this gateway (it runs without a Slack connection)', { code: 'REVIEWS_NOT_CONFIGURED' });
const isError = (value: unknown): value is UserError => value instanceof UserError;

/** Review mutations need the review scope, whatever the types they return would ask. */
const reviewers = { skipTypeScopes: true, authScopes: { review: true } } as const;

/** Runs a review mutation with the service and the acting person, or answers why it cannot. */
async function withReviewCall(ctx: GraphQLContext, actorId: string | null | undefined, run: (service: ReviewService, actor: Actor) => Promise<ReviewResult>): Promise<ReviewResult> {
  const service = reviewsService(ctx);
  if (!service) return { errors: [notConfigured()] };
  const actor = await actorOf(ctx, actorId);
  return isError(actor) ? { errors: [actor] } : run(service, actor);
}

/** withReviewCall on the one review `input.reviewId` names; an id that names no review is answered in errors. */
function withNamedReviewCall(ctx: GraphQLContext, input: { actorId?: string | null; reviewId: string }, run: (service: ReviewService, actor: Actor, reviewId: number) => Promise<ReviewResult>): Promise<ReviewResult> {
  return withReviewCall(ctx, input.actorId, async (service, actor) => {
    const reviewId = await reviewIdOf(ctx, input.reviewId);
    return isError(reviewId) ? { errors: [reviewId] } : run(service, actor, reviewId);
  });
}

async function reviewIdOf(ctx: GraphQLContext, raw: string): Promise<number | UserError> {
  const id = await resolveIdArg(ctx, raw, ACCESS_REVIEW_ID, 'input.reviewId');
  return id ?? new NotFoundError(`there is no access review ${raw}`, { field: 'input.reviewId' });
}

const ReviewScopeInput = builder.inputType('AccessReviewScopeInput', {
  description: 'Which grants to review; the criteria given all apply.',
  fields: (t) => ({
    entitlementIds: t.idList({ required: false, description: 'Global or external entitlement ids.' }),
    resourceTypes: t.field({ type: [ResourceTypeEnum], required: false }),
    workspaceId: t.id({ required: false, description: 'Resources of this workspace (global or external id, e.g. workspace:T123).' }),
  }),
});

builder.relayMutationField(
  'createAccessReview',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      description: t.string({ required: false }),
      scope: t.field({ type: ReviewScopeInput, required: true }),
      reviewerIds: t.idList({ required: false, description: 'Named reviewers (global or external account ids).' }),
      reviewerMode: t.field({ type: ReviewerModeEnum, required: false, description: 'EXPLICIT (default when reviewers are named) or ENTITLEMENT_APPROVERS.' }),
      dueAt: t.field({ type: 'DateTime', required: false }),
      actorId: t.id({ required: false, description: 'The person creating it.' }),
    }),
  },
  {
    description: 'Start an access review: the grants in scope are snapshotted into its items now.',
    ...reviewers,
    resolve: (_root, { input }, ctx): Promise<ReviewResult> =>
      withReviewCall(ctx, input.actorId, async (service, actor) => {
        const entitlementIds: number[] = [];
        for (const [i, raw] of (input.scope.entitlementIds ?? []).entries()) {
          const id = await resolveIdArg(ctx, String(raw), ENTITLEMENT_ID, `input.scope.entitlementIds.${i}`);
          if (id === null) return { errors: [new NotFoundError(`there is no entitlement ${raw}`, { field: `input.scope.entitlementIds.${i}` })] };
          entitlementIds.push(id);
        }
        let workspace: number | null = null;
        if (input.scope.workspaceId != null) {
          workspace = await resolveIdArg(ctx, input.scope.workspaceId, WORKSPACE_ID, 'input.scope.workspaceId');
          if (workspace === null) return { errors: [new NotFoundError(`there is no workspace ${input.scope.workspaceId}`, { field: 'input.scope.workspaceId' })] };
        }
        const reviewerIds: number[] = [];
        for (const [i, raw] of (input.reviewerIds ?? []).entries()) {
          const id = await resolveIdArg(ctx, String(raw), ACCOUNT_ID, `input.reviewerIds.${i}`);
          if (id === null) return { errors: [new NotFoundError(`reviewer "${raw}" is not a known account`, { field: `input.reviewerIds.${i}` })] };
          reviewerIds.push(id);
        }
        return service.create({
          name: input.name,
          description: input.description,
          scope: { entitlementIds, resourceTypes: input.scope.resourceTypes },
          workspace: workspace === null ? null : { id: workspace, given: input.scope.workspaceId as string },
          reviewerMode: input.reviewerMode ?? (reviewerIds.length > 0 ? 'EXPLICIT' : 'ENTITLEMENT_APPROVERS'),
          reviewerIds,
          dueAt: input.dueAt,
          actor,
          origin: origin(ctx),
        });
      }),
  },
  {
    name: 'CreateAccessReviewPayload',
    outputFields: (t) => ({
      review: t.field({ type: AccessReviewRef, nullable: true, resolve: (p) => p.review ?? null }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  },
);

const ReviewDecisionInput = builder.inputType('ReviewDecisionInput', {
  fields: (t) => ({
    itemId: t.id({ required: true, description: 'Global id or item number.' }),
    decision: t.field({ type: ReviewDecisionEnum, required: true }),
    comment: t.string({ required: false }),
  }),
});

builder.relayMutationField(
  'decideReviewItems',
  {
    inputFields: (t) => ({
      reviewId: t.id({ required: true }),
      decisions: t.field({ type: [ReviewDecisionInput], required: true, description: 'Up to 1000 at once; all are recorded, or none when any is refused.' }),
      actorId: t.id({ required: true, description: 'The reviewer.' }),
    }),
  },
  {
    description: 'Record KEEP or REVOKE for many items at once (decisions may change until the review is closed).',
    ...reviewers,
    resolve: (_root, { input }, ctx): Promise<ReviewResult> =>
      withNamedReviewCall(ctx, input, async (service, actor, reviewId) => {
        const decisions = [];
        for (const [i, d] of input.decisions.entries()) {
          const itemId = await resolveIdArg(ctx, String(d.itemId), REVIEW_ITEM_ID, `input.decisions.${i}.itemId`);
          if (itemId === null) return { errors: [new NotFoundError(`there is no review item ${d.itemId}`, { field: `input.decisions.${i}.itemId` })] };
          decisions.push({ itemId, decision: d.decision, comment: d.comment });
        }
        return service.decide({ reviewId, decisions, actor, origin: origin(ctx) });
      }),
  },
  {
    name: 'DecideReviewItemsPayload',
    outputFields: (t) => ({
      review: t.field({ type: AccessReviewRef, nullable: true, resolve: (p) => p.review ?? null }),
      items: t.field({ type: [ReviewItemRef], description: 'The items as decided.', resolve: (p) => p.items ?? [] }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  },
);

builder.relayMutationField(
  'closeAccessReview',
  {
    inputFields: (t) => ({
      reviewId: t.id({ required: true, description: 'Global id or review number.' }),
      actorId: t.id({ required: false, description: 'The person closing it (global or external id, or email).' }),
      keepUndecided: t.boolean({
        required: false,
        description: 'Close although some items are undecided, leaving their access as it is. Without it, a review with undecided items is not closed (UNDECIDED_ITEMS).',
      }),
    }),
  },
  {
    description: 'Stop decisions and carry out every REVOKE through a revoke request; the review is CLOSED once they are done.',
    ...reviewers,
    resolve: (_root, { input }, ctx): Promise<ReviewResult> =>
      withNamedReviewCall(ctx, input, (service, actor, reviewId) =>
        service.close({ reviewId, actor, origin: origin(ctx), keepUndecided: input.keepUndecided === true }),
      ),
  },
  {
    name: 'CloseAccessReviewPayload',
    outputFields: (t) => ({
      review: t.field({ type: AccessReviewRef, nullable: true, resolve: (p) => p.review ?? null }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  },
);
