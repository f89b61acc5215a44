import type { SlackStore } from '../store.ts';
import { SlackApiError, missingArgument } from '../web/args.ts';
import type { CallContext, MethodSpec } from '../web/method.ts';
import type { StoredView } from './state.ts';

// Web API methods of the app surface: chat.update, chat.postEphemeral, conversations.open and
// views.open/push/update/publish, with Slack's argument handling and error codes
// (docs.slack.dev/reference/methods/*). chat.postMessage lives with the conversations.

/** The DM channel between the app's bot and a user: one per user, like Slack's `D…` ids. */
export function dmChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

function jsonArg(ctx: CallContext, name: string, invalid: string): unknown {
  const raw = ctx.args.raw(name);
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw new SlackApiError(invalid);
  }
}

function blocksArg(ctx: CallContext): unknown[] | undefined {
  const blocks = jsonArg(ctx, 'blocks', 'invalid_blocks');
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) throw new SlackApiError('invalid_blocks');
  if (blocks.length > 50) throw new SlackApiError('invalid_blocks', { response_metadata: { messages: ['[ERROR] no more than 50 items allowed [json-pointer:/blocks]'] } });
  for (const block of blocks) if (typeof block !== 'object' || block === null || typeof (block as { type?: unknown }).type !== 'string') throw new SlackApiError('invalid_blocks');
  return blocks;
}

function chatUpdate(ctx: CallContext): Record<string, unknown> {
  const channel = ctx.args.str('channel');
  const ts = ctx.args.str('ts');
  if (channel === undefined) throw new SlackApiError('channel_not_found');
  if (ts === undefined) throw missingArgument('ts');
  // Slack wants the D… id back: updating "in" a user id is channel_not_found.
  if (/^[UW]/.test(channel)) throw new SlackApiError('channel_not_found');
  const message = ctx.store.messages.find((m) => m.channel === channel && m.ts === ts);
  if (!message) throw new SlackApiError('message_not_found');
  if (message.user !== ctx.token.userId) throw new SlackApiError('cant_update_message');
  const text = ctx.args.str('text');
  const blocks = blocksArg(ctx);
  if (text === undefined && blocks === undefined) throw new SlackApiError('no_text');
  if (text !== undefined) message.text = text;
  if (blocks !== undefined) message.blocks = blocks;
  message.edited = { user: ctx.token.userId, ts: `${ctx.store.now()}.000000` };
  return {
    channel,
    ts,
    text: message.text,
    // As Slack's documented example: the message without its blocks.
    message: { type: 'message', text: message.text, user: message.user, ...(message.botId ? { bot_id: message.botId } : {}), edited: message.edited },
  };
}

function chatPostEphemeral(ctx: CallContext): Record<string, unknown> {
  const channel = ctx.args.str('channel');
  const user = ctx.args.str('user');
  if (channel === undefined) throw new SlackApiError('channel_not_found');
  if (user === undefined) throw missingArgument('user');
  const target = ctx.store.user(user);
  if (!target) throw new SlackApiError('user_not_found');
  const text = ctx.args.str('text') ?? '';
  const blocks = blocksArg(ctx);
  if (text === '' && blocks === undefined) throw new SlackApiError('no_text');
  if (channel.startsWith('D')) {
    if (channel !== dmChannelOf(user)) throw new SlackApiError('user_not_in_channel');
  } else {
    const found = ctx.store.channels.get(channel);
    if (!found) throw new SlackApiError('channel_not_found');
    if (found.isArchived) throw new SlackApiError('is_archived');
    if (!found.members.has(user)) throw new SlackApiError('user_not_in_channel');
  }
  const posted = ctx.store.app.postEphemeral({ channel, user, text, ...(blocks ? { blocks } : {}) });
  return { message_ts: posted.ts };
}

function conversationsOpen(ctx: CallContext): Record<string, unknown> {
  const channel = ctx.args.str('channel');
  if (channel !== undefined) return { channel: { id: channel } };
  const users = ctx.args.list('users');
  if (!users || users.length === 0) throw new SlackApiError('users_list_not_supplied');
  if (users.length > 1) throw new SlackApiError('not_enough_users');
  const user = ctx.store.user(users[0] as string);
  if (!user) throw new SlackApiError('user_not_found');
  if (user.deleted) throw new SlackApiError('user_disabled');
  const id = dmChannelOf(user.id);
  if (ctx.args.bool('return_im')) return { no_op: true, already_open: true, channel: { id, is_im: true, user: user.id, created: user.created, is_open: true } };
  return { no_op: true, already_open: true, channel: { id } };
}

function teamOf(store: SlackStore, userId: string): string {
  return store.user(userId)?.memberships[0]?.teamId ?? '';
}

/** Validates a view argument as Slack does, enough to catch what a real app would get wrong. */
function viewArg(ctx: CallContext, kind: 'modal' | 'home'): Record<string, unknown> {
  const view = jsonArg(ctx, 'view', 'invalid_arguments');
  if (view === undefined) throw missingArgument('view');
  if (typeof view !== 'object' || view === null || Array.isArray(view)) throw new SlackApiError('invalid_arguments');
  const v = view as Record<string, unknown>;
  const problems: string[] = [];
  if (v.type !== kind) problems.push(`[ERROR] must be "${kind}" [json-pointer:/view/type]`);
  if (!Array.isArray(v.blocks)) problems.push('[ERROR] missing required field: blocks [json-pointer:/view]');
  else if (v.blocks.length > 100) problems.push('[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]');
  if (kind === 'modal') {
    const title = v.title as { text?: string } | undefined;
    if (!title?.text) problems.push('[ERROR] missing required field: title [json-pointer:/view]');
    else if (title.text.length > 24) problems.push('[ERROR] must be less than 25 characters [json-pointer:/view/title/text]');
    const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => (b as { type?: string }).type === 'input');
    if (hasInput && !v.submit) problems.push('[ERROR] submit is required when an input block is present [json-pointer:/view/submit]');
  }
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > 3000) problems.push('[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]');
  if (problems.length > 0) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: problems } });
  return v;
}

