import type { SlackConnection } from '../connection.ts';
import type { ScimClient, ScimGroup } from '../scim.ts';
import { configuredClient, type Provisioner, ProvisioningRefused, type ProvisionOp, type ProvisionStep, type ProvisionTarget, refuseUnlessFullMember } from './types.ts';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const V1_CORE = 'urn:scim:schemas:core:1.0';

/**
 * IdP-group membership through SCIM: PATCH adds or removes one member, so concurrent changes to
 * one group do not overwrite each other. The group is read first, so an existing membership is
 * reported as such and nothing is written. GovSlack does not allow IdP-group changes.
 */
export class IdpGroupProvisioner implements Provisioner {
  constructor(private readonly connection: SlackConnection) {}

  check(op: ProvisionOp, target: ProvisionTarget): void {
    if (this.connection.options.slack.govEnv) throw new ProvisioningRefused('conflict', 'GovSlack does not allow IdP-group changes', 'NOT_SUPPORTED');
    refuseUnlessFullMember(op, target, 'IdP groups');
  }

  get #scim(): ScimClient {
    return configuredClient(this.connection.scim, 'IdP-group changes need a Business+ or Grid admin token (--business-plus-token)');
  }

  async #members(groupId: string): Promise<string[]> {
    const { body } = await this.#scim.get<ScimGroup>('Groups', groupId);
    return (body?.members ?? []).map((m) => m.value);
  }

  async grant(target: ProvisionTarget): Promise<ProvisionStep> {
    const scim = this.#scim;
    const groupId = target.resource.slackId;
    const user = target.account.slackId;
    const before = await this.#members(groupId);
    if (before.includes(user)) return { result: 'ALREADY_GRANTED', members: before };
    const body =
      scim.version === 1
        ? { schemas: [V1_CORE], members: [{ value: user }] }
        : { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: user }] }] };
    const res = await scim.request<ScimGroup>('PATCH', `Groups/${encodeURIComponent(groupId)}`, body);
    return { result: 'GRANTED', members: res.body?.members ? res.body.members.map((m) => m.value) : [...before, user] };
  }

  async revoke(target: ProvisionTarget): Promise<ProvisionStep> {
    const scim = this.#scim;
    const groupId = target.resource.slackId;
    const user = target.account.slackId;
    const before = await this.#members(groupId);
    if (!before.includes(user)) return { result: 'ALREADY_REVOKED', members: before };
    const body =
      scim.version === 1
        ? { schemas: [V1_CORE], members: [{ value: user, operation: 'delete' }] }
        : { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${user}"]` }] };
    const res = await scim.request<ScimGroup>('PATCH', `Groups/${encodeURIComponent(groupId)}`, body);
    return { result: 'REVOKED', members: res.body?.members ? res.body.members.map((m) => m.value) : before.filter((id) => id !== user) };
  }
}
