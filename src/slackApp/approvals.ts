import type { App as BoltApp, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { ApprovalMessenger } from '../access/notifications.ts';
import { loadPolicy } from '../access/policies.ts';
import { SlackApiError } from '../slack/errors.ts';
import { approvalMessage, decidedMessage, denyModal, IDS } from './blocks.ts';
import { requestDetails } from './cards.ts';
import { tellEphemeral, type ListenerClient, type SlackAppContext, type SlackAppServices } from './context.ts';
import { actorOf, auditSlackAction, personOf, whyUnknown } from './identity.ts';

/**
 * Approvals in the approver's DM: the message with Approve / Deny, the record of where each copy
 * went (so every copy can be updated once the request is decided), and the clicks.
 */
export function approvalMessenger(ctx: SlackAppContext): ApprovalMessenger {
  const { db, connection } = ctx;
  return {
    async postApproval(requestId, approverId) {
      const bot = connection.bot;
      if (!bot) return;
      const [details, approver] = await Promise.all([requestDetails(db, [requestId]), db.selectFrom('accounts').select(['slack_id']).where('id', '=', approverId).executeTakeFirst()]);
      const d = details.get(requestId);
      if (!d || !approver) return;
      const already = await db.selectFrom('slack_messages').select('id').where('purpose', '=', 'approval').where('request_id', '=', requestId).where('account_id', '=', approverId).executeTakeFirst();
      if (already) return;
      const message = approvalMessage(d.card);
      const posted = await bot.call<{ channel?: string; ts?: string }>('chat.postMessage', { channel: approver.slack_id, text: message.text, blocks: JSON.stringify(message.blocks) });
      if (!posted.channel || !posted.ts) return;
      await db
        .insertInto('slack_messages')
        .values({ purpose: 'approval', request_id: requestId, account_id: approverId, channel: posted.channel, ts: posted.ts })
        .onConflict((oc) => oc.columns(['request_id', 'account_id']).where('purpose', '=', 'approval').doNothing())
        .execute();
    },

    async updateCopies(requestId) {
      const bot = connection.bot;
      if (!bot) return;
      const copies = await db.selectFrom('slack_messages').select(['id', 'account_id', 'channel', 'ts']).where('purpose', '=', 'approval').where('request_id', '=', requestId).execute();
      if (copies.length === 0) return;
      const d = (await requestDetails(db, [requestId])).get(requestId);
      if (!d) return;
      const policy = d.request.state === 'PENDING' ? await loadPolicy(db, d.request.entitlementId) : undefined;
      for (const copy of copies) {
        // While still pending, only the copies of approvers who decided change (their buttons go).
        if (d.request.state === 'PENDING' && !(await isDecisionOf(ctx, requestId, copy.account_id))) continue;
        const message = decidedMessage(d.card, d.request.state, d.decisions, {
          error: d.request.error,
          expiresAt: d.request.expiresAt,
          decidedAt: d.request.decidedAt,
          required: policy?.requiredApprovals,
        });
        try {
          await bot.call('chat.update', { channel: copy.channel, ts: copy.ts, text: message.text, blocks: JSON.stringify(message.blocks) });
          await db.updateTable('slack_messages').set({ updated_at: ctx.now() }).where('id', '=', copy.id).execute();
        } catch (error) {
          // A deleted DM or a closed conversation: nothing to update, nothing to retry.
          if (error instanceof SlackApiError && ['message_not_found', 'channel_not_found', 'cant_update_message', 'edit_window_closed'].includes(error.slackError)) continue;
          throw error;
        }
      }
    },
  };
}

async function isDecisionOf(ctx: SlackAppContext, requestId: number, accountId: number): Promise<boolean> {
  const row = await ctx.db.selectFrom('approvals').select('id').where('request_id', '=', requestId).where('approver_id', '=', accountId).executeTakeFirst();
  return row !== undefined;
}

/** Where to answer a click: the message's channel, or (Home tab) the person's DM with the app. */
function channelOf(body: BlockAction): string | undefined {
  return body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
}

async function decide(
  ctx: SlackAppContext,
  services: SlackAppServices,
  client: ListenerClient,
  input: { action: 'approve' | 'deny'; slackUserId: string; teamId?: string; requestId: number; comment?: string | null; channel?: string },
): Promise<string | undefined> {
  const person = await personOf(ctx.db, input.slackUserId, input.teamId);
  const unknown = whyUnknown(person);
  const name = input.action === 'approve' ? 'approveRequest' : 'denyRequest';
  if (unknown) {
    await auditSlackAction(ctx.db, person, name, 'DENIED', { requestId: input.requestId, errorCode: 'UNKNOWN_SLACK_USER' });
    return `You cannot decide request ${input.requestId}: ${unknown}`;
  }
  const call = { requestId: input.requestId, actor: actorOf(person), comment: input.comment ?? null, origin: { ip: null, userAgent: 'slack' } };
  const result = input.action === 'approve' ? await services.requests.approve(call) : await services.requests.deny(call);
  const error = result.errors[0];
  await auditSlackAction(ctx.db, person, name, error ? 'DENIED' : 'SUCCESS', { requestId: input.requestId, errorCode: error?.code ?? null, details: { state: result.request?.state ?? null } });
  if (error) return `Request ${input.requestId} was not ${input.action === 'approve' ? 'approved' : 'denied'}: ${error.message}`;
  return undefined;
}

export function registerApprovals(app: BoltApp, ctx: SlackAppContext, services: SlackAppServices, onDecided: (slackUserId: string) => Promise<void>): void {
  app.action<BlockAction<ButtonAction>>(IDS.approve, async ({ ack, body, client }) => {
    await ack();
    const requestId = Number(body.actions[0]?.value);
    const refusal = await decide(ctx, services, client, { action: 'approve', slackUserId: body.user.id, teamId: body.team?.id, requestId });
    if (refusal) await tellEphemeral(client, { channel: channelOf(body), user: body.user.id, text: refusal });
    if (body.container?.type === 'view') await onDecided(body.user.id);
  });

  // Deny asks for a reason first, in a modal (the trigger is good for 3 seconds: open it at once).
  app.action<BlockAction<ButtonAction>>(IDS.deny, async ({ ack, body, client }) => {
    await ack();
    const requestId = Number(body.actions[0]?.value);
    const d = (await requestDetails(ctx.db, [requestId])).get(requestId);
    await client.views.open({ trigger_id: body.trigger_id, view: denyModal(requestId, d?.card.entitlement.name ?? `request ${requestId}`) });
  });

  app.view<ViewSubmitAction>(IDS.denyModal, async ({ ack, body, view, client }) => {
    const { requestId } = JSON.parse(view.private_metadata || '{}') as { requestId?: number };
    const reason = view.state.values[IDS.blocks.reason]?.[IDS.blocks.reason]?.value?.trim() ?? '';
    if (!reason) {
      await ack({ response_action: 'errors', errors: { [IDS.blocks.reason]: 'Say why, so the requester knows' } });
      return;
    }
    const refusal = await decide(ctx, services, client, { action: 'deny', slackUserId: body.user.id, teamId: body.team?.id, requestId: Number(requestId), comment: reason });
    if (refusal) {
      await ack({ response_action: 'errors', errors: { [IDS.blocks.reason]: refusal.slice(0, 2000) } });
      return;
    }
    await ack();
    await onDecided(body.user.id);
  });
}
