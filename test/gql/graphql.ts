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

/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __Schema = {
  __typename?: '__Schema';
  description?: Maybe<Scalars['String']['output']>;
  /** A list of all types supported by this server. */
  types: Array<__Type>;
  /** The type that query operations will be rooted at. */
  queryType: __Type;
  /** If this server supports mutation, the type that mutation operations will be rooted at. */
  mutationType?: Maybe<__Type>;
  /** If this server support subscription, the type that subscription operations will be rooted at. */
  subscriptionType?: Maybe<__Type>;
  /** A list of all directives supported by this server. */
  directives: Array<__Directive>;
};


/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __SchemaDirectivesArgs = {
  includeDeprecated?: Scalars['Boolean']['input'];
};

/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __Type = {
  __typename?: '__Type';
  kind: __TypeKind;
  name?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  specifiedByURL?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<__Field>>;
  interfaces?: Maybe<Array<__Type>>;
  possibleTypes?: Maybe<Array<__Type>>;
  enumValues?: Maybe<Array<__EnumValue>>;
  inputFields?: Maybe<Array<__InputValue>>;
  ofType?: Maybe<__Type>;
  isOneOf?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeEnumValuesArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeInputFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';

/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __Field = {
  __typename?: '__Field';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  args: Array<__InputValue>;
  type: __Type;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __FieldArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value. */
export type __InputValue = {
  __typename?: '__InputValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  type: __Type;
  /** A GraphQL-formatted string representing the default value for this input value. */
  defaultValue?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string. */
export type __EnumValue = {
  __typename?: '__EnumValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __Directive = {
  __typename?: '__Directive';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isRepeatable: Scalars['Boolean']['output'];
  locations: Array<__DirectiveLocation>;
  args: Array<__InputValue>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __DirectiveArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies. */
export type __DirectiveLocation =
  /** Location adjacent to a query operation. */
  | 'QUERY'
  /** Location adjacent to a mutation operation. */
  | 'MUTATION'
  /** Location adjacent to a subscription operation. */
  | 'SUBSCRIPTION'
  /** Location adjacent to a field. */
  | 'FIELD'
  /** Location adjacent to a fragment definition. */
  | 'FRAGMENT_DEFINITION'
  /** Location adjacent to a fragment spread. */
  | 'FRAGMENT_SPREAD'
  /** Location adjacent to an inline fragment. */
  | 'INLINE_FRAGMENT'
  /** Location adjacent to a variable definition. */
  | 'VARIABLE_DEFINITION'
  /** Location adjacent to a schema definition. */
  | 'SCHEMA'
  /** Location adjacent to a scalar definition. */
  | 'SCALAR'
  /** Location adjacent to an object type definition. */
  | 'OBJECT'
  /** Location adjacent to a field definition. */
  | 'FIELD_DEFINITION'
  /** Location adjacent to an argument definition. */
  | 'ARGUMENT_DEFINITION'
  /** Location adjacent to an interface definition. */
  | 'INTERFACE'
  /** Location adjacent to a union definition. */
  | 'UNION'
  /** Location adjacent to an enum definition. */
  | 'ENUM'
  /** Location adjacent to an enum value definition. */
  | 'ENUM_VALUE'
  /** Location adjacent to an input object type definition. */
  | 'INPUT_OBJECT'
  /** Location adjacent to an input object field definition. */
  | 'INPUT_FIELD_DEFINITION'
  /** Location adjacent to a directive definition. */
  | 'DIRECTIVE_DEFINITION';

export type DirectGrantMutationVariables = Exact<{
  input: GrantEntitlementInput;
}>;


export type DirectGrantMutation = { __typename?: 'Mutation', grantEntitlement: { __typename?: 'GrantEntitlementPayload', result?: ProvisionResult | null, grant?: { __typename?: 'Grant', externalId: string, source: GrantSource, expiresAt?: string | null, account: { __typename?: 'Account', slackId: string } } | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, message: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, message: string, field?: string | null }
      | { __typename: 'NotGrantableError', reason: string, code: string, message: string, field?: string | null }
      | { __typename: 'SlackApiError', slackError: string, code: string, message: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, message: string, field?: string | null }
    > } };

export type DirectRevokeMutationVariables = Exact<{
  input: RevokeGrantInput;
}>;


export type DirectRevokeMutation = { __typename?: 'Mutation', revokeGrant: { __typename?: 'RevokeGrantPayload', result?: ProvisionResult | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string }
      | { __typename: 'ForbiddenError', code: string, message: string }
      | { __typename: 'NotFoundError', code: string, message: string }
      | { __typename: 'NotGrantableError', code: string, message: string }
      | { __typename: 'SlackApiError', code: string, message: string }
      | { __typename: 'ValidationError', code: string, message: string }
    > } };

export type GrantsChangedOfSubscriptionVariables = Exact<{
  entitlementId: Scalars['ID']['input'];
}>;


export type GrantsChangedOfSubscription = { __typename?: 'Subscription', grantsChanged: { __typename?: 'GrantsChange', added: number, removed: number, cause: GrantsChangeCause, entitlement: { __typename?: 'Entitlement', externalId: string }, accounts?: Array<{ __typename?: 'Account', slackId: string }> | null } };

export type RequestFieldsFragment = { __typename?: 'Request', id: string, number: number, kind: RequestKind, state: RequestState, justification?: string | null, requestedDuration?: string | null, approvedDuration?: string | null, expiresAt?: string | null, error?: string | null, errorCode?: string | null, requester?: { __typename?: 'Account', externalId: string } | null, account: { __typename?: 'Account', externalId: string }, entitlement: { __typename?: 'Entitlement', externalId: string }, approvals: Array<{ __typename?: 'Approval', decision: ApprovalDecision, comment?: string | null, approver: { __typename?: 'Account', externalId: string } }> };

export type SetRequestPolicyMutationVariables = Exact<{
  input: UpdateEntitlementPolicyInput;
}>;


export type SetRequestPolicyMutation = { __typename?: 'Mutation', updateEntitlementPolicy: { __typename?: 'UpdateEntitlementPolicyPayload', entitlement?: { __typename?: 'Entitlement', externalId: string, policy: { __typename?: 'EntitlementPolicy', requestable: boolean, maxDuration?: string | null, requiredApprovals: number, reasonRequired: boolean, defaultApprovers: boolean, approvers: Array<{ __typename?: 'Account', externalId: string }> } } | null, errors: Array<
      | { __typename?: 'ConflictError', code: string, field?: string | null, message: string }
      | { __typename?: 'ForbiddenError', code: string, field?: string | null, message: string }
      | { __typename?: 'NotFoundError', code: string, field?: string | null, message: string }
      | { __typename?: 'NotGrantableError', code: string, field?: string | null, message: string }
      | { __typename?: 'SlackApiError', code: string, field?: string | null, message: string }
      | { __typename?: 'ValidationError', code: string, field?: string | null, message: string }
    > } };

export type AskForAccessMutationVariables = Exact<{
  input: RequestAccessInput;
}>;


export type AskForAccessMutation = { __typename?: 'Mutation', requestAccess: { __typename?: 'RequestAccessPayload', request?: { __typename?: 'Request', id: string, number: number, kind: RequestKind, state: RequestState, justification?: string | null, requestedDuration?: string | null, approvedDuration?: string | null, expiresAt?: string | null, error?: string | null, errorCode?: string | null, requester?: { __typename?: 'Account', externalId: string } | null, account: { __typename?: 'Account', externalId: string }, entitlement: { __typename?: 'Entitlement', externalId: string }, approvals: Array<{ __typename?: 'Approval', decision: ApprovalDecision, comment?: string | null, approver: { __typename?: 'Account', externalId: string } }> } | null, errors: Array<
      | { __typename?: 'ConflictError', code: string, field?: string | null, message: string }
      | { __typename?: 'ForbiddenError', code: string, field?: string | null, message: string }
      | { __typename?: 'NotFoundError', code: string, field?: string | null, message: string }
      | { __typename?: 'NotGrantableError', code: string, field?: string | null, message: string }
      | { __typename?: 'SlackApiError', code: string, field?: string | null, message: string }
      | { __typename?: 'ValidationError', code: string, field?: string | null, message: string }
    > } };

export type AskForAccessBrieflyMutationVariables = Exact<{
  input: RequestAccessInput;
}>;


export type AskForAccessBrieflyMutation = { __typename?: 'Mutation', requestAccess: { __typename?: 'RequestAccessPayload', request?: { __typename?: 'Request', id: string } | null, errors: Array<
      | { __typename: 'ConflictError', code: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, field?: string | null }
      | { __typename: 'NotGrantableError', code: string, field?: string | null }
      | { __typename: 'SlackApiError', code: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, field?: string | null }
    > } };

export type ApproveAccessMutationVariables = Exact<{
  input: ApproveRequestInput;
}>;


export type ApproveAccessMutation = { __typename?: 'Mutation', approveRequest: { __typename?: 'ApproveRequestPayload', request?: { __typename?: 'Request', id: string, number: number, kind: RequestKind, state: RequestState, justification?: string | null, requestedDuration?: string | null, approvedDuration?: string | null, expiresAt?: string | null, error?: string | null, errorCode?: string | null, requester?: { __typename?: 'Account', externalId: string } | null, account: { __typename?: 'Account', externalId: string }, entitlement: { __typename?: 'Entitlement', externalId: string }, approvals: Array<{ __typename?: 'Approval', decision: ApprovalDecision, comment?: string | null, approver: { __typename?: 'Account', externalId: string } }> } | null, errors: Array<
      | { __typename?: 'ConflictError', code: string, message: string }
      | { __typename?: 'ForbiddenError', code: string, message: string }
      | { __typename?: 'NotFoundError', code: string, message: string }
      | { __typename?: 'NotGrantableError', code: string, message: string }
      | { __typename?: 'SlackApiError', code: string, message: string }
      | { __typename?: 'ValidationError', code: string, message: string }
    > } };

export type ApproveAccessBrieflyMutationVariables = Exact<{
  input: ApproveRequestInput;
}>;


export type ApproveAccessBrieflyMutation = { __typename?: 'Mutation', approveRequest: { __typename?: 'ApproveRequestPayload', request?: { __typename?: 'Request', state: RequestState } | null, errors: Array<
      | { __typename: 'ConflictError', code: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, field?: string | null }
      | { __typename: 'NotGrantableError', code: string, field?: string | null }
      | { __typename: 'SlackApiError', code: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, field?: string | null }
    > } };

export type RequestSeenEverywhereQueryVariables = Exact<{
  account: Scalars['ID']['input'];
  grant: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  entitlementId: Scalars['ID']['input'];
}>;


export type RequestSeenEverywhereQuery = { __typename?: 'Query', account?: { __typename?: 'Account', requests: { __typename?: 'RequestConnection', totalCount: number, edges: Array<{ __typename?: 'RequestEdge', node: { __typename?: 'Request', id: string, state: RequestState } }> } } | null, grant?: { __typename?: 'Grant', expiresAt?: string | null, request?: { __typename?: 'Request', id: string, state: RequestState } | null } | null, node?:
    | { __typename?: 'AccessReview' }
    | { __typename?: 'Account' }
    | { __typename?: 'AuditEvent' }
    | { __typename?: 'Channel' }
    | { __typename?: 'EnterpriseRole' }
    | { __typename?: 'Entitlement' }
    | { __typename?: 'Grant' }
    | { __typename?: 'IdpGroup' }
    | { __typename?: 'Request', state: RequestState }
    | { __typename?: 'ReviewItem' }
    | { __typename?: 'SyncRun' }
    | { __typename?: 'UserGroup' }
    | { __typename?: 'Workspace' }
    | { __typename?: 'WorkspaceRole' }
   | null, requests: { __typename?: 'RequestConnection', totalCount: number, edges: Array<{ __typename?: 'RequestEdge', node: { __typename?: 'Request', id: string } }> }, pending: { __typename?: 'RequestConnection', totalCount: number } };

export type RequestStatesSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RequestStatesSubscription = { __typename?: 'Subscription', requestUpdated: { __typename?: 'Request', id: string, state: RequestState } };

export type StartReviewMutationVariables = Exact<{
  input: CreateAccessReviewInput;
}>;


export type StartReviewMutation = { __typename?: 'Mutation', createAccessReview: { __typename?: 'CreateAccessReviewPayload', review?: { __typename?: 'AccessReview', id: string, number: number, name: string, status: AccessReviewStatus, reviewers: Array<{ __typename?: 'Account', externalId: string }>, progress: { __typename?: 'ReviewProgress', total: number, decided: number, undecided: number, kept: number } } | null, errors: Array<
      | { __typename?: 'ConflictError', code: string, message: string }
      | { __typename?: 'ForbiddenError', code: string, message: string }
      | { __typename?: 'NotFoundError', code: string, message: string }
      | { __typename?: 'NotGrantableError', code: string, message: string }
      | { __typename?: 'SlackApiError', code: string, message: string }
      | { __typename?: 'ValidationError', code: string, message: string }
    > } };

export type ReviewsByStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewsByStatusQuery = { __typename?: 'Query', open: { __typename?: 'AccessReviewConnection', totalCount: number, edges: Array<{ __typename?: 'AccessReviewEdge', node: { __typename?: 'AccessReview', id: string } }> }, closed: { __typename?: 'AccessReviewConnection', totalCount: number } };

export type ReviewItemsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReviewItemFilter>;
}>;


export type ReviewItemsQuery = { __typename?: 'Query', accessReview?: { __typename?: 'AccessReview', items: { __typename?: 'ReviewItemConnection', totalCount: number, edges: Array<{ __typename?: 'ReviewItemEdge', node: { __typename?: 'ReviewItem', id: string, decision?: ReviewDecision | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type DecideItemsMutationVariables = Exact<{
  input: DecideReviewItemsInput;
}>;


export type DecideItemsMutation = { __typename?: 'Mutation', decideReviewItems: { __typename?: 'DecideReviewItemsPayload', items: Array<{ __typename?: 'ReviewItem', id: string, decision?: ReviewDecision | null }>, errors: Array<
      | { __typename?: 'ConflictError', code: string, message: string }
      | { __typename?: 'ForbiddenError', code: string, message: string }
      | { __typename?: 'NotFoundError', code: string, message: string }
      | { __typename?: 'NotGrantableError', code: string, message: string }
      | { __typename?: 'SlackApiError', code: string, message: string }
      | { __typename?: 'ValidationError', code: string, message: string }
    > } };

export type CloseReviewMutationVariables = Exact<{
  input: CloseAccessReviewInput;
}>;


export type CloseReviewMutation = { __typename?: 'Mutation', closeAccessReview: { __typename?: 'CloseAccessReviewPayload', review?: { __typename?: 'AccessReview', status: AccessReviewStatus } | null, errors: Array<
      | { __typename?: 'ConflictError', code: string }
      | { __typename?: 'ForbiddenError', code: string }
      | { __typename?: 'NotFoundError', code: string }
      | { __typename?: 'NotGrantableError', code: string }
      | { __typename?: 'SlackApiError', code: string }
      | { __typename?: 'ValidationError', code: string }
    > } };

export type GrantTimesQueryVariables = Exact<{ [key: string]: never; }>;


export type GrantTimesQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string, grantedAt: string, expiresAt?: string | null, account: { __typename?: 'Account', createdAt: string } } }> } };

export type AccountFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountFiltersQuery = { __typename?: 'Query', all: { __typename?: 'AccountConnection', totalCount: number }, search: { __typename?: 'AccountConnection', totalCount: number, edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', slackId: string } }> }, byEmail: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', slackId: string, email?: string | null } }> }, disabled: { __typename?: 'AccountConnection', totalCount: number }, guests: { __typename?: 'AccountConnection', totalCount: number }, services: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', displayName?: string | null, type: AccountType } }> }, labs: { __typename?: 'AccountConnection', totalCount: number } };

export type AccountLookupsQueryVariables = Exact<{
  global: Scalars['ID']['input'];
}>;


export type AccountLookupsQuery = { __typename?: 'Query', byGlobal?: { __typename?: 'Account', slackId: string } | null, byExternal?: { __typename?: 'Account', slackId: string, workspaces: Array<{ __typename?: 'Workspace', externalId: string, name: string, domain?: string | null }> } | null, bySlack?: { __typename?: 'Account', slackId: string } | null, byEmail?: { __typename?: 'Account', slackId: string } | null, missing?: { __typename?: 'Account', slackId: string } | null };

export type AccountByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AccountByIdQuery = { __typename?: 'Query', account?: { __typename?: 'Account', slackId: string } | null };

export type AccountBySlackIdAndEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountBySlackIdAndEmailQuery = { __typename?: 'Query', account?: { __typename?: 'Account', slackId: string } | null };

export type EntitlementWithGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type EntitlementWithGrantsQuery = { __typename?: 'Query', entitlement?: { __typename?: 'Entitlement', externalId: string, slug: string, grantable: boolean, grantableReason?: string | null, grantCount: number, purpose: EntitlementPurpose, resource:
      | { __typename: 'Channel', externalId: string, resourceType: ResourceType, slackId: string, displayName: string, workspace?: { __typename?: 'Workspace', externalId: string } | null, entitlements: Array<{ __typename?: 'Entitlement', externalId: string }> }
      | { __typename: 'EnterpriseRole', externalId: string, resourceType: ResourceType, slackId: string, displayName: string, workspace?: { __typename?: 'Workspace', externalId: string } | null, entitlements: Array<{ __typename?: 'Entitlement', externalId: string }> }
      | { __typename: 'IdpGroup', externalId: string, resourceType: ResourceType, slackId: string, displayName: string, workspace?: { __typename?: 'Workspace', externalId: string } | null, entitlements: Array<{ __typename?: 'Entitlement', externalId: string }> }
      | { __typename: 'UserGroup', externalId: string, resourceType: ResourceType, slackId: string, displayName: string, workspace?: { __typename?: 'Workspace', externalId: string } | null, entitlements: Array<{ __typename?: 'Entitlement', externalId: string }> }
      | { __typename: 'Workspace', externalId: string, resourceType: ResourceType, slackId: string, displayName: string, workspace?: { __typename?: 'Workspace', externalId: string } | null, entitlements: Array<{ __typename?: 'Entitlement', externalId: string }> }
      | { __typename: 'WorkspaceRole', externalId: string, resourceType: ResourceType, slackId: string, displayName: string, workspace?: { __typename?: 'Workspace', externalId: string } | null, entitlements: Array<{ __typename?: 'Entitlement', externalId: string }> }
    , grants: { __typename?: 'GrantConnection', totalCount: number, edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', slackId: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean } } } | null };

export type ResourceTypenamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ResourceTypenamesQuery = { __typename?: 'Query', entitlements: { __typename?: 'EntitlementConnection', totalCount: number, edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', resource:
          | { __typename: 'Channel', externalId: string }
          | { __typename: 'EnterpriseRole', externalId: string }
          | { __typename: 'IdpGroup', externalId: string }
          | { __typename: 'UserGroup', externalId: string }
          | { __typename: 'Workspace', externalId: string }
          | { __typename: 'WorkspaceRole', externalId: string }
         } }> } };

export type EntitlementFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type EntitlementFiltersQuery = { __typename?: 'Query', groups: { __typename?: 'EntitlementConnection', edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', externalId: string } }> }, inT1: { __typename?: 'EntitlementConnection', totalCount: number }, grantable: { __typename?: 'EntitlementConnection', edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', externalId: string } }> }, search: { __typename?: 'EntitlementConnection', edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', externalId: string } }> } };

export type GrantFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type GrantFiltersQuery = { __typename?: 'Query', mine: { __typename?: 'GrantConnection', totalCount: number }, channels: { __typename?: 'GrantConnection', totalCount: number, edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string, source: GrantSource, expiresAt?: string | null } }> }, expiring: { __typename?: 'GrantConnection', totalCount: number }, notYet: { __typename?: 'GrantConnection', totalCount: number }, accountGrants?: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', totalCount: number, edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', entitlement: { __typename?: 'Entitlement', externalId: string } } }> } } | null };

