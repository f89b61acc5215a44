import type { ResourceType } from '../../db/schema.ts';
import type { SlackConnection } from '../connection.ts';
import { ChannelProvisioner } from './channel.ts';
import { EnterpriseRoleProvisioner } from './enterpriseRole.ts';
import { IdpGroupProvisioner } from './idpGroup.ts';
import type { Provisioner } from './types.ts';
import { WorkspaceProvisioner } from './workspace.ts';

export { UserGroupProvisioner, MEMBER_ERRORS, type MemberChange, type GroupWriteResult, type UserGroupState } from './userGroup.ts';
export { AccountStatusProvisioner, type AccountStatusResult } from './account.ts';
export { readWorkspaceUser } from './workspace.ts';
export { EnterpriseRoleProvisioner } from './enterpriseRole.ts';
export * from './types.ts';

/**
 * The provisioner of every kind whose Slack method changes one member at a time. User groups
 * are not here: their whole-list writes are coalesced per group by the provisioning service.
 */
export function singleMemberProvisioners(connection: SlackConnection): Partial<Record<ResourceType, Provisioner>> {
  const workspace = new WorkspaceProvisioner(connection);
  return {
    group: new IdpGroupProvisioner(connection),
    workspace,
    workspaceRole: workspace,
    enterpriseRole: new EnterpriseRoleProvisioner(connection),
    channel: new ChannelProvisioner(connection),
  };
}
