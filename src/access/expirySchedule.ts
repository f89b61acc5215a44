import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { enqueueJob } from '../jobs/queue.ts';

export const EXPIRY_JOB = 'grant.expire';

/**
 * Queues the job that revokes a time-bound grant at its expiry. The dedupe key is the grant and
 * its expiry time, so queueing twice (a request and a direct grant path, or a restart) queues
 * once, and an extension queues a job for the new time.
 */
export function scheduleExpiry(db: Kysely<DB> | Transaction<DB>, grantId: number, at: Date): Promise<number | undefined> {
  return enqueueJob(db, { kind: EXPIRY_JOB, payload: { grantId }, runAt: at, dedupeKey: `${EXPIRY_JOB}:${grantId}:${at.getTime()}`, maxAttempts: 10 });
}
