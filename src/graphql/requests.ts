import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import { GraphQLError } from 'graphql';
import { formatDuration } from '../access/policies.ts';
import { followRequest, RequestService, type AccessRequest, type RequestResult } from '../access/requests/index.ts';
import type { Actor } from '../access/types.ts';
import { hasScope } from '../auth/scopes.ts';
import type { RequestKind, RequestState } from '../db/schema.ts';
import { builder } from './builder.ts';
import { requireBus } from './liveUpdates.ts';
import { byIdArg } from './nodeById.ts';
import { enumOf } from './enumOf.ts';
import type { GraphQLContext } from './context.ts';
import { emptyConnection } from './emptyConnection.ts';
import { actorOf, originOf as origin } from './actAs.ts';
import { ConflictError, NotFoundError, UserError, UserErrorRef } from './errors.ts';
import { ACCOUNT_ID, ENTITLEMENT_ID, GRANT_ID, numberedId, resolveIdArg, resolveOptionalIdArg } from './idArgs.ts';
import { keysetConnection } from './pagination.ts';
import { approvalsOf, countRequests, requestOrder, requestsPage, type ApprovalRow, type RequestFilter } from './read/requests.ts';
import { AccountRef, EntitlementRef, GrantRef, numberedNodeRef } from './refs.ts';

type Approval = ApprovalRow;

/** Requests have no external id; their number is accepted instead of the global id. */
export const REQUEST_ID = numberedId('Request');

export const RequestKindEnum = enumOf('RequestKind', {
  GRANT: 'Asks for access.',
  REVOKE: 'Removes access (from an access review decision).',
});

export const RequestStateEnum = enumOf('RequestState', {
  PENDING: 'Waiting for approvals.',
  APPROVED: 'Approved; about to be provisioned.',
  DENIED: 'An approver said no.',
  CANCELLED: 'Withdrawn, or closed because nobody decided in time (errorCode TIMED_OUT).',
  PROVISIONING: 'Being carried out in Slack.',
  GRANTED: 'The access is in place (until expiresAt, when set).',
  FAILED: 'Slack refused; see error. retryRequest tries again.',
  EXPIRED: 'Time-bound access ended and was removed.',
  REVOKED: 'Access removed (a revoke request, or the access was revoked by one).',
}, 'PENDING → APPROVED → PROVISIONING → GRANTED → EXPIRED or REVOKED; or DENIED, CANCELLED, FAILED (retryable).');

const RequestOriginEnum = enumOf('RequestOrigin', {
  API: 'Asked through the API.',
  REVIEW: 'A REVOKE decision of an access review.',
  EXPIRY: 'Created by expiry.',
  EXTENSION: 'Extends a time-bound grant.',
  SYSTEM: 'Created by the gateway itself.',
});

const ApprovalDecisionEnum = enumOf('ApprovalDecision', ['APPROVE', 'DENY']);

