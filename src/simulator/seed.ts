import {
  CHANNEL_NAMES,
  COMPANIES,
  ENTERPRISE_ROLE_IDS,
  FIRST_NAMES,
  GROUP_NAMES,
  IDP_GROUP_NAMES,
  LAST_NAMES,
  TIME_ZONES,
  TITLES,
  WORKSPACE_SUFFIXES,
} from './names.ts';
import { Random, seedTag } from './random.ts';
import { newUser, newUsergroup, SlackStore, type OrgRole, type SlackPlan, type TokenInfo, type User, type Workspace, type WorkspaceMembership } from './store.ts';
import { DEMO_PEOPLE, DEMO_CHANNELS, DEMO_GROUPS, DEMO_IDP_GROUPS } from './demo.ts';
import { prerenderScimUsers } from './scim/resources.ts';
import { prerenderUsers } from './web/render.ts';

export interface SeedOptions {
  plan: SlackPlan;
  org: 'generated' | 'demo';
  seed: number;
  users?: number;
  workspaces?: number;
  userGroups?: number;
  idpGroups?: number;
  channels?: number;
  tokens: SimulatorTokens;
}

export interface SimulatorTokens {
  bot: string;
  admin: string;
  enterprise?: string;
}

// Obviously fake, but shaped like Slack's tokens so prefix checks in the product behave.
export const DEFAULT_TOKENS = {
  bot: 'xoxb-000000000001-000000000002-simulatorFakeBotToken01',
  admin: 'xoxp-000000000001-000000000003-000000000004-simulatorFakeAdminToken000000001',
  enterprise: 'xoxp-000000000001-000000000005-000000000006-simulatorFakeOrgAdminToken00000001',
} as const;

/** What both the bot and the admin user read and manage: people, workspaces, groups, channels. */
const DIRECTORY_SCOPES = ['users:read', 'users:read.email', 'team:read', 'usergroups:read', 'usergroups:write', 'channels:read', 'groups:read'];

export const BOT_SCOPES = [
  ...DIRECTORY_SCOPES,
  'channels:manage',
  'groups:write',
  'chat:write',
  'chat:write.public',
  'im:write',
  'commands',
];

export const ADMIN_USER_SCOPES = [
  'admin',
  ...DIRECTORY_SCOPES,
  'channels:write',
  'groups:write',
  'chat:write',
];

export const ORG_ADMIN_SCOPES = [
  ...ADMIN_USER_SCOPES,
  'admin.teams:read',
  'admin.teams:write',
  'admin.users:read',
  'admin.users:write',
  'admin.usergroups:read',
  'admin.usergroups:write',
  'admin.roles:read',
  'admin.roles:write',
];

const EPOCH_2019 = 1_546_300_800;
const FIVE_YEARS = 5 * 365 * 86_400;

/*
 * Sizes of generated groups and channels, independent of the organization's size (a 100k-person
 * company does not have bigger teams, it has more of them). Log-normal: most near the median, a
 * long tail of a few large ones. With the empty and disabled cadences below this gives user groups
 * about 40 members on average (most 5–60, a few a few hundred), IdP groups about 100, and
 * channels other than #general a handful to a few hundred.
 */
const USER_GROUP_SIZE = { median: 32, sigma: 0.9, min: 2, max: 500 };
const IDP_GROUP_SIZE = { median: 85, sigma: 0.7, min: 5, max: 1000 };
const CHANNEL_SIZE = { median: 40, sigma: 1.0, min: 3, max: 1500 };
/** People in many user groups of their workspaces (leads, on-call rotations), and how many of those groups. */
const POWER_USERS = 4;
const POWER_USER_SHARE = 0.3;

interface UserDraft {
  first: { display: string; ascii: string };
  last: { display: string; ascii: string };
  handle: string;
  email: string | null;
  title: string;
  memberships: WorkspaceMembership[];
  orgRole: OrgRole;
  kind: 'member' | 'multi_guest' | 'single_guest' | 'bot' | 'invited';
  deleted: boolean;
  stranger: boolean;
}

