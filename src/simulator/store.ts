import { IdSequence } from './random.ts';
import { AppSurfaceState } from './app/state.ts';

export type SlackPlan = 'pro' | 'business-plus' | 'grid' | 'gov';

/** A user's role in one workspace; guests are flags on the user, not roles. */
export type WorkspaceRole = 'member' | 'admin' | 'owner' | 'primary_owner';
/** A user's role in the Enterprise Grid organization (`enterprise_user.is_admin/is_owner/is_primary_owner`). */
export type OrgRole = 'member' | 'admin' | 'owner' | 'primary_owner';

export interface Enterprise {
  id: string;
  name: string;
  domain: string;
}

export interface Workspace {
  id: string;
  name: string;
  domain: string;
  emailDomain: string;
  created: number;
  discoverability: 'open' | 'invite_only' | 'closed' | 'unlisted';
  iconHash: string;
  /** Every user who belongs to the workspace (active, deactivated, invited, bots), sorted by ID. */
  userIds: string[];
}

export interface WorkspaceMembership {
  teamId: string;
  role: WorkspaceRole;
}

/** Attributes only SCIM reads and writes; absent for most users to keep 100k users compact. */
export interface ScimExtras {
  externalId?: string;
  nickName?: string;
  honorificPrefix?: string;
  userType?: string;
  preferredLanguage?: string;
  secondaryEmail?: string;
  employeeNumber?: string;
  costCenter?: string;
  organization?: string;
  division?: string;
  department?: string;
  managerId?: string | null;
  startDate?: string;
  phoneNumbers?: { value: string; type?: string; primary?: boolean }[];
  addresses?: Record<string, unknown>[];
  roles?: { value: string; primary?: boolean }[];
  photos?: { value: string; type?: string }[];
}

export interface User {
  id: string;
  /** The handle (`name` in the Web API, `userName` in SCIM). */
  name: string;
  realName: string;
  displayName: string;
  firstName: string;
  lastName: string;
  /** Primary email; null for bots and for the few humans Slack knows without one. */
  email: string | null;
  title: string;
  phone: string;
  tz: string;
  tzLabel: string;
  tzOffset: number;
  locale: string;
  color: string;
  avatarHash: string;
  deleted: boolean;
  isBot: boolean;
  isAppUser: boolean;
  /** Guest (multi-channel unless `isUltraRestricted`). */
  isRestricted: boolean;
  /** Single-channel guest. */
  isUltraRestricted: boolean;
  isInvitedUser: boolean;
  /** External (Slack Connect) user seen through a shared channel. */
  isStranger: boolean;
  has2fa: boolean;
  botId?: string;
  appId?: string;
  memberships: WorkspaceMembership[];
  orgRole: OrgRole;
  created: number;
  updated: number;
  deactivatedTs: number;
  guestExpirationTs: number;
  lastActiveTs: number;
  hasSso: boolean;
  scim?: ScimExtras;
  /** The view-independent pieces of this user's Web API JSON; dropped on every change (`touchUser`). */
  rendered?: RenderedUser;
  /** The user-only part of this user's SCIM JSON (see `scimUserJson`); dropped on every change. */
  renderedScim?: RenderedScimUser;
}

/** What a new human account has until someone sets it: Slack's defaults for a fresh user. */
type UserDefaults = 'realName' | 'displayName' | 'firstName' | 'lastName' | 'email' | 'title' | 'phone' | 'tz' | 'tzLabel' | 'tzOffset' | 'locale' | 'color' | 'deleted' | 'isBot' | 'isAppUser' | 'isRestricted' | 'isUltraRestricted' | 'isInvitedUser' | 'isStranger' | 'has2fa' | 'orgRole' | 'deactivatedTs' | 'guestExpirationTs' | 'lastActiveTs' | 'hasSso';

/**
 * A user record for `addUser`: the fields given, Slack's defaults for the rest (no email, a
 * Pacific time zone, a regular member with no guest or bot flags), `updated` = `created`.
 */
