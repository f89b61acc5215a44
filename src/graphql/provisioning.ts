import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { AccountStatusOutcome } from '../access/provisioning/index.ts';
import { recordRefusal } from '../access/actor.ts';
import { expiryAfter } from '../access/policies.ts';
import type { ProvisionOutcome } from '../access/types.ts';
import type { GrantsChangedEvent } from '../events/topics.ts';
import { builder } from './builder.ts';
import { requireBus } from './liveUpdates.ts';
import { enumOf } from './enumOf.ts';
import type { GraphQLContext } from './context.ts';
import { actorOf, originOf } from './actAs.ts';
import { ConflictError, NotFoundError, UserError, UserErrorRef, ValidationError, USER_ERRORS_FIELD_DESCRIPTION } from './errors.ts';
import { ACCOUNT_ID, ENTITLEMENT_ID, GRANT_ID, resolveIdArg } from './idArgs.ts';
import { grantsByIds } from './read/grants.ts';
import { AccountRef, EntitlementRef, GrantRef } from './refs.ts';

// Direct grant and revoke (scope `provision`), account enable/disable, and the grantsChanged
// subscription. Resolvers turn ids into internal ones and call the provisioning service, which
// talks to Slack, writes the cache and audits.

export const ProvisionResultEnum = enumOf('ProvisionResult', ['GRANTED', 'ALREADY_GRANTED', 'REVOKED', 'ALREADY_REVOKED'], 'What a grant or revoke did. ALREADY_* are not errors: Slack already had it that way.');

const AccountStatusResultEnum = enumOf('AccountStatusResult', ['ENABLED', 'DISABLED', 'ALREADY_ENABLED', 'ALREADY_DISABLED'], 'What setAccountStatus did.');

const SettableAccountStatusEnum = enumOf('SettableAccountStatus', ['ENABLED', 'DISABLED'], 'An account status an operator can set through SCIM.');

const GrantsChangeCauseEnum = enumOf('GrantsChangeCause', ['SYNC', 'GRANT', 'REVOKE', 'EXPIRY', 'REVIEW']);

const provisioners = { $any: { provision: true } } as const;
const optionalText = z.string().max(2000).nullish();
const optionalKey = z.string().min(1).max(200).nullish();

/** A refusal made before the service is reached (unknown ids, no service) is audited too. */
const refused = (ctx: GraphQLContext, action: string, error: UserError, details: Record<string, unknown>) => recordRefusal(ctx.database.db, action, ctx.principal, error, details, originOf(ctx));

function noService(): ConflictError {
  return new ConflictError('no Slack connection is configured on this gateway, so it cannot change access; start it with --token (SLACKGATE_TOKEN)', {
    code: 'PROVISIONING_NOT_CONFIGURED',
  });
}

interface GrantPayload {
  result: ProvisionOutcome['result'] | null;
  grantId: number | null;
  errors: UserError[];
}

builder.relayMutationField(
  'grantEntitlement',
  {
    description: 'Grant an entitlement to an account directly.',
    inputFields: (t) => ({
      entitlementId: t.id({ required: true, description: 'Global or external id, e.g. userGroup:S123:member.' }),
      accountId: t.id({ required: true, description: 'Global or external id, e.g. user:U456.' }),
      duration: t.string({ required: false, description: 'ISO-8601 duration (PT4H, P1D): the grant is revoked automatically when it ends.' }),
      reason: t.string({ required: false }),
      actorId: t.id({ required: false, description: 'The person acting through this client (an account id).' }),
      idempotencyKey: t.string({ required: false, description: 'A retried call with the same key answers the first outcome without changing Slack again.' }),
    }),
    validate: z.object({ entitlementId: z.string(), accountId: z.string(), duration: z.string().max(40).nullish(), reason: optionalText, actorId: z.string().nullish(), idempotencyKey: optionalKey }),
  },
  {
    description: 'Grant access in Slack now. Granting what is already held answers ALREADY_GRANTED.',
    skipTypeScopes: true,
    authScopes: provisioners,
    resolve: async (_root, args, ctx): Promise<GrantPayload> => {
      const input = args.input;
      const details = { entitlementId: input.entitlementId, accountId: input.accountId };
      const none = { result: null, grantId: null };
      const service = ctx.services.provisioning;
      if (!service) return { ...none, ...(await refused(ctx, 'grantEntitlement', noService(), details)) };
      const expiresAt = expiryAfter(input.duration, new Date());
      if (expiresAt instanceof UserError) return { ...none, ...(await refused(ctx, 'grantEntitlement', expiresAt, details)) };
      const actor = await actorOf(ctx, input.actorId);
      if (!('apiClientId' in actor)) return { ...none, ...(await refused(ctx, 'grantEntitlement', actor, details)) };
      const entitlementId = await resolveIdArg(ctx, input.entitlementId, ENTITLEMENT_ID, 'input.entitlementId');
      if (entitlementId === null) return { ...none, ...(await refused(ctx, 'grantEntitlement', new NotFoundError(`there is no entitlement ${input.entitlementId}`, { field: 'input.entitlementId' }), details)) };
      const accountId = await resolveIdArg(ctx, input.accountId, ACCOUNT_ID, 'input.accountId');
      if (accountId === null) return { ...none, ...(await refused(ctx, 'grantEntitlement', new NotFoundError(`there is no account ${input.accountId}`, { field: 'input.accountId' }), details)) };
      const outcome = await service.grant({ entitlementId, accountId, actor, reason: input.reason ?? null, source: 'DIRECT', expiresAt, idempotencyKey: input.idempotencyKey ?? null });
      return { result: outcome.result ?? null, grantId: outcome.grantId ?? null, errors: outcome.errors };
    },
  },
  {
    name: 'GrantEntitlementPayload',
    outputFields: (t) => ({
      result: t.field({ type: ProvisionResultEnum, nullable: true, resolve: (p) => p.result }),
      grant: t.field({ type: GrantRef, nullable: true, description: 'The grant as cached after the change.', resolve: (p) => p.grantId }),
      errors: t.field({ type: [UserErrorRef], description: USER_ERRORS_FIELD_DESCRIPTION, resolve: (p) => p.errors }),
    }),
  },
);