export type NodeLookupsQueryVariables = Exact<{
  group: Scalars['ID']['input'];
}>;


export type NodeLookupsQuery = { __typename?: 'Query', node?:
    | { __typename: 'AccessReview', id: string }
    | { __typename: 'Account', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Channel', id: string }
    | { __typename: 'EnterpriseRole', id: string }
    | { __typename: 'Entitlement', id: string }
    | { __typename: 'Grant', id: string }
    | { __typename: 'IdpGroup', id: string }
    | { __typename: 'Request', id: string }
    | { __typename: 'ReviewItem', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'UserGroup', externalId: string, id: string }
    | { __typename: 'Workspace', id: string }
    | { __typename: 'WorkspaceRole', id: string }
   | null, byExternal?:
    | { __typename: 'AccessReview', id: string }
    | { __typename: 'Account', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Channel', id: string }
    | { __typename: 'EnterpriseRole', id: string }
    | { __typename: 'Entitlement', id: string }
    | { __typename: 'Grant', id: string }
    | { __typename: 'IdpGroup', id: string }
    | { __typename: 'Request', id: string }
    | { __typename: 'ReviewItem', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'UserGroup', id: string }
    | { __typename: 'Workspace', id: string }
    | { __typename: 'WorkspaceRole', id: string }
   | null, grant?:
    | { __typename?: 'AccessReview' }
    | { __typename?: 'Account' }
    | { __typename?: 'AuditEvent' }
    | { __typename?: 'Channel' }
    | { __typename?: 'EnterpriseRole' }
    | { __typename?: 'Entitlement' }
    | { __typename?: 'Grant', account: { __typename?: 'Account', slackId: string } }
    | { __typename?: 'IdpGroup' }
    | { __typename?: 'Request' }
    | { __typename?: 'ReviewItem' }
    | { __typename?: 'SyncRun' }
    | { __typename?: 'UserGroup' }
    | { __typename?: 'Workspace' }
    | { __typename?: 'WorkspaceRole' }
   | null, nodes: Array<
    | { __typename: 'AccessReview' }
    | { __typename: 'Account' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Channel' }
    | { __typename: 'EnterpriseRole' }
    | { __typename: 'Entitlement' }
    | { __typename: 'Grant' }
    | { __typename: 'IdpGroup' }
    | { __typename: 'Request' }
    | { __typename: 'ReviewItem' }
    | { __typename: 'SyncRun' }
    | { __typename: 'UserGroup' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceRole' }
   | null> };

export type AccountPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type AccountPageQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', cursor: string, node: { __typename?: 'Account', slackId: string } }>, pageInfo: { __typename?: 'PageInfo', hasPreviousPage: boolean, hasNextPage: boolean } } };

export type EntitlementGrantPageQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EntitlementGrantPageQuery = { __typename?: 'Query', entitlement?: { __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', cursor: string, node: { __typename?: 'Grant', externalId: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type AccountsInWorkspaceQueryVariables = Exact<{
  workspaceId: Scalars['ID']['input'];
}>;


export type AccountsInWorkspaceQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', totalCount: number, edges: Array<{ __typename?: 'AccountEdge', cursor: string }> } };

export type ViewerScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerScopesQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', clientId: string, scopes: Array<string> } };

export type GrantCountQueryVariables = Exact<{
  filter?: InputMaybe<GrantFilter>;
}>;


export type GrantCountQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', totalCount: number } };

export type SetApiClientLimitsMutationVariables = Exact<{
  input: SetApiClientLimitsInput;
}>;


export type SetApiClientLimitsMutation = { __typename?: 'Mutation', setApiClientLimits: { __typename?: 'SetApiClientLimitsPayload', client?: { __typename?: 'ApiClientLimits', clientId: string, trustedOnly: boolean, costBudgetPerMinute?: number | null } | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, message: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, message: string, field?: string | null }
      | { __typename: 'NotGrantableError', code: string, message: string, field?: string | null }
      | { __typename: 'SlackApiError', code: string, message: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, message: string, field?: string | null }
    > } };

export type ViewerLimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerLimitsQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', clientId: string, trustedOnly: boolean, costBudgetPerMinute?: number | null } };

export type GrantsOfAccountQueryVariables = Exact<{
  accountId?: InputMaybe<Scalars['ID']['input']>;
  entitlementId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type GrantsOfAccountQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', totalCount: number } };

export type AccountsOfWorkspaceQueryVariables = Exact<{
  workspaceId: Scalars['ID']['input'];
}>;


export type AccountsOfWorkspaceQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', totalCount: number } };

export type AccountsPageOfQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type AccountsPageOfQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', cursor: string }> } };

export type ResourcesListQueryVariables = Exact<{
  filter?: InputMaybe<ResourceFilter>;
}>;


export type ResourcesListQuery = { __typename?: 'Query', resources: { __typename?: 'ResourceConnection', totalCount: number, edges: Array<{ __typename?: 'ResourceEdge', node:
        | { __typename: 'Channel', isPrivate: boolean, memberCount: number, externalId: string, workspace?: { __typename?: 'Workspace', name: string, domain?: string | null } | null }
        | { __typename: 'EnterpriseRole', externalId: string, workspace?: { __typename?: 'Workspace', name: string, domain?: string | null } | null }
        | { __typename: 'IdpGroup', externalId: string, workspace?: { __typename?: 'Workspace', name: string, domain?: string | null } | null }
        | { __typename: 'UserGroup', externalId: string, workspace?: { __typename?: 'Workspace', name: string, domain?: string | null } | null }
        | { __typename: 'Workspace', externalId: string, workspace?: { __typename?: 'Workspace', name: string, domain?: string | null } | null }
        | { __typename: 'WorkspaceRole', externalId: string, workspace?: { __typename?: 'Workspace', name: string, domain?: string | null } | null }
       }> } };

export type SyncRunNumbersQueryVariables = Exact<{ [key: string]: never; }>;


export type SyncRunNumbersQuery = { __typename?: 'Query', syncRuns: { __typename?: 'SyncRunConnection', edges: Array<{ __typename?: 'SyncRunEdge', node: { __typename?: 'SyncRun', id: string, number: number } }> } };

export type SyncRunByNumberQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SyncRunByNumberQuery = { __typename?: 'Query', syncRun?: { __typename?: 'SyncRun', number: number, slackCallsTotal: number } | null };

export type RevokeNothingMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeNothingMutation = { __typename?: 'Mutation', revokeGrant: { __typename?: 'RevokeGrantPayload', result?: ProvisionResult | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string, field?: string | null }
      | { __typename: 'ForbiddenError', code: string, message: string, field?: string | null }
      | { __typename: 'NotFoundError', code: string, message: string, field?: string | null }
      | { __typename: 'NotGrantableError', code: string, message: string, field?: string | null }
      | { __typename: 'SlackApiError', code: string, message: string, field?: string | null }
      | { __typename: 'ValidationError', code: string, message: string, field?: string | null }
    > } };

export type TooCostlyQueryVariables = Exact<{ [key: string]: never; }>;


export type TooCostlyQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } }> } };

