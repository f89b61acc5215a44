import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { SlackUser } from '../../src/slack/wire.ts';
import { WORKSPACE_ROLE_CONDITIONS, workspaceRolesOf } from '../../src/sync/mapping.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();

const FLAGS = ['is_primary_owner', 'is_owner', 'is_admin', 'is_restricted', 'is_ultra_restricted', 'is_invited', 'is_bot', 'deleted'] as const;

describe(`workspace roles derived at apply (${backend})`, () => {
  it('are the roles workspaceRolesOf gives, for every combination of user flags', async () => {
    const combos = Array.from({ length: 2 ** FLAGS.length }, (_, n) => Object.fromEntries(FLAGS.map((f, i) => [f, (n >> i) % 2 === 1])) as Record<(typeof FLAGS)[number], boolean>);
    const roles = Object.entries(WORKSPACE_ROLE_CONDITIONS).map(([role, held]) => sql`(${role}, ${sql.raw(held)})`);
    const { rows } = await sql<{ n: number; roles: string[] }>`
      select s.n, coalesce(array_agg(r.role order by r.role) filter (where r.held), '{}') as roles
      from jsonb_to_recordset(${JSON.stringify(combos.map((c, n) => ({ n, ...c })))}::jsonb)
        as s(n int, is_primary_owner boolean, is_owner boolean, is_admin boolean, is_restricted boolean,
             is_ultra_restricted boolean, is_invited boolean, is_bot boolean, deleted boolean)
      cross join lateral (values ${sql.join(roles)}) as r(role, held)
      group by s.n order by s.n`.execute(t.db);
    const expected = combos.map((c) => {
      const user: SlackUser = { id: 'U1', ...c, is_invited_user: c.is_invited };
      return workspaceRolesOf(user).sort();
    });
    expect(rows.map((r) => [...r.roles].sort())).toEqual(expected);
  });
});
