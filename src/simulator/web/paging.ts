import { lowerBound } from '../store.ts';
import { SlackApiError, type Args } from './args.ts';

/**
 * Slack cursors are opaque base64 strings (`dXNlcjpVMEc5V0ZYTlo=` is `user:U0G9WFXNZ`). Ours encode
 * the ID the next page starts at, so a cursor stays valid when items are added or removed before
 * it and a resumed sync replays deterministically.
 */
export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64');
}

export function decodeCursor(kind: string, cursor: string): string {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith(`${kind}:`) || Buffer.from(text, 'utf8').toString('base64') !== cursor.replace(/ /g, '+')) {
    throw new SlackApiError('invalid_cursor');
  }
  return text.slice(kind.length + 1);
}

export interface LimitRule {
  /** Page size when the caller sends no `limit`. */
  fallback: number;
  max: number;
  /** Methods that answer `invalid_limit` rather than silently adjusting. */
  strict?: boolean;
}

export function pageLimit(args: Args, rule: LimitRule): number {
  const limit = args.int('limit');
  if (limit === undefined || limit === 0) return rule.fallback;
  if (limit < 1 || limit > rule.max) {
    if (rule.strict) throw new SlackApiError('invalid_limit');
    return limit < 1 ? rule.fallback : rule.max;
  }
  return limit;
}

export interface PagingPolicy {
  shortPages: boolean;
}

/** A deterministic "short page": Slack may return fewer than `limit` items while more remain. */
function pageSize(limit: number, startKey: string, policy: PagingPolicy): number {
  if (!policy.shortPages || limit < 2) return limit;
  let hash = 0;
  for (let i = 0; i < startKey.length; i++) hash = (Math.imul(hash, 31) + startKey.charCodeAt(i)) | 0;
  const shrink = Math.abs(hash) % Math.ceil(limit / 2);
  return Math.max(1, limit - shrink);
}

export interface Page<T> {
  items: T[];
  nextCursor: string;
}

/** One page over IDs sorted ascending; the cursor names the first ID of the next page. */
export function pageOfSortedIds(sorted: readonly string[], args: Args, kind: string, rule: LimitRule, policy: PagingPolicy): Page<string> {
  const limit = pageLimit(args, rule);
  const cursor = args.str('cursor');
  const start = cursor === undefined ? 0 : lowerBound(sorted, decodeCursor(kind, cursor));
  const size = pageSize(limit, sorted[start] ?? '', policy);
  const end = Math.min(sorted.length, start + size);
  const next = sorted[end];
  return { items: sorted.slice(start, end), nextCursor: next === undefined ? '' : encodeCursor(kind, next) };
}

/** One page over an ordered list without unique sortable keys; the cursor carries an offset. */
export function pageOfList<T>(items: readonly T[], args: Args, kind: string, rule: LimitRule, policy: PagingPolicy): Page<T> {
  const limit = pageLimit(args, rule);
  const cursor = args.str('cursor');
  let start = 0;
  if (cursor !== undefined) {
    const offset = decodeCursor(kind, cursor);
    if (!/^\d+$/.test(offset)) throw new SlackApiError('invalid_cursor');
    start = Number(offset);
  }
  const size = pageSize(limit, String(start), policy);
  const end = Math.min(items.length, start + size);
  return { items: items.slice(start, end), nextCursor: end < items.length ? encodeCursor(kind, String(end)) : '' };
}
