/**
 * SCIM filter expressions (`userName eq "ada"`, `emails.value co "@acme" and active eq true`,
 * parentheses, `not (…)`), evaluated over an attribute getter. Attribute names and operators are
 * case-insensitive; string comparison is case-insensitive as SCIM's caseExact=false attributes are.
 */
export class ScimFilterError extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ? `${code} (${detail})` : code);
  }
}

type Scalar = string | number | boolean | null;
export type AttributeGetter = (path: string) => Scalar | Scalar[] | undefined;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; inner: FilterNode }
  | { kind: 'compare'; path: string; op: string; value: Scalar | undefined };

const OPERATORS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'pr', 'gt', 'ge', 'lt', 'le']);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push(ch);
      i++;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new ScimFilterError('incomplete_filter');
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s()]/.test(text[j] as string)) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function literal(token: string): Scalar {
  if (token.startsWith('"')) {
    try {
      return JSON.parse(token) as string;
    } catch {
      throw new ScimFilterError('invalid_query');
    }
  }
  if (token.startsWith("'")) return token.slice(1, -1);
  const lower = token.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  return token;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string => {
    const token = tokens[pos++];
    if (token === undefined) throw new ScimFilterError('incomplete_filter');
    return token;
  };

  // `and` binds tighter than `or`; both associate to the left.
  const parseJoined = (kind: 'and' | 'or', operand: () => FilterNode): FilterNode => {
    let node = operand();
    while (peek()?.toLowerCase() === kind) {
      pos++;
      node = { kind, left: node, right: operand() };
    }
    return node;
  };
  const parseAnd = (): FilterNode => parseJoined('and', parseFactor);
  const parseOr = (): FilterNode => parseJoined('or', parseAnd);
  const parseFactor = (): FilterNode => {
    const token = next();
    if (token === '(') {
      const inner = parseOr();
      if (next() !== ')') throw new ScimFilterError('invalid_filter_group');
      return inner;
    }
    if (token.toLowerCase() === 'not') {
      if (next() !== '(') throw new ScimFilterError('invalid_filter_group');
      const inner = parseOr();
      if (next() !== ')') throw new ScimFilterError('invalid_filter_group');
      return { kind: 'not', inner };
    }
    const opToken = peek();
    if (opToken === undefined) throw new ScimFilterError('no_filters', 'is_aggregate_call=1');
    const op = opToken.toLowerCase();
    if (!OPERATORS.has(op)) throw new ScimFilterError('no_filters', 'is_aggregate_call=1');
    pos++;
    if (op === 'pr') return { kind: 'compare', path: token.toLowerCase(), op, value: undefined };
    return { kind: 'compare', path: token.toLowerCase(), op, value: literal(next()) };
  };

  if (tokens.length === 0) throw new ScimFilterError('no_filters', 'is_aggregate_call=1');
  const node = parseOr();
  if (pos !== tokens.length) throw new ScimFilterError('invalid_query');
  return node;
}

function compareOne(actual: Scalar, op: string, expected: Scalar | undefined): boolean {
  if (op === 'pr') return actual !== null && actual !== '';
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  let e = typeof expected === 'string' ? expected.toLowerCase() : expected;
  // v1 filters like `restricted eq '1'` compare booleans with strings.
  if (typeof a === 'boolean' && typeof e === 'string') e = e === 'true' || e === '1';
  switch (op) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'co':
      return typeof a === 'string' && typeof e === 'string' && a.includes(e);
    case 'sw':
      return typeof a === 'string' && typeof e === 'string' && a.startsWith(e);
    case 'ew':
      return typeof a === 'string' && typeof e === 'string' && a.endsWith(e);
    case 'gt':
      return a !== null && e !== null && e !== undefined && a > e;
    case 'ge':
      return a !== null && e !== null && e !== undefined && a >= e;
    case 'lt':
      return a !== null && e !== null && e !== undefined && a < e;
    case 'le':
      return a !== null && e !== null && e !== undefined && a <= e;
    default:
      return false;
  }
}

export function matchesFilter(node: FilterNode, get: AttributeGetter): boolean {
  switch (node.kind) {
    case 'and':
      return matchesFilter(node.left, get) && matchesFilter(node.right, get);
    case 'or':
      return matchesFilter(node.left, get) || matchesFilter(node.right, get);
    case 'not':
      return !matchesFilter(node.inner, get);
    case 'compare': {
      const actual = get(node.path);
      if (actual === undefined) throw new ScimFilterError('invalid_query', `unsupported attribute ${node.path}`);
      const values = Array.isArray(actual) ? actual : [actual];
      if (node.op === 'ne') return values.every((v) => compareOne(v, 'ne', node.value));
      return values.some((v) => compareOne(v, node.op, node.value));
    }
  }
}