export type GrantPageWithEntitlementsQueryVariables = Exact<{ [key: string]: never; }>;


export type GrantPageWithEntitlementsQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string, entitlement: { __typename?: 'Entitlement', externalId: string, displayName: string, resource:
            | { __typename?: 'Channel', displayName: string }
            | { __typename?: 'EnterpriseRole', displayName: string }
            | { __typename?: 'IdpGroup', displayName: string }
            | { __typename?: 'UserGroup', displayName: string }
            | { __typename?: 'Workspace', displayName: string }
            | { __typename?: 'WorkspaceRole', displayName: string }
           } } }> } };

export type EveryCountQueryVariables = Exact<{ [key: string]: never; }>;


export type EveryCountQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', totalCount: number }, accounts: { __typename?: 'AccountConnection', totalCount: number }, entitlements: { __typename?: 'EntitlementConnection', totalCount: number, edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', externalId: string, grantCount: number, grants: { __typename?: 'GrantConnection', totalCount: number } } }> } };

export type EvidenceStartReviewMutationVariables = Exact<{
  input: CreateAccessReviewInput;
}>;


export type EvidenceStartReviewMutation = { __typename?: 'Mutation', createAccessReview: { __typename?: 'CreateAccessReviewPayload', review?: { __typename?: 'AccessReview', id: string, number: number } | null, errors: Array<
      | { __typename?: 'ConflictError', code: string, message: string }
      | { __typename?: 'ForbiddenError', code: string, message: string }
      | { __typename?: 'NotFoundError', code: string, message: string }
      | { __typename?: 'NotGrantableError', code: string, message: string }
      | { __typename?: 'SlackApiError', code: string, message: string }
      | { __typename?: 'ValidationError', code: string, message: string }
    > } };

