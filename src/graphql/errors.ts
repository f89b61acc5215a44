import { builder } from './builder.ts';

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

export const UserErrorRef = builder.interfaceRef<UserError>('UserError').implement({
  description: 'An expected failure of a mutation, returned as data.',
  fields: (t) => ({
    code: t.string({ description: 'Stable, machine-readable reason, e.g. NOT_FOUND.', resolve: (e) => e.code }),
    message: t.string({ description: 'What went wrong and what to do about it.', resolve: (e) => e.message }),
    field: t.string({ nullable: true, description: 'The input field at fault, e.g. input.entitlementId.', resolve: (e) => e.field }),
  }),
});

function userErrorType(cls: abstract new (...args: never[]) => UserError, name: string, description: string) {
  return builder.objectRef<UserError>(name).implement({
    description,
    interfaces: [UserErrorRef],
    isTypeOf: (value) => value instanceof cls,
  });
}

export const NotFoundErrorRef = userErrorType(NotFoundError, 'NotFoundError', 'The thing an id names does not exist.');
export const ForbiddenErrorRef = userErrorType(ForbiddenError, 'ForbiddenError', 'The caller may not do this.');
export const ValidationErrorRef = userErrorType(ValidationError, 'ValidationError', 'The input is not acceptable.');
export const ConflictErrorRef = userErrorType(ConflictError, 'ConflictError', 'The current state does not allow it.');

export const NotGrantableErrorRef = builder.objectRef<NotGrantableError>('NotGrantableError').implement({
  description: 'The entitlement cannot be granted on this Slack plan or configuration.',
  interfaces: [UserErrorRef],
  isTypeOf: (value) => value instanceof NotGrantableError,
  fields: (t) => ({
    reason: t.string({ resolve: (e) => e.reason }),
  }),
});

export const SlackApiErrorRef = builder.objectRef<SlackApiError>('SlackApiError').implement({
  description: 'Slack refused the call.',
  interfaces: [UserErrorRef],
  isTypeOf: (value) => value instanceof SlackApiError,
  fields: (t) => ({
    slackError: t.string({ description: "Slack's error code, e.g. no_such_subteam.", resolve: (e) => e.slackError }),
    method: t.string({ nullable: true, description: 'The Slack method that failed.', resolve: (e) => e.method }),
  }),
});

/** For payload types: `errors: [UserError!]!`. */
export const USER_ERRORS_FIELD_DESCRIPTION = 'Expected failures; empty when the mutation did what was asked.';
