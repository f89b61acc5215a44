import type { Kysely } from 'kysely';
import { clientActor, recordAudit } from '../audit/record.ts';
import type { DB, SyncRun } from '../db/schema.ts';
import type { SyncController } from '../sync/types.ts';
import type { CallingClient, CallOrigin } from './actor.ts';
import { ConflictError, type UserError } from './errors.ts';

export interface StartSyncOutcome {
  run: SyncRun | null;
  errors: UserError[];
}

/**
 * A full sync started for an API client (or the one in progress joined), audited as `startSync`
 * whether it started or not. A gateway without a Slack connection has no sync to start, and says so.
 */
export async function startSyncFor(db: Kysely<DB>, sync: SyncController | undefined, input: { client: CallingClient; confirmDeletions: boolean; origin: CallOrigin }): Promise<StartSyncOutcome> {
  const { client, confirmDeletions, origin } = input;
  const actor = clientActor(client.clientId);
  const refuse = async (error: ConflictError): Promise<StartSyncOutcome> => {
    await recordAudit(db, { action: 'startSync', outcome: 'FAILURE', actor, errorCode: error.code, details: { confirmDeletions }, ...origin });
    return { run: null, errors: [error] };
  };
  if (!sync) return refuse(new ConflictError('no Slack connection is configured on this gateway, so it cannot sync; start it with --token (SLACKGATE_TOKEN)', { code: 'SYNC_NOT_CONFIGURED' }));
  let run: SyncRun;
  try {
    run = await sync.start({ trigger: 'MANUAL', requestedBy: client.clientId, confirmDeletions });
  } catch (cause) {
    return refuse(new ConflictError(`the sync could not be started: ${(cause as Error).message}`, { code: 'SYNC_NOT_STARTED' }));
  }
  await recordAudit(db, {
    action: 'startSync',
    outcome: 'SUCCESS',
    actor,
    target: { type: 'syncRun', id: run.id },
    details: { confirmDeletions, status: run.status, trigger: run.trigger },
    ...origin,
  });
  return { run, errors: [] };
}
