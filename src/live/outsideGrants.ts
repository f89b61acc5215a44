import { sql, type Kysely } from 'kysely';
import type { ProvisioningService } from '../access/types.ts';
import { workspaceAdminsOf } from '../access/policies.ts';
import { recordAudit } from '../audit/record.ts';
import type { DB, OutsideGrantsPolicy } from '../db/schema.ts';
import { forgetOnAnnouncement, type EventBus } from '../events/bus.ts';
import { changesAfter } from '../feed/read.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { JobWorker, type JobHandler } from '../jobs/worker.ts';
import { coalescedRun } from '../events/coalescedRun.ts';
import type { Logger } from '../log.ts';
import type { SlackConnection } from '../slack/connection.ts';

// Access granted outside slackgate: a grant that appeared in Slack (seen by a sync or a targeted
// refresh, or told by an event), not made by slackgate. The watcher follows the change feed from
// a cursor kept in the database (one watcher at a time across replicas), records each such grant
// as an observed audit event (`observeOutsideGrant`), and applies its entitlement's policy:
// ALLOW (default) records only; NOTIFY DMs the entitlement's approvers; REVOKE removes it
// through the provisioning service — at most `revokesPerMinute` a minute: beyond that the grant
// is left in place, audited as held back, and the approvers are told instead (a mass revoke
// needs a person, as the sync's mass-revocation guard does).

const CURSOR_KEY = 'outsideGrants.cursor';
const WATCH_LOCK = 0x736777617463; // 'sgwatc'
export const OUTSIDE_GRANT_JOBS = { notify: 'notify.outsideGrant', revoke: 'revoke.outsideGrant' } as const;
const PAGE = 500;

export interface OutsideGrantsOptions {
  db: Kysely<DB>;
  bus: EventBus;
  provisioning?: ProvisioningService;
  connection?: SlackConnection;
  logger?: Logger;
  /** REVOKE policy: most grants revoked per minute without a person (default 20). */
  revokesPerMinute?: number;
  pollMs?: number;
}

async function cursorOf(db: Kysely<DB>): Promise<number | undefined> {
  const row = await db.selectFrom('connector_state').select('value').where('key', '=', CURSOR_KEY).executeTakeFirst();
  return row ? Number((row.value as { seq?: number }).seq ?? 0) : undefined;
}

/** Approvers of an entitlement: named ones, else its workspace's admins and owners. */
async function approversOf(db: Kysely<DB>, entitlementId: number): Promise<number[]> {
  const named = await db.selectFrom('entitlement_approvers').select('account_id').where('entitlement_id', '=', entitlementId).execute();
  if (named.length > 0) return named.map((r) => r.account_id);
  return (await workspaceAdminsOf(db, [entitlementId])).get(entitlementId) ?? [];
}

