import { describe, expect, it } from 'vitest';
import { schemaProblems } from './openapi.ts';

describe('the OpenAPI schema check itself', () => {
  it('rejects a users.list body that breaks Slack schema', () => {
    const problems = schemaProblems('users.list', { ok: true, members: [{ id: 'not-an-id', name: 'x' }], cache_ts: 1 });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('rejects a usergroup without the fields Slack always sends', () => {
    expect(schemaProblems('usergroups.list', { ok: true, usergroups: [{ id: 'S0123', name: 'x' }] }).length).toBeGreaterThan(0);
  });

  it('accepts an error envelope with any code but not one without an error', () => {
    expect(schemaProblems('users.list', { ok: false, error: 'missing_scope', needed: 'users:read', provided: '' })).toEqual([]);
    expect(schemaProblems('users.list', { ok: false })).not.toEqual([]);
  });
});
