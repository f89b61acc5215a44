import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { markChangeSource } from '../feed/source.ts';
import type { PlanInfo } from '../slack/connection.ts';
import { capabilitiesOf, type Capabilities } from '../slack/grantability.ts';
import type { SlackChannel, SlackUser, SlackUserGroup } from '../slack/wire.ts';
import { ext, mapChannel, mapIdpGroup, mapUser, mapUserGroup, WORKSPACE_ROLES, workspaceRolesOf, type StageBatch } from '../sync/mapping.ts';
import { reconcileGrants } from '../sync/targeted.ts';

// Applying one Slack event to the cache: a targeted change, leaving the rows it touches as a full
// sync would (grants of source SYNC: they were seen in Slack), recorded in the change feed with
// source EVENT and the event's id. Memberships come from the event itself (Slack's membership
// events carry the member and the change), not from a fresh read: a read per event would spend
// Slack's tier-2 allowance (20 calls a minute for usergroups.users.list) within seconds of a burst.
//
// Events arrive at least once and in any order. Each membership (entitlement, account) and each
// account remembers the event_ts of the newest event applied to it (slack_versions); an event
// older than that changes nothing (STALE), so a late event never undoes a newer one. Events
// older than the start of the last successful full sync are stale too: that sync read Slack after
// them.

export type EventOutcome = 'APPLIED' | 'STALE' | 'IGNORED';

export interface QueuedEvent {
  event_id: string;
  type: string;
  event_ts: number | string;
  team_id: string | null;
  enterprise_id: string | null;
  payload: Record<string, unknown>;
}

type Trx = Transaction<DB>;

/** The event types the live cache applies. */
export const LIVE_EVENT_TYPES = [
  'team_join',
  'user_change',
  'subteam_created',
  'subteam_updated',
  'subteam_members_changed',
  'member_joined_channel',
  'member_left_channel',
  'channel_created',
  'channel_rename',
  'channel_archive',
  'channel_unarchive',
  'channel_deleted',
  'group_rename',
  'group_archive',
  'group_unarchive',
  'group_deleted',
] as const;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Records `ts` as the newest change of each key; answers the keys for which it is newer than what
 * was recorded (the others have seen a newer event already).
 */
async function newerKeys(trx: Trx, keys: string[], ts: string): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await sql<{ key: string }>`
    insert into slack_versions (key, event_ts) select k, ${ts}::numeric from unnest(${keys}::text[]) as k
    on conflict (key) do update set event_ts = excluded.event_ts where slack_versions.event_ts < excluded.event_ts
    returning key`.execute(trx);
  return new Set(rows.map((r) => r.key));
}

/**
 * Sets each user's membership of an entitlement to `present`, where this event is the newest
 * that touched it. A disabled user group grants nothing, whoever it lists.
 */
async function applyMembership(trx: Trx, entitlementExternalId: string, users: string[], present: boolean, ts: string): Promise<boolean> {
  if (users.length === 0) return false;
  const keyOf = (u: string) => `m:${entitlementExternalId}:${u}`;
  const newer = await newerKeys(trx, users.map(keyOf), ts);
  const fresh = users.filter((u) => newer.has(keyOf(u)));
  if (fresh.length === 0) return false;
  if (present) {
    await sql`insert into grants (external_id, entitlement_id, account_id, source, granted_at, updated_at)
      select e.external_id || ':user:' || a.slack_id, e.id, a.id, 'SYNC', now(), now()
      from entitlements e join resources r on r.id = e.resource_id, accounts a
      where e.external_id = ${entitlementExternalId} and r.status <> 'DISABLED' and a.slack_id = any(${fresh}::text[])
      on conflict do nothing`.execute(trx);
  } else {
    await sql`delete from grants g using entitlements e, accounts a
      where e.external_id = ${entitlementExternalId} and g.entitlement_id = e.id and a.id = g.account_id and a.slack_id = any(${fresh}::text[])`.execute(trx);
  }
  return true;
}

