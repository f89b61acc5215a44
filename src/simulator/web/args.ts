/**
 * Web API arguments as Slack accepts them: GET query, form body, JSON body or a mix; list
 * arguments as `U1,U2`, a JSON-array string (`["U1","U2"]`, what @slack/web-api sends for arrays)
 * or a real JSON array; booleans as true/false/1/0.
 */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export function missingArgument(name: string): SlackApiError {
  return new SlackApiError('invalid_arguments', { response_metadata: { messages: [`[ERROR] missing required field: ${name}`] } });
}

export class Args {
  constructor(private readonly values: Map<string, unknown>) {}

  static fromEntries(entries: Iterable<[string, unknown]>): Args {
    const values = new Map<string, unknown>();
    for (const [key, value] of entries) {
      const previous = values.get(key);
      // Repeated form fields (`user_ids=U1&user_ids=U2`) become a list.
      if (previous === undefined) values.set(key, value);
      else values.set(key, Array.isArray(previous) ? [...(previous as unknown[]), value] : [previous, value]);
    }
    return new Args(values);
  }

  has(name: string): boolean {
    return this.values.has(name) && this.values.get(name) !== null && this.values.get(name) !== undefined;
  }

  raw(name: string): unknown {
    return this.values.get(name);
  }

  /** The argument as a string; empty strings count as absent, like Slack does for most arguments. */
  str(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    return text === '' ? undefined : text;
  }

  required(name: string): string {
    const value = this.str(name);
    if (value === undefined) throw missingArgument(name);
    return value;
  }

  bool(name: string, fallback = false): boolean {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value === 'boolean') return value;
    const text = String(value).toLowerCase();
    return text === 'true' || text === '1' || text === 'yes';
  }

  int(name: string): number | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === '') return undefined;
    const n = typeof value === 'number' ? value : Number(String(value));
    if (!Number.isFinite(n)) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: [`[ERROR] invalid value for ${name}`] } });
    return Math.trunc(n);
  }

  /** A list argument in any of Slack's accepted spellings; undefined when absent. */
  list(name: string): string[] | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    return parseList(value);
  }

  entries(): [string, unknown][] {
    return [...this.values.entries()];
  }

  /** For the call log; never includes the token. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.values) if (key !== 'token') out[key] = value;
    return out;
  }
}

export function parseList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => parseList(v));
  if (typeof value !== 'string') return [String(value)];
  const text = value.trim();
  if (text.startsWith('[')) {
    const parsed = parseJsonOr(text, 'invalid_array_arg');
    if (!Array.isArray(parsed)) throw new SlackApiError('invalid_array_arg');
    return parsed.map((v) => String(v).trim()).filter((v) => v !== '');
  }
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** JSON.parse, answering Slack's error `code` for text that is not JSON. */
export function parseJsonOr(text: string, code: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SlackApiError(code);
  }
}