const ApprovalRef = builder.objectRef<Approval>('Approval').implement({
  description: 'One approver’s decision on a request.',
  fields: (t) => ({
    approver: t.field({ type: AccountRef, resolve: (a) => a.approver_id }),
    decision: t.field({ type: ApprovalDecisionEnum, resolve: (a) => a.decision }),
    comment: t.exposeString('comment', { nullable: true }),
    apiClientId: t.exposeString('api_client_id', { nullable: true, description: 'The API client the approver acted through.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.created_at }),
  }),
});

export const RequestRef = numberedNodeRef('Request', (ids, ctx): Promise<AccessRequest[]> => RequestService.byIds(ctx.database.db, ids), true);

const iso = (seconds: number | null) => (seconds === null ? null : formatDuration(seconds));

RequestRef.implement({
  description: 'A just-in-time access request (GRANT), or a revoke carried out for an access review (REVOKE).',
  fields: (t) => ({
    number: t.int({ description: 'The request number, accepted wherever a request id is.', resolve: (r) => r.id }),
    kind: t.field({ type: RequestKindEnum, resolve: (r) => r.kind }),
    status: t.field({ type: RequestStateEnum, description: 'Where the request is in its lifecycle (the same word as Account, SyncRun and AccessReview use).', resolve: (r) => r.state }),
    state: t.field({ type: RequestStateEnum, deprecationReason: 'Use status: one word for lifecycle state across the API.', resolve: (r) => r.state }),
    origin: t.field({ type: RequestOriginEnum, resolve: (r) => r.origin }),
    requester: t.field({ type: AccountRef, nullable: true, description: 'Who asked.', resolve: (r) => r.requester_id }),
    account: t.field({ type: AccountRef, description: 'Who gets (or loses) the access.', resolve: (r) => r.account_id }),
    entitlement: t.field({ type: EntitlementRef, resolve: (r) => r.entitlement_id }),
    justification: t.exposeString('justification', { nullable: true }),
    requestedDuration: t.string({ nullable: true, description: 'ISO-8601, as asked; null for access without end.', resolve: (r) => r.requested_duration ?? iso(r.requested_duration_seconds) }),
    requestedDurationSeconds: t.exposeInt('requested_duration_seconds', { nullable: true }),
    approvedDuration: t.string({ nullable: true, description: "ISO-8601: what was asked, clamped to the policy's maxDuration.", resolve: (r) => iso(r.approved_duration_seconds) }),
    approvedDurationSeconds: t.exposeInt('approved_duration_seconds', { nullable: true }),
    approvals: t.loadableList({
      type: ApprovalRef,
      description: 'Approvals and denials, in the order they were given.',
      load: (ids: number[], ctx) => approvalsOf(ctx.database.db, ids),
      resolve: (r) => r.id,
    }),
    extendsGrant: t.field({ type: GrantRef, nullable: true, description: 'The time-bound grant this request extends.', resolve: (r) => r.extends_grant_id }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updated_at }),
    pendingUntil: t.field({ type: 'DateTime', nullable: true, description: 'When a pending request is closed if nobody decides.', resolve: (r) => r.pending_until }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.decided_at }),
    provisionedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.provisioned_at }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When the granted access is removed automatically.', resolve: (r) => r.expires_at }),
    error: t.exposeString('error', { nullable: true, description: 'Why provisioning failed (FAILED), or why the request was closed.' }),
    errorCode: t.exposeString('error_code', { nullable: true, description: "Slack's error code when Slack refused; TIMED_OUT when nobody decided." }),
  }),
});

builder.objectField(GrantRef, 'request', (t) =>
  t.field({ type: RequestRef, nullable: true, description: 'The access request this grant came from (the latest, after extensions).', resolve: (g) => g.request_id }),
);

// ---- queries --------------------------------------------------------------------------------

const RequestFilterInput = builder.inputType('RequestFilter', {
  fields: (t) => ({
    status: t.field({ type: [RequestStateEnum], required: false, description: 'Only requests in these states.' }),
    state: t.field({ type: [RequestStateEnum], required: false, deprecationReason: 'Use status.' }),
    kind: t.field({ type: [RequestKindEnum], required: false }),
    accountId: t.id({ required: false, description: 'Requests for this account (global or external id).' }),
    entitlementId: t.id({ required: false, description: 'Requests for this entitlement (global or external id).' }),
    requesterId: t.id({ required: false, description: 'Requests made by this account (global or external id).' }),
  }),
});

type RequestFilterArgs = { status?: RequestState[] | null; state?: RequestState[] | null; kind?: RequestKind[] | null; accountId?: string | null; entitlementId?: string | null; requesterId?: string | null };

async function requestFilter(ctx: GraphQLContext, f: RequestFilterArgs | null | undefined): Promise<RequestFilter | null> {
  const accountId = await resolveOptionalIdArg(ctx, f?.accountId, ACCOUNT_ID, 'filter.accountId');
  const entitlementId = await resolveOptionalIdArg(ctx, f?.entitlementId, ENTITLEMENT_ID, 'filter.entitlementId');
  const requesterId = await resolveOptionalIdArg(ctx, f?.requesterId, ACCOUNT_ID, 'filter.requesterId');
  if (accountId === null || entitlementId === null || requesterId === null) return null;
  return { states: f?.status ?? f?.state, kinds: f?.kind, accountId, entitlementId, requesterId };
}

function requestConnection(ctx: GraphQLContext, args: Parameters<typeof keysetConnection>[0], filter: RequestFilter) {
  const db = ctx.database.db;
  return keysetConnection(args, requestOrder, (page) => requestsPage(db, filter, page), () => countRequests(db, filter));
}

const RequestConnection = builder.connectionObject({ type: RequestRef, name: 'RequestConnection' }, { name: 'RequestEdge' });

