import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, RequestsTable } from '../db/schema.ts';
import { enqueueJob } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';
import type { Logger } from '../log.ts';
import type { SlackConnection } from '../slack/connection.ts';
import { describeDuration } from './policies.ts';

type Request = Selectable<RequestsTable>;

export const NOTIFICATION_JOBS = {
  approval: 'notify.approval',
  outcome: 'notify.outcome',
  decided: 'notify.decided',
} as const;

/**
 * Interactive approval messages (the Slack app surface, when it is on): the approver's DM with
 * Approve / Deny buttons, and every approver's copy updated in place once the request moves on.
 * Without one, approvers get the plain-text DM.
 */
export interface ApprovalMessenger {
  postApproval(requestId: number, approverId: number): Promise<void>;
  updateCopies(requestId: number): Promise<void>;
}

/** Queues the update of every approver's copy of a request that was decided (or moved on). */
export async function enqueueDecisionNotice(tx: Transaction<DB>, request: Request, now: Date): Promise<void> {
  if (request.kind !== 'GRANT') return;
  await enqueueJob(tx, { kind: NOTIFICATION_JOBS.decided, payload: { requestId: request.id }, runAt: now, dedupeKey: `notify.decided:${request.id}:${request.version}`, maxAttempts: 3 });
}

// Notifications are jobs, written in the transaction of the change they tell about: Slack being
// slow or refusing a DM never holds up or undoes a request, and a failed DM is tried again.
// One job per recipient, so a retry never DMs someone twice.

/** Queues a DM to each approver of a request that waits for them. */
export async function enqueueApprovalNotices(tx: Transaction<DB>, requestId: number, approverIds: readonly number[], now: Date): Promise<void> {
  for (const approverId of approverIds) {
    await enqueueJob(tx, { kind: NOTIFICATION_JOBS.approval, payload: { requestId, approverId }, runAt: now, dedupeKey: `notify.approval:${requestId}:${approverId}`, maxAttempts: 3 });
  }
}

/** Queues a DM telling the requester (and the recipient, when someone else) how their request ended. */
export async function enqueueOutcomeNotice(tx: Transaction<DB>, request: Request, now: Date): Promise<void> {
  if (request.kind !== 'GRANT') return;
  await enqueueDecisionNotice(tx, request, now);
  await enqueueJob(tx, {
    kind: NOTIFICATION_JOBS.outcome,
    payload: { requestId: request.id, state: request.state },
    runAt: now,
    dedupeKey: `notify.outcome:${request.id}:${request.state}:${request.version}`,
    maxAttempts: 3,
  });
}

interface RequestView {
  request: Request;
  entitlement: { external_id: string; display_name: string };
  account: { slack_id: string; display_name: string | null; real_name: string | null; email: string | null };
  requester: { slack_id: string; display_name: string | null; real_name: string | null; email: string | null } | undefined;
}

async function viewOf(db: Kysely<DB>, requestId: number): Promise<RequestView | undefined> {
  const request = await db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!request) return undefined;
  const entitlement = await db.selectFrom('entitlements').select(['external_id', 'display_name']).where('id', '=', request.entitlement_id).executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('accounts')
    .select(['id', 'slack_id', 'display_name', 'real_name', 'email'])
    .where('id', 'in', [request.account_id, request.requester_id ?? request.account_id])
    .execute();
  const account = people.find((p) => p.id === request.account_id);
  if (!account) return undefined;
  return { request, entitlement, account, requester: people.find((p) => p.id === request.requester_id) };
}

function nameOf(person: { slack_id: string; display_name: string | null; real_name: string | null; email: string | null }): string {
  const name = person.real_name || person.display_name || person.slack_id;
  return `<@${person.slack_id}> (${name}${person.email ? `, ${person.email}` : ''})`;
}

function lengthOf(request: Request): string {
  const seconds = request.approved_duration_seconds ?? request.requested_duration_seconds;
  return seconds ? `for ${describeDuration(seconds)}` : 'with no end date';
}

