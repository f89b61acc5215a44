import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { recordAudit } from '../audit/record.ts';
import type { AccessReviewsTable, DB, ResourceType, ReviewItemsTable } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type UserError } from './errors.ts';
import { systemClock, type Clock } from '../jobs/queue.ts';
import type { Logger } from '../log.ts';
import { loadPolicies } from './policies.ts';
import type { AccessRequest, CallOrigin, RequestService } from './requests/index.ts';
import { auditActor, type Actor } from './types.ts';

export type AccessReview = Selectable<AccessReviewsTable>;
export type ReviewItem = Selectable<ReviewItemsTable>;
export type ReviewDecision = 'KEEP' | 'REVOKE';
export type ReviewerMode = 'EXPLICIT' | 'ENTITLEMENT_APPROVERS';

/** Which grants a review covers: any combination narrows (entitlements AND resource types AND workspace). */
export interface ReviewScope {
  entitlementIds?: number[] | null;
  resourceTypes?: ResourceType[] | null;
  /** Slack team id (T…) of the workspace whose resources are reviewed. */
  workspaceId?: string | null;
}

export interface CreateReviewInput {
  name: string;
  description?: string | null;
  scope: ReviewScope;
  reviewerMode: ReviewerMode;
  reviewerIds?: number[] | null;
  dueAt?: Date | null;
  /** The workspace resource (resources.id) whose resources are reviewed, and the id it was named by; the scope keeps its Slack team id. */
  workspace?: { id: number; given: string } | null;
  actor: Actor;
  origin?: CallOrigin;
}

export interface DecisionItem {
  itemId: number;
  decision: ReviewDecision;
  comment?: string | null;
}

export interface ReviewResult {
  review?: AccessReview;
  items?: ReviewItem[];
  errors: UserError[];
}

export interface ReviewProgress {
  total: number;
  decided: number;
  kept: number;
  revoked: number;
  undecided: number;
  /** REVOKE decisions carried out in Slack, failed, and still waiting (after closing). */
  revocationsDone: number;
  revocationsFailed: number;
  revocationsPending: number;
  /** 0–100 of items decided. */
  percentDecided: number;
}

/** Most decisions one decideReviewItems call takes. */
export const MAX_DECISIONS_PER_CALL = 1000;

/**
 * User access reviews: a campaign snapshots the grants in its scope when it is created, reviewers
 * decide KEEP or REVOKE per item in batches (never on their own access), and closing it turns
 * every REVOKE into a revoke request (origin REVIEW) that the jobs worker carries out in Slack.
 * The review is CLOSED once every one of those requests has ended.
 */
export class ReviewService {
  readonly #db: Kysely<DB>;
  readonly #requests: RequestService;
  readonly #logger?: Logger;
  readonly #now: Clock;

  constructor(options: { db: Kysely<DB>; requests: RequestService; bus?: EventBus; logger?: Logger; now?: Clock }) {
    this.#db = options.db;
    this.#requests = options.requests;
    this.#logger = options.logger;
    this.#now = options.now ?? systemClock;
    this.#requests.onFinished((request) => this.#revokeFinished(request));
  }

