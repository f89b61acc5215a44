import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel, SocketModeReceiver, verifySlackRequest, type App as BoltApp, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { BodyTooLarge, readBody } from '../httpBody.ts';


/**
 * How Slack reaches slackgate's app surface, and the one place every delivery comes through:
 *
 * - **Socket Mode** (an `xapp-` app-level token): slackgate dials out to Slack, no inbound port.
 * - **HTTP** at `/slack/events` on the gateway's own port (a signing secret): Slack's v0 signature
 *   is checked over the raw body, within 5 minutes, before anything is parsed.
 *
 * Both hand deliveries to one Bolt `App`, which acks them and dispatches to the listeners the
 * features register (`app.action`, `app.view`, `app.command`, `app.options`, `app.event`).
 * Bolt acknowledges an event before its listeners run, so an event that must not be lost (the
 * live cache's) is taken before Bolt sees it: the event sink (`sinkEvents`) writes it durably and
 * only then is it acknowledged. A write that fails or never ends (a crash) leaves the delivery
 * unacknowledged, and Slack delivers it again.
 */

/** Most Slack puts in one request (Bolt's bodyLimit). */
const BODY_LIMIT = 4 * 1024 * 1024;
/** Slack: a delivery more than five minutes old (or early) is refused as a possible replay. */
const SIGNATURE_WINDOW_SECONDS = 300;
/** Slack waits 3 s for an ack; answer first so it does not show the person an error. */
const ACK_DEADLINE_MS = 3000;
/** Taken delivery keys are kept this long: longer than Slack's last retry (~5 minutes). */
const DELIVERY_MEMORY_MS = 24 * 3_600_000;

export type SlackTransportKind = 'socket' | 'http';

/**
 * Takes an `event_callback` delivery durably, before it is acknowledged: `queued` (stored now),
 * `duplicate` (stored before: its event_id is known), or `ignored` (not this sink's: Bolt's
 * listeners get it). Throws when it could not store it; the delivery is then not acknowledged.
 */
export type EventSink = (body: Record<string, unknown>) => Promise<'queued' | 'duplicate' | 'ignored'>;

export interface SlackTransportOptions {
  botToken: string;
  apiUrl: string;
  appToken?: string;
  signingSecret?: string;
  db: Kysely<DB>;
  logger: Logger;
  /** Counts deliveries by transport and outcome (`accepted`, `duplicate`, `bad_signature`, `stale`, …). */
  countDelivery?: (transport: SlackTransportKind, outcome: string) => void;
  /** Socket Mode client tuning (tests shorten the reconnect delay). */
  clientPingTimeoutMs?: number;
}

