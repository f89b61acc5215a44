import type { AddressInfo } from 'node:net';
import { SlackAdminUi } from './adminUi.ts';
import { DEFAULT_APP } from './app/state.ts';
import { SimulatedAppSurface } from './app/surface.ts';
import { SimulatorControl } from './control.ts';
import { SimulatedEvents } from './events.ts';
import { buildStore, DEFAULT_TOKENS, type SeedOptions } from './seed.ts';
import { createSimulatorServer } from './server.ts';
import type { SlackPlan, SlackStore } from './store.ts';

export type { SlackPlan } from './store.ts';
export type { Fault, CallRecord, ServerTime } from './control.ts';
export { SimulatorControl } from './control.ts';
export { SimulatedEvents, SLACK_RETRY_DELAYS_MS, type EventEnvelope, type EventTarget } from './events.ts';
export { SlackAdminUi } from './adminUi.ts';
export { SimulatedAppSurface, slackSignature, type Delivery, type DeliveryOptions } from './app/surface.ts';
export { DEFAULT_APP } from './app/state.ts';
export { SlackStore, DEFAULT_BEHAVIOUR, type SimulatorBehaviour, type User, type UserGroup, type Channel, type Workspace, type TokenInfo } from './store.ts';
export { DEFAULT_TOKENS, BOT_SCOPES, ADMIN_USER_SCOPES, ORG_ADMIN_SCOPES } from './seed.ts';

export interface SimulatorOptions {
  plan?: SlackPlan; // default 'business-plus'
  org?: 'generated' | 'demo'; // default 'generated'
  seed?: number;
  users?: number;
  workspaces?: number;
  userGroups?: number;
  idpGroups?: number;
  channels?: number;
  botToken?: string;
  adminToken?: string;
  enterpriseToken?: string;
  /** Enforce Slack's per-method tiers and SCIM budgets (off by default, so unit tests never wait). */
  rateLimits?: boolean;
  /** A Slack minute lasts 60/N seconds. */
  timeScale?: number;
  port?: number; // default 0 (ephemeral)
  host?: string; // default 127.0.0.1
}

export interface RunningSimulator {
  origin: string;
  /** `${origin}/api/` — pass as `slackApiUrl` to @slack/web-api. */
  apiUrl: string;
  /** `${origin}/scim/v2/`, or `/scim/v1/` for gov. */
  scimUrl: string;
  tokens: { bot: string; admin: string; enterprise?: string };
  plan: SlackPlan;
  /** The in-memory organization; tests may inspect and change it directly. Stays the same object across `control.reset()`. */
  store: SlackStore;
  /** Faults, call counts and log, behaviours, SCIM locks, rate limits, reset and dump. */
  control: SimulatorControl;
  /** The Events API: where events go (`enable`), faults, what was sent. Off until enabled. */
  events: SimulatedEvents;
  /** What an admin does in Slack's UI (the changes emit events). */
  adminUi: SlackAdminUi;
  /** The Slack app surface: Socket Mode, signed HTTP deliveries, clicks and submissions as a person. */
  app: SimulatedAppSurface;
  close(): Promise<void>;
}

const PLANS: readonly SlackPlan[] = ['pro', 'business-plus', 'grid', 'gov'];

export function seedOptionsOf(options: SimulatorOptions): SeedOptions {
  const plan = options.plan ?? 'business-plus';
  if (!PLANS.includes(plan)) throw new Error(`unknown plan ${String(plan)}; expected one of ${PLANS.join(', ')}`);
  const grid = plan === 'grid' || plan === 'gov';
  return {
    plan,
    org: options.org ?? 'generated',
    seed: options.seed ?? 1,
    ...(options.users !== undefined ? { users: options.users } : {}),
    ...(options.workspaces !== undefined ? { workspaces: options.workspaces } : {}),
    ...(options.userGroups !== undefined ? { userGroups: options.userGroups } : {}),
    ...(options.idpGroups !== undefined ? { idpGroups: options.idpGroups } : {}),
    ...(options.channels !== undefined ? { channels: options.channels } : {}),
    tokens: {
      bot: options.botToken ?? DEFAULT_TOKENS.bot,
      admin: options.adminToken ?? DEFAULT_TOKENS.admin,
      ...(grid ? { enterprise: options.enterpriseToken ?? DEFAULT_TOKENS.enterprise } : {}),
    },
  };
}

/** Starts the simulator on `host:port` (an ephemeral port by default) and resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seedOptions = seedOptionsOf(options);
  const store = buildStore(seedOptions);
  const reset = (): void => store.replaceContents(buildStore(seedOptions));
  const control = new SimulatorControl(() => store, reset, options.rateLimits ?? false, options.timeScale ?? 1);
  const app = new SimulatedAppSurface(store);
  const botUserId = store.token(seedOptions.tokens.bot)?.userId ?? '';
  const events = new SimulatedEvents(store, { appId: store.app.appId, verificationToken: DEFAULT_APP.verificationToken, botUserId });
  const adminUi = new SlackAdminUi(store);
  const server = createSimulatorServer({ store, control, app, events: { events, adminUi } }, () => control.reset());
  // Clients keep connections alive; do not let an idle socket hold close() up.
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${shownHost}:${address.port}`;
  const plan = seedOptions.plan;
  app.attach(server, origin);
  return {
    origin,
    apiUrl: `${origin}/api/`,
    scimUrl: `${origin}/scim/${plan === 'gov' ? 'v1' : 'v2'}/`,
    tokens: { bot: seedOptions.tokens.bot, admin: seedOptions.tokens.admin, ...(seedOptions.tokens.enterprise ? { enterprise: seedOptions.tokens.enterprise } : {}) },
    plan,
    store,
    control,
    events,
    adminUi,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        void app.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
