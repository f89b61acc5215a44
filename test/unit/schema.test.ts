import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/graphql/schema.ts';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run npm run schema:print after changing it)', async () => {
    const committed = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printedSchema());
  });
});

describe('account columns', () => {
  it('names the columns of every Account field, so a page reads only what its fields need', async () => {
    const { schema } = await import('../../src/graphql/schema.ts');
    const { ACCOUNT_FIELD_COLUMNS } = await import('../../src/graphql/accountColumns.ts');
    const account = schema.getType('Account') as import('graphql').GraphQLObjectType;
    expect(Object.keys(account.getFields()).filter((name) => !(name in ACCOUNT_FIELD_COLUMNS))).toEqual([]);
  });
});
