import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The named facts the sync engine records about the Slack connection (`connector_state`). */
export async function connectorState(db: Kysely<DB>): Promise<Map<string, { value: unknown; updatedAt: Date }>> {
  const rows = await db.selectFrom('connector_state').select(['key', 'value', 'updated_at']).where('key', 'in', ['plan', 'tokens', 'status']).execute();
  return new Map(rows.map((r) => [r.key, { value: r.value, updatedAt: r.updated_at }]));
}

export async function catalogCounts(db: Kysely<DB>): Promise<{ accounts: number; entitlements: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('accounts').select(eb.fn.countAll<number>().as('n')).as('accounts'),
      eb.selectFrom('entitlements').select(eb.fn.countAll<number>().as('n')).as('entitlements'),
    ])
    .executeTakeFirstOrThrow();
  return { accounts: Number(row.accounts), entitlements: Number(row.entitlements) };
}
