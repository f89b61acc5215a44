import { builder } from './builder.ts';

export const AccountStatusEnum = builder.enumType('AccountStatus', {
  values: {
    ENABLED: { description: 'Active in Slack.' },
    DISABLED: { description: 'Deactivated through SCIM (inactive).' },
    DELETED: { description: 'No longer listed by Slack; kept for history.' },
  } as const,
});

export const AccountTypeEnum = builder.enumType('AccountType', {
  values: {
    HUMAN: { description: 'A person.' },
    SERVICE: { description: 'A bot or app user.' },
    SYSTEM: { description: "Slack's own accounts (Slackbot)." },
  } as const,
});

export const ResourceTypeEnum = builder.enumType('ResourceType', {
  description: 'Kinds of Slack resources; the external ids use the names in parentheses.',
  values: {
    WORKSPACE: { value: 'workspace', description: 'A workspace (workspace).' },
    WORKSPACE_ROLE: { value: 'workspaceRole', description: 'A role within a workspace (workspaceRole).' },
    USER_GROUP: { value: 'userGroup', description: 'A user group (userGroup).' },
    IDP_GROUP: { value: 'group', description: 'An IdP (SCIM) group (group).' },
    ENTERPRISE_ROLE: { value: 'enterpriseRole', description: 'An Enterprise Grid org role (enterpriseRole).' },
    CHANNEL: { value: 'channel', description: 'A public or private channel (channel).' },
  } as const,
});

export const GrantSourceEnum = builder.enumType('GrantSource', {
  values: {
    SYNC: { description: 'Seen in Slack by a sync.' },
    DIRECT: { description: 'Granted directly through the API.' },
    REQUEST: { description: 'Granted by an approved access request.' },
  } as const,
});

export const SyncStatusEnum = builder.enumType('SyncStatus', {
  values: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'NEEDS_CONFIRMATION'] as const,
});

export const SyncTriggerEnum = builder.enumType('SyncTrigger', {
  values: ['SCHEDULE', 'MANUAL', 'STARTUP', 'TARGETED', 'RESUME'] as const,
});

export const SyncChangeKindEnum = builder.enumType('SyncChangeKind', {
  values: ['GRANT_ADDED', 'GRANT_REMOVED', 'ACCOUNT_ADDED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED', 'RESOURCE_ADDED', 'RESOURCE_CHANGED', 'RESOURCE_REMOVED'] as const,
});

export const EntitlementPurposeEnum = builder.enumType('EntitlementPurpose', {
  values: ['ASSIGNMENT', 'PERMISSION', 'OWNERSHIP'] as const,
});

export const AuditOutcomeEnum = builder.enumType('AuditOutcome', {
  // STARTED: a change about to be made in Slack; the row with its outcome follows.
  values: ['SUCCESS', 'FAILURE', 'DENIED', 'NOOP', 'STARTED'] as const,
});

export const ResourceStatusEnum = builder.enumType('ResourceStatus', {
  values: ['ACTIVE', 'DISABLED', 'ARCHIVED', 'DELETED'] as const,
});