  async get(id: number): Promise<AccessReview | undefined> {
    return this.#db.selectFrom('access_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async create(input: CreateReviewInput): Promise<ReviewResult> {
    const refuse = async (error: UserError): Promise<ReviewResult> => {
      await recordAudit(this.#db, { action: 'createAccessReview', outcome: 'DENIED', actor: auditActor(input.actor), errorCode: error.code, details: { message: error.message, name: input.name }, ...input.origin });
      return { errors: [error] };
    };
    let scope = input.scope;
    if (input.workspace) {
      const workspace = await this.#db.selectFrom('resources').select('slack_id').where('id', '=', input.workspace.id).executeTakeFirst();
      if (!workspace) return { errors: [new NotFoundError(`there is no workspace ${input.workspace.given}`, { field: 'input.scope.workspaceId' })] };
      scope = { ...scope, workspaceId: workspace.slack_id };
    }
    const name = input.name.trim();
    if (!name) return refuse(new ValidationError('give the review a name', { field: 'input.name' }));
    if (!scope.entitlementIds?.length && !scope.resourceTypes?.length && !scope.workspaceId) {
      return refuse(new ValidationError('give the review a scope: entitlements, resource types or a workspace', { field: 'input.scope' }));
    }
    const reviewerIds = [...new Set(input.reviewerIds ?? [])];
    if (input.reviewerMode === 'EXPLICIT' && reviewerIds.length === 0) {
      return refuse(new ValidationError('name the reviewers, or let each entitlement\'s approvers review (reviewerMode ENTITLEMENT_APPROVERS)', { field: 'input.reviewerIds' }));
    }
    if (reviewerIds.length > 0) {
      const found = await this.#db.selectFrom('accounts').select('id').where('id', '=', sql<number>`any(${reviewerIds}::bigint[])`).execute();
      if (found.length !== reviewerIds.length) return refuse(new NotFoundError('one of the reviewers is not a known account', { field: 'input.reviewerIds' }));
    }
    if (input.dueAt && input.dueAt <= this.#now()) return refuse(new ValidationError('the due date is in the past', { field: 'input.dueAt' }));

    const review = await this.#db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('access_reviews')
        .values({
          name,
          description: input.description ?? null,
          scope: JSON.stringify({ entitlementIds: scope.entitlementIds ?? null, resourceTypes: scope.resourceTypes ?? null, workspaceId: scope.workspaceId ?? null }),
          reviewer_mode: input.reviewerMode,
          due_at: input.dueAt ?? null,
          created_by_client: input.actor.apiClientId,
          created_by_account: input.actor.accountId ?? null,
          created_at: this.#now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (reviewerIds.length > 0) {
        await tx.insertInto('access_review_reviewers').values(reviewerIds.map((account_id) => ({ review_id: row.id, account_id }))).execute();
      }
      const count = await this.#snapshot(tx, row.id, scope);
      const updated = await tx.updateTable('access_reviews').set({ item_count: count }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, {
        action: 'createAccessReview',
        outcome: 'SUCCESS',
        actor: auditActor(input.actor),
        target: { type: 'accessReview', id: row.id },
        details: { name, scope, reviewerMode: input.reviewerMode, reviewers: reviewerIds.length, items: count, dueAt: input.dueAt?.toISOString() ?? null },
        ...input.origin,
      });
      return updated;
    });
    return { review, errors: [] };
  }

  /** Copies the grants in scope into review items, in one statement: later changes to access do not alter the review. */
  async #snapshot(tx: Transaction<DB>, reviewId: number, scope: ReviewScope): Promise<number> {
    let select = tx
      .selectFrom('grants as g')
      .innerJoin('entitlements as e', 'e.id', 'g.entitlement_id')
      .innerJoin('resources as r', 'r.id', 'e.resource_id')
      .innerJoin('accounts as a', 'a.id', 'g.account_id')
      .select([
        sql<number>`${reviewId}::bigint`.as('review_id'),
        'g.id as grant_id',
        'g.external_id as grant_external_id',
        'g.entitlement_id',
        'g.account_id',
        sql<string>`jsonb_build_object(
          'entitlement', e.external_id, 'entitlementName', e.display_name,
          'resourceType', r.resource_type, 'resource', r.display_name, 'workspaceId', r.workspace_id,
          'account', a.external_id, 'slackId', a.slack_id, 'email', a.email,
          'name', coalesce(a.real_name, a.display_name), 'accountStatus', a.status, 'accountType', a.type,
          'isGuest', a.is_guest, 'isAdmin', a.is_admin,
          'source', g.source, 'grantedAt', g.granted_at, 'expiresAt', g.expires_at, 'requestId', g.request_id)`.as('snapshot'),
      ])
      .where('r.status', '<>', 'DELETED');
    if (scope.entitlementIds?.length) select = select.where('g.entitlement_id', '=', sql<number>`any(${scope.entitlementIds}::bigint[])`);
    if (scope.resourceTypes?.length) select = select.where('r.resource_type', 'in', scope.resourceTypes);
    if (scope.workspaceId) select = select.where('r.workspace_id', '=', scope.workspaceId);
    const result = await tx
      .insertInto('review_items')
      .columns(['review_id', 'grant_id', 'grant_external_id', 'entitlement_id', 'account_id', 'snapshot'])
      .expression(select.orderBy('g.id'))
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /** Who may decide which items: the named reviewers, or each entitlement's approvers. */
  async #mayReview(db: Kysely<DB> | Transaction<DB>, review: AccessReview, accountId: number, entitlementIds: readonly number[]): Promise<Set<number>> {
    if (review.reviewer_mode === 'EXPLICIT') {
      const named = await db.selectFrom('access_review_reviewers').select('account_id').where('review_id', '=', review.id).where('account_id', '=', accountId).executeTakeFirst();
      return new Set(named ? entitlementIds : []);
    }
    const policies = await loadPolicies(db, entitlementIds);
    return new Set(entitlementIds.filter((id) => policies.get(id)?.approverIds.includes(accountId)));
  }

