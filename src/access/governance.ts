import type { Kysely } from 'kysely';
import { expiryHandlers, scheduleMissingExpiries } from './expiry.ts';
import { notificationHandlers, type ApprovalMessenger } from './notifications.ts';
import { RequestService } from './requests/index.ts';
import { ReviewService } from './reviews.ts';
import type { ProvisioningService } from './types.ts';
import type { DB } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log.ts';
import type { SlackConnection } from '../slack/connection.ts';
import { systemClock, type Clock } from '../jobs/queue.ts';
import { JobWorker, type JobHandler } from '../jobs/worker.ts';

export interface GovernanceOptions {
  db: Kysely<DB>;
  provisioning: ProvisioningService;
  /** For Slack DMs; without it notifications are skipped. */
  connection?: SlackConnection;
  bus?: EventBus;
  logger?: Logger;
  now?: Clock;
  pendingTtlSeconds?: number;
  pollMs?: number;
  leaseMs?: number;
  workerId?: string;
  /** The Slack app surface: interactive approval messages and its own jobs (reminders, review notices). */
  slackApp?: { messenger: ApprovalMessenger; jobHandlers: Record<string, JobHandler> };
  /** More kinds of job for the same worker (the change feed's pruning). */
  jobHandlers?: Record<string, JobHandler>;
}

/** Requests, reviews and the jobs worker that provisions, expires and notifies for them. */
export interface Governance {
  requests: RequestService;
  reviews: ReviewService;
  worker: JobWorker;
  /** Queues what may be missing (expiry jobs of older grants) and starts polling. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createGovernance(options: GovernanceOptions): Governance {
  const now = options.now ?? systemClock;
  const requests = new RequestService({ db: options.db, provisioning: options.provisioning, bus: options.bus, logger: options.logger, now, pendingTtlSeconds: options.pendingTtlSeconds });
  const reviews = new ReviewService({ db: options.db, requests, bus: options.bus, logger: options.logger, now });
  const worker = new JobWorker({
    db: options.db,
    logger: options.logger,
    now,
    pollMs: options.pollMs,
    leaseMs: options.leaseMs,
    workerId: options.workerId,
    handlers: {
      ...requests.jobHandlers(),
      ...expiryHandlers({ db: options.db, provisioning: options.provisioning, requests, bus: options.bus, logger: options.logger, now }),
      ...notificationHandlers({ db: options.db, connection: options.connection, logger: options.logger, messenger: options.slackApp?.messenger }),
      ...options.slackApp?.jobHandlers,
      ...options.jobHandlers,
    },
  });
  return {
    requests,
    reviews,
    worker,
    async start() {
      const queued = await scheduleMissingExpiries(options.db);
      if (queued > 0) options.logger?.info({ queued }, 'queued expiry of time-bound grants that had no expiry job');
      worker.start();
    },
    async stop() {
      await worker.stop();
    },
  };
}