export function newUser(fields: Pick<User, 'name' | 'avatarHash' | 'memberships' | 'created'> & Partial<Omit<User, 'id'>>): Omit<User, 'id'> {
  const defaults: Pick<User, UserDefaults> = {
    realName: '',
    displayName: '',
    firstName: '',
    lastName: '',
    email: null,
    title: '',
    phone: '',
    tz: 'America/Los_Angeles',
    tzLabel: 'Pacific Standard Time',
    tzOffset: -28800,
    locale: 'en-US',
    color: '4bbe2e',
    deleted: false,
    isBot: false,
    isAppUser: false,
    isRestricted: false,
    isUltraRestricted: false,
    isInvitedUser: false,
    isStranger: false,
    has2fa: false,
    orgRole: 'member',
    deactivatedTs: 0,
    guestExpirationTs: 0,
    lastActiveTs: 0,
    hasSso: false,
  };
  return { ...defaults, updated: fields.created, ...fields };
}

/**
 * A user's Web API JSON in the pieces that do not depend on who is looking, as views of one UTF-8
 * buffer; `users.list` copies them into a page with the workspace, role and scope-dependent fields
 * in between. Each piece is its own view so a page copies it whole, without making a view per copy.
 */
export interface RenderedUser {
  /** `{"id":…` */
  id: Buffer;
  /** `,"name":…` to the profile's `avatar_hash` and bot fields. */
  head: Buffer;
  /** `head`, `,"email":…` and `profile` back to back: one copy for callers who see emails. */
  headWithEmail: Buffer;
  /** `,"first_name":…` to `status_text_canonical` and the guest expiration. */
  profile: Buffer;
  /** `,"is_restricted":…` to `who_can_share_contact_card` and the invited/stranger flags. */
  flags: Buffer;
  /** `,"enterprise_user":{…}` on Grid (else nothing) and the closing `}`. */
  tail: Buffer;
}

/**
 * A user's SCIM JSON but `meta.location`, groups and guest channels, as two views of one UTF-8
 * buffer: up to `meta.created`, then `userName` to the opening of `groups`.
 */
export interface RenderedScimUser {
  version: 1 | 2;
  head: Buffer;
  rest: Buffer;
}

export interface UserGroup {
  id: string;
  /** Owning workspace; for Grid org-level IdP groups, the enterprise ID. */
  teamId: string;
  name: string;
  handle: string;
  description: string;
  isIdpGroup: boolean;
  /** Grid IdP groups are org-level and appear in the workspaces they are linked to. */
  isOrgLevel: boolean;
  linkedTeams: string[];
  autoType: 'admin' | 'owner' | null;
  autoProvision: boolean;
  dateCreate: number;
  dateUpdate: number;
  /** Non-zero ⇔ disabled. */
  dateDelete: number;
  createdBy: string;
  updatedBy: string;
  deletedBy: string | null;
  channels: string[];
  users: Set<string>;
}

type UserGroupFields = Omit<UserGroup, 'id'>;
type UserGroupDefaults = 'description' | 'isIdpGroup' | 'isOrgLevel' | 'linkedTeams' | 'autoType' | 'autoProvision' | 'dateUpdate' | 'dateDelete' | 'updatedBy' | 'deletedBy' | 'channels';

/**
 * A user group's fields as Slack fills them in at creation: enabled, not an IdP group, not
 * linked, no auto-type, no channels, last updated when and by whom it was created.
 */
export function newUsergroup(group: Omit<UserGroupFields, UserGroupDefaults> & Partial<Pick<UserGroupFields, UserGroupDefaults>>): UserGroupFields {
  return {
    teamId: group.teamId,
    name: group.name,
    handle: group.handle,
    description: group.description ?? '',
    isIdpGroup: group.isIdpGroup ?? false,
    isOrgLevel: group.isOrgLevel ?? false,
    linkedTeams: group.linkedTeams ?? [],
    autoType: group.autoType ?? null,
    autoProvision: group.autoProvision ?? false,
    dateCreate: group.dateCreate,
    dateUpdate: group.dateUpdate ?? group.dateCreate,
    dateDelete: group.dateDelete ?? 0,
    createdBy: group.createdBy,
    updatedBy: group.updatedBy ?? group.createdBy,
    deletedBy: group.deletedBy ?? null,
    channels: group.channels ?? [],
    users: group.users,
  };
}

export interface Channel {
  id: string;
  teamId: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  isGeneral: boolean;
  created: number;
  creator: string;
  topic: string;
  purpose: string;
  members: Set<string>;
  /** Sorted member list for paging, kept in step with `members` (see `SlackStore.channelMembers`). */
  sortedMembers?: string[];
  /** `members.changes` when `sortedMembers` was last in step. */
  sortedAt?: number;
}

