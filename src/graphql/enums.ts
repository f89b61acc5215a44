import { builder } from './builder.ts';
import { enumOf } from './enumOf.ts';

export const AccountStatusEnum = enumOf('AccountStatus', {
  ENABLED: 'Active in Slack.',
  DISABLED: 'Deactivated through SCIM (inactive).',
  DELETED: 'No longer listed by Slack; kept for history.',
});

export const AccountTypeEnum = enumOf('AccountType', {
  HUMAN: 'A person.',
  SERVICE: 'A bot or app user.',
  SYSTEM: "Slack's own accounts (Slackbot).",
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

export const GrantSourceEnum = enumOf('GrantSource', {
  SYNC: 'Seen in Slack by a sync.',
  DIRECT: 'Granted directly through the API.',
  REQUEST: 'Granted by an approved access request.',
});

export const SyncStatusEnum = enumOf('SyncStatus', ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'NEEDS_CONFIRMATION']);

export const SyncTriggerEnum = enumOf('SyncTrigger', ['SCHEDULE', 'MANUAL', 'STARTUP', 'TARGETED', 'RESUME']);

export const SyncChangeKindEnum = enumOf('SyncChangeKind', ['GRANT_ADDED', 'GRANT_REMOVED', 'ACCOUNT_ADDED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED', 'RESOURCE_ADDED', 'RESOURCE_CHANGED', 'RESOURCE_REMOVED']);

export const EntitlementPurposeEnum = enumOf('EntitlementPurpose', ['ASSIGNMENT', 'PERMISSION', 'OWNERSHIP']);

// STARTED: a change about to be made in Slack; the row with its outcome follows.
export const AuditOutcomeEnum = enumOf('AuditOutcome', ['SUCCESS', 'FAILURE', 'DENIED', 'NOOP', 'STARTED']);

export const ResourceStatusEnum = enumOf('ResourceStatus', ['ACTIVE', 'DISABLED', 'ARCHIVED', 'DELETED']);
