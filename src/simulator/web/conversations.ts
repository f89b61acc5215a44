import type { Channel, SlackStore, TokenInfo } from '../store.ts';
import { SlackApiError, type Args } from './args.ts';
import type { CallContext, MethodSpec } from './method.ts';
import { pageOfList, pageOfSortedIds } from './paging.ts';
import { channelObject } from './render.ts';

const TYPE_SCOPES: Record<string, string> = {
  public_channel: 'channels:read',
  private_channel: 'groups:read',
  im: 'im:read',
  mpim: 'mpim:read',
};

function requestedTypes(args: Args): string[] {
  const types = args.list('types') ?? ['public_channel'];
  if (types.length === 0) return ['public_channel'];
  for (const t of types) if (!(t in TYPE_SCOPES)) throw new SlackApiError('invalid_types');
  return types;
}

function listScopes(_token: TokenInfo, args: Args): string[] {
  let types: string[];
  try {
    types = requestedTypes(args);
  } catch {
    return ['channels:read'];
  }
  return [...new Set(types.map((t) => TYPE_SCOPES[t] as string))];
}

/** Reading one channel needs the read scope of its kind. */
function isPrivateChannel(args: Args, store: SlackStore): boolean {
  const id = args.str('channel') ?? '';
  return store.channels.get(id)?.isPrivate ?? id.startsWith('G');
}

function channelReadScopes(_token: TokenInfo, args: Args, store: SlackStore): string[] {
  return [isPrivateChannel(args, store) ? 'groups:read' : 'channels:read'];
}

function manageScopes(token: TokenInfo, args: Args, store: SlackStore): string[] {
  if (isPrivateChannel(args, store)) return ['groups:write'];
  return [token.kind === 'bot' ? 'channels:manage' : 'channels:write'];
}

/** A channel the caller may see: private channels are invisible to non-members (`channel_not_found`). */
function visibleChannel(ctx: CallContext): Channel {
  const id = ctx.args.str('channel');
  const channel = id === undefined ? undefined : ctx.store.channels.get(id);
  if (!channel) throw new SlackApiError('channel_not_found');
  if (ctx.teamId !== undefined && channel.teamId !== ctx.teamId && !ctx.store.enterprise) throw new SlackApiError('channel_not_found');
  if (channel.isPrivate && !channel.members.has(ctx.token.userId)) throw new SlackApiError('channel_not_found');
  return channel;
}

function conversationsList(ctx: CallContext): Record<string, unknown> {
  const types = requestedTypes(ctx.args);
  const excludeArchived = ctx.args.bool('exclude_archived');
  const me = ctx.token.userId;
  const channels = ctx.store
    .channelsOf(ctx.teamId as string)
    .filter((c) => (c.isPrivate ? types.includes('private_channel') && c.members.has(me) : types.includes('public_channel')))
    .filter((c) => !excludeArchived || !c.isArchived)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const page = pageOfList(channels, ctx.args, 'channel', { fallback: 100, max: 1000, strict: true }, ctx.store.behaviour);
  return {
    channels: page.items.map((c) => channelObject(ctx.store, c, me)),
    response_metadata: { next_cursor: page.nextCursor },
  };
}

function conversationsMembers(ctx: CallContext): Record<string, unknown> {
  const channel = visibleChannel(ctx);
  const page = pageOfSortedIds(ctx.store.channelMembers(channel), ctx.args, 'member', { fallback: 100, max: 1000, strict: true }, ctx.store.behaviour);
  return { members: page.items, response_metadata: { next_cursor: page.nextCursor } };
}

function conversationsInvite(ctx: CallContext): Record<string, unknown> {
  const channel = visibleChannel(ctx);
  if (channel.isArchived) throw new SlackApiError('is_archived');
  if (!channel.members.has(ctx.token.userId)) throw new SlackApiError('not_in_channel');
  const ids = ctx.args.list('users') ?? [];
  if (ids.length === 0) throw new SlackApiError('no_user');
  if (ids.length > 1000) throw new SlackApiError('too_many_users');
  const toAdd: string[] = [];
  for (const id of ids) {
    if (id === ctx.token.userId) throw new SlackApiError('cant_invite_self');
    const user = ctx.store.user(id);
    if (!user || user.deleted) throw new SlackApiError('user_not_found');
    if (!user.memberships.some((m) => m.teamId === channel.teamId)) throw new SlackApiError('user_not_found');
    if (user.isUltraRestricted) {
      const elsewhere = [...ctx.store.channels.values()].some((c) => c !== channel && c.members.has(id));
      if (elsewhere) throw new SlackApiError('ura_max_channels');
    }
    if (!channel.members.has(id)) toAdd.push(id);
  }
  if (toAdd.length === 0) throw new SlackApiError('already_in_channel');
  for (const id of toAdd) ctx.store.joinChannel(channel, id);
  return { channel: channelObject(ctx.store, channel, ctx.token.userId) };
}