export interface RoleAssignment {
  roleId: string;
  entityId: string;
  userId: string;
  dateCreate: number;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  user: string;
  botId?: string;
  blocks?: unknown;
  /** Set by chat.update: who edited the message and when. */
  edited?: { user: string; ts: string };
}

export type TokenKind = 'bot' | 'user' | 'app';

export interface TokenInfo {
  token: string;
  kind: TokenKind;
  /** The bot user or the installing user. */
  userId: string;
  /** Workspace of a workspace-level token; undefined for org-level (Grid org-wide) tokens. */
  teamId?: string;
  orgLevel: boolean;
  /** Workspaces an org-level install was granted; `team_id` outside it → `team_access_not_granted`. */
  grantedTeams: string[];
  scopes: string[];
  appId: string;
  botId?: string;
  revoked?: boolean;
  expired?: boolean;
}

/** Where Slack's documented behaviour is ambiguous, the simulator lets tests pick. */
export interface SimulatorBehaviour {
  /**
   * `usergroups.users.update` with `users=[]`: `reject` answers `invalid_users` and leaves the group
   * alone (our default), `empty` empties it and answers ok (java-slack-sdk 2026), `reject-but-empty`
   * answers `invalid_users` yet empties it (observed 2021).
   */
  emptyUserGroupUpdate: 'reject' | 'empty' | 'reject-but-empty';
  /** Who may edit user groups (the workspace setting); `admins` makes bot tokens get `permission_denied`. */
  userGroupEditing: 'everyone' | 'admins';
  /** SCIM v2 error body: the documented `detail`/`status` shape or the `Errors` shape seen live. */
  scimV2ErrorShape: 'detail' | 'Errors';
  /** Return fewer items than `limit` on some pages while more remain. */
  shortPages: boolean;
  /** Org-level token calling a workspace method without `team_id`: an error, or (as seen live) an empty list. */
  orgTokenWithoutTeam: 'error' | 'empty';
  /** Largest member list `usergroups.users.update` and SCIM accept. */
  maxGroupMembers: number;
}

export const DEFAULT_BEHAVIOUR: SimulatorBehaviour = {
  emptyUserGroupUpdate: 'reject',
  userGroupEditing: 'everyone',
  scimV2ErrorShape: 'detail',
  shortPages: false,
  orgTokenWithoutTeam: 'error',
  maxGroupMembers: 15_000,
};

export interface IdSequences {
  user: IdSequence;
  team: IdSequence;
  usergroup: IdSequence;
  channel: IdSequence;
  privateChannel: IdSequence;
  dm: IdSequence;
  bot: IdSequence;
}

/** Changes to any member list since the process started; see `SlackStore.membershipStamp`. */
let memberListChanges = 0;

/**
 * The members of a user group or channel: a Set that counts its changes, so lists derived from
 * memberships (a user's groups, a channel's sorted members, a group's rendered member list) are
 * rebuilt only when something changed — also when tests change a set directly.
 */
export class MemberSet extends Set<string> {
  /** Bumped on every change to this set. */
  changes = 0;

  constructor(ids?: Iterable<string>) {
    super();
    if (ids) for (const id of ids) super.add(id);
  }

  override add(id: string): this {
    if (!super.has(id)) {
      super.add(id);
      this.changes += 1;
      memberListChanges += 1;
    }
    return this;
  }

  override delete(id: string): boolean {
    if (!super.delete(id)) return false;
    this.changes += 1;
    memberListChanges += 1;
    return true;
  }

  override clear(): void {
    if (this.size === 0) return;
    super.clear();
    this.changes += 1;
    memberListChanges += 1;
  }
}

export function memberSet(ids: Iterable<string>): MemberSet {
  return ids instanceof MemberSet ? ids : new MemberSet(ids);
}

/** Index of the first element >= `key` in an ascending array. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: string[], key: string): void {
  const at = lowerBound(sorted, key);
  if (sorted[at] !== key) sorted.splice(at, 0, key);
}

function removeSorted(sorted: string[], key: string): void {
  const at = lowerBound(sorted, key);
  if (sorted[at] === key) sorted.splice(at, 1);
}

export function isWorkspaceAdmin(role: WorkspaceRole | undefined): boolean {
  return role === 'admin' || role === 'owner' || role === 'primary_owner';
}

/**
 * The whole simulated Slack: one organization (a single workspace on Pro/Business+, an Enterprise
 * Grid org with several workspaces on grid/gov). Web API and SCIM read and write the same objects,
 * so SCIM `active:false` is Web API `deleted:true` and SCIM Groups are user groups.
 */
