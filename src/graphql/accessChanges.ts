import { GraphQLError } from 'graphql';
import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { AccessChangeKind, ChangeSource } from '../db/schema.ts';
import { followAccessChanges } from '../feed/follow.ts';
import { changesAfter, changesBefore, countChanges, type AccessChangeFilter, type AccessChangeRow } from '../feed/read.ts';
import { assertFeedKept, FeedTruncatedError } from '../feed/retention.ts';
import { feedHead } from '../feed/sequencer.ts';
import { builder } from './builder.ts';
import { requireBus } from './liveUpdates.ts';
import { enumOf } from './enumOf.ts';
import type { GraphQLContext } from './context.ts';
import { GrantSourceEnum } from './enums.ts';
import { ACCOUNT_ID, ENTITLEMENT_ID, RESOURCE_ID, resolveOptionalIdArg } from './idArgs.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.ts';
import { AccountRef, EntitlementRef, GrantRef, ResourceRef, SyncRunRef } from './refs.ts';

// The change feed (scope read): every change to grants and accounts with its source and
// sequence number, paged by `accessChanges` and followed live by `accessChanged`.

export const ChangeSourceEnum = enumOf('ChangeSource', {
  SYNC: 'Seen in Slack by a full sync or a targeted refresh.',
  EVENT: 'Applied from a Slack event.',
  SLACKGATE: 'Made by slackgate: a mutation, an approved request, expiry, a review.',
}, 'Where a change to the cache came from.');

export const AccessChangeKindEnum = enumOf('AccessChangeKind', {
  GRANT_ADDED: 'An account gained an entitlement.',
  GRANT_REMOVED: 'An account lost an entitlement.',
  GRANT_CHANGED: 'A grant’s terms changed (its source, expiry or request).',
  ACCOUNT_ADDED: 'A new account appeared.',
  ACCOUNT_CHANGED: 'An account’s fields changed (see changedFields).',
  ACCOUNT_REMOVED: 'An account was deleted or left the organization.',
}, 'What changed: a grant or an account, added, changed or removed.');

const AccessChange = builder.objectRef<AccessChangeRow>('AccessChange').implement({
  description: 'One change to a grant or an account, numbered in the order changes became visible.',
  fields: (t) => ({
    seq: t.field({ type: 'SafeInt', description: 'Position in the feed; pass it as `after` to resume.', resolve: (c) => c.seq }),
    source: t.field({ type: ChangeSourceEnum, description: 'Where the change came from.', resolve: (c) => c.source }),
    kind: t.field({ type: AccessChangeKindEnum, description: 'What changed.', resolve: (c) => c.kind }),
    at: t.field({ type: 'DateTime', description: 'When the change was made.', resolve: (c) => c.occurred_at }),
    account: t.field({ type: AccountRef, description: 'The account the change concerns.', resolve: (c) => c.account_id }),
    entitlement: t.field({ type: EntitlementRef, nullable: true, description: 'The entitlement of a grant change; null for account changes.', resolve: (c) => c.entitlement_id }),
    resource: t.field({ type: ResourceRef, nullable: true, description: 'The resource of a grant change; null for account changes.', resolve: (c) => c.resource_id }),
    grant: t.field({ type: GrantRef, nullable: true, description: 'The grant as it is now; null once removed.', resolve: (c) => (c.kind === 'GRANT_REMOVED' ? null : c.grant_id) }),
    grantExternalId: t.string({ nullable: true, description: 'External id of the grant, kept after it is removed.', resolve: (c) => c.grant_external_id }),
    grantSource: t.field({ type: GrantSourceEnum, nullable: true, description: 'The grant row’s own source (SYNC, DIRECT, REQUEST).', resolve: (c) => c.grant_source }),
    syncRun: t.field({ type: SyncRunRef, nullable: true, description: 'The sync run that made the change (source SYNC).', resolve: (c) => c.run_id }),
    slackEventId: t.string({ nullable: true, description: 'The Slack event applied (source EVENT).', resolve: (c) => c.event_id }),
    changedFields: t.stringList({ nullable: true, description: 'ACCOUNT_CHANGED: the account fields that changed.', resolve: (c) => (c.detail as { fields?: string[] } | null)?.fields ?? null }),
  }),
});

const AccessChangeFilterInput = builder.inputType('AccessChangeFilter', {
  description: 'Which changes; every given condition must hold.',
  fields: (t) => ({
    entitlementId: t.id({ required: false, description: 'Global or external id of an entitlement.' }),
    resourceId: t.id({ required: false, description: 'Global or external id of a resource (a group, a channel, a workspace, …).' }),
    accountId: t.id({ required: false, description: 'Global or external id of an account.' }),
    source: t.field({ type: [ChangeSourceEnum], required: false, description: 'Only changes from these sources.' }),
    kind: t.field({ type: [AccessChangeKindEnum], required: false, description: 'Only changes of these kinds.' }),
  }),
});

type FilterArgs = { entitlementId?: string | null; resourceId?: string | null; accountId?: string | null; source?: ChangeSource[] | null; kind?: AccessChangeKind[] | null };

