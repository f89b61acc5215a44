import { MemberSet, type Channel, type RenderedScimUser, type SlackStore, type User, type UserGroup } from '../store.ts';
import { flat, JsonPage, jsonString, pageMemory } from '../web/render.ts';

export type ScimVersion = 1 | 2;

export const URN = {
  v1: {
    core: 'urn:scim:schemas:core:1.0',
    enterprise: 'urn:scim:schemas:extension:enterprise:1.0',
    guest: 'urn:scim:schemas:extension:slack:guest:1.0',
    profile: 'urn:scim:schemas:extension:slack:profile:1.0',
  },
  v2: {
    user: 'urn:ietf:params:scim:schemas:core:2.0:User',
    group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
    enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    guest: 'urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User',
    profile: 'urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User',
    list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
    patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
    error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  },
} as const;

export function extensionUrns(version: ScimVersion): { enterprise: string; guest: string; profile: string } {
  return version === 1 ? URN.v1 : URN.v2;
}

export function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function avatar(hash: string): string {
  return `https://avatars.slack-edge.com/2019-01-01/${hash}_192.jpg`;
}

/** Users SCIM shows: the organization's accounts, without Slackbot and external (Slack Connect) people. */
export function isScimUser(user: User): boolean {
  return user.id !== 'USLACKBOT' && !user.isStranger;
}

/** Who is in which groups and which channels, for the `groups` attribute and guests' channels. */
export interface MembershipIndex {
  groups: Map<string, UserGroup[]>;
  guestChannels: Map<string, Channel[]>;
}

const membershipIndexes = new WeakMap<SlackStore, { stamp: string; index: MembershipIndex }>();

/**
 * Which groups each user is in and which channels each guest is in, built in one pass over the
 * groups and channels and kept until a membership, group or channel changes: a list page renders
 * a thousand users, and asking every group about every user would cost groups × users.
 */
export function membershipIndex(store: SlackStore): MembershipIndex {
  const stamp = store.membershipStamp();
  const cached = membershipIndexes.get(store);
  if (cached && cached.stamp === stamp) return cached.index;
  const groups = new Map<string, UserGroup[]>();
  for (const group of store.usergroups.values()) {
    for (const id of group.users) {
      const list = groups.get(id);
      if (list) list.push(group);
      else groups.set(id, [group]);
    }
  }
  const guestChannels = new Map<string, Channel[]>();
  for (const channel of store.channels.values()) {
    for (const id of channel.members) {
      if (!store.user(id)?.isRestricted) continue;
      const list = guestChannels.get(id);
      if (list) list.push(channel);
      else guestChannels.set(id, [channel]);
    }
  }
  const index = { groups, guestChannels };
  membershipIndexes.set(store, { stamp, index });
  return index;
}

/** Any JSON value; strings without the generic stringify. */
function json(value: unknown): string {
  return typeof value === 'string' ? jsonString(value) : JSON.stringify(value);
}

/**
 * The parts of a user's SCIM JSON that depend only on the user (all but `meta.location`, groups
 * and guest channels), kept flat on the user until it changes (`touchUser`).
 */
function scimUserPieces(store: SlackStore, user: User, version: ScimVersion): RenderedScimUser {
  const q = jsonString;
  const urns = extensionUrns(version);
  const extras = user.scim ?? {};
  const guest = user.isRestricted;
  let schemas = version === 1 ? `[${q(URN.v1.core)},${q(urns.enterprise)},${q(urns.profile)}` : `[${q(URN.v2.user)},${q(urns.enterprise)},${q(urns.profile)}`;
  schemas += guest ? `,${q(urns.guest)}]` : ']';
  const workspace = store.workspace(user.memberships[0]?.teamId ?? '');
  let emails = '';
  if (user.email) emails = `{"value":${q(user.email)},"primary":true}`;
  if (extras.secondaryEmail) emails += `${emails ? ',' : ''}{"value":${json(extras.secondaryEmail)},"primary":false}`;
  const head = `{"schemas":${schemas},"id":${q(user.id)},"externalId":${json(extras.externalId ?? '')},"meta":{"created":${q(isoDate(user.created))}`;
  let out = `,"userName":${q(user.name)},"nickName":${json(extras.nickName ?? user.name)},"name":{"givenName":${q(user.firstName)},"familyName":${q(user.lastName)}`;
  if (extras.honorificPrefix) out += `,"honorificPrefix":${json(extras.honorificPrefix)}`;
  out += `},"displayName":${q(user.displayName)},"profileUrl":${q(`https://${workspace?.domain ?? 'slack'}.slack.com/team/${user.name}`)},"title":${q(user.title)},"timezone":${q(user.tz)},"active":${!user.deleted},"emails":[${emails}],"photos":${extras.photos ? JSON.stringify(extras.photos) : `[{"value":${q(avatar(user.avatarHash))},"type":"photo"}]`}`;
  if (extras.phoneNumbers) out += `,"phoneNumbers":${JSON.stringify(extras.phoneNumbers)}`;
  else if (user.phone) out += `,"phoneNumbers":[{"value":${q(user.phone)},"type":"mobile"}]`;
  if (extras.addresses) out += `,"addresses":${JSON.stringify(extras.addresses)}`;
  out += `,"userType":${json(extras.userType ?? '')}`;
  if (extras.roles) out += `,"roles":${JSON.stringify(extras.roles)}`;
  out += `,"preferredLanguage":${json(extras.preferredLanguage ?? 'en_US')},"locale":${q(user.locale.replace('-', '_'))}`;
  out += `,${q(urns.enterprise)}:{"employeeNumber":${json(extras.employeeNumber ?? '')},"costCenter":${json(extras.costCenter ?? '')},"organization":${json(extras.organization ?? '')},"division":${json(extras.division ?? '')},"department":${json(extras.department ?? '')},"manager":{"managerId":${extras.managerId === undefined || extras.managerId === null ? 'null' : json(extras.managerId)}}}`;
  out += `,${q(urns.profile)}:{"startDate":${json(extras.startDate ?? '')}},"groups":[`;
  const bytes = Buffer.from(head + out, 'utf8');
  const split = Buffer.byteLength(head);
  return { version, head: bytes.subarray(0, split), rest: bytes.subarray(split) };
}

