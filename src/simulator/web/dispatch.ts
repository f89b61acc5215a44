import type { SlackStore, TokenInfo } from '../store.ts';
import { appSurfaceMethods } from '../app/web.ts';
import { adminMethods } from './admin.ts';
import { Args, SlackApiError } from './args.ts';
import { authTeamMethods } from './auth-team.ts';
import { conversationMethods } from './conversations.ts';
import { RawJson, type CallContext, type MethodSpec } from './method.ts';
import { userMethods } from './users.ts';
import { usergroupMethods } from './usergroups.ts';

export const WEB_METHODS: Readonly<Record<string, MethodSpec>> = {
  ...authTeamMethods,
  ...userMethods,
  ...usergroupMethods,
  ...conversationMethods,
  ...adminMethods,
  ...appSurfaceMethods,
};

export interface WebResponse {
  status: number;
  headers: Record<string, string>;
  /** One buffer, or pieces written back to back. */
  body: Buffer | Buffer[];
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): WebResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: Buffer.from(JSON.stringify(body), 'utf8'),
  };
}

export function slackError(code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): WebResponse {
  return jsonResponse(200, { ok: false, error: code, ...extra }, headers);
}

/** Who is calling and about which workspace; resolved before rate limiting and the handler. */
export interface ResolvedCall {
  method: MethodSpec;
  token: TokenInfo;
  teamId: string | undefined;
  scopeHeaders: Record<string, string>;
}

/**
 * Authentication, token kind, scopes and workspace resolution, in the order Slack reports them:
 * a call without a token is `not_authed` even if it also lacks scopes.
 */
export function resolveCall(store: SlackStore, methodName: string, args: Args, bearer: string | undefined): ResolvedCall | WebResponse {
  const method = WEB_METHODS[methodName];
  if (!method) return slackError('unknown_method', { req_method: methodName });
  const value = bearer ?? args.str('token');
  if (value === undefined) return slackError('not_authed');
  if (value.startsWith('xapp-')) return slackError('not_allowed_token_type');
  const token = store.token(value);
  if (!token) return slackError('invalid_auth');
  if (token.revoked) return slackError('token_revoked');
  if (token.expired) return slackError('token_expired');
  const caller = store.user(token.userId);
  if (caller?.deleted) return slackError('account_inactive');
  if (!(method.tokenKinds ?? ['bot', 'user']).includes(token.kind)) return slackError('not_allowed_token_type');

  const needed = method.scopes(token, args, store);
  const scopeHeaders: Record<string, string> = { 'x-oauth-scopes': token.scopes.join(',') };
  if (needed.length > 0) scopeHeaders['x-accepted-oauth-scopes'] = needed.join(',');
  const missing = needed.filter((s) => !token.scopes.includes(s));
  if (missing.length > 0) return slackError('missing_scope', { needed: missing.join(','), provided: token.scopes.join(',') }, scopeHeaders);

  if (method.enterpriseAdmin) {
    if (!store.enterprise) return slackError('not_an_enterprise', {}, scopeHeaders);
    if (!caller || caller.orgRole === 'member') return slackError('not_an_admin', {}, scopeHeaders);
  }

  let teamId: string | undefined;
  if (method.workspace !== 'none') {
    const requested = args.str('team_id');
    if (!token.orgLevel) teamId = token.teamId;
    else if (requested !== undefined) {
      if (!token.grantedTeams.includes(requested)) return slackError('team_access_not_granted', {}, scopeHeaders);
      teamId = requested;
    } else if (method.workspace === 'required') {
      if (store.behaviour.orgTokenWithoutTeam === 'empty' && method.emptyResult) {
        return jsonResponse(200, { ok: true, ...method.emptyResult() }, scopeHeaders);
      }
      return slackError(method.orgMissingTeam ?? 'missing_argument', {}, scopeHeaders);
    }
  }
  return { method, token, teamId, scopeHeaders };
}

export function runCall(store: SlackStore, call: ResolvedCall, args: Args): WebResponse {
  const ctx: CallContext = {
    store,
    token: call.token,
    caller: store.user(call.token.userId),
    args,
    teamId: call.teamId,
    scopes: new Set(call.token.scopes),
  };
  try {
    const result = call.method.handler(ctx);
    if (result instanceof RawJson) {
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...call.scopeHeaders }, body: result.parts };
    }
    return jsonResponse(200, { ok: true, ...result }, call.scopeHeaders);
  } catch (error) {
    if (error instanceof SlackApiError) return slackError(error.code, error.extra, call.scopeHeaders);
    throw error;
  }
}
