import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Decision, PersonLabel, RequestCard } from './blocks.ts';

// What the app's messages show about requests, read from the cache in a few statements.

type Person = { id: number; slack_id: string; real_name: string | null; display_name: string | null };

function label(p: Person | undefined): PersonLabel | undefined {
  return p ? { slackId: p.slack_id, name: p.real_name || p.display_name } : undefined;
}

export async function peopleById(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'slack_id', 'real_name', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface RequestDetails {
  card: RequestCard;
  request: { id: number; state: string; entitlementId: number; accountId: number; requesterId: number | null; error: string | null; expiresAt: Date | null; decidedAt: Date | null };
  decisions: Decision[];
}

export async function requestDetails(db: Kysely<DB>, requestIds: readonly number[]): Promise<Map<number, RequestDetails>> {
  const out = new Map<number, RequestDetails>();
  if (requestIds.length === 0) return out;
  const rows = await db
    .selectFrom('requests as r')
    .innerJoin('entitlements as e', 'e.id', 'r.entitlement_id')
    .select(['r.id', 'r.state', 'r.entitlement_id', 'r.account_id', 'r.requester_id', 'r.justification', 'r.requested_duration_seconds', 'r.approved_duration_seconds', 'r.extends_grant_id', 'r.error', 'r.expires_at', 'r.decided_at', 'e.external_id', 'e.display_name'])
    .where('r.id', 'in', [...requestIds])
    .execute();
  const approvals = await db.selectFrom('approvals').select(['request_id', 'approver_id', 'decision', 'comment', 'created_at']).where('request_id', 'in', [...requestIds]).orderBy('created_at').execute();
  const people = await peopleById(db, [...rows.flatMap((r) => [r.account_id, r.requester_id ?? r.account_id]), ...approvals.map((a) => a.approver_id)]);
  for (const r of rows) {
    const account = label(people.get(r.account_id)) ?? { slackId: '?', name: null };
    out.set(r.id, {
      card: {
        id: r.id,
        entitlement: { externalId: r.external_id, name: r.display_name },
        requester: label(people.get(r.requester_id ?? r.account_id)),
        account,
        justification: r.justification,
        seconds: r.approved_duration_seconds ?? r.requested_duration_seconds,
        extension: r.extends_grant_id !== null,
      },
      request: { id: r.id, state: r.state, entitlementId: r.entitlement_id, accountId: r.account_id, requesterId: r.requester_id, error: r.error, expiresAt: r.expires_at, decidedAt: r.decided_at },
      decisions: approvals
        .filter((a) => a.request_id === r.id)
        .map((a) => ({ decision: a.decision as 'APPROVE' | 'DENY', by: label(people.get(a.approver_id)) ?? { slackId: '?', name: null }, at: a.created_at, comment: a.comment })),
    });
  }
  return out;
}
