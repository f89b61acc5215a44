import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();

describe(`audit_events (${backend})`, () => {
  it('accepts new events', async () => {
    await t.db.insertInto('audit_events').values({ action: 'grantEntitlement', outcome: 'SUCCESS', target_id: 'userGroup:S1:member' }).execute();
    const rows = await t.db.selectFrom('audit_events').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.occurred_at).toBeInstanceOf(Date);
  });

  it('refuses to update an event', async () => {
    await expect(t.db.updateTable('audit_events').set({ outcome: 'FAILURE' }).execute()).rejects.toThrow(/append-only: UPDATE/);
  });

  it('refuses to delete an event', async () => {
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only: DELETE/);
  });

  it('refuses to truncate the table', async () => {
    await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it('still holds every event after the refused changes', async () => {
    const { count } = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    expect(count).toBe(1);
  });
});
