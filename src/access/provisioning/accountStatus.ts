import { recordAudit, type AuditRecord } from '../../audit/record.ts';
import { SlackUnavailableError } from '../../slack/errors.ts';
import { AccountStatusProvisioner, type AccountStatusResult } from '../../slack/provisioners/index.ts';
import { ConflictError, NotFoundError, ValidationError, type UserError } from '../errors.ts';
import { auditActor } from '../types.ts';
import { runIdempotent } from './idempotency.ts';
import type { AccountStatusInput, AccountStatusOutcome, ProvisioningKit } from './kit.ts';
import { auditErrorCode, auditOutcomeOf, markRetryable, restoreOutcome, userErrorOf } from './outcomes.ts';

/** Enabling and disabling accounts through SCIM, idempotent like grant and revoke. */
export class AccountStatusWriter {
  readonly #kit: ProvisioningKit;
  readonly #accounts: AccountStatusProvisioner;
  readonly #leaseMs: number;

  constructor(kit: ProvisioningKit, leaseMs: number) {
    this.#kit = kit;
    this.#accounts = new AccountStatusProvisioner(kit.connection);
    this.#leaseMs = leaseMs;
  }

  async setAccountStatus(input: AccountStatusInput): Promise<AccountStatusOutcome> {
    const db = this.#kit.db;
    const account = await db.selectFrom('accounts').select(['id', 'external_id', 'slack_id', 'status', 'type', 'is_bot', 'is_primary_owner']).where('id', '=', input.accountId).executeTakeFirst();
    const record = (outcome: AccountStatusOutcome, details: Record<string, unknown> = {}): AuditRecord => {
      const error = outcome.errors[0];
      return {
        action: 'setAccountStatus',
        outcome: auditOutcomeOf(outcome),
        actor: auditActor(input.actor, `client:${input.actor.apiClientId}`),
        target: account ? { type: 'account', id: account.external_id } : { type: 'account', id: input.accountId },
        accountExternalId: account?.external_id ?? null,
        errorCode: auditErrorCode(error),
        details: { status: input.status, result: outcome.result ?? null, reason: input.reason ?? null, ...(error ? { error: error.message } : {}), ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}), ...details },
      };
    };
    const deny = async (error: UserError): Promise<AccountStatusOutcome> => {
      const outcome = { errors: [error] };
      await recordAudit(db, record(outcome));
      return outcome;
    };
    const call = input.idempotencyKey ? { apiClientId: input.actor.apiClientId, key: input.idempotencyKey, operation: 'ACCOUNT_STATUS' as const, entitlementId: null, accountId: input.accountId, targetStatus: input.status } : undefined;
    return runIdempotent<AccountStatusOutcome>(db, call, this.#leaseMs, {
      replay: async (stored) => {
        const outcome = restoreOutcome<AccountStatusResult>(stored);
        await recordAudit(db, { ...record(outcome, { idempotentReplay: true }), outcome: 'NOOP' });
        return outcome;
      },
      refuse: deny,
      run: async (progress) => {
        if (!account) return deny(new NotFoundError(`there is no account ${input.accountId}`, { field: 'input.accountId' }));
        if (account.is_bot || account.type !== 'HUMAN') return deny(new ValidationError(`user ${account.slack_id} is a bot; Slack does not allow disabling bots through SCIM (uninstall its app instead)`, { field: 'input.accountId' }));
        if (account.is_primary_owner && input.status === 'DISABLED') return deny(new ConflictError(`user ${account.slack_id} is the primary owner, who cannot be disabled`, { code: 'PRIMARY_OWNER' }));
        let result: AccountStatusResult;
        try {
          await this.#kit.ensureDetected();
          progress.started = true;
          result = await this.#accounts.setActive(account.slack_id, input.status === 'ENABLED');
        } catch (error) {
          const userError = userErrorOf(error);
          if (!userError) throw error;
          const outcome = await deny(userError);
          if (error instanceof SlackUnavailableError) markRetryable(outcome);
          return outcome;
        }
        const outcome: AccountStatusOutcome = { result, errors: [] };
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('accounts').set({ status: input.status, updated_at: new Date() }).where('id', '=', account.id).where('status', '<>', input.status).execute();
          await recordAudit(trx, record(outcome));
        });
        return outcome;
      },
    });
  }
}
