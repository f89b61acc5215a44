import { describeDuration } from '../access/policies.ts';
import { enqueueJob } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';
import { itemsFor, undecidedAssignments } from './assignments.ts';
import { reminderMessage, section, slackDate } from './blocks.ts';
import type { SlackAppContext } from './context.ts';

/**
 * What the app tells people on its own: holders before their time-bound access ends (with
 * Extend), reviewers when a review gives them items and again before it is due.
 *
 * A sweep (every replica, every minute) queues these as jobs with dedupe keys, so each notice
 * is sent once whichever replicas sweep; the jobs worker sends them when they are due.
 */
export const NOTICE_JOBS = {
  expiryReminder: 'slack.expiryReminder',
  reviewAssigned: 'slack.reviewAssigned',
  reviewReminder: 'slack.reviewReminder',
} as const;

/** Reviews this old or older no longer announce themselves to reviewers. */
const ASSIGNMENT_WINDOW_MS = 7 * 86_400_000;

export async function sweepNotices(ctx: SlackAppContext, horizonMs: number): Promise<number> {
  const now = ctx.now();
  let queued = 0;
  const leads = [...new Set(ctx.reminderLeadsSeconds)].filter((s) => s > 0);
  if (leads.length > 0) {
    const longest = Math.max(...leads);
    // Grants whose earliest reminder falls before the next sweeps: queued just in time, so an
    // extension (a new expires_at) gets reminders of its own.
    const grants = await ctx.db
      .selectFrom('grants')
      .select(['id', 'granted_at', 'expires_at'])
      .where('expires_at', 'is not', null)
      .where('source', '<>', 'SYNC')
      .where('expires_at', '>', now)
      .where('expires_at', '<=', new Date(now.getTime() + longest * 1000 + horizonMs))
      .execute();
    for (const g of grants) {
      const expiresAt = g.expires_at as Date;
      for (const lead of leads) {
        // No reminder for access granted for less than the lead time: it would come at once.
        if (expiresAt.getTime() - g.granted_at.getTime() <= lead * 1000) continue;
        const runAt = new Date(expiresAt.getTime() - lead * 1000);
        if (runAt.getTime() > now.getTime() + horizonMs) continue;
        const id = await enqueueJob(ctx.db, {
          kind: NOTICE_JOBS.expiryReminder,
          payload: { grantId: g.id, expiresAt: expiresAt.toISOString(), leadSeconds: lead },
          runAt,
          dedupeKey: `slack.expiryReminder:${g.id}:${expiresAt.getTime()}:${lead}`,
          maxAttempts: 3,
        });
        if (id !== undefined) queued += 1;
      }
    }
  }
  const assignments = await undecidedAssignments(ctx);
  const reviewers = new Map<string, { reviewId: number; accountId: number; dueAt: Date | null }>();
  for (const a of assignments) for (const r of a.reviewers) reviewers.set(`${a.item.reviewId}:${r}`, { reviewId: a.item.reviewId, accountId: r, dueAt: a.item.dueAt });
  const recent = new Set(
    (await ctx.db.selectFrom('access_reviews').select('id').where('status', '=', 'OPEN').where('created_at', '>', new Date(now.getTime() - ASSIGNMENT_WINDOW_MS)).execute()).map((r) => r.id),
  );
  for (const r of reviewers.values()) {
    if (recent.has(r.reviewId)) {
      const id = await enqueueJob(ctx.db, { kind: NOTICE_JOBS.reviewAssigned, payload: { reviewId: r.reviewId, accountId: r.accountId }, runAt: now, dedupeKey: `slack.reviewAssigned:${r.reviewId}:${r.accountId}`, maxAttempts: 3 });
      if (id !== undefined) queued += 1;
    }
    if (r.dueAt && ctx.reviewReminderSeconds > 0) {
      const runAt = new Date(r.dueAt.getTime() - ctx.reviewReminderSeconds * 1000);
      if (runAt.getTime() <= now.getTime() + horizonMs && r.dueAt > now) {
        const id = await enqueueJob(ctx.db, { kind: NOTICE_JOBS.reviewReminder, payload: { reviewId: r.reviewId, accountId: r.accountId }, runAt, dedupeKey: `slack.reviewReminder:${r.reviewId}:${r.accountId}:${r.dueAt.getTime()}`, maxAttempts: 3 });
        if (id !== undefined) queued += 1;
      }
    }
  }
  return queued;
}