function baseUser(store: SlackStore, rng: Random, draft: UserDraft, created: number): Omit<User, 'id'> {
  const zone = rng.pick(TIME_ZONES);
  const realName = draft.kind === 'bot' ? draft.first.display : `${draft.first.display} ${draft.last.display}`;
  const isGuest = draft.kind === 'multi_guest' || draft.kind === 'single_guest';
  return {
    name: draft.handle,
    realName,
    displayName: draft.kind === 'bot' ? '' : rng.chance(0.5) ? draft.first.display : '',
    firstName: draft.kind === 'bot' ? '' : draft.first.display,
    lastName: draft.kind === 'bot' ? '' : draft.last.display,
    email: draft.email,
    title: draft.title,
    ...kindOfPerson(store, rng, draft.kind, zone),
    deleted: draft.deleted,
    isStranger: draft.stranger,
    has2fa: draft.kind !== 'bot' && rng.chance(0.6),
    memberships: draft.memberships,
    orgRole: draft.orgRole,
    created,
    updated: created + rng.int(86_400 * 30),
    deactivatedTs: draft.deleted ? created + 86_400 * 60 : 0,
    guestExpirationTs: isGuest && rng.chance(0.3) ? EPOCH_2019 + FIVE_YEARS + 86_400 * 400 : 0,
    lastActiveTs: draft.deleted ? 0 : created + rng.int(86_400 * 300),
  };
}

/**
 * What a seeded person's kind of account and time zone make of them, with a colour and avatar.
 * The random draws come in the order the generated organization depends on (colour, avatar, then
 * a bot's app id), so the same seed still builds the same people.
 */
function kindOfPerson(store: SlackStore, rng: Random, kind: UserDraft['kind'], zone: (typeof TIME_ZONES)[number]) {
  const common = {
    phone: '',
    tz: zone.tz,
    tzLabel: zone.label,
    tzOffset: zone.offset,
    locale: 'en-US',
    color: rng.hex(6),
    avatarHash: rng.hex(12),
    isBot: kind === 'bot',
    isAppUser: false,
    isRestricted: kind === 'multi_guest' || kind === 'single_guest',
    isUltraRestricted: kind === 'single_guest',
    isInvitedUser: kind === 'invited',
    hasSso: kind !== 'bot' && store.plan !== 'pro',
  };
  return kind === 'bot' ? { ...common, botId: store.ids.bot.next(), appId: `A0${rng.hex(8).toUpperCase()}` } : common;
}

function addSlackbot(store: SlackStore): void {
  store.addUser({
    id: 'USLACKBOT',
    ...newUser({
      name: 'slackbot',
      realName: 'Slackbot',
      displayName: 'Slackbot',
      firstName: 'slackbot',
      color: '757575',
      avatarHash: 'sv41d8cd98f0',
      memberships: [...store.workspaces.keys()].map((teamId) => ({ teamId, role: 'member' as const })),
      created: EPOCH_2019,
    }),
  });
}

/** The app's own bot user: the identity behind the bot token, a member of every workspace. */
function addAppBot(store: SlackStore, created: number): User {
  return store.addUser(
    newUser({
      name: 'slackgate',
      realName: 'slackgate',
      color: '3c989f',
      avatarHash: 'g0a1b2c3d4e5',
      isBot: true,
      botId: store.ids.bot.next(),
      appId: 'A0SLACKGATE1',
      memberships: [...store.workspaces.keys()].map((teamId) => ({ teamId, role: 'member' as const })),
      created,
      lastActiveTs: created,
    }),
  );
}

function registerTokens(store: SlackStore, tokens: SimulatorTokens, bot: User, owner: User): void {
  const teams = [...store.workspaces.keys()];
  const home = teams[0] as string;
  const org = store.isGrid;
  // The app is installed on the whole org (Grid) or on the one workspace; every token says so alike.
  const installed = { ...(org ? {} : { teamId: home }), orgLevel: org, grantedTeams: teams, appId: bot.appId ?? 'A0SLACKGATE1' };
  store.addToken({ token: tokens.bot, kind: 'bot', userId: bot.id, ...installed, scopes: [...BOT_SCOPES], ...(bot.botId ? { botId: bot.botId } : {}) });
  store.addToken({ token: tokens.admin, kind: 'user', userId: owner.id, ...installed, scopes: [...ADMIN_USER_SCOPES] });
  // The org admin token exists on Grid only, where `installed` is org-level.
  if (org && tokens.enterprise) store.addToken({ token: tokens.enterprise, kind: 'user', userId: owner.id, ...installed, scopes: [...ORG_ADMIN_SCOPES] } satisfies TokenInfo);
}

