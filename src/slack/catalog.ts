import type { SlackConnection } from './connection.ts';
import { SlackApiError } from './errors.ts';
import type { ScimGroup, ScimListPage, ScimUser } from './scim.ts';
import type { KnownAnswer } from './answers.ts';
import type { PageAnswer, PageMemo } from './webApi.ts';
import type { SlackChannel, SlackTeam, SlackUser, SlackUserGroup } from './wire.ts';

/** One page of a cursor-paged list, with the cursor of the page after it ("" at the end). */
export interface CatalogPage<T> {
  items: T[];
  nextCursor: string;
}

/** An enterprise role held by a user (`admin.roles.listAssignments`). */
export interface RoleAssignment {
  role_id: string;
  user_id: string;
}

/**
 * The read side of Slack as the sync sees it: which calls list which objects, with what page
 * sizes and which token. The sync asks for pages here and never names a Slack method, so what
 * it knows is the domain (workspaces, users, groups, channels, roles) and what this module knows
 * is Slack's API for them.
 */
export class SlackCatalog {
  constructor(private readonly connection: SlackConnection) {}

  #bot() {
    const bot = this.connection.bot;
    if (!bot) throw new Error('reading the catalog needs a Slack bot token (--token)');
    return bot;
  }

  /** Every workspace the token sees, each with its `team.info` details (one call per workspace). */
  async workspaces(fallback?: { id: string; name: string }): Promise<SlackTeam[]> {
    const bot = this.#bot();
    const listed: SlackTeam[] = [];
    // auth.teams.list answers for org-level (Grid) tokens; a single-workspace token lists none.
    for await (const page of bot.pages<SlackTeam>('auth.teams.list', 'teams', { limit: 1000 })) listed.push(...page.items);
    if (listed.length === 0 && fallback) listed.push(fallback);
    const teams: SlackTeam[] = [];
    for (const t of listed) {
      const info = await bot.call<{ team?: SlackTeam }>('team.info', { team: t.id }, { team: t.id });
      teams.push({ ...t, ...info.team, id: t.id });
    }
    return teams;
  }

  /**
   * Every user of a workspace (deleted, invited, guests and bots included), 1000 a page. With
   * `known`, pages whose answer the caller knows are not parsed (see webApi's `pages`).
   */
  users(teamId: string, cursor?: string, known?: PageMemo): AsyncGenerator<PageAnswer<SlackUser>> {
    return this.#bot().pages<SlackUser>('users.list', 'members', { limit: 1000 }, { team: teamId, cursor, known });
  }

  /** One user as a workspace sees them (`users.info`). */
  async user(teamId: string, userId: string): Promise<SlackUser | undefined> {
    const res = await this.#bot().call<{ user?: SlackUser }>('users.info', { user: userId }, { team: teamId });
    return res.user;
  }

  /**
   * Every user group of a workspace with its members, the disabled ones included: one call,
   * where the reference connector makes one per group per page of 20 members. With `known`, an
   * answer the caller knows is not parsed (no items, `known` set).
   */
  async userGroups(teamId: string, known?: { seed: string; lookup: KnownAnswer }): Promise<PageAnswer<SlackUserGroup>> {
    const args = { include_users: true, include_disabled: true, include_count: true };
    const res = await this.#bot().read<{ usergroups?: SlackUserGroup[] }>('usergroups.list', args, { team: teamId, known });
    return { items: res.body?.usergroups ?? [], nextCursor: '', digest: res.digest, known: res.known };
  }

  /** Public and private channels the bot can see, archived ones included, 1000 a page. */
  channels(teamId: string, cursor?: string): AsyncGenerator<CatalogPage<SlackChannel>> {
    return this.#bot().pages<SlackChannel>('conversations.list', 'channels', { types: 'public_channel,private_channel', exclude_archived: false, limit: 1000 }, { team: teamId, cursor });
  }

  /** The members of one channel (user ids), 1000 a page; `known` as for `users`. */
  channelMembers(channelId: string, teamId?: string, cursor?: string, known?: PageMemo): AsyncGenerator<PageAnswer<string>> {
    return this.#bot().pages<string>('conversations.members', 'members', { channel: channelId, limit: 1000 }, { team: teamId, cursor, known });
  }

  /** Grid: every enterprise role assignment, 200 a page (the method's maximum). */
  roleAssignments(cursor?: string): AsyncGenerator<CatalogPage<RoleAssignment>> {
    const enterprise = this.connection.enterprise;
    if (!enterprise) throw new Error('reading enterprise roles needs a Grid org-level token (--enterprise-token)');
    return enterprise.pages<RoleAssignment>('admin.roles.listAssignments', 'role_assignments', { limit: 200 }, { cursor });
  }

  /**
   * One page of SCIM users from `startIndex` (SCIM pages by index). With `known`, an answer the
   * caller knows is not parsed; it comes with the total the caller gave.
   */
  scimUsers(startIndex: number, count?: number, known?: { seed: string; lookup: KnownAnswer }): Promise<ScimListPage<ScimUser>> {
    return this.#scim().list<ScimUser>('Users', startIndex, count, undefined, known);
  }

  /** SCIM (IdP) groups, a page at a time from `startIndex`. */
  scimGroups(startIndex = 1): AsyncGenerator<ScimListPage<ScimGroup> & { nextIndex: number }> {
    return this.#scim().pages<ScimGroup>('Groups', startIndex);
  }

  /** One SCIM group with its members (lists may leave members out). */
  async scimGroup(id: string): Promise<ScimGroup | undefined> {
    return (await this.#scim().get<ScimGroup>('Groups', id)).body ?? undefined;
  }

  #scim() {
    const scim = this.connection.scim;
    if (!scim) throw new Error('reading SCIM needs a Business+ or Grid admin token (--business-plus-token)');
    return scim;
  }
}

/** A channel that is gone, or that the bot can no longer read, since it was listed. */
export function isUnreadableChannel(error: unknown): boolean {
  return error instanceof SlackApiError && ['channel_not_found', 'not_in_channel', 'method_not_supported_for_channel_type'].includes(error.slackError);
}

/** Slack no longer accepts a saved cursor (it expired): the list must start over. */
export function isExpiredCursor(error: unknown): boolean {
  return error instanceof SlackApiError && error.slackError === 'invalid_cursor';
}
