import type { SlackStore, User, UserGroup } from '../store.ts';

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

/**
 * Which groups each user is in, built in one pass over the groups: a list page renders a
 * thousand users, and asking every group about every user would cost groups × users.
 */
export function groupsByUser(store: SlackStore): Map<string, UserGroup[]> {
  const index = new Map<string, UserGroup[]>();
  for (const group of store.usergroups.values()) {
    for (const id of group.users) {
      const list = index.get(id);
      if (list) list.push(group);
      else index.set(id, [group]);
    }
  }
  return index;
}

export function scimUser(store: SlackStore, user: User, version: ScimVersion, base: string, groupIndex?: Map<string, UserGroup[]>): Record<string, unknown> {
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
    groups: (groupIndex ? (groupIndex.get(user.id) ?? []) : store.groupsOfUser(user.id)).map((g) => ({ value: g.id, display: g.name })),
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
