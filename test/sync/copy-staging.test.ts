import { describe, expect, it } from 'vitest';
import { copyLine, copyText } from '../../src/db/copy.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();

// On Postgres a sync stages pages with COPY in its text format (src/db/copy.ts): what Slack
// sends must come back out exactly, whatever characters it holds.
describe.skipIf(backend !== 'postgres')('staging by COPY (postgres)', () => {
  it('loads text with tabs, line breaks, backslashes and what looks like a null, JSON, booleans and nulls unchanged', async () => {
    const rows = [
      ['tab\there', 'line\nbreak\r\nand return', { note: 'json with\ttab and "quotes" and \\ and é' }, true, null],
      ['\\N', 'back\\slash at end\\', {}, false, 'ünïcødé 🙂'],
      ['', ' spaces ', { nested: { list: [1, null, 'x\ny'] } }, null, '\\.'],
    ] as const;
    const read = await t.database.withClient!(async (client) => {
      await client.query('begin');
      await client.query('create temp table copied (a text, b text, c jsonb, d boolean, e text) on commit drop');
      // Lines split across chunks as the stager sends them.
      const text = rows.map((r) => copyLine(r));
      await copyText(client, 'copied', ['a', 'b', 'c', 'd', 'e'], [text.join('').slice(0, 7), text.join('').slice(7)]);
      const { rows: back } = await client.query<{ a: string; b: string; c: unknown; d: boolean | null; e: string | null }>('select * from copied');
      await client.query('rollback');
      return back;
    });
    expect(read.map((r) => [r.a, r.b, r.c, r.d, r.e])).toEqual(rows.map((r) => [...r]));
  });
});
