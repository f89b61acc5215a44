/**
 * What an API client may do. `admin` implies every other scope; the others are independent
 * (a client that may `approve` cannot necessarily `read` the whole catalog).
 */
export const SCOPES = ['read', 'request', 'approve', 'provision', 'review', 'sync', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  read: 'read accounts, resources, entitlements, grants, sync runs and audit events',
  request: 'request access (just-in-time requests)',
  approve: 'approve or deny access requests',
  provision: 'grant and revoke access in Slack directly',
  review: 'run access reviews',
  sync: 'start syncs and follow their progress',
  admin: 'everything, including managing API clients',
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeError';
  }
}

/** Parses `read,sync` or `read sync` (OAuth2 separates scopes with spaces); rejects unknown names. */
export function parseScopes(text: string): Scope[] {
  const names = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new ScopeError(`no scopes given; use one or more of ${SCOPES.join(', ')}`);
  const unknown = names.filter((n) => !isScope(n));
  if (unknown.length > 0) {
    throw new ScopeError(`unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; use ${SCOPES.join(', ')}`);
  }
  return normalizeScopes(names as Scope[]);
}

/** Deduplicated, in the canonical order of SCOPES. */
export function normalizeScopes(scopes: readonly string[]): Scope[] {
  return SCOPES.filter((s) => scopes.includes(s));
}

/** Whether a client holding `granted` may act with `needed`. */
export function hasScope(granted: readonly string[], needed: Scope): boolean {
  return granted.includes('admin') || granted.includes(needed);
}
