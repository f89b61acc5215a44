import type { App as BoltApp, BlockAction, ButtonAction } from '@slack/bolt';
import { loadPolicies } from '../access/policies.ts';
import { SlackApiError } from '../slack/errors.ts';
import { extendedReminder, homeView, IDS, REVIEW_PAGE_SIZE, type HomeContent } from './blocks.ts';
import { itemsFor } from './assignments.ts';
import { peopleById, requestDetails } from './cards.ts';
import { tellEphemeral, type ListenerClient, type SlackAppContext, type SlackAppServices } from './context.ts';
import { actorOf, auditSlackAction, personOf, whyUnknown, type SlackPerson } from './identity.ts';

/** Requests that wait for this person's decision (they approve the entitlement and have not decided). */
async function pendingApprovalsOf(ctx: SlackAppContext, accountId: number) {
  const pending = await ctx.db
    .selectFrom('requests')
    .select(['id', 'entitlement_id', 'requester_id', 'account_id'])
    .where('state', '=', 'PENDING')
    .where('kind', '=', 'GRANT')
    .orderBy('id')
    .limit(500)
    .execute();
  const decided = new Set(
    (await ctx.db.selectFrom('approvals').select('request_id').where('approver_id', '=', accountId).where('request_id', 'in', pending.length ? pending.map((p) => p.id) : [-1]).execute()).map((r) => r.request_id),
  );
  const policies = await loadPolicies(ctx.db, pending.map((p) => p.entitlement_id));
  const mine = pending.filter((p) => p.requester_id !== accountId && p.account_id !== accountId && !decided.has(p.id) && policies.get(p.entitlement_id)?.approverIds.includes(accountId));
  const details = await requestDetails(ctx.db, mine.slice(0, 10).map((p) => p.id));
  return mine.slice(0, 10).flatMap((p) => details.get(p.id)?.card ?? []);
}

export async function homeContent(ctx: SlackAppContext, accountId: number, reviewOffset = 0): Promise<HomeContent> {
  const requests = await ctx.db
    .selectFrom('requests as r')
    .innerJoin('entitlements as e', 'e.id', 'r.entitlement_id')
    .select(['r.id', 'r.state', 'r.created_at', 'r.expires_at', 'e.display_name'])
    .where('r.kind', '=', 'GRANT')
    .where((eb) => eb.or([eb('r.requester_id', '=', accountId), eb('r.account_id', '=', accountId)]))
    .orderBy('r.id', 'desc')
    .limit(10)
    .execute();
  const timeBound = await ctx.db
    .selectFrom('grants as g')
    .innerJoin('entitlements as e', 'e.id', 'g.entitlement_id')
    .select(['g.id', 'g.expires_at', 'e.external_id', 'e.display_name'])
    .where('g.account_id', '=', accountId)
    .where('g.expires_at', 'is not', null)
    .where('g.source', '<>', 'SYNC')
    .orderBy('g.expires_at')
    .limit(10)
    .execute();
  const items = await itemsFor(ctx, accountId);
  const offset = Math.min(Math.max(0, reviewOffset), Math.max(0, items.length - 1));
  const page = items.slice(offset, offset + REVIEW_PAGE_SIZE);
  const entitlements = new Map(
    page.length ? (await ctx.db.selectFrom('entitlements').select(['id', 'display_name']).where('id', 'in', page.map((i) => i.entitlementId)).execute()).map((e) => [e.id, e.display_name]) : [],
  );
  const people = await peopleById(ctx.db, page.map((i) => i.accountId));
  return {
    approvals: await pendingApprovalsOf(ctx, accountId),
    requests: requests.map((r) => ({ id: r.id, entitlement: r.display_name, state: r.state, createdAt: r.created_at, expiresAt: r.expires_at })),
    timeBound: timeBound.map((g) => ({ grantId: g.id, entitlement: { externalId: g.external_id, name: g.display_name }, expiresAt: g.expires_at as Date })),
    reviews: {
      total: items.length,
      offset: page.length ? offset : 0,
      items: page.map((i) => {
        const p = people.get(i.accountId);
        return { reviewId: i.reviewId, reviewName: i.reviewName, itemId: i.itemId, entitlement: entitlements.get(i.entitlementId) ?? String(i.entitlementId), account: { slackId: p?.slack_id ?? '?', name: p?.real_name ?? null }, dueAt: i.dueAt };
      }),
    },
  };
}

/** Publishes a person's Home tab (views.publish); people slackgate does not know see why. */
export async function publishHome(ctx: SlackAppContext, client: ListenerClient, slackUserId: string, reviewOffset = 0): Promise<void> {
  const person = await personOf(ctx.db, slackUserId);
  const unknown = whyUnknown(person);
  const view = unknown
    ? { type: 'home' as const, blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: `Sorry: ${unknown}` } }] }
    : homeView(await homeContent(ctx, person.account?.id as number, reviewOffset));
  await client.views.publish({ user_id: slackUserId, view });
}

function offsetOf(body: BlockAction): number {
  const view = (body as { view?: { private_metadata?: string } }).view;
  try {
    return Number((JSON.parse(view?.private_metadata || '{}') as { reviewOffset?: number }).reviewOffset ?? 0) || 0;
  } catch {
    return 0;
  }
}