/** What an approver reads: who asks, for what, for whom, why and for how long. */
export function approvalMessage(view: RequestView): { text: string; blocks: unknown[] } {
  const { request, entitlement, account, requester } = view;
  const forWhom = requester && requester.slack_id !== account.slack_id ? ` for ${nameOf(account)}` : '';
  const who = requester ? nameOf(requester) : nameOf(account);
  const text = `${who} asks for *${entitlement.display_name}* (\`${entitlement.external_id}\`)${forWhom} ${lengthOf(request)}.`;
  const why = request.justification ? `*Why:* ${request.justification}` : '*Why:* (no justification given)';
  const how = `Decide with \`approveRequest\` or \`denyRequest\` on request ${request.id}.`;
  return {
    text: `${text} ${why.replace(/\*/g, '')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:key: *Access request ${request.id} needs your approval*\n${text}` } },
      { type: 'section', text: { type: 'mrkdwn', text: why } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: how }] },
    ],
  };
}

const OUTCOME_TEXT: Partial<Record<Request['state'], (r: Request) => string>> = {
  GRANTED: (r) => (r.expires_at ? `was granted until ${r.expires_at.toISOString()}` : 'was granted'),
  DENIED: () => 'was denied',
  CANCELLED: (r) => (r.error_code === 'TIMED_OUT' ? `was closed: ${r.error ?? 'nobody decided in time'}` : 'was cancelled'),
  FAILED: (r) => `was approved but Slack refused it: ${r.error ?? 'unknown error'}. An admin can retry it.`,
  EXPIRED: () => 'has ended: the access was removed at its expiry time',
};

export function outcomeMessage(view: RequestView, state: Request['state']): string | undefined {
  const describe = OUTCOME_TEXT[state];
  if (!describe) return undefined;
  return `Your access request ${view.request.id} for *${view.entitlement.display_name}* (\`${view.entitlement.external_id}\`) ${describe(view.request)}.`;
}

/** The notification jobs: DMs sent with the bot token (`chat.postMessage` to a user id opens the DM). */
export function notificationHandlers(options: { db: Kysely<DB>; connection?: SlackConnection; logger?: Logger; messenger?: ApprovalMessenger }): Record<string, JobHandler> {
  const { db, connection, logger, messenger } = options;
  const send = async (slackId: string, message: { text: string; blocks?: unknown[] }) => {
    if (!connection?.bot) {
      logger?.debug({ slackId }, 'no Slack bot token; notification not sent');
      return;
    }
    await connection.bot.call('chat.postMessage', { channel: slackId, text: message.text, ...(message.blocks ? { blocks: JSON.stringify(message.blocks) } : {}) });
  };
  return {
    [NOTIFICATION_JOBS.approval]: async (job) => {
      const view = await viewOf(db, Number(job.payload.requestId));
      if (!view || view.request.state !== 'PENDING') return;
      const approver = await db.selectFrom('accounts').select(['slack_id', 'status']).where('id', '=', Number(job.payload.approverId)).executeTakeFirst();
      if (!approver || approver.status !== 'ENABLED') return;
      if (messenger) return messenger.postApproval(view.request.id, Number(job.payload.approverId));
      await send(approver.slack_id, approvalMessage(view));
    },
    [NOTIFICATION_JOBS.decided]: async (job) => {
      await messenger?.updateCopies(Number(job.payload.requestId));
    },
    [NOTIFICATION_JOBS.outcome]: async (job) => {
      const view = await viewOf(db, Number(job.payload.requestId));
      if (!view) return;
      const text = outcomeMessage(view, job.payload.state as Request['state']);
      if (!text) return;
      const recipients = new Set([view.requester?.slack_id ?? view.account.slack_id, view.account.slack_id]);
      for (const slackId of recipients) await send(slackId, { text });
    },
  };
}
