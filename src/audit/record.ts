import type { Kysely, Transaction } from 'kysely';
import type { AuditEvent, AuditOutcome, DB } from '../db/schema.ts';

/** Who acted: the API client that called, and the human it named (`actorId`), if any. */
export interface AuditActor {
  apiClientId?: string | null;
  accountId?: number | null;
  /** A readable name for the actor: `client:sgc_…`, `cli`, `scheduler`. */
  label?: string | null;
}

/** An API client as the actor of what it did: its id, and `client:<id>` to read. */
export function clientActor(clientId: string): { apiClientId: string; label: string } {
  return { apiClientId: clientId, label: `client:${clientId}` };
}

export interface AuditRecord {
  /** What was done, in the API's words: `startSync`, `client.create`, `grantEntitlement`. */
  action: string;
  outcome: AuditOutcome;
  actor?: AuditActor;
  /** What it was done to. */
  target?: { type: string; id: string | number };
  entitlementExternalId?: string | null;
  accountExternalId?: string | null;
  requestId?: number | null;
  /** Machine-readable reason of a FAILURE or DENIED outcome. */
  errorCode?: string | null;
  /** Small structured context. Keys that look like credentials are dropped, whatever they hold. */
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

const CREDENTIAL_KEY = /secret|token|password|authorization|credential/i;

/** Removes credential-looking keys at any depth: audit records are kept forever and exported. */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !CREDENTIAL_KEY.test(key))
        .map(([key, v]) => [key, scrub(v)]),
    );
  }
  return value;
}

/**
 * Appends one audit event. Pass the transaction that made the change, so the event is recorded
 * exactly when the change is (and disappears with it on rollback).
 */
export async function recordAudit(db: Kysely<DB> | Transaction<DB>, event: AuditRecord): Promise<AuditEvent> {
  return db
    .insertInto('audit_events')
    .values({
      action: event.action,
      outcome: event.outcome,
      api_client_id: event.actor?.apiClientId ?? null,
      actor_account_id: event.actor?.accountId ?? null,
      actor_label: event.actor?.label ?? null,
      target_type: event.target?.type ?? null,
      target_id: event.target === undefined ? null : String(event.target.id),
      entitlement_external_id: event.entitlementExternalId ?? null,
      account_external_id: event.accountExternalId ?? null,
      request_id: event.requestId ?? null,
      error_code: event.errorCode ?? null,
      details: JSON.stringify(scrub(event.details ?? {})),
      ip: event.ip ?? null,
      user_agent: event.userAgent ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
