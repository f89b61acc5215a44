import type { ActionsBlock, Button, HomeView, InputBlock, KnownBlock, ModalView, PlainTextOption, SectionBlock } from '@slack/types';
import { describeDuration } from '../access/policies.ts';

// Block Kit for every surface of the app, typed by @slack/types. Limits that matter here
// (api.slack.com/reference/block-kit): 50 blocks per message, 100 per modal or Home tab,
// 3000 characters per section text, 75 per button or option text, 150 per option value.

/** action_id / callback_id of every interactive element: the listeners register these. */
export const IDS = {
  approve: 'request.approve',
  deny: 'request.deny',
  denyModal: 'request.denyReason',
  requestModal: 'access.request',
  extend: 'grant.extend',
  keep: 'review.keep',
  revoke: 'review.revoke',
  reviewPage: 'home.reviewPage',
  blocks: { entitlement: 'entitlement', duration: 'duration', justification: 'justification', forWhom: 'for_whom', reason: 'reason' },
} as const;

/** Review items shown per page of the Home tab (two blocks each, within the 100-block budget). */
export const REVIEW_PAGE_SIZE = 20;

export function plain(text: string): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: clip(text, 75), emoji: true };
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function section(text: string, accessory?: Button): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) }, ...(accessory ? { accessory } : {}) };
}

export function button(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', action_id: actionId, text: plain(text), value, ...(style ? { style } : {}) };
}

/** Slack renders this in each reader's time zone; the fallback is UTC. */
export function slackDate(at: Date): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} at {time}|${at.toISOString().replace(/\.\d{3}Z$/, 'Z')}>`;
}

export interface PersonLabel {
  slackId: string;
  name: string | null;
}

export function mention(person: PersonLabel | undefined): string {
  return person ? `<@${person.slackId}>` : 'someone';
}

export interface RequestCard {
  id: number;
  entitlement: { externalId: string; name: string };
  requester?: PersonLabel;
  account: PersonLabel;
  justification: string | null;
  seconds: number | null;
  extension: boolean;
}

function cardText(card: RequestCard): string {
  const forWhom = card.requester && card.requester.slackId !== card.account.slackId ? ` for ${mention(card.account)}` : '';
  const length = card.seconds ? `for ${describeDuration(card.seconds)}` : 'with no end date';
  const what = card.extension ? 'to extend' : 'for';
  return `${mention(card.requester ?? card.account)} asks ${what} *${card.entitlement.name}* (\`${card.entitlement.externalId}\`)${forWhom} ${length}.`;
}

/** The approver's DM: who asks, for what, why, for how long, and the two buttons. */
export function approvalMessage(card: RequestCard): { text: string; blocks: KnownBlock[] } {
  const text = cardText(card);
  return {
    text: `Access request ${card.id} needs your approval: ${text.replace(/\*/g, '')}`,
    blocks: [
      section(`:key: *Access request ${card.id} needs your approval*\n${text}`),
      section(`*Why:* ${card.justification ?? '(no justification given)'}`),
      approvalButtons(card.id),
    ],
  };
}

export function approvalButtons(requestId: number): ActionsBlock {
  return {
    type: 'actions',
    block_id: `request:${requestId}`,
    elements: [button(IDS.approve, 'Approve', String(requestId), 'primary'), button(IDS.deny, 'Deny', String(requestId), 'danger')],
  };
}

export interface Decision {
  decision: 'APPROVE' | 'DENY';
  by: PersonLabel;
  at: Date;
  comment: string | null;
}

/** What an approver's copy says once decided (or, while still pending, once they decided). */
export function decidedMessage(
  card: RequestCard,
  state: string,
  decisions: Decision[],
  extra: { error?: string | null; expiresAt?: Date | null; decidedAt?: Date | null; required?: number },
): { text: string; blocks: KnownBlock[] } {
  const approvals = decisions.filter((d) => d.decision === 'APPROVE');
  const denial = decisions.find((d) => d.decision === 'DENY');
  const approvedBy = approvals.map((d) => `${mention(d.by)} ${slackDate(d.at)}`).join(', ');
  let outcome: string;
  switch (state) {
    case 'PENDING':
      outcome = `:hourglass: Approved by ${approvedBy}; waiting for ${Math.max(0, (extra.required ?? 1) - approvals.length)} more approval(s).`;
      break;
    case 'APPROVED':
    case 'PROVISIONING':
      outcome = `:white_check_mark: *Approved* by ${approvedBy}; being granted in Slack.`;
      break;
    case 'GRANTED':
      outcome = `:white_check_mark: *Approved* by ${approvedBy}; granted${extra.expiresAt ? ` until ${slackDate(extra.expiresAt)}` : ''}.`;
      break;
    case 'FAILED':
      outcome = `:warning: *Approved* by ${approvedBy}, but Slack refused it: ${extra.error ?? 'unknown error'}.`;
      break;
    case 'DENIED':
      outcome = `:no_entry: *Denied* by ${mention(denial?.by)} ${denial ? slackDate(denial.at) : ''}${denial?.comment ? `: “${denial.comment}”` : ''}.`;
      break;
    case 'CANCELLED':
      outcome = extra.error ? `:heavy_multiplication_x: *Closed*: ${extra.error}.` : `:heavy_multiplication_x: *Cancelled* by the requester${extra.decidedAt ? ` ${slackDate(extra.decidedAt)}` : ''}.`;
      break;
    default:
      outcome = `*${state.toLowerCase()}*${approvedBy ? ` (approved by ${approvedBy})` : ''}.`;
  }
  const text = cardText(card);
  return {
    text: `Access request ${card.id}: ${state.toLowerCase()}`,
    blocks: [
      section(`:key: *Access request ${card.id}*\n${text}`),
      section(`*Why:* ${card.justification ?? '(no justification given)'}`),
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(outcome, 3000) }] },
    ],
  };
}