interface RevokePayload {
  result: ProvisionOutcome['result'] | null;
  errors: UserError[];
}

builder.relayMutationField(
  'revokeGrant',
  {
    description: 'Revoke a grant: name it by grantId, or by entitlementId and accountId.',
    inputFields: (t) => ({
      grantId: t.id({ required: false, description: 'Global or external id, e.g. userGroup:S123:member:user:U456.' }),
      entitlementId: t.id({ required: false }),
      accountId: t.id({ required: false }),
      reason: t.string({ required: false }),
      actorId: t.id({ required: false, description: 'The person acting through this client (an account id).' }),
      idempotencyKey: t.string({ required: false }),
    }),
    // Which grant is named is checked in the resolver, so a missing one is answered in the
    // payload's errors like every other expected failure.
    validate: z.object({ grantId: z.string().nullish(), entitlementId: z.string().nullish(), accountId: z.string().nullish(), reason: optionalText, actorId: z.string().nullish(), idempotencyKey: optionalKey }),
  },
  {
    description: 'Revoke access in Slack now. Revoking what is already gone answers ALREADY_REVOKED.',
    skipTypeScopes: true,
    authScopes: provisioners,
    resolve: async (_root, args, ctx): Promise<RevokePayload> => {
      const input = args.input;
      const details = { grantId: input.grantId ?? null, entitlementId: input.entitlementId ?? null, accountId: input.accountId ?? null };
      if ((input.grantId != null) === (input.entitlementId != null && input.accountId != null)) {
        const error = new ValidationError('name the grant to revoke: give either grantId, or both entitlementId and accountId', { field: 'input.grantId' });
        return { result: null, ...(await refused(ctx, 'revokeGrant', error, details)) };
      }
      const service = ctx.services.provisioning;
      if (!service) return { result: null, ...(await refused(ctx, 'revokeGrant', noService(), details)) };
      const actor = await actorOf(ctx, input.actorId);
      if (!('apiClientId' in actor)) return { result: null, ...(await refused(ctx, 'revokeGrant', actor, details)) };
      let entitlementId: number | null;
      let accountId: number | null;
      if (input.grantId != null) {
        const grantId = await resolveIdArg(ctx, input.grantId, GRANT_ID, 'input.grantId');
        const grant = grantId === null ? undefined : (await grantsByIds(ctx.database.db, [grantId]))[0];
        if (!grant) {
          const error = new NotFoundError(`there is no grant ${input.grantId}; it may have been revoked already (name it by entitlementId and accountId to have that checked against Slack)`, { field: 'input.grantId' });
          return { result: null, ...(await refused(ctx, 'revokeGrant', error, details)) };
        }
        entitlementId = grant.entitlement_id;
        accountId = grant.account_id;
      } else {
        entitlementId = await resolveIdArg(ctx, input.entitlementId as string, ENTITLEMENT_ID, 'input.entitlementId');
        accountId = await resolveIdArg(ctx, input.accountId as string, ACCOUNT_ID, 'input.accountId');
        if (entitlementId === null) return { result: null, ...(await refused(ctx, 'revokeGrant', new NotFoundError(`there is no entitlement ${input.entitlementId}`, { field: 'input.entitlementId' }), details)) };
        if (accountId === null) return { result: null, ...(await refused(ctx, 'revokeGrant', new NotFoundError(`there is no account ${input.accountId} (by id or email)`, { field: 'input.accountId' }), details)) };
      }
      const outcome = await service.revoke({ entitlementId, accountId, actor, reason: input.reason ?? null, idempotencyKey: input.idempotencyKey ?? null });
      return { result: outcome.result ?? null, errors: outcome.errors };
    },
  },
  {
    name: 'RevokeGrantPayload',
    outputFields: (t) => ({
      result: t.field({ type: ProvisionResultEnum, nullable: true, resolve: (p) => p.result }),
      errors: t.field({ type: [UserErrorRef], description: USER_ERRORS_FIELD_DESCRIPTION, resolve: (p) => p.errors }),
    }),
  },
);

