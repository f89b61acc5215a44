import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// Bulk loading with COPY … FROM STDIN in its text format: rows travel as tab-separated lines
// and Postgres reads them without parsing a statement, binding parameters or expanding JSON per
// row. Values: null/undefined as \N, booleans as t/f, objects as JSON; backslash, tab, newline and
// carriage return escaped.

export type CopyValue = string | number | boolean | null | undefined | object;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : text;
}

/** One line of COPY text for `values`. */
export function copyLine(values: readonly CopyValue[]): string {
  return copyFields(values) + '\n';
}

/** The fields of a COPY line for `values`, tab-separated, without the line's end. */
export function copyFields(values: readonly CopyValue[]): string {
  let line = field(values[0]);
  for (let i = 1; i < values.length; i++) line += '\t' + field(values[i]);
  return line;
}

/**
 * Loads `text` (lines made by copyLine, in `columns` order) into `table` over `client` — in
 * whatever transaction the client is in. `text` is a list of chunks, sent one after the other.
 */
export async function copyText(client: pg.PoolClient, table: string, columns: readonly string[], text: readonly string[]): Promise<void> {
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const stream = client.query(copyFrom(`copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin`));
  await pipeline(Readable.from(text), stream);
}
