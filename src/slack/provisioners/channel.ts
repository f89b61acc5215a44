import type { SlackConnection } from '../connection.ts';
import { SlackApiError } from '../errors.ts';
import type { SlackWebApi } from '../webApi.ts';
import { changeMembership, configuredClient, type Provisioner, ProvisioningRefused, type ProvisionOp, type ProvisionStep, type ProvisionTarget } from './types.ts';

/**
 * Channel membership (public and private) with the bot token: `conversations.invite` and
 * `conversations.kick` change one member, and Slack's `already_in_channel` / `not_in_channel`
 * answers say the change was already in place. The bot must be in the channel itself.
 */
export class ChannelProvisioner implements Provisioner {
  constructor(private readonly connection: SlackConnection) {}

  check(op: ProvisionOp, target: ProvisionTarget): void {
    if (op !== 'GRANT') return;
    const a = target.account;
    if (a.status === 'DELETED') throw new ProvisioningRefused('invalid', `user ${a.slackId} is deactivated in Slack and cannot join channels`, 'INELIGIBLE_ACCOUNT');
    if (a.status === 'DISABLED') throw new ProvisioningRefused('invalid', `user ${a.slackId} is disabled; enable the account first`, 'INELIGIBLE_ACCOUNT');
  }

  get #bot(): SlackWebApi {
    return configuredClient(this.connection.bot, 'channel changes need a Slack bot token (--token)');
  }

  async grant(target: ProvisionTarget): Promise<ProvisionStep> {
    const team = target.resource.workspaceId ?? undefined;
    try {
      return await changeMembership(() => this.#bot.call('conversations.invite', { channel: target.resource.slackId, users: target.account.slackId }, { team }), 'GRANTED', 'ALREADY_GRANTED', ['already_in_channel']);
    } catch (error) {
      if (error instanceof SlackApiError && error.slackError === 'not_in_channel') {
        // On invite this means the bot is not in the channel, not the user.
        throw new SlackApiError(error.method, error.slackError, error.status, `the gateway's bot is not a member of ${target.resource.slackId}; add the bot to the channel first`);
      }
      throw error;
    }
  }

  async revoke(target: ProvisionTarget): Promise<ProvisionStep> {
    const team = target.resource.workspaceId ?? undefined;
    return changeMembership(() => this.#bot.call('conversations.kick', { channel: target.resource.slackId, user: target.account.slackId }, { team }), 'REVOKED', 'ALREADY_REVOKED', ['not_in_channel']);
  }
}
