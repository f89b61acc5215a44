import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SlackConnection } from '../../slack/connection.ts';
import { SlackApiError as SlackCallError } from '../../slack/errors.ts';
import { MEMBER_ERRORS, UserGroupProvisioner, type GroupWriteResult, type ProvisionOp, type ProvisionTarget, type SlackProvisionResult, type UserGroupState } from '../../slack/provisioners/index.ts';
import { effectiveMembers, reconcileGrants } from '../../sync/targeted.ts';
import type { ProvisionOutcome } from '../types.ts';
import { MemberWriteCoalescer, type Batch } from './coalesce.ts';
import type { Input, ProvisioningKit } from './kit.ts';
import { withResourceLock } from './lock.ts';
import { persist } from './persist.ts';

/** One grant or revoke waiting for its user group's next write. */
interface GroupJob {
  op: ProvisionOp;
  target: ProvisionTarget;
  input: Input;
}

/**
 * User groups: Slack only replaces a group's whole member list, so writes to one group are
 * serialised across requests and replicas (withResourceLock), the list is read fresh right
 * before each write, and every grant and revoke waiting for the group goes into that one write
 * (MemberWriteCoalescer).
 */
export class UserGroupWriter {
  readonly #kit: ProvisioningKit;
  readonly #provisioner: UserGroupProvisioner;
  readonly #coalescer: MemberWriteCoalescer<GroupJob, ProvisionOutcome>;

  constructor(kit: ProvisioningKit, connection: SlackConnection, announceWaitMs?: number) {
    this.#kit = kit;
    this.#provisioner = new UserGroupProvisioner(connection);
    this.#coalescer = new MemberWriteCoalescer<GroupJob, ProvisionOutcome>((key, batch) => this.#flush(key, batch), announceWaitMs);
  }

  /** Refuses (throws) a change the group cannot take, before anything is called. */
  check(op: ProvisionOp, target: ProvisionTarget): void {
    this.#provisioner.check(op, target);
  }

  /** Says a change to the entitlement is coming, so a batch starting meanwhile waits for it. */
  announce(entitlementId: number): { ticket: number; release(): void } {
    return this.#coalescer.announce(entitlementId);
  }

  /** The change, written with whatever else waits for the same group. */
  write(op: ProvisionOp, target: ProvisionTarget, input: Input, ticket: number): Promise<ProvisionOutcome> {
    return this.#coalescer.submit(target.entitlementId, { op, target, input }, ticket);
  }

  async #flush(key: number, batch: Batch<GroupJob>): Promise<ProvisionOutcome[]> {
    const first = batch.changes[0] as GroupJob;
    const group = { slackId: first.target.resource.slackId, workspaceId: first.target.resource.workspaceId };
    return withResourceLock(this.#kit.database, key, async (handle) => {
      let state: UserGroupState;
      try {
        state = await this.#provisioner.read(group);
      } catch (error) {
        batch.takeLate();
        return Promise.all(batch.changes.map((j) => this.#kit.failed(j.op, j.input, j.target, error, { coalesced: batch.changes.length }, handle)));
      }
      // Everything that arrived while the lock and the read were awaited joins this write.
      batch.takeLate();
      const jobs = batch.changes;
      let write: GroupWriteResult;
      try {
        write = await this.#provisioner.apply(
          group,
          jobs.map((j) => ({ op: j.op, userId: j.target.account.slackId })),
          state,
        );
      } catch (error) {
        const memberError = error instanceof SlackCallError && MEMBER_ERRORS.includes(error.slackError);
        if (memberError && jobs.length > 1) return this.#isolate(handle, group, jobs);
        return Promise.all(jobs.map((j) => this.#kit.failed(j.op, j.input, j.target, error, { coalesced: jobs.length }, handle)));
      }
      const details = { coalesced: jobs.length, slackWrites: write.writes, groupStatus: write.status };
      const target = first.target;
      return persist(
        this.#kit,
        handle,
        jobs.map((j, i) => ({ op: j.op, input: j.input, target: j.target, result: write.results[i] as SlackProvisionResult, details })),
        async (trx) => [
          await reconcileGrants(trx, target, effectiveMembers(write), { resourceStatus: write.status, resourceId: target.resource.id }),
        ],
      );
    });
  }

  /**
   * Slack refused the combined list because of one of its users (one the cache thought eligible):
   * each change is then written on its own, so only the culprit's fails.
   */
  async #isolate(handle: Kysely<DB>, group: { slackId: string; workspaceId: string | null }, jobs: GroupJob[]): Promise<ProvisionOutcome[]> {
    const outcomes: ProvisionOutcome[] = [];
    for (const j of jobs) {
      try {
        const write = await this.#provisioner.apply(group, [{ op: j.op, userId: j.target.account.slackId }]);
        const [outcome] = await persist(this.#kit, handle, [{ op: j.op, input: j.input, target: j.target, result: write.results[0] as SlackProvisionResult, details: { coalesced: 1, isolated: true, slackWrites: write.writes } }], async (trx) => [
          await reconcileGrants(trx, j.target, effectiveMembers(write), { resourceStatus: write.status, resourceId: j.target.resource.id }),
        ]);
        outcomes.push(outcome as ProvisionOutcome);
      } catch (error) {
        outcomes.push(await this.#kit.failed(j.op, j.input, j.target, error, { coalesced: 1, isolated: true }, handle));
      }
    }
    return outcomes;
  }
}
