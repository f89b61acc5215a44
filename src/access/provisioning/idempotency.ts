import { sql, type ColumnType, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { ConflictError, ValidationError, type UserError } from '../errors.ts';
import { isRetryable, storeOutcome, type Outcome, type StoredOutcome } from './outcomes.ts';

/** migrations/2026-11-28T1600_provisioning_outcomes.ts */
export interface ProvisioningOutcomesTable {
  api_client_id: string;
  idempotency_key: string;
  operation: 'GRANT' | 'REVOKE' | 'ACCOUNT_STATUS';
  entitlement_id: number | null;
  account_id: number;
  state: ColumnType<'PENDING' | 'DONE', 'PENDING' | 'DONE' | undefined>;
  outcome: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** migrations/2026-12-04T1700_hardening.ts: until when the claiming process holds a PENDING key. */
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** migrations/2026-12-04T2100_account_status_key.ts: the status an ACCOUNT_STATUS call set (null for grants, revokes and older keys). */
  target_status: ColumnType<'ENABLED' | 'DISABLED' | null, 'ENABLED' | 'DISABLED' | null | undefined, never>;
}

/**
 * How long a claimed key stays its claimer's without being renewed. The claimer renews it every
 * third of this while it works, so only a process that died (or lost its database for this
 * long) loses its key; the next call with the key then takes it over.
 */
export const KEY_LEASE_MS = 15_000;

type WithOutcomes = Kysely<DB & { provisioning_outcomes: ProvisioningOutcomesTable }>;

export interface IdempotentCall {
  apiClientId: string;
  key: string;
  operation: ProvisioningOutcomesTable['operation'];
  entitlementId: number | null;
  accountId: number;
  /** The status an account-status call sets: part of the change the key names. */
  targetStatus?: 'ENABLED' | 'DISABLED';
}

/** `taken-over`: the key was PENDING under a lease that ran out; the caller now holds it. */
export type Claim<T> = { kind: 'claimed' } | { kind: 'taken-over' } | { kind: 'replay'; outcome: T } | { kind: 'in-progress' } | { kind: 'mismatch'; operation: string };

// The database's clock, not this process's: replicas' clocks may disagree.
const leaseEnd = (ms: number) => sql<Date>`now() + ${`${Math.max(1, Math.round(ms))} milliseconds`}::interval`;

function table(db: Kysely<DB>): WithOutcomes {
  return db.withTables<{ provisioning_outcomes: ProvisioningOutcomesTable }>();
}

/**
 * Claims an idempotency key for a call, or tells what the first call with the key did. A key
 * names one call of one client: reusing it for another target or operation is refused.
 */
export async function claimKey<T>(db: Kysely<DB>, call: IdempotentCall, leaseMs = KEY_LEASE_MS): Promise<Claim<T>> {
  const t = table(db);
  const inserted = await t
    .insertInto('provisioning_outcomes')
    .values({ api_client_id: call.apiClientId, idempotency_key: call.key, operation: call.operation, entitlement_id: call.entitlementId, account_id: call.accountId, target_status: call.targetStatus ?? null, lease_until: leaseEnd(leaseMs) })
    .onConflict((oc) => oc.columns(['api_client_id', 'idempotency_key']).doNothing())
    .returning('state')
    .executeTakeFirst();
  if (inserted) return { kind: 'claimed' };
  const row = await t
    .selectFrom('provisioning_outcomes')
    .selectAll()
    .where('api_client_id', '=', call.apiClientId)
    .where('idempotency_key', '=', call.key)
    .executeTakeFirst();
  if (!row) return claimKey(db, call, leaseMs); // released between our insert and our read
  // A key stored before keys named their status (target_status null) still matches on the rest.
  const otherStatus = row.target_status !== null && row.target_status !== (call.targetStatus ?? null);
  if (row.operation !== call.operation || row.entitlement_id !== call.entitlementId || row.account_id !== call.accountId || otherStatus) {
    return { kind: 'mismatch', operation: row.operation };
  }
  if (row.state === 'PENDING') {
    // One of several callers wins a lapsed lease: the update is conditional on it still being lapsed.
    const taken = await t
      .updateTable('provisioning_outcomes')
      .set({ lease_until: leaseEnd(leaseMs) })
      .where('api_client_id', '=', call.apiClientId)
      .where('idempotency_key', '=', call.key)
      .where('state', '=', 'PENDING')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .returning('state')
      .executeTakeFirst();
    return taken ? { kind: 'taken-over' } : { kind: 'in-progress' };
  }
  return { kind: 'replay', outcome: row.outcome as T };
}

/** Extends the claimer's lease on a PENDING key; false when the key is no longer PENDING. */
export async function renewKey(db: Kysely<DB>, call: IdempotentCall, leaseMs = KEY_LEASE_MS): Promise<boolean> {
  const result = await table(db)
    .updateTable('provisioning_outcomes')
    .set({ lease_until: leaseEnd(leaseMs) })
    .where('api_client_id', '=', call.apiClientId)
    .where('idempotency_key', '=', call.key)
    .where('state', '=', 'PENDING')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The longest a call holds its key: one stuck beyond this lets a retry take over. */
const MAX_HOLD_MS = 10 * 60_000;

/** Renews a claimed key's lease every third of it until `stop()` (or the key is no longer PENDING). */
export function holdKey(db: Kysely<DB>, call: IdempotentCall, leaseMs = KEY_LEASE_MS): { stop(): void } {
  const until = Date.now() + MAX_HOLD_MS;
  const timer = setInterval(() => {
    if (Date.now() > until) clearInterval(timer);
    else void renewKey(db, call, leaseMs).then((held) => held || clearInterval(timer), () => undefined);
  }, Math.max(50, leaseMs / 3));
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export async function completeKey(db: Kysely<DB>, call: IdempotentCall, outcome: unknown): Promise<void> {
  await table(db)
    .updateTable('provisioning_outcomes')
    .set({ state: 'DONE', outcome: JSON.stringify(outcome), completed_at: new Date() })
    .where('api_client_id', '=', call.apiClientId)
    .where('idempotency_key', '=', call.key)
    .execute();
}

/** Frees a key whose call failed in a way a retry may fix (Slack unreachable or rate limited). */
export async function releaseKey(db: Kysely<DB>, call: IdempotentCall): Promise<void> {
  await table(db)
    .deleteFrom('provisioning_outcomes')
    .where('api_client_id', '=', call.apiClientId)
    .where('idempotency_key', '=', call.key)
    .where('state', '=', 'PENDING')
    .execute();
}

/** What an idempotent call does in each case the key store can answer. */
export interface IdempotentHandlers<T> {
  /** The first call with the key answered already: its answer again (audited as a replay). */
  replay(stored: StoredOutcome): Promise<T>;
  /** The key cannot be used for this call; the refusal is audited and answered. */
  refuse(error: UserError): Promise<T>;
  /**
   * The call itself. It sets `progress.started` once Slack may have been called; `takenOver` says
   * the key's first caller died mid-call, so a change found in place may be that caller's.
   */
  run(progress: { started: boolean }, takenOver: boolean): Promise<T>;
}

/**
 * Runs a provisioning call under its idempotency key (grant, revoke and account status alike):
 * claims the key (or replays the first call's answer, or refuses a key in use or reused for
 * another change), holds it while the call runs, and stores the answer, or frees the key when a
 * retry may answer otherwise (Slack unreachable). Without a key the call just runs.
 */
export async function runIdempotent<T extends Outcome>(db: Kysely<DB>, call: IdempotentCall | undefined, leaseMs: number, handlers: IdempotentHandlers<T>): Promise<T> {
  const progress = { started: false };
  if (!call) return handlers.run(progress, false);
  const claim = await claimKey<StoredOutcome>(db, call, leaseMs);
  if (claim.kind === 'replay') return handlers.replay(claim.outcome);
  if (claim.kind === 'in-progress') {
    return handlers.refuse(new ConflictError(`a call with idempotency key "${call.key}" is still in progress; retry it once that call has answered`, { code: 'IDEMPOTENCY_KEY_IN_USE', field: 'input.idempotencyKey' }));
  }
  if (claim.kind === 'mismatch') {
    return handlers.refuse(new ValidationError(`idempotency key "${call.key}" was already used for a different change; use a new key for each change`, { code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' }));
  }
  const hold = holdKey(db, call, leaseMs);
  try {
    const outcome = await handlers.run(progress, claim.kind === 'taken-over');
    if (isRetryable(outcome)) await releaseKey(db, call);
    else await completeKey(db, call, storeOutcome(outcome));
    return outcome;
  } catch (error) {
    // Before Slack was called the key is simply free again. After, Slack may have made the
    // change: the key stays PENDING, its lease lapses, and a retry takes it over (re-reads Slack).
    if (!progress.started) await releaseKey(db, call).catch(() => undefined);
    throw error;
  } finally {
    hold.stop();
  }
}
