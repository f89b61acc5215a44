// Helpers over a simulated Slack organization and what the cache holds of it.
import type { Kysely } from 'kysely';
import type { Actor } from '../../src/access/types.ts';
import type { Database } from '../../src/db/createDb.ts';
import type { DB } from '../../src/db/schema.ts';
import type { SlackConnection } from '../../src/slack/connection.ts';
import type { RunningSimulator } from '../../src/simulator/index.ts';
import type { User } from '../../src/simulator/store.ts';
import { SyncEngine } from '../../src/sync/engine.ts';

export const actor: Actor = { apiClientId: 'test-client', label: 'test' };

/** Fills the cache from Slack with one full sync (again); refuses to delete more than `deletionThreshold` of it. */
export async function syncAgain(database: Database, connection: SlackConnection, deletionThreshold = 0.9): Promise<void> {
  const engine = new SyncEngine({ database, connection, ssoEnabled: true, deletionThreshold });
  const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
  await engine.close();
  if (run.status !== 'SUCCEEDED') throw new Error(`sync ended ${run.status}: ${run.error}`);
}

/** One full sync, as a first fill of the cache. */
export function syncOnce(database: Database, connection: SlackConnection): Promise<void> {
  return syncAgain(database, connection, 0.5);
}

export async function entitlementId(db: Kysely<DB>, externalId: string): Promise<number> {
  return (await db.selectFrom('entitlements').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow()).id;
}

export async function accountId(db: Kysely<DB>, slackId: string): Promise<number> {
  return (await db.selectFrom('accounts').select('id').where('slack_id', '=', slackId).executeTakeFirstOrThrow()).id;
}

export async function cachedMembers(db: Kysely<DB>, entitlementExternalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
    .innerJoin('accounts', 'accounts.id', 'grants.account_id')
    .select('accounts.slack_id')
    .where('entitlements.external_id', '=', entitlementExternalId)
    .execute();
  return rows.map((r) => r.slack_id).sort();
}

/** Full members of a workspace a user group or channel would accept. */
export function fullMembers(sim: RunningSimulator, teamId: string): User[] {
  return [...sim.store.users.values()].filter(
    (u) => !u.deleted && !u.isBot && !u.isAppUser && !u.isRestricted && !u.isStranger && !u.isInvitedUser && u.id !== 'USLACKBOT' && u.memberships.some((m) => m.teamId === teamId),
  );
}

/** Makes the first `count` people (enabled full members: no bots, guests or invitees) workspace admins, before a sync. */
export function promoteToAdmins(sim: RunningSimulator, count: number): void {
  const people = [...sim.store.users.values()].filter((u) => u.id !== 'USLACKBOT' && !u.isBot && !u.deleted && !u.isRestricted && !u.isUltraRestricted && !u.isInvitedUser && !u.isStranger);
  for (const u of people.slice(0, count)) for (const m of u.memberships) if (m.role === 'member') m.role = 'admin';
}
