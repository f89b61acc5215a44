import { createHmac, randomBytes } from 'node:crypto';
import type { Channel, SlackStore, StoreChange, User, UserGroup } from './store.ts';
import { normalize, usergroupObject, userObject } from './web/render.ts';

/**
 * The simulated Events API: every change the store reports (through the Web API, SCIM, or the
 * admin control routes standing in for Slack's admin UI) becomes the event Slack would send, in
 * Slack's `event_callback` envelope, delivered to the app by signed HTTP POST (retried on a
 * non-200 answer with X-Slack-Retry-Num / X-Slack-Retry-Reason, up to 3 times) or handed to a
 * Socket Mode sender. On demand deliveries are dropped, duplicated, delayed or reordered.
 * Shapes follow api.slack.com/apis/events-api and `@slack/types` (see reference/slack-app.md §3).
 */

export interface EventEnvelope {
  token: string;
  team_id: string;
  enterprise_id?: string;
  api_app_id: string;
  event: Record<string, unknown> & { type: string; event_ts: string };
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: { enterprise_id: string | null; team_id: string; user_id: string; is_bot: boolean; is_enterprise_install: boolean }[];
  is_ext_shared_channel: boolean;
  context_team_id: string;
  context_enterprise_id: string | null;
}

/** How a Socket Mode connection takes an `events_api` envelope's payload: acked or not. */
export type SocketSender = (payload: EventEnvelope, retryAttempt: number, retryReason: string) => Promise<{ acked: boolean }>;

export interface EventTarget {
  /** The app's Request URL (signed HTTP POST). */
  url?: string;
  signingSecret?: string;
  /** Socket Mode instead of HTTP. */
  socket?: SocketSender;
}

export interface EventDeliveryStats {
  emitted: number;
  /** Delivery attempts, retries included. */
  attempts: number;
  delivered: number;
  retried: number;
  dropped: number;
  duplicated: number;
  failed: number;
}

/** Slack retries a failed delivery nearly at once, after ~1 minute and after ~5 minutes. */
export const SLACK_RETRY_DELAYS_MS = [0, 60_000, 300_000] as const;
const ACK_DEADLINE_MS = 3000;

export interface SimulatedEventsOptions {
  appId: string;
  /** The deprecated verification token Slack still puts in payloads. */
  verificationToken: string;
  /** The app's bot user: channel membership events only come for conversations it is in. */
  botUserId: string;
  /** Waits before retries #1, #2, #3 (Slack's by default; tests shorten them). */
  retryDelaysMs?: readonly number[];
  /** Deliveries in flight at once. */
  concurrency?: number;
}

export class SimulatedEvents {
  readonly #store: SlackStore;
  readonly #options: SimulatedEventsOptions;
  #target: EventTarget | undefined;
  readonly #queue: EventEnvelope[] = [];
  readonly #held: EventEnvelope[] = [];
  #inFlight = 0;
  readonly #idle: (() => void)[] = [];
  #lastMicros = 0;
  #counter = 0;
  readonly #prefix = randomBytes(2).toString('hex').toUpperCase();
  /** Faults for the next deliveries: how many to drop, duplicate, hold back and send reversed, and a delay. */
  readonly faults = { drop: 0, duplicate: 0, reorder: 0, delayMs: 0 };
  readonly stats: EventDeliveryStats = { emitted: 0, attempts: 0, delivered: 0, retried: 0, dropped: 0, duplicated: 0, failed: 0 };
  /** Every envelope emitted, in order (tests read what Slack sent). */
  readonly sent: EventEnvelope[] = [];
  /** Envelopes dropped on purpose. */
  readonly droppedEnvelopes: EventEnvelope[] = [];
  keepSent = true;
  /** Waits before retries #1, #2, #3: Slack's unless told otherwise (tests shorten them). */
  retryDelaysMs: readonly number[];

  constructor(store: SlackStore, options: SimulatedEventsOptions) {
    this.#store = store;
    this.#options = options;
    this.retryDelaysMs = options.retryDelaysMs ?? SLACK_RETRY_DELAYS_MS;
  }

  /** Starts emitting events for the store's changes, to `target`. */
  enable(target: EventTarget): void {
    this.#target = target;
    this.#store.onChange = (change) => this.#onChange(change);
  }

  disable(): void {
    this.#target = undefined;
    this.#store.onChange = undefined;
  }