function conversationsKick(ctx: CallContext): Record<string, unknown> {
  const channel = visibleChannel(ctx);
  const id = ctx.args.str('user');
  if (id === undefined) throw new SlackApiError('user_not_found');
  if (id === ctx.token.userId) throw new SlackApiError('cant_kick_self');
  if (channel.isGeneral) throw new SlackApiError('cant_kick_from_general');
  if (channel.isArchived) throw new SlackApiError('is_archived');
  if (!ctx.store.user(id)) throw new SlackApiError('user_not_found');
  if (!channel.members.has(id)) throw new SlackApiError('not_in_channel');
  ctx.store.leaveChannel(channel, id);
  return {};
}

function postMessage(ctx: CallContext): Record<string, unknown> {
  const target = ctx.args.str('channel');
  if (target === undefined) throw new SlackApiError('channel_not_found');
  const text = ctx.args.str('text') ?? '';
  const blocks = ctx.args.raw('blocks');
  if (text === '' && (blocks === undefined || blocks === '') && !ctx.args.has('attachments')) throw new SlackApiError('no_text');
  let channelId: string;
  if (/^[UW]/.test(target)) {
    // Posting to a user ID opens (or reuses) the DM with them.
    const user = ctx.store.user(target);
    if (!user) throw new SlackApiError('channel_not_found');
    channelId = `D${target.slice(1)}`;
  } else {
    const name = target.replace(/^#/, '');
    const channel = ctx.store.channels.get(target) ?? [...ctx.store.channels.values()].find((c) => c.name === name && (ctx.teamId === undefined || c.teamId === ctx.teamId));
    if (!channel) throw new SlackApiError('channel_not_found');
    if (channel.isPrivate && !channel.members.has(ctx.token.userId)) throw new SlackApiError('channel_not_found');
    if (channel.isArchived) throw new SlackApiError('is_archived');
    if (!channel.members.has(ctx.token.userId) && !ctx.scopes.has('chat:write.public')) throw new SlackApiError('not_in_channel');
    channelId = channel.id;
  }
  const posted = ctx.store.postMessage({
    channel: channelId,
    text,
    user: ctx.token.userId,
    ...(ctx.token.botId ? { botId: ctx.token.botId } : {}),
    ...(blocks !== undefined ? { blocks: typeof blocks === 'string' ? safeJson(blocks) : blocks } : {}),
  });
  const teamId = ctx.teamId ?? ctx.token.teamId ?? ctx.token.grantedTeams[0];
  return {
    channel: channelId,
    ts: posted.ts,
    message: {
      type: 'message',
      text,
      user: ctx.token.userId,
      ts: posted.ts,
      ...(ctx.token.botId ? { bot_id: ctx.token.botId } : {}),
      ...(teamId ? { team: teamId } : {}),
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SlackApiError('invalid_blocks');
  }
}

export const conversationMethods: Record<string, MethodSpec> = {
  'conversations.list': {
    tier: 2,
    scopes: listScopes,
    workspace: 'required',
    emptyResult: () => ({ channels: [], response_metadata: { next_cursor: '' } }),
    handler: conversationsList,
  },
  'conversations.members': { tier: 4, scopes: channelReadScopes, workspace: 'optional', handler: conversationsMembers },
  'conversations.invite': { tier: 3, scopes: manageScopes, workspace: 'optional', handler: conversationsInvite },
  'conversations.kick': { tier: 3, scopes: manageScopes, workspace: 'optional', handler: conversationsKick },
  'chat.postMessage': { tier: 'special', scopes: () => ['chat:write'], workspace: 'optional', handler: postMessage },
};