function storeView(ctx: CallContext, input: Record<string, unknown>, user: string, previous: StoredView | undefined): StoredView {
  const app = ctx.store.app;
  const id = previous?.id ?? app.nextViewId();
  const view: StoredView = {
    id,
    team_id: teamOf(ctx.store, user),
    type: input.type as 'modal' | 'home',
    user,
    ...(input.title ? { title: input.title } : {}),
    ...(input.submit ? { submit: input.submit } : {}),
    ...(input.close ? { close: input.close } : {}),
    blocks: input.blocks as Record<string, unknown>[],
    private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '',
    callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
    external_id: typeof input.external_id === 'string' ? input.external_id : '',
    state: { values: {} },
    hash: app.newHash(),
    clear_on_close: input.clear_on_close === true,
    notify_on_close: input.notify_on_close === true,
    root_view_id: previous?.root_view_id ?? id,
    previous_view_id: previous?.previous_view_id ?? null,
    app_id: app.appId,
    app_installed_team_id: teamOf(ctx.store, user),
    bot_id: ctx.token.botId ?? '',
    closed: false,
  };
  app.views.set(id, view);
  return view;
}

/** A view as Slack answers with it and puts in payloads (without the simulator's bookkeeping). */
export function viewJson(view: StoredView): Record<string, unknown> {
  const { user: _user, closed: _closed, ...rest } = view;
  return rest;
}

function viewsOpen(ctx: CallContext): Record<string, unknown> {
  const trigger = ctx.store.app.useTrigger(ctx.args.str('trigger_id') ?? ctx.args.str('interactivity_pointer'));
  if (typeof trigger === 'string') throw new SlackApiError(trigger);
  const input = viewArg(ctx, 'modal');
  return { view: viewJson(storeView(ctx, input, trigger.user, undefined)) };
}

function viewsPush(ctx: CallContext): Record<string, unknown> {
  const trigger = ctx.store.app.useTrigger(ctx.args.str('trigger_id') ?? ctx.args.str('interactivity_pointer'));
  if (typeof trigger === 'string') throw new SlackApiError(trigger);
  const input = viewArg(ctx, 'modal');
  const open = [...ctx.store.app.views.values()].filter((v) => v.user === trigger.user && v.type === 'modal' && !v.closed);
  if (open.length >= 3) throw new SlackApiError('push_limit_reached');
  const top = open[open.length - 1];
  const view = storeView(ctx, input, trigger.user, undefined);
  if (top) {
    view.root_view_id = top.root_view_id;
    view.previous_view_id = top.id;
  }
  return { view: viewJson(view) };
}

function findView(ctx: CallContext): StoredView {
  const id = ctx.args.str('view_id');
  const external = ctx.args.str('external_id');
  if (id === undefined && external === undefined) throw missingArgument('view_id');
  const view = id !== undefined ? ctx.store.app.views.get(id) : [...ctx.store.app.views.values()].find((v) => v.external_id === external);
  if (!view || view.closed) throw new SlackApiError('not_found');
  return view;
}

function viewsUpdate(ctx: CallContext): Record<string, unknown> {
  const current = findView(ctx);
  const hash = ctx.args.str('hash');
  if (hash !== undefined && hash !== current.hash) throw new SlackApiError('hash_conflict');
  const input = viewArg(ctx, current.type);
  return { view: viewJson(storeView(ctx, input, current.user, current)) };
}

function viewsPublish(ctx: CallContext): Record<string, unknown> {
  const userId = ctx.args.str('user_id');
  if (userId === undefined) throw missingArgument('user_id');
  if (!ctx.store.user(userId)) throw new SlackApiError('user_not_found');
  const input = viewArg(ctx, 'home');
  const currentId = ctx.store.app.homes.get(userId);
  const current = currentId ? ctx.store.app.views.get(currentId) : undefined;
  const hash = ctx.args.str('hash');
  if (hash !== undefined && current && hash !== current.hash) throw new SlackApiError('hash_conflict');
  const view = storeView(ctx, input, userId, current);
  ctx.store.app.homes.set(userId, view.id);
  return { view: viewJson(view) };
}

const botOnly = { tokenKinds: ['bot' as const] };

export const appSurfaceMethods: Record<string, MethodSpec> = {
  'chat.update': { tier: 3, scopes: () => ['chat:write'], workspace: 'optional', handler: chatUpdate },
  'chat.postEphemeral': { tier: 4, scopes: () => ['chat:write'], workspace: 'optional', handler: chatPostEphemeral },
  'conversations.open': { tier: 3, scopes: () => ['im:write'], workspace: 'optional', handler: conversationsOpen },
  'views.open': { tier: 4, scopes: () => [], workspace: 'none', ...botOnly, handler: viewsOpen },
  'views.push': { tier: 4, scopes: () => [], workspace: 'none', ...botOnly, handler: viewsPush },
  'views.update': { tier: 4, scopes: () => [], workspace: 'none', ...botOnly, handler: viewsUpdate },
  'views.publish': { tier: 4, scopes: () => [], workspace: 'none', ...botOnly, handler: viewsPublish },
};
