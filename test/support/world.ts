// One world for API and access tests: a private database of the file's backend, optionally a
// simulated Slack synced into it, the services the gateway runs (provisioning, requests,
// reviews), the gateway itself, and API clients with given scopes. A test file states only what
// is special about it:
//
//   const w = useWorld({ slack: { plan: 'business-plus', seed: 21, users: 80 } });
//   let reader: SlackgateClient;
//   beforeAll(async () => { reader = await w.client(['read']); });
//   it('...', async () => { const data = await reader.request(SomeDocument, { ... }); });
//
// Requests go through the gateway's Yoga instance (`yoga.fetch`): the same plugins, auth and
// resolvers as over HTTP, without a port. Tests of the network itself (HTTP, WebSocket, SSE
// over a socket, CORS, the token endpoint) call `w.listen()` for a real server. The gateway
// (and the GraphQL stack it loads) is made on first use: a file testing services alone never
// pays for it.
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createGovernance, type Governance, type GovernanceOptions } from '../../src/access/governance.ts';
import { createProvisioningService, type GatewayProvisioningService } from '../../src/access/provisioning/index.ts';
import { createClient, type ActAs, type ClientLimits } from '../../src/auth/clients.ts';
import type { Scope } from '../../src/auth/scopes.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import { SlackgateClient, type SlackgateClientOptions } from '../../src/client/index.ts';
import { createEventBusFor, type EventBus } from '../../src/events/bus.ts';
import type { GatewayServices } from '../../src/graphql/context.ts';
import type { Gateway, GatewayDeps, RunningServer } from '../../src/server.ts';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.ts';
import type { SlackConnection } from '../../src/slack/connection.ts';
import { SyncEngine } from '../../src/sync/engine.ts';
import { silentLogger, type GraphQLResponse } from './clients.ts';
import { openTestDatabase, type TestDatabase } from './db.ts';
import { configFor, connectionFor } from './slack.ts';

export { silentLogger };

/** The base URL typed clients use for a gateway reached through `yoga.fetch` (no port behind it). */
export const IN_PROCESS_URL = 'http://gateway.test';

export interface WorldOptions {
  /** A simulated Slack organization, synced into the database before the file's tests. */
  slack?: SimulatorOptions;
  /** slackgate's Slack configuration for the simulator (which tokens it has). */
  slackConfig?: Parameters<typeof configFor>[1];
  /** Changes to the simulated organization before the first sync. */
  beforeSync?: (sim: RunningSimulator) => void | Promise<void>;
  /** Share of accounts a sync may delete before it refuses (default 0.9). */
  deletionThreshold?: number;
  /** Start the governance job worker (provisioning of approved requests, expiry, notifications). */
  worker?: boolean;
  /** The governance's clock, pending-request lifetime, worker id. */
  governance?: Partial<Pick<GovernanceOptions, 'now' | 'pendingTtlSeconds' | 'workerId' | 'pollMs' | 'leaseMs'>>;
  /** Services the gateway gets besides (or instead of) the world's own. */
  services?: (w: World) => Partial<GatewayServices>;
  /** Other gateway settings (token lifetimes, production mode, CORS, budgets, metrics, ...). */
  gateway?: Partial<Omit<GatewayDeps, 'database' | 'bus' | 'services'>>;
  /** Every SQL statement the database runs (for tests that count them). */
  onQuery?: (event: LogEvent) => void;
}

/** How an API client is created besides its scopes (defaults: a name from the scopes, acting for anyone). */
export interface ClientSettings extends ClientLimits {
  name?: string;
  /** `self`: the client acts only for `account`. */
  actAs?: ActAs;
  account?: string;
}

export interface ApiClientCredentials {
  clientId: string;
  secret: string;
  token: string;
}