export type EvidenceDecideMutationVariables = Exact<{
  input: DecideReviewItemsInput;
}>;


export type EvidenceDecideMutation = { __typename?: 'Mutation', decideReviewItems: { __typename?: 'DecideReviewItemsPayload', items: Array<{ __typename?: 'ReviewItem', id: string }>, errors: Array<
      | { __typename?: 'ConflictError', code: string, message: string }
      | { __typename?: 'ForbiddenError', code: string, message: string }
      | { __typename?: 'NotFoundError', code: string, message: string }
      | { __typename?: 'NotGrantableError', code: string, message: string }
      | { __typename?: 'SlackApiError', code: string, message: string }
      | { __typename?: 'ValidationError', code: string, message: string }
    > } };

export type EvidenceCloseMutationVariables = Exact<{
  input: CloseAccessReviewInput;
}>;


export type EvidenceCloseMutation = { __typename?: 'Mutation', closeAccessReview: { __typename?: 'CloseAccessReviewPayload', errors: Array<
      | { __typename?: 'ConflictError', code: string }
      | { __typename?: 'ForbiddenError', code: string }
      | { __typename?: 'NotFoundError', code: string }
      | { __typename?: 'NotGrantableError', code: string }
      | { __typename?: 'SlackApiError', code: string }
      | { __typename?: 'ValidationError', code: string }
    > } };

export type EvidenceItemsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EvidenceItemsQuery = { __typename?: 'Query', accessReview?: { __typename?: 'AccessReview', scope: unknown, items: { __typename?: 'ReviewItemConnection', edges: Array<{ __typename?: 'ReviewItemEdge', node: { __typename?: 'ReviewItem', id: string, grantExternalId: string, snapshot: unknown } }> } } | null };

export type EvidenceQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  format: EvidenceFormat;
}>;


export type EvidenceQuery = { __typename?: 'Query', accessReview?: { __typename?: 'AccessReview', evidence: { __typename?: 'ReviewEvidence', filename: string, content: string, sha256: string, items: number } } | null };

export type TooDeepQueryVariables = Exact<{ [key: string]: never; }>;


export type TooDeepQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', entitlement: { __typename?: 'Entitlement', resource:
                  | { __typename?: 'Channel', entitlements: Array<{ __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } } }> } }> }
                  | { __typename?: 'EnterpriseRole', entitlements: Array<{ __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } } }> } }> }
                  | { __typename?: 'IdpGroup', entitlements: Array<{ __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } } }> } }> }
                  | { __typename?: 'UserGroup', entitlements: Array<{ __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } } }> } }> }
                  | { __typename?: 'Workspace', entitlements: Array<{ __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } } }> } }> }
                  | { __typename?: 'WorkspaceRole', entitlements: Array<{ __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } } }> } }> }
                 } } }> } } }> } };

export type PagesMultipliedQueryVariables = Exact<{ [key: string]: never; }>;


export type PagesMultipliedQuery = { __typename?: 'Query', entitlements: { __typename?: 'EntitlementConnection', edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string } }> } } } }> } } }> } };

export type QueryTypeNameQueryVariables = Exact<{ [key: string]: never; }>;


export type QueryTypeNameQuery = { __typename?: 'Query', __schema: { __typename?: '__Schema', queryType: { __typename?: '__Type', name?: string | null } } };

export type SyncRunReportQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SyncRunReportQuery = { __typename?: 'Query', syncRun?: { __typename?: 'SyncRun', status: SyncStatus, trigger: SyncTrigger, phase?: SyncPhase | null, done: number, estimatedTotal?: number | null, percent?: number | null, durationSeconds?: number | null, slackCallsTotal: number, rateLimitedTotal: number, counts: Array<{ __typename?: 'SyncPhaseCount', phase: SyncPhase, count: number, estimatedTotal?: number | null }>, slackCalls: Array<{ __typename?: 'SlackMethodCalls', method: string, calls: number, rateLimited: number }>, diff?: { __typename?: 'SyncDiff', accountsAdded: number, accountsRemoved: number, grantsAdded: number, changes: { __typename?: 'SyncChangeConnection', totalCount: number, edges: Array<{ __typename?: 'SyncChangeEdge', node: { __typename?: 'SyncChange', kind: SyncChangeKind, externalId: string } }> } } | null } | null };

export type ConnectorReportQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectorReportQuery = { __typename?: 'Query', connector: { __typename?: 'Connector', plan?: string | null, teamId?: string | null, teamName?: string | null, status: ConnectorStatus, statusReason?: string | null, accountCount: number, entitlementCount: number, lastSuccessfulSyncAgeSeconds?: number | null, lastSuccessfulSync?: { __typename?: 'SyncRun', status: SyncStatus } | null, tokens: Array<{ __typename?: 'ConnectorToken', kind: string, configured: boolean, ok: boolean, scopes: Array<string>, error?: string | null }> } };

export type AuditEventFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditEventFiltersQuery = { __typename?: 'Query', grants: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', action: string, targetId?: string | null, details: unknown } }> }, one: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', action: string, outcome: AuditOutcome } }> }, future: { __typename?: 'AuditEventConnection', totalCount: number }, paged: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', cursor: string }> } };

