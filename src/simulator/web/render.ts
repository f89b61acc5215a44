import { isWorkspaceAdmin, MemberSet, type Channel, type RenderedUser, type SlackStore, type User, type UserGroup, type Workspace, type WorkspaceRole } from '../store.ts';

/** Which view of a user the caller gets: Slack hides fields by scope and by caller role. */
export interface UserView {
  /** The workspace the user is seen from (roles are per workspace on Grid). */
  teamId: string;
  /** `profile.email` needs `users:read.email`; without it the field is simply absent. */
  showEmail: boolean;
  /** `has_2fa` is only visible to admin callers. */
  showAdminFields: boolean;
  includeLocale: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;

export function normalize(text: string): string {
  // Most names are ASCII already; Unicode normalization is the costly part of rendering a user.
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function avatar(hash: string, size: number): string {
  return `https://avatars.slack-edge.com/2019-01-01/${hash}_${size}.jpg`;
}

export function contextTeam(user: User, preferred: string | undefined): string {
  if (preferred && user.memberships.some((m) => m.teamId === preferred)) return preferred;
  return user.memberships[0]?.teamId ?? preferred ?? '';
}

export function userObject(store: SlackStore, user: User, view: UserView): Record<string, unknown> {
  const role = user.memberships.find((m) => m.teamId === view.teamId)?.role;
  const profile: Record<string, unknown> = {
    title: user.title,
    phone: user.phone,
    skype: '',
    real_name: user.realName,
    real_name_normalized: normalize(user.realName),
    display_name: user.displayName,
    display_name_normalized: normalize(user.displayName),
    fields: {},
    status_text: '',
    status_emoji: '',
    status_emoji_display_info: [],
    status_expiration: 0,
    avatar_hash: user.avatarHash,
  };
  if (user.isBot) {
    profile.api_app_id = user.appId ?? '';
    profile.always_active = false;
    if (user.botId) profile.bot_id = user.botId;
  }
  if (view.showEmail && user.email) profile.email = user.email;
  profile.first_name = user.firstName;
  profile.last_name = user.lastName;
  for (const size of [24, 32, 48, 72, 192, 512]) profile[`image_${size}`] = avatar(user.avatarHash, size);
  profile.status_text_canonical = '';
  if (user.isRestricted && user.guestExpirationTs) profile.guest_expiration_ts = user.guestExpirationTs;
  profile.team = view.teamId;

  const out: Record<string, unknown> = {
    id: user.id,
    team_id: view.teamId,
    name: user.name,
    deleted: user.deleted,
    color: user.color,
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tzLabel,
    tz_offset: user.tzOffset,
    profile,
    ...roleFlags(user, role),
    is_app_user: user.isAppUser,
    updated: user.updated,
    is_email_confirmed: user.email !== null && !user.isInvitedUser,
    who_can_share_contact_card: 'EVERYONE',
  };
  // Slack only sends these while they are true.
  if (user.isInvitedUser) out.is_invited_user = true;
  if (user.isStranger) out.is_stranger = true;
  if (view.showAdminFields && !user.isBot) {
    out.has_2fa = user.has2fa;
    if (user.has2fa) out.two_factor_type = 'app';
  }
  if (view.includeLocale) out.locale = user.locale;
  const enterprise = store.enterprise;
  if (enterprise) {
    out.enterprise_user = {
      id: user.id,
      enterprise_id: enterprise.id,
      enterprise_name: enterprise.name,
      is_admin: user.orgRole !== 'member',
      is_owner: user.orgRole === 'owner' || user.orgRole === 'primary_owner',
      is_primary_owner: user.orgRole === 'primary_owner',
      teams: user.memberships.map((m) => m.teamId),
    };
  }
  return out;
}

// ---- hand-built JSON ---------------------------------------------------------------------------
// Lists are rendered straight to JSON text from templates: no intermediate objects, no generic
// JSON.stringify walk. Each template yields exactly what JSON.stringify gives for the matching
// `…Object` function above (tests compare them over whole organizations).

/** Characters JSON.stringify escapes: quote, backslash, control characters, (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON, without JSON.stringify for the common case of nothing to escape. */
/** What a person is, as Slack reports it on users and on admin listings alike: role and kind of account. */
export function roleFlags(user: User, role: WorkspaceRole | undefined): Record<string, boolean> {
  return {
    is_admin: isWorkspaceAdmin(role),
    is_owner: role === 'owner' || role === 'primary_owner',
    is_primary_owner: role === 'primary_owner',
    is_restricted: user.isRestricted,
    is_ultra_restricted: user.isUltraRestricted,
    is_bot: user.isBot,
  };
}

export function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** A number as JSON (non-finite numbers become null, as in JSON.stringify). */
export function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

const AVATAR_SIZES = [24, 32, 48, 72, 192, 512] as const;

/** The view-independent pieces of a user's JSON (see `RenderedUser`), built once per change. */
export function renderedUser(store: SlackStore, user: User): RenderedUser {
  if (user.rendered) return user.rendered;
  const q = jsonString;
  const id = `{"id":${q(user.id)}`;
  let head = `,"name":${q(user.name)},"deleted":${user.deleted},"color":${q(user.color)},"real_name":${q(user.realName)},"tz":${q(user.tz)},"tz_label":${q(user.tzLabel)},"tz_offset":${jsonNumber(user.tzOffset)},"profile":{"title":${q(user.title)},"phone":${q(user.phone)},"skype":"","real_name":${q(user.realName)},"real_name_normalized":${q(normalize(user.realName))},"display_name":${q(user.displayName)},"display_name_normalized":${q(normalize(user.displayName))},"fields":{},"status_text":"","status_emoji":"","status_emoji_display_info":[],"status_expiration":0,"avatar_hash":${q(user.avatarHash)}`;
  if (user.isBot) {
    head += `,"api_app_id":${q(user.appId ?? '')},"always_active":false`;
    if (user.botId) head += `,"bot_id":${q(user.botId)}`;
  }
  const email = user.email ? `,"email":${q(user.email)}` : '';
  let profile = `,"first_name":${q(user.firstName)},"last_name":${q(user.lastName)}`;
  for (const size of AVATAR_SIZES) profile += `,"image_${size}":${q(avatar(user.avatarHash, size))}`;
  profile += ',"status_text_canonical":""';
  if (user.isRestricted && user.guestExpirationTs) profile += `,"guest_expiration_ts":${jsonNumber(user.guestExpirationTs)}`;
  let flags = `,"is_restricted":${user.isRestricted},"is_ultra_restricted":${user.isUltraRestricted},"is_bot":${user.isBot},"is_app_user":${user.isAppUser},"updated":${jsonNumber(user.updated)},"is_email_confirmed":${user.email !== null && !user.isInvitedUser},"who_can_share_contact_card":"EVERYONE"`;
  if (user.isInvitedUser) flags += ',"is_invited_user":true';
  if (user.isStranger) flags += ',"is_stranger":true';
  let enterprise = '';
  if (store.enterprise) {
    const org = user.orgRole;
    let teams = '';
    for (const m of user.memberships) teams += teams === '' ? q(m.teamId) : `,${q(m.teamId)}`;
    enterprise = `,"enterprise_user":{"id":${q(user.id)},"enterprise_id":${q(store.enterprise.id)},"enterprise_name":${q(store.enterprise.name)},"is_admin":${org !== 'member'},"is_owner":${org === 'owner' || org === 'primary_owner'},"is_primary_owner":${org === 'primary_owner'},"teams":[${teams}]}`;
  }
  const idEnd = Buffer.byteLength(id);
  const headEnd = idEnd + Buffer.byteLength(head);
  const emailEnd = headEnd + Buffer.byteLength(email);
  const profileEnd = emailEnd + Buffer.byteLength(profile);
  const flagsEnd = profileEnd + Buffer.byteLength(flags);
  const bytes = Buffer.from(`${id}${head}${email}${profile}${flags}${enterprise}}`, 'utf8');
  const rendered: RenderedUser = {
    id: bytes.subarray(0, idEnd),
    head: bytes.subarray(idEnd, headEnd),
    headWithEmail: bytes.subarray(idEnd, profileEnd),
    profile: bytes.subarray(emailEnd, profileEnd),
    flags: bytes.subarray(profileEnd, flagsEnd),
    tail: bytes.subarray(flagsEnd),
  };
  user.rendered = rendered;
  return rendered;
}

/**
 * Memory for big answer bodies (list pages of a megabyte or two), handed back once the answer is
 * written and used again: on a machine where fresh memory costs a page fault per 4 KB, faulting
 * in a new page buffer for every list call cost more CPU than building the page.
 */
export class PageMemory {
  private readonly free: ArrayBuffer[] = [];
  private readonly inUse = new WeakSet<ArrayBuffer>();
  /** Enough for the pages a sync has in flight at once; more is left to the garbage collector. */
  private static readonly KEPT = 12;
  /** Smaller bodies come from Node's own buffer pool or a plain allocation. */
  static readonly MIN = 64 * 1024;

  take(length: number): Buffer {
    if (length < PageMemory.MIN) return Buffer.allocUnsafe(length);
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const size = (this.free[i] as ArrayBuffer).byteLength;
      if (size >= length && (best < 0 || size < (this.free[best] as ArrayBuffer).byteLength)) best = i;
    }
    // Rounded up, so a slightly longer page of the same list fits next time.
    const memory = best >= 0 ? (this.free.splice(best, 1)[0] as ArrayBuffer) : new ArrayBuffer(Math.ceil((length * 1.25) / PageMemory.MIN) * PageMemory.MIN);
    this.inUse.add(memory);
    return Buffer.from(memory, 0, length);
  }

  /** Takes back a body from `take` once nothing reads it any more; anything else is ignored. */
  release(body: Buffer): void {
    const memory = body.buffer;
    if (!(memory instanceof ArrayBuffer) || !this.inUse.has(memory)) return;
    this.inUse.delete(memory);
    this.free.push(memory);
    if (this.free.length > PageMemory.KEPT) {
      // Keep the biggest: they fit any page.
      this.free.sort((a, b) => b.byteLength - a.byteLength);
      this.free.length = PageMemory.KEPT;
    }
  }
}

/** The simulator's page memory: bodies from it are released by the server once written. */
export const pageMemory = new PageMemory();

/**
 * A JSON response assembled from byte ranges (cached pieces) and small per-page text fragments,
 * copied once into a single buffer.
 */
export class JsonPage {
  private readonly sources: (Buffer | string)[] = [];
  private readonly starts: number[] = [];
  /** The end of a byte range; the UTF-8 length of a text fragment. */
  private readonly ends: number[] = [];
  private length = 0;

