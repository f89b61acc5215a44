import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PostedMessage, SlackStore } from '../store.ts';
import { jsonResponse, slackError, type WebResponse } from '../web/dispatch.ts';
import { DEFAULT_APP, type EphemeralMessage, type StoredView } from './state.ts';
import { dmChannelOf, viewJson } from './web.ts';

/**
 * The Slack side of the app surface: Socket Mode (apps.connections.open, a WebSocket with
 * `hello`, envelopes and acks) and signed HTTP deliveries to the app's request URL, and the
 * payloads Slack sends when people act: block_actions, view_submission, block_suggestion, slash
 * commands, app_home_opened. Shapes follow Slack's published payload references and
 * `@slack/types` / `@slack/bolt`'s types, so Bolt cannot tell this from Slack.
 */

/** Socket Mode envelope types (docs.slack.dev/apis/events-api/using-socket-mode). */
export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

export interface DeliveryOptions {
  /** Over a Socket Mode connection or a signed HTTP request; default: a socket if one is open. */
  via?: 'socket' | 'http';
  /** Deliver the same payload to every connection / request URL (as when several replicas receive it). */
  everywhere?: boolean;
  /** HTTP only: sign with this secret instead of the app's (a forgery) or at this unix time (a replay). */
  signingSecret?: string;
  timestamp?: number;
}

export interface Delivery {
  via: 'socket' | 'http';
  /** HTTP status; 200 for an acknowledged envelope. */
  status: number;
  acked: boolean;
  /** The ack's payload (socket) or the response body (HTTP): parsed JSON, text, or undefined when empty. */
  response: unknown;
}

interface Connection {
  socket: WebSocket;
  id: number;
}

const ACK_DEADLINE_MS = 3000;

export class SimulatedAppSurface {
  readonly #store: SlackStore;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #connections: Connection[] = [];
  readonly #pendingAcks = new Map<string, (payload: unknown) => void>();
  #nextConnection = 0;
  #roundRobin = 0;
  #origin = '';
  /** Where HTTP deliveries go (Bolt's convention: one `/slack/events` for everything). */
  requestUrls: string[] = [];

  constructor(store: SlackStore) {
    this.#store = store;
    this.#wss.on('connection', (socket: WebSocket) => this.#accept(socket));
  }

  get app() {
    return this.#store.app;
  }

  get appToken(): string {
    return [...this.#store.app.appTokens][0] ?? DEFAULT_APP.appToken;
  }

  get signingSecret(): string {
    return this.#store.app.signingSecret;
  }

  /** Serves the Socket Mode WebSocket on the simulator's own port. */
  attach(server: Server, origin: string): void {
    this.#origin = origin;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://simulator.invalid');
      const ticket = url.searchParams.get('ticket');
      if (url.pathname !== '/link/' || !ticket || !this.#store.app.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
    });
  }

