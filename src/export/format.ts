import { createHash, type Hash } from 'node:crypto';

export type ExportFormat = 'csv' | 'json';

/** One CSV field: quoted when it holds a comma, quote or line break; formula-looking text is defused for spreadsheets. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A cell starting with = + - @ runs as a formula in spreadsheet programs auditors open CSVs with.
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ExportWriter {
  /** Writes one chunk of the file. */
  write(chunk: string): Promise<void>;
}

/**
 * Writes rows as CSV (a header line, then one line per row) or as JSON
 * (`{ ...header, "<key>": [rows] }`, one row per line), hashing exactly the bytes written:
 * the SHA-256 returned is the file's.
 */
export async function writeRows<Row extends Record<string, unknown>>(
  format: ExportFormat,
  columns: readonly (keyof Row & string)[],
  rows: AsyncIterable<Row[]>,
  sink: ExportWriter,
  json: { header: Record<string, unknown>; key: string },
): Promise<{ sha256: string; bytes: number; rows: number }> {
  const hash: Hash = createHash('sha256');
  let bytes = 0;
  let count = 0;
  const out = async (text: string) => {
    hash.update(text, 'utf8');
    bytes += Buffer.byteLength(text, 'utf8');
    await sink.write(text);
  };
  if (format === 'csv') {
    await out(`${columns.join(',')}\r\n`);
    for await (const page of rows) {
      if (page.length === 0) continue;
      count += page.length;
      await out(page.map((row) => `${columns.map((c) => csvField(row[c])).join(',')}\r\n`).join(''));
    }
  } else {
    const head = JSON.stringify(json.header);
    await out(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"${json.key}":[`);
    for await (const page of rows) {
      if (page.length === 0) continue;
      const text = page.map((row, i) => `${count + i === 0 ? '' : ','}\n${JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))}`).join('');
      count += page.length;
      await out(text);
    }
    await out('\n]}\n');
  }
  return { sha256: hash.digest('hex'), bytes, rows: count };
}

/** A writer collecting the file in memory (GraphQL answers, tests). */
export function memoryWriter(): ExportWriter & { text(): string } {
  const parts: string[] = [];
  return {
    async write(chunk) {
      parts.push(chunk);
    },
    text: () => parts.join(''),
  };
}

/** Rows are read this many at a time: memory stays bounded whatever the size of the organization. */
const PAGE = 2000;

/**
 * Every row a query finds, page by page in id order (keyset: each page starts after the last id of
 * the one before), each page mapped to the export's rows.
 */
export async function* pagesById<Row extends { id: number }, Out>(page: (after: number, limit: number) => Promise<Row[]>, toRows: (rows: Row[]) => Out[]): AsyncGenerator<Out[]> {
  let after = 0;
  for (;;) {
    const rows = await page(after, PAGE);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? after;
    yield toRows(rows);
    if (rows.length < PAGE) return;
  }
}