export interface World extends Omit<TestDatabase, 'url'> {
  /** Postgres URL of the file's database (Postgres backend only). */
  databaseUrl?: string;
  /** The simulated Slack (only with `slack`). */
  readonly sim: RunningSimulator;
  readonly connection: SlackConnection;
  readonly bus: EventBus;
  readonly provisioning: GatewayProvisioningService;
  readonly governance: Governance;
  /** The gateway, once made (by client, graphql, fetch or listen; read it after one of them). */
  readonly gateway: Gateway;
  /** fetch served by the gateway's Yoga instance (GraphQL at /graphql), no port. */
  fetch: typeof fetch;
  /** Runs a full sync from the simulator and waits for it to succeed. */
  sync(): Promise<void>;
  /** A new API client with these scopes, and a bearer token for it. */
  apiClient(scopes: Scope[], settings?: ClientSettings): Promise<ApiClientCredentials>;
  /** A bearer token of a new API client with these scopes. */
  token(scopes: Scope[]): Promise<string>;
  /**
   * The typed client (slackgate/client) of a new API client with these scopes, through
   * `yoga.fetch`; with `over: server`, through that server's HTTP with client credentials.
   */
  client(scopes: Scope[], options?: Partial<SlackgateClientOptions> & ClientSettings & { over?: RunningServer }): Promise<SlackgateClient & { clientId: string }>;
  /** An untyped operation through `yoga.fetch`: for documents codegen must not see (invalid, hostile, built at run time). */
  // Tests read nested response data freely; `any` keeps assertions short where the shape is asserted anyway.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  graphql<T = Record<string, any>>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A real HTTP server for the gateway (one per file, closed after it), for tests of the network. */
  listen(): Promise<RunningServer>;
  /**
   * Another gateway on the same database and bus with other settings (production mode, no
   * services, another database...), reached through its own `yoga.fetch`; closed after the file.
   */
  otherGateway(deps: Partial<GatewayDeps>): Promise<InProcessGateway>;
}

/** A gateway reached without a port. */
export interface InProcessGateway {
  gateway: Gateway;
  fetch: typeof fetch;
  graphql: World['graphql'];
}