const requestReaders = { $any: { read: true, request: true, approve: true } } as const;

builder.objectField(AccountRef, 'requests', (t) =>
  t.connection(
    {
      type: RequestRef,
      description: 'Access requests for this account, newest first.',
      args: { filter: t.arg({ type: RequestFilterInput, required: false }) },
      resolve: async (account, args, ctx) => {
        const filter = await requestFilter(ctx, args.filter);
        if (!filter) return emptyConnection();
        return requestConnection(ctx, args, { ...filter, accountId: account.id });
      },
    },
    RequestConnection,
  ),
);

builder.queryFields((t) => ({
  requests: t.connection(
    {
      type: RequestRef,
      description: 'Access requests, newest first.',
      skipTypeScopes: true,
      authScopes: requestReaders,
      args: { filter: t.arg({ type: RequestFilterInput, required: false }) },
      resolve: async (_root, args, ctx) => {
        const filter = await requestFilter(ctx, args.filter);
        if (!filter) return emptyConnection();
        return requestConnection(ctx, args, filter);
      },
    },
    RequestConnection,
  ),
  request: t.field({
    type: RequestRef,
    nullable: true,
    description: 'One request, by global id or request number.',
    skipTypeScopes: true,
    authScopes: requestReaders,
    ...byIdArg(t, REQUEST_ID),
  }),
}));

// ---- mutations ------------------------------------------------------------------------------

function requestsService(ctx: GraphQLContext): RequestService | UserError {
  return ctx.services.requests ?? new ConflictError('access requests are not available on this gateway (it runs without a Slack connection)', { code: 'REQUESTS_NOT_CONFIGURED' });
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const requestPayloadFields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, RequestResult>) => ({
  request: t.field({ type: RequestRef, nullable: true, description: 'The request as it is now.', resolve: (p) => p.request ?? null }),
  errors: t.field({ type: [UserErrorRef], description: 'Expected failures; empty when it did what was asked.', resolve: (p) => p.errors }),
});

async function withRequestId(ctx: GraphQLContext, raw: string): Promise<number | UserError> {
  const id = await resolveIdArg(ctx, raw, REQUEST_ID, 'input.requestId');
  return id ?? new NotFoundError(`there is no request ${raw}`, { field: 'input.requestId' });
}

const isError = (value: unknown): value is UserError => value instanceof UserError;

/** Runs a request mutation with the service and the acting person, or answers why it cannot. */
async function withRequestCall(ctx: GraphQLContext, actorId: string | null | undefined, run: (service: RequestService, actor: Actor) => Promise<RequestResult>): Promise<RequestResult> {
  const service = requestsService(ctx);
  if (isError(service)) return { errors: [service] };
  const actor = await actorOf(ctx, actorId);
  return isError(actor) ? { errors: [actor] } : run(service, actor);
}

builder.relayMutationField(
  'requestAccess',
  {
    inputFields: (t) => ({
      entitlementId: t.id({ required: true, description: 'Global or external id, e.g. userGroup:S123:member.' }),
      accountId: t.id({ required: false, description: 'Who is to get the access; the actor when left out.' }),
      justification: t.string({ required: false, description: 'Why; required when the policy says reasonRequired.' }),
      duration: t.string({ required: false, description: "ISO-8601 (PT8H, P1D); clamped to the policy's maxDuration, which applies when left out." }),
      actorId: t.id({ required: true, description: 'The person asking (global or external account id).' }),
    }),
  },
  {
    description: 'Ask for access. It waits for approvals (its approvers get a Slack DM) unless the policy approves automatically.',
    skipTypeScopes: true,
    authScopes: { request: true },
    resolve: (_root, { input }, ctx): Promise<RequestResult> =>
      withRequestCall(ctx, input.actorId, async (service, actor) => {
        const entitlementId = await resolveIdArg(ctx, input.entitlementId, ENTITLEMENT_ID, 'input.entitlementId');
        if (entitlementId === null) return { errors: [new NotFoundError(`there is no entitlement ${input.entitlementId}`, { field: 'input.entitlementId' })] };
        const accountId = await resolveOptionalIdArg(ctx, input.accountId, ACCOUNT_ID, 'input.accountId');
        if (accountId === null) return { errors: [new NotFoundError(`there is no account ${input.accountId}`, { field: 'input.accountId' })] };
        return service.requestAccess({ entitlementId, accountId, justification: input.justification, duration: input.duration, actor, origin: origin(ctx) });
      }),
  },
  { name: 'RequestAccessPayload', outputFields: requestPayloadFields },
);

