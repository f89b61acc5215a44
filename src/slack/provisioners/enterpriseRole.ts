import type { SlackConnection } from '../connection.ts';
import { SlackApiError } from '../errors.ts';
import type { SlackWebApi } from '../webApi.ts';
import { configuredClient, type Provisioner, ProvisioningRefused, type ProvisionOp, type ProvisionStep, type ProvisionTarget, refuseUnlessFullMember } from './types.ts';

interface Assignment {
  role_id: string;
  entity_id: string;
  user_id: string;
}

/**
 * Enterprise (Grid) role assignments through `admin.roles.*`. A grant assigns the role
 * organization-wide (the enterprise as the entity); a revoke removes every assignment of the
 * role the account holds, whatever its entity. The role's assignments are read first, so the
 * answer reflects Slack, not the cache.
 */
export class EnterpriseRoleProvisioner implements Provisioner {
  constructor(private readonly connection: SlackConnection) {}

  check(op: ProvisionOp, target: ProvisionTarget): void {
    refuseUnlessFullMember(op, target, 'enterprise roles');
  }

  get #admin(): SlackWebApi {
    return configuredClient(this.connection.enterprise, 'enterprise roles need a Grid org admin token (--enterprise-token)');
  }

  /** Every assignment of one role. */
  async assignments(roleId: string): Promise<Assignment[]> {
    const all: Assignment[] = [];
    for await (const page of this.#admin.pages<Assignment>('admin.roles.listAssignments', 'role_assignments', { role_ids: [roleId], limit: 200 })) all.push(...page.items);
    return all;
  }

  async grant(target: ProvisionTarget): Promise<ProvisionStep> {
    const roleId = target.resource.slackId;
    const user = target.account.slackId;
    const before = await this.assignments(roleId);
    const members = [...new Set(before.map((a) => a.user_id))];
    if (members.includes(user)) return { result: 'ALREADY_GRANTED', members };
    const enterpriseId = this.connection.plan?.enterpriseId;
    if (!enterpriseId) throw new ProvisioningRefused('conflict', 'enterprise roles exist only on Enterprise Grid, and no enterprise was detected', 'NOT_SUPPORTED');
    const res = await this.#admin.call<{ rejected_users?: { id: string; error: string }[]; rejected_entities?: { id: string; error: string }[] }>(
      'admin.roles.addAssignments',
      { role_id: roleId, user_ids: [user], entity_ids: [enterpriseId] },
    );
    rejected('admin.roles.addAssignments', res);
    return { result: 'GRANTED', members: [...members, user] };
  }

  async revoke(target: ProvisionTarget): Promise<ProvisionStep> {
    const roleId = target.resource.slackId;
    const user = target.account.slackId;
    const before = await this.assignments(roleId);
    const entities = before.filter((a) => a.user_id === user).map((a) => a.entity_id);
    const members = [...new Set(before.map((a) => a.user_id))];
    if (entities.length === 0) return { result: 'ALREADY_REVOKED', members };
    const res = await this.#admin.call<{ rejected_users?: { id: string; error: string }[]; rejected_entities?: { id: string; error: string }[] }>(
      'admin.roles.removeAssignments',
      { role_id: roleId, user_ids: [user], entity_ids: [...new Set(entities)] },
    );
    rejected('admin.roles.removeAssignments', res);
    return { result: 'REVOKED', members: members.filter((id) => id !== user) };
  }
}

/** Slack answers ok:true yet lists users or entities it did not change. */
function rejected(method: string, res: { rejected_users?: { id: string; error: string }[]; rejected_entities?: { id: string; error: string }[] }): void {
  const first = res.rejected_users?.[0] ?? res.rejected_entities?.[0];
  if (first) throw new SlackApiError(method, first.error, undefined, `Slack rejected ${first.id}`);
}
