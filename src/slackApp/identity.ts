import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record.ts';
import type { AuditOutcome, DB } from '../db/schema.ts';
import type { Actor } from '../access/types.ts';

/** The API client id Slack actions are recorded under (there is no API client behind a click). */
export const SLACK_APP_CLIENT = 'slack-app';

export interface SlackPerson {
  slackUserId: string;
  teamId?: string;
  /** The account with the same Slack user id, when slackgate knows one and it is active. */
  account?: { id: number; externalId: string; status: string };
}

/** A Slack user acts as the account with the same Slack user id; nobody else's. */
export async function personOf(db: Kysely<DB>, slackUserId: string, teamId?: string): Promise<SlackPerson> {
  const account = await db.selectFrom('accounts').select(['id', 'external_id', 'status']).where('slack_id', '=', slackUserId).executeTakeFirst();
  return { slackUserId, teamId, account: account ? { id: account.id, externalId: account.external_id, status: account.status } : undefined };
}

/** Why a Slack user may not act at all, in words for them; undefined when they may. */
export function whyUnknown(person: SlackPerson): string | undefined {
  if (!person.account) return "slackgate does not know your Slack user yet (it appears after the next sync), so it cannot act for you. Ask an admin if this persists.";
  if (person.account.status !== 'ENABLED') return `your account is ${person.account.status.toLowerCase()} in slackgate, so it cannot act for you.`;
  return undefined;
}

export function actorOf(person: SlackPerson): Actor {
  return { apiClientId: SLACK_APP_CLIENT, accountId: person.account?.id, label: `slack:${person.slackUserId}` };
}

/**
 * One audit event per Slack action: who in Slack, the account it maps to, what they did and how
 * it ended. The service the action calls records its own event too (with the same actor).
 */
export async function auditSlackAction(
  db: Kysely<DB>,
  person: SlackPerson,
  action: string,
  outcome: AuditOutcome,
  extra: { requestId?: number | null; errorCode?: string | null; target?: { type: string; id: string | number }; details?: Record<string, unknown> } = {},
): Promise<void> {
  await recordAudit(db, {
    action: `slack.${action}`,
    outcome,
    actor: { apiClientId: SLACK_APP_CLIENT, accountId: person.account?.id ?? null, label: `slack:${person.slackUserId}` },
    target: extra.target,
    requestId: extra.requestId ?? null,
    accountExternalId: person.account?.externalId ?? null,
    errorCode: extra.errorCode ?? null,
    details: { slackUserId: person.slackUserId, teamId: person.teamId ?? null, account: person.account?.externalId ?? null, ...extra.details },
  });
}