builder.relayMutationField(
  'extendGrant',
  {
    inputFields: (t) => ({
      grantId: t.id({ required: true, description: 'The time-bound grant to extend (global or external id).' }),
      duration: t.string({ required: false, description: 'ISO-8601: how much longer; the policy maximum when left out.' }),
      justification: t.string({ required: false }),
      actorId: t.id({ required: true }),
    }),
  },
  {
    description: 'Ask for more time on time-bound access: a request (origin EXTENSION) that goes through the same approvals.',
    skipTypeScopes: true,
    authScopes: { request: true },
    resolve: (_root, { input }, ctx): Promise<RequestResult> =>
      withRequestCall(ctx, input.actorId, async (service, actor) => {
        const grantId = await resolveIdArg(ctx, input.grantId, GRANT_ID, 'input.grantId');
        if (grantId === null) return { errors: [new NotFoundError(`there is no grant ${input.grantId}`, { field: 'input.grantId' })] };
        return service.requestAccess({ extendsGrantId: grantId, justification: input.justification, duration: input.duration, actor, origin: origin(ctx) });
      }),
  },
  { name: 'ExtendGrantPayload', outputFields: requestPayloadFields },
);

type Decision = 'approve' | 'deny' | 'cancel' | 'retry';

function decisionMutation(name: string, decision: Decision, description: string, authScopes: Record<string, unknown>) {
  builder.relayMutationField(
    name,
    {
      inputFields: (t) => ({
        requestId: t.id({ required: true, description: 'Global id or request number.' }),
        comment: t.string({ required: false }),
        actorId: t.id({ required: decision === 'approve' || decision === 'deny', description: 'The person deciding (global or external account id).' }),
      }),
    },
    {
      description,
      skipTypeScopes: true,
      authScopes,
      resolve: (_root, { input }, ctx): Promise<RequestResult> =>
        withRequestCall(ctx, input.actorId, async (service, actor) => {
          const requestId = await withRequestId(ctx, input.requestId);
          if (isError(requestId)) return { errors: [requestId] };
          const args = { requestId, actor, comment: input.comment, origin: origin(ctx), asAdmin: hasScope(ctx.principal.scopes, 'admin') };
          return service[decision](args);
        }),
    },
    { name: `${name[0]?.toUpperCase()}${name.slice(1)}Payload`, outputFields: requestPayloadFields },
  );
}

decisionMutation('approveRequest', 'approve', 'Approve a pending request. With enough approvals it is provisioned in Slack at once; the answer shows the outcome.', { approve: true });
decisionMutation('denyRequest', 'deny', 'Deny a pending request; the requester is told in Slack.', { approve: true });
decisionMutation('cancelRequest', 'cancel', 'Withdraw a request that is pending, approved or failed (the requester, the recipient, or an admin client).', { $any: { request: true, approve: true } });
decisionMutation('retryRequest', 'retry', 'Provision a FAILED request again, after fixing what Slack refused.', { $any: { approve: true, provision: true } });

// ---- subscription ---------------------------------------------------------------------------

builder.subscriptionField('requestUpdated', (t) =>
  t.field({
    type: RequestRef,
    description: 'The request now, then each time its state changes, until it is DENIED, CANCELLED, EXPIRED or REVOKED.',
    skipTypeScopes: true,
    authScopes: requestReaders,
    args: { requestId: t.arg.id({ required: true, description: 'Global id or request number.' }) },
    subscribe: async function* (_root, args, ctx) {
      const requestId = await resolveIdArg(ctx, args.requestId, REQUEST_ID, 'requestId');
      const bus = requireBus(ctx);
      const changes = requestId === null ? undefined : await followRequest(ctx.database.db, bus, requestId);
      if (!changes) throw new GraphQLError(`requestId: there is no request ${args.requestId}`, { extensions: { code: 'NOT_FOUND' } });
      yield* changes;
    },
    resolve: async (change, _args, ctx) => {
      clearAllDataLoaders(ctx);
      const row = await RequestRef.getDataloader(ctx).load(change.id);
      return { ...row, state: change.state };
    },
  }),
);
