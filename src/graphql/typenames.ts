import type { ResourceType } from '../db/schema.ts';

/** GraphQL type name of each resource type (baton's ids on the left). */
export const RESOURCE_TYPENAMES: Record<ResourceType, string> = {
  workspace: 'Workspace',
  workspaceRole: 'WorkspaceRole',
  userGroup: 'UserGroup',
  group: 'IdpGroup',
  enterpriseRole: 'EnterpriseRole',
  channel: 'Channel',
};
