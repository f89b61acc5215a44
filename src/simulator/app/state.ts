import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The Slack side of an app's surface, as the simulator keeps it: the app's identity and
 * credentials, the views it opened or published, ephemeral messages, trigger ids it handed out,
 * and where to deliver what users do (a signed HTTP request URL, or Socket Mode connections).
 */

// Obviously fake, but shaped like Slack's: an app-level token and a hex signing secret.
export const DEFAULT_APP = {
  appId: 'A0SIMAPP001',
  appToken: 'xapp-1-A0SIMAPP001-000000000007-simulatorFakeAppToken0001',
  signingSecret: '5ca1ab1e0000000000000000simulator',
  /** The deprecated verification token Slack still puts in payloads. */
  verificationToken: 'simVerificationToken0001',
} as const;

/** How long a trigger_id may be exchanged for a view (Slack: 3 seconds, single use). */
export const TRIGGER_TTL_MS = 3000;

export interface EphemeralMessage {
  channel: string;
  user: string;
  text: string;
  blocks?: unknown;
  ts: string;
}

/** A view as Slack returns it (`views.open` and friends, and in payloads). */
export interface StoredView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  /** Whose modal or Home tab it is. */
  user: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: Record<string, unknown>[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, Record<string, unknown>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  /** Closed modals stay recorded for tests; Slack forgets them. */
  closed: boolean;
}

export class AppSurfaceState {
  appId: string = DEFAULT_APP.appId;
  readonly appTokens = new Set<string>([DEFAULT_APP.appToken]);
  signingSecret: string = DEFAULT_APP.signingSecret;
  readonly ephemerals: EphemeralMessage[] = [];
  readonly views = new Map<string, StoredView>();
  /** The Home tab view of each user. */
  readonly homes = new Map<string, string>();
  readonly #triggers = new Map<string, { user: string; issuedAt: number; used: boolean }>();
  /** Socket Mode tickets from apps.connections.open: each URL connects once. */
  readonly tickets = new Set<string>();
  #viewCounter = 0;
  #ephemeralCounter = 0;

  reset(): void {
    this.ephemerals.length = 0;
    this.views.clear();
    this.homes.clear();
    this.#triggers.clear();
    this.tickets.clear();
  }

  /** A trigger_id as Slack hands out with each interaction: `<digits>.<digits>.<hex>`. */
  issueTrigger(user: string): string {
    const id = `${Date.now()}.${Math.floor(Math.random() * 1e12)}.${randomBytes(16).toString('hex')}`;
    this.#triggers.set(id, { user, issuedAt: Date.now(), used: false });
    return id;
  }

  /** Exchanges a trigger for a view: Slack's error code when it cannot be. */
  useTrigger(id: string | undefined): { user: string } | string {
    const trigger = id === undefined ? undefined : this.#triggers.get(id);
    if (!trigger) return 'invalid_trigger_id';
    if (trigger.used) return 'exchanged_trigger_id';
    if (Date.now() - trigger.issuedAt > TRIGGER_TTL_MS) return 'expired_trigger_id';
    trigger.used = true;
    return { user: trigger.user };
  }

  nextViewId(): string {
    this.#viewCounter += 1;
    return `V0SIM${String(this.#viewCounter).padStart(6, '0')}`;
  }

  newHash(): string {
    return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  postEphemeral(message: Omit<EphemeralMessage, 'ts'>): EphemeralMessage {
    this.#ephemeralCounter += 1;
    const stored = { ...message, ts: `${Math.floor(Date.now() / 1000)}.${String(this.#ephemeralCounter).padStart(6, '0')}` };
    this.ephemerals.push(stored);
    return stored;
  }

  newTicket(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return ticket;
  }
}
