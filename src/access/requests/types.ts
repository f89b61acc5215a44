import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, RequestsTable, RequestState } from '../../db/schema.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Clock } from '../../jobs/queue.ts';
import type { Logger } from '../../log.ts';
import type { UserError } from '../errors.ts';
import type { CallOrigin } from '../actor.ts';
import type { Actor, ProvisioningService } from '../types.ts';

export type AccessRequest = Selectable<RequestsTable>;
export type Tx = Transaction<DB>;

/** Requests nobody decides are closed after this long (7 days, as Discord Access does). */
export const DEFAULT_PENDING_TTL_SECONDS = 7 * 86_400;

export const REQUEST_JOBS = {
  provision: 'request.provision',
  timeout: 'request.timeout',
} as const;

/** States a request never leaves. */
export const FINAL_STATES: readonly RequestState[] = ['DENIED', 'CANCELLED', 'GRANTED', 'FAILED', 'EXPIRED', 'REVOKED'];

export type { CallOrigin } from '../actor.ts';

export interface RequestResult {
  request?: AccessRequest;
  errors: UserError[];
}

export interface RequestAccessInput {
  /** The entitlement asked for; may be left out when extending a grant. */
  entitlementId?: number | null;
  /** Who is to hold it; the actor when left out. */
  accountId?: number | null;
  /** Extend this time-bound grant instead of asking for new access. */
  extendsGrantId?: number | null;
  justification?: string | null;
  /** ISO-8601 duration; the policy's maximum when left out (permanent access if there is none). */
  duration?: string | null;
  actor: Actor;
  origin?: CallOrigin;
}

export interface DecisionInput {
  requestId: number;
  actor: Actor;
  comment?: string | null;
  origin?: CallOrigin;
  /** The caller holds the admin scope: may cancel or retry anyone's request. */
  asAdmin?: boolean;
}

export interface RevokeRequestInput {
  accountId: number;
  entitlementId: number;
  origin: 'REVIEW' | 'API';
  reviewItemId?: number | null;
  justification?: string | null;
  requesterId?: number | null;
  apiClientId?: string | null;
}

export interface RequestServiceOptions {
  db: Kysely<DB>;
  provisioning: ProvisioningService;
  bus?: EventBus;
  logger?: Logger;
  now?: Clock;
  pendingTtlSeconds?: number;
  /** Approval provisions at once, in the caller's process; off to leave it to the jobs worker. */
  provisionInline?: boolean;
}

/** Called when a request reaches a final state (reviews close themselves when their revokes are done). */
export type RequestFinishedListener = (request: AccessRequest, db: Kysely<DB>) => Promise<void>;

/** The entitlement and account of a request by their external ids, for audit records. */
export interface RequestAuditContext {
  entitlementExternalId: string;
  accountExternalId: string;
}
