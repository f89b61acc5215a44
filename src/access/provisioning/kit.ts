import type { Kysely } from 'kysely';
import { recordAudit, type AuditRecord } from '../../audit/record.ts';
import type { Database } from '../../db/createDb.ts';
import type { DB } from '../../db/schema.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Logger } from '../../log.ts';
import type { SlackConnection } from '../../slack/connection.ts';
import { SlackUnavailableError } from '../../slack/errors.ts';
import type { AccountStatusResult, ProvisionOp, ProvisionTarget } from '../../slack/provisioners/index.ts';
import { ConflictError, SlackApiError, type UserError } from '../errors.ts';
import { auditActor, type Actor, type GrantInput, type ProvisioningService, type ProvisionOutcome, type RevokeInput } from '../types.ts';
import { auditErrorCode, auditOutcomeOf, markRetryable, userErrorOf } from './outcomes.ts';

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

/** A grant or revoke as it goes through the service. */
export type Input = (GrantInput | RevokeInput) & {
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

export const ACTIONS: Record<ProvisionOp, string> = { GRANT: 'grantEntitlement', REVOKE: 'revokeGrant' };

/** What the provisioning use cases share: the database, Slack, the bus, and the audit of every attempt. */
export class ProvisioningKit {
  readonly database: Database;
  readonly db: Kysely<DB>;
  readonly connection: SlackConnection;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  #detected: Promise<unknown> | undefined;

  constructor(options: ProvisioningServiceOptions) {
    this.database = options.database;
    this.db = options.database.db;
    this.connection = options.connection;
    this.bus = options.bus;
    this.logger = options.logger;
  }

  /** Org-level tokens must name the workspace: which they are is known once the plan is detected. */
  async ensureDetected(): Promise<void> {
    if (this.connection.plan) return;
    this.#detected ??= this.connection.detect().catch((error: unknown) => {
      this.#detected = undefined;
      throw error;
    });
    await this.#detected;
  }

  auditRecord(op: ProvisionOp, input: Input, target: ProvisionTarget | undefined, outcome: ProvisionOutcome, details: Record<string, unknown> = {}): AuditRecord {
    const error = outcome.errors[0];
    const grantExternalId = target ? `${target.entitlementExternalId}:user:${target.account.slackId}` : undefined;
    return {
      action: ACTIONS[op],
      outcome: auditOutcomeOf(outcome),
      actor: auditActor(input.actor, `client:${input.actor.apiClientId}`),
      target: grantExternalId ? { type: 'grant', id: grantExternalId } : { type: 'entitlement', id: input.entitlementId },
      entitlementExternalId: target?.entitlementExternalId ?? null,
      accountExternalId: target ? `user:${target.account.slackId}` : null,
      requestId: input.requestId ?? null,
      errorCode: auditErrorCode(error),
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
  async recordAttempt(op: ProvisionOp, input: Input, target: ProvisionTarget): Promise<number> {
    const record = this.auditRecord(op, input, target, { errors: [] });
    const row = await recordAudit(this.db, {
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
  async refuse(op: ProvisionOp, input: Input, target: ProvisionTarget | undefined, error: UserError, details?: Record<string, unknown>, handle: Kysely<DB> = this.db): Promise<ProvisionOutcome> {
    const outcome: ProvisionOutcome = { errors: [error] };
    await recordAudit(handle, this.auditRecord(op, input, target, outcome, details));
    return outcome;
  }

  /** Records an exception from Slack as the outcome; anything unexpected is audited and rethrown. */
  async failed(op: ProvisionOp, input: Input, target: ProvisionTarget, error: unknown, details?: Record<string, unknown>, handle: Kysely<DB> = this.db): Promise<ProvisionOutcome> {
    const userError = userErrorOf(error);
    if (!userError) {
      await recordAudit(handle, this.auditRecord(op, input, target, { errors: [new ConflictError((error as Error).message ?? String(error), { code: 'INTERNAL' })] }, details)).catch(() => undefined);
      throw error;
    }
    const outcome = await this.refuse(op, input, target, userError, details, handle);
    if (error instanceof SlackUnavailableError) markRetryable(outcome);
    this.logger?.warn({ action: ACTIONS[op], entitlement: target.entitlementExternalId, account: target.account.slackId, slackError: userError instanceof SlackApiError ? userError.slackError : userError.code }, 'provisioning failed');
    return outcome;
  }
}