/**
 * A change to the organization that Slack announces as an event (see simulator/events.ts).
 * The store reports them when `onChange` is set; seeding and resets report nothing.
 */
export type StoreChange =
  | { kind: 'user'; user: User }
  | { kind: 'teamJoin'; user: User; teamId: string }
  | { kind: 'groupCreated'; group: UserGroup }
  | { kind: 'groupUpdated'; group: UserGroup }
  | { kind: 'groupMembers'; group: UserGroup; added: string[]; removed: string[] }
  | { kind: 'channelJoin' | 'channelLeave'; channel: Channel; userId: string }
  | { kind: 'channelCreated' | 'channelRenamed' | 'channelArchived' | 'channelUnarchived' | 'channelDeleted'; channel: Channel; actor?: string };

export class SlackStore {
  readonly plan: SlackPlan;
  enterprise: Enterprise | undefined;
  readonly workspaces = new Map<string, Workspace>();
  readonly users = new Map<string, User>();
  /** All user IDs of the organization, sorted (SCIM and `admin.users.list` page over this). */
  readonly userIds: string[] = [];
  readonly usergroups = new Map<string, UserGroup>();
  readonly channels = new Map<string, Channel>();
  roleAssignments: RoleAssignment[] = [];
  readonly messages: PostedMessage[] = [];
  readonly tokens = new Map<string, TokenInfo>();
  /** The Slack app surface: views, ephemeral messages, triggers, the app's credentials. */
  readonly app = new AppSurfaceState();
  behaviour: SimulatorBehaviour = { ...DEFAULT_BEHAVIOUR };
  ids: IdSequences;
  /** Seconds since the epoch; replaceable so tests can pin time. */
  now: () => number = () => Math.floor(Date.now() / 1000);
  private readonly emailIndex = new Map<string, string>();
  private messageCounter = 0;
  /** Bumped whenever the set of user IDs changes; lets derived lists cache safely. */
  userListVersion = 0;
  /** Bumped whenever user groups or channels are added or removed. */
  private structureVersion = 0;
  /** Bumped whenever a user is added, removed or changed (through `touchUser`). */
  userChanges = 0;
  /** Told of every change Slack would announce as an event (the simulated Events API); unset, nothing is told. */
  onChange: ((change: StoreChange) => void) | undefined;

  /** Take over another store's contents, so references held by tests stay valid across a reset. */
  replaceContents(other: SlackStore): void {
    if (other.plan !== this.plan) throw new Error('cannot reset to a different plan');
    this.enterprise = other.enterprise;
    for (const [mine, theirs] of [
      [this.workspaces, other.workspaces],
      [this.users, other.users],
      [this.usergroups, other.usergroups],
      [this.channels, other.channels],
      [this.tokens, other.tokens],
      [this.emailIndex, other.emailIndex],
    ] as [Map<string, unknown>, Map<string, unknown>][]) {
      mine.clear();
      for (const [k, v] of theirs) mine.set(k, v);
    }
    this.userIds.length = 0;
    this.userListVersion += 1;
    this.userChanges += 1;
    this.structureVersion += 1;
    for (const id of other.userIds) this.userIds.push(id);
    this.roleAssignments = other.roleAssignments;
    this.messages.length = 0;
    this.app.reset();
    this.behaviour = { ...other.behaviour };
    this.ids = other.ids;
    this.messageCounter = 0;
  }

  constructor(plan: SlackPlan, tag: string) {
    this.plan = plan;
    const grid = plan === 'grid' || plan === 'gov';
    const channel = new IdSequence('C', tag);
    this.ids = {
      user: new IdSequence(grid ? 'W' : 'U', tag),
      team: new IdSequence('T', tag),
      usergroup: new IdSequence('S', tag),
      channel,
      // On Grid private channels are C… too, so they draw from the same sequence (two sequences
      // with one prefix would hand out the same ID twice).
      privateChannel: grid ? channel : new IdSequence('G', tag),
      dm: new IdSequence('D', tag),
      bot: new IdSequence('B', tag),
    };
  }

  get isGrid(): boolean {
    return this.plan === 'grid' || this.plan === 'gov';
  }

