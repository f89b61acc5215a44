import type { RequestState } from '../db/schema.ts';
import type { SyncProgressEvent } from '../sync/types.ts';

/** Grants of one entitlement changed (sync, grant, revoke, expiry): subscribers refetch what they show. */
export interface GrantsChangedEvent {
  entitlementId: number;
  added: number;
  removed: number;
  /** The accounts concerned, when few (omitted for bulk changes to keep the payload small). */
  accountIds?: number[];
  cause: 'SYNC' | 'GRANT' | 'REVOKE' | 'EXPIRY' | 'REVIEW';
  runId?: number | null;
  at: string;
}

/** An access request changed state. */
export interface RequestUpdatedEvent {
  requestId: number;
  state: RequestState;
  at: string;
}

/**
 * An API client's tokens may no longer be what they were (client revoked or rotated, scopes
 * changed, a token deleted). Sent by a database trigger; gateways drop the client's cached tokens.
 */
export interface ApiClientChangedEvent {
  clientId: string;
}

/**
 * Entitlements, resources or workspace details changed (by a sync, a targeted refresh, any
 * statement). Sent by a database trigger; gateways forget the entitlements they remember.
 */
export type CatalogChangedEvent = Record<string, never>;

/**
 * Grants or accounts changed (by a sync, a grant or revoke, any statement). Sent by a database
 * trigger; gateways forget the counts they remember.
 */
export type AccessChangedEvent = Record<string, never>;

/**
 * Every topic of the event bus and its payload. Payloads are ids and small deltas, never rows:
 * they travel through Postgres NOTIFY, which carries less than 8000 bytes.
 */
/**
 * Rows were added to the change feed and await their sequence numbers. Sent by a database
 * trigger when the writing transaction commits; wakes the sequencer.
 */
export type AccessChangesPendingEvent = Record<string, never>;

/** The change feed's numbered rows now reach `head`: followers read what they have not seen. */
export interface AccessFeedEvent {
  head: number;
}

export interface EventTopics {
  syncProgress: SyncProgressEvent;
  grantsChanged: GrantsChangedEvent;
  requestUpdated: RequestUpdatedEvent;
  apiClientChanged: ApiClientChangedEvent;
  catalogChanged: CatalogChangedEvent;
  accessChanged: AccessChangedEvent;
  accessChangesPending: AccessChangesPendingEvent;
  accessFeed: AccessFeedEvent;
}

export type Topic = keyof EventTopics;

export const TOPICS: readonly Topic[] = ['syncProgress', 'grantsChanged', 'requestUpdated', 'apiClientChanged', 'catalogChanged', 'accessChanged', 'accessChangesPending', 'accessFeed'];
