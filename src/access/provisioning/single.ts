import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { singleMemberProvisioners, type ProvisionOp, type ProvisionStep, type ProvisionTarget } from '../../slack/provisioners/index.ts';
import { readResourceMembers, readWorkspaceAccess, reconcileGrants, type GrantChanges } from '../../sync/targeted.ts';
import { ConflictError } from '../errors.ts';
import type { ProvisionOutcome } from '../types.ts';
import type { Input, ProvisioningKit } from './kit.ts';
import { persist } from './persist.ts';

/**
 * Every kind but user groups: one Slack call per change, no lock. After the call the resource's
 * members as Slack lists them are reconciled into the cache with the grant row.
 */
export class SingleMemberWriter {
  readonly #kit: ProvisioningKit;
  readonly #provisioners: ReturnType<typeof singleMemberProvisioners>;

  constructor(kit: ProvisioningKit) {
    this.#kit = kit;
    this.#provisioners = singleMemberProvisioners(kit.connection);
  }

  /** Refuses (throws) a change this kind cannot take, before anything is called. */
  check(op: ProvisionOp, target: ProvisionTarget): void {
    this.#provisioners[target.resource.resourceType]?.check(op, target);
  }

  async write(op: ProvisionOp, target: ProvisionTarget, input: Input): Promise<ProvisionOutcome> {
    const provisioner = this.#provisioners[target.resource.resourceType];
    if (!provisioner) return this.#kit.refuse(op, input, target, new ConflictError(`${target.resource.resourceType} access cannot be provisioned`, { code: 'NOT_SUPPORTED' }));
    let step: ProvisionStep;
    try {
      step = op === 'GRANT' ? await provisioner.grant(target) : await provisioner.revoke(target);
    } catch (error) {
      return this.#kit.failed(op, input, target, error);
    }
    const kind = target.resource.resourceType;
    // The resource as Slack lists it now; the grant row itself is written whatever this read does.
    let refresh: (trx: Transaction<DB>) => Promise<GrantChanges[]> = async () => [];
    try {
      if (kind === 'workspace' || kind === 'workspaceRole') {
        const access = target.resource.workspaceId ? await readWorkspaceAccess(this.#kit.db, this.#kit.connection, target.resource.workspaceId, target.account.slackId) : [];
        refresh = async (trx) =>
          Promise.all(
            access.map((e) =>
              reconcileGrants(trx, { entitlementId: e.entitlementId, entitlementExternalId: e.externalId }, e.held ? [target.account.slackId] : [], { accountIds: [target.account.id] }),
            ),
          );
      } else {
        const members = step.members ?? (await readResourceMembers(this.#kit.connection, { ...target, resourceId: target.resource.id, resourceType: kind, slackId: target.resource.slackId, workspaceId: target.resource.workspaceId })).members;
        refresh = async (trx) => [await reconcileGrants(trx, target, members)];
      }
    } catch (error) {
      this.#kit.logger?.warn({ err: (error as Error).message, entitlement: target.entitlementExternalId }, 'targeted refresh after provisioning failed; the next sync catches up');
    }
    const [outcome] = await persist(this.#kit, this.#kit.db, [{ op, input, target, result: step.result }], refresh);
    return outcome as ProvisionOutcome;
  }
}
