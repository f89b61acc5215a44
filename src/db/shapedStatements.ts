import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * Statements built and compiled once per shape, then executed with each request's values.
 *
 * Kysely builds a statement from immutable nodes and compiles it to SQL on every call: for the
 * one statement of a small read (an account search) that was an eighth of the gateway's CPU per
 * request. The pages the API serves come in a few shapes (which filters are set, which columns,
 * which direction), and within a shape only the values change. So the statement of a shape is
 * built once with a stand-in for each value, compiled, and each stand-in's place among the
 * statement's parameters remembered; a later request with the same shape sends that SQL with
 * its own values in those places.
 *
 * What decides the shape is passed apart from the values: `shape` (anything JSON) is part of
 * the key as it is; of `values` only the structure is (which are null, how long each list is,
 * which are falsy), and a builder must use a value only as a value (a filter's operand), never to
 * decide what to build. A builder that transforms a value (a pattern made from a search term) or
 * writes one into the SQL text is caught when its shape is first compiled: that shape is then
 * built afresh on every call, as before. The database must have no Kysely plugins (none of ours
 * has): a plugin's result transform would not see a statement it did not compile.
 */

/** A value as a statement parameter: a scalar, or a list of them (an `in` list). */
export type StatementValue = string | number | boolean | Date | null | undefined | readonly (string | number | boolean | Date)[];

interface Shaped {
  /** The compiled statement with stand-ins; its parameters are replaced per call. */
  compiled: CompiledQuery<unknown>;
  /** For each parameter: the index of the value that goes there, or -1 for a constant of the shape. */
  slots: number[];
}

/**
 * Shapes per database (by its executor's adapter, which a request's database shares with the one
 * it is made from), each under a name: at most MAX_SHAPES each, then new ones are built every time.
 */
const MAX_SHAPES = 200;
const byDatabase = new WeakMap<object, Map<string, Shaped | 'uncacheable'>>();

const STAND_IN = '\u0001slackgate-value-';
const standIn = (index: number) => `${STAND_IN}${index}\u0001`;

/**
 * Runs a select of a known shape with these values: built and compiled the first time the shape
 * is seen, and from then on executed as compiled with the new values in place.
 */
export async function executeShaped<Row, Values extends Record<string, StatementValue>, Shape>(
  db: Pick<Kysely<unknown>, 'executeQuery' | 'getExecutor'>,
  name: string,
  shape: Shape,
  values: Values,
  build: (shape: Shape, values: Values) => Compilable<Row>,
): Promise<Row[]> {
  const keys = Object.keys(values);
  const flat: unknown[] = [];
  let structure = '';
  for (const key of keys) {
    const value = values[key];
    if (Array.isArray(value)) {
      structure += `${key}[${value.length}]`;
      for (const item of value) flat.push(item);
    } else if (value === null || value === undefined || value === false || value === '' || value === 0 || Number.isNaN(value)) {
      // Falsy values may decide the shape in a builder (`if (filter.search)`): each is its own shape.
      structure += `${key}=${String(value)};`;
    } else {
      structure += `${key};`;
      flat.push(value);
    }
  }
  const key = `${name}|${JSON.stringify(shape)}|${structure}`;
  const adapter = db.getExecutor().adapter;
  let shapes = byDatabase.get(adapter);
  if (!shapes) byDatabase.set(adapter, (shapes = new Map()));
  let known = shapes.get(key);
  if (known === undefined) {
    known = compileShape(shape, values, keys, build);
    if (shapes.size < MAX_SHAPES) shapes.set(key, known);
  }
  if (known === 'uncacheable') return (await db.executeQuery(build(shape, values))).rows;
  const parameters = known.compiled.parameters.map((constant, i) => {
    const slot = (known as Shaped).slots[i] as number;
    return slot < 0 ? constant : flat[slot];
  });
  return (await db.executeQuery<Row>({ ...(known.compiled as CompiledQuery<Row>), parameters })).rows;
}

function compileShape<Row, Values extends Record<string, StatementValue>, Shape>(
  shape: Shape,
  values: Values,
  keys: string[],
  build: (shape: Shape, values: Values) => Compilable<Row>,
): Shaped | 'uncacheable' {
  const standIns: Record<string, unknown> = {};
  let index = 0;
  for (const key of keys) {
    const value = values[key];
    if (Array.isArray(value)) standIns[key] = value.map(() => standIn(index++));
    else if (value === null || value === undefined || value === false || value === '' || value === 0 || Number.isNaN(value)) standIns[key] = value;
    else standIns[key] = standIn(index++);
  }
  const compiled = build(shape, standIns as Values).compile() as CompiledQuery<unknown>;
  if (compiled.sql.includes(STAND_IN)) return 'uncacheable';
  const slots: number[] = [];
  for (const parameter of compiled.parameters) {
    if (typeof parameter === 'string' && parameter.includes(STAND_IN)) {
      const match = /^\u0001slackgate-value-(\d+)\u0001$/.exec(parameter);
      if (!match) return 'uncacheable';
      slots.push(Number(match[1]));
    } else if (Array.isArray(parameter) && parameter.some((item) => typeof item === 'string' && item.includes(STAND_IN))) {
      // A list sent as one parameter (`any($1)`): not replaced element by element here.
      return 'uncacheable';
    } else {
      slots.push(-1);
    }
  }
  return { compiled, slots };
}