  /** `apps.connections.open`: an app-level token in the Authorization header, a single-use wss URL back. */
  connectionsOpen(req: IncomingMessage, bearer: string | undefined): WebResponse {
    if (bearer === undefined) return slackError('not_authed');
    if (!bearer.startsWith('xapp-')) return slackError(this.#store.token(bearer) ? 'not_allowed_token_type' : 'invalid_auth');
    if (!this.#store.app.appTokens.has(bearer)) return slackError('invalid_auth');
    const ticket = this.#store.app.newTicket();
    const host = req.headers.host ?? new URL(this.#origin).host;
    return jsonResponse(200, { ok: true, url: `ws://${host}/link/?ticket=${ticket}&app_id=${this.#store.app.appId}` });
  }

  #accept(socket: WebSocket): void {
    const connection = { socket, id: ++this.#nextConnection };
    this.#connections.push(connection);
    socket.on('message', (data) => {
      let frame: { envelope_id?: string; payload?: unknown };
      try {
        frame = JSON.parse(String(data)) as typeof frame;
      } catch {
        return;
      }
      if (frame.envelope_id) this.#pendingAcks.get(frame.envelope_id)?.(frame.payload);
    });
    socket.on('close', () => {
      const i = this.#connections.indexOf(connection);
      if (i >= 0) this.#connections.splice(i, 1);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.#connections.length,
        connection_info: { app_id: this.#store.app.appId },
        debug_info: { host: 'applink-sim-1', started: new Date().toISOString().replace('T', ' ').slice(0, 23), build_number: 1, approximate_connection_time: 18060 },
      }),
    );
  }

  /** Open Socket Mode connections. */
  get connectionCount(): number {
    return this.#connections.length;
  }

  async waitForConnections(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#connections.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} Socket Mode connection(s), have ${this.#connections.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Asks every connection to reconnect, as Slack does every few hours (`refresh_requested`). */
  requestRefresh(): void {
    for (const c of this.#connections) c.socket.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-sim-1' } }));
  }

  // ---- delivering ---------------------------------------------------------------------------

  /** Delivers one payload the way Slack would; with `everywhere`, to every connection or URL at once. */
  async deliver(type: EnvelopeType, payload: Record<string, unknown>, options: DeliveryOptions = {}): Promise<Delivery[]> {
    const via = options.via ?? (this.#connections.length > 0 ? 'socket' : 'http');
    if (via === 'socket') {
      if (this.#connections.length === 0) throw new Error('no Socket Mode connection is open');
      // Slack picks one connection per payload, with no pattern an app may rely on.
      const targets = options.everywhere ? [...this.#connections] : [this.#connections[this.#roundRobin++ % this.#connections.length] as Connection];
      return Promise.all(targets.map((c) => this.#overSocket(c, type, payload)));
    }
    if (this.requestUrls.length === 0) throw new Error('no request URL is configured for HTTP deliveries');
    const targets = options.everywhere ? this.requestUrls : [this.requestUrls[this.#roundRobin++ % this.requestUrls.length] as string];
    const { body, contentType } = httpBody(type, payload);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(options.signingSecret ?? this.signingSecret, timestamp, body),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    return Promise.all(targets.map((url) => this.#overHttp(url, headers, body)));
  }

  async #overSocket(connection: Connection, type: EnvelopeType, payload: Record<string, unknown>): Promise<Delivery> {
    const envelopeId = randomUUID();
    const envelope: Record<string, unknown> = { envelope_id: envelopeId, type, accepts_response_payload: type !== 'events_api', payload };
    if (type === 'events_api') Object.assign(envelope, { retry_attempt: 0, retry_reason: '' });
    const acked = new Promise<unknown>((resolve) => this.#pendingAcks.set(envelopeId, resolve));
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), ACK_DEADLINE_MS)));
    connection.socket.send(JSON.stringify(envelope));
    const outcome = await Promise.race([acked, expired]);
    clearTimeout(timer);
    this.#pendingAcks.delete(envelopeId);
    if (outcome === 'expired') return { via: 'socket', status: 408, acked: false, response: undefined };
    const response = outcome && typeof outcome === 'object' && Object.keys(outcome).length === 0 ? undefined : outcome;
    return { via: 'socket', status: 200, acked: true, response };
  }

  async #overHttp(url: string, headers: Record<string, string>, body: string): Promise<Delivery> {
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(ACK_DEADLINE_MS) });
    const text = await res.text();
    let response: unknown = text === '' ? undefined : text;
    if (text !== '' && (res.headers.get('content-type') ?? '').includes('json')) response = JSON.parse(text);
    return { via: 'http', status: res.status, acked: res.status >= 200 && res.status < 300, response };
  }

  // ---- what people do -----------------------------------------------------------------------

  #userRef(userId: string): Record<string, unknown> {
    const user = this.#store.user(userId);
    if (!user) throw new Error(`the simulator has no user ${userId}`);
    return { id: user.id, username: user.name, name: user.name, team_id: user.memberships[0]?.teamId ?? '' };
  }

  #team(userId: string): { id: string; domain: string } {
    const teamId = this.#store.user(userId)?.memberships[0]?.teamId ?? '';
    return { id: teamId, domain: this.#store.workspace(teamId)?.domain ?? '' };
  }

  #enterprise(): Record<string, unknown> | null {
    const e = this.#store.enterprise;
    return e ? { id: e.id, name: e.name } : null;
  }

  #common(userId: string): Record<string, unknown> {
    return { api_app_id: this.#store.app.appId, token: DEFAULT_APP.verificationToken, team: this.#team(userId), enterprise: this.#enterprise(), is_enterprise_install: false, user: this.#userRef(userId) };
  }

  #responseUrl(userId: string): string {
    return `${this.#origin}/_simulator/app/response-url/${this.#team(userId).id}/${randomBytes(6).toString('hex')}`;
  }

  /**
   * Clicks a button (or any block element with an action_id) of a message the app posted, or of
   * a view (a modal or the Home tab), as `user`. Fails when no such element is shown: a test
   * cannot click what a person could not see.
   */
  async click(
    input: { user: string; actionId: string; value?: string; message?: { channel: string; ts: string }; viewId?: string; selectedOption?: { value: string; text?: string } },
    options: DeliveryOptions = {},
  ): Promise<Delivery[]> {
    let blocks: unknown;
    let container: Record<string, unknown>;
    const extra: Record<string, unknown> = {};
    if (input.viewId !== undefined) {
      const view = this.#store.app.views.get(input.viewId);
      if (!view || view.closed) throw new Error(`view ${input.viewId} is not open`);
      if (view.user !== input.user) throw new Error(`view ${input.viewId} belongs to ${view.user}, not ${input.user}`);
      blocks = view.blocks;
      container = { type: 'view', view_id: view.id };
      extra.view = viewJson(view);
    } else if (input.message) {
      const message = this.#store.messages.find((m) => m.channel === input.message?.channel && m.ts === input.message?.ts);
      if (!message) throw new Error(`no message ${input.message.ts} in ${input.message.channel}`);
      blocks = message.blocks;
      container = { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false };
      extra.channel = { id: message.channel, name: message.channel.startsWith('D') ? 'directmessage' : (this.#store.channels.get(message.channel)?.name ?? '') };
      extra.message = messageJson(message);
      extra.response_url = this.#responseUrl(input.user);
    } else throw new Error('click needs a message or a viewId');
    const found = findElement(blocks, input.actionId, input.value);
    if (!found) throw new Error(`no element with action_id ${input.actionId}${input.value ? ` and value ${input.value}` : ''} is shown there`);
    const { element, blockId, block } = found;
    // An element of an input block tells the app nothing unless the block asks for it.
    if (block.type === 'input' && block.dispatch_action !== true) throw new Error(`Slack sends no block_actions for ${input.actionId}: its input block has no dispatch_action`);
    const action: Record<string, unknown> = {
      type: element.type,
      action_id: element.action_id,
      block_id: blockId,
      action_ts: `${(Date.now() / 1000).toFixed(6)}`,
    };
    if (element.type === 'button') Object.assign(action, { text: element.text, ...(element.value !== undefined ? { value: element.value } : {}), ...(element.style ? { style: element.style } : {}) });
    if (element.type === 'static_select' || element.type === 'external_select') {
      if (!input.selectedOption) throw new Error(`choosing in ${input.actionId} needs a selectedOption`);
      const chosen = stateValue(element, input.selectedOption);
      Object.assign(action, { selected_option: chosen.selected_option, ...(element.placeholder ? { placeholder: element.placeholder } : {}) });
      if (input.viewId !== undefined) {
        const view = this.#store.app.views.get(input.viewId) as StoredView;
        view.state.values[blockId] = { ...view.state.values[blockId], [String(element.action_id)]: chosen };
        extra.view = viewJson(view);
      }
    }
    const payload = {
      type: 'block_actions',
      ...this.#common(input.user),
      container,
      trigger_id: this.#store.app.issueTrigger(input.user),
      ...extra,
      state: { values: {} },
      actions: [action],
    };
    return this.deliver('interactive', payload, options);
  }

  /**
   * Submits an open modal as `user` with the given input values (by block_id: text for text
   * inputs, `{ value, text }` for selects). Like Slack's client, it refuses to submit while a
   * required input is empty. The modal closes, updates or shows errors as the ack says.
   */
  async submit(input: { user: string; viewId: string; values: Record<string, string | { value: string; text?: string } | null> }, options: DeliveryOptions = {}): Promise<Delivery[]> {
    const view = this.#store.app.views.get(input.viewId);
    if (!view || view.closed) throw new Error(`view ${input.viewId} is not open`);
    if (view.user !== input.user) throw new Error(`view ${input.viewId} belongs to ${view.user}, not ${input.user}`);
    const values: Record<string, Record<string, unknown>> = {};
    for (const block of view.blocks) {
      if (block.type !== 'input') continue;
      const blockId = String(block.block_id ?? '');
      const element = block.element as Record<string, unknown>;
      const given = input.values[blockId] ?? null;
      if (given === null && block.optional !== true) throw new Error(`Slack does not submit the modal: "${blockId}" is required`);
      if (given !== null && element.type === 'static_select') {
        const offered = ((element.options ?? []) as { value: string }[]).map((o) => o.value);
        const chosen = typeof given === 'string' ? given : given.value;
        if (!offered.includes(chosen)) throw new Error(`"${blockId}" offers no option ${chosen} (it offers ${offered.join(', ')})`);
      }
      values[blockId] = { [String(element.action_id)]: stateValue(element, given) };
    }
    view.state = { values };
    const payload = { type: 'view_submission', ...this.#common(input.user), trigger_id: this.#store.app.issueTrigger(input.user), view: viewJson(view), response_urls: [] };
    const deliveries = await this.deliver('interactive', payload, options);
    const first = deliveries.find((d) => d.acked);
    const answer = first?.response as { response_action?: string; view?: Record<string, unknown> } | undefined;
    if (first && answer?.response_action === 'update' && answer.view) {
      Object.assign(view, { blocks: answer.view.blocks, title: answer.view.title, submit: answer.view.submit, private_metadata: answer.view.private_metadata ?? '', hash: this.#store.app.newHash() });
    } else if (first && answer?.response_action !== 'errors' && answer?.response_action !== 'push') {
      view.closed = true;
    }
    return deliveries;
  }

  /** Types into an external_select of an open view: the options the app answers with. */
  async suggest(input: { user: string; viewId: string; actionId: string; value: string }, options: DeliveryOptions = {}): Promise<Delivery[]> {
    const view = this.#store.app.views.get(input.viewId);
    if (!view || view.closed) throw new Error(`view ${input.viewId} is not open`);
    const found = findElement(view.blocks, input.actionId);
    if (!found || found.element.type !== 'external_select') throw new Error(`view ${input.viewId} has no external_select ${input.actionId}`);
    const min = typeof found.element.min_query_length === 'number' ? found.element.min_query_length : 3;
    if (input.value.length < min) return [];
    const payload = {
      type: 'block_suggestion',
      ...this.#common(input.user),
      container: { type: 'view', view_id: view.id },
      view: viewJson(view),
      action_id: input.actionId,
      block_id: found.blockId,
      value: input.value,
    };
    return this.deliver('interactive', payload, options);
  }

  /** Runs a slash command as `user` (in their DM with the app unless a channel is given). */
  async command(input: { user: string; command: string; text?: string; channel?: string }, options: DeliveryOptions = {}): Promise<Delivery[]> {
    const user = this.#userRef(input.user);
    const team = this.#team(input.user);
    const enterprise = this.#store.enterprise;
    const channel = input.channel ?? dmChannelOf(input.user);
    // Every field a string, as Slack's form (and the Socket Mode JSON) carries them.
    const payload: Record<string, string> = {
      token: DEFAULT_APP.verificationToken,
      team_id: team.id,
      team_domain: team.domain,
      ...(enterprise ? { enterprise_id: enterprise.id, enterprise_name: enterprise.name } : {}),
      channel_id: channel,
      channel_name: channel.startsWith('D') ? 'directmessage' : (this.#store.channels.get(channel)?.name ?? 'unknown'),
      user_id: String(user.id),
      user_name: String(user.name),
      command: input.command,
      text: input.text ?? '',
      api_app_id: this.#store.app.appId,
      is_enterprise_install: 'false',
      response_url: `${this.#origin}/_simulator/app/response-url/commands/${randomBytes(6).toString('hex')}`,
      trigger_id: this.#store.app.issueTrigger(input.user),
    };
    return this.deliver('slash_commands', payload, options);
  }

  /** Delivers an Events API event (`event_callback`), e.g. `team_join`, as Slack wraps it. */
  async event(event: Record<string, unknown>, options: DeliveryOptions & { teamId?: string } = {}): Promise<Delivery[]> {
    const bot = [...this.#store.tokens.values()].find((t) => t.kind === 'bot');
    const teamId = options.teamId ?? bot?.teamId ?? [...this.#store.workspaces.keys()][0] ?? '';
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      token: DEFAULT_APP.verificationToken,
      team_id: teamId,
      ...(this.#store.enterprise ? { enterprise_id: this.#store.enterprise.id } : {}),
      api_app_id: this.#store.app.appId,
      event: { event_ts: `${(Date.now() / 1000).toFixed(6)}`, ...event },
      type: 'event_callback',
      event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
      event_time: now,
      authorizations: [{ enterprise_id: this.#store.enterprise?.id ?? null, team_id: teamId, user_id: bot?.userId ?? '', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      context_team_id: teamId,
      context_enterprise_id: this.#store.enterprise?.id ?? null,
    };
    return this.deliver('events_api', payload, options);
  }

  /** `user` opens the app's Home tab. */
  async openHome(user: string, options: DeliveryOptions = {}): Promise<Delivery[]> {
    const current = this.homeOf(user);
    return this.event({ type: 'app_home_opened', user, channel: dmChannelOf(user), tab: 'home', ...(current ? { view: viewJson(current) } : {}) }, { ...options, teamId: this.#team(user).id });
  }

  // ---- what people see ----------------------------------------------------------------------

  /** Messages the app posted in its DM with `user`, oldest first. */
  messagesTo(user: string): PostedMessage[] {
    const channel = dmChannelOf(user);
    return this.#store.messages.filter((m) => m.channel === channel);
  }

  ephemeralsFor(user: string): EphemeralMessage[] {
    return this.#store.app.ephemerals.filter((m) => m.user === user);
  }

  homeOf(user: string): StoredView | undefined {
    const id = this.#store.app.homes.get(user);
    return id ? this.#store.app.views.get(id) : undefined;
  }

  /** The modal on top of `user`'s stack, if one is open. */
  openModalOf(user: string): StoredView | undefined {
    return [...this.#store.app.views.values()].filter((v) => v.user === user && v.type === 'modal' && !v.closed).at(-1);
  }

  async close(): Promise<void> {
    for (const c of this.#connections) c.socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}

/** `v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>` keyed with the signing secret (api.slack.com/authentication/verifying-requests-from-slack). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Slack's HTTP bodies: JSON for events, a form for commands, `payload=<json>` for interactivity. */
export function httpBody(type: EnvelopeType, payload: Record<string, unknown>): { body: string; contentType: string } {
  if (type === 'events_api') return { body: JSON.stringify(payload), contentType: 'application/json' };
  if (type === 'slash_commands') return { body: new URLSearchParams(payload as Record<string, string>).toString(), contentType: 'application/x-www-form-urlencoded' };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

function messageJson(message: PostedMessage): Record<string, unknown> {
  return {
    type: 'message',
    user: message.user,
    ts: message.ts,
    text: message.text,
    ...(message.botId ? { bot_id: message.botId } : {}),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.edited ? { edited: message.edited } : {}),
  };
}

type Element = Record<string, unknown> & { type: string; action_id?: string };

/** An interactive element shown in these blocks (actions, section accessories, inputs). */
function findElement(blocks: unknown, actionId: string, value?: string): { element: Element; blockId: string; block: Record<string, unknown> } | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const raw of blocks) {
    const block = raw as Record<string, unknown>;
    const blockId = typeof block.block_id === 'string' ? block.block_id : randomBytes(3).toString('hex');
    const candidates = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory, block.element].filter(Boolean) as Element[];
    for (const element of candidates) {
      if (element.action_id === actionId && (value === undefined || element.value === value)) return { element, blockId, block };
    }
  }
  return undefined;
}

function stateValue(element: Record<string, unknown>, given: string | { value: string; text?: string } | null): Record<string, unknown> {
  const type = String(element.type);
  const text = given === null ? null : typeof given === 'string' ? given : given.value;
  const option = given === null ? null : { text: { type: 'plain_text', text: typeof given === 'string' ? given : (given.text ?? given.value), emoji: true }, value: text };
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: option };
    case 'users_select':
      return { type, selected_user: text };
    case 'conversations_select':
      return { type, selected_conversation: text };
    case 'datepicker':
      return { type, selected_date: text };
    case 'checkboxes':
      return { type, selected_options: option ? [option] : [] };
    default:
      return { type, value: text };
  }
}