export function noticeHandlers(ctx: SlackAppContext): Record<string, JobHandler> {
  const post = async (accountId: number, message: { text: string; blocks: unknown[] }, record?: { purpose: 'reminder' | 'review'; grantId?: number; reviewId?: number }) => {
    const bot = ctx.connection.bot;
    if (!bot) return;
    const account = await ctx.db.selectFrom('accounts').select(['slack_id', 'status']).where('id', '=', accountId).executeTakeFirst();
    if (!account || account.status !== 'ENABLED') return;
    const posted = await bot.call<{ channel?: string; ts?: string }>('chat.postMessage', { channel: account.slack_id, text: message.text, blocks: JSON.stringify(message.blocks) });
    if (record && posted.channel && posted.ts) {
      await ctx.db.insertInto('slack_messages').values({ purpose: record.purpose, grant_id: record.grantId ?? null, review_id: record.reviewId ?? null, account_id: accountId, channel: posted.channel, ts: posted.ts }).execute();
    }
  };
  const reviewOf = (id: number) => ctx.db.selectFrom('access_reviews').select(['id', 'name', 'status', 'due_at']).where('id', '=', id).executeTakeFirst();
  const itemsOfIn = async (accountId: number, reviewId: number) => (await itemsFor(ctx, accountId)).filter((i) => i.reviewId === reviewId).length;
  return {
    [NOTICE_JOBS.expiryReminder]: async (job) => {
      const grantId = Number(job.payload.grantId);
      const grant = await ctx.db
        .selectFrom('grants as g')
        .innerJoin('entitlements as e', 'e.id', 'g.entitlement_id')
        .select(['g.account_id', 'g.expires_at', 'e.external_id', 'e.display_name'])
        .where('g.id', '=', grantId)
        .executeTakeFirst();
      // Ended, or extended since (the new expiry has reminders of its own).
      if (!grant?.expires_at || grant.expires_at.toISOString() !== job.payload.expiresAt) return;
      const message = reminderMessage({ grantId, entitlement: { externalId: grant.external_id, name: grant.display_name }, expiresAt: grant.expires_at }, Number(job.payload.leadSeconds));
      await post(grant.account_id, message, { purpose: 'reminder', grantId });
    },
    [NOTICE_JOBS.reviewAssigned]: async (job) => {
      const review = await reviewOf(Number(job.payload.reviewId));
      const accountId = Number(job.payload.accountId);
      if (!review || review.status !== 'OPEN') return;
      const count = await itemsOfIn(accountId, review.id);
      if (count === 0) return;
      const due = review.due_at ? `, due ${slackDate(review.due_at)}` : '';
      const text = `:mag: The access review *${review.name}* gives you ${count} item(s) to decide${due}. Open the app's Home tab to keep or revoke each.`;
      await post(accountId, { text: `Access review ${review.name}: ${count} item(s) to decide`, blocks: [section(text)] }, { purpose: 'review', reviewId: review.id });
    },
    [NOTICE_JOBS.reviewReminder]: async (job) => {
      const review = await reviewOf(Number(job.payload.reviewId));
      const accountId = Number(job.payload.accountId);
      if (!review || review.status !== 'OPEN' || !review.due_at) return;
      const count = await itemsOfIn(accountId, review.id);
      if (count === 0) return;
      const left = describeDuration(Math.max(60, Math.round((review.due_at.getTime() - ctx.now().getTime()) / 1000)));
      const text = `:alarm_clock: ${count} item(s) of the access review *${review.name}* still wait for you; it is due ${slackDate(review.due_at)} (in about ${left}). Decide them in the app's Home tab.`;
      await post(accountId, { text: `Access review ${review.name} is due soon`, blocks: [section(text)] }, { purpose: 'review', reviewId: review.id });
    },
  };
}

