import type { SlackConnection } from '../connection.ts';
import { SlackApiError } from '../errors.ts';
import type { SlackWebApi } from '../webApi.ts';
import { configuredClient, type ProvisionOp, type ProvisionTarget, refuseUnlessFullMember, type SlackProvisionResult } from './types.ts';

export interface UserGroupRef {
  slackId: string;
  workspaceId: string | null;
}

export interface MemberChange {
  op: ProvisionOp;
  userId: string;
}

export interface UserGroupState {
  /** Members Slack lists for the group. A disabled group keeps listing its last members. */
  members: string[];
  status: 'ACTIVE' | 'DISABLED';
}

export interface GroupWriteResult {
  /** One result per change, in the order given. */
  results: SlackProvisionResult[];
  /** The group's members after the write (what Slack answered, when it answered with them). */
  members: string[];
  status: 'ACTIVE' | 'DISABLED';
  /** Slack calls that changed the group: 0 when every change was already in place. */
  writes: number;
}

/** Slack answers these when one of the listed users cannot be in the group. */
export const MEMBER_ERRORS = ['invalid_user', 'invalid_users', 'single_channel_guests_cannot_be_added', 'failed_for_some_users'];

/**
 * User-group membership. Slack only replaces the whole member list (`usergroups.users.update`),
 * so every write is a read-modify-write of the list: the caller serialises writes per group and
 * hands over all the changes waiting for the group at once; this class reads the list fresh,
 * applies the changes in order and writes once.
 *
 * Slack cannot empty a group: removing the last member disables the group
 * (`usergroups.disable`). A disabled group grants nothing, so its listed members are not
 * carried over when it is enabled again by a later grant (`usergroups.enable`, then the new list).
 */
export class UserGroupProvisioner {
  constructor(private readonly connection: SlackConnection) {}

  check(op: ProvisionOp, target: ProvisionTarget): void {
    refuseUnlessFullMember(op, target, 'user groups');
  }

  get #bot(): SlackWebApi {
    return configuredClient(this.connection.bot, 'user-group changes need a Slack bot token (--token)');
  }

  /**
   * The group's member list as Slack has it now. One call for an enabled group; a disabled one
   * answers `no_such_subteam` unless asked with `include_disabled`, which tells the two apart.
   */
  async read(group: UserGroupRef): Promise<UserGroupState> {
    const team = group.workspaceId ?? undefined;
    try {
      const res = await this.#bot.call<{ users?: string[] }>('usergroups.users.list', { usergroup: group.slackId, include_disabled: false }, { team });
      return { members: res.users ?? [], status: 'ACTIVE' };
    } catch (error) {
      if (!(error instanceof SlackApiError) || error.slackError !== 'no_such_subteam') throw error;
      // Deleted groups answer no_such_subteam here too, and that error goes to the caller.
      const res = await this.#bot.call<{ users?: string[] }>('usergroups.users.list', { usergroup: group.slackId, include_disabled: true }, { team });
      return { members: res.users ?? [], status: 'DISABLED' };
    }
  }

  /** Reads the list fresh, applies `changes` in order, and writes the result with as few calls as it takes. */
  async apply(group: UserGroupRef, changes: MemberChange[], current?: UserGroupState): Promise<GroupWriteResult> {
    const state = current ?? (await this.read(group));
    const base = state.status === 'DISABLED' ? [] : state.members;
    const next = new Set(base);
    const results = changes.map((c): SlackProvisionResult => {
      if (c.op === 'GRANT') {
        if (next.has(c.userId)) return 'ALREADY_GRANTED';
        next.add(c.userId);
        return 'GRANTED';
      }
      if (!next.has(c.userId)) return 'ALREADY_REVOKED';
      next.delete(c.userId);
      return 'REVOKED';
    });
    const unchanged = next.size === base.length && base.every((id) => next.has(id));
    if (unchanged) return { results, members: state.members, status: state.status, writes: 0 };

    const team = group.workspaceId ?? undefined;
    const bot = this.#bot;
    if (next.size === 0) {
      await bot.call('usergroups.disable', { usergroup: group.slackId }, { team });
      return { results, members: state.members, status: 'DISABLED', writes: 1 };
    }
    let writes = 0;
    if (state.status === 'DISABLED') {
      await bot.call('usergroups.enable', { usergroup: group.slackId }, { team });
      writes += 1;
    }
    try {
      const res = await bot.call<{ usergroup?: { users?: string[] } }>('usergroups.users.update', { usergroup: group.slackId, users: [...next].join(',') }, { team });
      writes += 1;
      return { results, members: res.usergroup?.users ?? [...next], status: 'ACTIVE', writes };
    } catch (error) {
      // Enabled but not rewritten, the group would give its former members their access back.
      if (state.status === 'DISABLED') await bot.call('usergroups.disable', { usergroup: group.slackId }, { team }).catch(() => {});
      throw error;
    }
  }
}
