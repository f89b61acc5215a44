// The sync worker thread: runs one sync run with its own small pool and its own Slack
// connection, off the API's event loop, and reports progress and the final row to its parent
// (workerExecutor.ts). Bundled as dist/sync-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { Secret, type Config, type LogFormat, type LogLevel } from '../config.ts';
import type { SyncRun } from '../db/schema.ts';
import { createDb } from '../db/createDb.ts';
import { createLogger } from '../log.ts';
import { SlackConnection } from '../slack/connection.ts';
import { inSpan, startTracing } from '../telemetry.ts';
import { executeRun } from './engine.ts';
import type { SyncProgressEvent } from './types.ts';

/** What the parent sends at start: plain data only (tokens as strings, wrapped again here). */
export interface SyncWorkerData {
  run: SyncRun;
  databaseUrl: string;
  poolSize: number;
  slack: Omit<Config['slack'], 'token' | 'businessPlusToken' | 'enterpriseToken'> & { token?: string; businessPlusToken?: string; enterpriseToken?: string };
  minuteMs?: number;
  ssoEnabled: boolean;
  deletionThreshold: number;
  log: { level: LogLevel; format: LogFormat };
}

/** A Slack call the worker made, as SlackCallStats records it. */
export interface SlackCallRecord {
  method: string;
  outcome: 'ok' | 'rate_limited' | 'error';
  key?: string;
}

export type SyncWorkerMessage =
  | { type: 'progress'; event: SyncProgressEvent }
  | { type: 'slackCalls'; calls: SlackCallRecord[] }
  | { type: 'done'; run: SyncRun };

/** Slack calls are sent to the parent at most this often, all those made since together. */
const CALLS_EVERY_MS = 250;

const port = parentPort;
if (port) {
  const data = workerData as SyncWorkerData;
  const secret = (value: string | undefined) => (value === undefined ? undefined : new Secret(value));
  const slack: Config['slack'] = {
    ...data.slack,
    token: secret(data.slack.token),
    businessPlusToken: secret(data.slack.businessPlusToken),
    enterpriseToken: secret(data.slack.enterpriseToken),
  };
  const abort = new AbortController();
  port.on('message', (message: { type: string }) => {
    if (message.type === 'abort') abort.abort();
  });
  // A thread has its own tracer: its SQL and Slack calls are traced like the parent's, under one span.
  const tracing = await startTracing(process.env);
  const database = await createDb({ url: data.databaseUrl, poolSize: data.poolSize, applicationName: 'slackgate-sync' });
  const connection = new SlackConnection({ slack, minuteMs: data.minuteMs });
  // Each Slack call is counted by the parent too (its metrics and call statistics), in batches:
  // a message per call (a re-sync makes hundreds) was 4% of the thread's time in a profile.
  let calls: SlackCallRecord[] = [];
  let callsTimer: NodeJS.Timeout | undefined;
  const sendCalls = () => {
    clearTimeout(callsTimer);
    callsTimer = undefined;
    if (calls.length) port.postMessage({ type: 'slackCalls', calls } satisfies SyncWorkerMessage);
    calls = [];
  };
  connection.stats.listeners.add((method, outcome, key) => {
    calls.push({ method, outcome, key });
    callsTimer ??= setTimeout(sendCalls, CALLS_EVERY_MS);
  });
  try {
    const context = {
      database,
      connection,
      ssoEnabled: data.ssoEnabled,
      deletionThreshold: data.deletionThreshold,
      publish: (event: SyncProgressEvent) => port.postMessage({ type: 'progress', event } satisfies SyncWorkerMessage),
      logger: createLogger(data.log),
    };
    const run = await inSpan('sync run', () => ({ 'slackgate.sync_run': data.run.id }), 'internal', () => executeRun(data.run, context, abort.signal));
    sendCalls();
    port.postMessage({ type: 'done', run } satisfies SyncWorkerMessage);
  } finally {
    sendCalls();
    await database.close();
    await tracing?.shutdown();
    port.close();
  }
}