  /** SCIM exists on Business+ and Enterprise only. */
  get hasScim(): boolean {
    return this.plan !== 'pro';
  }

  // ---- workspaces ----------------------------------------------------------------------------

  addWorkspace(input: Omit<Workspace, 'id' | 'userIds'> & { id?: string }): Workspace {
    const workspace: Workspace = { ...input, id: input.id ?? this.ids.team.next(), userIds: [] };
    this.workspaces.set(workspace.id, workspace);
    return workspace;
  }

  workspace(teamId: string): Workspace | undefined {
    return this.workspaces.get(teamId);
  }

  primaryOwnerOf(teamId: string): User | undefined {
    const workspace = this.workspaces.get(teamId);
    if (!workspace) return undefined;
    for (const id of workspace.userIds) {
      const user = this.users.get(id);
      if (user?.memberships.some((m) => m.teamId === teamId && m.role === 'primary_owner')) return user;
    }
    return undefined;
  }

  // ---- users ---------------------------------------------------------------------------------

  addUser(user: Omit<User, 'id'> & { id?: string }): User {
    const created: User = { ...user, id: user.id ?? this.ids.user.next() };
    if (this.users.has(created.id)) throw new Error(`user ${created.id} already exists`);
    this.users.set(created.id, created);
    insertSorted(this.userIds, created.id);
    this.userListVersion += 1;
    this.userChanges += 1;
    for (const m of created.memberships) {
      const workspace = this.workspaces.get(m.teamId);
      if (!workspace) throw new Error(`user ${created.id} joins unknown workspace ${m.teamId}`);
      insertSorted(workspace.userIds, created.id);
    }
    if (created.email) this.emailIndex.set(created.email.toLowerCase(), created.id);
    for (const m of created.memberships) this.onChange?.({ kind: 'teamJoin', user: created, teamId: m.teamId });
    return created;
  }

  /**
   * Bulk path for the seed generator: IDs come from the sequence in increasing order, so appending
   * keeps every list sorted without searching.
   */
  appendSeededUser(user: Omit<User, 'id'>): User {
    const created: User = { ...user, id: this.ids.user.next() } as User;
    this.users.set(created.id, created);
    this.userListVersion += 1;
    this.userChanges += 1;
    const last = this.userIds[this.userIds.length - 1];
    if (last !== undefined && last > created.id) insertSorted(this.userIds, created.id);
    else this.userIds.push(created.id);
    for (const m of created.memberships) {
      const list = (this.workspaces.get(m.teamId) as Workspace).userIds;
      const tail = list[list.length - 1];
      if (tail !== undefined && tail > created.id) insertSorted(list, created.id);
      else list.push(created.id);
    }
    if (created.email) this.emailIndex.set(created.email.toLowerCase(), created.id);
    return created;
  }

  /** Undo `addUser` for a creation that failed validation half-way (never used for deactivation). */
  discardUser(user: User): void {
    this.users.delete(user.id);
    removeSorted(this.userIds, user.id);
    this.userListVersion += 1;
    this.userChanges += 1;
    for (const m of user.memberships) {
      const workspace = this.workspaces.get(m.teamId);
      if (workspace) removeSorted(workspace.userIds, user.id);
    }
    if (user.email && this.emailIndex.get(user.email.toLowerCase()) === user.id) this.emailIndex.delete(user.email.toLowerCase());
  }

  user(id: string): User | undefined {
    return this.users.get(id);
  }

