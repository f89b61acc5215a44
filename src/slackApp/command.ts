import type { App as BoltApp, BlockAction, ExternalSelectAction, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import type { KnownBlock, PlainTextOption } from '@slack/types';
import { sql } from 'kysely';
import { describeDuration, loadPolicy } from '../access/policies.ts';
import { clip, DURATIONS, IDS, POLICY_MAXIMUM, requestModal, section, slackDate } from './blocks.ts';
import { tellEphemeral, type SlackAppContext, type SlackAppServices } from './context.ts';
import { actorOf, auditSlackAction, personOf, whyUnknown } from './identity.ts';

/**
 * Requests from Slack: the slash command opens the request modal (`/access`), or lists the
 * person's access (`/access mine`); the modal's entitlement picker searches the cache as they
 * type; submitting it is `requestAccess`, with refusals shown on the modal's fields.
 */

const DURATION_SECONDS = new Map(DURATIONS.map((d) => [d.value, d.seconds]));

/** Options Slack shows at most in an external_select. */
const MAX_OPTIONS = 100;

/** Requestable, grantable entitlements whose name or id contains the text, for the picker. */
export async function searchRequestable(ctx: SlackAppContext, text: string): Promise<PlainTextOption[]> {
  const pattern = `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.db
    .selectFrom('entitlements as e')
    .innerJoin('resources as r', 'r.id', 'e.resource_id')
    .select(['e.id', 'e.display_name', 'e.external_id', 'e.description', 'r.display_name as resource'])
    .where('e.requestable', '=', true)
    .where('e.grantable', '=', true)
    .where('r.status', '<>', 'DELETED')
    .where((eb) => eb.or([eb('e.display_name', 'ilike', pattern), eb('e.external_id', 'ilike', pattern), eb('r.display_name', 'ilike', pattern)]))
    .orderBy(sql`lower(e.display_name)`)
    .orderBy('e.id')
    .limit(MAX_OPTIONS)
    .execute();
  return rows.map((r) => ({
    text: { type: 'plain_text', text: clip(r.display_name, 75), emoji: true },
    value: String(r.id),
    description: { type: 'plain_text', text: clip(r.description || r.external_id, 75), emoji: true },
  }));
}

/** requestAccess's fields, as the modal's blocks. */
const FIELD_BLOCKS: Record<string, string> = {
  'input.entitlementId': IDS.blocks.entitlement,
  'input.duration': IDS.blocks.duration,
  'input.justification': IDS.blocks.justification,
  'input.accountId': IDS.blocks.forWhom,
};

async function mine(ctx: SlackAppContext, accountId: number): Promise<{ text: string; blocks: KnownBlock[] }> {
  const grants = await ctx.db
    .selectFrom('grants as g')
    .innerJoin('entitlements as e', 'e.id', 'g.entitlement_id')
    .select(['e.display_name', 'e.external_id', 'g.expires_at', 'g.source'])
    .where('g.account_id', '=', accountId)
    .orderBy('g.expires_at', 'asc')
    .orderBy('e.display_name')
    .execute();
  const pending = await ctx.db
    .selectFrom('requests as r')
    .innerJoin('entitlements as e', 'e.id', 'r.entitlement_id')
    .select(['r.id', 'r.state', 'e.display_name'])
    .where((eb) => eb.or([eb('r.account_id', '=', accountId), eb('r.requester_id', '=', accountId)]))
    .where('r.state', 'in', ['PENDING', 'APPROVED', 'PROVISIONING', 'FAILED'])
    .orderBy('r.id', 'desc')
    .limit(20)
    .execute();
  const timeBound = grants.filter((g) => g.expires_at !== null);
  const lines = (items: string[], more: number) => (items.length === 0 ? '_none_' : items.join('\n') + (more > 0 ? `\n…and ${more} more` : ''));
  const shown = grants.slice(0, 30).map((g) => `• *${g.display_name}* (\`${g.external_id}\`)${g.expires_at ? ` until ${slackDate(g.expires_at)}` : ''}`);
  return {
    text: `You hold ${grants.length} entitlement(s); ${pending.length} request(s) are open; ${timeBound.length} grant(s) are time-bound.`,
    blocks: [
      section(`*Your access* (${grants.length})\n${lines(shown, grants.length - shown.length)}`),
      section(`*Open requests* (${pending.length})\n${lines(pending.map((r) => `• Request ${r.id}: *${r.display_name}* — ${r.state.toLowerCase()}`), 0)}`),
      section(`*Time-bound access* (${timeBound.length})\n${lines(timeBound.slice(0, 20).map((g) => `• *${g.display_name}* ends ${slackDate(g.expires_at as Date)}`), timeBound.length - 20)}`),
    ],
  };
}

export function registerCommand(app: BoltApp, ctx: SlackAppContext, services: SlackAppServices): void {
  app.command(ctx.slashCommand, async ({ ack, command, client }) => {
    const c = command as SlashCommand;
    const sub = c.text.trim().toLowerCase();
    // The form: acknowledge at once (Slack waits 3 s), then open it with the trigger (also 3 s).
    const form = sub !== 'mine' && sub !== 'help';
    if (form) await ack();
    const person = await personOf(ctx.db, c.user_id, c.team_id);
    const unknown = whyUnknown(person);
    if (unknown && form) {
      await tellEphemeral(client, { channel: c.channel_id, user: c.user_id, text: `Sorry: ${unknown}` });
      await auditSlackAction(ctx.db, person, 'command', 'DENIED', { errorCode: 'UNKNOWN_SLACK_USER', details: { command: c.command, text: sub } });
      return;
    }
    if (unknown) {
      await ack({ response_type: 'ephemeral', text: `Sorry: ${unknown}` });
      await auditSlackAction(ctx.db, person, 'command', 'DENIED', { errorCode: 'UNKNOWN_SLACK_USER', details: { command: c.command, text: sub } });
      return;
    }
    if (sub === 'mine') {
      const answer = await mine(ctx, person.account?.id as number);
      await ack({ response_type: 'ephemeral', ...answer });
      await auditSlackAction(ctx.db, person, 'listMyAccess', 'SUCCESS', { details: { command: c.command } });
      return;
    }
    if (sub === 'help') {
      await ack({ response_type: 'ephemeral', text: `\`${ctx.slashCommand}\` opens the request form; \`${ctx.slashCommand} mine\` lists your access, open requests and time-bound grants. Approvals and reviews wait in the app's Home tab.` });
      return;
    }
    await client.views.open({ trigger_id: c.trigger_id, view: requestModal() });
    await auditSlackAction(ctx.db, person, 'openRequestForm', 'SUCCESS', { details: { command: c.command } });
  });

  app.options<'block_suggestion'>(IDS.blocks.entitlement, async ({ ack, body }) => {
    await ack({ options: await searchRequestable(ctx, body.value) });
  });

  // An entitlement was picked: the modal now offers only durations its policy allows.
  app.action<BlockAction<ExternalSelectAction>>(IDS.blocks.entitlement, async ({ ack, body, client }) => {
    await ack();
    const picked = body.actions[0]?.selected_option;
    const view = body.view;
    if (!picked || !view) return;
    const policy = await loadPolicy(ctx.db, Number(picked.value));
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: requestModal({ entitlement: { id: Number(picked.value), name: picked.text.text }, maxSeconds: policy?.maxDurationSeconds ?? null, reasonRequired: policy?.reasonRequired ?? false }),
    });
  });

  app.view<ViewSubmitAction>(IDS.requestModal, async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const person = await personOf(ctx.db, body.user.id, body.team?.id);
    const unknown = whyUnknown(person);
    if (unknown) {
      await ack({ response_action: 'errors', errors: { [IDS.blocks.entitlement]: unknown } });
      await auditSlackAction(ctx.db, person, 'requestAccess', 'DENIED', { errorCode: 'UNKNOWN_SLACK_USER' });
      return;
    }
    const entitlementId = Number(values[IDS.blocks.entitlement]?.[IDS.blocks.entitlement]?.selected_option?.value);
    const durationChoice = values[IDS.blocks.duration]?.[IDS.blocks.duration]?.selected_option?.value ?? POLICY_MAXIMUM;
    const justification = values[IDS.blocks.justification]?.[IDS.blocks.justification]?.value ?? null;
    const forUser = values[IDS.blocks.forWhom]?.[IDS.blocks.forWhom]?.selected_user ?? null;
    const errors: Record<string, string> = {};
    if (!Number.isInteger(entitlementId)) errors[IDS.blocks.entitlement] = 'Pick what you need access to';
    let accountId: number | undefined;
    if (forUser && forUser !== body.user.id) {
      const other = await personOf(ctx.db, forUser);
      if (!other.account) errors[IDS.blocks.forWhom] = 'slackgate does not know this person yet';
      accountId = other.account?.id;
    }
    // The duration list is the same for every entitlement: say at once when this one allows less.
    const duration = durationChoice === POLICY_MAXIMUM ? null : durationChoice;
    if (Object.keys(errors).length === 0 && duration) {
      const policy = await loadPolicy(ctx.db, entitlementId);
      const seconds = DURATION_SECONDS.get(duration);
      if (policy?.maxDurationSeconds != null && seconds !== undefined && seconds > policy.maxDurationSeconds) {
        errors[IDS.blocks.duration] = `At most ${describeDuration(policy.maxDurationSeconds)} for this entitlement; pick a shorter time or "As long as the policy allows"`;
      }
    }
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      await auditSlackAction(ctx.db, person, 'requestAccess', 'DENIED', { errorCode: 'VALIDATION', details: { fields: Object.keys(errors) } });
      return;
    }
    const result = await services.requests.requestAccess({ entitlementId, accountId, justification, duration, actor: actorOf(person), origin: { ip: null, userAgent: 'slack' } });
    if (result.errors.length > 0) {
      const fieldErrors: Record<string, string> = {};
      for (const error of result.errors) fieldErrors[FIELD_BLOCKS[error.field ?? ''] ?? IDS.blocks.entitlement] = clip(error.message, 2000);
      await ack({ response_action: 'errors', errors: fieldErrors });
      await auditSlackAction(ctx.db, person, 'requestAccess', 'DENIED', { errorCode: result.errors[0]?.code ?? null, details: { entitlementId } });
      return;
    }
    await ack();
    const request = result.request;
    await auditSlackAction(ctx.db, person, 'requestAccess', 'SUCCESS', { requestId: request?.id ?? null, target: request ? { type: 'request', id: request.id } : undefined, details: { state: request?.state ?? null } });
    if (request) {
      const what = request.state === 'PENDING' ? 'is waiting for approval; approvers have been asked in Slack' : `is ${request.state.toLowerCase()}`;
      await client.chat.postMessage({ channel: body.user.id, text: `Your access request ${request.id} ${what}.` });
    }
  });
}
