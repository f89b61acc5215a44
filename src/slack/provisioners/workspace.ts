import { SlackCatalog } from '../catalog.ts';
import type { SlackConnection } from '../connection.ts';
import type { SlackUser } from '../wire.ts';
import type { SlackWebApi } from '../webApi.ts';
import { changeMembership, configuredClient, type Provisioner, ProvisioningRefused, type ProvisionOp, type ProvisionStep, type ProvisionTarget } from './types.ts';

/**
 * A user as Slack sees them in workspace `teamId`, and whether they belong to it. Grid users
 * list their workspaces in `enterprise_user.teams`; role flags only count inside the workspace.
 */
export async function readWorkspaceUser(connection: SlackConnection, teamId: string, userId: string): Promise<{ inWorkspace: boolean; user: SlackUser }> {
  if (!connection.bot) throw new ProvisioningRefused('conflict', 'reading users needs a Slack bot token (--token)', 'NOT_CONFIGURED');
  const user = (await new SlackCatalog(connection).user(teamId, userId)) ?? { id: userId };
  const teams = user.enterprise_user?.teams;
  const inWorkspace = !user.deleted && (teams ? teams.includes(teamId) : user.team_id === teamId);
  return { inWorkspace, user };
}

const ROLE_METHODS: Record<string, string> = { owner: 'admin.users.setOwner', admin: 'admin.users.setAdmin' };

/**
 * Workspace membership (`admin.users.assign` / `remove`) and the owner and admin roles
 * (`admin.users.setOwner` / `setAdmin`; revoking either is `setRegular`) on Enterprise Grid.
 * Roles are read fresh with `users.info` first: Slack's set* methods set a role whatever the
 * current one, so granting admin to an owner would demote them.
 */
export class WorkspaceProvisioner implements Provisioner {
  constructor(private readonly connection: SlackConnection) {}

  #roleOf(target: ProvisionTarget): string | null {
    if (target.resource.resourceType !== 'workspaceRole') return null;
    return typeof target.resource.profile.role === 'string' ? target.resource.profile.role : '';
  }

  #team(target: ProvisionTarget): string {
    const team = target.resource.workspaceId;
    if (!team) throw new ProvisioningRefused('conflict', `${target.resource.externalId} has no workspace in the cache; run a sync`, 'NOT_SYNCED');
    return team;
  }

  check(op: ProvisionOp, target: ProvisionTarget): void {
    const a = target.account;
    const role = this.#roleOf(target);
    if (role !== null && !ROLE_METHODS[role]) {
      throw new ProvisioningRefused('invalid', `the ${role} role cannot be granted or revoked through Slack's API`, 'NOT_PROVISIONABLE');
    }
    if (op !== 'GRANT') {
      if (a.isPrimaryOwner) throw new ProvisioningRefused('conflict', `user ${a.slackId} is the primary owner; Slack does not allow changing the primary owner through the API`, 'PRIMARY_OWNER');
      return;
    }
    if (a.isBot || a.isAppUser || a.type !== 'HUMAN') throw new ProvisioningRefused('invalid', `user ${a.slackId} is a bot; bots join workspaces when their app is installed`, 'INELIGIBLE_ACCOUNT');
    if (a.status !== 'ENABLED') throw new ProvisioningRefused('invalid', `user ${a.slackId} is ${a.status.toLowerCase()}; enable the account first`, 'INELIGIBLE_ACCOUNT');
    if (role !== null && a.isGuest) {
      throw new ProvisioningRefused('invalid', `user ${a.slackId} is a guest; Slack does not allow giving guests the ${role} role (make them a full member in Slack first)`, 'INELIGIBLE_ACCOUNT');
    }
  }

  get #admin(): SlackWebApi {
    return configuredClient(this.connection.enterprise, 'workspace membership and roles need a Grid org admin token (--enterprise-token)');
  }

  async grant(target: ProvisionTarget): Promise<ProvisionStep> {
    const team = this.#team(target);
    const user = target.account.slackId;
    const role = this.#roleOf(target);
    if (role === null) return changeMembership(() => this.#admin.call('admin.users.assign', { team_id: team, user_id: user }), 'GRANTED', 'ALREADY_GRANTED', ['user_already_team_member']);
    const { inWorkspace, user: current } = await readWorkspaceUser(this.connection, team, user);
    if (!inWorkspace) throw new ProvisioningRefused('conflict', `user ${user} is not a member of workspace ${team}; grant workspace membership first`, 'NOT_IN_WORKSPACE');
    const held = role === 'owner' ? current.is_owner === true : current.is_admin === true;
    if (held) return { result: 'ALREADY_GRANTED' };
    await this.#admin.call(ROLE_METHODS[role] as string, { team_id: team, user_id: user });
    return { result: 'GRANTED' };
  }

  async revoke(target: ProvisionTarget): Promise<ProvisionStep> {
    const team = this.#team(target);
    const user = target.account.slackId;
    const role = this.#roleOf(target);
    if (role === null) return changeMembership(() => this.#admin.call('admin.users.remove', { team_id: team, user_id: user }), 'REVOKED', 'ALREADY_REVOKED', ['user_not_found', 'user_already_deleted']);
    const { inWorkspace, user: current } = await readWorkspaceUser(this.connection, team, user);
    if (!inWorkspace) return { result: 'ALREADY_REVOKED' };
    if (current.is_primary_owner) throw new ProvisioningRefused('conflict', `user ${user} is the primary owner; Slack does not allow changing the primary owner through the API`, 'PRIMARY_OWNER');
    if (role === 'owner' ? !current.is_owner : !current.is_admin) return { result: 'ALREADY_REVOKED' };
    if (role === 'admin' && current.is_owner) {
      // setRegular would take the owner role too, which nobody asked for.
      throw new ProvisioningRefused('conflict', `user ${user} is an owner of ${team}, and owners are admins; revoke the owner role instead (it makes them a regular member)`, 'OWNER_IS_ADMIN');
    }
    await this.#admin.call('admin.users.setRegular', { team_id: team, user_id: user });
    return { result: 'REVOKED' };
  }
}
