import { randomBytes } from 'node:crypto';
import { withExpiryScheduling } from './access/expiry.ts';
import { createProvisioningService } from './access/provisioning/index.ts';
import { ensureBootstrapClient } from './auth/clients.ts';
import { Secret, type Config } from './config.ts';
import type { Database } from './db/createDb.ts';
import { createEventBusFor, type EventBus } from './events/bus.ts';
import { feedRetentionHandlers, schedulePruning } from './feed/retention.ts';
import { startSequencer } from './feed/sequencer.ts';
import { LiveCache } from './live/liveCache.ts';
import { registerLiveCacheMetrics } from './live/metrics.ts';
import { startOutsideGrantWatcher } from './live/outsideGrants.ts';
import { listenForLiveEvents } from './live/transport.ts';
import { createGovernance } from './access/governance.ts';
import type { Logger } from './log.ts';
import { countingProvisioningOutcomes, metrics as processMetrics, type Metrics } from './metrics.ts';
import { createGateway, listen, type RunningServer } from './server.ts';
import { CostBudgets } from './graphql/costBudget.ts';
import { readTrustedDocuments, type TrustedDocuments } from './graphql/trustedDocuments.ts';
import { SlackConnection } from './slack/connection.ts';
import { startSimulator, type RunningSimulator } from './simulator/index.ts';
import type { SlackApp } from './slackApp/index.ts';
import { SyncEngine } from './sync/engine.ts';
import { SyncScheduler } from './sync/scheduler.ts';
import type { SyncProgressEvent } from './sync/types.ts';
import { workerExecutor } from './sync/workerExecutor.ts';

/** A running `slackgate serve`: the API, the sync engine and its schedule, wired together. */
export interface Service {
  url: string;
  database: Database;
  bus: EventBus;
  connection: SlackConnection;
  sync: SyncEngine;
  /** The in-process Slack simulator when running in demo mode. */
  demo?: { simulator: RunningSimulator; clientId: string; clientSecret: string };
  metrics: Metrics;
  /** The Slack app surface, when an app token or a signing secret is set. */
  slackApp?: SlackApp;
  /**
   * Graceful stop: takes no new connections, stops scheduling, checkpoints a running sync and
   * releases its lock, ends subscriptions (WebSockets with 1001), lets in-flight requests finish.
   */
  close(): Promise<void>;
}

/** How long in-flight HTTP requests get to finish at shutdown before their connections are cut. */
export const REQUEST_DRAIN_MS = 5000;

export class ServiceConfigError extends Error {}

/**
 * With no Slack token, outside production, the gateway runs against the built-in simulator and
 * its demo organization, so a newcomer sees a working gateway in seconds.
 */
export async function demoSlack(config: Config): Promise<{ slack: Config['slack']; simulator: RunningSimulator }> {
  const simulator = await startSimulator({ plan: 'grid', org: 'demo', seed: 1 });
  return {
    simulator,
    slack: {
      ...config.slack,
      token: new Secret(simulator.tokens.bot),
      businessPlusToken: new Secret(simulator.tokens.admin),
      enterpriseToken: simulator.tokens.enterprise ? new Secret(simulator.tokens.enterprise) : undefined,
      ssoEnabled: true,
      govEnv: false,
      apiUrl: simulator.apiUrl,
      scimUrl: simulator.scimUrl,
    },
  };
}

export interface ServiceOptions {
  config: Config;
  database: Database;
  logger: Logger;
  metrics?: Metrics;
  /**
   * How long Slack's rate-limit minute lasts for pacing (default 60 000 ms). Only benchmarks
   * against a simulator without rate limits set 0, to measure the gateway rather than the tiers.
   */
  slackMinuteMs?: number;
}