export type AuditEventsAfterQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEventsAfterQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', targetId?: string | null } }> } };

export type AccountTotalQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountTotalQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', totalCount: number } };

export type SyncViewerAndRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type SyncViewerAndRunsQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', scopes: Array<string> }, syncRuns: { __typename?: 'SyncRunConnection', totalCount: number } };

export type StartSyncBareMutationVariables = Exact<{ [key: string]: never; }>;


export type StartSyncBareMutation = { __typename?: 'Mutation', startSync: { __typename?: 'StartSyncPayload', errors: Array<
      | { __typename?: 'ConflictError', code: string }
      | { __typename?: 'ForbiddenError', code: string }
      | { __typename?: 'NotFoundError', code: string }
      | { __typename?: 'NotGrantableError', code: string }
      | { __typename?: 'SlackApiError', code: string }
      | { __typename?: 'ValidationError', code: string }
    > } };

export type EverythingAdminSeesQueryVariables = Exact<{ [key: string]: never; }>;


export type EverythingAdminSeesQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', totalCount: number }, syncRuns: { __typename?: 'SyncRunConnection', totalCount: number }, connector: { __typename?: 'Connector', status: ConnectorStatus } };

export type GrantRowsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type GrantRowsQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string, source: GrantSource, grantedAt: string, account: { __typename?: 'Account', slackId: string, email?: string | null, displayName?: string | null, status: AccountStatus }, entitlement: { __typename?: 'Entitlement', externalId: string, displayName: string, grantable: boolean, resource:
            | { __typename: 'Channel', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'EnterpriseRole', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'IdpGroup', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'UserGroup', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'Workspace', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'WorkspaceRole', externalId: string, displayName: string, resourceType: ResourceType }
           } } }> } };

export type GrantRowsCountedQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type GrantRowsCountedQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', totalCount: number, edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string, source: GrantSource, grantedAt: string, account: { __typename?: 'Account', slackId: string, email?: string | null, displayName?: string | null, status: AccountStatus }, entitlement: { __typename?: 'Entitlement', externalId: string, displayName: string, grantable: boolean, resource:
            | { __typename: 'Channel', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'EnterpriseRole', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'IdpGroup', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'UserGroup', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'Workspace', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'WorkspaceRole', externalId: string, displayName: string, resourceType: ResourceType }
           } } }> } };

export type SearchedAccountEmailsQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchedAccountEmailsQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', slackId: string, email?: string | null } }> } };

export type EveryAccountFieldFragment = { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, username?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean, guestKind?: string | null, isAdmin: boolean, isOwner: boolean, isPrimaryOwner: boolean, mfaEnabled?: boolean | null, timezone?: string | null, createdAt: string, updatedAt: string };

export type JoinedAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type JoinedAccountsQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, username?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean, guestKind?: string | null, isAdmin: boolean, isOwner: boolean, isPrimaryOwner: boolean, mfaEnabled?: boolean | null, timezone?: string | null, createdAt: string, updatedAt: string } } }> } };

export type AccountAloneQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AccountAloneQuery = { __typename?: 'Query', node?:
    | { __typename?: 'AccessReview' }
    | { __typename?: 'Account', id: string, externalId: string, slackId: string, email?: string | null, username?: string | null, displayName?: string | null, realName?: string | null, status: AccountStatus, type: AccountType, isGuest: boolean, guestKind?: string | null, isAdmin: boolean, isOwner: boolean, isPrimaryOwner: boolean, mfaEnabled?: boolean | null, timezone?: string | null, createdAt: string, updatedAt: string }
    | { __typename?: 'AuditEvent' }
    | { __typename?: 'Channel' }
    | { __typename?: 'EnterpriseRole' }
    | { __typename?: 'Entitlement' }
    | { __typename?: 'Grant' }
    | { __typename?: 'IdpGroup' }
    | { __typename?: 'Request' }
    | { __typename?: 'ReviewItem' }
    | { __typename?: 'SyncRun' }
    | { __typename?: 'UserGroup' }
    | { __typename?: 'Workspace' }
    | { __typename?: 'WorkspaceRole' }
   | null };

export type GrantIdsAndTimesQueryVariables = Exact<{ [key: string]: never; }>;


export type GrantIdsAndTimesQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string, grantedAt: string } }> } };

export type HolderFragment = { __typename?: 'Account', slackId: string, email?: string | null, displayName?: string | null, status: AccountStatus };

export type HeldFragment = { __typename?: 'Grant', entitlement: { __typename?: 'Entitlement', externalId: string, displayName: string, grantable: boolean, resource:
      | { __typename: 'Channel', externalId: string, displayName: string, resourceType: ResourceType }
      | { __typename: 'EnterpriseRole', externalId: string, displayName: string, resourceType: ResourceType }
      | { __typename: 'IdpGroup', externalId: string, displayName: string, resourceType: ResourceType }
      | { __typename: 'UserGroup', externalId: string, displayName: string, resourceType: ResourceType }
      | { __typename: 'Workspace', externalId: string, displayName: string, resourceType: ResourceType }
      | { __typename: 'WorkspaceRole', externalId: string, displayName: string, resourceType: ResourceType }
     } };

export type GrantRowsThroughFragmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type GrantRowsThroughFragmentsQuery = { __typename?: 'Query', grants: { __typename?: 'GrantConnection', edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', externalId: string, source: GrantSource, grantedAt: string, account: { __typename?: 'Account', slackId: string, email?: string | null, displayName?: string | null, status: AccountStatus }, entitlement: { __typename?: 'Entitlement', externalId: string, displayName: string, grantable: boolean, resource:
            | { __typename: 'Channel', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'EnterpriseRole', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'IdpGroup', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'UserGroup', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'Workspace', externalId: string, displayName: string, resourceType: ResourceType }
            | { __typename: 'WorkspaceRole', externalId: string, displayName: string, resourceType: ResourceType }
           } } }> } };

export type NestedConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type NestedConnectionsQuery = { __typename?: 'Query', entitlements: { __typename?: 'EntitlementConnection', edges: Array<{ __typename?: 'EntitlementEdge', node: { __typename?: 'Entitlement', externalId: string, grantCount: number, grants: { __typename?: 'GrantConnection', totalCount: number, edges: Array<{ __typename?: 'GrantEdge', node: { __typename?: 'Grant', account: { __typename?: 'Account', slackId: string, workspaces: Array<{ __typename?: 'Workspace', externalId: string }> } } }> } } }> } };

export type StartSyncRunMutationVariables = Exact<{ [key: string]: never; }>;


export type StartSyncRunMutation = { __typename?: 'Mutation', startSync: { __typename?: 'StartSyncPayload', run?: { __typename?: 'SyncRun', id: string, status: SyncStatus, requestedBy?: string | null } | null, errors: Array<
      | { __typename: 'ConflictError', code: string, message: string }
      | { __typename: 'ForbiddenError', code: string, message: string }
      | { __typename: 'NotFoundError', code: string, message: string }
      | { __typename: 'NotGrantableError', code: string, message: string }
      | { __typename: 'SlackApiError', code: string, message: string }
      | { __typename: 'ValidationError', code: string, message: string }
    > } };

