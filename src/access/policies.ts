import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/record.ts';
import type { DB, OutsideGrantsPolicy } from '../db/schema.ts';
import type { CallOrigin } from './actor.ts';
import { NotFoundError, ValidationError, type UserError } from './errors.ts';
import { auditActor, type Actor } from './types.ts';

type Db = Kysely<DB> | Transaction<DB>;

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Seconds of an ISO-8601 duration (`PT8H`, `P1D`, `P2W`, `P1DT12H`). Years and months are
 * refused: their length depends on the calendar, and access should end at a time everyone
 * can compute. Returns a message instead when the text is not such a duration.
 */
export function parseDuration(text: string): number | string {
  const match = DURATION.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T')) {
    return `"${text}" is not an ISO-8601 duration in weeks, days, hours, minutes or seconds (e.g. PT8H, P1D, P2W, P1DT12H)`;
  }
  const [, w, d, h, m, s] = match.map((v) => Number(v ?? 0));
  const seconds = (w ?? 0) * 604_800 + (d ?? 0) * 86_400 + (h ?? 0) * 3_600 + (m ?? 0) * 60 + (s ?? 0);
  if (seconds <= 0) return `"${text}" is zero; give a positive duration`;
  if (seconds > 10 * 365 * 86_400) return `"${text}" is longer than ten years`;
  return seconds;
}

/** The canonical ISO-8601 text of a number of seconds: `P1DT2H`, `PT30M`. */
export function formatDuration(seconds: number): string {
  let rest = Math.round(seconds);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secs ? `${secs}S` : ''}`;
  const text = `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  return text === 'P' ? 'PT0S' : text;
}

/** A person-friendly length: "8 hours", "2 days 4 hours". */
export function describeDuration(seconds: number): string {
  const parts: string[] = [];
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  let rest = seconds;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    rest -= n * size;
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
  return parts.slice(0, 2).join(' ');
}

/** The governance settings of one entitlement, with the approvers in effect. */
export interface EntitlementPolicy {
  entitlementId: number;
  requestable: boolean;
  /** Longest access a request may get; null = no limit (permanent access may be requested). */
  maxDurationSeconds: number | null;
  requiredApprovals: number;
  autoApprove: boolean;
  reasonRequired: boolean;
  /** Accounts that may approve: the named ones, or else the workspace admins and owners. */
  approverIds: number[];
  /** True when no approvers are named and the workspace admins and owners approve. */
  defaultApprovers: boolean;
  updatedAt: Date | null;
}

/**
 * The admins and owners of the entitlement's workspace, as the last sync saw them (their
 * `workspaceRole:<T>:admin|owner:assigned` grants). For a resource outside any workspace (an IdP
 * group, an org role), the admins and owners of every workspace.
 */
