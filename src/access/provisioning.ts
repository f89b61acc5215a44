import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit, type AuditRecord } from '../audit/record.ts';
import type { Database } from '../db/createDb.ts';
import type { AuditOutcome, DB, GrantActorColumns } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import type { GrantsChangedEvent } from '../events/topics.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  NotGrantableError,
  SlackApiError,
  ValidationError,
  type UserError,
} from './errors.ts';
import type { Logger } from '../log.ts';
import type { SlackConnection } from '../slack/connection.ts';
import { SlackApiError as SlackCallError, SlackUnavailableError } from '../slack/errors.ts';
import {
  AccountStatusProvisioner,
  MEMBER_ERRORS,
  ProvisioningRefused,
  singleMemberProvisioners,
  UserGroupProvisioner,
  type AccountStatusResult,
  type GroupWriteResult,
  type ProvisionOp,
  type ProvisionStep,
  type ProvisionTarget,
  type SlackProvisionResult,
  type UserGroupState,
} from '../slack/provisioners/index.ts';
import { effectiveMembers, readResourceMembers, readWorkspaceAccess, reconcileGrants, type GrantChanges } from '../sync/targeted.ts';
import { MemberWriteCoalescer, type Batch } from './provisioning/coalesce.ts';
import { claimKey, completeKey, holdKey, KEY_LEASE_MS, releaseKey, type IdempotentCall } from './provisioning/idempotency.ts';
import { withResourceLock } from './provisioning/lock.ts';
import type { Actor, GrantInput, ProvisioningService, ProvisionOutcome, RevokeInput } from './types.ts';

export interface ProvisioningServiceOptions {
  database: Database;
  connection: SlackConnection;
  bus?: EventBus;
  logger?: Logger;
  /** How long a user-group batch waits for concurrent changes announced before it (default 2 s). */
  announceWaitMs?: number;
  /** How long a claimed idempotency key survives its claimer without renewal (default KEY_LEASE_MS). */
  keyLeaseMs?: number;
}

export interface AccountStatusInput {
  accountId: number;
  status: 'ENABLED' | 'DISABLED';
  actor: Actor;
  reason?: string | null;
  idempotencyKey?: string | null;
}

export interface AccountStatusOutcome {
  result?: AccountStatusResult;
  errors: UserError[];
}

/** Grant and revoke, plus enabling and disabling accounts through SCIM. */
export interface GatewayProvisioningService extends ProvisioningService {
  setAccountStatus(input: AccountStatusInput): Promise<AccountStatusOutcome>;
}

type Input = (GrantInput | RevokeInput) & {
  source?: GrantInput['source'];
  expiresAt?: Date | null;
  cause?: RevokeInput['cause'];
  /** The STARTED audit row written before Slack was called; the outcome's row names it. */
  attemptId?: number;
  /** This call took over the idempotency key of a call whose process died. */
  takenOver?: boolean;
  /** The dead call's STARTED row: it got as far as calling Slack, so a change found in place is its. */
  priorAttemptId?: number;
};

/** What a taken-over call reports for a change its dead predecessor made. */
const MADE_BY_PREDECESSOR: Partial<Record<SlackProvisionResult, SlackProvisionResult>> = { ALREADY_GRANTED: 'GRANTED', ALREADY_REVOKED: 'REVOKED' };

/** One grant or revoke waiting for its user group's next write. */
interface GroupJob {
  op: ProvisionOp;
  target: ProvisionTarget;
  input: Input;
}

const ACTIONS: Record<ProvisionOp, string> = { GRANT: 'grantEntitlement', REVOKE: 'revokeGrant' };

/** Outcomes a retry may change (Slack unreachable or still rate limiting): their idempotency key is freed. */
const retryable = new WeakSet<object>();

// --- outcomes as stored for idempotent replays ---

interface StoredError {
  type: string;
  message: string;
  code: string;
  field: string | null;
  reason?: string;
  slackError?: string;
  method?: string | null;
}

