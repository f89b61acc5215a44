import { formatDuration, loadPolicies, updateEntitlementPolicy, type EntitlementPolicy, type PolicyUpdateResult } from '../access/policies.ts';
import { builder } from './builder.ts';
import { NotFoundError, UserError, UserErrorRef } from './errors.ts';
import { ACCOUNT_ID, ENTITLEMENT_ID, resolveIdArg } from './idArgs.ts';
import { AccountRef, EntitlementRef } from './refs.ts';
import { actorOf, originOf } from './actAs.ts';

const EntitlementPolicyRef = builder.objectRef<EntitlementPolicy>('EntitlementPolicy').implement({
  description: 'How an entitlement may be requested and who approves.',
  fields: (t) => ({
    requestable: t.exposeBoolean('requestable', { description: 'Whether people may ask for it with requestAccess.' }),
    maxDuration: t.string({ nullable: true, description: 'ISO-8601: the longest access a request gets; null = no limit.', resolve: (p) => (p.maxDurationSeconds === null ? null : formatDuration(p.maxDurationSeconds)) }),
    maxDurationSeconds: t.exposeInt('maxDurationSeconds', { nullable: true }),
    approvers: t.field({ type: [AccountRef], description: 'Who may approve: the named approvers, or the workspace admins and owners.', resolve: (p) => p.approverIds }),
    defaultApprovers: t.exposeBoolean('defaultApprovers', { description: 'True when nobody is named and the workspace admins and owners approve.' }),
    requiredApprovals: t.exposeInt('requiredApprovals', { description: 'How many different approvers must approve (N of M); 0 approves automatically.' }),
    autoApprove: t.exposeBoolean('autoApprove', { description: 'Requests are approved without anyone deciding.' }),
    reasonRequired: t.exposeBoolean('reasonRequired', { description: 'Requests need a justification.' }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.updatedAt }),
  }),
});

builder.objectField(EntitlementRef, 'policy', (t) =>
  t.loadable({
    type: EntitlementPolicyRef,
    description: 'Requestability, maximum duration and approvers.',
    load: async (ids: number[], ctx) => {
      const policies = await loadPolicies(ctx.database.db, ids);
      return ids.map((id) => policies.get(id) as EntitlementPolicy);
    },
    resolve: (e) => e.id,
  }),
);

builder.relayMutationField(
  'updateEntitlementPolicy',
  {
    inputFields: (t) => ({
      entitlementId: t.id({ required: true, description: 'Global or external id.' }),
      requestable: t.boolean({ required: false }),
      maxDuration: t.string({ required: false, description: 'ISO-8601 (PT8H, P7D); an empty string removes the limit.' }),
      approverIds: t.idList({ required: false, description: 'Named approvers (global or external account ids); an empty list returns to the workspace admins and owners.' }),
      requiredApprovals: t.int({ required: false, description: 'N of M; 0 approves every request automatically.' }),
      autoApprove: t.boolean({ required: false }),
      reasonRequired: t.boolean({ required: false }),
      actorId: t.id({ required: false, description: 'The person making the change, for the audit log.' }),
    }),
  },
  {
    description: "Change an entitlement's request policy. Fields left out stay as they are.",
    skipTypeScopes: true,
    authScopes: { admin: true },
    resolve: async (_root, { input }, ctx): Promise<PolicyUpdateResult & { entitlementId?: number }> => {
      const actor = await actorOf(ctx, input.actorId);
      if (actor instanceof UserError) return { errors: [actor] };
      const entitlementId = await resolveIdArg(ctx, input.entitlementId, ENTITLEMENT_ID, 'input.entitlementId');
      if (entitlementId === null) return { errors: [new NotFoundError(`there is no entitlement ${input.entitlementId}`, { field: 'input.entitlementId' })] };
      let approverIds: number[] | null = null;
      if (input.approverIds) {
        approverIds = [];
        for (const [i, raw] of input.approverIds.entries()) {
          const id = await resolveIdArg(ctx, String(raw), ACCOUNT_ID, `input.approverIds.${i}`);
          if (id === null) return { errors: [new NotFoundError(`approver "${raw}" is not a known account`, { field: `input.approverIds.${i}` })] };
          approverIds.push(id);
        }
      }
      const result = await updateEntitlementPolicy(ctx.database.db, {
        entitlementId,
        change: { ...input, approverIds },
        actor,
        now: ctx.services.requests?.now() ?? new Date(),
        origin: originOf(ctx),
      });
      return { ...result, entitlementId };
    },
  },
  {
    name: 'UpdateEntitlementPolicyPayload',
    outputFields: (t) => ({
      entitlement: t.field({ type: EntitlementRef, nullable: true, resolve: (p) => (p.policy ? p.policy.entitlementId : null) }),
      policy: t.field({ type: EntitlementPolicyRef, nullable: true, resolve: (p) => p.policy ?? null }),
      errors: t.field({ type: [UserErrorRef], description: 'Expected failures; empty when the policy changed.', resolve: (p) => p.errors }),
    }),
  },
);
