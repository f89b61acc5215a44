// Slack's published rate-limit tiers for the methods slackgate calls (per method, per
// workspace, per app, per minute). Calls are paced against these before Slack says 429.

export const TIER_LIMITS = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;
export type Tier = keyof typeof TIER_LIMITS;

export const METHOD_TIERS: Record<string, Tier> = {
  'auth.teams.list': 2,
  'team.info': 3,
  'users.list': 2,
  'users.info': 4,
  'users.lookupByEmail': 3,
  'usergroups.list': 2,
  'usergroups.users.list': 2,
  'usergroups.users.update': 2,
  'usergroups.create': 2,
  'usergroups.update': 2,
  'usergroups.enable': 2,
  'usergroups.disable': 2,
  'conversations.list': 2,
  'conversations.members': 4,
  'conversations.invite': 3,
  'conversations.kick': 3,
  'admin.teams.list': 3,
  'admin.users.list': 4,
  'admin.users.assign': 2,
  'admin.users.remove': 2,
  'admin.users.invite': 2,
  'admin.users.setAdmin': 2,
  'admin.users.setOwner': 2,
  'admin.users.setRegular': 2,
  'admin.roles.listAssignments': 2,
  'admin.roles.addAssignments': 2,
  'admin.roles.removeAssignments': 2,
  'chat.postMessage': 4,
};

/** `auth.test` is "special" (generous); unknown methods get Tier 3. */
export function callsPerMinute(method: string): number {
  if (method === 'auth.test') return 600;
  return TIER_LIMITS[METHOD_TIERS[method] ?? 3];
}

/** SCIM limits are org-wide across all SCIM apps. */
export const SCIM_LIMITS = { read: 1000, write: 600 } as const;