  bytes(source: Buffer, start = 0, end = source.length): void {
    if (end <= start) return;
    const last = this.sources.length - 1;
    if (last >= 0 && this.sources[last] === source && this.ends[last] === start) {
      // Adjacent pieces of the same bytes are copied in one go.
      this.ends[last] = end;
      this.length += end - start;
      return;
    }
    this.sources.push(source);
    this.starts.push(start);
    this.ends.push(end);
    this.length += end - start;
  }

  /** Text is encoded straight into the page: no buffer of its own per fragment. */
  text(text: string): void {
    const length = Buffer.byteLength(text, 'utf8');
    if (length === 0) return;
    this.sources.push(text);
    this.starts.push(0);
    this.ends.push(length);
    this.length += length;
  }

  /** The page in one buffer; from `memory` when given, to be released once written. */
  finish(memory?: PageMemory): Buffer {
    const out = memory ? memory.take(this.length) : Buffer.allocUnsafe(this.length);
    let offset = 0;
    for (let i = 0; i < this.sources.length; i++) {
      const source = this.sources[i] as Buffer | string;
      const start = this.starts[i] as number;
      const end = this.ends[i] as number;
      if (typeof source === 'string') {
        offset += out.write(source, offset, end, 'utf8');
        continue;
      }
      // A whole buffer is set directly: Buffer#copy makes a view of its source for every call,
      // which costs more than copying a user's few hundred bytes.
      out.set(start === 0 && end === source.length ? source : source.subarray(start, end), offset);
      offset += end - start;
    }
    return out;
  }
}

/** The per-page fragments of `users.list` for one view, encoded once per page. */
export class UserListView {
  readonly teamId: Buffer;
  /** `,"team":…}` closing the profile, then the role flags, per workspace role. */
  private readonly roles = new Map<WorkspaceRole | undefined, Buffer>();
  static readonly twoFactorOn = Buffer.from(',"has_2fa":true,"two_factor_type":"app"');
  static readonly twoFactorOff = Buffer.from(',"has_2fa":false');