/**
 * Slack's plan and tokens as the last full sync found them (what grantability depends on), or
 * undefined before any sync. IdP-group grantability also depends on the SSO setting, which only
 * the sync knows: a new IdP group copies it from the IdP groups already there (see addObjects).
 */
async function storedCapabilities(trx: Trx): Promise<Capabilities | undefined> {
  const row = await trx.selectFrom('connector_state').select('value').where('key', '=', 'plan').executeTakeFirst();
  if (!row) return undefined;
  const plan = (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as PlanInfo;
  return capabilitiesOf(plan, false);
}

/**
 * Adds the resources and entitlements of `batch` the cache does not have yet (as a full sync
 * would add them); answers whether anything was added. Existing rows are left to the caller.
 */
async function addObjects(trx: Trx, batch: StageBatch): Promise<boolean> {
  let added = false;
  for (const r of batch.resources ?? []) {
    const { rows } = await sql<{ id: number }>`insert into resources (external_id, resource_type, slack_id, workspace_id, parent_id, display_name, description, status, profile, updated_at)
      values (${r.external_id}, ${r.resource_type}, ${r.slack_id}, ${r.workspace_id ?? null}, (select id from resources where external_id = ${r.parent_external_id ?? null}),
        ${r.display_name}, ${r.description ?? null}, ${r.status ?? 'ACTIVE'}, ${JSON.stringify(r.profile ?? {})}::jsonb, now())
      on conflict (external_id) do nothing returning id`.execute(trx);
    if (rows.length > 0) added = true;
  }
  for (const e of batch.entitlements ?? []) {
    // An IdP group is grantable as the IdP groups already synced are (the SSO setting decides).
    const { rows } = await sql<{ id: number }>`insert into entitlements (external_id, resource_id, slug, display_name, description, purpose, grantable, grantable_reason, updated_at)
      select ${e.external_id}, r.id, ${e.slug}, ${e.display_name}, ${e.description ?? null}, ${e.purpose ?? 'ASSIGNMENT'},
        coalesce(peer.grantable, ${e.grantable ?? true}), case when peer.id is not null then peer.grantable_reason else ${e.grantable_reason ?? null} end, now()
      from resources r
      left join lateral (select p.id, p.grantable, p.grantable_reason from entitlements p join resources pr on pr.id = p.resource_id
        where r.resource_type = 'group' and pr.resource_type = 'group' and p.slug = ${e.slug} order by p.id limit 1) peer on true
      where r.external_id = ${e.resource_external_id}
      on conflict (external_id) do nothing returning id`.execute(trx);
    if (rows.length > 0) added = true;
  }
  return added;
}

/** Whether the cache holds Slack's SCIM (IdP) groups at all (they come with SCIM access). */
async function holdsIdpGroups(trx: Trx): Promise<boolean> {
  return (await trx.selectFrom('resources').select('id').where('resource_type', '=', 'group').limit(1).executeTakeFirst()) !== undefined;
}

/** A user group's membership entitlements: the group's own, and its SCIM (IdP) group's when synced. */
function groupEntitlements(id: string): string[] {
  return [ext.entitlement(ext.userGroup(id), 'member'), ext.entitlement(ext.idpGroup(id), 'member')];
}

/** The Slack ids holding an entitlement now. */
async function holders(trx: Trx, entitlementExternalId: string): Promise<string[]> {
  const { rows } = await sql<{ slack_id: string }>`select a.slack_id from grants g join entitlements e on e.id = g.entitlement_id
    join accounts a on a.id = g.account_id where e.external_id = ${entitlementExternalId}`.execute(trx);
  return rows.map((r) => r.slack_id);
}

async function applyUserGroup(trx: Trx, subteam: Record<string, unknown>, ts: string): Promise<EventOutcome> {
  const id = str(subteam.id);
  if (!id) return 'IGNORED';
  const resourceXid = ext.userGroup(id);
  const entXid = ext.entitlement(resourceXid, 'member');
  const name = str(subteam.name) ?? id;
  const disabled = typeof subteam.date_delete === 'number' && subteam.date_delete > 0;
  const status = disabled ? 'DISABLED' : 'ACTIVE';
  const profile = { handle: str(subteam.handle) ?? null, auto_type: str(subteam.auto_type) ?? null, is_idp_group: subteam.is_idp_group === true };
  const newer = await newerKeys(trx, [`g:${resourceXid}`], ts);
  if (newer.size > 0) {
    const updated = await sql<{ id: number }>`update resources set display_name = ${name}, description = ${str(subteam.description) ?? null}, status = ${status},
        profile = ${JSON.stringify(profile)}::jsonb, updated_at = now()
      where external_id = ${resourceXid} and (display_name, description, status, profile) is distinct from (${name}, ${str(subteam.description) ?? null}, ${status}, ${JSON.stringify(profile)}::jsonb)
      returning id`.execute(trx);
    if (updated.rows.length > 0) {
      await sql`update entitlements set display_name = ${`${name} User group member`}, description = ${`Member of ${name} User group`}, updated_at = now()
        where external_id = ${entXid} and display_name is distinct from ${`${name} User group member`}`.execute(trx);
    }
  }
  let exists = await trx.selectFrom('entitlements').select('id').where('external_id', '=', entXid).executeTakeFirst();
  if (!exists) {
    // A group the cache does not know yet (subteam_created, or an update of a group created
    // since the last sync): added as a full sync would add it, with its SCIM group when the
    // cache holds SCIM groups (Slack's SCIM groups are its user groups).
    const caps = await storedCapabilities(trx);
    const teamId = str(subteam.team_id);
    if (!caps || !teamId) return 'IGNORED';
    const batch = mapUserGroup(subteam as unknown as SlackUserGroup, teamId, caps);
    if (await holdsIdpGroups(trx)) {
      const idp = mapIdpGroup({ id, displayName: name, members: strings(subteam.users).map((value) => ({ value })) }, caps);
      batch.resources?.push(...(idp.resources ?? []));
      batch.entitlements?.push(...(idp.entitlements ?? []));
    }
    await addObjects(trx, batch);
    exists = await trx.selectFrom('entitlements').select('id').where('external_id', '=', entXid).executeTakeFirst();
    if (!exists) return 'IGNORED';
  }
  if (!Array.isArray(subteam.users)) return newer.size > 0 ? 'APPLIED' : 'STALE';
  // A snapshot of the members: each membership this event is newest for follows it. Slack's
  // SCIM groups are its user groups, so the IdP group of the same id follows too (whose members
  // SCIM lists whether or not the group is disabled).
  let changed = newer.size > 0;
  for (const xid of groupEntitlements(id)) {
    const listed = disabled && xid === entXid ? [] : strings(subteam.users);
    const current = await holders(trx, xid);
    const gone = current.filter((u) => !listed.includes(u));
    if (await applyMembership(trx, xid, listed, true, ts)) changed = true;
    if (await applyMembership(trx, xid, gone, false, ts)) changed = true;
  }
  return changed ? 'APPLIED' : 'STALE';
}

async function applyUser(trx: Trx, user: SlackUser, teamId: string, grid: boolean, ts: string): Promise<EventOutcome> {
  if (!user?.id) return 'IGNORED';
  const newer = await newerKeys(trx, [`u:${user.id}:${teamId}`], ts);
  if (newer.size === 0) return 'STALE';
  const { account: s } = mapUser(user, teamId, grid);
  const existing = await trx.selectFrom('accounts').select(['id', 'scim_id', 'email']).where('slack_id', '=', user.id).executeTakeFirst();
  const home = s.team_id ? await trx.selectFrom('workspaces').select('id').where('id', '=', s.team_id).executeTakeFirst() : undefined;
  const email = s.email ?? existing?.email ?? null;
  const values = {
    username: s.username ?? null,
    email,
    emails: JSON.stringify(email === null ? [] : [{ value: email, primary: true }]),
    display_name: s.display_name ?? null,
    real_name: s.real_name ?? null,
    status: s.deleted ? (existing?.scim_id ? ('DISABLED' as const) : ('DELETED' as const)) : ('ENABLED' as const),
    type: user.id === 'USLACKBOT' ? ('SYSTEM' as const) : s.is_bot ? ('SERVICE' as const) : ('HUMAN' as const),
    is_guest: s.is_restricted === true,
    guest_kind: s.is_restricted ? (s.is_ultra_restricted ? ('SINGLE_CHANNEL' as const) : ('MULTI_CHANNEL' as const)) : null,
    is_bot: s.is_bot === true,
    is_app_user: s.is_app_user === true,
    is_invited: s.is_invited === true,
    is_stranger: s.is_stranger === true,
    is_admin: s.is_admin === true,
    is_owner: s.is_owner === true,
    is_primary_owner: s.is_primary_owner === true,
    mfa_enabled: s.has_2fa ?? null,
    home_workspace_id: home?.id ?? null,
    timezone: s.timezone ?? null,
    profile: JSON.stringify(s.profile ?? {}),
  };
  let accountId: number;
  if (existing) {
    accountId = existing.id;
    await sql`update accounts set username = ${values.username}, email = ${values.email}, emails = ${values.emails}::jsonb, display_name = ${values.display_name},
        real_name = ${values.real_name}, status = ${values.status}, type = ${values.type}, is_guest = ${values.is_guest}, guest_kind = ${values.guest_kind},
        is_bot = ${values.is_bot}, is_app_user = ${values.is_app_user}, is_invited = ${values.is_invited}, is_stranger = ${values.is_stranger},
        is_admin = ${values.is_admin}, is_owner = ${values.is_owner}, is_primary_owner = ${values.is_primary_owner}, mfa_enabled = ${values.mfa_enabled},
        home_workspace_id = ${values.home_workspace_id}, timezone = ${values.timezone}, profile = ${values.profile}::jsonb, updated_at = now()
      where id = ${accountId} and (username, email, display_name, real_name, status, type, is_guest, guest_kind, is_bot, is_app_user, is_invited, is_stranger,
          is_admin, is_owner, is_primary_owner, mfa_enabled, home_workspace_id, timezone, profile)
        is distinct from (${values.username}, ${values.email}, ${values.display_name}, ${values.real_name}, ${values.status}, ${values.type}, ${values.is_guest},
          ${values.guest_kind}, ${values.is_bot}, ${values.is_app_user}, ${values.is_invited}, ${values.is_stranger}, ${values.is_admin}, ${values.is_owner},
          ${values.is_primary_owner}, ${values.mfa_enabled}, ${values.home_workspace_id}, ${values.timezone}, ${values.profile}::jsonb)`.execute(trx);
  } else {
    const row = await trx
      .insertInto('accounts')
      .values({ external_id: ext.account(user.id), slack_id: user.id, ...values })
      .onConflict((oc) => oc.column('slack_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return 'STALE';
    accountId = row.id;
  }
  // Workspace membership and the roles derived from the user's flags, as the sync derives them.
  const roles = new Set(workspaceRolesOf(user));
  const wanted = new Map<string, boolean>([[ext.entitlement(ext.workspace(teamId), 'member'), !s.is_stranger]]);
  for (const role of Object.keys(WORKSPACE_ROLES)) wanted.set(ext.entitlement(ext.workspaceRole(teamId, role), 'assigned'), !s.is_stranger && roles.has(role));
  const enterpriseUser = (user as { enterprise_user?: { teams?: unknown; is_admin?: unknown; is_owner?: unknown; is_primary_owner?: unknown } }).enterprise_user;
  if (grid && enterpriseUser) {
    // Grid: the organization's roles come with the user (as the full sync reads them), and
    // `enterprise_user.teams` lists every workspace the user is in now. A workspace the cache
    // knows that is not listed was left (an org admin removed the user from it): its membership
    // and roles go, unless a newer event for that workspace arrived first.
    wanted.set(ext.entitlement(ext.enterpriseRole('organization_primary_owner'), 'assigned'), enterpriseUser.is_primary_owner === true);
    wanted.set(ext.entitlement(ext.enterpriseRole('organization_owner'), 'assigned'), enterpriseUser.is_owner === true);
    wanted.set(ext.entitlement(ext.enterpriseRole('organization_admin'), 'assigned'), enterpriseUser.is_admin === true);
    if (Array.isArray(enterpriseUser.teams)) {
      const teams = new Set(strings(enterpriseUser.teams));
      const known = await trx.selectFrom('workspaces').select('id').execute();
      const left = known.map((w) => w.id).filter((id) => id !== teamId && !teams.has(id));
      const newer = await newerKeys(trx, left.map((id) => `u:${user.id}:${id}`), ts);
      for (const id of left) {
        if (!newer.has(`u:${user.id}:${id}`)) continue;
        wanted.set(ext.entitlement(ext.workspace(id), 'member'), false);
        for (const role of Object.keys(WORKSPACE_ROLES)) wanted.set(ext.entitlement(ext.workspaceRole(id, role), 'assigned'), false);
      }
    }
  }
  const entitlements = await trx.selectFrom('entitlements').select(['id', 'external_id']).where('external_id', 'in', [...wanted.keys()]).execute();
  for (const e of entitlements) {
    await reconcileGrants(trx, { entitlementId: e.id, entitlementExternalId: e.external_id }, wanted.get(e.external_id) ? [user.id] : [], { accountIds: [accountId], origin: { source: 'EVENT' } });
  }
  return 'APPLIED';
}

async function setChannelStatus(trx: Trx, channelId: string, status: 'ACTIVE' | 'ARCHIVED' | 'DELETED', ts: string): Promise<EventOutcome> {
  const resourceXid = ext.channel(channelId);
  const newer = await newerKeys(trx, [`c:${resourceXid}`], ts);
  if (newer.size === 0) return 'STALE';
  const { rows } = await sql<{ id: number }>`update resources set status = ${status}, updated_at = now() where external_id = ${resourceXid} and status <> ${status} returning id`.execute(trx);
  if (status === 'DELETED') {
    // Slack lists nobody in a deleted channel: its grants go, as a full sync would remove them.
    await sql`delete from grants g using entitlements e where e.external_id = ${ext.entitlement(resourceXid, 'member')} and g.entitlement_id = e.id`.execute(trx);
    await sql`update entitlements e set grantable = false, grantable_reason = 'the resource no longer exists in Slack', updated_at = now()
      from resources r where r.id = e.resource_id and r.external_id = ${resourceXid} and e.grantable`.execute(trx);
  }
  return rows.length > 0 ? 'APPLIED' : 'STALE';
}

async function renameChannel(trx: Trx, channel: Record<string, unknown>, ts: string): Promise<EventOutcome> {
  const id = str(channel.id);
  const name = str(channel.name);
  if (!id || !name) return 'IGNORED';
  const resourceXid = ext.channel(id);
  const newer = await newerKeys(trx, [`n:${resourceXid}`], ts);
  if (newer.size === 0) return 'STALE';
  const { rows } = await sql<{ id: number }>`update resources set display_name = ${`#${name}`}, profile = profile || jsonb_build_object('name', ${name}::text), updated_at = now()
    where external_id = ${resourceXid} and display_name is distinct from ${`#${name}`} returning id`.execute(trx);
  if (rows.length === 0) return 'STALE';
  await sql`update entitlements set display_name = ${`#${name} channel member`}, description = ${`Member of the #${name} channel`}, updated_at = now()
    where external_id = ${ext.entitlement(resourceXid, 'member')}`.execute(trx);
  return 'APPLIED';
}

/**
 * A new public channel (Slack announces private ones only to their members): added as a full
 * sync would add it, with its grantability from the plan and tokens the last sync found. Its
 * creator is its first member when the event names one (Slack puts the creator in the channel).
 */
async function createChannel(trx: Trx, channel: Record<string, unknown>, teamId: string, ts: string): Promise<EventOutcome> {
  const id = str(channel.id);
  const name = str(channel.name);
  if (!id || !name || !teamId) return 'IGNORED';
  const caps = await storedCapabilities(trx);
  if (!caps) return 'IGNORED';
  const known = await trx.selectFrom('workspaces').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!known) return 'IGNORED';
  const batch = mapChannel({ ...(channel as unknown as SlackChannel), id, name, is_private: channel.is_private === true, is_archived: false }, teamId, caps);
  const added = await addObjects(trx, batch);
  const creator = str(channel.creator);
  if (creator) await applyMembership(trx, ext.entitlement(ext.channel(id), 'member'), [creator], true, ts);
  return added ? 'APPLIED' : 'STALE';
}

/** Applies one event inside `trx` (the caller's transaction); answers what came of it. */
export async function applyEvent(trx: Trx, event: QueuedEvent, options: { floorTs: number }): Promise<EventOutcome> {
  const ts = String(event.event_ts);
  if (Number(ts) < options.floorTs) return 'STALE';
  await markChangeSource(trx, { source: 'EVENT', eventId: event.event_id });
  const e = event.payload;
  const grid = event.enterprise_id !== null && event.enterprise_id !== undefined;
  switch (event.type) {
    case 'team_join':
    case 'user_change': {
      const user = e.user as SlackUser | undefined;
      if (!user) return 'IGNORED';
      // Grid: a user_change is told per workspace the user is in; the event's team is the one seen.
      const teamId = str(event.team_id) ?? str(user.team_id) ?? '';
      return applyUser(trx, user, teamId, grid, ts);
    }
    case 'subteam_created':
    case 'subteam_updated':
      return applyUserGroup(trx, (e.subteam ?? {}) as Record<string, unknown>, ts);
    case 'subteam_members_changed': {
      const id = str(e.subteam_id);
      if (!id) return 'IGNORED';
      let changed = false;
      for (const entXid of groupEntitlements(id)) {
        if (await applyMembership(trx, entXid, strings(e.added_users), true, ts)) changed = true;
        if (await applyMembership(trx, entXid, strings(e.removed_users), false, ts)) changed = true;
      }
      return changed ? 'APPLIED' : 'STALE';
    }
    case 'member_joined_channel':
    case 'member_left_channel': {
      const channel = str(e.channel);
      const user = str(e.user);
      if (!channel || !user) return 'IGNORED';
      return (await applyMembership(trx, ext.entitlement(ext.channel(channel), 'member'), [user], event.type === 'member_joined_channel', ts)) ? 'APPLIED' : 'STALE';
    }
    case 'channel_rename':
    case 'group_rename':
      return renameChannel(trx, (e.channel ?? {}) as Record<string, unknown>, ts);
    case 'channel_archive':
    case 'group_archive':
    case 'channel_unarchive':
    case 'group_unarchive':
    case 'channel_deleted':
    case 'group_deleted': {
      const channel = str(e.channel);
      if (!channel) return 'IGNORED';
      const status = event.type.endsWith('_deleted') ? 'DELETED' : event.type.endsWith('_unarchive') ? 'ACTIVE' : 'ARCHIVED';
      return setChannelStatus(trx, channel, status, ts);
    }
    case 'channel_created':
      return createChannel(trx, (e.channel ?? {}) as Record<string, unknown>, str(event.team_id) ?? '', ts);
    default:
      return 'IGNORED';
  }
}

interface MembershipItem {
  entitlement: string;
  user: string;
  present: boolean;
  ts: string;
  eventId: string;
}

/** The membership changes a delta event carries (channel joins and leaves, user-group deltas). */
function membershipItems(event: QueuedEvent): MembershipItem[] | undefined {
  const e = event.payload;
  const ts = String(event.event_ts);
  const base = { ts, eventId: event.event_id };
  switch (event.type) {
    case 'member_joined_channel':
    case 'member_left_channel': {
      const channel = str(e.channel);
      const user = str(e.user);
      if (!channel || !user) return [];
      return [{ ...base, entitlement: ext.entitlement(ext.channel(channel), 'member'), user, present: event.type === 'member_joined_channel' }];
    }
    case 'subteam_members_changed': {
      const id = str(e.subteam_id);
      if (!id) return [];
      return groupEntitlements(id).flatMap((entitlement) => [
        ...strings(e.added_users).map((user) => ({ ...base, entitlement, user, present: true })),
        ...strings(e.removed_users).map((user) => ({ ...base, entitlement, user, present: false })),
      ]);
    }
    default:
      return undefined;
  }
}

/**
 * Applies the membership deltas among `events` together, in a few statements whatever their
 * number, with the same rules as one by one: per (entitlement, member) the newest event wins,
 * across this batch and against what earlier events left (slack_versions). Feed rows name the
 * event that caused them. Answers the outcome of each event it took; the others are left.
 */
export async function applyMembershipBatch(trx: Trx, events: QueuedEvent[], options: { floorTs: number }): Promise<Map<string, EventOutcome>> {
  const outcomes = new Map<string, EventOutcome>();
  const latest = new Map<string, MembershipItem>();
  for (const event of events) {
    const items = membershipItems(event);
    if (items === undefined) continue;
    if (Number(event.event_ts) < options.floorTs || items.length === 0) {
      outcomes.set(event.event_id, items.length === 0 ? 'IGNORED' : 'STALE');
      continue;
    }
    outcomes.set(event.event_id, 'STALE');
    for (const item of items) {
      const key = `m:${item.entitlement}:${item.user}`;
      const seen = latest.get(key);
      if (!seen || Number(seen.ts) < Number(item.ts)) latest.set(key, item);
    }
  }
  if (latest.size === 0) return outcomes;
  await markChangeSource(trx, { source: 'EVENT' });
  const keys = [...latest.keys()];
  const items = keys.map((k) => latest.get(k) as MembershipItem);
  // The memberships this batch is newest for, and (same statement) where the feed stands now.
  const { rows: fresh } = await sql<{ key: string; before: number | string | null }>`
    with fresh as (insert into slack_versions (key, event_ts)
      select k, t::numeric from unnest(${keys}::text[], ${items.map((i) => i.ts)}::text[]) as v(k, t)
      on conflict (key) do update set event_ts = excluded.event_ts where slack_versions.event_ts < excluded.event_ts
      returning key)
    select key, (select max(id) from access_changes) as before from fresh`.execute(trx);
  const applied = fresh.map((r) => latest.get(r.key) as MembershipItem);
  if (applied.length === 0) return outcomes;
  const before = { rows: [{ id: fresh[0]?.before ?? null }] };
  const adds = applied.filter((i) => i.present);
  const removes = applied.filter((i) => !i.present);
  if (adds.length > 0) {
    await sql`insert into grants (external_id, entitlement_id, account_id, source, granted_at, updated_at)
      select e.external_id || ':user:' || a.slack_id, e.id, a.id, 'SYNC', now(), now()
      from unnest(${adds.map((i) => i.entitlement)}::text[], ${adds.map((i) => i.user)}::text[]) as v(ent, usr)
      join entitlements e on e.external_id = v.ent join resources r on r.id = e.resource_id and r.status <> 'DISABLED'
      join accounts a on a.slack_id = v.usr
      order by e.id, a.id
      on conflict do nothing`.execute(trx);
  }
  if (removes.length > 0) {
    await sql`delete from grants g using unnest(${removes.map((i) => i.entitlement)}::text[], ${removes.map((i) => i.user)}::text[]) as v(ent, usr), entitlements e, accounts a
      where e.external_id = v.ent and a.slack_id = v.usr and g.entitlement_id = e.id and g.account_id = a.id`.execute(trx);
  }
  // The feed rows these statements wrote name their events.
  await sql`update access_changes c set event_id = v.event_id
    from unnest(${applied.map((i) => `${i.entitlement}:user:${i.user}`)}::text[], ${applied.map((i) => i.eventId)}::text[]) as v(grant_xid, event_id)
    where c.id > ${Number(before.rows[0]?.id ?? 0)} and c.seq is null and c.source = 'EVENT' and c.event_id is null and c.grant_external_id = v.grant_xid`.execute(trx);
  for (const item of applied) outcomes.set(item.eventId, 'APPLIED');
  return outcomes;
}