  get enabled(): boolean {
    return this.#target !== undefined;
  }

  /** Resolves once every queued and held delivery has been made (held ones are released). */
  async settled(): Promise<void> {
    this.releaseHeld();
    while (this.#queue.length > 0 || this.#inFlight > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  /** Sends events held back for reordering now, newest first. */
  releaseHeld(): void {
    const held = this.#held.splice(0).reverse();
    for (const e of held) this.#queue.push(e);
    this.#pump();
  }

  // ---- events from changes ------------------------------------------------------------------

  #eventTs(): string {
    const micros = Math.max(Date.now() * 1000, this.#lastMicros + 1);
    this.#lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  #teamOf(user: User): string {
    return user.memberships[0]?.teamId ?? [...this.#store.workspaces.keys()][0] ?? '';
  }

  #userPayload(user: User, teamId: string): Record<string, unknown> {
    return userObject(this.#store, user, { teamId, showEmail: true, showAdminFields: false, includeLocale: false });
  }

  #groupPayload(group: UserGroup): Record<string, unknown> {
    return usergroupObject(this.#store, group, { teamId: group.teamId, includeUsers: true, includeCount: true });
  }

  #botIn(channel: Channel): boolean {
    return channel.members.has(this.#options.botUserId);
  }

  #onChange(change: StoreChange): void {
    const now = this.#store.now();
    switch (change.kind) {
      case 'user': {
        const teamId = this.#teamOf(change.user);
        this.emit(teamId, { type: 'user_change', user: this.#userPayload(change.user, teamId), cache_ts: now });
        return;
      }
      case 'teamJoin':
        this.emit(change.teamId, { type: 'team_join', user: this.#userPayload(change.user, change.teamId) });
        return;
      case 'groupCreated':
        this.emit(change.group.teamId, { type: 'subteam_created', subteam: this.#groupPayload(change.group) });
        return;
      case 'groupUpdated':
        this.emit(change.group.teamId, { type: 'subteam_updated', subteam: this.#groupPayload(change.group) });
        return;
      case 'groupMembers': {
        const g = change.group;
        this.emit(g.teamId, {
          type: 'subteam_members_changed',
          subteam_id: g.id,
          team_id: g.teamId,
          date_previous_update: g.dateUpdate,
          date_update: Math.max(now, g.dateUpdate),
          added_users: change.added,
          added_users_count: String(change.added.length),
          removed_users: change.removed,
          removed_users_count: String(change.removed.length),
        });
        return;
      }
      case 'channelJoin':
      case 'channelLeave': {
        const c = change.channel;
        // Slack tells an app about members of conversations its bot is in (and about the bot itself).
        if (!this.#botIn(c) && change.userId !== this.#options.botUserId) return;
        this.emit(c.teamId, {
          type: change.kind === 'channelJoin' ? 'member_joined_channel' : 'member_left_channel',
          user: change.userId,
          channel: c.id,
          channel_type: c.isPrivate ? 'G' : 'C',
          team: c.teamId,
        });
        return;
      }
      case 'channelCreated': {
        const c = change.channel;
        if (c.isPrivate) return; // private channels are announced only to their members (group_joined)
        this.emit(c.teamId, {
          type: 'channel_created',
          channel: { id: c.id, name: c.name, name_normalized: normalize(c.name), created: c.created, creator: c.creator, is_channel: true, is_private: false, is_shared: false },
        });
        return;
      }
      case 'channelRenamed': {
        const c = change.channel;
        if (c.isPrivate && !this.#botIn(c)) return;
        this.emit(c.teamId, { type: c.isPrivate ? 'group_rename' : 'channel_rename', channel: { id: c.id, name: c.name, name_normalized: normalize(c.name), created: c.created, is_channel: !c.isPrivate, is_mpim: false } });
        return;
      }
      case 'channelArchived':
      case 'channelUnarchived': {
        const c = change.channel;
        if (c.isPrivate && !this.#botIn(c)) return;
        const verb = change.kind === 'channelArchived' ? 'archive' : 'unarchive';
        this.emit(c.teamId, { type: `${c.isPrivate ? 'group' : 'channel'}_${verb}`, channel: c.id, user: change.actor ?? '' });
        return;
      }
      case 'channelDeleted': {
        const c = change.channel;
        if (c.isPrivate) this.emit(c.teamId, { type: 'group_deleted', channel: c.id, date_deleted: now, actor_id: change.actor ?? '' });
        else this.emit(c.teamId, { type: 'channel_deleted', channel: c.id });
        return;
      }
    }
  }

  /** Wraps an inner event in Slack's envelope and queues it for delivery. */
  emit(teamId: string, event: Record<string, unknown> & { type: string }): EventEnvelope {
    const enterpriseId = this.#store.enterprise?.id;
    this.#counter += 1;
    const eventTs = this.#eventTs();
    const envelope: EventEnvelope = {
      token: this.#options.verificationToken,
      team_id: teamId,
      ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
      api_app_id: this.#options.appId,
      event: { ...event, event_ts: eventTs },
      type: 'event_callback',
      event_id: `Ev${this.#prefix}${this.#counter.toString(36).toUpperCase().padStart(7, '0')}`,
      event_time: Math.floor(Number(eventTs)),
      authorizations: [{ enterprise_id: enterpriseId ?? null, team_id: teamId, user_id: this.#options.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      context_team_id: teamId,
      context_enterprise_id: enterpriseId ?? null,
    };
    this.stats.emitted += 1;
    if (this.keepSent) this.sent.push(envelope);
    if (!this.#target) return envelope;
    if (this.faults.drop > 0) {
      this.faults.drop -= 1;
      this.stats.dropped += 1;
      this.droppedEnvelopes.push(envelope);
      return envelope;
    }
    const copies = this.faults.duplicate > 0 ? 2 : 1;
    if (copies === 2) {
      this.faults.duplicate -= 1;
      this.stats.duplicated += 1;
    }
    for (let i = 0; i < copies; i++) {
      if (this.faults.reorder > 0) {
        this.#held.push(envelope);
        if (i === copies - 1) this.faults.reorder -= 1;
        if (this.faults.reorder === 0) this.releaseHeld();
      } else {
        this.#queue.push(envelope);
      }
    }
    this.#pump();
    return envelope;
  }

  // ---- delivery -----------------------------------------------------------------------------

  #pump(): void {
    const limit = this.#options.concurrency ?? 4;
    while (this.#inFlight < limit && this.#queue.length > 0) {
      const envelope = this.#queue.shift() as EventEnvelope;
      this.#inFlight += 1;
      void this.#deliver(envelope).finally(() => {
        this.#inFlight -= 1;
        this.#pump();
        if (this.#queue.length === 0 && this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
      });
    }
  }

  async #deliver(envelope: EventEnvelope): Promise<void> {
    const delays = this.retryDelaysMs;
    if (this.faults.delayMs > 0) await new Promise((r) => setTimeout(r, this.faults.delayMs));
    let reason = '';
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) {
        this.stats.retried += 1;
        await new Promise((r) => setTimeout(r, delays[attempt - 1]));
      }
      const target = this.#target;
      if (!target) return;
      this.stats.attempts += 1;
      const outcome = await this.#attempt(target, envelope, attempt, reason);
      if (outcome.ok) {
        this.stats.delivered += 1;
        return;
      }
      if (outcome.noRetry) break;
      reason = outcome.reason;
    }
    this.stats.failed += 1;
  }

  async #attempt(target: EventTarget, envelope: EventEnvelope, attempt: number, reason: string): Promise<{ ok: boolean; reason: string; noRetry?: boolean }> {
    if (target.socket) {
      const result = await target.socket(envelope, attempt, reason).catch(() => ({ acked: false }));
      return { ok: result.acked, reason: 'http_timeout' };
    }
    if (!target.url || !target.signingSecret) return { ok: false, reason: 'unknown_error', noRetry: true };
    const body = JSON.stringify(envelope);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${createHmac('sha256', target.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    if (attempt > 0) {
      headers['x-slack-retry-num'] = String(attempt);
      headers['x-slack-retry-reason'] = reason;
    }
    try {
      const res = await fetch(target.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(ACK_DEADLINE_MS) });
      await res.arrayBuffer();
      if (res.status === 200) return { ok: true, reason: '' };
      return { ok: false, reason: 'http_error', noRetry: res.headers.get('x-slack-no-retry') === '1' };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return { ok: false, reason: timedOut ? 'http_timeout' : 'connection_failed' };
    }
  }
}