  constructor(readonly view: UserView) {
    const team = jsonString(view.teamId);
    this.teamId = Buffer.from(`,"team_id":${team}`, 'utf8');
    for (const role of [undefined, 'member', 'admin', 'owner', 'primary_owner'] as const) {
      const flags = `,"is_admin":${isWorkspaceAdmin(role)},"is_owner":${role === 'owner' || role === 'primary_owner'},"is_primary_owner":${role === 'primary_owner'}`;
      this.roles.set(role, Buffer.from(`,"team":${team}}${flags}`, 'utf8'));
    }
  }

  teamAndRole(role: WorkspaceRole | undefined): Buffer {
    return this.roles.get(role) ?? (this.roles.get(undefined) as Buffer);
  }
}

/** Appends `userObject(store, user, view)` as JSON: the cached pieces with the viewer-dependent fields in between. */
export function writeUserJson(page: JsonPage, store: SlackStore, user: User, list: UserListView): void {
  const r = renderedUser(store, user);
  const view = list.view;
  let role: WorkspaceRole | undefined;
  for (const m of user.memberships) {
    if (m.teamId === view.teamId) {
      role = m.role;
      break;
    }
  }
  page.bytes(r.id);
  page.bytes(list.teamId);
  if (view.showEmail) page.bytes(r.headWithEmail);
  else {
    page.bytes(r.head);
    page.bytes(r.profile);
  }
  page.bytes(list.teamAndRole(role));
  page.bytes(r.flags);
  if (view.showAdminFields && !user.isBot) page.bytes(user.has2fa ? UserListView.twoFactorOn : UserListView.twoFactorOff);
  if (view.includeLocale) page.text(`,"locale":${jsonString(user.locale)}`);
  page.bytes(r.tail);
}

/** `userObject(store, user, view)` as JSON text, the way `users.list` writes it. */
export function userJson(store: SlackStore, user: User, view: UserView): string {
  const page = new JsonPage();
  writeUserJson(page, store, user, new UserListView(view));
  return page.finish().toString('utf8');
}

/** Renders every user's cached pieces up front, so even the first listing only joins them. */
export function prerenderUsers(store: SlackStore): void {
  for (const user of store.users.values()) renderedUser(store, user);
}

/**
 * A string built by many concatenations, copied into one flat string: a cached string is then
 * copied in one piece wherever it is used, instead of walking its pieces every time.
 */
export function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** A list of IDs (or other strings) as a JSON array. */
export function jsonStringArray(items: Iterable<string>): string {
  let out = '';
  for (const item of items) out += out === '' ? jsonString(item) : `,${jsonString(item)}`;
  return `[${out}]`;
}

/** A group's member list as JSON, kept until the set changes. */
const memberListJson = new WeakMap<MemberSet, { changes: number; json: string }>();

export function memberIdsJson(members: Set<string>): string {
  if (!(members instanceof MemberSet)) return jsonStringArray(members);
  const cached = memberListJson.get(members);
  if (cached && cached.changes === members.changes) return cached.json;
  const json = flat(jsonStringArray(members));
  memberListJson.set(members, { changes: members.changes, json });
  return json;
}

export interface UsergroupView {
  teamId: string;
  includeUsers: boolean;
  includeCount: boolean;
}

export function usergroupObject(store: SlackStore, group: UserGroup, view: UsergroupView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: group.id,
    team_id: view.teamId,
    is_usergroup: true,
    is_subteam: true,
    name: group.name,
    description: group.description,
    handle: group.handle,
    is_external: false,
    date_create: group.dateCreate,
    date_update: group.dateUpdate,
    date_delete: group.dateDelete,
    auto_type: group.autoType,
    auto_provision: group.autoProvision,
    enterprise_subteam_id: group.isOrgLevel ? group.id : '',
    created_by: group.createdBy,
    updated_by: group.updatedBy,
    deleted_by: group.deletedBy,
    is_idp_group: group.isIdpGroup,
    is_org_level: group.isOrgLevel,
    is_section: false,
    is_visible: true,
    prefs: {
      channels: group.channels.filter((c) => c.startsWith('C')),
      groups: group.channels.filter((c) => c.startsWith('G')),
    },
    channel_count: group.channels.length,
  };
  if (view.includeUsers) out.users = [...group.users];
  // Documented as an integer; Slack's own examples show a string. We emit a number.
  if (view.includeCount) out.user_count = group.users.size;
  return out;
}

