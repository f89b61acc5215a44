import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { ApprovalMessenger } from '../access/notifications.ts';
import type { DB } from '../db/schema.ts';
import { systemClock, type Clock } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';
import type { Logger } from '../log.ts';
import type { SlackConnection } from '../slack/connection.ts';
import { approvalMessenger, registerApprovals } from './approvals.ts';
import { registerCommand } from './command.ts';
import type { SlackAppContext, SlackAppServices } from './context.ts';
import { publishHome, registerHome } from './home.ts';
import { noticeHandlers, sweepNotices } from './notices.ts';
import { createSlackTransport, type SlackTransport, type SlackTransportKind } from './transport.ts';


export interface SlackAppOptions {
  db: Kysely<DB>;
  logger: Logger;
  connection: SlackConnection;
  botToken: string;
  apiUrl: string;
  appToken?: string;
  signingSecret?: string;
  slashCommand?: string;
  reminderLeadsSeconds?: number[];
  reviewReminderSeconds?: number;
  now?: Clock;
  /** How often reminders and review notices are looked for (default a minute; 0: only by `sweep()`). */
  sweepMs?: number;
  countDelivery?: (transport: SlackTransportKind, outcome: string) => void;
  clientPingTimeoutMs?: number;
}

/**
 * The Slack app surface (`@slack/bolt`): approvals with buttons, requests from the slash
 * command's modal, App Home, expiry reminders and review notices, over Socket Mode and/or
 * signed HTTP. Built in two steps because requests and reviews need its messenger and jobs,
 * and its listeners need them: create, hand `messenger`/`jobHandlers` to governance, `attach`.
 */
export interface SlackApp {
  transports: SlackTransportKind[];
  messenger: ApprovalMessenger;
  jobHandlers: Record<string, JobHandler>;
  /** `/slack/events` on the gateway's port, with a signing secret. */
  handleHttp?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The transport and its Bolt app: where further listeners (Slack events for a live cache) register. */
  transport: SlackTransport;
  attach(services: SlackAppServices): void;
  /** Queues reminders and review notices that are due before the next sweep. */
  sweep(): Promise<number>;
  /** Resolves once no delivery is being handled. */
  idle(): Promise<void>;
  /** Re-renders one person's Home tab. */
  refreshHome(slackUserId: string): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const sweepMs = options.sweepMs ?? 60_000;
  const ctx: SlackAppContext = {
    db: options.db,
    logger: options.logger,
    connection: options.connection,
    now: options.now ?? systemClock,
    slashCommand: options.slashCommand ?? '/access',
    reminderLeadsSeconds: options.reminderLeadsSeconds ?? [86_400, 3_600],
    reviewReminderSeconds: options.reviewReminderSeconds ?? 86_400,
  };
  const transport = createSlackTransport({
    botToken: options.botToken,
    apiUrl: options.apiUrl,
    appToken: options.appToken,
    signingSecret: options.signingSecret,
    db: options.db,
    logger: options.logger,
    countDelivery: options.countDelivery,
    clientPingTimeoutMs: options.clientPingTimeoutMs,
  });
  let attached = false;
  let timer: NodeJS.Timeout | undefined;
  // Sweep ahead by two periods, so nothing falls between two sweeps.
  const sweep = () => sweepNotices(ctx, Math.max(sweepMs, 60_000) * 2);
  return {
    transports: transport.transports,
    messenger: approvalMessenger(ctx),
    jobHandlers: noticeHandlers(ctx),
    ...(transport.handleHttp ? { handleHttp: transport.handleHttp } : {}),
    transport,
    attach(services) {
      if (attached) return;
      attached = true;
      const refresh = (user: string) => publishHome(ctx, transport.app.client, user);
      registerApprovals(transport.app, ctx, services, refresh);
      registerCommand(transport.app, ctx, services);
      registerHome(transport.app, ctx, services);
    },
    sweep,
    idle: () => transport.idle(),
    refreshHome: (user) => publishHome(ctx, transport.app.client, user),
    async start() {
      await transport.start();
      if (sweepMs > 0) {
        timer = setInterval(() => void sweep().catch((error: Error) => options.logger.warn({ err: error.message }, 'Slack notice sweep failed; retrying at the next one')), sweepMs);
        timer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      await transport.stop();
    },
  };
}
