/**
 * Expected failures of a mutation, returned as data in its payload's `errors` list (never
 * thrown). `code` is machine-readable and stable, `message` tells a person what to do, `field`
 * names the input field at fault (`input.entitlementId`) when one is.
 *
 * Deliberately not a subclass of Error: graphql-js treats any Error value in a result as a
 * field error, and these are results.
 */
export abstract class UserError {
  abstract readonly defaultCode: string;
  readonly message: string;
  readonly field: string | null;
  readonly #code: string | undefined;
  constructor(message: string, options: { code?: string; field?: string | null } = {}) {
    this.message = message;
    this.field = options.field ?? null;
    this.#code = options.code;
  }
  get code(): string {
    return this.#code ?? this.defaultCode;
  }
}

/** The thing an id names does not exist (or is not visible to this client). */
export class NotFoundError extends UserError {
  readonly defaultCode = 'NOT_FOUND';
}

/** The entitlement cannot be granted on this Slack plan or configuration; `reason` says why. */
export class NotGrantableError extends UserError {
  readonly defaultCode = 'NOT_GRANTABLE';
  readonly reason: string;
  constructor(message: string, options: { reason: string; code?: string; field?: string | null }) {
    super(message, options);
    this.reason = options.reason;
  }
}

/** The caller may not do this (policy, self-approval, …); distinct from a missing API scope. */
export class ForbiddenError extends UserError {
  readonly defaultCode = 'FORBIDDEN';
}

/** The input is well-formed GraphQL but not acceptable (a duration too long, an empty reason). */
export class ValidationError extends UserError {
  readonly defaultCode = 'INVALID';
}

/** The current state does not allow it (already decided, nothing configured, a run in the way). */
export class ConflictError extends UserError {
  readonly defaultCode = 'CONFLICT';
}

/** Slack refused; `slackError` is Slack's own error code (`no_such_subteam`, `ratelimited`, …). */
export class SlackApiError extends UserError {
  readonly defaultCode = 'SLACK_API_ERROR';
  readonly slackError: string;
  readonly method: string | null;
  constructor(message: string, options: { slackError: string; method?: string | null; code?: string; field?: string | null }) {
    super(message, options);
    this.slackError = options.slackError;
    this.method = options.method ?? null;
  }
}