function storeErrors(errors: UserError[]): StoredError[] {
  return errors.map((e) => ({
    type: e.constructor.name,
    message: e.message,
    code: e.code,
    field: e.field,
    ...(e instanceof NotGrantableError ? { reason: e.reason } : {}),
    ...(e instanceof SlackApiError ? { slackError: e.slackError, method: e.method } : {}),
  }));
}

function restoreErrors(stored: StoredError[]): UserError[] {
  return stored.map((s) => {
    const options = { code: s.code, field: s.field };
    switch (s.type) {
      case 'NotFoundError':
        return new NotFoundError(s.message, options);
      case 'NotGrantableError':
        return new NotGrantableError(s.message, { ...options, reason: s.reason ?? '' });
      case 'ForbiddenError':
        return new ForbiddenError(s.message, options);
      case 'ConflictError':
        return new ConflictError(s.message, options);
      case 'SlackApiError':
        return new SlackApiError(s.message, { ...options, slackError: s.slackError ?? 'unknown', method: s.method ?? null });
      default:
        return new ValidationError(s.message, options);
    }
  });
}

// --- Slack failures as user errors ---

function userErrorOf(error: unknown): UserError | undefined {
  if (error instanceof ProvisioningRefused) {
    return error.kind === 'invalid' ? new ValidationError(error.message, { code: error.code, field: 'input.accountId' }) : new ConflictError(error.message, { code: error.code });
  }
  if (error instanceof SlackUnavailableError) {
    const what = error.slackError === 'ratelimited' ? `Slack kept rate limiting ${error.method} beyond the wait the gateway allows` : `Slack did not answer ${error.method} (${error.slackError}) after several attempts`;
    return new SlackApiError(`${what}; retry later (retrying is safe: it reports what is already in place)`, { slackError: error.slackError, method: error.method });
  }
  if (error instanceof SlackCallError) return new SlackApiError(error.message, { slackError: error.slackError, method: error.method });
  return undefined;
}

function auditOutcomeOf(outcome: ProvisionOutcome | AccountStatusOutcome): AuditOutcome {
  const error = outcome.errors[0];
  if (!error) return outcome.result?.startsWith('ALREADY_') ? 'NOOP' : 'SUCCESS';
  if (error instanceof SlackApiError || error instanceof NotFoundError) return 'FAILURE';
  return 'DENIED';
}

interface Cached {
  target?: ProvisionTarget;
  grantable: boolean;
  grantableReason: string | null;
  missing?: NotFoundError;
}

async function loadTarget(db: Kysely<DB>, entitlementId: number, accountId: number): Promise<Cached> {
  const [ent, account] = await Promise.all([
    db
      .selectFrom('entitlements as e')
      .innerJoin('resources as r', 'r.id', 'e.resource_id')
      .select(['e.id', 'e.external_id', 'e.slug', 'e.grantable', 'e.grantable_reason', 'r.id as resource_id', 'r.resource_type', 'r.slack_id', 'r.workspace_id', 'r.status', 'r.profile', 'r.external_id as resource_external_id'])
      .where('e.id', '=', entitlementId)
      .executeTakeFirst(),
    db
      .selectFrom('accounts')
      .select(['id', 'slack_id', 'status', 'type', 'is_guest', 'guest_kind', 'is_bot', 'is_app_user', 'is_stranger', 'is_owner', 'is_primary_owner'])
      .where('id', '=', accountId)
      .executeTakeFirst(),
  ]);
  if (!ent) return { grantable: false, grantableReason: null, missing: new NotFoundError(`there is no entitlement ${entitlementId}`, { field: 'input.entitlementId' }) };
  if (!account) return { grantable: false, grantableReason: null, missing: new NotFoundError(`there is no account ${accountId}`, { field: 'input.accountId' }) };
  return {
    grantable: ent.grantable,
    grantableReason: ent.grantable_reason,
    target: {
      entitlementId: ent.id,
      entitlementExternalId: ent.external_id,
      slug: ent.slug,
      resource: {
        id: ent.resource_id,
        resourceType: ent.resource_type,
        slackId: ent.slack_id,
        workspaceId: ent.workspace_id,
        status: ent.status,
        profile: (ent.profile ?? {}) as Record<string, unknown>,
        externalId: ent.resource_external_id,
      },
      account: {
        id: account.id,
        slackId: account.slack_id,
        status: account.status,
        type: account.type,
        isGuest: account.is_guest,
        guestKind: account.guest_kind,
        isBot: account.is_bot,
        isAppUser: account.is_app_user,
        isStranger: account.is_stranger,
        isOwner: account.is_owner,
        isPrimaryOwner: account.is_primary_owner,
      },
    },
  };
}

