import { NotFoundError, UserError } from '../access/errors.ts';
import { setOutsideGrantsPolicy } from '../access/policies.ts';
import type { OutsideGrantsPolicy } from '../db/schema.ts';
import { driftOf } from '../live/metrics.ts';
import { builder } from './builder.ts';
import { enumOf } from './enumOf.ts';
import { Connector } from './connector.ts';
import { USER_ERRORS_FIELD_DESCRIPTION, UserErrorRef } from './errors.ts';
import { ENTITLEMENT_ID, resolveIdArg } from './idArgs.ts';
import { eventsNotApplied, outsideGrantsPolicies } from './read/liveCache.ts';
import { EntitlementRef } from './refs.ts';
import { actorOf, originOf } from './actAs.ts';
import { SyncDiff } from './syncRun.ts';

// The live cache in the API: each entitlement's policy for access granted outside slackgate,
// the drift a full sync found, and the event transport's state in `connector`.

export const OutsideGrantsPolicyEnum = enumOf('OutsideGrantsPolicy', {
  ALLOW: 'Record it as an observed audit event (default).',
  NOTIFY: 'Record it and DM the entitlement’s approvers.',
  REVOKE: 'Record it and revoke it through the provisioning service (a bounded number per minute; beyond that the approvers are told).',
}, 'What slackgate does with access granted in Slack outside slackgate.');

builder.objectField(EntitlementRef, 'outsideGrants', (t) =>
  t.loadable({
    type: OutsideGrantsPolicyEnum,
    description: 'What slackgate does when this entitlement is granted in Slack outside slackgate.',
    load: (ids: number[], ctx) => outsideGrantsPolicies(ctx.database.db, ids),
    resolve: (e) => e.id,
  }),
);

builder.objectField(SyncDiff, 'drift', (t) =>
  t.int({
    description: 'Grant and account rows this full sync had to change: what Slack’s events missed or got wrong since the previous one (0 on a first sync).',
    resolve: (run) => driftOf(run.diff_summary),
  }),
);

const ConnectorEvents = builder
  .objectRef<{ transports: string[]; started: boolean; pending: number; lastReceivedAt: Date | null; lastAppliedAt: Date | null }>('ConnectorEvents')
  .implement({
    description: 'Slack’s events: how they reach this gateway and how far the cache has applied them.',
    fields: (t) => ({
      transports: t.exposeStringList('transports', { description: 'socket (Socket Mode) and/or http (/slack/events); empty when no app transport is configured.' }),
      applying: t.exposeBoolean('started', { description: 'This gateway applies events.' }),
      pending: t.exposeInt('pending', { description: 'Events received and not yet applied (all replicas).' }),
      lastReceivedAt: t.field({ type: 'DateTime', nullable: true, description: 'When this gateway last received an event.', resolve: (s) => s.lastReceivedAt }),
      lastAppliedAt: t.field({ type: 'DateTime', nullable: true, description: 'When this gateway last applied an event to the cache.', resolve: (s) => s.lastAppliedAt }),
    }),
  });

builder.objectField(Connector, 'events', (t) =>
  t.field({
    type: ConnectorEvents,
    description: 'The event transport’s state.',
    resolve: (_c, _args, ctx) => ctx.services.liveCache?.state() ?? eventsNotApplied(ctx.database.db),
  }),
);

builder.relayMutationField(
  'setOutsideGrantsPolicy',
  {
    inputFields: (t) => ({
      entitlementId: t.id({ required: true, description: 'Global or external id.' }),
      policy: t.field({ type: OutsideGrantsPolicyEnum, required: true, description: 'ALLOW, NOTIFY or REVOKE.' }),
      actorId: t.id({ required: false, description: 'The person making the change, for the audit log.' }),
    }),
  },
  {
    description: 'Choose what happens when an entitlement is granted in Slack outside slackgate: ALLOW, NOTIFY or REVOKE.',
    skipTypeScopes: true,
    authScopes: { admin: true },
    resolve: async (_root, { input }, ctx): Promise<{ entitlementId?: number; errors: UserError[] }> => {
      const actor = await actorOf(ctx, input.actorId);
      if (actor instanceof UserError) return { errors: [actor] };
      const entitlementId = await resolveIdArg(ctx, input.entitlementId, ENTITLEMENT_ID, 'input.entitlementId');
      if (entitlementId === null) return { errors: [new NotFoundError(`there is no entitlement ${input.entitlementId}`, { field: 'input.entitlementId' })] };
      return setOutsideGrantsPolicy(ctx.database.db, { entitlementId, policy: input.policy as OutsideGrantsPolicy, actor, origin: originOf(ctx) });
    },
  },
  {
    outputFields: (t) => ({
      entitlement: t.field({ type: EntitlementRef, nullable: true, description: 'The entitlement with its new policy; null when it failed (see errors).', resolve: (p) => p.entitlementId ?? null }),
      errors: t.field({ type: [UserErrorRef], description: USER_ERRORS_FIELD_DESCRIPTION, resolve: (p) => p.errors }),
    }),
  },
);
