import { builder } from './builder.ts';
import { ConflictError, ForbiddenError, NotFoundError, NotGrantableError, SlackApiError, UserError, ValidationError } from '../access/errors.ts';

// The domain's expected failures live in access/errors.ts; this module only maps them onto the
// schema. Re-exported so resolvers name one module for both the classes and their refs.
export { ConflictError, ForbiddenError, NotFoundError, NotGrantableError, SlackApiError, UserError, ValidationError };

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