  userByEmail(email: string): User | undefined {
    const id = this.emailIndex.get(email.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  userByName(name: string): User | undefined {
    for (const user of this.users.values()) if (user.name === name) return user;
    return undefined;
  }

  /** Call after changing any field of a user: bumps `updated` and drops its rendered JSON. */
  touchUser(user: User): void {
    user.updated = Math.max(this.now(), user.updated + 1);
    user.rendered = undefined;
    user.renderedScim = undefined;
    this.userChanges += 1;
    this.onChange?.({ kind: 'user', user });
  }

  setEmail(user: User, email: string | null): void {
    if (user.email) this.emailIndex.delete(user.email.toLowerCase());
    user.email = email;
    if (email) this.emailIndex.set(email.toLowerCase(), user.id);
    this.touchUser(user);
  }

  membership(user: User, teamId: string): WorkspaceMembership | undefined {
    return user.memberships.find((m) => m.teamId === teamId);
  }

  addToWorkspace(user: User, teamId: string, role: WorkspaceRole = 'member'): void {
    const workspace = this.workspaces.get(teamId);
    if (!workspace) throw new Error(`unknown workspace ${teamId}`);
    const joined = !this.membership(user, teamId);
    if (joined) user.memberships.push({ teamId, role });
    insertSorted(workspace.userIds, user.id);
    this.touchUser(user);
    if (joined) this.onChange?.({ kind: 'teamJoin', user, teamId });
  }

  removeFromWorkspace(user: User, teamId: string): void {
    user.memberships = user.memberships.filter((m) => m.teamId !== teamId);
    const workspace = this.workspaces.get(teamId);
    if (workspace) removeSorted(workspace.userIds, user.id);
    // Out of the workspace's user groups too (announced as Slack's member changes would be).
    for (const group of this.usergroups.values()) {
      if (group.teamId === teamId && group.users.has(user.id)) this.setGroupMembers(group, [...group.users].filter((id) => id !== user.id));
    }
    for (const channel of this.channels.values()) if (channel.teamId === teamId) this.leaveChannel(channel, user.id);
    this.touchUser(user);
  }

  setWorkspaceRole(user: User, teamId: string, role: WorkspaceRole): void {
    const membership = this.membership(user, teamId);
    if (!membership) throw new Error(`user ${user.id} is not in workspace ${teamId}`);
    membership.role = role;
    this.touchUser(user);
  }

  /** Deactivation keeps the account (Slack never hard-deletes users): `deleted:true`, SCIM `active:false`. */
  deactivateUser(user: User): void {
    if (user.deleted) return;
    user.deleted = true;
    user.deactivatedTs = this.now();
    this.touchUser(user);
  }

  reactivateUser(user: User): void {
    if (!user.deleted) return;
    user.deleted = false;
    user.deactivatedTs = 0;
    this.touchUser(user);
  }

  // ---- user groups ---------------------------------------------------------------------------

  addUsergroup(group: Omit<UserGroup, 'id'> & { id?: string }): UserGroup {
    const created: UserGroup = { ...group, id: group.id ?? this.ids.usergroup.next(), users: memberSet(group.users) };
    this.usergroups.set(created.id, created);
    this.structureVersion += 1;
    this.onChange?.({ kind: 'groupCreated', group: created });
    return created;
  }

  removeUsergroup(group: UserGroup): void {
    if (this.usergroups.delete(group.id)) this.structureVersion += 1;
  }

  /** Replaces a group's members (Slack's user group and SCIM writes replace the whole list). */
  setGroupMembers(group: UserGroup, ids: Iterable<string>): void {
    const before = group.users;
    group.users = new MemberSet(ids);
    memberListChanges += 1;
    if (this.onChange) {
      const added = [...group.users].filter((id) => !before.has(id));
      const removed = [...before].filter((id) => !group.users.has(id));
      if (added.length || removed.length) this.onChange({ kind: 'groupMembers', group, added, removed });
    }
  }

  /** Call after changing a user group's name, handle, description or enabled state. */
  groupUpdated(group: UserGroup): void {
    this.onChange?.({ kind: 'groupUpdated', group });
  }

  /**
   * Changes whenever any membership, user group or channel changes: indexes derived from
   * memberships are valid while it stays the same. Member sets replaced by plain Sets from outside
   * are adopted here, so their later changes are seen too.
   */
  membershipStamp(): string {
    for (const group of this.usergroups.values()) {
      if (!(group.users instanceof MemberSet)) {
        group.users = new MemberSet(group.users);
        memberListChanges += 1;
      }
    }
    for (const channel of this.channels.values()) {
      if (!(channel.members instanceof MemberSet)) {
        channel.members = new MemberSet(channel.members);
        memberListChanges += 1;
      }
    }
    return `${this.structureVersion}:${memberListChanges}`;
  }

  usergroup(id: string): UserGroup | undefined {
    return this.usergroups.get(id);
  }

  /** Groups visible in one workspace: its own plus org-level groups linked to it. */
  usergroupsOf(teamId: string): UserGroup[] {
    const out: UserGroup[] = [];
    for (const group of this.usergroups.values()) {
      if (group.teamId === teamId || group.linkedTeams.includes(teamId)) out.push(group);
    }
    return out;
  }

  /** Groups of a user, for SCIM's `groups` attribute. */
  groupsOfUser(userId: string): UserGroup[] {
    const out: UserGroup[] = [];
    for (const group of this.usergroups.values()) if (group.users.has(userId)) out.push(group);
    return out;
  }

  // ---- channels ------------------------------------------------------------------------------

  addChannel(channel: Omit<Channel, 'id'> & { id?: string }): Channel {
    const id = channel.id ?? (channel.isPrivate ? this.ids.privateChannel.next() : this.ids.channel.next());
    if (this.channels.has(id)) throw new Error(`channel ${id} already exists`);
    const created: Channel = { ...channel, id, members: memberSet(channel.members) };
    delete created.sortedMembers;
    delete created.sortedAt;
    this.channels.set(id, created);
    this.structureVersion += 1;
    this.onChange?.({ kind: 'channelCreated', channel: created });
    return created;
  }

  channelsOf(teamId: string): Channel[] {
    const out: Channel[] = [];
    for (const channel of this.channels.values()) if (channel.teamId === teamId) out.push(channel);
    return out;
  }

  joinChannel(channel: Channel, userId: string): void {
    this.changeMembership(channel, userId, true);
  }

  leaveChannel(channel: Channel, userId: string): void {
    this.changeMembership(channel, userId, false);
  }

  /** Adds or removes a member, keeping the sorted copy in step when it was; no change, no event. */
  private changeMembership(channel: Channel, userId: string, join: boolean): void {
    if (channel.members.has(userId) === join) return;
    const inStep = this.sortedInStep(channel);
    if (join) channel.members.add(userId);
    else channel.members.delete(userId);
    if (inStep) {
      (join ? insertSorted : removeSorted)(channel.sortedMembers as string[], userId);
      channel.sortedAt = (channel.members as MemberSet).changes;
    }
    this.onChange?.({ kind: join ? 'channelJoin' : 'channelLeave', channel, userId });
  }

  private sortedInStep(channel: Channel): boolean {
    const members = channel.members;
    return channel.sortedMembers !== undefined && members instanceof MemberSet && channel.sortedAt === members.changes && channel.sortedMembers.length === members.size;
  }

  /**
   * The channel's members sorted by ID, for paging. Sorted once, then kept in step by
   * `joinChannel`/`leaveChannel`; any other change to the set re-sorts on the next read.
   */
  channelMembers(channel: Channel): string[] {
    if (this.sortedInStep(channel)) return channel.sortedMembers as string[];
    const members = memberSet(channel.members);
    if (members !== channel.members) {
      channel.members = members;
      memberListChanges += 1;
    }
    const sorted = [...members];
    let ordered = true;
    for (let i = 1; i < sorted.length && ordered; i++) ordered = (sorted[i - 1] as string) < (sorted[i] as string);
    if (!ordered) sorted.sort();
    channel.sortedMembers = sorted;
    channel.sortedAt = members.changes;
    return sorted;
  }

  postMessage(message: Omit<PostedMessage, 'ts'>): PostedMessage {
    this.messageCounter += 1;
    const ts = `${this.now()}.${String(this.messageCounter % 1_000_000).padStart(6, '0')}`;
    const posted = { ...message, ts };
    this.messages.push(posted);
    return posted;
  }

  // ---- tokens --------------------------------------------------------------------------------

  addToken(token: TokenInfo): TokenInfo {
    this.tokens.set(token.token, token);
    return token;
  }

  token(value: string): TokenInfo | undefined {
    return this.tokens.get(value);
  }

  revokeToken(value: string): void {
    const token = this.tokens.get(value);
    if (token) token.revoked = true;
  }

  /** A JSON-friendly snapshot for `/_simulator/state` and test failure messages. */
  dump(): Record<string, unknown> {
    return {
      plan: this.plan,
      enterprise: this.enterprise ?? null,
      behaviour: this.behaviour,
      workspaces: [...this.workspaces.values()].map((w) => ({ ...w, userCount: w.userIds.length, userIds: undefined })),
      users: [...this.users.values()].map(({ rendered: _r, renderedScim: _s, ...rest }) => rest),
      usergroups: [...this.usergroups.values()].map((g) => ({ ...g, users: [...g.users] })),
      channels: [...this.channels.values()].map(({ sortedMembers: _s, sortedAt: _a, ...c }) => ({ ...c, members: [...c.members] })),
      roleAssignments: this.roleAssignments,
      messages: this.messages,
      tokens: [...this.tokens.values()],
    };
  }
}