/** `usergroupObject(store, group, view)` as JSON text. */
export function usergroupJson(group: UserGroup, view: UsergroupView): string {
  const q = jsonString;
  const publicChannels: string[] = [];
  const privateChannels: string[] = [];
  for (const c of group.channels) {
    if (c.startsWith('C')) publicChannels.push(c);
    if (c.startsWith('G')) privateChannels.push(c);
  }
  let out = `{"id":${q(group.id)},"team_id":${q(view.teamId)},"is_usergroup":true,"is_subteam":true,"name":${q(group.name)},"description":${q(group.description)},"handle":${q(group.handle)},"is_external":false,"date_create":${jsonNumber(group.dateCreate)},"date_update":${jsonNumber(group.dateUpdate)},"date_delete":${jsonNumber(group.dateDelete)},"auto_type":${group.autoType === null ? 'null' : q(group.autoType)},"auto_provision":${group.autoProvision},"enterprise_subteam_id":${q(group.isOrgLevel ? group.id : '')},"created_by":${q(group.createdBy)},"updated_by":${q(group.updatedBy)},"deleted_by":${group.deletedBy === null ? 'null' : q(group.deletedBy)},"is_idp_group":${group.isIdpGroup},"is_org_level":${group.isOrgLevel},"is_section":false,"is_visible":true,"prefs":{"channels":${jsonStringArray(publicChannels)},"groups":${jsonStringArray(privateChannels)}},"channel_count":${group.channels.length}`;
  if (view.includeUsers) out += `,"users":${memberIdsJson(group.users)}`;
  if (view.includeCount) out += `,"user_count":${group.users.size}`;
  return `${out}}`;
}