export interface SlackTransport {
  /** The Bolt app: features register their listeners on it. */
  app: BoltApp;
  /** node:http handler for `/slack/events`; present when a signing secret is set. */
  handleHttp?: (req: IncomingMessage, res: ServerResponse) => void;
  transports: SlackTransportKind[];
  /** Where events go before they are acknowledged (the live cache's durable queue). */
  sinkEvents(sink: EventSink): void;
  /** Resolves once no delivery is being handled (listeners keep working after their ack). */
  idle(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Tokens Bolt's own lines may carry (payloads hold the legacy verification token). */
const SECRETS = [/\bx(?:ox[a-z]|app)-[\w-]+/g, /("token"\s*:\s*")[^"]*"/g, /(\btoken=)[^&\s]+/g];

export function scrubSecrets(text: string): string {
  return SECRETS.reduce((t, re) => t.replace(re, (_m, keep?: string) => (typeof keep === 'string' ? `${keep}[redacted]${keep.endsWith('"') ? '"' : ''}` : '[redacted]')), text);
}

/** Bolt's logger interface over ours; Bolt's debug chatter (payloads included) goes to trace. */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-app' });
  let level = LogLevel.INFO;
  const text = (args: unknown[]) => scrubSecrets(args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  return {
    debug: (...args) => child.trace(text(args)),
    info: (...args) => child.info(text(args)),
    warn: (...args) => child.warn(text(args)),
    error: (...args) => child.error(text(args)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * The key of a delivery that must be carried out once: an event's `event_id`, or the
 * interaction's `trigger_id` (one per click, submission or command). Suggestions
 * (block_suggestion) only read, and need an answer from whoever gets them: no key.
 */
export function deliveryKey(body: Record<string, unknown>): string | undefined {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (body.type === 'block_suggestion') return undefined;
  if (typeof body.trigger_id === 'string' && body.trigger_id !== '') return `${String(body.type ?? body.command ?? 'delivery')}:${body.trigger_id}`;
  return undefined;
}

/**
 * True for the first replica to take this delivery; every other one only acknowledges it.
 * Slack may hand one delivery to several replicas (an HTTP retry after a slow ack, or the same
 * payload over two Socket Mode connections).
 */
export async function claimDelivery(db: Kysely<DB>, key: string): Promise<boolean> {
  const row = await db.insertInto('slack_deliveries').values({ delivery_key: key }).onConflict((oc) => oc.column('delivery_key').doNothing()).returning('delivery_key').executeTakeFirst();
  return row !== undefined;
}

async function forgetOldDeliveries(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('slack_deliveries').where('received_at', '<', sql<Date>`now() - ${`${DELIVERY_MEMORY_MS} milliseconds`}::interval`).execute();
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly outcome: string,
    message: string,
  ) {
    super(message);
  }
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  try {
    return await readBody(req, BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new RequestError(413, 'too_large', error.message);
    throw error;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Slack's v0 request signature over the raw body, at most five minutes from now either way
 * (Bolt's own check only refuses old ones; an early timestamp is as suspicious as a late one).
 */
export function checkSignature(signingSecret: string, req: IncomingMessage, raw: string, nowMs = Date.now()): void {
  const timestampText = header(req, 'x-slack-request-timestamp');
  const signature = header(req, 'x-slack-signature');
  const timestamp = Number(timestampText);
  if (!timestampText || !signature || !Number.isInteger(timestamp)) throw new RequestError(401, 'unsigned', 'missing X-Slack-Signature or X-Slack-Request-Timestamp');
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) throw new RequestError(401, 'stale', 'timestamp more than 5 minutes from now (a replay, or a clock out of sync)');
  try {
    verifySlackRequest({ signingSecret, body: raw, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: nowMs });
  } catch {
    throw new RequestError(401, 'bad_signature', 'signature does not match the signing secret');
  }
}

/** Slack's three body shapes: JSON (events), a form (slash commands), `payload=<json>` (interactivity). */
function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  const type = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  try {
    if (type === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
      return Object.fromEntries(form.entries());
    }
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new RequestError(400, 'malformed', 'body is neither Slack JSON nor a Slack form');
  }
}

/** HTTP and Socket Mode, for one Bolt App. */
class GatewayReceiver implements Receiver {
  #app?: BoltApp;
  readonly #socket?: InstanceType<typeof SocketModeReceiver>;
  readonly #options: SlackTransportOptions;
  readonly #inFlight: InFlight;
  sink?: EventSink;

  constructor(options: SlackTransportOptions, logger: BoltLogger, inFlight: InFlight) {
    this.#options = options;
    this.#inFlight = inFlight;
    if (options.appToken) {
      this.#socket = new SocketModeReceiver({
        appToken: options.appToken,
        logger,
        installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } },
        customPropertiesExtractor: () => ({ transport: 'socket' }),
        ...(options.clientPingTimeoutMs ? { clientPingTimeout: options.clientPingTimeoutMs } : {}),
      });
    }
  }

  init(app: BoltApp): void {
    this.#app = app;
    // Socket Mode deliveries come through dispatch too. Bolt's receiver calls only processEvent.
    this.#socket?.init({ processEvent: (event: ReceiverEvent) => this.dispatch(event) } as unknown as BoltApp);
  }

  /**
   * Every delivery of either transport: events the sink takes are stored, then acknowledged, and
   * go no further; everything else is Bolt's (which acks it and runs the listeners). When the
   * sink throws nothing is acknowledged: over HTTP the answer is a 500, in Socket Mode no ack
   * (Bolt's default for an error), and Slack retries either way.
   */
  async dispatch(event: ReceiverEvent): Promise<void> {
    const body = event.body as Record<string, unknown>;
    if (this.sink && body.type === 'event_callback') {
      const transport = ((event.customProperties as Record<string, unknown> | undefined)?.transport as SlackTransportKind | undefined) ?? 'socket';
      this.#inFlight.enter();
      try {
        let outcome: Awaited<ReturnType<EventSink>>;
        try {
          outcome = await this.sink(body);
        } catch (error) {
          this.#options.countDelivery?.(transport, 'not_stored');
          this.#options.logger.warn({ err: (error as Error).message, transport }, 'a Slack event could not be stored; not acknowledged, so Slack delivers it again');
          throw error;
        }
        if (outcome !== 'ignored') {
          this.#options.countDelivery?.(transport, outcome === 'queued' ? 'accepted' : 'duplicate');
          await event.ack();
          return;
        }
      } finally {
        this.#inFlight.leave();
      }
    }
    await this.#app?.processEvent(event);
  }

  async start(): Promise<void> {
    await this.#socket?.start();
  }

  async stop(): Promise<void> {
    await this.#socket?.stop();
  }

  /** `/slack/events`: verify, parse, hand to Bolt, answer with its ack. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    const { signingSecret, logger, countDelivery } = this.#options;
    const reply = (status: number, body: unknown) => {
      if (res.headersSent) return;
      if (body === undefined || body === '') {
        res.writeHead(status).end();
      } else if (typeof body === 'string') {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
      } else {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      }
    };
    void (async () => {
      if (req.method !== 'POST') throw new RequestError(405, 'method', 'Slack posts to /slack/events');
      const raw = (await readRaw(req)).toString('utf8');
      checkSignature(signingSecret as string, req, raw);
      const body = parseBody(req, raw);
      if (body.ssl_check === '1') return reply(200, '');
      if (body.type === 'url_verification') return reply(200, { challenge: body.challenge });
      let acked = false;
      const deadline = setTimeout(() => {
        if (acked) return;
        acked = true;
        logger.warn({ type: body.type ?? body.command }, 'a Slack delivery was not acknowledged within 3 seconds');
        reply(404, '');
      }, ACK_DEADLINE_MS);
      const retryNum = Number(header(req, 'x-slack-retry-num'));
      const event: ReceiverEvent = {
        body,
        retryNum: Number.isFinite(retryNum) ? retryNum : undefined,
        retryReason: header(req, 'x-slack-retry-reason'),
        customProperties: { transport: 'http' },
        ack: async (response?: unknown) => {
          if (acked) return;
          acked = true;
          clearTimeout(deadline);
          reply(200, response ?? '');
        },
      };
      try {
        await this.dispatch(event);
      } catch (error) {
        logger.error({ err: (error as Error).message }, 'a Slack delivery failed');
        if (!acked) {
          acked = true;
          clearTimeout(deadline);
          reply(500, '');
        }
      }
    })().catch((error: unknown) => {
      if (error instanceof RequestError) {
        // Nothing about the body, and never the signature: the outcome and where it came from.
        countDelivery?.('http', error.outcome);
        logger.warn({ outcome: error.outcome, status: error.status, ip: req.socket.remoteAddress }, `refused a Slack delivery: ${error.message}`);
        reply(error.status, '');
        return;
      }
      logger.error({ err: (error as Error).message }, 'a Slack delivery failed');
      reply(500, '');
    });
  }
}

/** Deliveries being handled, and who waits for none. */
class InFlight {
  #n = 0;
  readonly #waiters: (() => void)[] = [];
  enter(): void {
    this.#n += 1;
  }
  leave(): void {
    this.#n -= 1;
    if (this.#n === 0) for (const resolve of this.#waiters.splice(0)) resolve();
  }
  idle(): Promise<void> {
    return this.#n === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.#waiters.push(resolve));
  }
}

export function createSlackTransport(options: SlackTransportOptions): SlackTransport {
  if (!options.appToken && !options.signingSecret) throw new Error('the Slack app surface needs an app token (Socket Mode) or a signing secret (HTTP)');
  const logger = boltLogger(options.logger);
  const inFlight = new InFlight();
  const receiver = new GatewayReceiver(options, logger, inFlight);
  const app = new App({ token: options.botToken, receiver, logger, clientOptions: { slackApiUrl: options.apiUrl, logger }, ignoreSelf: true });
  // The dispatch point: every delivery of either transport passes here first. A delivery another
  // replica already took is acknowledged and goes no further.
  app.use(async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    const transport = ((args.context as Record<string, unknown>).transport as SlackTransportKind | undefined) ?? 'socket';
    const key = deliveryKey(body);
    if (key && !(await claimDelivery(options.db, key))) {
      options.countDelivery?.(transport, 'duplicate');
      const ack = (args as unknown as { ack?: (r?: unknown) => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    options.countDelivery?.(transport, 'accepted');
    inFlight.enter();
    try {
      await args.next();
    } finally {
      inFlight.leave();
    }
  });
  app.error(async (error) => {
    options.logger.error({ err: error.message, code: (error as { code?: string }).code }, 'a Slack app listener failed');
  });
  let sweeper: NodeJS.Timeout | undefined;
  const transports: SlackTransportKind[] = [...(options.appToken ? (['socket'] as const) : []), ...(options.signingSecret ? (['http'] as const) : [])];
  return {
    app,
    transports,
    sinkEvents: (sink) => {
      receiver.sink = sink;
    },
    idle: () => inFlight.idle(),
    ...(options.signingSecret ? { handleHttp: (req: IncomingMessage, res: ServerResponse) => receiver.handle(req, res) } : {}),
    start: async () => {
      await forgetOldDeliveries(options.db);
      sweeper = setInterval(() => void forgetOldDeliveries(options.db).catch(() => {}), 3_600_000);
      sweeper.unref();
      await app.start();
    },
    stop: async () => {
      if (sweeper) clearInterval(sweeper);
      await app.stop();
    },
  };
}