  /** Records many decisions at once: all of them, or (when any is refused) none. */
  async decide(input: { reviewId: number; decisions: DecisionItem[]; actor: Actor; origin?: CallOrigin }): Promise<ReviewResult> {
    const reviewerId = input.actor.accountId;
    const refuse = async (db: Kysely<DB> | Transaction<DB>, errors: UserError[]): Promise<ReviewResult> => {
      await recordAudit(db, {
        action: 'decideReviewItems',
        outcome: 'DENIED',
        actor: auditActor(input.actor),
        target: { type: 'accessReview', id: input.reviewId },
        errorCode: errors[0]?.code ?? null,
        details: { refused: errors.length, first: errors[0]?.message ?? null, decisions: input.decisions.length },
        ...input.origin,
      });
      return { errors };
    };
    if (reviewerId === undefined) return refuse(this.#db, [new ValidationError('name the reviewer with actorId: decisions are made by people', { field: 'input.actorId' })]);
    if (input.decisions.length === 0) return refuse(this.#db, [new ValidationError('no decisions given', { field: 'input.decisions' })]);
    if (input.decisions.length > MAX_DECISIONS_PER_CALL) {
      return refuse(this.#db, [new ValidationError(`at most ${MAX_DECISIONS_PER_CALL} decisions per call; send the rest in another`, { field: 'input.decisions' })]);
    }
    const seen = new Set<number>();
    for (const [i, d] of input.decisions.entries()) {
      if (seen.has(d.itemId)) return refuse(this.#db, [new ValidationError(`item ${d.itemId} is decided twice in one call`, { field: `input.decisions.${i}.itemId` })]);
      seen.add(d.itemId);
    }

    const outcome = await this.#db.transaction().execute(async (tx) => {
      // Closing takes this row FOR UPDATE: no decision slips in after the REVOKEs were collected.
      const review = await tx.selectFrom('access_reviews').selectAll().where('id', '=', input.reviewId).forShare().executeTakeFirst();
      if (!review) return { errors: [new NotFoundError(`there is no access review ${input.reviewId}`, { field: 'input.reviewId' })] };
      if (review.status !== 'OPEN') return { errors: [new ConflictError(`access review ${review.id} is ${review.status}; decisions can no longer change`, { code: 'REVIEW_CLOSED', field: 'input.reviewId' })] };
      const ids = input.decisions.map((d) => d.itemId);
      const items = await tx.selectFrom('review_items').select(['id', 'account_id', 'entitlement_id']).where('review_id', '=', review.id).where('id', '=', sql<number>`any(${ids}::bigint[])`).execute();
      const byId = new Map(items.map((it) => [it.id, it]));
      const allowed = await this.#mayReview(tx, review, reviewerId, [...new Set(items.map((it) => it.entitlement_id))]);
      const errors: UserError[] = [];
      for (const [i, d] of input.decisions.entries()) {
        const item = byId.get(d.itemId);
        const field = `input.decisions.${i}.itemId`;
        if (!item) errors.push(new NotFoundError(`access review ${review.id} has no item ${d.itemId}`, { field }));
        else if (item.account_id === reviewerId) errors.push(new ForbiddenError(`item ${d.itemId} is the reviewer's own access; someone else must review it`, { code: 'SELF_REVIEW', field }));
        else if (!allowed.has(item.entitlement_id)) {
          const who = review.reviewer_mode === 'EXPLICIT' ? 'not a reviewer of this review' : "not an approver of the item's entitlement";
          errors.push(new ForbiddenError(`account ${reviewerId} is ${who}`, { code: 'NOT_A_REVIEWER', field }));
        }
      }
      if (errors.length > 0) return { errors };
      const now = this.#now();
      const decisions = input.decisions.map((d) => d.decision);
      const comments = input.decisions.map((d) => d.comment ?? null);
      const updated = await tx
        .updateTable('review_items')
        .from(sql<{ item_id: number; decision: ReviewDecision; comment: string | null }>`(select unnest(${ids}::bigint[]) as item_id, unnest(${decisions}::text[]) as decision, unnest(${comments}::text[]) as comment)`.as('d'))
        .set((eb) => ({ decision: eb.ref('d.decision'), comment: eb.ref('d.comment'), decided_by: reviewerId, decided_at: now }))
        .whereRef('review_items.id', '=', 'd.item_id')
        .where('review_items.review_id', '=', review.id)
        .returningAll('review_items')
        .execute();
      const revokes = decisions.filter((d) => d === 'REVOKE').length;
      await recordAudit(tx, {
        action: 'decideReviewItems',
        outcome: 'SUCCESS',
        actor: auditActor(input.actor),
        target: { type: 'accessReview', id: review.id },
        details: { decisions: updated.length, keep: updated.length - revokes, revoke: revokes, itemIds: ids.length <= 50 ? ids : undefined },
        ...input.origin,
      });
      return { review, items: updated, errors: [] as UserError[] };
    });
    if (outcome.errors.length > 0) return refuse(this.#db, outcome.errors);
    return outcome;
  }

  /**
   * Stops decisions and carries out every REVOKE through a revoke request. Items nobody decided
   * keep their access only when the caller says so (keepUndecided); otherwise the close is
   * refused, so a forgotten half of a review is never passed silently.
   */
  async close(input: { reviewId: number; actor: Actor; origin?: CallOrigin; keepUndecided?: boolean }): Promise<ReviewResult> {
    const outcome = await this.#db.transaction().execute(async (tx) => {
      const review = await tx.selectFrom('access_reviews').selectAll().where('id', '=', input.reviewId).forUpdate().executeTakeFirst();
      if (!review) return { errors: [new NotFoundError(`there is no access review ${input.reviewId}`, { field: 'input.reviewId' })] };
      if (review.status !== 'OPEN') return { review, errors: [new ConflictError(`access review ${review.id} is already ${review.status}`, { code: 'REVIEW_CLOSED', field: 'input.reviewId' })] };
      if (!input.keepUndecided) {
        const pending = await tx.selectFrom('review_items').select((eb) => eb.fn.countAll<string>().as('n')).where('review_id', '=', review.id).where('decision', 'is', null).executeTakeFirstOrThrow();
        if (Number(pending.n) > 0) {
          return {
            review,
            errors: [
              new ConflictError(`access review ${review.id} has ${pending.n} undecided item(s); decide them first, or close with keepUndecided: true to leave their access as it is`, {
                code: 'UNDECIDED_ITEMS',
                field: 'input.keepUndecided',
              }),
            ],
          };
        }
      }
      const toRevoke = await tx.selectFrom('review_items').select(['id', 'account_id', 'entitlement_id', 'comment']).where('review_id', '=', review.id).where('decision', '=', 'REVOKE').where('request_id', 'is', null).orderBy('id').execute();
      // A revoke already under way for the same access (another review, an earlier close) is reused.
      const open = toRevoke.length
        ? await tx
            .selectFrom('requests')
            .select(['id', 'account_id', 'entitlement_id'])
            .where('kind', '=', 'REVOKE')
            .where('state', 'in', ['PENDING', 'APPROVED', 'PROVISIONING'])
            .where('account_id', '=', sql<number>`any(${[...new Set(toRevoke.map((i) => i.account_id))]}::bigint[])`)
            .execute()
        : [];
      const openBy = new Map(open.map((r) => [`${r.account_id}:${r.entitlement_id}`, r.id]));
      const fresh = toRevoke.filter((i) => !openBy.has(`${i.account_id}:${i.entitlement_id}`));
      const created = await this.#requests.createRevokeRequests(
        tx,
        fresh.map((i) => ({
          accountId: i.account_id,
          entitlementId: i.entitlement_id,
          origin: 'REVIEW' as const,
          reviewItemId: i.id,
          requesterId: input.actor.accountId ?? review.created_by_account,
          apiClientId: input.actor.apiClientId,
          justification: `access review "${review.name}"${i.comment ? `: ${i.comment}` : ''}`,
        })),
      );
      const links = [
        ...created.map((r) => [r.review_item_id as number, r.id] as const),
        ...toRevoke.filter((i) => openBy.has(`${i.account_id}:${i.entitlement_id}`)).map((i) => [i.id, openBy.get(`${i.account_id}:${i.entitlement_id}`) as number] as const),
      ];
      if (links.length > 0) {
        await tx
          .updateTable('review_items')
          .from(sql<{ item_id: number; request_id: number }>`(select unnest(${links.map((l) => l[0])}::bigint[]) as item_id, unnest(${links.map((l) => l[1])}::bigint[]) as request_id)`.as('l'))
          .set((eb) => ({ request_id: eb.ref('l.request_id') }))
          .whereRef('review_items.id', '=', 'l.item_id')
          .execute();
      }
      const done = links.length === 0;
      const updated = await tx
        .updateTable('access_reviews')
        .set({ status: done ? 'CLOSED' : 'CLOSING', closed_at: done ? this.#now() : null })
        .where('id', '=', review.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const counts = await tx
        .selectFrom('review_items')
        .select([(eb) => eb.fn.countAll<number>().as('total'), sql<number>`count(*) filter (where decision is null)`.as('undecided')])
        .where('review_id', '=', review.id)
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        action: 'closeAccessReview',
        outcome: 'SUCCESS',
        actor: auditActor(input.actor),
        target: { type: 'accessReview', id: review.id },
        details: { revokeRequests: created.length, reusedRequests: links.length - created.length, undecided: Number(counts.undecided), items: Number(counts.total), status: updated.status },
        ...input.origin,
      });
      return { review: updated, errors: [] as UserError[] };
    });
    if (outcome.errors.length > 0) {
      await recordAudit(this.#db, { action: 'closeAccessReview', outcome: 'DENIED', actor: auditActor(input.actor), target: { type: 'accessReview', id: input.reviewId }, errorCode: outcome.errors[0]?.code ?? null, ...input.origin });
    }
    return outcome;
  }

  /** A review's revoke request ended: the review is CLOSED once none is left running. */
  async #revokeFinished(request: AccessRequest): Promise<void> {
    if (request.kind !== 'REVOKE' || request.review_item_id === null) return;
    const item = await this.#db.selectFrom('review_items').select('review_id').where('id', '=', request.review_item_id).executeTakeFirst();
    if (!item) return;
    const running = await this.#db
      .selectFrom('review_items')
      .innerJoin('requests', 'requests.id', 'review_items.request_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('review_items.review_id', '=', item.review_id)
      .where('requests.state', 'in', ['PENDING', 'APPROVED', 'PROVISIONING'])
      .executeTakeFirstOrThrow();
    if (Number(running.n) > 0) return;
    await this.#db.transaction().execute(async (tx) => {
      const closed = await tx
        .updateTable('access_reviews')
        .set({ status: 'CLOSED', closed_at: this.#now() })
        .where('id', '=', item.review_id)
        .where('status', '=', 'CLOSING')
        .returning('id')
        .executeTakeFirst();
      if (!closed) return;
      const progress = await this.progress(item.review_id, tx);
      await recordAudit(tx, { action: 'accessReview.closed', outcome: progress.revocationsFailed > 0 ? 'FAILURE' : 'SUCCESS', actor: { label: 'reviews' }, target: { type: 'accessReview', id: item.review_id }, details: { ...progress } });
      this.#logger?.info({ reviewId: item.review_id, ...progress }, 'access review closed');
    });
  }

  async progress(reviewId: number, db: Kysely<DB> | Transaction<DB> = this.#db): Promise<ReviewProgress> {
    return (await this.progressOf([reviewId], db)).get(reviewId) as ReviewProgress;
  }

  /** Progress of many reviews in one statement. */
  async progressOf(reviewIds: readonly number[], db: Kysely<DB> | Transaction<DB> = this.#db): Promise<Map<number, ReviewProgress>> {
    const rows = await db
      .selectFrom('review_items as i')
      .leftJoin('requests as r', 'r.id', 'i.request_id')
      .select([
        'i.review_id',
        (eb) => eb.fn.countAll<number>().as('total'),
        sql<number>`count(*) filter (where i.decision = 'KEEP')`.as('kept'),
        sql<number>`count(*) filter (where i.decision = 'REVOKE')`.as('revoked'),
        sql<number>`count(*) filter (where r.state = 'REVOKED')`.as('done'),
        sql<number>`count(*) filter (where r.state in ('FAILED', 'CANCELLED'))`.as('failed'),
        sql<number>`count(*) filter (where r.state in ('PENDING', 'APPROVED', 'PROVISIONING'))`.as('pending'),
      ])
      .where('i.review_id', '=', sql<number>`any(${reviewIds}::bigint[])`)
      .groupBy('i.review_id')
      .execute();
    const result = new Map<number, ReviewProgress>();
    for (const id of reviewIds) {
      const row = rows.find((r) => r.review_id === id);
      const total = Number(row?.total ?? 0);
      const kept = Number(row?.kept ?? 0);
      const revoked = Number(row?.revoked ?? 0);
      result.set(id, {
        total,
        decided: kept + revoked,
        kept,
        revoked,
        undecided: total - kept - revoked,
        revocationsDone: Number(row?.done ?? 0),
        revocationsFailed: Number(row?.failed ?? 0),
        revocationsPending: Number(row?.pending ?? 0),
        percentDecided: total === 0 ? 100 : Math.floor(((kept + revoked) / total) * 100),
      });
    }
    return result;
  }
}
