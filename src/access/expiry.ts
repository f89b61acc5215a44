import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import { systemClock, type Clock, type Job } from '../jobs/queue.ts';
import { RetryLater, type JobHandler } from '../jobs/worker.ts';
import type { Logger } from '../log.ts';
import { EXPIRY_JOB, scheduleExpiry } from './expirySchedule.ts';
import type { ProvisioningService } from './types.ts';

export { EXPIRY_JOB, scheduleExpiry };

/** What expiry needs of the request service: ending the requests behind an expired grant. */
export interface ExpiringRequests {
  markExpired(tx: Transaction<DB>, grant: { account_id: number; entitlement_id: number }): Promise<ReadonlyArray<{ id: number }>>;
}

/**
 * Time-bound grants end on their own. Each grant with an `expires_at` has a `grant.expire` job
 * due at that time (queued when the request was granted); the jobs worker claims it with
 * `FOR UPDATE SKIP LOCKED`, so among all replicas exactly one revokes it, and a restart loses
 * nothing because the job is a row. An extension moves `expires_at` and queues a job for the
 * new time; the old job then finds the grant not yet due and does nothing.
 *
 * Pre-existing access found by a sync (source SYNC) is never revoked here, whatever its row says.
 */
export function expiryHandlers(options: { db: Kysely<DB>; provisioning: ProvisioningService; requests: ExpiringRequests; bus?: EventBus; logger?: Logger; now?: Clock }): Record<string, JobHandler> {
  const { db, provisioning, requests, logger } = options;
  const now = options.now ?? systemClock;
  return {
    [EXPIRY_JOB]: async (job: Job) => {
      const grantId = Number(job.payload.grantId);
      const grant = await db
        .selectFrom('grants')
        .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
        .innerJoin('accounts', 'accounts.id', 'grants.account_id')
        .select(['grants.id', 'grants.entitlement_id', 'grants.account_id', 'grants.source', 'grants.expires_at', 'grants.request_id', 'grants.external_id', 'entitlements.external_id as entitlement_external_id', 'accounts.external_id as account_external_id'])
        .where('grants.id', '=', grantId)
        .executeTakeFirst();
      if (!grant || grant.source === 'SYNC' || grant.expires_at === null) return;
      // Extended: the job queued for the new expiry will do it.
      if (grant.expires_at.getTime() > now().getTime()) return;
      const request = grant.request_id !== null ? await db.selectFrom('requests').select(['id', 'api_client_id']).where('id', '=', grant.request_id).executeTakeFirst() : undefined;
      const outcome = await provisioning.revoke({
        entitlementId: grant.entitlement_id,
        accountId: grant.account_id,
        actor: { apiClientId: request?.api_client_id ?? 'slackgate', label: 'expiry' },
        reason: `time-bound access ended at ${grant.expires_at.toISOString()}`,
        requestId: grant.request_id,
        cause: 'EXPIRY',
      });
      const expired = {
        action: 'grant.expired',
        actor: { label: 'expiry' },
        target: { type: 'grant', id: grant.external_id },
        entitlementExternalId: grant.entitlement_external_id,
        accountExternalId: grant.account_external_id,
        requestId: grant.request_id,
      };
      if (outcome.errors.length > 0 || !outcome.result) {
        const message = outcome.errors.map((e) => e.message).join('; ') || 'revoke failed without a reason';
        await db
          .updateTable('requests')
          .set({ error: `automatic revoke at expiry failed (will retry): ${message}`, error_code: outcome.errors[0]?.code ?? 'EXPIRY_FAILED', updated_at: now() })
          .where('id', '=', grant.request_id ?? -1)
          .execute();
        await recordAudit(db, { ...expired, outcome: 'FAILURE', errorCode: outcome.errors[0]?.code ?? null, details: { message, attempt: job.attempts } });
        logger?.warn({ grant: grant.external_id, err: message }, 'revoke at expiry failed; will retry');
        throw new RetryLater(message);
      }
      await db.transaction().execute(async (tx) => {
        // The provisioning service removed the row from the cache; make sure, in case it kept it.
        await tx.deleteFrom('grants').where('id', '=', grant.id).where('source', '<>', 'SYNC').where('expires_at', '<=', now()).execute();
        const ended = await requests.markExpired(tx, grant);
        await recordAudit(tx, { ...expired, outcome: 'SUCCESS', details: { result: outcome.result, expiresAt: grant.expires_at?.toISOString(), requests: ended.map((r) => r.id) } });
      });
    },
  };
}

/**
 * A provisioning service whose time-bound grants are always revoked on time: whichever path
 * granted them (a direct `grantEntitlement` with a duration, a request), the expiry job is
 * queued as soon as the grant exists.
 */
export function withExpiryScheduling<S extends ProvisioningService>(service: S, db: Kysely<DB>): S {
  return {
    ...service,
    grant: async (input) => {
      const outcome = await service.grant(input);
      if (input.expiresAt && outcome.grantId !== undefined && outcome.errors.length === 0) await scheduleExpiry(db, outcome.grantId, input.expiresAt);
      return outcome;
    },
  };
}

/**
 * Queues expiry jobs for time-bound grants that have none (grants made before the worker ran,
 * or given an expiry directly). Idempotent: the dedupe key is the grant and its expiry time.
 */
export async function scheduleMissingExpiries(db: Kysely<DB>): Promise<number> {
  const grants = await db
    .selectFrom('grants')
    .select(['id', 'expires_at'])
    .where('expires_at', 'is not', null)
    .where('source', '<>', 'SYNC')
    .execute();
  let queued = 0;
  for (const g of grants) {
    const at = g.expires_at as Date;
    const id = await scheduleExpiry(db, g.id, at);
    if (id !== undefined) queued += 1;
  }
  return queued;
}