function createOrganization(store: SlackStore, rng: Random, company: string, workspaceCount: number, tag: string): Workspace[] {
  const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  if (store.isGrid) {
    store.enterprise = { id: `E${tag}${rng.hex(6).toUpperCase()}`, name: company, domain: `${slug}-org` };
  }
  const workspaces: Workspace[] = [];
  for (let i = 0; i < workspaceCount; i++) {
    const suffix = WORKSPACE_SUFFIXES[i % WORKSPACE_SUFFIXES.length] as string;
    const round = Math.floor(i / WORKSPACE_SUFFIXES.length);
    const name = workspaceCount === 1 ? company : `${company} ${suffix}${round ? ` ${round + 1}` : ''}`;
    workspaces.push(
      store.addWorkspace({
        name,
        domain: workspaceCount === 1 ? slug : `${slug}-${suffix.toLowerCase()}${round ? round + 1 : ''}`,
        emailDomain: `${slug}.example.com`,
        created: EPOCH_2019 + i * 86_400 * 30,
        discoverability: i === 0 ? 'open' : rng.pick(['open', 'invite_only', 'unlisted'] as const),
        iconHash: rng.hex(12),
      }),
    );
  }
  return workspaces;
}

/** Generated organization: sizes from flags, a deliberately awkward mix of accounts. */
function seedGenerated(store: SlackStore, options: SeedOptions, rng: Random): void {
  const grid = store.isGrid;
  const workspaceCount = grid ? Math.max(1, options.workspaces ?? 3) : 1;
  const userCount = Math.max(1, options.users ?? 100);
  const company = COMPANIES[options.seed % COMPANIES.length] as string;
  const workspaces = createOrganization(store, rng, company, workspaceCount, seedTag(options.seed));
  const teamIds = workspaces.map((w) => w.id);
  const domain = (workspaces[0] as Workspace).emailDomain;

  addSlackbot(store);
  const appBot = addAppBot(store, EPOCH_2019);

  const handles = new Set<string>(['slackbot', 'slackgate']);
  let owner: User | undefined;
  const humans: User[] = [];
  for (let i = 0; i < userCount; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const roll = rng.next();
    const kind: UserDraft['kind'] =
      i === 0 ? 'member' : roll < 0.05 ? 'multi_guest' : roll < 0.07 ? 'single_guest' : roll < 0.09 ? 'bot' : roll < 0.11 ? 'invited' : 'member';
    let role: WorkspaceMembership['role'] = 'member';
    if (i === 0) role = 'primary_owner';
    else if (kind === 'member') {
      const r = rng.next();
      role = r < 0.01 ? 'owner' : r < 0.04 ? 'admin' : 'member';
    }
    let handle = kind === 'bot' ? `${last.ascii}-bot` : `${first.ascii}.${last.ascii}`;
    if (handles.has(handle)) handle = `${handle}${i}`;
    handles.add(handle);
    const home = teamIds[i % teamIds.length] as string;
    const memberships: WorkspaceMembership[] = [{ teamId: home, role }];
    if (grid && kind !== 'single_guest' && kind !== 'multi_guest') {
      if (i === 0) {
        for (const t of teamIds) if (t !== home) memberships.push({ teamId: t, role });
      } else if (teamIds.length > 1 && rng.chance(0.3)) {
        const other = rng.pick(teamIds);
        if (other !== home) memberships.push({ teamId: other, role });
      }
    }
    const orgRole: OrgRole = !grid ? 'member' : i === 0 ? 'primary_owner' : role === 'owner' ? 'owner' : role === 'admin' && rng.chance(0.5) ? 'admin' : 'member';
    const noEmail = kind === 'bot' || (i > 0 && rng.chance(0.01));
    const draft: UserDraft = {
      first: kind === 'bot' ? { display: `${last.display} Bot`, ascii: `${last.ascii}-bot` } : first,
      last,
      handle,
      email: noEmail ? null : `${handle}@${domain}`,
      title: kind === 'bot' ? '' : rng.pick(TITLES),
      memberships,
      orgRole,
      kind,
      deleted: i > 0 && rng.chance(0.05),
      stranger: kind === 'member' && i > 0 && rng.chance(0.003),
    };
    const user = store.appendSeededUser(baseUser(store, rng, draft, EPOCH_2019 + rng.int(FIVE_YEARS)));
    if (i % 10 === 0 && kind !== 'bot') {
      user.scim = {
        employeeNumber: `E${String(i).padStart(6, '0')}`,
        department: rng.pick(['Engineering', 'Sales', 'Support', 'Finance', 'Legal', 'People']),
        costCenter: String(100 + rng.int(50)),
        userType: 'Employee',
      };
    }
    if (i === 0) owner = user;
    if (kind !== 'bot') humans.push(user);
  }
  const primaryOwner = owner as User;

  // Who may sit in groups: active full members (Slack refuses guests, bots and deactivated users).
  const eligibleByTeam = new Map<string, User[]>();
  for (const t of teamIds) eligibleByTeam.set(t, []);
  for (const user of humans) {
    if (user.deleted || user.isRestricted || user.isInvitedUser || user.isStranger) continue;
    for (const m of user.memberships) eligibleByTeam.get(m.teamId)?.push(user);
  }
  // A few people sit in many groups, the way leads and on-call rotations do; how many does not
  // grow with the organization.
  const powerUsers = humans.filter((u) => !u.deleted && !u.isRestricted && !u.isInvitedUser && !u.isStranger).slice(0, POWER_USERS);

  const groupCount = Math.max(0, options.userGroups ?? 10);
  for (let g = 0; g < groupCount; g++) {
    const teamId = teamIds[g % teamIds.length] as string;
    const base = GROUP_NAMES[g % GROUP_NAMES.length] as string;
    const round = Math.floor(g / GROUP_NAMES.length);
    const name = round ? `${base} ${round + 1}` : base;
    const eligible = eligibleByTeam.get(teamId) ?? [];
    const empty = g % 7 === 6;
    const size = empty ? 0 : Math.min(eligible.length, rng.skewed(USER_GROUP_SIZE.median, USER_GROUP_SIZE.sigma, USER_GROUP_SIZE.min, USER_GROUP_SIZE.max));
    const members = new Set(rng.sample(eligible, size).map((u) => u.id));
    if (!empty) for (const u of powerUsers) if (u.memberships.some((m) => m.teamId === teamId) && rng.chance(POWER_USER_SHARE)) members.add(u.id);
    const created = EPOCH_2019 + rng.int(FIVE_YEARS);
    const disabled = g % 5 === 4;
    store.addUsergroup(
      newUsergroup({
        teamId,
        name,
        handle: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        description: `${name} team`,
        dateCreate: created,
        dateUpdate: created + 86_400,
        dateDelete: disabled ? created + 86_400 * 90 : 0,
        createdBy: primaryOwner.id,
        deletedBy: disabled ? primaryOwner.id : null,
        users: members,
      }),
    );
  }

  const idpCount = store.hasScim ? Math.max(0, options.idpGroups ?? 4) : 0;
  const allEligible = humans.filter((u) => !u.deleted && !u.isRestricted && !u.isInvitedUser && !u.isStranger);
  for (let g = 0; g < idpCount; g++) {
    const base = IDP_GROUP_NAMES[g % IDP_GROUP_NAMES.length] as string;
    const round = Math.floor(g / IDP_GROUP_NAMES.length);
    const name = round ? `${base}-${round + 1}` : base;
    const empty = g % 10 === 9;
    const pool = grid ? allEligible : (eligibleByTeam.get(teamIds[0] as string) ?? []);
    const size = empty ? 0 : Math.min(pool.length, rng.skewed(IDP_GROUP_SIZE.median, IDP_GROUP_SIZE.sigma, IDP_GROUP_SIZE.min, IDP_GROUP_SIZE.max));
    const created = EPOCH_2019 + rng.int(FIVE_YEARS);
    store.addUsergroup(
      newUsergroup({
        teamId: grid ? (store.enterprise as { id: string }).id : (teamIds[0] as string),
        name,
        handle: name,
        isIdpGroup: true,
        isOrgLevel: grid,
        linkedTeams: grid ? rng.sample(teamIds, 1 + rng.int(teamIds.length)) : [],
        dateCreate: created,
        createdBy: primaryOwner.id,
        users: new Set(rng.sample(pool, size).map((u) => u.id)),
      }),
    );
  }

  const channelCount = Math.max(workspaceCount, options.channels ?? 8);
  const perTeamIndex = new Map<string, number>();
  for (let c = 0; c < channelCount; c++) {
    const teamId = teamIds[c % teamIds.length] as string;
    const index = perTeamIndex.get(teamId) ?? 0;
    perTeamIndex.set(teamId, index + 1);
    const workspaceUsers = (store.workspace(teamId) as Workspace).userIds;
    const general = index === 0;
    const base = general ? 'general' : (CHANNEL_NAMES[(index - 1) % CHANNEL_NAMES.length] as string);
    const round = general ? 0 : Math.floor((index - 1) / CHANNEL_NAMES.length);
    const isPrivate = !general && (base.includes('private') || base === 'leadership' || base === 'security' || rng.chance(0.3));
    const created = EPOCH_2019 + rng.int(FIVE_YEARS);
    const channel = store.addChannel({
      teamId,
      name: round ? `${base}-${round + 1}` : base,
      isPrivate,
      isArchived: !general && rng.chance(0.1),
      isGeneral: general,
      created,
      creator: primaryOwner.id,
      topic: general ? 'Company-wide announcements and work-based matters' : '',
      purpose: general ? 'This channel is for workspace-wide communication and announcements.' : `Talk about ${base}`,
      members: new Set(),
    });
    if (general) {
      for (const id of workspaceUsers) {
        const u = store.user(id) as User;
        if (!u.isRestricted && !u.deleted && id !== 'USLACKBOT') channel.members.add(id);
      }
    } else {
      const size = rng.skewed(CHANNEL_SIZE.median, CHANNEL_SIZE.sigma, CHANNEL_SIZE.min, CHANNEL_SIZE.max);
      const picked = rng.sample(workspaceUsers, Math.min(workspaceUsers.length, size));
      for (const id of picked) {
        const u = store.user(id) as User;
        if (!u.isUltraRestricted && !u.deleted && id !== 'USLACKBOT') channel.members.add(id);
      }
      channel.members.add(primaryOwner.id);
      if (!isPrivate || rng.chance(0.5)) channel.members.add(appBot.id);
    }
  }
  // Guests live in few channels: single-channel guests in exactly one.
  for (const user of humans) {
    if (!user.isRestricted) continue;
    const teamId = (user.memberships[0] as WorkspaceMembership).teamId;
    const candidates = store.channelsOf(teamId).filter((c) => !c.isGeneral && !c.isArchived);
    const count = user.isUltraRestricted ? 1 : 2;
    for (const channel of rng.sample(candidates, count)) channel.members.add(user.id);
  }

  if (grid) {
    const enterpriseId = (store.enterprise as { id: string }).id;
    const assignable = allEligible.slice(0, Math.max(3, Math.ceil(allEligible.length * 0.01)));
    for (const user of assignable) {
      store.roleAssignments.push({
        roleId: rng.pick(ENTERPRISE_ROLE_IDS),
        entityId: rng.chance(0.6) ? enterpriseId : rng.pick(teamIds),
        userId: user.id,
        dateCreate: EPOCH_2019 + rng.int(FIVE_YEARS),
      });
    }
    // A custom role the product should ignore.
    if (allEligible[0]) store.roleAssignments.push({ roleId: 'Rl9Z', entityId: enterpriseId, userId: allEligible[0].id, dateCreate: EPOCH_2019 });
  }

  registerTokens(store, options.tokens, appBot, primaryOwner);
}

