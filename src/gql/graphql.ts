/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
};

/** One change to a grant or an account, numbered in the order changes became visible. */
export type AccessChange = {
  __typename?: 'AccessChange';
  /** The account the change concerns. */
  account: Account;
  /** When the change was made. */
  at: Scalars['DateTime']['output'];
  /** ACCOUNT_CHANGED: the account fields that changed. */
  changedFields?: Maybe<Array<Scalars['String']['output']>>;
  /** The entitlement of a grant change; null for account changes. */
  entitlement?: Maybe<Entitlement>;
  /** The grant as it is now; null once removed. */
  grant?: Maybe<Grant>;
  /** External id of the grant, kept after it is removed. */
  grantExternalId?: Maybe<Scalars['String']['output']>;
  /** The grant row’s own source (SYNC, DIRECT, REQUEST). */
  grantSource?: Maybe<GrantSource>;
  /** What changed. */
  kind: AccessChangeKind;
  /** The resource of a grant change; null for account changes. */
  resource?: Maybe<Resource>;
  /** Position in the feed; pass it as `after` to resume. */
  seq: Scalars['SafeInt']['output'];
  /** The Slack event applied (source EVENT). */
  slackEventId?: Maybe<Scalars['String']['output']>;
  /** Where the change came from. */
  source: ChangeSource;
  /** The sync run that made the change (source SYNC). */
  syncRun?: Maybe<SyncRun>;
};

