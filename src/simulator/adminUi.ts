import type { SimulatedEvents } from './events.ts';
import { newUser, type Channel, type SlackStore, type User, type UserGroup, type WorkspaceRole } from './store.ts';

/**
 * What an admin does in Slack's own UI (not through the API): add someone to a user group or a
 * channel, create, rename, archive or delete a channel, invite or change a person. Changes go
 * through the store, so the simulated Events API announces them as Slack would. Served over HTTP
 * under `/_simulator/admin/` for tests and benchmarks in other processes.
 */
export class SlackAdminUi {
  constructor(private readonly store: SlackStore) {}

  #user(id: string): User {
    const user = this.store.user(id);
    if (!user) throw new AdminUiError(`no user ${id}`);
    return user;
  }

  #group(id: string): UserGroup {
    const group = this.store.usergroup(id);
    if (!group) throw new AdminUiError(`no user group ${id}`);
    return group;
  }

  #channel(id: string): Channel {
    const channel = this.store.channels.get(id);
    if (!channel) throw new AdminUiError(`no channel ${id}`);
    return channel;
  }

  addToGroup(groupId: string, userIds: string[]): void {
    const group = this.#group(groupId);
    for (const id of userIds) this.#user(id);
    this.store.setGroupMembers(group, [...group.users, ...userIds.filter((id) => !group.users.has(id))]);
    group.dateUpdate = this.store.now();
  }

  removeFromGroup(groupId: string, userIds: string[]): void {
    const group = this.#group(groupId);
    const gone = new Set(userIds);
    this.store.setGroupMembers(group, [...group.users].filter((id) => !gone.has(id)));
    group.dateUpdate = this.store.now();
  }

  joinChannel(channelId: string, userId: string): void {
    this.#user(userId);
    this.store.joinChannel(this.#channel(channelId), userId);
  }

  leaveChannel(channelId: string, userId: string): void {
    this.store.leaveChannel(this.#channel(channelId), userId);
  }

  createChannel(teamId: string, name: string, options: { isPrivate?: boolean; creator?: string; members?: string[] } = {}): Channel {
    if (!this.store.workspace(teamId)) throw new AdminUiError(`no workspace ${teamId}`);
    return this.store.addChannel({
      teamId,
      name,
      isPrivate: options.isPrivate ?? false,
      isArchived: false,
      isGeneral: false,
      created: this.store.now(),
      creator: options.creator ?? '',
      topic: '',
      purpose: '',
      // Slack puts the creator in the channel it creates.
      members: new Set([...(options.creator ? [options.creator] : []), ...(options.members ?? [])]),
    });
  }

  /** Creates a user group with its first members (subteam_created, carrying them). */
  createUserGroup(teamId: string, name: string, options: { handle?: string; users?: string[]; creator?: string } = {}): UserGroup {
    if (!this.store.workspace(teamId)) throw new AdminUiError(`no workspace ${teamId}`);
    for (const id of options.users ?? []) this.#user(id);
    const now = this.store.now();
    return this.store.addUsergroup({
      teamId,
      name,
      handle: options.handle ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      description: '',
      isIdpGroup: false,
      isOrgLevel: false,
      linkedTeams: [],
      autoType: null,
      autoProvision: false,
      dateCreate: now,
      dateUpdate: now,
      dateDelete: 0,
      createdBy: options.creator ?? '',
      updatedBy: options.creator ?? '',
      deletedBy: null,
      channels: [],
      users: new Set(options.users ?? []),
    });
  }

  /** Grid: an org admin adds a person of the organization to a workspace (team_join there). */
  assignToWorkspace(userId: string, teamId: string, role: WorkspaceRole = 'member'): void {
    if (!this.store.enterprise) throw new AdminUiError('workspaces are assigned on Enterprise Grid');
    if (!this.store.workspace(teamId)) throw new AdminUiError(`no workspace ${teamId}`);
    this.store.addToWorkspace(this.#user(userId), teamId, role);
  }

  /**
   * Grid: an org admin removes a person from one workspace (user_change, whose
   * `enterprise_user.teams` no longer lists it; they leave its user groups and channels too).
   */
  removeFromWorkspace(userId: string, teamId: string): void {
    if (!this.store.enterprise) throw new AdminUiError('workspaces are assigned on Enterprise Grid');
    const user = this.#user(userId);
    if (!user.memberships.some((m) => m.teamId === teamId)) throw new AdminUiError(`${userId} is not in workspace ${teamId}`);
    this.store.removeFromWorkspace(user, teamId);
  }

  renameChannel(channelId: string, name: string): void {
    const channel = this.#channel(channelId);
    channel.name = name;
    this.store.onChange?.({ kind: 'channelRenamed', channel });
  }

  archiveChannel(channelId: string, actor = ''): void {
    const channel = this.#channel(channelId);
    if (channel.isArchived) return;
    channel.isArchived = true;
    this.store.onChange?.({ kind: 'channelArchived', channel, actor });
  }

  unarchiveChannel(channelId: string, actor = ''): void {
    const channel = this.#channel(channelId);
    if (!channel.isArchived) return;
    channel.isArchived = false;
    this.store.onChange?.({ kind: 'channelUnarchived', channel, actor });
  }

  deleteChannel(channelId: string, actor = ''): void {
    const channel = this.#channel(channelId);
    this.store.channels.delete(channelId);
    this.store.onChange?.({ kind: 'channelDeleted', channel, actor });
  }

  /** Invites a new person into a workspace (team_join). */
  createUser(teamId: string, name: string, email: string): User {
    const user = this.store.addUser(newUser({ name, avatarHash: 'g0000000000a', memberships: [], created: this.store.now(), realName: name, displayName: name }));
    this.store.setEmail(user, email);
    this.store.addToWorkspace(user, teamId);
    return user;
  }

  /** Changes a person's role in a workspace, or deactivates / reactivates them (user_change). */
  changeUser(userId: string, change: { teamId?: string; role?: WorkspaceRole; deactivated?: boolean; realName?: string }): void {
    const user = this.#user(userId);
    if (change.role !== undefined) this.store.setWorkspaceRole(user, change.teamId ?? user.memberships[0]?.teamId ?? '', change.role);
    if (change.deactivated === true) this.store.deactivateUser(user);
    if (change.deactivated === false) this.store.reactivateUser(user);
    if (change.realName !== undefined) {
      user.realName = change.realName;
      this.store.touchUser(user);
    }
  }
}

export class AdminUiError extends Error {}

type Body = Record<string, unknown>;
const str = (body: Body, key: string): string => {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new AdminUiError(`${key} is required`);
  return value;
};
const strs = (body: Body, key: string): string[] => {
  const value = body[key];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new AdminUiError(`${key} must be a list of ids`);
  return value as string[];
};

/**
 * `/_simulator/admin/<action>` (POST, JSON) and `/_simulator/events/<action>`: the admin UI's
 * actions, and where events go and which faults they meet. Returns [status, body].
 */
export async function handleAdminRoute(ui: SlackAdminUi, events: SimulatedEvents, route: string, method: string, body: Body): Promise<[number, Body]> {
  try {
    switch (`${method} ${route}`) {
      case 'POST admin/usergroup/add':
        ui.addToGroup(str(body, 'usergroup'), strs(body, 'users'));
        break;
      case 'POST admin/usergroup/remove':
        ui.removeFromGroup(str(body, 'usergroup'), strs(body, 'users'));
        break;
      case 'POST admin/channel/join':
        ui.joinChannel(str(body, 'channel'), str(body, 'user'));
        break;
      case 'POST admin/channel/leave':
        ui.leaveChannel(str(body, 'channel'), str(body, 'user'));
        break;
      case 'POST admin/channel/create':
        return [200, { ok: true, channel: ui.createChannel(str(body, 'team'), str(body, 'name'), { isPrivate: body.is_private === true }).id }];
      case 'POST admin/channel/rename':
        ui.renameChannel(str(body, 'channel'), str(body, 'name'));
        break;
      case 'POST admin/channel/archive':
        ui.archiveChannel(str(body, 'channel'));
        break;
      case 'POST admin/channel/unarchive':
        ui.unarchiveChannel(str(body, 'channel'));
        break;
      case 'POST admin/channel/delete':
        ui.deleteChannel(str(body, 'channel'));
        break;
      case 'POST admin/usergroup/create':
        return [200, { ok: true, usergroup: ui.createUserGroup(str(body, 'team'), str(body, 'name'), { ...(Array.isArray(body.users) ? { users: strs(body, 'users') } : {}) }).id }];
      case 'POST admin/workspace/assign':
        ui.assignToWorkspace(str(body, 'user'), str(body, 'team'));
        break;
      case 'POST admin/workspace/remove':
        ui.removeFromWorkspace(str(body, 'user'), str(body, 'team'));
        break;
      case 'POST admin/user/create':
        return [200, { ok: true, user: ui.createUser(str(body, 'team'), str(body, 'name'), str(body, 'email')).id }];
      case 'POST admin/user/change':
        ui.changeUser(str(body, 'user'), {
          ...(typeof body.team === 'string' ? { teamId: body.team } : {}),
          ...(typeof body.role === 'string' ? { role: body.role as WorkspaceRole } : {}),
          ...(typeof body.deactivated === 'boolean' ? { deactivated: body.deactivated } : {}),
          ...(typeof body.real_name === 'string' ? { realName: body.real_name } : {}),
        });
        break;
      case 'POST events/target':
        if (body.url === null) events.disable();
        else events.enable({ url: str(body, 'url'), signingSecret: str(body, 'signing_secret') });
        if (Array.isArray(body.retry_delays_ms) && body.retry_delays_ms.every((n) => typeof n === 'number')) events.retryDelaysMs = body.retry_delays_ms as number[];
        break;
      case 'POST events/faults':
        for (const key of ['drop', 'duplicate', 'reorder', 'delayMs'] as const) if (typeof body[key] === 'number') events.faults[key] = body[key] as number;
        break;
      case 'POST events/settle':
        await events.settled();
        return [200, { ok: true, stats: events.stats }];
      case 'GET events/stats':
        return [200, { ok: true, stats: events.stats, faults: events.faults, enabled: events.enabled }];
      default:
        return [404, { ok: false, error: `no admin endpoint ${method} ${route}` }];
    }
    return [200, { ok: true }];
  } catch (error) {
    if (error instanceof AdminUiError) return [400, { ok: false, error: error.message }];
    throw error;
  }
}