export async function startService(options: ServiceOptions): Promise<Service> {
  const { config, database, logger } = options;
  const metrics = options.metrics ?? processMetrics;
  let trustedDocuments: TrustedDocuments | undefined;
  try {
    trustedDocuments = config.trustedDocumentsFile ? readTrustedDocuments(config.trustedDocumentsFile) : undefined;
  } catch (error) {
    throw new ServiceConfigError(`--trusted-documents: ${(error as Error).message}`);
  }
  let slack = config.slack;
  let demo: Service['demo'];
  if (!slack.token) {
    if (config.production) {
      throw new ServiceConfigError('--token (SLACKGATE_TOKEN) is required with NODE_ENV=production; without it slackgate would serve a simulated Slack');
    }
    const d = await demoSlack(config);
    slack = d.slack;
    const clientId = config.bootstrapClient?.id ?? 'demo-admin';
    const clientSecret = config.bootstrapClient?.secret.reveal() ?? `demo-${randomBytes(18).toString('base64url')}`;
    demo = { simulator: d.simulator, clientId, clientSecret };
  }

  if (config.bootstrapClient) {
    await ensureBootstrapClient(database.db, { id: config.bootstrapClient.id, secret: config.bootstrapClient.secret.reveal() });
    logger.info({ clientId: config.bootstrapClient.id }, 'bootstrap admin API client is ready');
  } else if (demo) {
    await ensureBootstrapClient(database.db, { id: demo.clientId, secret: demo.clientSecret });
  }

  // Subscriptions of every replica hear every event through Postgres LISTEN/NOTIFY.
  const bus = await createEventBusFor(database, {
    url: config.database.url?.reveal(),
    onError: (error) => logger.warn({ err: error.message }, 'event bus connection lost; reconnecting'),
  });
  // The change feed's rows get their sequence numbers as their transactions commit.
  const sequencer = startSequencer({ db: database.db, bus, logger });
  const connection = new SlackConnection({ slack, minuteMs: options.slackMinuteMs });
  const stopWatchingSlack = metrics.watchSlackCalls(connection.stats);
  // Grants and revokes go through the same connection (pacing, plan) as the sync.
  const provisioning = withExpiryScheduling(countingProvisioningOutcomes(createProvisioningService({ database, connection, bus, logger }), metrics), database.db);
  // The Slack app surface: its messenger and jobs go to governance, governance's services to it.
  const slackApp = await createSlackAppFor(config, slack, { database, connection, logger, metrics });
  // Requests, reviews, and the jobs worker that provisions, expires and notifies for them.
  const governance = createGovernance({
    db: database.db,
    provisioning,
    connection,
    bus,
    logger,
    pendingTtlSeconds: Math.round(config.requestTtlMs / 1000),
    ...(slackApp ? { slackApp: { messenger: slackApp.messenger, jobHandlers: slackApp.jobHandlers } } : {}),
    // The change feed is kept for --change-feed-retention; the worker prunes it hourly.
    jobHandlers: feedRetentionHandlers({ db: database.db, retentionMs: config.changeFeedRetentionMs, logger }),
  });
  slackApp?.attach({ requests: governance.requests, reviews: governance.reviews });
  const publish = (event: SyncProgressEvent) => {
    metrics.observeSync(event);
    void bus.publish('syncProgress', event).catch((error: Error) => logger.warn({ err: error.message }, 'progress event not published'));
  };
  // The live cache: Slack's events queued and applied, and access granted outside slackgate watched.
  const liveCache = new LiveCache({ db: database.db, logger, observer: registerLiveCacheMetrics(metrics.registry, () => database.db) });
  const liveTransports: string[] = slackApp ? [...slackApp.transports] : [];
  if (slackApp) listenForLiveEvents(slackApp.transport, liveCache);
  const outsideGrants = startOutsideGrantWatcher({ db: database.db, bus, provisioning, connection, logger });
  const sync = new SyncEngine({
    database,
    connection,
    ssoEnabled: slack.ssoEnabled,
    deletionThreshold: config.deletionThreshold,
    publish,
    logger,
    // On Postgres a sync runs in a worker thread with its own small pool, off the API's event
    // loop; the embedded PGlite lives in this process, so there it runs here.
    executor:
      database.backend === 'postgres' && config.database.url
        ? workerExecutor({
            database,
            databaseUrl: config.database.url.reveal(),
            slack,
            minuteMs: options.slackMinuteMs,
            ssoEnabled: slack.ssoEnabled,
            deletionThreshold: config.deletionThreshold,
            log: config.log,
            publish,
            stats: connection.stats,
            logger,
          })
        : undefined,
  });
  const gateway = createGateway({
    database,
    logger,
    bus,
    services: {
      sync,
      provisioning,
      requests: governance.requests,
      reviews: governance.reviews,
      liveCache: { state: async () => ({ ...(await liveCache.state()), transports: liveTransports }) },
    },
    production: config.production,
    metrics,
    syncIntervalMs: config.syncIntervalMs,
    trustedDocuments,
    costBudgets: new CostBudgets(config.defaultCostBudget),
    slackEvents: slackApp?.handleHttp,
    corsOrigins: config.http.corsOrigins,
    graphiql: demo ? { demoClient: { id: demo.clientId, secret: demo.clientSecret } } : undefined,
  });
  let server: RunningServer;
  try {
    server = await listen(gateway, config.http);
  } catch (error) {
    sequencer.stop();
    await outsideGrants.stop();
    await bus.close();
    await demo?.simulator.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ServiceConfigError(`port ${config.http.port} on ${config.http.host} is already in use; set PORT (or --port) to a free port, or stop what listens there`);
    if (code === 'EACCES') throw new ServiceConfigError(`port ${config.http.port} on ${config.http.host} needs privileges; set PORT (or --port) above 1023`);
    if (code === 'EADDRNOTAVAIL') throw new ServiceConfigError(`${config.http.host} is not an address of this machine; set HOST (or --host), e.g. 127.0.0.1 or 0.0.0.0`);
    throw new ServiceConfigError(`cannot listen on ${config.http.host}:${config.http.port}: ${(error as Error).message}; check PORT (--port) and HOST (--host)`);
  }

  // A sync a stopped replica left half-done continues from its checkpoints.
  await sync.resumeInterrupted();
  const scheduler = new SyncScheduler({ sync, db: database.db, intervalMs: config.syncIntervalMs, logger });
  await scheduler.start();
  await governance.start();
  await schedulePruning(database.db);
  liveCache.start();
  if (slackApp) {
    try {
      await slackApp.start();
    } catch (error) {
      // A refused app token is a configuration error: say so in one line and stop cleanly.
      scheduler.stop();
      await Promise.all([sync.close(), governance.stop(), liveCache.stop(), outsideGrants.stop()]);
      sequencer.stop();
      await server.close({ graceMs: 0 });
      await bus.close();
      await demo?.simulator.close();
      const reason = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      throw new ServiceConfigError(`cannot connect the Slack app over Socket Mode (--app-token): ${reason}`);
    }
    logger.info({ transports: slackApp.transports, slashCommand: config.slackApp.slashCommand }, 'Slack app surface is on');
  }
  if (demo && config.syncIntervalMs === 0) await sync.start({ trigger: 'STARTUP', requestedBy: 'demo' });

  return {
    url: server.url,
    database,
    bus,
    connection,
    sync,
    demo,
    metrics,
    slackApp,
    close: async () => {
      // Order matters: stop taking work first, then end the work, then what it depends on.
      server.stopAccepting();
      await slackApp?.stop();
      scheduler.stop();
      // Subscribers hear "going away" (WebSocket 1001, SSE cut), not "complete": the runs they
      // follow go on, and their clients reconnect to another replica. Meanwhile a run in progress
      // keeps its checkpoints, stays RUNNING and resumes on the next start (here or on another
      // replica); the sync lock is released when sync.close() returns.
      // A job in progress finishes; jobs not yet claimed wait in the database for any replica.
      await Promise.all([server.closeSubscriptions(), sync.close(), governance.stop(), liveCache.stop(), outsideGrants.stop()]);
      sequencer.stop();
      await bus.close();
      await server.close({ graceMs: REQUEST_DRAIN_MS });
      stopWatchingSlack();
      await demo?.simulator.close();
    },
  };
}

