import { sql } from 'kysely';
import type { ProvisionOp } from '../../slack/provisioners/index.ts';
import { NotGrantableError, type NotFoundError } from '../errors.ts';
import type { ProvisionOutcome, ProvisionResult } from '../types.ts';
import { AccountStatusWriter } from './accountStatus.ts';
import { KEY_LEASE_MS, runIdempotent } from './idempotency.ts';
import { ACTIONS, ProvisioningKit, type GatewayProvisioningService, type Input, type ProvisioningServiceOptions } from './kit.ts';
import { restoreOutcome, userErrorOf } from './outcomes.ts';
import { recordAudit } from '../../audit/record.ts';
import { SingleMemberWriter } from './single.ts';
import { loadTarget } from './target.ts';
import { UserGroupWriter } from './userGroups.ts';

/**
 * Changes access in Slack and keeps the cache, the audit log and live subscribers in step.
 *
 * User groups are written whole, serialised and coalesced (userGroups.ts); every other kind
 * changes one member per Slack call (single.ts). After a change the grant row is written or
 * deleted, the resource's members as Slack now lists them are reconciled into the cache, and an
 * audit event is recorded — in one transaction — and `grantsChanged` is published when it commits
 * (persist.ts). Every attempt is audited, refusals included. A call with an idempotency key
 * answers its first outcome again (idempotency.ts), account status changes included
 * (accountStatus.ts).
 */
export function createProvisioningService(options: ProvisioningServiceOptions): GatewayProvisioningService {
  const kit = new ProvisioningKit(options);
  const leaseMs = options.keyLeaseMs ?? KEY_LEASE_MS;
  const userGroups = new UserGroupWriter(kit, options.connection, options.announceWaitMs);
  const single = new SingleMemberWriter(kit);
  const accounts = new AccountStatusWriter(kit, leaseMs);

  /** Checks the change against the cache, records the attempt, and has the right writer make it. */
  async function attempt(op: ProvisionOp, input: Input, ticket: number, progress: { started: boolean }): Promise<ProvisionOutcome> {
    const cached = await loadTarget(kit.db, input.entitlementId, input.accountId);
    if (!cached.target) return kit.refuse(op, input, undefined, cached.missing as NotFoundError);
    const target = cached.target;
    if (!cached.grantable) {
      const reason = cached.grantableReason ?? 'it cannot be provisioned with this plan and configuration';
      return kit.refuse(op, input, target, new NotGrantableError(`${target.entitlementExternalId} cannot be ${op === 'GRANT' ? 'granted' : 'revoked'} by the gateway: ${reason}`, { reason, field: 'input.entitlementId' }));
    }
    const isGroup = target.resource.resourceType === 'userGroup';
    try {
      if (isGroup) userGroups.check(op, target);
      else single.check(op, target);
    } catch (error) {
      const userError = userErrorOf(error);
      if (!userError) throw error;
      return kit.refuse(op, input, target, userError);
    }
    const started: Input = { ...input, attemptId: await kit.recordAttempt(op, input, target) };
    progress.started = true;
    try {
      await kit.ensureDetected();
    } catch (error) {
      return kit.failed(op, started, target, error);
    }
    return isGroup ? userGroups.write(op, target, started, ticket) : single.write(op, target, started);
  }

  async function perform(op: ProvisionOp, input: Input): Promise<ProvisionOutcome> {
    const announcement = userGroups.announce(input.entitlementId);
    const key = input.idempotencyKey;
    const call = key ? { apiClientId: input.actor.apiClientId, key, operation: op, entitlementId: input.entitlementId, accountId: input.accountId } : undefined;
    try {
      return await runIdempotent<ProvisionOutcome>(kit.db, call, leaseMs, {
        replay: async (stored) => {
          const outcome = restoreOutcome<ProvisionResult>(stored);
          const target = (await loadTarget(kit.db, input.entitlementId, input.accountId)).target;
          await recordAudit(kit.db, { ...kit.auditRecord(op, input, target, outcome, { idempotentReplay: true }), outcome: 'NOOP' });
          return outcome;
        },
        refuse: (error) => kit.refuse(op, input, undefined, error),
        run: async (progress, takenOver) => {
          if (!takenOver || !key) return attempt(op, input, announcement.ticket, progress);
          // Its first caller died mid-call: Slack is read again and the change made or found in place.
          kit.logger?.warn({ action: ACTIONS[op], idempotencyKey: key }, 'taking over an idempotency key whose call did not finish');
          const prior = await kit.db
            .selectFrom('audit_events')
            .select('id')
            .where('action', '=', `${ACTIONS[op]}.started`)
            .where('api_client_id', '=', input.actor.apiClientId)
            .where(sql<string>`details->>'idempotencyKey'`, '=', key)
            .orderBy('id', 'desc')
            .executeTakeFirst();
          return attempt(op, { ...input, takenOver: true, ...(prior ? { priorAttemptId: prior.id } : {}) }, announcement.ticket, progress);
        },
      });
    } finally {
      announcement.release();
    }
  }

  return {
    grant: (input) => perform('GRANT', input),
    revoke: (input) => perform('REVOKE', input),
    setAccountStatus: (input) => accounts.setAccountStatus(input),
  };
}