/** The named demo organization: a small believable company that reads well in GraphiQL. */
function seedDemo(store: SlackStore, options: SeedOptions, rng: Random): void {
  const grid = store.isGrid;
  const workspaces = createOrganization(store, rng, 'Lumen Robotics', grid ? 2 : 1, seedTag(options.seed));
  const [hq, field] = workspaces as [Workspace, Workspace | undefined];
  // Keep demo names readable: "Lumen Robotics HQ" and "Lumen Robotics Field Ops".
  if (field) {
    hq.name = 'Lumen Robotics HQ';
    hq.domain = 'lumen-hq';
    field.name = 'Lumen Robotics Field Ops';
    field.domain = 'lumen-field';
  } else hq.domain = 'lumen-robotics';
  for (const w of workspaces) w.emailDomain = 'lumenrobotics.example';
  addSlackbot(store);
  const appBot = addAppBot(store, EPOCH_2019 + 86_400 * 900);

  const byHandle = new Map<string, User>();
  for (const person of DEMO_PEOPLE) {
    const zone = TIME_ZONES.find((z) => z.tz === person.tz) ?? (TIME_ZONES[0] as (typeof TIME_ZONES)[number]);
    const memberships: WorkspaceMembership[] = [{ teamId: hq.id, role: person.role ?? 'member' }];
    if (field && person.fieldOps) memberships.push({ teamId: field.id, role: person.role === 'primary_owner' ? 'owner' : (person.role ?? 'member') });
    const created = EPOCH_2019 + 86_400 * person.joinedDaysAfter2019;
    const isGuest = person.kind === 'multi_guest' || person.kind === 'single_guest';
    const user = store.addUser({
      name: person.handle,
      realName: person.kind === 'bot' ? person.name : person.name,
      displayName: person.kind === 'bot' ? '' : (person.name.split(' ')[0] as string),
      firstName: person.kind === 'bot' ? '' : (person.name.split(' ')[0] as string),
      lastName: person.kind === 'bot' ? '' : person.name.split(' ').slice(1).join(' '),
      email: person.kind === 'bot' ? null : person.email === null ? null : `${person.email ?? person.handle}@lumenrobotics.example`,
      title: person.title,
      ...kindOfPerson(store, rng, person.kind ?? 'member', zone),
      deleted: person.deleted ?? false,
      isStranger: false,
      has2fa: person.kind !== 'bot' && person.kind !== 'invited',
      memberships,
      orgRole: grid ? (person.orgRole ?? 'member') : 'member',
      created,
      updated: created + 86_400,
      deactivatedTs: person.deleted ? created + 86_400 * 200 : 0,
      guestExpirationTs: isGuest ? EPOCH_2019 + FIVE_YEARS + 86_400 * 400 : 0,
      lastActiveTs: person.deleted ? 0 : created + 86_400 * 100,
      ...(person.department ? { scim: { department: person.department, userType: isGuest ? 'Contractor' : 'Employee' } } : {}),
    });
    byHandle.set(person.handle, user);
  }
  const owner = [...byHandle.values()].find((u) => u.memberships.some((m) => m.role === 'primary_owner')) as User;
  const idsOf = (handles: readonly string[]): Set<string> => new Set(handles.map((h) => (byHandle.get(h) as User).id));

  for (const group of DEMO_GROUPS) {
    const created = EPOCH_2019 + 86_400 * group.createdDaysAfter2019;
    store.addUsergroup(
      newUsergroup({
        teamId: hq.id,
        name: group.name,
        handle: group.handle,
        description: group.description,
        dateCreate: created,
        dateUpdate: created + 86_400 * 10,
        dateDelete: group.disabled ? created + 86_400 * 300 : 0,
        createdBy: owner.id,
        deletedBy: group.disabled ? owner.id : null,
        users: idsOf(group.members),
      }),
    );
  }
  if (store.hasScim) {
    for (const group of DEMO_IDP_GROUPS) {
      const created = EPOCH_2019 + 86_400 * 700;
      store.addUsergroup(
        newUsergroup({
          teamId: grid ? (store.enterprise as { id: string }).id : hq.id,
          name: group.name,
          handle: group.name,
          isIdpGroup: true,
          isOrgLevel: grid,
          linkedTeams: grid ? workspaces.map((w) => w.id) : [],
          dateCreate: created,
          createdBy: owner.id,
          users: idsOf(group.members),
        }),
      );
    }
  }
  for (const spec of DEMO_CHANNELS) {
    const teamId = spec.fieldOps && field ? field.id : hq.id;
    const members = spec.members === 'everyone' ? new Set<string>() : idsOf(spec.members);
    if (spec.members === 'everyone') {
      for (const user of byHandle.values()) if (!user.isRestricted && !user.deleted && user.memberships.some((m) => m.teamId === teamId)) members.add(user.id);
    }
    if (spec.bot) members.add(appBot.id);
    store.addChannel({
      teamId,
      name: spec.name,
      isPrivate: spec.isPrivate,
      isArchived: spec.archived ?? false,
      isGeneral: spec.name === 'general',
      created: EPOCH_2019 + 86_400 * 30,
      creator: owner.id,
      topic: spec.topic,
      purpose: spec.purpose,
      members,
    });
  }
  if (grid) {
    const enterpriseId = (store.enterprise as { id: string }).id;
    const assign = (roleId: string, handle: string, entityId = enterpriseId): void => {
      store.roleAssignments.push({ roleId, entityId, userId: (byHandle.get(handle) as User).id, dateCreate: EPOCH_2019 + 86_400 * 800 });
    };
    assign('Rl0J', 'priya.raman');
    assign('Rl0C', 'priya.raman');
    assign('Rl03', 'marcus.webb');
    assign('Rl01', 'sofia.alvarez', hq.id);
  }
  registerTokens(store, options.tokens, appBot, owner);
}

export function buildStore(options: SeedOptions): SlackStore {
  const store = new SlackStore(options.plan, seedTag(options.seed));
  const rng = new Random(options.seed);
  if (options.org === 'demo') seedDemo(store, options, rng);
  else seedGenerated(store, options, rng);
  prerenderUsers(store);
  prerenderScimUsers(store);
  return store;
}