export function denyModal(requestId: number, entitlementName: string): ModalView {
  return {
    type: 'modal',
    callback_id: IDS.denyModal,
    private_metadata: JSON.stringify({ requestId }),
    title: plain('Deny request'),
    submit: plain('Deny'),
    close: plain('Cancel'),
    blocks: [
      section(`Deny access request ${requestId} for *${entitlementName}*? The requester sees your reason.`),
      {
        type: 'input',
        block_id: IDS.blocks.reason,
        label: plain('Reason'),
        element: { type: 'plain_text_input', action_id: IDS.blocks.reason, multiline: true, max_length: 1000 },
      },
    ],
  };
}

/** Durations offered in the request modal; longer ones than the policy allows are refused on submit. */
export const DURATIONS: { value: string; seconds: number }[] = [
  { value: 'PT1H', seconds: 3_600 },
  { value: 'PT4H', seconds: 14_400 },
  { value: 'PT8H', seconds: 28_800 },
  { value: 'P1D', seconds: 86_400 },
  { value: 'P3D', seconds: 259_200 },
  { value: 'P7D', seconds: 604_800 },
  { value: 'P30D', seconds: 2_592_000 },
];
/** "As long as the policy allows" (its maxDuration; permanent when it has none). */
export const POLICY_MAXIMUM = 'MAX';

export function durationOption(value: string): PlainTextOption {
  const known = DURATIONS.find((d) => d.value === value);
  return { text: plain(known ? describeDuration(known.seconds) : 'As long as the policy allows'), value };
}

/**
 * The request modal: entitlement (searched as you type), duration, justification, for whom.
 * Picking an entitlement updates it (dispatch_action): durations up to that entitlement's
 * maxDuration, and the justification required when its policy says so.
 */
export function requestModal(options: { entitlement?: { id: number; name: string }; maxSeconds?: number | null; reasonRequired?: boolean } = {}): ModalView {
  const durations = DURATIONS.filter((d) => options.maxSeconds == null || d.seconds <= options.maxSeconds).map((d) => durationOption(d.value));
  const limit = options.maxSeconds != null ? `At most ${describeDuration(options.maxSeconds)} for this entitlement` : 'Never longer than the entitlement’s policy allows';
  const inputs: InputBlock[] = [
    {
      type: 'input',
      block_id: IDS.blocks.entitlement,
      label: plain('Access to'),
      hint: plain('Type part of a group, channel or role name'),
      dispatch_action: true,
      element: {
        type: 'external_select',
        action_id: IDS.blocks.entitlement,
        placeholder: plain('Search entitlements'),
        min_query_length: 1,
        ...(options.entitlement ? { initial_option: { text: plain(options.entitlement.name), value: String(options.entitlement.id) } } : {}),
      },
    },
    {
      type: 'input',
      block_id: IDS.blocks.duration,
      label: plain('For how long'),
      hint: { type: 'plain_text', text: limit },
      element: { type: 'static_select', action_id: IDS.blocks.duration, options: [...durations, durationOption(POLICY_MAXIMUM)], initial_option: durationOption(POLICY_MAXIMUM) },
    },
    {
      type: 'input',
      block_id: IDS.blocks.justification,
      label: plain('Why do you need it?'),
      optional: options.reasonRequired !== true,
      hint: plain(options.reasonRequired ? 'Required for this entitlement; approvers read it' : 'Approvers read it'),
      element: { type: 'plain_text_input', action_id: IDS.blocks.justification, multiline: true, max_length: 2000 },
    },
    {
      type: 'input',
      block_id: IDS.blocks.forWhom,
      label: plain('For someone else'),
      optional: true,
      element: { type: 'users_select', action_id: IDS.blocks.forWhom, placeholder: plain('Yourself') },
    },
  ];
  return { type: 'modal', callback_id: IDS.requestModal, title: plain('Request access'), submit: plain('Request'), close: plain('Cancel'), blocks: inputs };
}