/** Asks for more time on a time-bound grant: an extension request, as `requestAccess(extendsGrantId)`. */
async function extend(ctx: SlackAppContext, services: SlackAppServices, person: SlackPerson, grantId: number): Promise<{ text: string; ok: boolean }> {
  const grant = await ctx.db
    .selectFrom('grants as g')
    .leftJoin('requests as r', 'r.id', 'g.request_id')
    .select(['g.id', 'g.account_id', 'r.requested_duration', 'r.justification'])
    .where('g.id', '=', grantId)
    .executeTakeFirst();
  if (!grant) return { ok: false, text: 'That access has already ended; request it again with the slash command.' };
  if (grant.account_id !== person.account?.id) return { ok: false, text: 'Only the person who holds this access can extend it.' };
  // The same reason as before: policies that require one get it, approvers read it.
  const justification = grant.justification ? `extension: ${grant.justification}` : 'extension of time-bound access';
  const result = await services.requests.requestAccess({ extendsGrantId: grantId, duration: grant.requested_duration ?? null, justification, actor: actorOf(person), origin: { ip: null, userAgent: 'slack' } });
  const error = result.errors[0];
  await auditSlackAction(ctx.db, person, 'extendGrant', error ? 'DENIED' : 'SUCCESS', { requestId: result.request?.id ?? null, errorCode: error?.code ?? null, target: { type: 'grant', id: grantId } });
  if (error) return { ok: false, text: `Not extended: ${error.message}` };
  const r = result.request;
  if (r?.state === 'GRANTED') return { ok: true, text: `Extended${r.expires_at ? ` until ${r.expires_at.toISOString()}` : ''} (request ${r.id}).` };
  return { ok: true, text: `Extension requested (request ${r?.id}); approvers have been asked.` };
}

export function registerHome(app: BoltApp, ctx: SlackAppContext, services: SlackAppServices): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(ctx, client, event.user);
    const person = await personOf(ctx.db, event.user);
    await auditSlackAction(ctx.db, person, 'openHome', whyUnknown(person) ? 'DENIED' : 'SUCCESS', whyUnknown(person) ? { errorCode: 'UNKNOWN_SLACK_USER' } : {});
  });

  app.action<BlockAction<ButtonAction>>(IDS.reviewPage, async ({ ack, body, client }) => {
    await ack();
    await publishHome(ctx, client, body.user.id, Number(body.actions[0]?.value) || 0);
  });

  for (const [actionId, decision] of [
    [IDS.keep, 'KEEP'],
    [IDS.revoke, 'REVOKE'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const [reviewId, itemId] = String(body.actions[0]?.value).split(':').map(Number);
      const person = await personOf(ctx.db, body.user.id, body.team?.id);
      const unknown = whyUnknown(person);
      const target = { type: 'reviewItem', id: itemId ?? 0 };
      if (unknown) {
        await auditSlackAction(ctx.db, person, 'decideReviewItem', 'DENIED', { errorCode: 'UNKNOWN_SLACK_USER', target });
        await tellEphemeral(client, { user: body.user.id, text: `Sorry: ${unknown}` });
        return;
      }
      const result = await services.reviews.decide({ reviewId: reviewId ?? 0, decisions: [{ itemId: itemId ?? 0, decision }], actor: actorOf(person), origin: { ip: null, userAgent: 'slack' } });
      const error = result.errors[0];
      await auditSlackAction(ctx.db, person, 'decideReviewItem', error ? 'DENIED' : 'SUCCESS', { errorCode: error?.code ?? null, target, details: { reviewId, decision } });
      if (error) await tellEphemeral(client, { user: body.user.id, text: `Not recorded: ${error.message}` });
      await publishHome(ctx, client, body.user.id, offsetOf(body));
    });
  }

  app.action<BlockAction<ButtonAction>>(IDS.extend, async ({ ack, body, client }) => {
    await ack();
    const grantId = Number(body.actions[0]?.value);
    const person = await personOf(ctx.db, body.user.id, body.team?.id);
    const unknown = whyUnknown(person);
    const channel = body.channel?.id;
    if (unknown) {
      await auditSlackAction(ctx.db, person, 'extendGrant', 'DENIED', { errorCode: 'UNKNOWN_SLACK_USER', target: { type: 'grant', id: grantId } });
      await tellEphemeral(client, { channel, user: body.user.id, text: `Sorry: ${unknown}` });
      return;
    }
    const outcome = await extend(ctx, services, person, grantId);
    const message = body.container?.type === 'message' ? (body.container as { message_ts?: string; channel_id?: string }) : undefined;
    if (outcome.ok && message?.message_ts && message.channel_id) {
      // The reminder loses its button: the extension is asked for.
      const grant = await ctx.db.selectFrom('grants as g').innerJoin('entitlements as e', 'e.id', 'g.entitlement_id').select(['g.expires_at', 'e.external_id', 'e.display_name']).where('g.id', '=', grantId).executeTakeFirst();
      if (grant?.expires_at) {
        const updated = extendedReminder({ grantId, entitlement: { externalId: grant.external_id, name: grant.display_name }, expiresAt: grant.expires_at }, outcome.text);
        try {
          await client.chat.update({ channel: message.channel_id, ts: message.message_ts, text: updated.text, blocks: updated.blocks });
        } catch (error) {
          if (!(error instanceof SlackApiError)) ctx.logger.warn({ err: (error as Error).message }, 'reminder not updated');
        }
      }
    }
    await tellEphemeral(client, { channel, user: body.user.id, text: outcome.text });
    if (body.container?.type === 'view') await publishHome(ctx, client, body.user.id);
  });
}