export function channelObject(store: SlackStore, channel: Channel, viewerId: string | undefined): Record<string, unknown> {
  const isGroup = channel.id.startsWith('G');
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !isGroup,
    is_group: isGroup,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    created: channel.created,
    is_archived: channel.isArchived,
    is_general: channel.isGeneral,
    unlinked: 0,
    name_normalized: channel.name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: channel.teamId,
    updated: channel.created * 1000,
    parent_conversation: null,
    creator: channel.creator,
    is_ext_shared: false,
    shared_team_ids: [channel.teamId],
    pending_connected_team_ids: [],
    is_member: viewerId !== undefined && channel.members.has(viewerId),
    topic: { value: channel.topic, creator: channel.topic ? channel.creator : '', last_set: channel.topic ? channel.created : 0 },
    purpose: { value: channel.purpose, creator: channel.purpose ? channel.creator : '', last_set: channel.purpose ? channel.created : 0 },
    previous_names: [],
    num_members: channel.members.size,
    ...(store.enterprise ? { enterprise_id: store.enterprise.id } : {}),
  };
}

export function teamObject(store: SlackStore, workspace: Workspace, includeIcon = true): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: workspace.id,
    name: workspace.name,
    url: `https://${workspace.domain}.slack.com/`,
    domain: workspace.domain,
    email_domain: workspace.emailDomain,
    is_verified: false,
    discoverable: workspace.discoverability === 'open' ? 'open' : null,
    avatar_base_url: 'https://ca.slack-edge.com/',
    lob_sales_home_enabled: false,
  };
  if (includeIcon) out.icon = teamIcon(workspace);
  if (store.enterprise) {
    out.enterprise_id = store.enterprise.id;
    out.enterprise_name = store.enterprise.name;
    out.enterprise_domain = store.enterprise.domain;
  }
  return out;
}

export function teamIcon(workspace: Workspace): Record<string, unknown> {
  const icon: Record<string, unknown> = { image_default: false };
  for (const size of [34, 44, 68, 88, 102, 132, 230]) {
    icon[`image_${size}`] = `https://avatars.slack-edge.com/2019-01-01/${workspace.iconHash}_${size}.png`;
  }
  return icon;
}
