import { SlackApiError } from './args.ts';
import { scopes, type CallContext, type MethodSpec } from './method.ts';
import { pageOfList } from './paging.ts';
import { teamIcon, teamObject } from './render.ts';

function authTest({ store, token, caller }: CallContext): Record<string, unknown> {
  const enterprise = store.enterprise;
  const workspace = token.teamId ? store.workspace(token.teamId) : undefined;
  const out: Record<string, unknown> = {
    url: workspace ? `https://${workspace.domain}.slack.com/` : `https://${enterprise?.domain ?? 'org'}.enterprise.slack.com/`,
    team: workspace?.name ?? enterprise?.name ?? '',
    user: caller?.name ?? '',
    // Org-level installs have no single workspace: Slack leaves team_id empty and sets is_enterprise_install.
    team_id: workspace?.id ?? '',
    user_id: token.userId,
  };
  if (token.kind === 'bot' && token.botId) out.bot_id = token.botId;
  if (enterprise) out.enterprise_id = enterprise.id;
  out.is_enterprise_install = token.orgLevel;
  return out;
}

function authTeamsList(ctx: CallContext): Record<string, unknown> {
  const { store, token, args } = ctx;
  const teamIds = token.orgLevel ? token.grantedTeams.filter((id) => store.workspace(id)) : token.teamId ? [token.teamId] : [];
  const includeIcon = args.bool('include_icon');
  const page = pageOfList(teamIds, args, 'team', { fallback: 100, max: 1000, strict: true }, store.behaviour);
  return {
    teams: page.items.map((id) => {
      const workspace = store.workspace(id);
      if (!workspace) throw new SlackApiError('internal_error');
      return { id: workspace.id, name: workspace.name, ...(includeIcon ? { icon: teamIcon(workspace) } : {}) };
    }),
    response_metadata: { next_cursor: page.nextCursor },
  };
}

function teamInfo(ctx: CallContext): Record<string, unknown> {
  const { store, token, args } = ctx;
  const domain = args.str('domain');
  let teamId = args.str('team') ?? ctx.teamId ?? token.teamId ?? token.grantedTeams[0];
  if (domain !== undefined) {
    const found = [...store.workspaces.values()].find((w) => w.domain === domain);
    if (!found) throw new SlackApiError('team_not_found');
    teamId = found.id;
  }
  const workspace = teamId ? store.workspace(teamId) : undefined;
  if (!workspace) throw new SlackApiError('team_not_found');
  // A workspace token only sees other workspaces of the same enterprise.
  if (!store.enterprise && token.teamId && workspace.id !== token.teamId) throw new SlackApiError('team_not_found');
  return { team: teamObject(store, workspace) };
}

export const authTeamMethods: Record<string, MethodSpec> = {
  'auth.test': { tier: 'special', scopes: scopes(), workspace: 'none', handler: authTest },
  'auth.teams.list': { tier: 2, scopes: scopes(), workspace: 'none', handler: authTeamsList },
  'team.info': { tier: 3, scopes: scopes('team:read'), workspace: 'optional', handler: teamInfo },
};
