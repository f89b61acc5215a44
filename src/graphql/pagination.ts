import type { SchemaTypes } from '@pothos/core';
import type { ArrayConnectionShape, DefaultConnectionArguments, ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { parseCursorConnectionArgs } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { sql, type SelectQueryBuilder } from 'kysely';

export type { ResolveCursorConnectionArgs as PageRequest } from '@pothos/plugin-relay';

/** Page size when neither first nor last is given, and the most a page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** One column of a sort key, with the SQL type its cursor value is cast to. */
export interface SortColumn {
  ref: string;
  type: 'bigint' | 'timestamptz' | 'text';
}

/**
 * A keyset ordering: the sort columns, the last of which is unique (the id), so every row has
 * a distinct position. Cursors hold the row's values of these columns, so a page starts right
 * after the previous page's last row whatever was inserted or deleted meanwhile: no row that
 * exists throughout is skipped or repeated.
 */
export interface KeysetOrder<Row> {
  columns: readonly SortColumn[];
  direction: 'asc' | 'desc';
  /** The row's values of `columns`, in order (timestamps as full-precision ISO strings). */
  valuesOf(row: Row): (string | number)[];
}

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, order: KeysetOrder<unknown>): (string | number)[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === order.columns.length &&
    values.every((v, i) => (order.columns[i]?.type === 'bigint' ? Number.isSafeInteger(v) : typeof v === 'string'));
  if (!valid) {
    throw new GraphQLError(`"${cursor}" is not a cursor of this connection; pass a cursor from its pageInfo or edges`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return values as (string | number)[];
}

function compareToCursor(order: KeysetOrder<unknown>, values: (string | number)[], op: '<' | '>') {
  const columns = sql.join(order.columns.map((c) => sql.ref(c.ref)));
  const cursor = sql.join(values.map((v, i) => sql`cast(${v} as ${sql.raw((order.columns[i] as SortColumn).type)})`));
  return sql<boolean>`(${columns}) ${sql.raw(op)} (${cursor})`;
}

/** A page request with its cursors decoded: the values a keyset page's statement compares and limits by. */
export interface KeysetWindow {
  after: (string | number)[] | null;
  before: (string | number)[] | null;
  limit: number;
  inverted: boolean;
}

/** The window of a page request; a cursor that is not one of this order's is refused (BAD_USER_INPUT). */
export function keysetWindow(order: KeysetOrder<unknown>, page: ResolveCursorConnectionArgs): KeysetWindow {
  return {
    after: page.after ? decodeCursor(page.after, order) : null,
    before: page.before ? decodeCursor(page.before, order) : null,
    limit: page.limit,
    inverted: page.inverted,
  };
}

/** Adds the keyset window (after/before), the order and the limit of a page to a query. */
export function applyKeyset<D, TB extends keyof D, O>(
  qb: SelectQueryBuilder<D, TB, O>,
  order: KeysetOrder<O>,
  page: ResolveCursorConnectionArgs,
): SelectQueryBuilder<D, TB, O> {
  return applyKeysetWindow(qb, order, keysetWindow(order as KeysetOrder<unknown>, page));
}

/**
 * applyKeyset with the cursors already decoded. The window's values are used only as values,
 * so a statement built from it can be reused with another window of the same shape
 * (see executeShaped): which of after/before is set and the direction decide the shape.
 */
export function applyKeysetWindow<D, TB extends keyof D, O>(qb: SelectQueryBuilder<D, TB, O>, order: KeysetOrder<O>, window: KeysetWindow): SelectQueryBuilder<D, TB, O> {
  const ascending = order.direction === 'asc';
  let query = qb;
  if (window.after) query = query.where(compareToCursor(order as KeysetOrder<unknown>, window.after, ascending ? '>' : '<'));
  if (window.before) query = query.where(compareToCursor(order as KeysetOrder<unknown>, window.before, ascending ? '<' : '>'));
  // Paging backwards (`last`) reads from the other end; the helper reverses the rows again.
  const sqlDirection = ascending !== window.inverted ? 'asc' : 'desc';
  for (const column of order.columns) query = query.orderBy(sql.ref(column.ref), sqlDirection);
  return query.limit(window.limit);
}

/**
 * A page larger than MAX_PAGE_SIZE is refused, not cut: a tool that asked for 150 and got 100
 * would take them for everything.
 */
export function assertPageSize(args: DefaultConnectionArguments): void {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (typeof size === 'number' && size > MAX_PAGE_SIZE) {
      const next = name === 'first' ? 'after: pageInfo.endCursor' : 'before: pageInfo.startCursor';
      throw new GraphQLError(`${name}: ${size} is more than a page holds (at most ${MAX_PAGE_SIZE}); ask ${MAX_PAGE_SIZE} or fewer and page on with ${next}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  }
}

function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= compute());
}

/**
 * An edge whose cursor is encoded only when a client selects it: a page of 100 grants asked
 * without cursors (most pages) no longer encodes 100 of them.
 */
class KeysetEdge<Row> {
  constructor(
    readonly node: Row,
    private readonly order: KeysetOrder<Row>,
  ) {}
  get cursor(): string {
    return encodeCursor(this.order.valuesOf(this.node));
  }
}

/**
 * A Relay connection over keyset pages, with a lazily counted totalCount: the page, edges and
 * pageInfo as Pothos's resolveCursorConnection makes them (the same arguments, limits and
 * errors), except that cursors are encoded when read.
 */
export async function keysetConnection<Row>(
  args: DefaultConnectionArguments,
  order: KeysetOrder<Row>,
  loadPage: (page: ResolveCursorConnectionArgs) => Promise<Row[]>,
  count: () => Promise<number>,
) {
  assertPageSize(args);
  const { before, after, limit, inverted, expectedSize, hasPreviousPage, hasNextPage } = parseCursorConnectionArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  const rows = await loadPage({ before, after, limit, inverted });
  const page = rows.length > expectedSize ? rows.slice(0, expectedSize) : rows;
  if (inverted) page.reverse();
  const edges: { readonly cursor: string; node: Row }[] = page.map((row) => new KeysetEdge(row, order));
  const first = edges[0];
  const last = edges[edges.length - 1];
  const around = args.after ?? args.before ?? '';
  // Typed as Pothos's own connection shape: getters are what its fields read.
  const connection = {
    edges,
    pageInfo: {
      get startCursor() {
        return first ? first.cursor : around;
      },
      get endCursor() {
        return last ? last.cursor : around;
      },
      hasPreviousPage: hasPreviousPage(rows.length),
      hasNextPage: hasNextPage(rows.length),
    },
  } as unknown as Exclude<ArrayConnectionShape<SchemaTypes, Row, false, false, false>, null | undefined>;
  return { ...connection, totalCount: once(count) };
}

/** The page request of connection arguments, for loaders that fetch many pages in one statement. */
export function pageRequest(args: DefaultConnectionArguments): ResolveCursorConnectionArgs {
  assertPageSize(args);
  const { before, after, limit, inverted } = parseCursorConnectionArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  return { before, after, limit, inverted };
}

/** Connection over rows already fetched for this parent (by a batched loader). */
export async function connectionFromPage<Row>(args: DefaultConnectionArguments, order: KeysetOrder<Row>, rows: Row[], count: () => Promise<number>) {
  return keysetConnection(args, order, async () => rows, count);
}

export const byId = <Row extends { id: number }>(ref: string, direction: 'asc' | 'desc' = 'asc'): KeysetOrder<Row> => ({
  columns: [{ ref, type: 'bigint' }],
  direction,
  valuesOf: (row) => [row.id],
});

export { once };

/** How many rows a filtered list query selects: the same query with its columns replaced by count(*). */
export async function countRows<D, TB extends keyof D, O>(qb: SelectQueryBuilder<D, TB, O>): Promise<number> {
  // Typed by hand: Kysely cannot name the selection's shape over a generic table set.
  const row = (await qb.clearSelect().select(sql<string>`count(*)`.as('count')).executeTakeFirstOrThrow()) as { count: string | number };
  return Number(row.count);
}
