import { describe, expect, it } from 'vitest';
import { useBulkLoadFixture } from '../support/bulkLoad.ts';
import { backend } from '../support/db.ts';
import { cachedAccess, expectedAccess } from '../support/slack.ts';

// A bulk load (apply.ts, withIndexesBuiltAfter) into an empty accounts table inserts plainly and
// rebuilds every key; into a table that already holds accounts, the upsert keeps its conflict
// target, so an account already cached is updated in place rather than added a second time.

const fixture = useBulkLoadFixture();
const { t, statements } = fixture;

describe(`a bulk load into accounts already cached (${backend})`, () => {
  it('updates the cached account in place and caches exactly what Slack has', async () => {
    const { sim, engine } = fixture;
    const user = [...sim.store.users.values()].find((u) => !u.deleted && !u.isBot)!;
    const cached = await t.db
      .insertInto('accounts')
      .values({ external_id: `user:${user.id}`, slack_id: user.id, username: 'stale-name', display_name: 'Stale Name', status: 'ENABLED' })
      .returning('id')
      .executeTakeFirstOrThrow();
    statements.length = 0;
    const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('SUCCEEDED');
    // The bulk path was taken, keeping the upsert's key.
    expect(statements.some((q) => q.startsWith('alter table accounts drop constraint'))).toBe(true);
    expect(statements.some((q) => q.startsWith('alter table accounts drop constraint') && q.includes('accounts_slack_id_key'))).toBe(false);
    const row = await t.db.selectFrom('accounts').select(['id', 'username']).where('slack_id', '=', user.id).execute();
    expect(row).toEqual([{ id: cached.id, username: user.name }]);
    const expected = expectedAccess(sim.store, { scim: true, sso: true, enterpriseRoles: false, botToken: sim.tokens.bot });
    const access = await cachedAccess(t.db);
    expect(access.accounts).toEqual(expected.accounts);
    expect([...access.grants].sort()).toEqual([...expected.grants].sort());
  });
});
