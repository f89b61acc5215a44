import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseTimestamptz } from '../../src/db/createDb.ts';

// pg's own parser is the oracle: the fast path must agree with it on every shape Postgres prints.
const reference = pg.types.getTypeParser(1184, 'text') as (value: string) => Date;

describe('timestamptz parsing', () => {
  const samples = [
    '2026-11-28 14:00:00+00',
    '2026-11-28 14:00:00.1+00',
    '2026-11-28 14:00:00.123456+00',
    '2026-11-28 14:00:00.123456-08',
    '2026-11-28 14:00:00.5+05:30',
    '1999-01-08 04:05:06-03:30',
    '2000-02-29 23:59:59.999999+14',
    '1970-01-01 00:00:00+00',
    '2026-12-31 23:30:00-01',
    '2024-01-01 00:10:00+05:45',
    '1000-06-15 08:00:00.000001+00',
  ];

  it.each(samples)('reads %s as pg does', (value) => {
    expect(parseTimestamptz(value).getTime()).toBe(reference(value).getTime());
  });

  it('agrees with pg on a spread of generated instants and offsets', () => {
    const offsets = ['+00', '-07', '+09:30', '-03:30', '+14'];
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(1990, 0, 1) + i * 7_919_993_417;
      const iso = new Date(ms).toISOString(); // 2019-05-06T12:34:56.789Z
      const micro = String(i % 1000).padStart(3, '0');
      const value = `${iso.slice(0, 10)} ${iso.slice(11, 23)}${micro}${offsets[i % offsets.length]}`;
      expect(parseTimestamptz(value).getTime(), value).toBe(reference(value).getTime());
    }
  });

  it('leaves the shapes it does not know to pg (BC, infinity, offsets with seconds)', () => {
    for (const value of ['0044-03-15 12:00:00+00 BC', 'infinity', '-infinity', '1900-01-01 00:00:00+00:19:32', '0099-01-01 00:00:00+00', '0999-12-31 23:59:59.5+00']) {
      expect(parseTimestamptz(value)).toEqual(reference(value));
    }
  });
});