export type FollowSyncSubscriptionVariables = Exact<{
  runId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type FollowSyncSubscription = { __typename?: 'Subscription', syncProgress: { __typename?: 'SyncProgress', status: SyncStatus, phase?: SyncPhase | null, done: number, estimatedTotal?: number | null, percent?: number | null, run: { __typename?: 'SyncRun', id: string }, counts: Array<{ __typename?: 'SyncPhaseCount', phase: SyncPhase, count: number, estimatedTotal?: number | null }> } };

export type SyncStatusSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SyncStatusSubscription = { __typename?: 'Subscription', syncProgress: { __typename?: 'SyncProgress', status: SyncStatus } };

export type ChangePolicyAsMutationVariables = Exact<{
  input: UpdateEntitlementPolicyInput;
}>;


export type ChangePolicyAsMutation = { __typename?: 'Mutation', updateEntitlementPolicy: { __typename?: 'UpdateEntitlementPolicyPayload', errors: Array<
      | { __typename?: 'ConflictError', code: string, field?: string | null }
      | { __typename?: 'ForbiddenError', code: string, field?: string | null }
      | { __typename?: 'NotFoundError', code: string, field?: string | null }
      | { __typename?: 'NotGrantableError', code: string, field?: string | null }
      | { __typename?: 'SlackApiError', code: string, field?: string | null }
      | { __typename?: 'ValidationError', code: string, field?: string | null }
    > } };

export type SessionSyncStatusSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SessionSyncStatusSubscription = { __typename?: 'Subscription', syncProgress: { __typename?: 'SyncProgress', status: SyncStatus } };

export type SessionStartSyncMutationVariables = Exact<{ [key: string]: never; }>;


export type SessionStartSyncMutation = { __typename?: 'Mutation', startSync: { __typename?: 'StartSyncPayload', errors: Array<
      | { __typename?: 'ConflictError', code: string }
      | { __typename?: 'ForbiddenError', code: string }
      | { __typename?: 'NotFoundError', code: string }
      | { __typename?: 'NotGrantableError', code: string }
      | { __typename?: 'SlackApiError', code: string }
      | { __typename?: 'ValidationError', code: string }
    > } };

export type SessionViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', clientId: string } };

export const RequestFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Request"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedDuration"}},{"kind":"Field","name":{"kind":"Name","value":"approvedDuration"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<RequestFieldsFragment, unknown>;
export const EveryAccountFieldFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EveryAccountField"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}},{"kind":"Field","name":{"kind":"Name","value":"guestKind"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isOwner"}},{"kind":"Field","name":{"kind":"Name","value":"isPrimaryOwner"}},{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<EveryAccountFieldFragment, unknown>;
export const HolderFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Holder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<HolderFragment, unknown>;
export const HeldFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Held"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}}]}}]}}]}}]} as unknown as DocumentNode<HeldFragment, unknown>;
export const DirectGrantDocument = {"__meta__":{"hash":"99489760013114a7347777853a923081d1733f5bde3907367b8d475a1b3bacf1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DirectGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantEntitlementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantEntitlement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlackApiError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackError"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotGrantableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DirectGrantMutation, DirectGrantMutationVariables>;
export const DirectRevokeDocument = {"__meta__":{"hash":"8d828d94915f3fdf66691d18867f45ed22c44d505194960bc4d80886d97887ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DirectRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeGrantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DirectRevokeMutation, DirectRevokeMutationVariables>;
export const GrantsChangedOfDocument = {"__meta__":{"hash":"c10fca89a1c6696a164d69d7d71b70be5f75a68d4564402b4906f3b3098295b1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"GrantsChangedOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entitlementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantsChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entitlementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entitlementId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"added"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}}]}}]} as unknown as DocumentNode<GrantsChangedOfSubscription, GrantsChangedOfSubscriptionVariables>;
export const SetRequestPolicyDocument = {"__meta__":{"hash":"061d3f68470b66fd9bed0eab090ec4dfacbee55d89ee1d4653ca1592e9a5f270"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRequestPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEntitlementPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEntitlementPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestable"}},{"kind":"Field","name":{"kind":"Name","value":"maxDuration"}},{"kind":"Field","name":{"kind":"Name","value":"requiredApprovals"}},{"kind":"Field","name":{"kind":"Name","value":"reasonRequired"}},{"kind":"Field","name":{"kind":"Name","value":"defaultApprovers"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetRequestPolicyMutation, SetRequestPolicyMutationVariables>;
export const AskForAccessDocument = {"__meta__":{"hash":"375ffec35903c8c52d88048f101baade56bc708fba38cfca3a4bf5b0dabe403d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskForAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Request"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedDuration"}},{"kind":"Field","name":{"kind":"Name","value":"approvedDuration"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<AskForAccessMutation, AskForAccessMutationVariables>;
export const AskForAccessBrieflyDocument = {"__meta__":{"hash":"aa2cd01c7e9bad7a8ad4097067e64752503c8b23d24e05e79ddff33a134fd74c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskForAccessBriefly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<AskForAccessBrieflyMutation, AskForAccessBrieflyMutationVariables>;
export const ApproveAccessDocument = {"__meta__":{"hash":"5aa054f6c937fee072b71cf1845b9a515991fa1d86fd876cafa9d558b597613b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Request"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedDuration"}},{"kind":"Field","name":{"kind":"Name","value":"approvedDuration"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveAccessMutation, ApproveAccessMutationVariables>;
export const ApproveAccessBrieflyDocument = {"__meta__":{"hash":"05232e394d46ae5925c74f26c0ea0e766d60f74c0dbee213926d0f70be76d8ab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveAccessBriefly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveAccessBrieflyMutation, ApproveAccessBrieflyMutationVariables>;
export const RequestSeenEverywhereDocument = {"__meta__":{"hash":"46ff805bb31a5ac818d9450ccadd3a2693c48ff50c5a3f7d934b5e086bcda839"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestSeenEverywhere"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entitlementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Request"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"GRANTED"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"entitlementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entitlementId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"pending"},"name":{"kind":"Name","value":"requests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<RequestSeenEverywhereQuery, RequestSeenEverywhereQueryVariables>;
export const RequestStatesDocument = {"__meta__":{"hash":"1756ae748aa1284cbcec4802d6df4cae1eff1251ef658c049e57fedd5cd45c11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RequestStates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RequestStatesSubscription, RequestStatesSubscriptionVariables>;
export const StartReviewDocument = {"__meta__":{"hash":"eca3d743e0fb19e90e8128bea98f290ff717cfa4906a1cb688f311e4afd84e2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAccessReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reviewers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"undecided"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartReviewMutation, StartReviewMutationVariables>;
export const ReviewsByStatusDocument = {"__meta__":{"hash":"773185b4b6e6039cff4d5defaa2ea7df913efda00fb341fe008f9b97004ac87f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"open"},"name":{"kind":"Name","value":"accessReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"closed"},"name":{"kind":"Name","value":"accessReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CLOSED"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ReviewsByStatusQuery, ReviewsByStatusQueryVariables>;
export const ReviewItemsDocument = {"__meta__":{"hash":"2df96a15cca8f42b70672fe730298f0eeb70880580b5e6ebd14b305f4f03cca6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewItemFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewItemsQuery, ReviewItemsQueryVariables>;
export const DecideItemsDocument = {"__meta__":{"hash":"d4d2a90705543c5d443bdb149a9c6d6e9d6c969166310edae6456f6211feccbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideReviewItemsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideReviewItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DecideItemsMutation, DecideItemsMutationVariables>;
export const CloseReviewDocument = {"__meta__":{"hash":"9fc678ac0248fd9acecdfc4dadfc8ee15679e5b529fd717778e14f01acb045d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseAccessReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeAccessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CloseReviewMutation, CloseReviewMutationVariables>;
export const GrantTimesDocument = {"__meta__":{"hash":"1270a01f8749c785651d6f86b61ef8bf14764bf14b3943f23d023c26b123f4f3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantTimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantTimesQuery, GrantTimesQueryVariables>;
export const AccountFiltersDocument = {"__meta__":{"hash":"0f470813dde378bffe82193509a295edc8740f8cf763d8cb2327707711f8f841"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"all"},"name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"search"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"person01","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byEmail"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"PERSON020@acme","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"disabled"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DISABLED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"guests"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"isGuest"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"services"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SERVICE"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"labs"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"StringValue","value":"workspace:T2","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<AccountFiltersQuery, AccountFiltersQueryVariables>;
export const AccountLookupsDocument = {"__meta__":{"hash":"9fdf94f801dce7115a1cbc210fae1b61325ae6f905b33d2c7d67eb86ceb154d9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountLookups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"global"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"byGlobal"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"global"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byExternal"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"user:U003","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bySlack"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slackId"},"value":{"kind":"StringValue","value":"U003","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byEmail"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"person003@ACME.TEST","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"missing"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"user:U999","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}}]} as unknown as DocumentNode<AccountLookupsQuery, AccountLookupsQueryVariables>;
export const AccountByIdDocument = {"__meta__":{"hash":"e5b507026a9fb02d6adecf6d13ab8c3b7d5e9df7088c05eb7038774a67bfdf0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}}]} as unknown as DocumentNode<AccountByIdQuery, AccountByIdQueryVariables>;
export const AccountBySlackIdAndEmailDocument = {"__meta__":{"hash":"3589a322ee220f70638fff10152564be2cf5360c5cc598275b02d260e1cadf63"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountBySlackIdAndEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slackId"},"value":{"kind":"StringValue","value":"U001","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"x@y","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}}]} as unknown as DocumentNode<AccountBySlackIdAndEmailQuery, AccountBySlackIdAndEmailQueryVariables>;
export const EntitlementWithGrantsDocument = {"__meta__":{"hash":"6a35c1335658effa1184028b619abb29013a23057b242fc6ed3899a7c9d2105f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntitlementWithGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"userGroup:S1:member","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"grantableReason"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"source"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SYNC"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntitlementWithGrantsQuery, EntitlementWithGrantsQueryVariables>;
export const ResourceTypenamesDocument = {"__meta__":{"hash":"f29df19020a3dee897a82a42a48c38fff5101e6e59fb67a3acf7529b4ef05faf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourceTypenames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResourceTypenamesQuery, ResourceTypenamesQueryVariables>;
export const EntitlementFiltersDocument = {"__meta__":{"hash":"d09ee2953fa75afee496b5860e5a7ee306efeab1e2785b39d16c7aae1e40e7ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntitlementFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"groups"},"name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"resourceType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"USER_GROUP"},{"kind":"EnumValue","value":"IDP_GROUP"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"inT1"},"name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"StringValue","value":"workspace:T1","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"grantable"},"name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"grantable"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"search"},"name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"general","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntitlementFiltersQuery, EntitlementFiltersQueryVariables>;
export const GrantFiltersDocument = {"__meta__":{"hash":"854f37a58eea133c1d66529a72ab19d4c720ce79dbc5bff5b0a4d2eb9d02bea1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"mine"},"name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"accountId"},"value":{"kind":"StringValue","value":"user:U000","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"channels"},"name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"resourceType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CHANNEL"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"source"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DIRECT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"expiring"},"name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"expiringBefore"},"value":{"kind":"StringValue","value":"2031-01-01T00:00:00Z","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"notYet"},"name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"expiringBefore"},"value":{"kind":"StringValue","value":"2029-01-01T00:00:00Z","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"accountGrants"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"user:U001","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"resourceType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"WORKSPACE"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantFiltersQuery, GrantFiltersQueryVariables>;
export const NodeLookupsDocument = {"__meta__":{"hash":"8c36fec6eb34c0c9aa667aafc9e7f46c51013745c79fbbb1c2259738c91f50b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeLookups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"group"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"group"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byExternal"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"channel:C1","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"grant"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"userGroup:S1:member:user:U005","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"user:U007","block":false},{"kind":"StringValue","value":"nothing:here","block":false},{"kind":"Variable","name":{"kind":"Name","value":"group"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<NodeLookupsQuery, NodeLookupsQueryVariables>;
export const AccountPageDocument = {"__meta__":{"hash":"e7cd0565ef7c73dc5178c1dde7c5e05858e5b16179c5d7ed550ca2a71924cf78"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AccountPageQuery, AccountPageQueryVariables>;
export const EntitlementGrantPageDocument = {"__meta__":{"hash":"2330d678bcc0fd9235582d81082ca0179aaeeefadaa38051f50f794a833b2a21"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntitlementGrantPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"workspace:T1:member","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"40"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntitlementGrantPageQuery, EntitlementGrantPageQueryVariables>;
export const AccountsInWorkspaceDocument = {"__meta__":{"hash":"7a39c9158f2aa4f9dca37402a3cb34980f328d27909173a1df64bae036650004"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsInWorkspace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]}}]} as unknown as DocumentNode<AccountsInWorkspaceQuery, AccountsInWorkspaceQueryVariables>;
export const ViewerScopesDocument = {"__meta__":{"hash":"3e81dc2c7649bb30188323d25ebce1c94ff7cef8526a6f2c7ee7567189416c04"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerScopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<ViewerScopesQuery, ViewerScopesQueryVariables>;
export const GrantCountDocument = {"__meta__":{"hash":"e8a523bd0affa640ba8409c70bf10ec280be66190dea03b9209e5f1586ee7cf1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<GrantCountQuery, GrantCountQueryVariables>;
export const SetApiClientLimitsDocument = {"__meta__":{"hash":"e9dbb1189b8f078c81107559c529d1508a148acca2b86e0ee8146568279debbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetApiClientLimits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetApiClientLimitsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setApiClientLimits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"trustedOnly"}},{"kind":"Field","name":{"kind":"Name","value":"costBudgetPerMinute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SetApiClientLimitsMutation, SetApiClientLimitsMutationVariables>;
export const ViewerLimitsDocument = {"__meta__":{"hash":"56909fcf9c89af64b73456eeaa7d0656b9c3e2014300674a63c6c509bb37404e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"trustedOnly"}},{"kind":"Field","name":{"kind":"Name","value":"costBudgetPerMinute"}}]}}]}}]} as unknown as DocumentNode<ViewerLimitsQuery, ViewerLimitsQueryVariables>;
export const GrantsOfAccountDocument = {"__meta__":{"hash":"82e7b2c496bdb623c0ae5008d596337be02986eca0d752d84c1aa9011a7b64b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantsOfAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entitlementId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"entitlementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entitlementId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<GrantsOfAccountQuery, GrantsOfAccountQueryVariables>;
export const AccountsOfWorkspaceDocument = {"__meta__":{"hash":"826429ba370795064a7213390d3ede2063d785b7e585773d1c3b5c940caae372"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsOfWorkspace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<AccountsOfWorkspaceQuery, AccountsOfWorkspaceQueryVariables>;
export const AccountsPageOfDocument = {"__meta__":{"hash":"6dc0f5c91109b7c4d3796087212471a3ee5dd73f1e71ea9018b99c9a9e9c5072"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsPageOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]}}]} as unknown as DocumentNode<AccountsPageOfQuery, AccountsPageOfQueryVariables>;
export const ResourcesListDocument = {"__meta__":{"hash":"360cfd26f2837831fd542d861b690b26471c5ad56dcbfc1126af0227f271f3b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourcesList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isPrivate"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResourcesListQuery, ResourcesListQueryVariables>;
export const SyncRunNumbersDocument = {"__meta__":{"hash":"29d822d6e3829f8f383c5c1921dd62538310635bc0c061edbf37f308d47539f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRunNumbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SyncRunNumbersQuery, SyncRunNumbersQueryVariables>;
export const SyncRunByNumberDocument = {"__meta__":{"hash":"e15332d93bd8fdcd6f57a1903af3638f6eca6c230490c91b415f2916152f85f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRunByNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"slackCallsTotal"}}]}}]}}]} as unknown as DocumentNode<SyncRunByNumberQuery, SyncRunByNumberQueryVariables>;
export const RevokeNothingDocument = {"__meta__":{"hash":"dd5a0222b6e3ce70f0f611c407cd9e06f8c2dce6b2e1961d05d11b507f13dcd5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeNothing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeNothingMutation, RevokeNothingMutationVariables>;
export const TooCostlyDocument = {"__meta__":{"hash":"e8334d0120219e927412be9688d3050ac174c2095656b38fec053b906cc83415"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TooCostly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TooCostlyQuery, TooCostlyQueryVariables>;
export const GrantPageWithEntitlementsDocument = {"__meta__":{"hash":"16c1343a2073a38775fa8dbfc6456d8fe08a22acfa16e16224b52e61dd35b6e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantPageWithEntitlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantPageWithEntitlementsQuery, GrantPageWithEntitlementsQueryVariables>;
export const EveryCountDocument = {"__meta__":{"hash":"1b44187cd931fa66a675c306e6dae96d1ff6fc2a095a6826ac2338dba0ef39f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EveryCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EveryCountQuery, EveryCountQueryVariables>;
export const EvidenceStartReviewDocument = {"__meta__":{"hash":"b4482699163cdc9ab79cbcab4f5c54e17dcc3daa58f954580227624b89c1ff5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EvidenceStartReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAccessReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EvidenceStartReviewMutation, EvidenceStartReviewMutationVariables>;
export const EvidenceDecideDocument = {"__meta__":{"hash":"2427d036cebc3ddb5a6ddfb31310723afeff9edecfd829d27df722738da7e5e6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EvidenceDecide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideReviewItemsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideReviewItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EvidenceDecideMutation, EvidenceDecideMutationVariables>;
export const EvidenceCloseDocument = {"__meta__":{"hash":"95e13a92818235f842af8861d82a4bb1b4dbc98c0d189a3f0b20d5a08c0278a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EvidenceClose"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseAccessReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeAccessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<EvidenceCloseMutation, EvidenceCloseMutationVariables>;
export const EvidenceItemsDocument = {"__meta__":{"hash":"0398b7115596c3cd7fd8ab235e047e25e06e0aba7bf3bbec344e002a9c4ed25a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvidenceItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantExternalId"}},{"kind":"Field","name":{"kind":"Name","value":"snapshot"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EvidenceItemsQuery, EvidenceItemsQueryVariables>;
export const EvidenceDocument = {"__meta__":{"hash":"3b067befb96728ae322a4e31fe374bcc39717c6b1514b4b67e147d0712c08781"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Evidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvidenceFormat"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"items"}}]}}]}}]}}]} as unknown as DocumentNode<EvidenceQuery, EvidenceQueryVariables>;
export const TooDeepDocument = {"__meta__":{"hash":"fe16026ab33194d31a0ea0c57e42d0ff0104702b63da2ac8df17ba917c9c7a91"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TooDeep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TooDeepQuery, TooDeepQueryVariables>;
export const PagesMultipliedDocument = {"__meta__":{"hash":"0069e77a5242e613ead9f1e12813344fa0132d674ef2f195e298318b078bd6a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PagesMultiplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PagesMultipliedQuery, PagesMultipliedQueryVariables>;
export const QueryTypeNameDocument = {"__meta__":{"hash":"579b9d9c7c58a040754a65f5d3f3085a8224a29f5418b8541aa107e85e2a974a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QueryTypeName"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queryType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<QueryTypeNameQuery, QueryTypeNameQueryVariables>;
export const SyncRunReportDocument = {"__meta__":{"hash":"4beb80cf992d9de2e65d745eda4cdcfd6d3fd51d70801dafafd5ce4dc02ba248"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRunReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slackCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimited"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slackCallsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"diff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"accountsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"grantsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ACCOUNT_ADDED"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SyncRunReportQuery, SyncRunReportQueryVariables>;
export const ConnectorReportDocument = {"__meta__":{"hash":"ad5d4f3f93c6f326f707b941edb0256f2dcb357d12186242b063e34a07245c56"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConnectorReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"accountCount"}},{"kind":"Field","name":{"kind":"Name","value":"entitlementCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSyncAgeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<ConnectorReportQuery, ConnectorReportQueryVariables>;
export const AuditEventFiltersDocument = {"__meta__":{"hash":"d744fbed5192c06506ae60e06341ba5d37e177447e2649e2ca5e58bc522a4b43"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEventFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"grants"},"name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"action"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"grantEntitlement","block":false}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"apiClientId"},"value":{"kind":"StringValue","value":"sgc_portal","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"one"},"name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"targetId"},"value":{"kind":"StringValue","value":"userGroup:S1:member:user:U1","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"future"},"name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"StringValue","value":"2100-01-01T00:00:00Z","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"paged"},"name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"apiClientId"},"value":{"kind":"StringValue","value":"sgc_portal","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventFiltersQuery, AuditEventFiltersQueryVariables>;
export const AuditEventsAfterDocument = {"__meta__":{"hash":"dbcc167a7b033e9cd3d7c780cbccac9964bf7c6ea81cf2935c850ebcc67acacd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEventsAfter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"apiClientId"},"value":{"kind":"StringValue","value":"sgc_portal","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsAfterQuery, AuditEventsAfterQueryVariables>;
export const AccountTotalDocument = {"__meta__":{"hash":"38733209fb821084b01b67b5c8b2038b78df3bbd9226c7a598517d9871efbed0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<AccountTotalQuery, AccountTotalQueryVariables>;
export const SyncViewerAndRunsDocument = {"__meta__":{"hash":"a487a426000547ed75827ce86179c92ebbfe0aaca3f2a0316127e2e8acc18070"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncViewerAndRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<SyncViewerAndRunsQuery, SyncViewerAndRunsQueryVariables>;
export const StartSyncBareDocument = {"__meta__":{"hash":"4ec3759b6ef0791b408bbeaa7cfda759cb088e8f6323cafeed70d5d22efa6904"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSyncBare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<StartSyncBareMutation, StartSyncBareMutationVariables>;
export const EverythingAdminSeesDocument = {"__meta__":{"hash":"d760d2264715cdfcdc95511c0e2b8554c9a0aca43b9593c98f1b400fea2cc19e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EverythingAdminSees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EverythingAdminSeesQuery, EverythingAdminSeesQueryVariables>;
export const GrantRowsDocument = {"__meta__":{"hash":"701be09b68d96dc55c2bd2b146053efc92a335c12d0ab5f302144bfb2ee3e4d5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantRows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantRowsQuery, GrantRowsQueryVariables>;
export const GrantRowsCountedDocument = {"__meta__":{"hash":"dcf6487ea805d807f17b201ec497925dc42fc7f417a5629e7fd1f19d619f3442"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantRowsCounted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantRowsCountedQuery, GrantRowsCountedQueryVariables>;
export const SearchedAccountEmailsDocument = {"__meta__":{"hash":"4d7a4464c53db02b565b787c56fe3238f901549351afb24262f36c0610bc8af7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchedAccountEmails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"a","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchedAccountEmailsQuery, SearchedAccountEmailsQueryVariables>;
export const JoinedAccountsDocument = {"__meta__":{"hash":"feb2dcec8adaf58b7672c88b29f79a58411c76810601b0898fc9fbb1d68f1d8e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JoinedAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EveryAccountField"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EveryAccountField"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}},{"kind":"Field","name":{"kind":"Name","value":"guestKind"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isOwner"}},{"kind":"Field","name":{"kind":"Name","value":"isPrimaryOwner"}},{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<JoinedAccountsQuery, JoinedAccountsQueryVariables>;
export const AccountAloneDocument = {"__meta__":{"hash":"a3649f284c46ca99ed4a09988d89a48cb1a11b663583a7045531cab51b9bd422"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountAlone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EveryAccountField"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EveryAccountField"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"realName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}},{"kind":"Field","name":{"kind":"Name","value":"guestKind"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isOwner"}},{"kind":"Field","name":{"kind":"Name","value":"isPrimaryOwner"}},{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<AccountAloneQuery, AccountAloneQueryVariables>;
export const GrantIdsAndTimesDocument = {"__meta__":{"hash":"078d58a7c5e7373e15461f5fdedfa6ebb3267da08c1914bea1ef56f79b1d3332"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantIdsAndTimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantIdsAndTimesQuery, GrantIdsAndTimesQueryVariables>;
export const GrantRowsThroughFragmentsDocument = {"__meta__":{"hash":"ccccdcef9a859642debba306671f8d20dcfa7da3de2031e459c67db11c73dc38"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantRowsThroughFragments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrantConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Holder"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Held"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Holder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Held"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}}]}}]}}]}}]} as unknown as DocumentNode<GrantRowsThroughFragmentsQuery, GrantRowsThroughFragmentsQueryVariables>;
export const NestedConnectionsDocument = {"__meta__":{"hash":"3972c2c7a37063ca777352b9f14f47fdb9f8913cf0a4d328c5b47d5e979b1d87"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NestedConnections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slackId"}},{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NestedConnectionsQuery, NestedConnectionsQueryVariables>;
export const StartSyncRunDocument = {"__meta__":{"hash":"27a6874f95b18f769c7dec55bf7ac1c3c23a3669108a63527e2d821456653166"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSyncRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartSyncRunMutation, StartSyncRunMutationVariables>;
export const FollowSyncDocument = {"__meta__":{"hash":"7900ca3db04d7cf85bd3fb9ed44565cafef2c42bac03f6b8c19fd2db9dd66eaf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FollowSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}}]}}]}}]}}]} as unknown as DocumentNode<FollowSyncSubscription, FollowSyncSubscriptionVariables>;
export const SyncStatusDocument = {"__meta__":{"hash":"9b865736d113660f1274c0c9875e1486d29246dec5ececc17faf5ae61ae2cd51"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SyncStatusSubscription, SyncStatusSubscriptionVariables>;
export const ChangePolicyAsDocument = {"__meta__":{"hash":"f094d3aed13500eeef368a8db7ba6d8e5e9feb5fe95a223dde24a6b8d00198ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePolicyAs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEntitlementPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEntitlementPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePolicyAsMutation, ChangePolicyAsMutationVariables>;
export const SessionSyncStatusDocument = {"__meta__":{"hash":"3eaced87ad3093e149573a4351416ccc885c4a9d12fe9c46e579ccde1d36ac3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SessionSyncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SessionSyncStatusSubscription, SessionSyncStatusSubscriptionVariables>;
export const SessionStartSyncDocument = {"__meta__":{"hash":"b893008d76ef8e2a6633360ab7a0ecfcab1d7e040288b2765aa2ad3d56442312"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SessionStartSync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SessionStartSyncMutation, SessionStartSyncMutationVariables>;
export const SessionViewerDocument = {"__meta__":{"hash":"426b7ec8c77b218d61bdb6e0b97e654c08c6573080d850ed90ac43bcebd2144e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]} as unknown as DocumentNode<SessionViewerQuery, SessionViewerQueryVariables>;