import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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
}

type WithOutcomes = Kysely<DB & { provisioning_outcomes: ProvisioningOutcomesTable }>;

export interface IdempotentCall {
  apiClientId: string;
  key: string;
  operation: ProvisioningOutcomesTable['operation'];
  entitlementId: number | null;
  accountId: number;
}

export type Claim<T> = { kind: 'claimed' } | { kind: 'replay'; outcome: T } | { kind: 'in-progress' } | { kind: 'mismatch'; operation: string };

function table(db: Kysely<DB>): WithOutcomes {
  return db.withTables<{ provisioning_outcomes: ProvisioningOutcomesTable }>();
}

/**
 * Claims an idempotency key for a call, or tells what the first call with the key did. A key
 * names one call of one client: reusing it for another target or operation is refused.
 */
export async function claimKey<T>(db: Kysely<DB>, call: IdempotentCall): Promise<Claim<T>> {
  const t = table(db);
  const inserted = await t
    .insertInto('provisioning_outcomes')
    .values({ api_client_id: call.apiClientId, idempotency_key: call.key, operation: call.operation, entitlement_id: call.entitlementId, account_id: call.accountId })
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
  if (!row) return claimKey(db, call); // released between our insert and our read
  if (row.operation !== call.operation || row.entitlement_id !== call.entitlementId || row.account_id !== call.accountId) {
    return { kind: 'mismatch', operation: row.operation };
  }
  if (row.state === 'PENDING') return { kind: 'in-progress' };
  return { kind: 'replay', outcome: row.outcome as T };
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