/**
 * Renders every SCIM user's cached pieces (version 2, what a client asks for unless told
 * otherwise) and the membership index up front, as prerenderUsers does for the Web API: the
 * first listing then only joins them, like every later one.
 */
export function prerenderScimUsers(store: SlackStore): void {
  for (const user of store.users.values()) if (isScimUser(user)) user.renderedScim = scimUserPieces(store, user, 2);
  membershipIndex(store);
}

/**
 * `scimUser(store, user, version, base)` as JSON text, written field by field (a list page holds
 * up to a thousand users), with groups and guest channels from the shared index.
 */
export function scimUserJson(store: SlackStore, user: User, version: ScimVersion, base: string, index: MembershipIndex): string {
  const page = new JsonPage();
  writeScimUser(page, store, user, version, base, index);
  return page.finish().toString('utf8');
}

/** Appends `scimUserJson(…)` to a page: the cached bytes with location, groups and guest channels in between. */
export function writeScimUser(page: JsonPage, store: SlackStore, user: User, version: ScimVersion, base: string, index: MembershipIndex): void {
  const q = jsonString;
  const urns = extensionUrns(version);
  let cached = user.renderedScim;
  if (!cached || cached.version !== version) {
    cached = scimUserPieces(store, user, version);
    user.renderedScim = cached;
  }
  page.bytes(cached.head);
  page.text(`,"location":${q(`${base}Users/${user.id}`)}}`);
  page.bytes(cached.rest);
  let out = '';
  const groups = index.groups.get(user.id);
  if (groups) for (let i = 0; i < groups.length; i++) out += `${i ? ',' : ''}{"value":${q((groups[i] as UserGroup).id)},"display":${q((groups[i] as UserGroup).name)}}`;
  out += ']';
  if (user.isRestricted) {
    out += `,${q(urns.guest)}:{"type":${user.isUltraRestricted ? '"single"' : '"multi"'}`;
    if (user.guestExpirationTs) out += `,"expiration":${q(new Date(user.guestExpirationTs * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'))}`;
    out += ',"channels":[';
    const channels = index.guestChannels.get(user.id);
    if (channels) for (let i = 0; i < channels.length; i++) out += `${i ? ',' : ''}{"value":${q((channels[i] as Channel).id)},"display":${q((channels[i] as Channel).name)}}`;
    out += ']}';
  }
  page.text(`${out}}`);
}

const COMMA = Buffer.from(',');

/** A `/Users` list answer: the list envelope around each user's JSON. */
export function scimUserListJson(store: SlackStore, users: readonly User[], total: number, start: number, version: ScimVersion, base: string, index: MembershipIndex): Buffer {
  const page = new JsonPage();
  page.text(`{"schemas":[${JSON.stringify(version === 1 ? URN.v1.core : URN.v2.list)}],"totalResults":${total},"itemsPerPage":${users.length},"startIndex":${start},"Resources":[`);
  for (let i = 0; i < users.length; i++) {
    if (i > 0) page.bytes(COMMA);
    writeScimUser(page, store, users[i] as User, version, base, index);
  }
  page.text(']}');
  return page.finish(pageMemory);
}

/** Each group's SCIM member list as JSON, kept until the members or any user change. */
const scimMembersJson = new WeakMap<MemberSet, { changes: number; userChanges: number; store: SlackStore; json: string }>();

