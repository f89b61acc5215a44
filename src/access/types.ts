import type { AuditActor } from '../audit/record.ts';
import type { UserError } from './errors.ts';

/** Who is acting: the calling API client and, when named, the human behind it (`actorId`). */
export interface Actor {
  apiClientId: string;
  /** accounts.id of the acting person, when the caller named one. */
  accountId?: number;
  /** Free-form label for audit when there is no account (`scheduler`, `expiry`). */
  label?: string;
}

/**
 * The actor as the audit log records it. Provisioning names a client that named nobody
 * `client:<id>` (`fallbackLabel`); everything else leaves the label empty then.
 */
export function auditActor(actor: Actor, fallbackLabel: string | null = null): AuditActor {
  return { apiClientId: actor.apiClientId, accountId: actor.accountId ?? null, label: actor.label ?? fallbackLabel };
}

export type ProvisionResult = 'GRANTED' | 'ALREADY_GRANTED' | 'REVOKED' | 'ALREADY_REVOKED';

/** The outcome of one grant or revoke: a result, or an expected failure as data. */
export interface ProvisionOutcome {
  result?: ProvisionResult;
  /** grants.id of the grant after a successful grant (also for ALREADY_GRANTED). */
  grantId?: number;
  errors: UserError[];
}

export interface GrantInput {
  entitlementId: number;
  accountId: number;
  actor: Actor;
  reason?: string | null;
  /** DIRECT for grantEntitlement, REQUEST when a request is being fulfilled. */
  source: 'DIRECT' | 'REQUEST';
  requestId?: number | null;
  /** Time-bound access: when the grant must be revoked automatically. */
  expiresAt?: Date | null;
  /** A retried call with the same key returns the first outcome without calling Slack again. */
  idempotencyKey?: string | null;
}

export interface RevokeInput {
  entitlementId: number;
  accountId: number;
  actor: Actor;
  reason?: string | null;
  requestId?: number | null;
  idempotencyKey?: string | null;
  /** Why access is being removed, as told to `grantsChanged` subscribers (default REVOKE). */
  cause?: 'REVOKE' | 'EXPIRY' | 'REVIEW';
}

/**
 * Changes access in Slack (src/access/ orchestrates, src/slack/ provisioners call Slack), then
 * refreshes the cache for the touched resource and publishes `grantsChanged`. Every attempt and
 * outcome is audited. Requests, expiry and reviews go through this one service.
 */
export interface ProvisioningService {
  grant(input: GrantInput): Promise<ProvisionOutcome>;
  revoke(input: RevokeInput): Promise<ProvisionOutcome>;
}
