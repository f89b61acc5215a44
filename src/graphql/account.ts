import type { Account } from '../db/schema.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './nodeById.ts';
import { AccountStatusEnum, AccountTypeEnum } from './enums.ts';
import { GrantConnection, GrantFilterInput, loadGrantConnections } from './grant.ts';
import { ACCOUNT_ID, resolveIdArg, resolveOptionalIdArg, WORKSPACE_ID } from './idArgs.ts';
import { keysetConnection } from './pagination.ts';
import { accountIdBy, accountOrder, accountPage, countAccounts, workspacesOfAccounts } from './read/accounts.ts';
import { AccountRef } from './refs.ts';
import { accountColumnsFor } from './accountColumns.ts';
import { remembered } from './read/countCache.ts';
import { WorkspaceRef } from './resource.ts';
import { GraphQLError } from 'graphql';
import { emptyConnection } from './emptyConnection.ts';

AccountRef.implement({
  description: 'A Slack user (human, bot or Slack system account).',
  fields: (t) => ({
    externalId: t.exposeString('external_id', { description: 'Stable external id, e.g. user:U0123.' }),
    slackId: t.exposeString('slack_id'),
    email: t.exposeString('email', { nullable: true }),
    username: t.exposeString('username', { nullable: true }),
    displayName: t.exposeString('display_name', { nullable: true }),
    realName: t.exposeString('real_name', { nullable: true }),
    status: t.field({ type: AccountStatusEnum, resolve: (a) => a.status }),
    type: t.field({ type: AccountTypeEnum, resolve: (a) => a.type }),
    isGuest: t.exposeBoolean('is_guest'),
    guestKind: t.string({ nullable: true, description: 'MULTI_CHANNEL or SINGLE_CHANNEL for guests.', resolve: (a) => a.guest_kind }),
    isAdmin: t.exposeBoolean('is_admin'),
    isOwner: t.exposeBoolean('is_owner'),
    isPrimaryOwner: t.exposeBoolean('is_primary_owner'),
    mfaEnabled: t.boolean({ nullable: true, description: 'Null when Slack does not say.', resolve: (a) => a.mfa_enabled }),
    timezone: t.exposeString('timezone', { nullable: true }),
    workspaces: t.loadableList({
      type: WorkspaceRef,
      description: 'Workspaces this account is a member of.',
      load: async (ids: number[], ctx) => {
        const rows = await workspacesOfAccounts(ctx.database.db, ids);
        return ids.map((id) => rows.filter((r) => r.account_id === id));
      },
      resolve: (a) => a.id,
    }),
    grants: t.loadable({
      type: GrantConnection,
      description: "This account's grants, oldest first.",
      byPath: true,
      args: { ...t.arg.connectionArgs(), filter: t.arg({ type: GrantFilterInput, required: false }) },
      load: (ids: number[], ctx, args, info) => loadGrantConnections(ctx, info, 'account_id', ids, args),
      resolve: (a) => a.id,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updated_at }),
  }),
});

const AccountFilter = builder.inputType('AccountFilter', {
  fields: (t) => ({
    search: t.string({ required: false, description: 'Part of the name, username or email (case-insensitive), or an exact Slack id.' }),
    status: t.field({ type: [AccountStatusEnum], required: false }),
    type: t.field({ type: [AccountTypeEnum], required: false }),
    isGuest: t.boolean({ required: false }),
    workspaceId: t.id({ required: false, description: 'Members of this workspace (global or external id).' }),
  }),
});

builder.queryFields((t) => ({
  accounts: filteredConnection(t, 'Account', { type: AccountRef, filter: AccountFilter, description: 'Accounts, oldest first.' }, async (f, args, ctx, info) => {
    const workspaceResourceId = await resolveOptionalIdArg(ctx, f.workspaceId, WORKSPACE_ID, 'filter.workspaceId');
    if (workspaceResourceId === null) return emptyConnection();
    const filter = { search: f.search, status: f.status, type: f.type, isGuest: f.isGuest, workspaceResourceId };
    const db = ctx.database.db;
    return keysetConnection(args, accountOrder, (page) => accountPage(db, filter, page, accountColumnsFor(info)), () => remembered(ctx.counts, `accounts:${JSON.stringify(filter)}`, () => countAccounts(db, filter)));
  }),
  account: t.field({
    type: AccountRef,
    nullable: true,
    description: 'One account, by id (global or external, e.g. user:U0123), Slack id or email.',
    args: {
      id: t.arg.id({ required: false }),
      slackId: t.arg.string({ required: false }),
      email: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const given = [args.id, args.slackId, args.email].filter((v) => v != null);
      if (given.length !== 1) {
        throw new GraphQLError('account: give exactly one of id, slackId or email', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      if (args.id != null) return resolveIdArg(ctx, args.id, ACCOUNT_ID, 'id');
      const by = args.slackId != null ? { slackId: args.slackId } : { email: args.email as string };
      return (await accountIdBy(ctx.database.db, by)) ?? null;
    },
  }),
}));

export type { Account };