function scimMembers(store: SlackStore, members: Set<string>): string {
  const cached = members instanceof MemberSet ? scimMembersJson.get(members) : undefined;
  if (cached && cached.store === store && cached.changes === (members as MemberSet).changes && cached.userChanges === store.userChanges) return cached.json;
  let json = '';
  for (const id of members) json += `${json ? ',' : ''}{"value":${jsonString(id)},"display":${jsonString(store.user(id)?.realName ?? '')}}`;
  json = flat(json);
  if (members instanceof MemberSet) scimMembersJson.set(members, { changes: members.changes, userChanges: store.userChanges, store, json });
  return json;
}

/** `scimGroup(store, group, version, base)` as JSON text. */
export function scimGroupJson(store: SlackStore, group: UserGroup, version: ScimVersion, base: string): string {
  const q = jsonString;
  const members = scimMembers(store, group.users);
  return `{"schemas":[${q(version === 1 ? URN.v1.core : URN.v2.group)}],"id":${q(group.id)},"displayName":${q(group.name)},"members":[${members}],"meta":{"created":${q(isoDate(group.dateCreate))},"location":${q(`${base}Groups/${group.id}`)}}}`;
}

export function scimUser(store: SlackStore, user: User, version: ScimVersion, base: string): Record<string, unknown> {
  const urns = extensionUrns(version);
  const extras = user.scim ?? {};
  const guest = user.isRestricted;
  const schemas = version === 1 ? [URN.v1.core, urns.enterprise, urns.profile] : [URN.v2.user, urns.enterprise, urns.profile];
  if (guest) schemas.push(urns.guest);
  const workspace = store.workspace(user.memberships[0]?.teamId ?? '');
  const emails: { value: string; primary: boolean }[] = [];
  if (user.email) emails.push({ value: user.email, primary: true });
  if (extras.secondaryEmail) emails.push({ value: extras.secondaryEmail, primary: false });
  const out: Record<string, unknown> = {
    schemas,
    id: user.id,
    externalId: extras.externalId ?? '',
    meta: { created: isoDate(user.created), location: `${base}Users/${user.id}` },
    userName: user.name,
    nickName: extras.nickName ?? user.name,
    name: {
      givenName: user.firstName,
      familyName: user.lastName,
      ...(extras.honorificPrefix ? { honorificPrefix: extras.honorificPrefix } : {}),
    },
    displayName: user.displayName,
    profileUrl: `https://${workspace?.domain ?? 'slack'}.slack.com/team/${user.name}`,
    title: user.title,
    timezone: user.tz,
    active: !user.deleted,
    emails,
    photos: extras.photos ?? [{ value: avatar(user.avatarHash), type: 'photo' }],
    ...(extras.phoneNumbers ? { phoneNumbers: extras.phoneNumbers } : user.phone ? { phoneNumbers: [{ value: user.phone, type: 'mobile' }] } : {}),
    ...(extras.addresses ? { addresses: extras.addresses } : {}),
    userType: extras.userType ?? '',
    ...(extras.roles ? { roles: extras.roles } : {}),
    preferredLanguage: extras.preferredLanguage ?? 'en_US',
    locale: user.locale.replace('-', '_'),
    [urns.enterprise]: {
      employeeNumber: extras.employeeNumber ?? '',
      costCenter: extras.costCenter ?? '',
      organization: extras.organization ?? '',
      division: extras.division ?? '',
      department: extras.department ?? '',
      manager: { managerId: extras.managerId ?? null },
    },
    [urns.profile]: { startDate: extras.startDate ?? '' },
    groups: store.groupsOfUser(user.id).map((g) => ({ value: g.id, display: g.name })),
  };
  if (guest) {
    const channels = [...store.channels.values()].filter((c) => c.members.has(user.id));
    out[urns.guest] = {
      type: user.isUltraRestricted ? 'single' : 'multi',
      ...(user.guestExpirationTs ? { expiration: new Date(user.guestExpirationTs * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
      channels: channels.map((c) => ({ value: c.id, display: c.name })),
    };
  }
  return out;
}

export function scimGroup(store: SlackStore, group: UserGroup, version: ScimVersion, base: string): Record<string, unknown> {
  return {
    schemas: [version === 1 ? URN.v1.core : URN.v2.group],
    id: group.id,
    displayName: group.name,
    members: [...group.users].map((id) => ({ value: id, display: store.user(id)?.realName ?? '' })),
    meta: { created: isoDate(group.dateCreate), location: `${base}Groups/${group.id}` },
  };
}

/** Groups SCIM manages: the workspace's user groups on Business+, the org's IdP groups on Grid. */
export function scimGroups(store: SlackStore): UserGroup[] {
  const out: UserGroup[] = [];
  const teamId = [...store.workspaces.keys()][0];
  for (const group of store.usergroups.values()) {
    if (store.isGrid ? group.isIdpGroup && group.isOrgLevel : group.teamId === teamId) out.push(group);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}
