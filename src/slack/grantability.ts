import type { ResourceType } from '../db/schema.ts';
import type { PlanInfo } from './connection.ts';

export interface Grantability {
  grantable: boolean;
  /** Why not, in words a user can act on; null when grantable. */
  reason: string | null;
}

export interface EntitlementKind {
  resourceType: ResourceType;
  slug: string;
  /** Role id for workspaceRole / enterpriseRole (`admin`, `Rl0A`, `organization_owner`). */
  roleId?: string;
  /** Resource status: archived channels and deleted resources cannot be granted. */
  status?: string;
}

export interface Capabilities {
  plan: PlanInfo['plan'];
  bot: { ok: boolean; scopes: string[] };
  enterprise: { ok: boolean; scopes: string[] };
  scim: boolean;
  ssoEnabled: boolean;
}

export function capabilitiesOf(plan: PlanInfo, ssoEnabled: boolean): Capabilities {
  return {
    plan: plan.plan,
    bot: { ok: plan.tokens.bot.ok, scopes: plan.tokens.bot.scopes },
    enterprise: { ok: plan.tokens.enterprise.ok, scopes: plan.tokens.enterprise.scopes },
    scim: plan.tokens.businessPlus.ok,
    ssoEnabled,
  };
}

const yes: Grantability = { grantable: true, reason: null };
const no = (reason: string): Grantability => ({ grantable: false, reason });

/** A token whose scopes Slack did not report is given the benefit of the doubt. */
function hasScope(token: { scopes: string[] }, ...anyOf: string[]): boolean {
  return token.scopes.length === 0 || anyOf.some((s) => token.scopes.includes(s));
}

const GRID = (plan: Capabilities['plan']) => plan === 'grid' || plan === 'gov';
const NOT_PROVISIONABLE_ROLES: Record<string, string> = {
  primary_owner: 'the primary owner can only be transferred by the current primary owner in Slack',
  multi_channel_guest: 'Slack does not allow changing guest roles through the API',
  single_channel_guest: 'Slack does not allow changing guest roles through the API',
  invited_member: 'invitations are sent, not granted; invite the account instead',
  bot: 'bot users are created by installing an app',
  member: 'every workspace member holds this role; grant workspace membership instead',
};

/** Whether an entitlement can be granted with this plan, these tokens and scopes — and if not, why. */
export function grantabilityOf(kind: EntitlementKind, caps: Capabilities): Grantability {
  if (kind.status === 'DELETED') return no('the resource no longer exists in Slack');
  switch (kind.resourceType) {
    case 'userGroup':
      if (!caps.bot.ok) return no('needs a working bot token (--token)');
      if (!hasScope(caps.bot, 'usergroups:write')) return no('the bot token lacks the usergroups:write scope');
      return yes;
    case 'group':
      if (caps.plan === 'gov') return no('GovSlack does not allow IdP-group changes');
      if (!caps.scim) return no('needs a working Business+ or Grid admin token (--business-plus-token) for SCIM');
      if (!caps.ssoEnabled) return no('IdP-group provisioning is off; set --sso-enabled');
      return yes;
    case 'workspace':
      if (!GRID(caps.plan)) return no('adding accounts to workspaces needs Enterprise Grid');
      if (!caps.enterprise.ok) return no('needs a working Grid org admin token (--enterprise-token)');
      if (!hasScope(caps.enterprise, 'admin.users:write')) return no('the enterprise token lacks the admin.users:write scope');
      return yes;
    case 'workspaceRole': {
      const reason = NOT_PROVISIONABLE_ROLES[kind.roleId ?? ''];
      if (reason) return no(reason);
      if (!GRID(caps.plan)) return no('changing workspace roles needs Enterprise Grid');
      if (!caps.enterprise.ok) return no('needs a working Grid org admin token (--enterprise-token)');
      if (!hasScope(caps.enterprise, 'admin.users:write')) return no('the enterprise token lacks the admin.users:write scope');
      return yes;
    }
    case 'enterpriseRole':
      if (kind.roleId?.startsWith('organization_')) return no('organization owner and admin roles are managed in Slack\'s admin dashboard');
      if (!GRID(caps.plan)) return no('enterprise roles exist only on Enterprise Grid');
      if (!caps.enterprise.ok) return no('needs a working Grid org admin token (--enterprise-token)');
      if (!hasScope(caps.enterprise, 'admin.roles:write')) return no('the enterprise token lacks the admin.roles:write scope');
      return yes;
    case 'channel':
      if (kind.status === 'ARCHIVED') return no('the channel is archived');
      if (!caps.bot.ok) return no('needs a working bot token (--token)');
      if (!hasScope(caps.bot, 'channels:manage', 'groups:write', 'channels:write.invites')) return no('the bot token lacks channels:manage / groups:write');
      return yes;
  }
}