/** Processes the feed from the stored cursor on; answers how many outside grants it found. */
export async function watchOutsideGrants(options: OutsideGrantsOptions): Promise<number> {
  const { db } = options;
  const limit = options.revokesPerMinute ?? 20;
  let found = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${WATCH_LOCK})`.execute(trx);
      let cursor = await cursorOf(trx);
      if (cursor === undefined) {
        // First start: what is in the feed already is history, not news.
        const head = await trx.selectFrom('access_changes').select((eb) => eb.fn.max('seq').as('h')).executeTakeFirst();
        cursor = Number(head?.h ?? 0);
        await trx.insertInto('connector_state').values({ key: CURSOR_KEY, value: JSON.stringify({ seq: cursor }), updated_at: new Date() }).execute();
        return { rows: 0, found: 0 };
      }
      const rows = await changesAfter(trx, { kinds: ['GRANT_ADDED'], sources: ['SYNC', 'EVENT'] }, cursor, PAGE);
      let n = 0;
      for (const change of rows) {
        if (change.entitlement_id === null) continue;
        const grant = await trx.selectFrom('grants').select(['id', 'source']).where('id', '=', change.grant_id ?? -1).executeTakeFirst();
        // Gone again, or since taken over by slackgate (a request or a direct grant): nothing to watch.
        if (!grant || grant.source !== 'SYNC') continue;
        const entitlement = await trx.selectFrom('entitlements').select(['id', 'external_id', 'outside_grants']).where('id', '=', change.entitlement_id).executeTakeFirst();
        const account = await trx.selectFrom('accounts').select(['id', 'external_id']).where('id', '=', change.account_id).executeTakeFirst();
        if (!entitlement || !account) continue;
        n += 1;
        let policy: OutsideGrantsPolicy = entitlement.outside_grants;
        let heldBack = false;
        if (policy === 'REVOKE') {
          const recent = await sql<{ n: string | number }>`select count(*) as n from jobs where kind = ${OUTSIDE_GRANT_JOBS.revoke} and created_at > now() - interval '1 minute'`.execute(trx);
          if (Number(recent.rows[0]?.n ?? 0) >= limit) {
            heldBack = true;
            policy = 'NOTIFY';
          }
        }
        await recordAudit(trx, {
          action: 'observeOutsideGrant',
          outcome: 'SUCCESS',
          actor: { label: change.source === 'EVENT' ? 'slack:event' : 'slack:sync' },
          target: { type: 'grant', id: change.grant_external_id ?? String(change.grant_id) },
          entitlementExternalId: entitlement.external_id,
          accountExternalId: account.external_id,
          details: { source: change.source, seq: change.seq, slackEventId: change.event_id, syncRunId: change.run_id, policy: entitlement.outside_grants, ...(heldBack ? { heldBack: `more than ${limit} outside grants revoked within a minute: left in place, approvers told` } : {}) },
        });
        const payload = { entitlementId: entitlement.id, accountId: account.id, seq: change.seq, heldBack };
        if (policy === 'NOTIFY') {
          for (const approverId of await approversOf(trx, entitlement.id)) {
            await enqueueJob(trx, { kind: OUTSIDE_GRANT_JOBS.notify, payload: { ...payload, approverId }, runAt: new Date(), dedupeKey: `${OUTSIDE_GRANT_JOBS.notify}:${change.seq}:${approverId}`, maxAttempts: 3 });
          }
        } else if (policy === 'REVOKE') {
          await enqueueJob(trx, { kind: OUTSIDE_GRANT_JOBS.revoke, payload, runAt: new Date(), dedupeKey: `${OUTSIDE_GRANT_JOBS.revoke}:${change.seq}`, maxAttempts: 3 });
        }
      }
      const last = rows.at(-1)?.seq;
      if (last !== undefined) await trx.updateTable('connector_state').set({ value: JSON.stringify({ seq: last }), updated_at: new Date() }).where('key', '=', CURSOR_KEY).execute();
      return { rows: rows.length, found: n };
    });
    found += batch.found;
    if (batch.rows < PAGE) return found;
  }
}

/** The jobs the watcher queues: DMs to approvers, and revokes through the provisioning service. */
export function outsideGrantHandlers(options: Pick<OutsideGrantsOptions, 'db' | 'provisioning' | 'connection' | 'logger'>): Record<string, JobHandler> {
  const { db } = options;
  return {
    [OUTSIDE_GRANT_JOBS.notify]: async (job) => {
      const p = job.payload as { entitlementId: number; accountId: number; approverId: number; heldBack?: boolean };
      const [entitlement, account, approver] = await Promise.all([
        db.selectFrom('entitlements').select(['external_id', 'display_name']).where('id', '=', p.entitlementId).executeTakeFirst(),
        db.selectFrom('accounts').select(['slack_id', 'real_name', 'display_name']).where('id', '=', p.accountId).executeTakeFirst(),
        db.selectFrom('accounts').select(['slack_id', 'status']).where('id', '=', p.approverId).executeTakeFirst(),
      ]);
      if (!entitlement || !account || !approver || approver.status !== 'ENABLED') return;
      if (!options.connection?.bot) return;
      const who = `<@${account.slack_id}> (${account.real_name || account.display_name || account.slack_id})`;
      const text = `${who} was given *${entitlement.display_name}* (${entitlement.external_id}) in Slack, outside slackgate.${p.heldBack ? ' It was not revoked automatically: too many outside grants were revoked in the last minute. Review it in slackgate.' : ''}`;
      await options.connection.bot.call('chat.postMessage', { channel: approver.slack_id, text });
    },
    [OUTSIDE_GRANT_JOBS.revoke]: async (job) => {
      const p = job.payload as { entitlementId: number; accountId: number; seq: number };
      if (!options.provisioning) throw new Error('no provisioning service: outside grants cannot be revoked');
      const outcome = await options.provisioning.revoke({
        entitlementId: p.entitlementId,
        accountId: p.accountId,
        actor: { apiClientId: 'slackgate', label: 'outside-grants policy' },
        reason: 'granted outside slackgate; the entitlement’s policy is REVOKE',
        idempotencyKey: `outsideGrant:${p.seq}`,
      });
      if (outcome.errors.length > 0) throw new Error(outcome.errors.map((e) => e.message).join('; '));
    },
  };
}

export interface OutsideGrantWatcher {
  run(): Promise<void>;
  stop(): Promise<void>;
}

/** Follows the change feed as it grows, and runs the policy's jobs. */
export function startOutsideGrantWatcher(options: OutsideGrantsOptions): OutsideGrantWatcher {
  const { run, stop } = coalescedRun(
    () => watchOutsideGrants(options),
    (error) => options.logger?.warn({ err: error.message }, 'watching for outside grants failed; retrying shortly'),
  );
  const worker = new JobWorker({ db: options.db, handlers: outsideGrantHandlers(options), logger: options.logger, pollMs: options.pollMs ?? 1000 });
  const stopListening = forgetOnAnnouncement(options.bus, 'accessFeed', () => void run().then(() => worker.wake?.()));
  const timer = setInterval(() => void run(), options.pollMs ?? 5000);
  timer.unref();
  worker.start();
  void run();
  return {
    async run() {
      await run();
    },
    async stop() {
      clearInterval(timer);
      stopListening();
      await stop();
      await worker.stop();
    },
  };
}
