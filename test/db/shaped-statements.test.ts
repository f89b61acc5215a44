import { beforeAll, describe, expect, it } from 'vitest';
import { executeShaped } from '../../src/db/shapedStatements.ts';
import { seedCatalog } from '../support/catalog.ts';
import { backend, useTestDatabase } from '../support/db.ts';

// A statement compiled once per shape must answer every later call with that call's own values,
// exactly as a statement built for them would; builders that do not keep to values-as-values
// must still answer right (built afresh each time).
const t = useTestDatabase();

beforeAll(async () => {
  await seedCatalog(t.db, 40);
});

/** Accounts with an id above `after` whose email contains `term` (when given), as a freshly built statement reads them. */
async function fresh(term: string | null, after: number, limit: number): Promise<number[]> {
  let query = t.db.selectFrom('accounts').select('id').where('id', '>', after);
  if (term) query = query.where('email', 'ilike', `%${term}%`);
  return (await query.orderBy('id').limit(limit).execute()).map((r) => r.id);
}

describe(`statements compiled once per shape (${backend})`, () => {
  it('builds a shape once and answers each call with its own values', async () => {
    let builds = 0;
    const page = (term: string | null, after: number, limit: number) =>
      executeShaped(t.db, 'test:page', { order: 'asc' }, { pattern: term ? `%${term}%` : null, after, limit }, (_shape, v) => {
        builds++;
        let query = t.db.selectFrom('accounts').select('id').where('id', '>', v.after);
        if (v.pattern) query = query.where('email', 'ilike', v.pattern);
        return query.orderBy('id').limit(v.limit);
      });
    const calls: [string | null, number, number][] = [['1', 1, 5], ['2', 3, 4], ['person', 10, 7], ['nobody-has-this', 2, 3]];
    for (const [term, after, limit] of calls) {
      expect((await page(term, after, limit)).map((r) => r.id)).toEqual(await fresh(term, after, limit));
    }
    expect(builds).toBe(1);
    // Without a term the condition is left out: another shape, built once more.
    expect((await page(null, 5, 6)).map((r) => r.id)).toEqual(await fresh(null, 5, 6));
    expect(builds).toBe(2);
  });

  it('takes a falsy value, an empty list and a list of another length as shapes of their own', async () => {
    const shapes: string[] = [];
    const byIds = (ids: number[], above: number) =>
      executeShaped(t.db, 'test:ids', null, { ids, above }, (_shape, v) => {
        shapes.push(`${v.ids.length}:${typeof v.above}`);
        let query = t.db.selectFrom('accounts').select('id');
        if (v.ids.length > 0) query = query.where('id', 'in', v.ids);
        if (v.above) query = query.where('id', '>', v.above);
        return query.orderBy('id').limit(50);
      });
    expect((await byIds([3, 1, 2], 0)).map((r) => r.id)).toEqual([1, 2, 3]);
    expect((await byIds([5, 4, 6], 4)).map((r) => r.id)).toEqual([5, 6]);
    expect((await byIds([7, 8], 0)).map((r) => r.id)).toEqual([7, 8]);
    expect((await byIds([], 38)).map((r) => r.id)).toEqual((await fresh(null, 38, 50)));
    expect(shapes).toEqual(['3:number', '3:string', '2:number', '0:string']);
  });

  it('builds afresh, every time, a shape whose builder makes a value into another (a pattern from a term)', async () => {
    let builds = 0;
    const search = (term: string) =>
      executeShaped(t.db, 'test:transformed', null, { term }, (_shape, v) => {
        builds++;
        return t.db.selectFrom('accounts').select('id').where('email', 'ilike', `%${v.term}%`).orderBy('id').limit(100);
      });
    expect((await search('1')).map((r) => r.id)).toEqual(await fresh('1', 0, 100));
    expect((await search('2')).map((r) => r.id)).toEqual(await fresh('2', 0, 100));
    // Once to find it out (with stand-ins), then once per call with the real values.
    expect(builds).toBe(3);
  });
});
