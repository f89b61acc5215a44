import type { GatewayProvisioningService } from '../access/provisioning/index.ts';
import type { RequestService } from '../access/requests/index.ts';
import type { ReviewService } from '../access/reviews.ts';
import type { Principal } from '../auth/tokens.ts';
import type { Database } from '../db/createDb.ts';
import type { EventBus } from '../events/bus.ts';
import type { SyncController } from '../sync/types.ts';
import type { AccountRow } from './read/accounts.ts';
import type { CountCache } from './read/countCache.ts';
import type { EntitlementCache } from './read/entitlementCache.ts';
import type { EntitlementRow } from './read/entitlements.ts';

/**
 * The services resolvers call. Each is optional: a gateway without a Slack connection has no
 * sync controller, and the API says so in the mutation's `errors` instead of failing.
 * Add new services here (provisioning, requests, reviews).
 */
export interface GatewayServices {
  sync?: SyncController;
  /** Grants and revokes in Slack (and account enable/disable); absent without a Slack connection. */
  provisioning?: GatewayProvisioningService;
  /** Just-in-time access requests; absent without a provisioning service. */
  requests?: RequestService;
  /** Access reviews. */
  reviews?: ReviewService;
  /** The live cache: Slack's events in, and the transport they come over. */
  liveCache?: { state(): Promise<LiveCacheStatus> };
}

/** What `connector.events` reports. */
export interface LiveCacheStatus {
  /** How Slack's events reach this gateway (socket, http); empty when no app transport is configured. */
  transports: string[];
  started: boolean;
  pending: number;
  lastReceivedAt: Date | null;
  lastAppliedAt: Date | null;
}

/** What every resolver receives: services and loaders, never raw Slack clients. */
export interface GraphQLContext {
  database: Database;
  /** The authenticated API client; requests without one never reach a resolver. */
  principal: Principal;
  services: GatewayServices;
  /** Live events (subscriptions); absent only in gateways built without one. */
  bus?: EventBus;
  /** Entitlements with their resources, remembered across requests while nothing changes them. */
  entitlements: EntitlementCache;
  /** Counts remembered across requests while nothing changes them; absent: every count is computed. */
  counts?: CountCache;
  /** Where the call came from, for audit records. */
  origin: { ip: string | null; userAgent: string | null };
  /**
   * Rows read ahead for this request by id, by resolvers that know what their children will
   * show (a page of grants and its accounts and entitlements): fields find them here at once.
   */
  preloaded?: { accounts: Map<number, AccountRow>; entitlements: Map<number, EntitlementRow> };
}