/** A page of AccessChange items. */
export type AccessChangeConnection = {
  __typename?: 'AccessChangeConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<AccessChangeEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One AccessChange of a page, with its cursor. */
export type AccessChangeEdge = {
  __typename?: 'AccessChangeEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AccessChange;
};

/** Which changes; every given condition must hold. */
export type AccessChangeFilter = {
  /** Global or external id of an account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Global or external id of an entitlement. */
  entitlementId?: InputMaybe<Scalars['ID']['input']>;
  /** Only changes of these kinds. */
  kind?: InputMaybe<Array<AccessChangeKind>>;
  /** Global or external id of a resource (a group, a channel, a workspace, …). */
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  /** Only changes from these sources. */
  source?: InputMaybe<Array<ChangeSource>>;
};

/** What changed: a grant or an account, added, changed or removed. */
export type AccessChangeKind =
  /** A new account appeared. */
  | 'ACCOUNT_ADDED'
  /** An account’s fields changed (see changedFields). */
  | 'ACCOUNT_CHANGED'
  /** An account was deleted or left the organization. */
  | 'ACCOUNT_REMOVED'
  /** An account gained an entitlement. */
  | 'GRANT_ADDED'
  /** A grant’s terms changed (its source, expiry or request). */
  | 'GRANT_CHANGED'
  /** An account lost an entitlement. */
  | 'GRANT_REMOVED';

/** A user access review: the grants in its scope, snapshotted when it was created, each decided KEEP or REVOKE. */
export type AccessReview = Node & {
  __typename?: 'AccessReview';
  /** When the review became CLOSED. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the gateway recorded it. */
  createdAt: Scalars['DateTime']['output'];
  /** The person who started it. */
  createdBy?: Maybe<Account>;
  /** The API client it was started through. */
  createdByClient?: Maybe<Scalars['String']['output']>;
  /** What the review is for, as given at creation. */
  description?: Maybe<Scalars['String']['output']>;
  /** When decisions are due. */
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** The review as a file for auditors (every item, decision, reviewer, time and revoke outcome), with its SHA-256. */
  evidence: ReviewEvidence;
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** Grants snapshotted into the review. */
  itemCount: Scalars['Int']['output'];
  /** The items, in snapshot order. */
  items: ReviewItemConnection;
  /** The name given at creation. */
  name: Scalars['String']['output'];
  /** The review number, accepted wherever a review id is. */
  number: Scalars['Int']['output'];
  /** Decisions and revocations so far. */
  progress: ReviewProgress;
  /** Who reviews the items. */
  reviewerMode: ReviewerMode;
  /** The named reviewers (empty when each entitlement’s approvers review). */
  reviewers: Array<Account>;
  /** entitlementIds (external ids), resourceTypes, workspaceId as given. */
  scope: Scalars['JSON']['output'];
  /** Where the review is in its lifecycle. */
  status: AccessReviewStatus;
};


/** A user access review: the grants in its scope, snapshotted when it was created, each decided KEEP or REVOKE. */
export type AccessReviewEvidenceArgs = {
  format: EvidenceFormat;
};


/** A user access review: the grants in its scope, snapshotted when it was created, each decided KEEP or REVOKE. */
export type AccessReviewItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReviewItemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of AccessReview items. */
export type AccessReviewConnection = {
  __typename?: 'AccessReviewConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<AccessReviewEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One AccessReview of a page, with its cursor. */
export type AccessReviewEdge = {
  __typename?: 'AccessReviewEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AccessReview;
};

/** Which grants to review; the criteria given all apply. */
export type AccessReviewScopeInput = {
  /** Global or external entitlement ids. */
  entitlementIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Every grant on resources of these types. */
  resourceTypes?: InputMaybe<Array<ResourceType>>;
  /** Resources of this workspace (global or external id, e.g. workspace:T123). */
  workspaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Where an access review is in its lifecycle. */
export type AccessReviewStatus =
  /** Done: every REVOKE decision was carried out (or failed, see progress). */
  | 'CLOSED'
  /** Closed for decisions; REVOKE decisions are being carried out. */
  | 'CLOSING'
  /** Reviewers are deciding. */
  | 'OPEN';

/** A Slack user (human, bot or Slack system account). */
export type Account = Node & {
  __typename?: 'Account';
  /** When the gateway recorded it. */
  createdAt: Scalars['DateTime']['output'];
  /** Display name in Slack. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Email address in Slack; null for bots and accounts without one. */
  email?: Maybe<Scalars['String']['output']>;
  /** Stable external id, e.g. user:U0123. */
  externalId: Scalars['String']['output'];
  /** This account's grants, oldest first. */
  grants: GrantConnection;
  /** MULTI_CHANNEL or SINGLE_CHANNEL for guests. */
  guestKind?: Maybe<Scalars['String']['output']>;
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** A workspace admin (in any of its workspaces). */
  isAdmin: Scalars['Boolean']['output'];
  /** A multi- or single-channel guest. */
  isGuest: Scalars['Boolean']['output'];
  /** A workspace owner (in any of its workspaces). */
  isOwner: Scalars['Boolean']['output'];
  /** The primary owner of a workspace. */
  isPrimaryOwner: Scalars['Boolean']['output'];
  /** Null when Slack does not say. */
  mfaEnabled?: Maybe<Scalars['Boolean']['output']>;
  /** Full name in Slack. */
  realName?: Maybe<Scalars['String']['output']>;
  /** Access requests for this account, newest first. */
  requests: RequestConnection;
  /** Slack user id (U…, W… on Grid). */
  slackId: Scalars['String']['output'];
  /** Whether the account is active in Slack. */
  status: AccountStatus;
  /** IANA time zone from the Slack profile. */
  timezone?: Maybe<Scalars['String']['output']>;
  /** Person, bot or Slack’s own account. */
  type: AccountType;
  /** When the gateway last changed it. */
  updatedAt: Scalars['DateTime']['output'];
  /** Slack username (handle). */
  username?: Maybe<Scalars['String']['output']>;
  /** Workspaces this account is a member of. */
  workspaces: Array<Workspace>;
};


/** A Slack user (human, bot or Slack system account). */
export type AccountGrantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<GrantFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A Slack user (human, bot or Slack system account). */
export type AccountRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Account items. */
export type AccountConnection = {
  __typename?: 'AccountConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<AccountEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One Account of a page, with its cursor. */
export type AccountEdge = {
  __typename?: 'AccountEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Account;
};

/** Which accounts to list; every given condition must hold. */
export type AccountFilter = {
  /** Only guests (true) or only non-guests (false). */
  isGuest?: InputMaybe<Scalars['Boolean']['input']>;
  /** Part of the name, username or email (case-insensitive), or an exact Slack id. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only accounts in these states. */
  status?: InputMaybe<Array<AccountStatus>>;
  /** Only accounts of these types. */
  type?: InputMaybe<Array<AccountType>>;
  /** Members of this workspace (global or external id). */
  workspaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Whether an account is active in Slack. */
export type AccountStatus =
  /** No longer listed by Slack; kept for history. */
  | 'DELETED'
  /** Deactivated through SCIM (inactive). */
  | 'DISABLED'
  /** Active in Slack. */
  | 'ENABLED';

/** What setAccountStatus did. */
export type AccountStatusResult =
  /** It was already deactivated; nothing changed. */
  | 'ALREADY_DISABLED'
  /** It was already active; nothing changed. */
  | 'ALREADY_ENABLED'
  /** Deactivated in Slack now. */
  | 'DISABLED'
  /** Activated in Slack now. */
  | 'ENABLED';

/** What kind of account: a person, a bot, or Slack’s own. */
export type AccountType =
  /** A person. */
  | 'HUMAN'
  /** A bot or app user. */
  | 'SERVICE'
  /** Slack's own accounts (Slackbot). */
  | 'SYSTEM';

/** An API client's limits. */
export type ApiClientLimits = {
  __typename?: 'ApiClientLimits';
  /** The API client. */
  clientId: Scalars['String']['output'];
  /** Query cost it may spend per minute; null: the gateway's default. */
  costBudgetPerMinute?: Maybe<Scalars['Int']['output']>;
  /** May run only the documents of the gateway's trusted-documents manifest, sent by hash. */
  trustedOnly: Scalars['Boolean']['output'];
};

/** One approver’s decision on a request. */
export type Approval = {
  __typename?: 'Approval';
  /** The API client the approver acted through. */
  apiClientId?: Maybe<Scalars['String']['output']>;
  /** Who decided. */
  approver: Account;
  /** What the approver wrote, if anything. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When the gateway recorded it. */
  createdAt: Scalars['DateTime']['output'];
  /** APPROVE or DENY. */
  decision: ApprovalDecision;
};

/** An approver’s decision. */
export type ApprovalDecision =
  /** Approved the request. */
  | 'APPROVE'
  /** Denied the request. */
  | 'DENY';

/** What approveRequest needs. */
export type ApproveRequestInput = {
  /** The person deciding (global or external account id). */
  actorId: Scalars['ID']['input'];
  /** A note for the requester and the audit log. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Global id or request number. */
  requestId: Scalars['ID']['input'];
};

/** The outcome of approveRequest. */
export type ApproveRequestPayload = {
  __typename?: 'ApproveRequestPayload';
  /** Expected failures; empty when it did what was asked. */
  errors: Array<UserError>;
  /** The request as it is now. */
  request?: Maybe<Request>;
};

/** Something done through the gateway: who, what, to what, with which outcome. Append-only. */
export type AuditEvent = Node & {
  __typename?: 'AuditEvent';
  /** The account concerned, by external id. */
  accountExternalId?: Maybe<Scalars['String']['output']>;
  /** e.g. startSync, client.create, grantEntitlement. */
  action: Scalars['String']['output'];
  /** The person the client acted for. */
  actorAccount?: Maybe<Account>;
  /** Who acted when not an API client: cli:<user>, scheduler, configuration, … */
  actorLabel?: Maybe<Scalars['String']['output']>;
  /** The API client that acted. */
  apiClientId?: Maybe<Scalars['String']['output']>;
  /** What else was recorded (inputs, counts, before and after), never a secret. */
  details: Scalars['JSON']['output'];
  /** The entitlement concerned, by external id. */
  entitlementExternalId?: Maybe<Scalars['String']['output']>;
  /** Why it failed or was refused. */
  errorCode?: Maybe<Scalars['String']['output']>;
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** Address the call came from. */
  ip?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** Whether it succeeded, failed, was refused or changed nothing. */
  outcome: AuditOutcome;
  /** Id of what was acted on. */
  targetId?: Maybe<Scalars['String']['output']>;
  /** Kind of thing acted on: grant, request, accessReview, apiClient, syncRun, … */
  targetType?: Maybe<Scalars['String']['output']>;
  /** User agent of the call. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** A page of AuditEvent items. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<AuditEventEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One AuditEvent of a page, with its cursor. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AuditEvent;
};

/** Which audit events to list; every given condition must hold. */
export type AuditEventFilter = {
  /** Only events of this action (e.g. grantEntitlement). */
  action?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Events done for this account (global or external id). */
  actorAccountId?: InputMaybe<Scalars['ID']['input']>;
  /** Events of this API client. */
  apiClientId?: InputMaybe<Scalars['String']['input']>;
  /** At or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only events with these outcomes. */
  outcome?: InputMaybe<Array<AuditOutcome>>;
  /** e.g. an external id, a sync run number, an API client id. */
  targetId?: InputMaybe<Scalars['String']['input']>;
  /** Only events about this kind of thing. */
  targetType?: InputMaybe<Scalars['String']['input']>;
  /** Before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** How an audited action ended. */
export type AuditOutcome =
  /** Refused (scope, policy or input). */
  | 'DENIED'
  /** Tried and failed (e.g. Slack refused). */
  | 'FAILURE'
  /** Nothing needed changing. */
  | 'NOOP'
  /** A change about to be made in Slack; the row with its outcome follows. */
  | 'STARTED'
  /** Done. */
  | 'SUCCESS';

/** What cancelRequest needs. */
export type CancelRequestInput = {
  /** The person deciding (global or external account id). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Why, for the audit log. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Global id or request number. */
  requestId: Scalars['ID']['input'];
};

/** The outcome of cancelRequest. */
export type CancelRequestPayload = {
  __typename?: 'CancelRequestPayload';
  /** Expected failures; empty when it did what was asked. */
  errors: Array<UserError>;
  /** The request as it is now. */
  request?: Maybe<Request>;
};

/** Where a change to the cache came from. */
export type ChangeSource =
  /** Applied from a Slack event. */
  | 'EVENT'
  /** Made by slackgate: a mutation, an approved request, expiry, a review. */
  | 'SLACKGATE'
  /** Seen in Slack by a full sync or a targeted refresh. */
  | 'SYNC';

/** A public or private channel. */
export type Channel = Node & Resource & {
  __typename?: 'Channel';
  /** When the gateway first saw it. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description or purpose in Slack, if any. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name people know it by (channels with their #). */
  displayName: Scalars['String']['output'];
  /** What can be granted on this resource (usually one: member or assigned). */
  entitlements: Array<Entitlement>;
  /** Stable external id, e.g. userGroup:S123. */
  externalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** Whether the channel is private (members only) rather than public. */
  isPrivate: Scalars['Boolean']['output'];
  /** Members as of the last sync or event: the grants of its member entitlement. */
  memberCount: Scalars['Int']['output'];
  /** What kind of resource this is. */
  resourceType: ResourceType;
  /** Slack's own id (T…, S…, C…; a role's team:role). */
  slackId: Scalars['String']['output'];
  /** DISABLED for disabled user groups, ARCHIVED for archived channels. */
  status: ResourceStatus;
  /** When the gateway last saw it change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The workspace this resource belongs to (null for org-wide resources). */
  workspace?: Maybe<Workspace>;
};

/** What closeAccessReview needs. */
export type CloseAccessReviewInput = {
  /** The person closing it (global or external id, or email). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Close although some items are undecided, leaving their access as it is. Without it, a review with undecided items is not closed (UNDECIDED_ITEMS). */
  keepUndecided?: InputMaybe<Scalars['Boolean']['input']>;
  /** Global id or review number. */
  reviewId: Scalars['ID']['input'];
};

/** The outcome of closeAccessReview. */
export type CloseAccessReviewPayload = {
  __typename?: 'CloseAccessReviewPayload';
  /** Why it was not closed, when it was not. */
  errors: Array<UserError>;
  /** The review, CLOSING or CLOSED. */
  review?: Maybe<AccessReview>;
};

/** The current state does not allow it. */
export type ConflictError = UserError & {
  __typename?: 'ConflictError';
  /** Stable, machine-readable reason, e.g. NOT_FOUND. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. input.entitlementId. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong and what to do about it. */
  message: Scalars['String']['output'];
};

/** The connection to Slack: what an operator checks first. */
export type Connector = {
  __typename?: 'Connector';
  /** Accounts in the cache. */
  accountCount: Scalars['Int']['output'];
  /** The sync running now, if any. */
  activeSync?: Maybe<SyncRun>;
  /** Everything detected about the connection, as recorded. */
  details: Scalars['JSON']['output'];
  /** When the plan and tokens were last checked. */
  detectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Enterprise Grid organization id, if any. */
  enterpriseId?: Maybe<Scalars['String']['output']>;
  /** Entitlements in the cache. */
  entitlementCount: Scalars['Int']['output'];
  /** The event transport’s state. */
  events: ConnectorEvents;
  /** The last full sync that succeeded. */
  lastSuccessfulSync?: Maybe<SyncRun>;
  /** Seconds since the last successful sync finished. */
  lastSuccessfulSyncAgeSeconds?: Maybe<Scalars['Int']['output']>;
  /** Detected Slack plan: pro, business-plus, grid or gov; null before the first check. */
  plan?: Maybe<Scalars['String']['output']>;
  /** SYNCING, CONNECTED or ERROR (with statusReason). */
  status: ConnectorStatus;
  /** Why the status is ERROR, in words. */
  statusReason?: Maybe<Scalars['String']['output']>;
  /** Slack team (or organization) id the tokens belong to. */
  teamId?: Maybe<Scalars['String']['output']>;
  /** Its name. */
  teamName?: Maybe<Scalars['String']['output']>;
  /** Each configured Slack token and whether it works. */
  tokens: Array<ConnectorToken>;
};

/** Slack’s events: how they reach this gateway and how far the cache has applied them. */
export type ConnectorEvents = {
  __typename?: 'ConnectorEvents';
  /** This gateway applies events. */
  applying: Scalars['Boolean']['output'];
  /** When this gateway last applied an event to the cache. */
  lastAppliedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When this gateway last received an event. */
  lastReceivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Events received and not yet applied (all replicas). */
  pending: Scalars['Int']['output'];
  /** socket (Socket Mode) and/or http (/slack/events); empty when no app transport is configured. */
  transports: Array<Scalars['String']['output']>;
};

/** The state of the connection to Slack. */
export type ConnectorStatus =
  /** The last sync succeeded and Slack accepts the tokens. */
  | 'CONNECTED'
  /** Something needs attention; statusReason says what. */
  | 'ERROR'
  /** A sync is in progress. */
  | 'SYNCING';

/** One configured Slack token and what it can do. Never the token itself. */
export type ConnectorToken = {
  __typename?: 'ConnectorToken';
  /** A value is set for this token. */
  configured: Scalars['Boolean']['output'];
  /** Slack's error code when it does not work. */
  error?: Maybe<Scalars['String']['output']>;
  /** bot, businessPlus or enterprise. */
  kind: Scalars['String']['output'];
  /** Slack accepted it at the last check. */
  ok: Scalars['Boolean']['output'];
  /** Scopes Slack reported for it. */
  scopes: Array<Scalars['String']['output']>;
};

/** What createAccessReview needs. */
export type CreateAccessReviewInput = {
  /** The person creating it. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** What the review is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When decisions are due. */
  dueAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A name people recognise, e.g. "Q4 admin roles". */
  name: Scalars['String']['input'];
  /** Named reviewers (global or external account ids). */
  reviewerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** EXPLICIT (default when reviewers are named) or ENTITLEMENT_APPROVERS. */
  reviewerMode?: InputMaybe<ReviewerMode>;
  /** Which grants to snapshot. */
  scope: AccessReviewScopeInput;
};

/** The outcome of createAccessReview. */
export type CreateAccessReviewPayload = {
  __typename?: 'CreateAccessReviewPayload';
  /** Why nothing was created, when it was not. */
  errors: Array<UserError>;
  /** The new review. */
  review?: Maybe<AccessReview>;
};

/** What decideReviewItems needs. */
export type DecideReviewItemsInput = {
  /** The reviewer. */
  actorId: Scalars['ID']['input'];
  /** Up to 1000 at once; all are recorded, or none when any is refused. */
  decisions: Array<ReviewDecisionInput>;
  /** Global id or review number. */
  reviewId: Scalars['ID']['input'];
};

/** The outcome of decideReviewItems. */
export type DecideReviewItemsPayload = {
  __typename?: 'DecideReviewItemsPayload';
  /** Why no decision was recorded, when none was (all or none). */
  errors: Array<UserError>;
  /** The items as decided. */
  items: Array<ReviewItem>;
  /** The review after the decisions. */
  review?: Maybe<AccessReview>;
};

/** What denyRequest needs. */
export type DenyRequestInput = {
  /** The person deciding (global or external account id). */
  actorId: Scalars['ID']['input'];
  /** Why, for the requester and the audit log. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Global id or request number. */
  requestId: Scalars['ID']['input'];
};

/** The outcome of denyRequest. */
export type DenyRequestPayload = {
  __typename?: 'DenyRequestPayload';
  /** Expected failures; empty when it did what was asked. */
  errors: Array<UserError>;
  /** The request as it is now. */
  request?: Maybe<Request>;
};

/** An Enterprise Grid org-level role. */
export type EnterpriseRole = Node & Resource & {
  __typename?: 'EnterpriseRole';
  /** When the gateway first saw it. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description or purpose in Slack, if any. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name people know it by (channels with their #). */
  displayName: Scalars['String']['output'];
  /** What can be granted on this resource (usually one: member or assigned). */
  entitlements: Array<Entitlement>;
  /** Stable external id, e.g. userGroup:S123. */
  externalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** What kind of resource this is. */
  resourceType: ResourceType;
  /** Slack's own id (T…, S…, C…; a role's team:role). */
  slackId: Scalars['String']['output'];
  /** DISABLED for disabled user groups, ARCHIVED for archived channels. */
  status: ResourceStatus;
  /** When the gateway last saw it change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The workspace this resource belongs to (null for org-wide resources). */
  workspace?: Maybe<Workspace>;
};

/** Something that can be held on a resource: membership of a group, a role assignment. */
export type Entitlement = Node & {
  __typename?: 'Entitlement';
  /** What it grants, in words, when known. */
  description?: Maybe<Scalars['String']['output']>;
  /** Name people know it by, e.g. "#general member". */
  displayName: Scalars['String']['output'];
  /** e.g. userGroup:S123:member. */
  externalId: Scalars['String']['output'];
  /** How many accounts hold it. */
  grantCount: Scalars['Int']['output'];
  /** Whether the gateway can grant and revoke it on this Slack plan and configuration. */
  grantable: Scalars['Boolean']['output'];
  /** Why it is not grantable (or a caveat when it is). */
  grantableReason?: Maybe<Scalars['String']['output']>;
  /** Who holds it, oldest grant first. */
  grants: GrantConnection;
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** What slackgate does when this entitlement is granted in Slack outside slackgate. */
  outsideGrants: OutsideGrantsPolicy;
  /** Requestability, maximum duration and approvers. */
  policy: EntitlementPolicy;
  /** ASSIGNMENT (membership), PERMISSION (role) or OWNERSHIP. */
  purpose: EntitlementPurpose;
  /** What it grants access to. */
  resource: Resource;
  /** member or assigned. */
  slug: Scalars['String']['output'];
  /** When the gateway last changed it. */
  updatedAt: Scalars['DateTime']['output'];
};


/** Something that can be held on a resource: membership of a group, a role assignment. */
export type EntitlementGrantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<GrantFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Entitlement items. */
export type EntitlementConnection = {
  __typename?: 'EntitlementConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<EntitlementEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One Entitlement of a page, with its cursor. */
export type EntitlementEdge = {
  __typename?: 'EntitlementEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Entitlement;
};

/** Which entitlements to list; every given condition must hold. */
export type EntitlementFilter = {
  /** Only those the gateway can (true) or cannot (false) grant here. */
  grantable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Entitlements of this resource (global or external id). */
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entitlements of these resource types. */
  resourceType?: InputMaybe<Array<ResourceType>>;
  /** Part of the entitlement or resource name, slug or external id. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Entitlements of resources in this workspace (global or external id). */
  workspaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** How an entitlement may be requested and who approves. */
export type EntitlementPolicy = {
  __typename?: 'EntitlementPolicy';
  /** Who may approve: the named approvers, or the workspace admins and owners. */
  approvers: Array<Account>;
  /** Requests are approved without anyone deciding. */
  autoApprove: Scalars['Boolean']['output'];
  /** True when nobody is named and the workspace admins and owners approve. */
  defaultApprovers: Scalars['Boolean']['output'];
  /** ISO-8601: the longest access a request gets; null = no limit. */
  maxDuration?: Maybe<Scalars['String']['output']>;
  /** maxDuration in seconds; null for no limit. */
  maxDurationSeconds?: Maybe<Scalars['Int']['output']>;
  /** Requests need a justification. */
  reasonRequired: Scalars['Boolean']['output'];
  /** Whether people may ask for it with requestAccess. */
  requestable: Scalars['Boolean']['output'];
  /** How many different approvers must approve (N of M); 0 approves automatically. */
  requiredApprovals: Scalars['Int']['output'];
  /** When the gateway last changed it. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** What holding an entitlement means. */
export type EntitlementPurpose =
  /** Membership (of a workspace, group or channel). */
  | 'ASSIGNMENT'
  /** Ownership of the resource. */
  | 'OWNERSHIP'
  /** A role with its permissions. */
  | 'PERMISSION';

/** File format of review evidence. */
export type EvidenceFormat =
  /** Comma-separated values, one line per item. */
  | 'CSV'
  /** One JSON document. */
  | 'JSON';

/** What extendGrant needs. */
export type ExtendGrantInput = {
  /** The person asking (global or external id, or email). */
  actorId: Scalars['ID']['input'];
  /** ISO-8601: how much longer; the policy maximum when left out. */
  duration?: InputMaybe<Scalars['String']['input']>;
  /** The time-bound grant to extend (global or external id). */
  grantId: Scalars['ID']['input'];
  /** Why more time is needed. */
  justification?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of extendGrant. */
export type ExtendGrantPayload = {
  __typename?: 'ExtendGrantPayload';
  /** Expected failures; empty when it did what was asked. */
  errors: Array<UserError>;
  /** The request as it is now. */
  request?: Maybe<Request>;
};

/** The caller may not do this. */
export type ForbiddenError = UserError & {
  __typename?: 'ForbiddenError';
  /** Stable, machine-readable reason, e.g. NOT_FOUND. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. input.entitlementId. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong and what to do about it. */
  message: Scalars['String']['output'];
};

/** An account holding an entitlement. */
export type Grant = Node & {
  __typename?: 'Grant';
  /** Who holds the access. */
  account: Account;
  /** What access is held. */
  entitlement: Entitlement;
  /** When time-bound access ends; null when it does not. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** e.g. userGroup:S123:member:user:U456. */
  externalId: Scalars['String']['output'];
  /** When the gateway first saw or made this grant. */
  grantedAt: Scalars['DateTime']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** The access request this grant came from (the latest, after extensions). */
  request?: Maybe<Request>;
  /** How the access came about: found by a sync, granted directly, or by a request. */
  source: GrantSource;
};

/** A page of Grant items. */
export type GrantConnection = {
  __typename?: 'GrantConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<GrantEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One Grant of a page, with its cursor. */
export type GrantEdge = {
  __typename?: 'GrantEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Grant;
};

/** Grant an entitlement to an account directly. */
export type GrantEntitlementInput = {
  /** Global or external id, e.g. user:U456. */
  accountId: Scalars['ID']['input'];
  /** The person acting through this client (an account id). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO-8601 duration (PT4H, P1D): the grant is revoked automatically when it ends. */
  duration?: InputMaybe<Scalars['String']['input']>;
  /** Global or external id, e.g. userGroup:S123:member. */
  entitlementId: Scalars['ID']['input'];
  /** A retried call with the same key answers the first outcome without changing Slack again. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why, for the audit log. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of grantEntitlement. */
export type GrantEntitlementPayload = {
  __typename?: 'GrantEntitlementPayload';
  /** Expected failures; empty when the mutation did what was asked. */
  errors: Array<UserError>;
  /** The grant as cached after the change. */
  grant?: Maybe<Grant>;
  /** GRANTED, or ALREADY_GRANTED; null when it failed (see errors). */
  result?: Maybe<ProvisionResult>;
};

/** Which grants to list; every given condition must hold. An id that names nothing is an error. */
export type GrantFilter = {
  /** Global or external id of an account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Global or external id of an entitlement. */
  entitlementId?: InputMaybe<Scalars['ID']['input']>;
  /** Only grants that expire before this time. */
  expiringBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only grants on resources of these types. */
  resourceType?: InputMaybe<Array<ResourceType>>;
  /** Only grants from these sources. */
  source?: InputMaybe<Array<GrantSource>>;
};

/** How a grant came about. */
export type GrantSource =
  /** Granted directly through the API. */
  | 'DIRECT'
  /** Granted by an approved access request. */
  | 'REQUEST'
  /** Seen in Slack by a sync. */
  | 'SYNC';

/** The grants of an entitlement changed; refetch what you show of them. */
export type GrantsChange = {
  __typename?: 'GrantsChange';
  /** The accounts concerned, when few; null for bulk changes. */
  accounts?: Maybe<Array<Account>>;
  /** Grants added. */
  added: Scalars['Int']['output'];
  /** When it changed. */
  at: Scalars['DateTime']['output'];
  /** What changed them. */
  cause: GrantsChangeCause;
  /** The entitlement whose grants changed. */
  entitlement: Entitlement;
  /** Grants removed. */
  removed: Scalars['Int']['output'];
};

/** What changed an entitlement’s grants. */
export type GrantsChangeCause =
  /** Time-bound access ended. */
  | 'EXPIRY'
  /** Granted through the gateway. */
  | 'GRANT'
  /** Revoked by an access review decision. */
  | 'REVIEW'
  /** Revoked through the gateway. */
  | 'REVOKE'
  /** A sync found a change made in Slack. */
  | 'SYNC';

/** Whether the gateway can serve: its database is reachable and migrated. */
export type Health = {
  __typename?: 'Health';
  /** Backend in use: postgres or pglite. */
  database: Scalars['String']['output'];
  /** The database answers and every migration is applied. */
  ok: Scalars['Boolean']['output'];
  /** Migrations not yet applied. */
  pendingMigrations: Scalars['Int']['output'];
};

/** An IdP group, synced through SCIM. */
export type IdpGroup = Node & Resource & {
  __typename?: 'IdpGroup';
  /** When the gateway first saw it. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description or purpose in Slack, if any. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name people know it by (channels with their #). */
  displayName: Scalars['String']['output'];
  /** What can be granted on this resource (usually one: member or assigned). */
  entitlements: Array<Entitlement>;
  /** Stable external id, e.g. userGroup:S123. */
  externalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** What kind of resource this is. */
  resourceType: ResourceType;
  /** Slack's own id (T…, S…, C…; a role's team:role). */
  slackId: Scalars['String']['output'];
  /** DISABLED for disabled user groups, ARCHIVED for archived channels. */
  status: ResourceStatus;
  /** When the gateway last saw it change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The workspace this resource belongs to (null for org-wide resources). */
  workspace?: Maybe<Workspace>;
};

/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Approve a pending request. With enough approvals it is provisioned in Slack at once; the answer shows the outcome. */
  approveRequest: ApproveRequestPayload;
  /** Withdraw a request that is pending, approved or failed (the requester, the recipient, or an admin client). */
  cancelRequest: CancelRequestPayload;
  /** Stop decisions and carry out every REVOKE through a revoke request; the review is CLOSED once they are done. */
  closeAccessReview: CloseAccessReviewPayload;
  /** Start an access review: the grants in scope are snapshotted into its items now. */
  createAccessReview: CreateAccessReviewPayload;
  /** Record KEEP or REVOKE for many items at once (decisions may change until the review is closed). */
  decideReviewItems: DecideReviewItemsPayload;
  /** Deny a pending request; the requester is told in Slack. */
  denyRequest: DenyRequestPayload;
  /** Ask for more time on time-bound access: a request (origin EXTENSION) that goes through the same approvals. */
  extendGrant: ExtendGrantPayload;
  /** Grant access in Slack now. Granting what is already held answers ALREADY_GRANTED. */
  grantEntitlement: GrantEntitlementPayload;
  /** Ask for access. It waits for approvals (its approvers get a Slack DM) unless the policy approves automatically. */
  requestAccess: RequestAccessPayload;
  /** Provision a FAILED request again, after fixing what Slack refused. */
  retryRequest: RetryRequestPayload;
  /** Revoke access in Slack now. Revoking what is already gone answers ALREADY_REVOKED. */
  revokeGrant: RevokeGrantPayload;
  /** Disable (deactivate) or enable an account in Slack. Needs SCIM (Business+ or Grid). */
  setAccountStatus: SetAccountStatusPayload;
  /** Limit an API client to trusted documents, or set its query-cost budget per minute. Its tokens are re-read at once on every replica. */
  setApiClientLimits: SetApiClientLimitsPayload;
  /** Choose what happens when an entitlement is granted in Slack outside slackgate: ALLOW, NOTIFY or REVOKE. */
  setOutsideGrantsPolicy: SetOutsideGrantsPolicyPayload;
  /** Start a full sync now. Returns at once with the run; follow it with syncProgress. */
  startSync: StartSyncPayload;
  /** Change an entitlement's request policy. Fields left out stay as they are. */
  updateEntitlementPolicy: UpdateEntitlementPolicyPayload;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationApproveRequestArgs = {
  input: ApproveRequestInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationCancelRequestArgs = {
  input: CancelRequestInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationCloseAccessReviewArgs = {
  input: CloseAccessReviewInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationCreateAccessReviewArgs = {
  input: CreateAccessReviewInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationDecideReviewItemsArgs = {
  input: DecideReviewItemsInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationDenyRequestArgs = {
  input: DenyRequestInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationExtendGrantArgs = {
  input: ExtendGrantInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationGrantEntitlementArgs = {
  input: GrantEntitlementInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationRequestAccessArgs = {
  input: RequestAccessInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationRetryRequestArgs = {
  input: RetryRequestInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationRevokeGrantArgs = {
  input: RevokeGrantInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationSetAccountStatusArgs = {
  input: SetAccountStatusInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationSetApiClientLimitsArgs = {
  input: SetApiClientLimitsInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationSetOutsideGrantsPolicyArgs = {
  input: SetOutsideGrantsPolicyInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationStartSyncArgs = {
  input: StartSyncInput;
};


/** What can be changed: access in Slack, requests and their decisions, policies, reviews and syncs. Expected failures are answered in each payload’s errors. */
export type MutationUpdateEntitlementPolicyArgs = {
  input: UpdateEntitlementPolicyInput;
};

/** An object with a global id, which node(id:) finds again. */
export type Node = {
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
};

/** The thing an id names does not exist. */
export type NotFoundError = UserError & {
  __typename?: 'NotFoundError';
  /** Stable, machine-readable reason, e.g. NOT_FOUND. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. input.entitlementId. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong and what to do about it. */
  message: Scalars['String']['output'];
};

/** The entitlement cannot be granted on this Slack plan or configuration. */
export type NotGrantableError = UserError & {
  __typename?: 'NotGrantableError';
  /** Stable, machine-readable reason, e.g. NOT_FOUND. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. input.entitlementId. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong and what to do about it. */
  message: Scalars['String']['output'];
  /** Why it cannot be granted on this plan or configuration. */
  reason: Scalars['String']['output'];
};

/** What slackgate does with access granted in Slack outside slackgate. */
export type OutsideGrantsPolicy =
  /** Record it as an observed audit event (default). */
  | 'ALLOW'
  /** Record it and DM the entitlement’s approvers. */
  | 'NOTIFY'
  /** Record it and revoke it through the provisioning service (a bounded number per minute; beyond that the approvers are told). */
  | 'REVOKE';

/** Where a page is among all pages, and the cursors to move on. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow this page (ask with after: endCursor). */
  hasNextPage: Scalars['Boolean']['output'];
  /** More items precede this page (ask with before: startCursor). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** What a grant or revoke did. ALREADY_* are not errors: Slack already had it that way. */
export type ProvisionResult =
  /** It was already held; Slack was not changed. */
  | 'ALREADY_GRANTED'
  /** It was already gone; Slack was not changed. */
  | 'ALREADY_REVOKED'
  /** Granted in Slack now. */
  | 'GRANTED'
  /** Revoked in Slack now. */
  | 'REVOKED';

/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type Query = {
  __typename?: 'Query';
  /** The newest sequence number in the change feed (0 when empty): read a snapshot, then follow `accessChanged(after:)` from here. */
  accessChangeHead: Scalars['SafeInt']['output'];
  /** The change feed, oldest first: every change to grants and accounts with its source. Cursors are sequence numbers, so `after: "<seq>"` resumes where `accessChanged` or a previous page left off. */
  accessChanges: AccessChangeConnection;
  /** One access review, by global id or review number. */
  accessReview?: Maybe<AccessReview>;
  /** Access reviews, newest first. */
  accessReviews: AccessReviewConnection;
  /** One account, by id (global or external, e.g. user:U0123), Slack id or email. */
  account?: Maybe<Account>;
  /** Accounts, oldest first. */
  accounts: AccountConnection;
  /** One audit event, by global id. */
  auditEvent?: Maybe<AuditEvent>;
  /** Audit events, newest first. */
  auditEvents: AuditEventConnection;
  /** Detected plan, tokens, status, last successful sync and catalog size. */
  connector: Connector;
  /** One entitlement, by global or external id (e.g. userGroup:S123:member). */
  entitlement?: Maybe<Entitlement>;
  /** Entitlements, oldest first. */
  entitlements: EntitlementConnection;
  /** One grant, by global or external id (e.g. userGroup:S123:member:user:U456). */
  grant?: Maybe<Grant>;
  /** Grants, oldest first. */
  grants: GrantConnection;
  /** Whether the gateway and its database answer. */
  health: Health;
  /** Any object by global id, or by external id (e.g. userGroup:S123:member). */
  node?: Maybe<Node>;
  /** Objects by global or external ids; null where nothing has the id. */
  nodes: Array<Maybe<Node>>;
  /** One request, by global id or request number. */
  request?: Maybe<Request>;
  /** Access requests, newest first. */
  requests: RequestConnection;
  /** Every resource access is granted to (workspaces, groups, roles, channels), with filters. */
  resources: ResourceConnection;
  /** One sync run, by global id or run number. */
  syncRun?: Maybe<SyncRun>;
  /** Sync runs, newest first. */
  syncRuns: SyncRunConnection;
  /** Who is calling, and with which scopes. Needs no particular scope. */
  viewer: Viewer;
  /** One workspace, by global or external id (workspace:T0123). */
  workspace?: Maybe<Workspace>;
  /** Workspaces of the organization. */
  workspaces: WorkspaceConnection;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryAccessChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessChangeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryAccessReviewArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryAccessReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<AccessReviewStatus>>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryAccountArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  slackId?: InputMaybe<Scalars['String']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryAuditEventArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryEntitlementArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryEntitlementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EntitlementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryGrantArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryGrantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<GrantFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryRequestArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResourceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QuerySyncRunArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QuerySyncRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<SyncStatus>>;
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryWorkspaceArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog (accounts, resources, entitlements, grants), requests, reviews, syncs and the audit log. */
export type QueryWorkspacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A just-in-time access request (GRANT), or a revoke carried out for an access review (REVOKE). */
export type Request = Node & {
  __typename?: 'Request';
  /** Who gets (or loses) the access. */
  account: Account;
  /** Approvals and denials, in the order they were given. */
  approvals: Array<Approval>;
  /** ISO-8601: what was asked, clamped to the policy's maxDuration. */
  approvedDuration?: Maybe<Scalars['String']['output']>;
  /** approvedDuration in seconds. */
  approvedDurationSeconds?: Maybe<Scalars['Int']['output']>;
  /** When the gateway recorded it. */
  createdAt: Scalars['DateTime']['output'];
  /** When it was approved or denied. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The access asked for (or removed). */
  entitlement: Entitlement;
  /** Why provisioning failed (FAILED), or why the request was closed. */
  error?: Maybe<Scalars['String']['output']>;
  /** Slack's error code when Slack refused; TIMED_OUT when nobody decided. */
  errorCode?: Maybe<Scalars['String']['output']>;
  /** When the granted access is removed automatically. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The time-bound grant this request extends. */
  extendsGrant?: Maybe<Grant>;
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** Why, as the requester wrote it. */
  justification?: Maybe<Scalars['String']['output']>;
  /** GRANT (asks for access) or REVOKE (removes it). */
  kind: RequestKind;
  /** The request number, accepted wherever a request id is. */
  number: Scalars['Int']['output'];
  /** Where it came from: the API, a review, an extension, … */
  origin: RequestOrigin;
  /** When a pending request is closed if nobody decides. */
  pendingUntil?: Maybe<Scalars['DateTime']['output']>;
  /** When Slack was changed. */
  provisionedAt?: Maybe<Scalars['DateTime']['output']>;
  /** ISO-8601, as asked; null for access without end. */
  requestedDuration?: Maybe<Scalars['String']['output']>;
  /** requestedDuration in seconds. */
  requestedDurationSeconds?: Maybe<Scalars['Int']['output']>;
  /** Who asked. */
  requester?: Maybe<Account>;
  /**
   * Same as status (the older name).
   * @deprecated Use status: one word for lifecycle state across the API.
   */
  state: RequestState;
  /** Where the request is in its lifecycle (the same word as Account, SyncRun and AccessReview use). */
  status: RequestState;
  /** When the gateway last changed it. */
  updatedAt: Scalars['DateTime']['output'];
};

/** What requestAccess needs. */
export type RequestAccessInput = {
  /** Who is to get the access; the actor when left out. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** The person asking (global or external account id). */
  actorId: Scalars['ID']['input'];
  /** ISO-8601 (PT8H, P1D); clamped to the policy's maxDuration, which applies when left out. */
  duration?: InputMaybe<Scalars['String']['input']>;
  /** Global or external id, e.g. userGroup:S123:member. */
  entitlementId: Scalars['ID']['input'];
  /** Why; required when the policy says reasonRequired. */
  justification?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of requestAccess. */
export type RequestAccessPayload = {
  __typename?: 'RequestAccessPayload';
  /** Expected failures; empty when it did what was asked. */
  errors: Array<UserError>;
  /** The request as it is now. */
  request?: Maybe<Request>;
};

/** A page of Request items. */
export type RequestConnection = {
  __typename?: 'RequestConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<RequestEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One Request of a page, with its cursor. */
export type RequestEdge = {
  __typename?: 'RequestEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Request;
};

/** Which requests to list; every given condition must hold. */
export type RequestFilter = {
  /** Requests for this account (global or external id). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Requests for this entitlement (global or external id). */
  entitlementId?: InputMaybe<Scalars['ID']['input']>;
  /** Only requests of these kinds. */
  kind?: InputMaybe<Array<RequestKind>>;
  /** Requests made by this account (global or external id). */
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * Same as status (the older name).
   * @deprecated Use status.
   */
  state?: InputMaybe<Array<RequestState>>;
  /** Only requests in these states. */
  status?: InputMaybe<Array<RequestState>>;
};

/** Whether a request adds or removes access. */
export type RequestKind =
  /** Asks for access. */
  | 'GRANT'
  /** Removes access (from an access review decision). */
  | 'REVOKE';

/** Where a request came from. */
export type RequestOrigin =
  /** Asked through the API. */
  | 'API'
  /** Created by expiry. */
  | 'EXPIRY'
  /** Extends a time-bound grant. */
  | 'EXTENSION'
  /** A REVOKE decision of an access review. */
  | 'REVIEW'
  /** Created by the gateway itself. */
  | 'SYSTEM';

/** PENDING → APPROVED → PROVISIONING → GRANTED → EXPIRED or REVOKED; or DENIED, CANCELLED, FAILED (retryable). */
export type RequestState =
  /** Approved; about to be provisioned. */
  | 'APPROVED'
  /** Withdrawn, or closed because nobody decided in time (errorCode TIMED_OUT). */
  | 'CANCELLED'
  /** An approver said no. */
  | 'DENIED'
  /** Time-bound access ended and was removed. */
  | 'EXPIRED'
  /** Slack refused; see error. retryRequest tries again. */
  | 'FAILED'
  /** The access is in place (until expiresAt, when set). */
  | 'GRANTED'
  /** Waiting for approvals. */
  | 'PENDING'
  /** Being carried out in Slack. */
  | 'PROVISIONING'
  /** Access removed (a revoke request, or the access was revoked by one). */
  | 'REVOKED';

/** Something in Slack that access is granted to: a workspace, group, role or channel. */
export type Resource = {
  /** When the gateway first saw it. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description or purpose in Slack, if any. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name people know it by (channels with their #). */
  displayName: Scalars['String']['output'];
  /** What can be granted on this resource (usually one: member or assigned). */
  entitlements: Array<Entitlement>;
  /** Stable external id, e.g. userGroup:S123. */
  externalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** What kind of resource this is. */
  resourceType: ResourceType;
  /** Slack's own id (T…, S…, C…; a role's team:role). */
  slackId: Scalars['String']['output'];
  /** DISABLED for disabled user groups, ARCHIVED for archived channels. */
  status: ResourceStatus;
  /** When the gateway last saw it change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The workspace this resource belongs to (null for org-wide resources). */
  workspace?: Maybe<Workspace>;
};

/** A page of resources. */
export type ResourceConnection = {
  __typename?: 'ResourceConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<ResourceEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A resource and its cursor. */
export type ResourceEdge = {
  __typename?: 'ResourceEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Resource;
};

/** Which resources to list; every given condition must hold. */
export type ResourceFilter = {
  /** Only these kinds of resource. */
  resourceType?: InputMaybe<Array<ResourceType>>;
  /** Part of the name or the exact Slack id (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Resources of this workspace (global or external id). */
  workspaceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Whether a resource is in use in Slack. */
export type ResourceStatus =
  /** In use. */
  | 'ACTIVE'
  /** An archived channel. */
  | 'ARCHIVED'
  /** No longer listed by Slack; kept for history. */
  | 'DELETED'
  /** A disabled user group. */
  | 'DISABLED';

/** Kinds of Slack resources; the external ids use the names in parentheses. */
export type ResourceType =
  /** A public or private channel (channel). */
  | 'CHANNEL'
  /** An Enterprise Grid org role (enterpriseRole). */
  | 'ENTERPRISE_ROLE'
  /** An IdP (SCIM) group (group). */
  | 'IDP_GROUP'
  /** A user group (userGroup). */
  | 'USER_GROUP'
  /** A workspace (workspace). */
  | 'WORKSPACE'
  /** A role within a workspace (workspaceRole). */
  | 'WORKSPACE_ROLE';

/** What retryRequest needs. */
export type RetryRequestInput = {
  /** The person deciding (global or external account id). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** A note for the audit log. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Global id or request number. */
  requestId: Scalars['ID']['input'];
};

/** The outcome of retryRequest. */
export type RetryRequestPayload = {
  __typename?: 'RetryRequestPayload';
  /** Expected failures; empty when it did what was asked. */
  errors: Array<UserError>;
  /** The request as it is now. */
  request?: Maybe<Request>;
};

/** A reviewer’s decision on one item. */
export type ReviewDecision =
  /** The access stays. */
  | 'KEEP'
  /** The access is removed when the review closes. */
  | 'REVOKE';

/** One decision on one item. */
export type ReviewDecisionInput = {
  /** Why, for the evidence. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** KEEP or REVOKE. */
  decision: ReviewDecision;
  /** Global id or item number. */
  itemId: Scalars['ID']['input'];
};

/** A review exported for auditors, with the SHA-256 of exactly these bytes. */
export type ReviewEvidence = {
  __typename?: 'ReviewEvidence';
  /** Size of content in bytes (UTF-8). */
  bytes: Scalars['Int']['output'];
  /** The file: CSV (one line per item) or JSON. */
  content: Scalars['String']['output'];
  /** Suggested file name. */
  filename: Scalars['String']['output'];
  /** CSV or JSON. */
  format: EvidenceFormat;
  /** Items in the file. */
  items: Scalars['Int']['output'];
  /** Hex SHA-256 of content as UTF-8; compare with sha256sum of the saved file. */
  sha256: Scalars['String']['output'];
};

/** One grant under review, as it was when the review started, with its decision. */
export type ReviewItem = Node & {
  __typename?: 'ReviewItem';
  /** Who holds the access under review. */
  account: Account;
  /** The reviewer’s comment. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When it was decided. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who decided. */
  decidedBy?: Maybe<Account>;
  /** KEEP or REVOKE; null while undecided. */
  decision?: Maybe<ReviewDecision>;
  /** The access under review. */
  entitlement: Entitlement;
  /** The grant, while it still exists. */
  grant?: Maybe<Grant>;
  /** The grant as it was snapshotted, by external id. */
  grantExternalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** The revoke request carrying out a REVOKE decision (after closing). */
  request?: Maybe<Request>;
  /** The review this item belongs to. */
  review: AccessReview;
  /** The grant, account and entitlement as they were when the review was created (times in ISO 8601 UTC). */
  snapshot: Scalars['JSON']['output'];
};

/** A page of ReviewItem items. */
export type ReviewItemConnection = {
  __typename?: 'ReviewItemConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<ReviewItemEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One ReviewItem of a page, with its cursor. */
export type ReviewItemEdge = {
  __typename?: 'ReviewItemEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: ReviewItem;
};

/** Which items to list; every given condition must hold. */
export type ReviewItemFilter = {
  /** Only items of this account (global or external id, or email). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only items with these decisions. */
  decision?: InputMaybe<Array<ReviewDecision>>;
  /** Only items of this entitlement (global or external id). */
  entitlementId?: InputMaybe<Scalars['ID']['input']>;
  /** true: only items without a decision; false: only decided ones. */
  undecided?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How far a review is. */
export type ReviewProgress = {
  __typename?: 'ReviewProgress';
  /** Items decided. */
  decided: Scalars['Int']['output'];
  /** Items decided KEEP. */
  kept: Scalars['Int']['output'];
  /** 0–100. */
  percentDecided: Scalars['Int']['output'];
  /** REVOKE decisions carried out in Slack. */
  revocationsDone: Scalars['Int']['output'];
  /** REVOKE decisions Slack refused (their requests are FAILED and retryable). */
  revocationsFailed: Scalars['Int']['output'];
  /** REVOKE decisions not yet carried out. */
  revocationsPending: Scalars['Int']['output'];
  /** Items decided REVOKE. */
  revoked: Scalars['Int']['output'];
  /** Items in the review. */
  total: Scalars['Int']['output'];
  /** Items nobody decided yet. */
  undecided: Scalars['Int']['output'];
};

/** Who reviews the items of an access review. */
export type ReviewerMode =
  /** Each item is reviewed by its entitlement's approvers. */
  | 'ENTITLEMENT_APPROVERS'
  /** The named reviewers review every item. */
  | 'EXPLICIT';

/** Revoke a grant: name it by grantId, or by entitlementId and accountId. */
export type RevokeGrantInput = {
  /** With entitlementId: the account (global or external id, or email). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** The person acting through this client (an account id). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** With accountId: the entitlement (global or external id). */
  entitlementId?: InputMaybe<Scalars['ID']['input']>;
  /** Global or external id, e.g. userGroup:S123:member:user:U456. */
  grantId?: InputMaybe<Scalars['ID']['input']>;
  /** A retried call with the same key answers the first outcome without changing anything again. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why, for the audit log. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of revokeGrant. */
export type RevokeGrantPayload = {
  __typename?: 'RevokeGrantPayload';
  /** Expected failures; empty when the mutation did what was asked. */
  errors: Array<UserError>;
  /** REVOKED, or ALREADY_REVOKED; null when it failed (see errors). */
  result?: Maybe<ProvisionResult>;
};

/** Enable or disable a Slack account through SCIM. */
export type SetAccountStatusInput = {
  /** The account (global or external id, or email). */
  accountId: Scalars['ID']['input'];
  /** The person acting (global or external id, or email). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** A retried call with the same key answers the first outcome without changing anything again. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why, for the audit log. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** ENABLED or DISABLED. */
  status: SettableAccountStatus;
};

/** The outcome of setAccountStatus. */
export type SetAccountStatusPayload = {
  __typename?: 'SetAccountStatusPayload';
  /** The account after the change. */
  account?: Maybe<Account>;
  /** Expected failures; empty when the mutation did what was asked. */
  errors: Array<UserError>;
  /** What changed; null when it failed (see errors). */
  result?: Maybe<AccountStatusResult>;
};

/** What setApiClientLimits needs; fields left out keep their value. */
export type SetApiClientLimitsInput = {
  /** The API client (as slackgate client list shows it). */
  clientId: Scalars['String']['input'];
  /** Query cost per minute; null returns to the gateway's default. */
  costBudgetPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Limit it to trusted documents (true), or lift that (false). */
  trustedOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The outcome of setApiClientLimits. */
export type SetApiClientLimitsPayload = {
  __typename?: 'SetApiClientLimitsPayload';
  /** The client with its limits now. */
  client?: Maybe<ApiClientLimits>;
  /** Expected failures; empty when the mutation did what was asked. */
  errors: Array<UserError>;
};

/** Input of setOutsideGrantsPolicy. */
export type SetOutsideGrantsPolicyInput = {
  /** The person making the change, for the audit log. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Global or external id. */
  entitlementId: Scalars['ID']['input'];
  /** ALLOW, NOTIFY or REVOKE. */
  policy: OutsideGrantsPolicy;
};

/** The outcome of setOutsideGrantsPolicy. */
export type SetOutsideGrantsPolicyPayload = {
  __typename?: 'SetOutsideGrantsPolicyPayload';
  /** The entitlement with its new policy; null when it failed (see errors). */
  entitlement?: Maybe<Entitlement>;
  /** Expected failures; empty when the mutation did what was asked. */
  errors: Array<UserError>;
};

/** An account status an operator can set through SCIM. */
export type SettableAccountStatus =
  /** Deactivate the account (SCIM active: false). */
  | 'DISABLED'
  /** Activate the account (SCIM active: true). */
  | 'ENABLED';

/** Slack refused the call. */
export type SlackApiError = UserError & {
  __typename?: 'SlackApiError';
  /** Stable, machine-readable reason, e.g. NOT_FOUND. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. input.entitlementId. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong and what to do about it. */
  message: Scalars['String']['output'];
  /** The Slack method that failed. */
  method?: Maybe<Scalars['String']['output']>;
  /** Slack's error code, e.g. no_such_subteam. */
  slackError: Scalars['String']['output'];
};

/** Slack API calls of one method during a run. */
export type SlackMethodCalls = {
  __typename?: 'SlackMethodCalls';
  /** Calls of this method. */
  calls: Scalars['Int']['output'];
  /** e.g. users.list, or scim:GET /Users. */
  method: Scalars['String']['output'];
  /** How many of them Slack answered with 429. */
  rateLimited: Scalars['Int']['output'];
};

/** Start a full sync (or join the one in progress). */
export type StartSyncInput = {
  /** Apply deletions that the mass-revocation guard held back in the previous run. */
  confirmDeletions?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The outcome of startSync. */
export type StartSyncPayload = {
  __typename?: 'StartSyncPayload';
  /** Expected failures; empty when the sync started. */
  errors: Array<UserError>;
  /** The run started or joined. */
  run?: Maybe<SyncRun>;
};

/** Live updates over SSE or WebSocket (graphql-transport-ws) on /graphql. */
export type Subscription = {
  __typename?: 'Subscription';
  /** The change feed live, from every replica: each change to grants and accounts matching the filter, in sequence order. With `after`, first every change since that sequence number (a reconnecting client passes the last `seq` it saw and misses nothing, and gets nothing twice); without, from now. */
  accessChanged: AccessChange;
  /** Changes to the grants of one entitlement (grants, revokes, expiry, syncs), from every replica. */
  grantsChanged: GrantsChange;
  /** The request now, then each time its state changes, until it is DENIED, CANCELLED, EXPIRED or REVOKED. */
  requestUpdated: Request;
  /** Progress of a sync run until it ends. Without runId: the run in progress, or else the next one to start. */
  syncProgress: SyncProgress;
};


/** Live updates over SSE or WebSocket (graphql-transport-ws) on /graphql. */
export type SubscriptionAccessChangedArgs = {
  after?: InputMaybe<Scalars['SafeInt']['input']>;
  filter?: InputMaybe<AccessChangeFilter>;
};


/** Live updates over SSE or WebSocket (graphql-transport-ws) on /graphql. */
export type SubscriptionGrantsChangedArgs = {
  entitlementId: Scalars['ID']['input'];
};


/** Live updates over SSE or WebSocket (graphql-transport-ws) on /graphql. */
export type SubscriptionRequestUpdatedArgs = {
  requestId: Scalars['ID']['input'];
};


/** Live updates over SSE or WebSocket (graphql-transport-ws) on /graphql. */
export type SubscriptionSyncProgressArgs = {
  runId?: InputMaybe<Scalars['ID']['input']>;
};

/** One row-level difference a run found against the previous run. */
export type SyncChange = {
  __typename?: 'SyncChange';
  /** What changed, when recorded (e.g. fields before and after). */
  detail?: Maybe<Scalars['JSON']['output']>;
  /** What changed, by external id. */
  externalId: Scalars['String']['output'];
  /** What kind of change. */
  kind: SyncChangeKind;
};

/** A page of SyncChange items. */
export type SyncChangeConnection = {
  __typename?: 'SyncChangeConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<SyncChangeEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One SyncChange of a page, with its cursor. */
export type SyncChangeEdge = {
  __typename?: 'SyncChangeEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: SyncChange;
};

/** A kind of difference between two syncs. */
export type SyncChangeKind =
  /** An account appeared. */
  | 'ACCOUNT_ADDED'
  /** An account changed (status, name, email, flags). */
  | 'ACCOUNT_CHANGED'
  /** An account disappeared (it is kept as DELETED). */
  | 'ACCOUNT_REMOVED'
  /** A grant appeared. */
  | 'GRANT_ADDED'
  /** A grant disappeared. */
  | 'GRANT_REMOVED'
  /** A resource appeared. */
  | 'RESOURCE_ADDED'
  /** A resource changed. */
  | 'RESOURCE_CHANGED'
  /** A resource disappeared. */
  | 'RESOURCE_REMOVED';

/** What a run changed against the previous successful run. */
export type SyncDiff = {
  __typename?: 'SyncDiff';
  /** Accounts that appeared. */
  accountsAdded: Scalars['Int']['output'];
  /** Accounts whose details changed. */
  accountsChanged: Scalars['Int']['output'];
  /** Accounts no longer in Slack (now DELETED). */
  accountsRemoved: Scalars['Int']['output'];
  /** The individual changes. */
  changes: SyncChangeConnection;
  /** Grant and account rows this full sync had to change: what Slack’s events missed or got wrong since the previous one (0 on a first sync). */
  drift: Scalars['Int']['output'];
  /** Grants that appeared. */
  grantsAdded: Scalars['Int']['output'];
  /** Grants that disappeared. */
  grantsRemoved: Scalars['Int']['output'];
  /** Resources that appeared. */
  resourcesAdded: Scalars['Int']['output'];
  /** Resources no longer in Slack. */
  resourcesRemoved: Scalars['Int']['output'];
  /** The full summary as recorded. */
  summary: Scalars['JSON']['output'];
};


/** What a run changed against the previous successful run. */
export type SyncDiffChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<Array<SyncChangeKind>>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Phases of a sync run, in order. */
export type SyncPhase =
  /** Reading accounts. */
  | 'ACCOUNTS'
  /** Applying the result to the cache in one transaction. */
  | 'APPLY'
  /** Deriving entitlements. */
  | 'ENTITLEMENTS'
  /** Reading memberships and role assignments. */
  | 'GRANTS'
  /** Reading groups, roles and channels. */
  | 'RESOURCES'
  /** Reading workspaces. */
  | 'WORKSPACES';

/** Items processed in one phase of a run. */
export type SyncPhaseCount = {
  __typename?: 'SyncPhaseCount';
  /** Items processed in this phase. */
  count: Scalars['Int']['output'];
  /** Best estimate of the phase total, when known. */
  estimatedTotal?: Maybe<Scalars['Int']['output']>;
  /** The phase. */
  phase: SyncPhase;
};

/** A progress report of a sync run. */
export type SyncProgress = {
  __typename?: 'SyncProgress';
  /** When this report was made. */
  at: Scalars['DateTime']['output'];
  /** Items processed and estimated, per phase. */
  counts: Array<SyncPhaseCount>;
  /** Items processed in all phases. */
  done: Scalars['Int']['output'];
  /** Why the run failed, when it did. */
  error?: Maybe<Scalars['String']['output']>;
  /** Estimated items in all phases, when known. */
  estimatedTotal?: Maybe<Scalars['Int']['output']>;
  /** 0–100; null while the total is unknown. */
  percent?: Maybe<Scalars['Int']['output']>;
  /** The phase running now. */
  phase?: Maybe<SyncPhase>;
  /** Calls Slack answered with 429 so far. */
  rateLimited: Scalars['Int']['output'];
  /** The run reported on. */
  run: SyncRun;
  /**
   * Slack API calls made so far (see slackCallsTotal).
   * @deprecated Use slackCallsTotal: on SyncRun, slackCalls is the list by method.
   */
  slackCalls: Scalars['Int']['output'];
  /** Slack API calls made so far, all methods together (as SyncRun.slackCallsTotal). */
  slackCallsTotal: Scalars['Int']['output'];
  /** Where the run is in its lifecycle. */
  status: SyncStatus;
  /** What started the run. */
  trigger: SyncTrigger;
};

/** One sync of the Slack organization into the gateway. */
export type SyncRun = Node & {
  __typename?: 'SyncRun';
  /** Items processed and estimated, per phase. */
  counts: Array<SyncPhaseCount>;
  /** When the gateway recorded it. */
  createdAt: Scalars['DateTime']['output'];
  /** What changed; null until the run has applied its result. */
  diff?: Maybe<SyncDiff>;
  /** Items processed in all phases. */
  done: Scalars['Int']['output'];
  /** From start to end (or to now, while running). */
  durationSeconds?: Maybe<Scalars['Float']['output']>;
  /** Why the run failed, when it did. */
  error?: Maybe<Scalars['String']['output']>;
  /** Estimated items in all phases, when known. */
  estimatedTotal?: Maybe<Scalars['Int']['output']>;
  /** When the run ended. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why deletions were held back (NEEDS_CONFIRMATION), with the numbers. */
  guard?: Maybe<Scalars['JSON']['output']>;
  /** When the process running it last reported (a stale heartbeat means it was cut off). */
  heartbeatAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** The run number, as the CLI shows it and syncRun(id:) accepts. */
  number: Scalars['Int']['output'];
  /** 0–100; null while the total is unknown. */
  percent?: Maybe<Scalars['Int']['output']>;
  /** The phase running now (or last, once ended). */
  phase?: Maybe<SyncPhase>;
  /** Calls Slack answered with 429. */
  rateLimitedTotal: Scalars['Int']['output'];
  /** An API client id, scheduler or cli. */
  requestedBy?: Maybe<Scalars['String']['output']>;
  /** Slack API calls made, by method. */
  slackCalls: Array<SlackMethodCalls>;
  /** Slack API calls made, all methods together. */
  slackCallsTotal: Scalars['Int']['output'];
  /** When the run started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the run is in its lifecycle. */
  status: SyncStatus;
  /** What started the run. */
  trigger: SyncTrigger;
};

/** A page of SyncRun items. */
export type SyncRunConnection = {
  __typename?: 'SyncRunConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<SyncRunEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One SyncRun of a page, with its cursor. */
export type SyncRunEdge = {
  __typename?: 'SyncRunEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: SyncRun;
};

/** Where a sync run is in its lifecycle. */
export type SyncStatus =
  /** Stopped before it finished; nothing was applied. */
  | 'CANCELLED'
  /** Ended with an error (see error); nothing was applied. */
  | 'FAILED'
  /** Applied additions, but held deletions back (see guard) until confirmed. */
  | 'NEEDS_CONFIRMATION'
  /** Waiting to start. */
  | 'QUEUED'
  /** Reading Slack or applying. */
  | 'RUNNING'
  /** Done and applied. */
  | 'SUCCEEDED';

/** What started a sync run. */
export type SyncTrigger =
  /** startSync or slackgate sync. */
  | 'MANUAL'
  /** Continuing a run a stopped process left half-done. */
  | 'RESUME'
  /** The --sync-interval schedule. */
  | 'SCHEDULE'
  /** The sync at start of serve. */
  | 'STARTUP'
  /** A refresh of one resource after a grant or revoke. */
  | 'TARGETED';

/** What updateEntitlementPolicy needs; fields left out keep their value. */
export type UpdateEntitlementPolicyInput = {
  /** The person making the change, for the audit log. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Named approvers (global or external account ids); an empty list returns to the workspace admins and owners. */
  approverIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Approve requests without approvers. */
  autoApprove?: InputMaybe<Scalars['Boolean']['input']>;
  /** Global or external id. */
  entitlementId: Scalars['ID']['input'];
  /** ISO-8601 (PT8H, P7D); an empty string removes the limit. */
  maxDuration?: InputMaybe<Scalars['String']['input']>;
  /** Requests must give a justification. */
  reasonRequired?: InputMaybe<Scalars['Boolean']['input']>;
  /** People may request it. */
  requestable?: InputMaybe<Scalars['Boolean']['input']>;
  /** N of M; 0 approves every request automatically. */
  requiredApprovals?: InputMaybe<Scalars['Int']['input']>;
};

/** The outcome of updateEntitlementPolicy. */
export type UpdateEntitlementPolicyPayload = {
  __typename?: 'UpdateEntitlementPolicyPayload';
  /** The entitlement whose policy changed. */
  entitlement?: Maybe<Entitlement>;
  /** Expected failures; empty when the policy changed. */
  errors: Array<UserError>;
  /** The policy now. */
  policy?: Maybe<EntitlementPolicy>;
};

/** An expected failure of a mutation, returned as data. */
export type UserError = {
  /** Stable, machine-readable reason, e.g. NOT_FOUND. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. input.entitlementId. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong and what to do about it. */
  message: Scalars['String']['output'];
};

/** A Slack user group (@handle); disabled groups have status DISABLED. */
export type UserGroup = Node & Resource & {
  __typename?: 'UserGroup';
  /** When the gateway first saw it. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description or purpose in Slack, if any. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name people know it by (channels with their #). */
  displayName: Scalars['String']['output'];
  /** What can be granted on this resource (usually one: member or assigned). */
  entitlements: Array<Entitlement>;
  /** Stable external id, e.g. userGroup:S123. */
  externalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** What kind of resource this is. */
  resourceType: ResourceType;
  /** Slack's own id (T…, S…, C…; a role's team:role). */
  slackId: Scalars['String']['output'];
  /** DISABLED for disabled user groups, ARCHIVED for archived channels. */
  status: ResourceStatus;
  /** When the gateway last saw it change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The workspace this resource belongs to (null for org-wide resources). */
  workspace?: Maybe<Workspace>;
};

/** The input is not acceptable. */
export type ValidationError = UserError & {
  __typename?: 'ValidationError';
  /** Stable, machine-readable reason, e.g. NOT_FOUND. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. input.entitlementId. */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong and what to do about it. */
  message: Scalars['String']['output'];
};

/** The API client making this request. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Id of the API client whose token this is. */
  clientId: Scalars['String']['output'];
  /** This client's query-cost budget per minute; null: the gateway's default. */
  costBudgetPerMinute?: Maybe<Scalars['Int']['output']>;
  /** Its name. */
  name: Scalars['String']['output'];
  /** Scopes of the token in use: read, request, approve, provision, review, sync, admin. */
  scopes: Array<Scalars['String']['output']>;
  /** When this token stops working. */
  tokenExpiresAt: Scalars['DateTime']['output'];
  /** This client may run only the gateway's trusted documents, sent by hash. */
  trustedOnly: Scalars['Boolean']['output'];
};

/** A Slack workspace. */
export type Workspace = Node & Resource & {
  __typename?: 'Workspace';
  /** When the gateway first saw it. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description or purpose in Slack, if any. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name people know it by (channels with their #). */
  displayName: Scalars['String']['output'];
  /** The workspace subdomain (<domain>.slack.com). */
  domain?: Maybe<Scalars['String']['output']>;
  /** The Enterprise Grid organization, if any. */
  enterpriseId?: Maybe<Scalars['String']['output']>;
  /** What can be granted on this resource (usually one: member or assigned). */
  entitlements: Array<Entitlement>;
  /** Stable external id, e.g. userGroup:S123. */
  externalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** The workspace name. */
  name: Scalars['String']['output'];
  /** What kind of resource this is. */
  resourceType: ResourceType;
  /** Slack's own id (T…, S…, C…; a role's team:role). */
  slackId: Scalars['String']['output'];
  /** DISABLED for disabled user groups, ARCHIVED for archived channels. */
  status: ResourceStatus;
  /** When the gateway last saw it change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The workspace this resource belongs to (null for org-wide resources). */
  workspace?: Maybe<Workspace>;
};

/** A page of Workspace items. */
export type WorkspaceConnection = {
  __typename?: 'WorkspaceConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<WorkspaceEdge>;
  /** Where this page is: whether more pages follow or precede, and the cursors to ask for them. */
  pageInfo: PageInfo;
  /** How many items match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One Workspace of a page, with its cursor. */
export type WorkspaceEdge = {
  __typename?: 'WorkspaceEdge';
  /** Opaque position of this item: pass it as after (or before) to page on from here. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Workspace;
};

/** A role in a workspace: owner, admin, member, guest kinds, bot. */
export type WorkspaceRole = Node & Resource & {
  __typename?: 'WorkspaceRole';
  /** When the gateway first saw it. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description or purpose in Slack, if any. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name people know it by (channels with their #). */
  displayName: Scalars['String']['output'];
  /** What can be granted on this resource (usually one: member or assigned). */
  entitlements: Array<Entitlement>;
  /** Stable external id, e.g. userGroup:S123. */
  externalId: Scalars['String']['output'];
  /** Global id (opaque): accepted by node(id:) and every ID argument. */
  id: Scalars['ID']['output'];
  /** What kind of resource this is. */
  resourceType: ResourceType;
  /** Slack's own id (T…, S…, C…; a role's team:role). */
  slackId: Scalars['String']['output'];
  /** DISABLED for disabled user groups, ARCHIVED for archived channels. */
  status: ResourceStatus;
  /** When the gateway last saw it change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The workspace this resource belongs to (null for org-wide resources). */
  workspace?: Maybe<Workspace>;
};

type ClientUserError_ConflictError_Fragment = { __typename: 'ConflictError', code: string, message: string, field?: string | null };

type ClientUserError_ForbiddenError_Fragment = { __typename: 'ForbiddenError', code: string, message: string, field?: string | null };

type ClientUserError_NotFoundError_Fragment = { __typename: 'NotFoundError', code: string, message: string, field?: string | null };

type ClientUserError_NotGrantableError_Fragment = { __typename: 'NotGrantableError', code: string, message: string, field?: string | null };

type ClientUserError_SlackApiError_Fragment = { __typename: 'SlackApiError', code: string, message: string, field?: string | null };

type ClientUserError_ValidationError_Fragment = { __typename: 'ValidationError', code: string, message: string, field?: string | null };

export type ClientUserErrorFragment =
  | ClientUserError_ConflictError_Fragment
  | ClientUserError_ForbiddenError_Fragment
  | ClientUserError_NotFoundError_Fragment
  | ClientUserError_NotGrantableError_Fragment
  | ClientUserError_SlackApiError_Fragment
  | ClientUserError_ValidationError_Fragment
;

export type GrantEntitlementMutationVariables = Exact<{
  input: GrantEntitlementInput;
}>;


export type GrantEntitlementMutation = { __typename?: 'Mutation', grantEntitlement: { __typename?: 'GrantEntitlementPayload', result?: ProvisionResult | null, grant?: { __typename?: 'Grant', id: string, externalId: string, source: GrantSource, grantedAt: string, expiresAt?: string | null, account: { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean }, entitlement: { __typename?: 'Entitlement', id: string, externalId: string, slug: string, displayName: string, grantable: boolean, grantableReason?: string | null, resource:
          | { __typename: 'Channel', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'EnterpriseRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'IdpGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'UserGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'Workspace', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'WorkspaceRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
         } } | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, message: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, message: string, field?: string | null }
      | { __typename: 'NotGrantableError', code: string, message: string, field?: string | null }
      | { __typename: 'SlackApiError', code: string, message: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, message: string, field?: string | null }
    > } };

export type RevokeGrantMutationVariables = Exact<{
  input: RevokeGrantInput;
}>;


export type RevokeGrantMutation = { __typename?: 'Mutation', revokeGrant: { __typename?: 'RevokeGrantPayload', result?: ProvisionResult | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, message: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, message: string, field?: string | null }
      | { __typename: 'NotGrantableError', code: string, message: string, field?: string | null }
      | { __typename: 'SlackApiError', code: string, message: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, message: string, field?: string | null }
    > } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', clientId: string, name: string, scopes: Array<string>, tokenExpiresAt: string } };

export type ClientAccountFragment = { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean };

export type ClientEntitlementFragment = { __typename?: 'Entitlement', id: string, externalId: string, slug: string, displayName: string, grantable: boolean, grantableReason?: string | null, resource:
    | { __typename: 'Channel', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
    | { __typename: 'EnterpriseRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
    | { __typename: 'IdpGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
    | { __typename: 'UserGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
    | { __typename: 'Workspace', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
    | { __typename: 'WorkspaceRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
   };

export type ClientGrantFragment = { __typename?: 'Grant', id: string, externalId: string, source: GrantSource, grantedAt: string, expiresAt?: string | null, account: { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean }, entitlement: { __typename?: 'Entitlement', id: string, externalId: string, slug: string, displayName: string, grantable: boolean, grantableReason?: string | null, resource:
      | { __typename: 'Channel', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'EnterpriseRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'IdpGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'UserGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'Workspace', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'WorkspaceRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
     } };

export type GrantsPageQueryVariables = Exact<{
  filter?: InputMaybe<GrantFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type GrantsPageQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', id: string, externalId: string, source: GrantSource, grantedAt: string, expiresAt?: string | null, account: { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean }, entitlement: { __typename?: 'Entitlement', id: string, externalId: string, slug: string, displayName: string, grantable: boolean, grantableReason?: string | null, resource:
            | { __typename: 'Channel', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
            | { __typename: 'EnterpriseRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
            | { __typename: 'IdpGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
            | { __typename: 'UserGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
            | { __typename: 'Workspace', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
            | { __typename: 'WorkspaceRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
           } } }> } };

export type AccountsPageQueryVariables = Exact<{
  filter?: InputMaybe<AccountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AccountsPageQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean } }> } };

export type EntitlementsPageQueryVariables = Exact<{
  filter?: InputMaybe<EntitlementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EntitlementsPageQuery = { __typename?: 'Query', entitlements: { __typename?: 'EntitlementConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', id: string, externalId: string, slug: string, displayName: string, grantable: boolean, grantableReason?: string | null, resource:
          | { __typename: 'Channel', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'EnterpriseRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'IdpGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'UserGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'Workspace', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
          | { __typename: 'WorkspaceRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
         } }> } };

export type AccountQueryVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  slackId?: InputMaybe<Scalars['String']['input']>;
}>;


export type AccountQuery = { __typename?: 'Query', account?: { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean } | null };

export type EntitlementQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EntitlementQuery = { __typename?: 'Query', entitlement?: { __typename?: 'Entitlement', grantCount: number, id: string, externalId: string, slug: string, displayName: string, grantable: boolean, grantableReason?: string | null, resource:
      | { __typename: 'Channel', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'EnterpriseRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'IdpGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'UserGroup', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'Workspace', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
      | { __typename: 'WorkspaceRole', id: string, externalId: string, resourceType: ResourceType, slackId: string, displayName: string }
     } | null };

export type ClientSyncRunFragment = { __typename?: 'SyncRun', id: string, status: SyncStatus, trigger: SyncTrigger, phase?: SyncPhase | null, done: number, estimatedTotal?: number | null, percent?: number | null, startedAt?: string | null, finishedAt?: string | null, error?: string | null };

export type StartSyncMutationVariables = Exact<{
  input: StartSyncInput;
}>;


export type StartSyncMutation = { __typename?: 'Mutation', startSync: { __typename?: 'StartSyncPayload', run?: { __typename?: 'SyncRun', id: string, status: SyncStatus, trigger: SyncTrigger, phase?: SyncPhase | null, done: number, estimatedTotal?: number | null, percent?: number | null, startedAt?: string | null, finishedAt?: string | null, error?: string | null } | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, message: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, message: string, field?: string | null }
      | { __typename: 'NotGrantableError', code: string, message: string, field?: string | null }
      | { __typename: 'SlackApiError', code: string, message: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, message: string, field?: string | null }
    > } };

export type SyncRunsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<SyncStatus> | SyncStatus>;
}>;


export type SyncRunsQuery = { __typename?: 'Query', syncRuns: { __typename?: 'SyncRunConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'SyncRunEdge', node: { __typename?: 'SyncRun', id: string, status: SyncStatus, trigger: SyncTrigger, phase?: SyncPhase | null, done: number, estimatedTotal?: number | null, percent?: number | null, startedAt?: string | null, finishedAt?: string | null, error?: string | null } }> } };

export type SyncProgressSubscriptionVariables = Exact<{
  runId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SyncProgressSubscription = { __typename?: 'Subscription', syncProgress: { __typename?: 'SyncProgress', at: string, status: SyncStatus, phase?: SyncPhase | null, done: number, estimatedTotal?: number | null, percent?: number | null, rateLimited: number, error?: string | null, counts: Array<{ __typename?: 'SyncPhaseCount', phase: SyncPhase, count: number, estimatedTotal?: number | null }>, run: { __typename?: 'SyncRun', id: string } } };

export const ClientUserErrorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<ClientUserErrorFragment, unknown>;
export const ClientAccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}}]} as unknown as DocumentNode<ClientAccountFragment, unknown>;
export const ClientEntitlementFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientEntitlement"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entitlement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"grantableReason"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ClientEntitlementFragment, unknown>;
export const ClientGrantFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientGrant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientAccount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientEntitlement"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientEntitlement"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entitlement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"grantableReason"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ClientGrantFragment, unknown>;
export const ClientSyncRunFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ClientSyncRunFragment, unknown>;
export const GrantEntitlementDocument = {"__meta__":{"hash":"ccf58bbecf36ac5d4b6a4651d509e1f0876fa1d1709b3b543b36bb705649e395"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantEntitlement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantEntitlementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantEntitlement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientGrant"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientEntitlement"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entitlement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"grantableReason"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientGrant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientAccount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientEntitlement"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<GrantEntitlementMutation, GrantEntitlementMutationVariables>;
export const RevokeGrantDocument = {"__meta__":{"hash":"5e070bb09fe4a1e30a26d2608c093c25eee1c50e663643f39029ea7cf90e6db8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeGrantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RevokeGrantMutation, RevokeGrantMutationVariables>;
export const ViewerDocument = {"__meta__":{"hash":"77f897fd279fcb92352214948a4e036036f8875f25bb9786505dd343e325baeb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"tokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const GrantsPageDocument = {"__meta__":{"hash":"e7d19c0774a875f00f9a48f9d1e612737a5b6d9437f572642deae0cc97502efe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientGrant"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientEntitlement"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entitlement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"grantableReason"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientGrant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientAccount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientEntitlement"}}]}}]}}]} as unknown as DocumentNode<GrantsPageQuery, GrantsPageQueryVariables>;
export const AccountsPageDocument = {"__meta__":{"hash":"82606f9720139af7ce032ba3177b1afb039938cecf6be785b031dfe237685d09"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientAccount"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}}]} as unknown as DocumentNode<AccountsPageQuery, AccountsPageQueryVariables>;
export const EntitlementsPageDocument = {"__meta__":{"hash":"217a8852002ae6f1e03fb6f27f67d64efcf0889b45fd4be177f66970885a36ae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntitlementsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EntitlementFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientEntitlement"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientEntitlement"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entitlement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"grantableReason"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<EntitlementsPageQuery, EntitlementsPageQueryVariables>;
export const AccountDocument = {"__meta__":{"hash":"b6bd1b1157a2a1f8d575c3e9d316b5f82eca1d4672d4d8478edebbdb67f949c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slackId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"slackId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slackId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientAccount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}}]} as unknown as DocumentNode<AccountQuery, AccountQueryVariables>;
export const EntitlementDocument = {"__meta__":{"hash":"8c5cda8a9660e8aa608f316fe3dfc7b7d5b996760f021f0224fdc69a95a2dd6b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Entitlement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientEntitlement"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientEntitlement"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entitlement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"grantableReason"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<EntitlementQuery, EntitlementQueryVariables>;
export const StartSyncDocument = {"__meta__":{"hash":"7aa7a84274e49e4e52343e9a44730db17d1dbadfaa0094eaae7ecac3f6f28868"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartSyncInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientSyncRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<StartSyncMutation, StartSyncMutationVariables>;
export const SyncRunsDocument = {"__meta__":{"hash":"3fe046979b4afb1401bc896cfab52d7f25a07fefd0fb85338b2da35cf618fa31"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientSyncRun"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<SyncRunsQuery, SyncRunsQueryVariables>;
export const SyncProgressDocument = {"__meta__":{"hash":"1c682f6123a522a14e19bc4c3ca0531caa2f477b35ffb998f623038e21a6f752"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimited"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SyncProgressSubscription, SyncProgressSubscriptionVariables>;