/** fetch and raw GraphQL served by a gateway's Yoga instance. */
export function inProcess(gateway: () => Gateway | Promise<Gateway>): Omit<InProcessGateway, 'gateway'> {
  // Yoga's fetch takes what the global one takes (its overloads add a server context).
  const fetchIt = (async (input: RequestInfo | URL, init?: RequestInit) => ((await gateway()).yoga.fetch as (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>)(input, init)) as typeof fetch;
  return {
    fetch: fetchIt,
    async graphql(token, query, variables) {
      const res = await fetchIt(`${IN_PROCESS_URL}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] } as never;
    },
  };
}

/**
 * Registers the world of the current test file: built before all its tests, torn down after.
 * Properties are read inside tests and hooks (they do not exist when the file is loaded).
 */
export function useWorld(options: WorldOptions = {}): World {
  let opened: (TestDatabase & { drop(): Promise<void> }) | undefined;
  let sim: RunningSimulator | undefined;
  let connection: SlackConnection | undefined;
  let ssoEnabled = false;
  let bus: EventBus | undefined;
  let provisioning: GatewayProvisioningService | undefined;
  let governance: Governance | undefined;
  let gateway: Gateway | undefined;
  let server: Promise<RunningServer> | undefined;

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the world has no ${what}${what === 'simulator' || what === 'Slack connection' ? ' (give useWorld a `slack` option)' : ''}; read it inside a test or hook`);
    return value;
  };
  // The gateway is made when first used; its module (the schema, Yoga) is loaded only then.
  let making: Promise<Gateway> | undefined;
  const serverModule = () => import('../../src/server.ts');
  const makeGateway = (): Promise<Gateway> =>
    (making ??= serverModule().then(({ createGateway }) => {
      const database = need(opened, 'database');
      const own: GatewayServices = provisioning && governance ? { provisioning, requests: governance.requests, reviews: governance.reviews } : {};
      gateway = createGateway({ logger: silentLogger, ...options.gateway, database: database.database, bus: world.bus, services: { ...own, ...options.services?.(world) } });
      return gateway;
    }));
  const db = () => need(opened, 'database').db;

  const own = inProcess(makeGateway);
  const yogaFetch = own.fetch;
  const others: Gateway[] = [];

  const world: World = {
    get database() {
      return need(opened, 'database').database;
    },
    get db() {
      return db();
    },
    get backend() {
      return need(opened, 'database').backend;
    },
    get databaseUrl() {
      return opened?.url;
    },
    get sim() {
      return need(sim, 'simulator');
    },
    get connection() {
      return need(connection, 'Slack connection');
    },
    get bus() {
      return need(bus, 'event bus');
    },
    get provisioning() {
      return need(provisioning, 'provisioning service (it needs `slack`)');
    },
    get governance() {
      return need(governance, 'governance (it needs `slack`)');
    },
    get gateway() {
      return need(gateway, 'gateway');
    },
    fetch: yogaFetch,
    async sync() {
      const engine = new SyncEngine({ database: world.database, connection: world.connection, ssoEnabled, deletionThreshold: options.deletionThreshold ?? 0.9 });
      const run = await engine.waitFor((await engine.start({ trigger: 'MANUAL' })).id);
      await engine.close();
      if (run.status !== 'SUCCEEDED') throw new Error(`sync ended ${run.status}: ${run.error}`);
    },
    async apiClient(scopes, settings = {}) {
      const { name, ...rest } = settings;
      const { client, secret } = await createClient(db(), { name: name ?? `test ${scopes.join('+')}`, scopes, ...rest, actor: { label: 'test' } });
      const token = await issueToken(db(), client);
      return { clientId: client.id, secret, token: token.accessToken };
    },
    async token(scopes) {
      return (await world.apiClient(scopes)).token;
    },
    async client(scopes, clientOptions = {}) {
      const { trustedOnly, costBudgetPerMinute, name, actAs, account, over, ...rest } = clientOptions;
      const { client, secret } = await createClient(db(), { name: name ?? `typed ${scopes.join('+')}`, scopes, trustedOnly, costBudgetPerMinute, actAs, account, actor: { label: 'test' } });
      if (!over) await makeGateway();
      const typed = over
        ? new SlackgateClient({ url: over.url, clientId: client.id, clientSecret: secret, ...rest })
        : new SlackgateClient({ url: IN_PROCESS_URL, token: async () => (await issueToken(db(), client)).accessToken, fetch: yogaFetch, ...rest });
      return Object.assign(typed, { clientId: client.id });
    },
    graphql: own.graphql,
    listen() {
      server ??= Promise.all([makeGateway(), serverModule()]).then(([g, { listen }]) => listen(g, { port: 0, host: '127.0.0.1' }));
      return server;
    },
    async otherGateway(deps) {
      const { createGateway } = await serverModule();
      const other = createGateway({ logger: silentLogger, database: world.database, bus: world.bus, ...deps });
      others.push(other);
      return { gateway: other, ...inProcess(() => other) };
    },
  };

  beforeAll(async () => {
    opened = await openTestDatabase({ onQuery: options.onQuery });
    bus = await createEventBusFor(opened.database, { url: opened.url });
    if (options.slack) {
      sim = await startSimulator(options.slack);
      await options.beforeSync?.(sim);
      const config = configFor(sim, options.slackConfig);
      ssoEnabled = config.slack.ssoEnabled;
      connection = connectionFor(config);
      await world.sync();
      provisioning = createProvisioningService({ database: opened.database, connection, bus });
      governance = createGovernance({ db: opened.db, provisioning, connection, bus, ...options.governance });
      if (options.worker) await governance.start();
    }
  });

  afterAll(async () => {
    await (await server?.catch(() => undefined))?.close();
    await gateway?.close();
    for (const other of others) await other.close();
    await governance?.stop();
    await bus?.close();
    await sim?.close();
    await opened?.drop();
  });

  return world;
}
