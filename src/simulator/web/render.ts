import { isWorkspaceAdmin, type Channel, type SlackStore, type User, type UserGroup, type Workspace } from '../store.ts';

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
    is_admin: isWorkspaceAdmin(role),
    is_owner: role === 'owner' || role === 'primary_owner',
    is_primary_owner: role === 'primary_owner',
    is_restricted: user.isRestricted,
    is_ultra_restricted: user.isUltraRestricted,
    is_bot: user.isBot,
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

/**
 * The user's JSON as bytes, cached on the user for the last view asked for: listing 100k users
 * page after page then costs a memory copy per user, not a JSON.stringify.
 */
export function userJson(store: SlackStore, user: User, view: UserView): Buffer {
  const key = `${view.teamId}|${view.showEmail ? 1 : 0}${view.showAdminFields ? 1 : 0}${view.includeLocale ? 1 : 0}`;
  if (user.rendered && user.renderedKey === key) return user.rendered;
  const rendered = Buffer.from(JSON.stringify(userObject(store, user, view)), 'utf8');
  user.rendered = rendered;
  user.renderedKey = key;
  return rendered;
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