interface AccountStatusPayload {
  result: AccountStatusOutcome['result'] | null;
  accountId: number | null;
  errors: UserError[];
}

builder.relayMutationField(
  'setAccountStatus',
  {
    description: 'Enable or disable a Slack account through SCIM.',
    inputFields: (t) => ({
      accountId: t.id({ required: true }),
      status: t.field({ type: SettableAccountStatusEnum, required: true }),
      reason: t.string({ required: false }),
      actorId: t.id({ required: false }),
      idempotencyKey: t.string({ required: false }),
    }),
    validate: z.object({ accountId: z.string(), status: z.enum(['ENABLED', 'DISABLED']), reason: optionalText, actorId: z.string().nullish(), idempotencyKey: optionalKey }),
  },
  {
    description: 'Disable (deactivate) or enable an account in Slack. Needs SCIM (Business+ or Grid).',
    skipTypeScopes: true,
    authScopes: provisioners,
    resolve: async (_root, args, ctx): Promise<AccountStatusPayload> => {
      const input = args.input;
      const details = { accountId: input.accountId, status: input.status };
      const none = { result: null, accountId: null };
      const service = ctx.services.provisioning;
      if (!service) return { ...none, ...(await refused(ctx, 'setAccountStatus', noService(), details)) };
      const actor = await actorOf(ctx, input.actorId);
      if (!('apiClientId' in actor)) return { ...none, ...(await refused(ctx, 'setAccountStatus', actor, details)) };
      const accountId = await resolveIdArg(ctx, input.accountId, ACCOUNT_ID, 'input.accountId');
      if (accountId === null) return { ...none, ...(await refused(ctx, 'setAccountStatus', new NotFoundError(`there is no account ${input.accountId}`, { field: 'input.accountId' }), details)) };
      const outcome = await service.setAccountStatus({ accountId, status: input.status, actor, reason: input.reason ?? null, idempotencyKey: input.idempotencyKey ?? null });
      return { result: outcome.result ?? null, accountId, errors: outcome.errors };
    },
  },
  {
    name: 'SetAccountStatusPayload',
    outputFields: (t) => ({
      result: t.field({ type: AccountStatusResultEnum, nullable: true, resolve: (p) => p.result }),
      account: t.field({ type: AccountRef, nullable: true, resolve: (p) => p.accountId }),
      errors: t.field({ type: [UserErrorRef], description: USER_ERRORS_FIELD_DESCRIPTION, resolve: (p) => p.errors }),
    }),
  },
);

const GrantsChange = builder.objectRef<GrantsChangedEvent>('GrantsChange').implement({
  description: 'The grants of an entitlement changed; refetch what you show of them.',
  fields: (t) => ({
    entitlement: t.field({ type: EntitlementRef, resolve: (e) => e.entitlementId }),
    added: t.exposeInt('added'),
    removed: t.exposeInt('removed'),
    accounts: t.field({ type: [AccountRef], nullable: true, description: 'The accounts concerned, when few; null for bulk changes.', resolve: (e) => e.accountIds ?? null }),
    cause: t.field({ type: GrantsChangeCauseEnum, resolve: (e) => e.cause }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

builder.subscriptionField('grantsChanged', (t) =>
  t.field({
    type: GrantsChange,
    description: 'Changes to the grants of one entitlement (grants, revokes, expiry, syncs), from every replica.',
    args: { entitlementId: t.arg.id({ required: true, description: 'Global or external id.' }) },
    subscribe: async function* (_root, args, ctx) {
      const entitlementId = await resolveIdArg(ctx, args.entitlementId, ENTITLEMENT_ID, 'entitlementId');
      if (entitlementId === null) throw new GraphQLError(`entitlementId: there is no entitlement ${args.entitlementId}`, { extensions: { code: 'NOT_FOUND' } });
      const events = requireBus(ctx).subscribe('grantsChanged');
      try {
        for await (const event of events) if (event.entitlementId === entitlementId) yield event;
      } finally {
        await events.return?.();
      }
    },
    resolve: (event, _args, ctx) => {
      clearAllDataLoaders(ctx);
      return event;
    },
  }),
);