/** The filter an argument names; null when it names something that does not exist. */
async function feedFilter(ctx: GraphQLContext, f: FilterArgs | null | undefined): Promise<AccessChangeFilter | null> {
  const entitlementId = await resolveOptionalIdArg(ctx, f?.entitlementId, ENTITLEMENT_ID, 'filter.entitlementId');
  const resourceId = await resolveOptionalIdArg(ctx, f?.resourceId, RESOURCE_ID, 'filter.resourceId');
  const accountId = await resolveOptionalIdArg(ctx, f?.accountId, ACCOUNT_ID, 'filter.accountId');
  if (entitlementId === null || resourceId === null || accountId === null) return null;
  return { entitlementId, resourceId, accountId, sources: f?.source ?? undefined, kinds: f?.kind ?? undefined };
}

function seqCursor(text: string | null | undefined, argument: string): number | undefined {
  if (text == null) return undefined;
  if (!/^\d{1,15}$/.test(text)) throw new GraphQLError(`${argument}: "${text}" is not a cursor of this connection (a sequence number)`, { extensions: { code: 'BAD_USER_INPUT' } });
  return Number(text);
}

/**
 * Refuses to resume after a sequence number whose next changes were pruned (the feed's
 * retention): a gap would go unnoticed, so the client is told to start again from the state.
 */
async function assertResumable(ctx: GraphQLContext, after: number): Promise<void> {
  try {
    await assertFeedKept(ctx.database.db, after);
  } catch (error) {
    if (!(error instanceof FeedTruncatedError)) throw error;
    throw new GraphQLError(
      `after: changes after ${error.after} are no longer kept (the change feed keeps a bounded history; everything through ${error.prunedThrough} was pruned). Read the current state (grants, accounts) and accessChangeHead, then follow from that head.`,
      { extensions: { code: 'FEED_TRUNCATED', prunedThrough: error.prunedThrough } },
    );
  }
}

const AccessChangeConnection = builder.connectionObject({ type: AccessChange, name: 'AccessChangeConnection' }, { name: 'AccessChangeEdge' });

builder.queryField('accessChanges', (t) =>
  t.field({
    type: AccessChangeConnection,
    description:
      'The change feed, oldest first: every change to grants and accounts with its source. Cursors are sequence numbers, so `after: "<seq>"` resumes where `accessChanged` or a previous page left off.',
    args: {
      filter: t.arg({ type: AccessChangeFilterInput, required: false, description: 'Which changes; all when left out.' }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      last: t.arg.int({ required: false }),
      before: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const filter = await feedFilter(ctx, args.filter);
      const after = seqCursor(args.after, 'after');
      const before = seqCursor(args.before, 'before');
      const requested = args.last ?? args.first ?? DEFAULT_PAGE_SIZE;
      if (requested < 0 || requested > MAX_PAGE_SIZE) throw new GraphQLError(`first/last must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT' } });
      const db = ctx.database.db;
      if (after !== undefined && args.last == null) await assertResumable(ctx, after);
      let rows: AccessChangeRow[] = [];
      let more = false;
      if (filter) {
        if (args.last != null) {
          const found = await changesBefore(db, filter, before ?? Number.MAX_SAFE_INTEGER, requested + 1);
          more = found.length > requested;
          rows = found.slice(0, requested).filter((r) => after === undefined || r.seq > after).reverse();
        } else {
          const found = await changesAfter(db, filter, after ?? 0, requested + 1);
          more = found.length > requested;
          rows = found.slice(0, requested).filter((r) => before === undefined || r.seq < before);
        }
      }
      const edges = rows.map((r) => ({ cursor: String(r.seq), node: r }));
      return {
        edges,
        pageInfo: {
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? (args.last == null && after !== undefined ? String(after) : null),
          hasNextPage: args.last == null ? more : before !== undefined,
          hasPreviousPage: args.last != null ? more : after !== undefined && after > 0,
        },
        totalCount: async () => {
          if (!filter) return 0;
          return countChanges(db, filter);
        },
      };
    },
  }),
);

builder.queryField('accessChangeHead', (t) =>
  t.field({
    type: 'SafeInt',
    description: 'The newest sequence number in the change feed (0 when empty): read a snapshot, then follow `accessChanged(after:)` from here.',
    resolve: (_root, _args, ctx) => feedHead(ctx.database.db),
  }),
);

builder.subscriptionField('accessChanged', (t) =>
  t.field({
    type: AccessChange,
    description:
      'The change feed live, from every replica: each change to grants and accounts matching the filter, in sequence order. With `after`, first every change since that sequence number (a reconnecting client passes the last `seq` it saw and misses nothing, and gets nothing twice); without, from now.',
    args: {
      filter: t.arg({ type: AccessChangeFilterInput, required: false, description: 'Which changes; all when left out.' }),
      after: t.arg({ type: 'SafeInt', required: false, description: 'Resume after this sequence number.' }),
    },
    subscribe: async function* (_root, args, ctx) {
      const bus = requireBus(ctx);
      const filter = await feedFilter(ctx, args.filter);
      if (!filter) throw new GraphQLError('filter: it names an entitlement, resource or account that does not exist', { extensions: { code: 'NOT_FOUND' } });
      if (args.after != null && args.after < 0) throw new GraphQLError('after: a sequence number is 0 or more', { extensions: { code: 'BAD_USER_INPUT' } });
      if (args.after != null) await assertResumable(ctx, args.after);
      yield* followAccessChanges(ctx.database.db, bus, filter, args.after ?? null);
    },
    resolve: (change, _args, ctx) => {
      clearAllDataLoaders(ctx);
      return change;
    },
  }),
);