/** The app surface when configured; it needs the bot token for its messages and views. */
async function createSlackAppFor(config: Config, slack: Config['slack'], deps: { database: Database; connection: SlackConnection; logger: Logger; metrics: Metrics }): Promise<SlackApp | undefined> {
  const { appToken, signingSecret } = config.slackApp;
  if (!appToken && !signingSecret) return undefined;
  // Bolt (and the web framework under it) is loaded only when the app surface is on.
  const { createSlackApp } = await import('./slackApp/index.ts');
  if (!slack.token) throw new ServiceConfigError('the Slack app surface (--app-token / --signing-secret) also needs the bot token: set --token (SLACKGATE_TOKEN)');
  return createSlackApp({
    db: deps.database.db,
    logger: deps.logger,
    connection: deps.connection,
    botToken: slack.token.reveal(),
    apiUrl: slack.apiUrl,
    appToken: appToken?.reveal(),
    signingSecret: signingSecret?.reveal(),
    slashCommand: config.slackApp.slashCommand,
    reminderLeadsSeconds: config.slackApp.expiryRemindersMs.map((ms) => Math.round(ms / 1000)),
    reviewReminderSeconds: Math.round(config.slackApp.reviewReminderMs / 1000),
    countDelivery: (transport, outcome) => deps.metrics.slackAppDeliveries.inc({ transport, outcome }),
  });
}

/** The banner demo mode prints once, so nobody mistakes the simulation for their Slack. */
export function demoBanner(service: Service): string {
  if (!service.demo) return '';
  const { clientId, clientSecret } = service.demo;
  const line = '='.repeat(78);
  return [
    line,
    ' DEMO MODE: no Slack token is set, so slackgate is serving a SIMULATED Slack',
    ' organization (Lumen Robotics, Enterprise Grid). Nothing here touches real Slack.',
    ' Set SLACKGATE_TOKEN (and NODE_ENV=production) to connect your organization.',
    '',
    ` GraphQL API:   ${service.url}/graphql   (GraphiQL in a browser)`,
    ` Demo client:   id ${clientId}`,
    `                secret ${clientSecret}`,
    ' Get a token:',
    `   curl -s -X POST ${service.url}/oauth/token -d grant_type=client_credentials \\`,
    `        -u ${clientId}:${clientSecret}`,
    line,
    '',
  ].join('\n');
}
