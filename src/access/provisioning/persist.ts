import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/record.ts';
import type { DB, GrantActorColumns } from '../../db/schema.ts';
import type { GrantsChangedEvent } from '../../events/topics.ts';
import type { ProvisionOp, ProvisionTarget, SlackProvisionResult } from '../../slack/provisioners/index.ts';
import type { GrantChanges } from '../../sync/targeted.ts';
import type { ProvisionOutcome } from '../types.ts';
import type { Input, ProvisioningKit } from './kit.ts';

// The cache side of changes Slack made: grant rows, the resource's members, audit and grantsChanged.

/** What a taken-over call reports for a change its dead predecessor made. */
const MADE_BY_PREDECESSOR: Partial<Record<SlackProvisionResult, SlackProvisionResult>> = { ALREADY_GRANTED: 'GRANTED', ALREADY_REVOKED: 'REVOKED' };

/** One change Slack made (or found in place), to be written to the cache. */
export interface Done {
  op: ProvisionOp;
  input: Input;
  target: ProvisionTarget;
  result: SlackProvisionResult;
  details?: Record<string, unknown>;
}

/** Writes (or deletes) the grant row of one change; returns its id and whether the row appeared or went. */
async function writeGrantRow(trx: Transaction<DB>, op: ProvisionOp, result: SlackProvisionResult, target: ProvisionTarget, input: Input): Promise<{ grantId?: number; added: boolean; removed: boolean }> {
  const key = { entitlement_id: target.entitlementId, account_id: target.account.id };
  if (op === 'REVOKE') {
    const gone = await trx.deleteFrom('grants').where('entitlement_id', '=', key.entitlement_id).where('account_id', '=', key.account_id).returning('id').executeTakeFirst();
    return { added: false, removed: gone !== undefined };
  }
  const existing = await trx.selectFrom('grants').select('id').where('entitlement_id', '=', key.entitlement_id).where('account_id', '=', key.account_id).executeTakeFirst();
  const values = {
    external_id: `${target.entitlementExternalId}:user:${target.account.slackId}`,
    ...key,
    source: input.source ?? 'DIRECT',
    granted_at: new Date(),
    expires_at: input.expiresAt ?? null,
    request_id: input.requestId ?? null,
    updated_at: new Date(),
  };
  // Already there: someone else's grant, unless this call took over one whose process died
  // after Slack made the change (then the change was this key's, and so is the grant).
  if (existing && result === 'ALREADY_GRANTED' && !input.takenOver) return { grantId: existing.id, added: false, removed: false };
  const by: GrantActorColumns = { granted_by_client_id: input.actor.apiClientId, granted_by_account_id: input.actor.accountId ?? null };
  // A grant this call made is its own, even if a refresh or sync already saw the member.
  const row = await trx
    .withTables<{ grants: GrantActorColumns }>()
    .insertInto('grants')
    .values({ ...values, ...by })
    .onConflict((oc) =>
      oc
        .columns(['entitlement_id', 'account_id'])
        .doUpdateSet({ source: values.source, granted_at: values.granted_at, expires_at: values.expires_at, request_id: values.request_id, updated_at: values.updated_at, ...by }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return { grantId: row.id, added: !existing, removed: false };
}

async function publish(kit: ProvisioningKit, trx: Transaction<DB>, changes: Map<number, { added: Set<number>; removed: Set<number> }>, cause: GrantsChangedEvent['cause']): Promise<void> {
  if (!kit.bus) return;
  for (const [entitlementId, c] of changes) {
    if (c.added.size === 0 && c.removed.size === 0) continue;
    const accountIds = [...c.added, ...c.removed];
    const event: GrantsChangedEvent = {
      entitlementId,
      added: c.added.size,
      removed: c.removed.size,
      ...(accountIds.length <= 50 ? { accountIds } : {}),
      cause,
      at: new Date().toISOString(),
    };
    await kit.bus.publish('grantsChanged', event, { db: trx });
  }
}

function collect(into: Map<number, { added: Set<number>; removed: Set<number> }>, entitlementId: number, added: number[], removed: number[]): void {
  let entry = into.get(entitlementId);
  if (!entry) {
    entry = { added: new Set(), removed: new Set() };
    into.set(entitlementId, entry);
  }
  for (const id of added) {
    entry.removed.delete(id);
    entry.added.add(id);
  }
  for (const id of removed) {
    entry.added.delete(id);
    entry.removed.add(id);
  }
}

const causeOf = (op: ProvisionOp, input: Input): GrantsChangedEvent['cause'] => (op === 'GRANT' ? 'GRANT' : (input.cause ?? 'REVOKE'));

/**
 * The cache side of successful changes, in one transaction: each change's grant row and audit
 * event, the resource's members reconciled, and `grantsChanged` delivered on commit.
 */
export async function persist(
  kit: ProvisioningKit,
  handle: Kysely<DB>,
  done: Done[],
  refresh: (trx: Transaction<DB>) => Promise<GrantChanges[]>,
): Promise<ProvisionOutcome[]> {
  return handle.transaction().execute(async (trx) => {
    const changes = new Map<number, { added: Set<number>; removed: Set<number> }>();
    const outcomes: ProvisionOutcome[] = [];
    for (const given of done) {
      const own = given.input.priorAttemptId !== undefined ? MADE_BY_PREDECESSOR[given.result] : undefined;
      const d = own ? { ...given, result: own } : given;
      const row = await writeGrantRow(trx, d.op, given.result, d.target, d.input);
      collect(changes, d.target.entitlementId, row.added ? [d.target.account.id] : [], row.removed ? [d.target.account.id] : []);
      const outcome: ProvisionOutcome = { result: d.result, ...(row.grantId !== undefined ? { grantId: row.grantId } : {}), errors: [] };
      await recordAudit(trx, kit.auditRecord(d.op, d.input, d.target, outcome, d.details));
      outcomes.push(outcome);
    }
    for (const c of await refresh(trx)) collect(changes, c.entitlementId, c.added, c.removed);
    const first = done[0];
    if (first) await publish(kit, trx, changes, causeOf(first.op, first.input));
    return outcomes;
  });
}