/**
 * Changes access in Slack and keeps the cache, the audit log and live subscribers in step.
 *
 * User groups: Slack only replaces a group's whole member list, so writes to one group are
 * serialised across requests and replicas (withResourceLock), the list is read fresh right
 * before each write, and every grant and revoke waiting for the group goes into that one write
 * (MemberWriteCoalescer). Other kinds change one member per Slack call and need no lock.
 *
 * After a change the grant row is written or deleted, the resource's members as Slack now lists
 * them are reconciled into the cache, and an audit event is recorded — in one transaction — and
 * `grantsChanged` is published when it commits. Every attempt is audited, refusals included.
 */
export function createProvisioningService(options: ProvisioningServiceOptions): GatewayProvisioningService {
  const { database, connection, bus, logger } = options;
  const db = database.db;
  const userGroups = new UserGroupProvisioner(connection);
  const provisioners = singleMemberProvisioners(connection);
  const accounts = new AccountStatusProvisioner(connection);
  let detected: Promise<unknown> | undefined;

  /** Org-level tokens must name the workspace: which they are is known once the plan is detected. */
  async function ensureDetected(): Promise<void> {
    if (connection.plan) return;
    detected ??= connection.detect().catch((error: unknown) => {
      detected = undefined;
      throw error;
    });
    await detected;
  }

  function auditRecord(op: ProvisionOp, input: Input, target: ProvisionTarget | undefined, outcome: ProvisionOutcome, details: Record<string, unknown> = {}): AuditRecord {
    const error = outcome.errors[0];
    const grantExternalId = target ? `${target.entitlementExternalId}:user:${target.account.slackId}` : undefined;
    return {
      action: ACTIONS[op],
      outcome: auditOutcomeOf(outcome),
      actor: { apiClientId: input.actor.apiClientId, accountId: input.actor.accountId ?? null, label: input.actor.label ?? `client:${input.actor.apiClientId}` },
      target: grantExternalId ? { type: 'grant', id: grantExternalId } : { type: 'entitlement', id: input.entitlementId },
      entitlementExternalId: target?.entitlementExternalId ?? null,
      accountExternalId: target ? `user:${target.account.slackId}` : null,
      requestId: input.requestId ?? null,
      errorCode: error ? (error instanceof SlackApiError ? error.slackError : error.code) : null,
      details: {
        result: outcome.result ?? null,
        ...(op === 'GRANT' ? { source: input.source ?? 'DIRECT', expiresAt: input.expiresAt?.toISOString() ?? null } : { cause: input.cause ?? 'REVOKE' }),
        reason: input.reason ?? null,
        entitlementId: input.entitlementId,
        accountId: input.accountId,
        ...(error ? { error: error.message } : {}),
        ...(error instanceof SlackApiError ? { slackMethod: error.method } : {}),
        ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
        ...(input.attemptId !== undefined ? { attemptId: input.attemptId } : {}),
        ...(input.takenOver ? { takenOver: true } : {}),
        ...(input.priorAttemptId !== undefined ? { priorAttemptId: input.priorAttemptId } : {}),
        ...details,
      },
    };
  }

  /**
   * The record of an attempt, written before Slack is called: should the process die before the
   * outcome is recorded, the attempt is still on file (and the outcome's row names this one).
   * Its own action and target, so what reads a grant's history sees outcomes, not attempts.
   */
  async function recordAttempt(op: ProvisionOp, input: Input, target: ProvisionTarget): Promise<number> {
    const record = auditRecord(op, input, target, { errors: [] });
    const row = await recordAudit(db, {
      ...record,
      action: `${ACTIONS[op]}.started`,
      outcome: 'STARTED',
      target: { type: 'attempt', id: `${String(record.target?.id)}@${Date.now()}` },
      requestId: null,
      details: { ...record.details, result: null, requestId: input.requestId ?? null },
    });
    return row.id;
  }

  /** Records a refusal or failure and returns it as the outcome. */
  async function refuse(op: ProvisionOp, input: Input, target: ProvisionTarget | undefined, error: UserError, details?: Record<string, unknown>, handle: Kysely<DB> = db): Promise<ProvisionOutcome> {
    const outcome: ProvisionOutcome = { errors: [error] };
    await recordAudit(handle, auditRecord(op, input, target, outcome, details));
    return outcome;
  }

  /** Records an exception from Slack as the outcome; anything unexpected is audited and rethrown. */
  async function failed(op: ProvisionOp, input: Input, target: ProvisionTarget, error: unknown, details?: Record<string, unknown>, handle: Kysely<DB> = db): Promise<ProvisionOutcome> {
    const userError = userErrorOf(error);
    if (!userError) {
      await recordAudit(handle, auditRecord(op, input, target, { errors: [new ConflictError((error as Error).message ?? String(error), { code: 'INTERNAL' })] }, details)).catch(() => undefined);
      throw error;
    }
    const outcome = await refuse(op, input, target, userError, details, handle);
    if (error instanceof SlackUnavailableError) retryable.add(outcome);
    logger?.warn({ action: ACTIONS[op], entitlement: target.entitlementExternalId, account: target.account.slackId, slackError: userError instanceof SlackApiError ? userError.slackError : userError.code }, 'provisioning failed');
    return outcome;
  }

  /** Writes (or deletes) the grant row of one change; returns its id and whether the row appeared or went. */
  async function writeGrantRow(trx: Transaction<DB>, op: ProvisionOp, result: SlackProvisionResult, target: ProvisionTarget, input: Input): Promise<{ grantId?: number; added: boolean; removed: boolean }> {
    const key = { entitlement_id: target.entitlementId, account_id: target.account.id };
    if (op === 'REVOKE') {
      const gone = await trx.deleteFrom('grants').where('entitlement_id', '=', key.entitlement_id).where('account_id', '=', key.account_id).returning('id').executeTakeFirst();
      return { added: false, removed: gone !== undefined };
    }
    const existing = await trx.selectFrom('grants').select('id').where('entitlement_id', '=', key.entitlement_id).where('account_id', '=', key.account_id).executeTakeFirst();
    const values = {
      external_id: `${target.entitlementExternalId}:user:${target.account.slackId}`,
      ...key,
      source: input.source ?? 'DIRECT',
      granted_at: new Date(),
      expires_at: input.expiresAt ?? null,
      request_id: input.requestId ?? null,
      updated_at: new Date(),
    };
    // Already there: someone else's grant, unless this call took over one whose process died
    // after Slack made the change (then the change was this key's, and so is the grant).
    if (existing && result === 'ALREADY_GRANTED' && !input.takenOver) return { grantId: existing.id, added: false, removed: false };
    const by: GrantActorColumns = { granted_by_client_id: input.actor.apiClientId, granted_by_account_id: input.actor.accountId ?? null };
    // A grant this call made is its own, even if a refresh or sync already saw the member.
    const row = await trx
      .withTables<{ grants: GrantActorColumns }>()
      .insertInto('grants')
      .values({ ...values, ...by })
      .onConflict((oc) =>
        oc
          .columns(['entitlement_id', 'account_id'])
          .doUpdateSet({ source: values.source, granted_at: values.granted_at, expires_at: values.expires_at, request_id: values.request_id, updated_at: values.updated_at, ...by }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return { grantId: row.id, added: !existing, removed: false };
  }

  async function publish(trx: Transaction<DB>, changes: Map<number, { added: Set<number>; removed: Set<number> }>, cause: GrantsChangedEvent['cause']): Promise<void> {
    if (!bus) return;
    for (const [entitlementId, c] of changes) {
      if (c.added.size === 0 && c.removed.size === 0) continue;
      const accountIds = [...c.added, ...c.removed];
      const event: GrantsChangedEvent = {
        entitlementId,
        added: c.added.size,
        removed: c.removed.size,
        ...(accountIds.length <= 50 ? { accountIds } : {}),
        cause,
        at: new Date().toISOString(),
      };
      await bus.publish('grantsChanged', event, { db: trx });
    }
  }

  function collect(into: Map<number, { added: Set<number>; removed: Set<number> }>, entitlementId: number, added: number[], removed: number[]): void {
    let entry = into.get(entitlementId);
    if (!entry) {
      entry = { added: new Set(), removed: new Set() };
      into.set(entitlementId, entry);
    }
    for (const id of added) {
      entry.removed.delete(id);
      entry.added.add(id);
    }
    for (const id of removed) {
      entry.added.delete(id);
      entry.removed.add(id);
    }
  }

  const causeOf = (op: ProvisionOp, input: Input): GrantsChangedEvent['cause'] => (op === 'GRANT' ? 'GRANT' : (input.cause ?? 'REVOKE'));

  /**
   * The cache side of successful changes, in one transaction: each change's grant row and audit
   * event, the resource's members reconciled, and `grantsChanged` delivered on commit.
   */
  async function persist(
    handle: Kysely<DB>,
    done: { op: ProvisionOp; input: Input; target: ProvisionTarget; result: SlackProvisionResult; details?: Record<string, unknown> }[],
    refresh: (trx: Transaction<DB>) => Promise<GrantChanges[]>,
  ): Promise<ProvisionOutcome[]> {
    return handle.transaction().execute(async (trx) => {
      const changes = new Map<number, { added: Set<number>; removed: Set<number> }>();
      const outcomes: ProvisionOutcome[] = [];
      for (const given of done) {
        const own = given.input.priorAttemptId !== undefined ? MADE_BY_PREDECESSOR[given.result] : undefined;
        const d = own ? { ...given, result: own } : given;
        const row = await writeGrantRow(trx, d.op, given.result, d.target, d.input);
        collect(changes, d.target.entitlementId, row.added ? [d.target.account.id] : [], row.removed ? [d.target.account.id] : []);
        const outcome: ProvisionOutcome = { result: d.result, ...(row.grantId !== undefined ? { grantId: row.grantId } : {}), errors: [] };
        await recordAudit(trx, auditRecord(d.op, d.input, d.target, outcome, d.details));
        outcomes.push(outcome);
      }
      for (const c of await refresh(trx)) collect(changes, c.entitlementId, c.added, c.removed);
      const first = done[0];
      if (first) await publish(trx, changes, causeOf(first.op, first.input));
      return outcomes;
    });
  }

  // --- user groups: serialised, fresh read, coalesced ---

  async function flushGroup(key: number, batch: Batch<GroupJob>): Promise<ProvisionOutcome[]> {
    const first = batch.changes[0] as GroupJob;
    const group = { slackId: first.target.resource.slackId, workspaceId: first.target.resource.workspaceId };
    return withResourceLock(database, key, async (handle) => {
      let state: UserGroupState;
      try {
        state = await userGroups.read(group);
      } catch (error) {
        batch.takeLate();
        return Promise.all(batch.changes.map((j) => failed(j.op, j.input, j.target, error, { coalesced: batch.changes.length }, handle)));
      }
      // Everything that arrived while the lock and the read were awaited joins this write.
      batch.takeLate();
      const jobs = batch.changes;
      let write: GroupWriteResult;
      try {
        write = await userGroups.apply(
          group,
          jobs.map((j) => ({ op: j.op, userId: j.target.account.slackId })),
          state,
        );
      } catch (error) {
        const memberError = error instanceof SlackCallError && MEMBER_ERRORS.includes(error.slackError);
        if (memberError && jobs.length > 1) return isolate(handle, group, jobs);
        return Promise.all(jobs.map((j) => failed(j.op, j.input, j.target, error, { coalesced: jobs.length }, handle)));
      }
      const details = { coalesced: jobs.length, slackWrites: write.writes, groupStatus: write.status };
      const target = first.target;
      return persist(
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
  async function isolate(handle: Kysely<DB>, group: { slackId: string; workspaceId: string | null }, jobs: GroupJob[]): Promise<ProvisionOutcome[]> {
    const outcomes: ProvisionOutcome[] = [];
    for (const j of jobs) {
      try {
        const write = await userGroups.apply(group, [{ op: j.op, userId: j.target.account.slackId }]);
        const [outcome] = await persist(handle, [{ op: j.op, input: j.input, target: j.target, result: write.results[0] as SlackProvisionResult, details: { coalesced: 1, isolated: true, slackWrites: write.writes } }], async (trx) => [
          await reconcileGrants(trx, j.target, effectiveMembers(write), { resourceStatus: write.status, resourceId: j.target.resource.id }),
        ]);
        outcomes.push(outcome as ProvisionOutcome);
      } catch (error) {
        outcomes.push(await failed(j.op, j.input, j.target, error, { coalesced: 1, isolated: true }, handle));
      }
    }
    return outcomes;
  }

  const coalescer = new MemberWriteCoalescer<GroupJob, ProvisionOutcome>(flushGroup, options.announceWaitMs);

  // --- every other kind: one Slack call per change ---

  async function single(op: ProvisionOp, target: ProvisionTarget, input: Input): Promise<ProvisionOutcome> {
    const provisioner = provisioners[target.resource.resourceType];
    if (!provisioner) return refuse(op, input, target, new ConflictError(`${target.resource.resourceType} access cannot be provisioned`, { code: 'NOT_SUPPORTED' }));
    let step: ProvisionStep;
    try {
      step = op === 'GRANT' ? await provisioner.grant(target) : await provisioner.revoke(target);
    } catch (error) {
      return failed(op, input, target, error);
    }
    const kind = target.resource.resourceType;
    // The resource as Slack lists it now; the grant row itself is written whatever this read does.
    let refresh: (trx: Transaction<DB>) => Promise<GrantChanges[]> = async () => [];
    try {
      if (kind === 'workspace' || kind === 'workspaceRole') {
        const access = target.resource.workspaceId ? await readWorkspaceAccess(db, connection, target.resource.workspaceId, target.account.slackId) : [];
        refresh = async (trx) =>
          Promise.all(
            access.map((e) =>
              reconcileGrants(trx, { entitlementId: e.entitlementId, entitlementExternalId: e.externalId }, e.held ? [target.account.slackId] : [], { accountIds: [target.account.id] }),
            ),
          );
      } else {
        const members = step.members ?? (await readResourceMembers(connection, { ...target, resourceId: target.resource.id, resourceType: kind, slackId: target.resource.slackId, workspaceId: target.resource.workspaceId })).members;
        refresh = async (trx) => [await reconcileGrants(trx, target, members)];
      }
    } catch (error) {
      logger?.warn({ err: (error as Error).message, entitlement: target.entitlementExternalId }, 'targeted refresh after provisioning failed; the next sync catches up');
    }
    const [outcome] = await persist(db, [{ op, input, target, result: step.result }], refresh);
    return outcome as ProvisionOutcome;
  }

  // --- the entry points ---

  async function attempt(op: ProvisionOp, input: Input, ticket: number, progress: { started: boolean } = { started: false }): Promise<ProvisionOutcome> {
    const cached = await loadTarget(db, input.entitlementId, input.accountId);
    if (!cached.target) return refuse(op, input, undefined, cached.missing as NotFoundError);
    const target = cached.target;
    if (!cached.grantable) {
      const reason = cached.grantableReason ?? 'it cannot be provisioned with this plan and configuration';
      return refuse(op, input, target, new NotGrantableError(`${target.entitlementExternalId} cannot be ${op === 'GRANT' ? 'granted' : 'revoked'} by the gateway: ${reason}`, { reason, field: 'input.entitlementId' }));
    }
    try {
      if (target.resource.resourceType === 'userGroup') userGroups.check(op, target);
      else provisioners[target.resource.resourceType]?.check(op, target);
    } catch (error) {
      const userError = userErrorOf(error);
      if (!userError) throw error;
      return refuse(op, input, target, userError);
    }
    const attempt: Input = { ...input, attemptId: await recordAttempt(op, input, target) };
    progress.started = true;
    try {
      await ensureDetected();
    } catch (error) {
      return failed(op, attempt, target, error);
    }
    if (target.resource.resourceType === 'userGroup') return coalescer.submit(target.entitlementId, { op, target, input: attempt }, ticket);
    return single(op, target, attempt);
  }

  const leaseMs = options.keyLeaseMs ?? KEY_LEASE_MS;

  async function perform(op: ProvisionOp, given: Input): Promise<ProvisionOutcome> {
    let input = given;
    const announcement = coalescer.announce(input.entitlementId);
    let call: IdempotentCall | undefined;
    let hold: { stop(): void } | undefined;
    const progress = { started: false };
    try {
      if (input.idempotencyKey) {
        const candidate: IdempotentCall = { apiClientId: input.actor.apiClientId, key: input.idempotencyKey, operation: op, entitlementId: input.entitlementId, accountId: input.accountId };
        const claim = await claimKey<{ result?: ProvisionOutcome['result']; grantId?: number; errors: StoredError[] }>(db, candidate, leaseMs);
        if (claim.kind === 'replay') {
          const outcome: ProvisionOutcome = { ...(claim.outcome.result ? { result: claim.outcome.result } : {}), ...(claim.outcome.grantId !== undefined ? { grantId: claim.outcome.grantId } : {}), errors: restoreErrors(claim.outcome.errors) };
          const target = (await loadTarget(db, input.entitlementId, input.accountId)).target;
          await recordAudit(db, { ...auditRecord(op, input, target, outcome, { idempotentReplay: true }), outcome: 'NOOP' });
          return outcome;
        }
        if (claim.kind === 'in-progress') {
          return refuse(op, input, undefined, new ConflictError(`a call with idempotency key "${input.idempotencyKey}" is still in progress; retry it once that call has answered`, { code: 'IDEMPOTENCY_KEY_IN_USE', field: 'input.idempotencyKey' }));
        }
        if (claim.kind === 'mismatch') {
          return refuse(op, input, undefined, new ValidationError(`idempotency key "${input.idempotencyKey}" was already used for a different change; use a new key for each change`, { code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' }));
        }
        if (claim.kind === 'taken-over') {
          // Its first caller died mid-call: Slack is read again and the change made or found in place.
          logger?.warn({ action: ACTIONS[op], idempotencyKey: input.idempotencyKey }, 'taking over an idempotency key whose call did not finish');
          const prior = await db
            .selectFrom('audit_events')
            .select('id')
            .where('action', '=', `${ACTIONS[op]}.started`)
            .where('api_client_id', '=', input.actor.apiClientId)
            .where(sql<string>`details->>'idempotencyKey'`, '=', input.idempotencyKey)
            .orderBy('id', 'desc')
            .executeTakeFirst();
          input = { ...input, takenOver: true, ...(prior ? { priorAttemptId: prior.id } : {}) };
        }
        call = candidate;
        hold = holdKey(db, call, leaseMs);
      }
      const outcome = await attempt(op, input, announcement.ticket, progress);
      if (call) {
        if (retryable.has(outcome)) await releaseKey(db, call);
        else await completeKey(db, call, { result: outcome.result, grantId: outcome.grantId, errors: storeErrors(outcome.errors) });
      }
      return outcome;
    } catch (error) {
      // Before Slack was called the key is simply free again. After, Slack may have made the
      // change: the key stays PENDING, its lease lapses, and a retry takes it over (re-reads Slack).
      if (call && !progress.started) await releaseKey(db, call).catch(() => undefined);
      throw error;
    } finally {
      hold?.stop();
      announcement.release();
    }
  }

  async function setAccountStatus(input: AccountStatusInput): Promise<AccountStatusOutcome> {
    const action = 'setAccountStatus';
    const account = await db.selectFrom('accounts').select(['id', 'external_id', 'slack_id', 'status', 'type', 'is_bot', 'is_primary_owner']).where('id', '=', input.accountId).executeTakeFirst();
    const record = (outcome: AccountStatusOutcome, details: Record<string, unknown> = {}): AuditRecord => {
      const error = outcome.errors[0];
      return {
        action,
        outcome: auditOutcomeOf(outcome),
        actor: { apiClientId: input.actor.apiClientId, accountId: input.actor.accountId ?? null, label: input.actor.label ?? `client:${input.actor.apiClientId}` },
        target: account ? { type: 'account', id: account.external_id } : { type: 'account', id: input.accountId },
        accountExternalId: account?.external_id ?? null,
        errorCode: error ? (error instanceof SlackApiError ? error.slackError : error.code) : null,
        details: { status: input.status, result: outcome.result ?? null, reason: input.reason ?? null, ...(error ? { error: error.message } : {}), ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}), ...details },
      };
    };
    const deny = async (error: UserError): Promise<AccountStatusOutcome> => {
      const outcome = { errors: [error] };
      await recordAudit(db, record(outcome));
      return outcome;
    };
    let call: IdempotentCall | undefined;
    if (input.idempotencyKey) {
      const candidate: IdempotentCall = { apiClientId: input.actor.apiClientId, key: input.idempotencyKey, operation: 'ACCOUNT_STATUS', entitlementId: null, accountId: input.accountId };
      const claim = await claimKey<{ result?: AccountStatusResult; errors: StoredError[] }>(db, candidate, leaseMs);
      if (claim.kind === 'replay') {
        const outcome: AccountStatusOutcome = { ...(claim.outcome.result ? { result: claim.outcome.result } : {}), errors: restoreErrors(claim.outcome.errors) };
        await recordAudit(db, { ...record(outcome, { idempotentReplay: true }), outcome: 'NOOP' });
        return outcome;
      }
      if (claim.kind !== 'claimed' && claim.kind !== 'taken-over') return deny(new ConflictError(`idempotency key "${input.idempotencyKey}" is in use by another call`, { code: 'IDEMPOTENCY_KEY_IN_USE', field: 'input.idempotencyKey' }));
      call = candidate;
      holdKey(db, call, leaseMs);
    }
    const finish = async (outcome: AccountStatusOutcome, isRetryable = false): Promise<AccountStatusOutcome> => {
      if (call) {
        if (isRetryable) await releaseKey(db, call);
        else await completeKey(db, call, { result: outcome.result, errors: storeErrors(outcome.errors) });
      }
      return outcome;
    };
    if (!account) return finish(await deny(new NotFoundError(`there is no account ${input.accountId}`, { field: 'input.accountId' })));
    if (account.is_bot || account.type !== 'HUMAN') return finish(await deny(new ValidationError(`user ${account.slack_id} is a bot; Slack does not allow disabling bots through SCIM (uninstall its app instead)`, { field: 'input.accountId' })));
    if (account.is_primary_owner && input.status === 'DISABLED') return finish(await deny(new ConflictError(`user ${account.slack_id} is the primary owner, who cannot be disabled`, { code: 'PRIMARY_OWNER' })));
    let result: AccountStatusResult;
    try {
      await ensureDetected();
      result = await accounts.setActive(account.slack_id, input.status === 'ENABLED');
    } catch (error) {
      const userError = userErrorOf(error);
      if (!userError) throw error;
      return finish(await deny(userError), error instanceof SlackUnavailableError);
    }
    const outcome: AccountStatusOutcome = { result, errors: [] };
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ status: input.status, updated_at: new Date() }).where('id', '=', account.id).where('status', '<>', input.status).execute();
      await recordAudit(trx, record(outcome));
    });
    return finish(outcome);
  }

  return {
    grant: (input) => perform('GRANT', input),
    revoke: (input) => perform('REVOKE', input),
    setAccountStatus,
  };
}