export interface TimeBoundGrant {
  grantId: number;
  entitlement: { externalId: string; name: string };
  expiresAt: Date;
}

export function reminderMessage(grant: TimeBoundGrant, leadSeconds: number): { text: string; blocks: KnownBlock[] } {
  const text = `Your access to *${grant.entitlement.name}* (\`${grant.entitlement.externalId}\`) ends ${slackDate(grant.expiresAt)} (in about ${describeDuration(leadSeconds)}).`;
  return {
    text: `Your access to ${grant.entitlement.name} ends in about ${describeDuration(leadSeconds)}`,
    blocks: [section(`:alarm_clock: ${text}`), { type: 'actions', block_id: `grant:${grant.grantId}`, elements: [button(IDS.extend, 'Extend', String(grant.grantId), 'primary')] }],
  };
}

export function extendedReminder(grant: TimeBoundGrant, note: string): { text: string; blocks: KnownBlock[] } {
  return {
    text: note,
    blocks: [section(`:alarm_clock: Your access to *${grant.entitlement.name}* (\`${grant.entitlement.externalId}\`) ends ${slackDate(grant.expiresAt)}.`), { type: 'context', elements: [{ type: 'mrkdwn', text: clip(note, 3000) }] }],
  };
}

export interface HomeContent {
  approvals: RequestCard[];
  requests: { id: number; entitlement: string; state: string; createdAt: Date; expiresAt: Date | null }[];
  timeBound: TimeBoundGrant[];
  reviews: { total: number; offset: number; items: { reviewId: number; reviewName: string; itemId: number; entitlement: string; account: PersonLabel; dueAt: Date | null }[] };
}

/** The Home tab: what waits for me, my requests, my time-bound access, my review items. */
export function homeView(content: HomeContent): HomeView {
  const blocks: KnownBlock[] = [{ type: 'header', text: plain('Waiting for your approval') }];
  if (content.approvals.length === 0) blocks.push(section('_Nothing waits for you._'));
  for (const card of content.approvals.slice(0, 10)) {
    blocks.push(section(`*Request ${card.id}*: ${cardText(card)}\n*Why:* ${card.justification ?? '(no justification given)'}`), approvalButtons(card.id));
  }
  blocks.push({ type: 'divider' }, { type: 'header', text: plain('Your requests') });
  blocks.push(
    section(
      content.requests.length === 0
        ? '_You have no requests yet. Use the slash command to ask for access._'
        : content.requests.map((r) => `• Request ${r.id}: *${r.entitlement}* — ${r.state.toLowerCase()} (${slackDate(r.createdAt)})${r.expiresAt && r.state === 'GRANTED' ? `, until ${slackDate(r.expiresAt)}` : ''}`).join('\n'),
    ),
  );
  blocks.push({ type: 'divider' }, { type: 'header', text: plain('Your time-bound access') });
  if (content.timeBound.length === 0) blocks.push(section('_None._'));
  for (const g of content.timeBound.slice(0, 10)) blocks.push(section(`*${g.entitlement.name}* (\`${g.entitlement.externalId}\`) ends ${slackDate(g.expiresAt)}`, button(IDS.extend, 'Extend', String(g.grantId))));
  const { reviews } = content;
  blocks.push({ type: 'divider' }, { type: 'header', text: plain('Access to review') });
  if (reviews.total === 0) blocks.push(section('_No review items wait for you._'));
  else blocks.push(section(`${reviews.total} item(s) wait for your decision; showing ${reviews.offset + 1}–${reviews.offset + reviews.items.length}.`));
  for (const item of reviews.items) {
    blocks.push(
      section(`*${item.reviewName}*: does ${mention(item.account)} still need *${item.entitlement}*?${item.dueAt ? ` Due ${slackDate(item.dueAt)}.` : ''}`),
      {
        type: 'actions',
        block_id: `review:${item.reviewId}:${item.itemId}`,
        elements: [button(IDS.keep, 'Keep', `${item.reviewId}:${item.itemId}`, 'primary'), button(IDS.revoke, 'Revoke', `${item.reviewId}:${item.itemId}`, 'danger')],
      },
    );
  }
  const paging: Button[] = [];
  if (reviews.offset > 0) paging.push(button(IDS.reviewPage, 'Previous', String(Math.max(0, reviews.offset - REVIEW_PAGE_SIZE))));
  if (reviews.offset + reviews.items.length < reviews.total) paging.push(button(IDS.reviewPage, 'Next', String(reviews.offset + REVIEW_PAGE_SIZE)));
  if (paging.length > 0) blocks.push({ type: 'actions', block_id: 'review:paging', elements: paging });
  return { type: 'home', callback_id: 'home', private_metadata: JSON.stringify({ reviewOffset: reviews.offset }), blocks };
}
