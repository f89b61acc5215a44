import type { AuditOutcome } from '../../db/schema.ts';
import { SlackApiError as SlackCallError, SlackUnavailableError } from '../../slack/errors.ts';
import { ProvisioningRefused } from '../../slack/provisioners/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, NotGrantableError, SlackApiError, ValidationError, type UserError } from '../errors.ts';

// Outcomes: Slack's failures as user errors, the audit outcome of an answer, and answers as the
// idempotency store keeps them for replays.

/** What every provisioning call answers: a result, or expected failures as data. */
export interface Outcome<R extends string = string> {
  result?: R;
  errors: UserError[];
}

/** Outcomes a retry may change (Slack unreachable or still rate limiting): their idempotency key is freed. */
const retryable = new WeakSet<object>();

export function markRetryable(outcome: object): void {
  retryable.add(outcome);
}

export function isRetryable(outcome: object): boolean {
  return retryable.has(outcome);
}

/** A Slack failure (or a provisioner's refusal) as the user error it is answered with. */
export function userErrorOf(error: unknown): UserError | undefined {
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

export function auditOutcomeOf(outcome: Outcome): AuditOutcome {
  const error = outcome.errors[0];
  if (!error) return outcome.result?.startsWith('ALREADY_') ? 'NOOP' : 'SUCCESS';
  if (error instanceof SlackApiError || error instanceof NotFoundError) return 'FAILURE';
  return 'DENIED';
}

/** The error code an audit record keeps: Slack's own for a Slack refusal. */
export function auditErrorCode(error: UserError | undefined): string | null {
  if (!error) return null;
  return error instanceof SlackApiError ? error.slackError : error.code;
}

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

/** An answer as the idempotency store keeps it. */
export interface StoredOutcome {
  result?: string;
  grantId?: number;
  errors: StoredError[];
}

export function storeOutcome(outcome: Outcome & { grantId?: number }): StoredOutcome {
  return {
    result: outcome.result,
    ...(outcome.grantId !== undefined ? { grantId: outcome.grantId } : {}),
    errors: outcome.errors.map((e) => ({
      type: e.constructor.name,
      message: e.message,
      code: e.code,
      field: e.field,
      ...(e instanceof NotGrantableError ? { reason: e.reason } : {}),
      ...(e instanceof SlackApiError ? { slackError: e.slackError, method: e.method } : {}),
    })),
  };
}

export function restoreOutcome<R extends string>(stored: StoredOutcome): Outcome<R> & { grantId?: number } {
  const errors = stored.errors.map((s): UserError => {
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
  return { ...(stored.result ? { result: stored.result as R } : {}), ...(stored.grantId !== undefined ? { grantId: stored.grantId } : {}), errors };
}