export async function workspaceAdminsOf(db: Db, entitlementIds: readonly number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>(entitlementIds.map((id) => [id, []]));
  if (entitlementIds.length === 0) return result;
  const rows = await db
    .selectFrom('entitlements as e')
    .innerJoin('resources as r', 'r.id', 'e.resource_id')
    .innerJoin('workspaces as w', (join) => join.on((eb) => eb.or([eb('w.id', '=', eb.ref('r.workspace_id')), eb('r.workspace_id', 'is', null)])))
    .innerJoin('entitlements as role', (join) =>
      join.on((eb) =>
        eb('role.external_id', 'in', [
          sql<string>`'workspaceRole:' || w.id || ':admin:assigned'`,
          sql<string>`'workspaceRole:' || w.id || ':owner:assigned'`,
        ]),
      ),
    )
    .innerJoin('grants as g', 'g.entitlement_id', 'role.id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .where('e.id', '=', sql<number>`any(${entitlementIds}::bigint[])`)
    .where('a.status', '=', 'ENABLED')
    .select(['e.id as entitlement_id', 'g.account_id'])
    .distinct()
    .orderBy('g.account_id')
    .execute();
  for (const row of rows) result.get(row.entitlement_id)?.push(row.account_id);
  return result;
}

/** Policies of many entitlements (missing ids are left out), in three statements. */
export async function loadPolicies(db: Db, entitlementIds: readonly number[]): Promise<Map<number, EntitlementPolicy>> {
  const policies = new Map<number, EntitlementPolicy>();
  if (entitlementIds.length === 0) return policies;
  const ids = sql<number>`any(${[...new Set(entitlementIds)]}::bigint[])`;
  const rows = await db
    .selectFrom('entitlements')
    .select(['id', 'requestable', 'max_duration_seconds', 'required_approvals', 'auto_approve', 'reason_required', 'policy_updated_at'])
    .where('id', '=', ids)
    .execute();
  const named = await db.selectFrom('entitlement_approvers').select(['entitlement_id', 'account_id']).where('entitlement_id', '=', ids).orderBy('account_id').execute();
  const namedBy = new Map<number, number[]>();
  for (const row of named) namedBy.set(row.entitlement_id, [...(namedBy.get(row.entitlement_id) ?? []), row.account_id]);
  const needDefault = rows.filter((r) => !namedBy.has(r.id)).map((r) => r.id);
  const admins = await workspaceAdminsOf(db, needDefault);
  for (const row of rows) {
    const explicit = namedBy.get(row.id);
    policies.set(row.id, {
      entitlementId: row.id,
      requestable: row.requestable,
      maxDurationSeconds: row.max_duration_seconds,
      requiredApprovals: row.required_approvals,
      autoApprove: row.auto_approve,
      reasonRequired: row.reason_required,
      approverIds: explicit ?? admins.get(row.id) ?? [],
      defaultApprovers: explicit === undefined,
      updatedAt: row.policy_updated_at,
    });
  }
  return policies;
}

export async function loadPolicy(db: Db, entitlementId: number): Promise<EntitlementPolicy | undefined> {
  return (await loadPolicies(db, [entitlementId])).get(entitlementId);
}

/** What updateEntitlementPolicy may change; absent fields stay as they are. */
export interface PolicyChange {
  requestable?: boolean | null;
  /** ISO-8601; an empty string removes the limit. */
  maxDuration?: string | null;
  /** Named approvers; an empty list returns to the default (workspace admins and owners). */
  approverIds?: number[] | null;
  requiredApprovals?: number | null;
  autoApprove?: boolean | null;
  reasonRequired?: boolean | null;
}

export interface PolicyUpdateResult {
  policy?: EntitlementPolicy;
  errors: UserError[];
}

/** Changes an entitlement's policy: requests made from now on follow it; pending ones keep their approvers' rules as they are decided. */
export async function updateEntitlementPolicy(
  db: Kysely<DB>,
  input: { entitlementId: number; change: PolicyChange; actor: Actor; now: Date; origin?: { ip: string | null; userAgent: string | null } },
): Promise<PolicyUpdateResult> {
  const { change } = input;
  const errors: UserError[] = [];
  let maxDurationSeconds: number | null | undefined;
  if (change.maxDuration === '') maxDurationSeconds = null;
  else if (change.maxDuration != null) {
    const parsed = parseDuration(change.maxDuration);
    if (typeof parsed === 'string') errors.push(new ValidationError(parsed, { field: 'input.maxDuration' }));
    else maxDurationSeconds = parsed;
  }
  if (change.requiredApprovals != null && (change.requiredApprovals < 0 || change.requiredApprovals > 20 || !Number.isInteger(change.requiredApprovals))) {
    errors.push(new ValidationError('requiredApprovals must be a whole number from 0 to 20 (0 approves every request automatically)', { field: 'input.requiredApprovals' }));
  }
  if (errors.length > 0) return { errors };

  return db.transaction().execute(async (tx) => {
    const entitlement = await tx.selectFrom('entitlements').select(['id', 'external_id']).where('id', '=', input.entitlementId).forUpdate().executeTakeFirst();
    if (!entitlement) return { errors: [new NotFoundError(`there is no entitlement ${input.entitlementId}`, { field: 'input.entitlementId' })] };
    if (change.approverIds != null) {
      const approverIds = [...new Set(change.approverIds)];
      if (approverIds.length > 0) {
        const found = await tx.selectFrom('accounts').select('id').where('id', '=', sql<number>`any(${approverIds}::bigint[])`).execute();
        if (found.length !== approverIds.length) return { errors: [new NotFoundError('one of the approvers is not a known account', { field: 'input.approverIds' })] };
      }
      await tx.deleteFrom('entitlement_approvers').where('entitlement_id', '=', entitlement.id).execute();
      if (approverIds.length > 0) {
        await tx.insertInto('entitlement_approvers').values(approverIds.map((account_id) => ({ entitlement_id: entitlement.id, account_id }))).execute();
      }
    }
    await tx
      .updateTable('entitlements')
      .set({
        ...(change.requestable != null ? { requestable: change.requestable } : {}),
        ...(maxDurationSeconds !== undefined ? { max_duration_seconds: maxDurationSeconds } : {}),
        ...(change.requiredApprovals != null ? { required_approvals: change.requiredApprovals } : {}),
        ...(change.autoApprove != null ? { auto_approve: change.autoApprove } : {}),
        ...(change.reasonRequired != null ? { reason_required: change.reasonRequired } : {}),
        policy_updated_at: input.now,
      })
      .where('id', '=', entitlement.id)
      .execute();
    const policy = (await loadPolicy(tx, entitlement.id)) as EntitlementPolicy;
    await auditEntitlementChange(tx, 'updateEntitlementPolicy', entitlement.external_id, input.actor, input.origin, {
      requestable: policy.requestable,
      maxDurationSeconds: policy.maxDurationSeconds,
      requiredApprovals: policy.requiredApprovals,
      autoApprove: policy.autoApprove,
      reasonRequired: policy.reasonRequired,
      approverIds: policy.defaultApprovers ? 'workspace admins and owners' : policy.approverIds,
    });
    return { policy, errors: [] };
  });
}

/**
 * When access given now for `duration` (ISO-8601) ends: null for no duration, a ValidationError
 * for one the rules refuse (the same rules as a request's duration: positive, at most ten years).
 */
export function expiryAfter(duration: string | null | undefined, now: Date): Date | null | ValidationError {
  if (duration == null) return null;
  const seconds = parseDuration(duration);
  if (typeof seconds === 'string') return new ValidationError(seconds, { field: 'input.duration' });
  return new Date(now.getTime() + seconds * 1000);
}

/**
 * Chooses what happens when the entitlement is granted in Slack outside slackgate (ALLOW, NOTIFY
 * or REVOKE; live/outsideGrants.ts acts on it), audited with what it was before.
 */
export async function setOutsideGrantsPolicy(db: Kysely<DB>, input: { entitlementId: number; policy: OutsideGrantsPolicy; actor: Actor; origin?: CallOrigin }): Promise<{ entitlementId: number; errors: UserError[] }> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('entitlements').select(['external_id', 'outside_grants']).where('id', '=', input.entitlementId).executeTakeFirstOrThrow();
    await trx.updateTable('entitlements').set({ outside_grants: input.policy, policy_updated_at: new Date() }).where('id', '=', input.entitlementId).execute();
    await auditEntitlementChange(trx, 'setOutsideGrantsPolicy', before.external_id, input.actor, input.origin, { from: before.outside_grants, to: input.policy });
  });
  return { entitlementId: input.entitlementId, errors: [] };
}

/** The audit record of a change to an entitlement's settings, in the change's transaction. */
async function auditEntitlementChange(db: Db, action: string, externalId: string, actor: Actor, origin: CallOrigin | undefined, details: Record<string, unknown>): Promise<void> {
  await recordAudit(db, { action, outcome: 'SUCCESS', actor: auditActor(actor), target: { type: 'entitlement', id: externalId }, entitlementExternalId: externalId, details, ...origin });
}
