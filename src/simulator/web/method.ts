import type { SlackStore, TokenInfo, TokenKind, User } from '../store.ts';
import type { Args } from './args.ts';

/** Slack's rate-limit tiers: 1/20/50/100 calls per minute; `special` methods are not budgeted here. */
export type Tier = 1 | 2 | 3 | 4 | 'special';

export interface CallContext {
  store: SlackStore;
  token: TokenInfo;
  /** The user behind the token (the bot user for bot tokens). */
  caller: User | undefined;
  args: Args;
  /**
   * The workspace the call is about: the token's own for workspace tokens, `team_id` for org-level
   * tokens on workspace-scoped methods; undefined where the method is not workspace-scoped.
   */
  teamId: string | undefined;
  scopes: ReadonlySet<string>;
}

/**
 * A response body already serialized, as pieces written to the socket in one go (the users.list
 * fast path: cached per-user JSON is never copied into one big buffer).
 */
export class RawJson {
  constructor(readonly parts: Buffer[]) {}
}

export type MethodResult = Record<string, unknown> | RawJson;

export interface MethodSpec {
  tier: Tier;
  /** Every scope the call needs, given the token and the arguments. */
  scopes: (token: TokenInfo, args: Args, store: SlackStore) => string[];
  /** Token kinds allowed; others get `not_allowed_token_type`. Default: bot and user. */
  tokenKinds?: TokenKind[];
  /**
   * `required`: workspace-scoped; org-level tokens must say which workspace with `team_id`.
   * `optional`: `team_id` is honoured when given. `none`: no workspace context.
   */
  workspace: 'required' | 'optional' | 'none';
  /** Error for an org-level token without `team_id` (default `missing_argument`). */
  orgMissingTeam?: string;
  /** What Slack answers instead, in the "empty list" behaviour for org tokens without `team_id`. */
  emptyResult?: () => Record<string, unknown>;
  /** Methods Slack only offers on Enterprise Grid (`admin.*`): org admins with user tokens. */
  enterpriseAdmin?: boolean;
  handler: (ctx: CallContext) => MethodResult;
}

export const scopes =
  (...needed: string[]) =>
  (): string[] =>
    needed;

/** Bot tokens and user tokens sometimes need different scopes for the same method. */
export const scopesByKind =
  (bot: string[], user: string[]) =>
  (token: TokenInfo): string[] =>
    token.kind === 'bot' ? bot : user;
