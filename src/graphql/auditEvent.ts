import { builder } from './builder.ts';
import { byIdArg, filteredConnection } from './nodeById.ts';
import { emptyConnection } from './emptyConnection.ts';
import { AuditOutcomeEnum } from './enums.ts';
import { ACCOUNT_ID, AUDIT_EVENT_ID, resolveOptionalIdArg } from './idArgs.ts';
import { keysetConnection } from './pagination.ts';
import { auditOrder, auditPage, countAuditEvents } from './read/audit.ts';
import { AccountRef, AuditEventRef } from './refs.ts';

AuditEventRef.implement({
  description: 'Something done through the gateway: who, what, to what, with which outcome. Append-only.',
  fields: (t) => ({
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.occurred_at }),
    action: t.exposeString('action', { description: 'e.g. startSync, client.create, grantEntitlement.' }),
    outcome: t.field({ type: AuditOutcomeEnum, resolve: (e) => e.outcome }),
    apiClientId: t.exposeString('api_client_id', { nullable: true, description: 'The API client that acted.' }),
    actorAccount: t.field({ type: AccountRef, nullable: true, description: 'The person the client acted for.', resolve: (e) => e.actor_account_id }),
    actorLabel: t.exposeString('actor_label', { nullable: true }),
    targetType: t.exposeString('target_type', { nullable: true }),
    targetId: t.exposeString('target_id', { nullable: true }),
    entitlementExternalId: t.exposeString('entitlement_external_id', { nullable: true }),
    accountExternalId: t.exposeString('account_external_id', { nullable: true }),
    errorCode: t.exposeString('error_code', { nullable: true }),
    details: t.field({ type: 'JSON', resolve: (e) => e.details }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('user_agent', { nullable: true }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    apiClientId: t.string({ required: false, description: 'Events of this API client.' }),
    actorAccountId: t.id({ required: false, description: 'Events done for this account (global or external id).' }),
    action: t.stringList({ required: false }),
    outcome: t.field({ type: [AuditOutcomeEnum], required: false }),
    targetId: t.string({ required: false, description: 'e.g. an external id, a sync run number, an API client id.' }),
    targetType: t.string({ required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'At or after this time.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Before this time.' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: filteredConnection(t, 'AuditEvent', { type: AuditEventRef, filter: AuditEventFilter, description: 'Audit events, newest first.' }, async (f, args, ctx) => {
    const actorAccountId = await resolveOptionalIdArg(ctx, f.actorAccountId, ACCOUNT_ID, 'filter.actorAccountId');
    if (actorAccountId === null) return emptyConnection();
    const filter = { ...f, actions: f.action, outcomes: f.outcome, actorAccountId };
    const db = ctx.database.db;
    return keysetConnection(args, auditOrder, (page) => auditPage(db, filter, page), () => countAuditEvents(db, filter));
  }),
  auditEvent: t.field({
    type: AuditEventRef,
    nullable: true,
    ...byIdArg(t, AUDIT_EVENT_ID),
  }),
}));
