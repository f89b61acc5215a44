import { inspect } from 'node:util';

/**
 * A token or secret. It prints as `[redacted]` everywhere (string conversion, JSON, util.inspect,
 * pino), so a config object can be logged or thrown without leaking what it holds; `reveal()` is
 * the single, greppable way to read it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

/** Invalid configuration: one line that names the setting and how to fix it. */
export class ConfigError extends Error {
  constructor(
    readonly setting: SettingSpec,
    message: string,
  ) {
    super(`${setting.flag.split(" ")[0]} (${setting.env}): ${message}`);
    this.name = 'ConfigError';
  }
}

export type LogFormat = 'json' | 'pretty';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  slack: {
    /** Bot token (`xoxb-`): workspace Web API reads and user-group writes. */
    token?: Secret;
    /** User token with the `admin` scope: SCIM (Business+ and Grid). */
    businessPlusToken?: Secret;
    /** Grid org-level admin user token: `admin.*` methods. */
    enterpriseToken?: Secret;
    ssoEnabled: boolean;
    govEnv: boolean;
    /** Web API base URL, always ending in `/`. */
    apiUrl: string;
    /** SCIM base URL including the version, always ending in `/`. */
    scimUrl: string;
    /**
     * How long Slack's rate-limit minute lasts for the pacer: 60 000 ms against Slack, shorter
     * against a time-scaled stand-in, 0 (no pacing) against one that enforces no limits.
     */
    minuteMs?: number;
  };
  /** Admin API client created or updated at start. */
  bootstrapClient?: { id: string; secret: Secret };
  database: {
    /** Postgres connection string; unset means embedded PGlite in `dataDir`. */
    url?: Secret;
    dataDir: string;
  };
  http: {
    port: number;
    host: string;
    /** Browser origins allowed to call the API (CORS); empty: none, no CORS headers at all. */
    corsOrigins?: string[];
  };
  /** Service-mode full sync period in milliseconds; 0 disables scheduled syncs. */
  syncIntervalMs: number;
  /**
   * A sync whose user or member count drops by more than this fraction (or to zero) does not
   * apply its deletions and ends NEEDS_CONFIRMATION.
   */
  deletionThreshold: number;
  /** Pending access requests nobody decides are closed after this long (milliseconds). */
  requestTtlMs: number;
  /** How long the change feed keeps a change (milliseconds); older ones are pruned. */
  changeFeedRetentionMs: number;
  log: { level: LogLevel; format: LogFormat };
  production: boolean;
  /** Trusted-documents manifest file (hash -> document) added to the bundled client's. */
  trustedDocumentsFile?: string;
  /** Query cost an API client may spend per minute unless set for the client. */
  defaultCostBudget: number;
  /**
   * The Slack app surface (buttons, slash command, App Home, reminders): on with an app-level
   * token (Socket Mode) and/or a signing secret (HTTP at /slack/events); off with neither.
   */
  slackApp: {
    appToken?: Secret;
    signingSecret?: Secret;
    slashCommand: string;
    /** Expiry reminders this long before time-bound access ends (milliseconds); empty: none. */
    expiryRemindersMs: number[];
    /** Review reminders this long before a review is due (milliseconds); 0: none. */
    reviewReminderMs: number;
  };
}

type RawValue = string | boolean | undefined;

export interface SettingSpec {
  /** commander option key (camelCase of the flag). */
  key: string;
  /** The flag as shown in help, e.g. `--token <token>`. */
  flag: string;
  env: string;
  aliases: readonly string[];
  description: string;
  /** Default as shown in help; undefined means "unset". */
  defaultText?: string;
  secret: boolean;
  boolean: boolean;
}

const slackDefaults = {
  apiUrl: 'https://slack.com/api/',
  scimUrl: 'https://api.slack.com/scim/v2/',
  govApiUrl: 'https://slack-gov.com/api/',
  govScimUrl: 'https://api.slack-gov.com/scim/v1/',
};

function setting(
  key: string,
  flag: string,
  env: string,
  description: string,
  options: { aliases?: string[]; defaultText?: string; secret?: boolean; boolean?: boolean } = {},
): SettingSpec {
  return {
    key,
    flag,
    env,
    description,
    aliases: options.aliases ?? [],
    defaultText: options.defaultText,
    secret: options.secret ?? false,
    boolean: options.boolean ?? false,
  };
}

/** Every setting of the product, in the order `--help` and the README list them. */
export const SETTINGS = [
  setting('token', '--token <token>', 'SLACKGATE_TOKEN', 'Slack bot token (xoxb-): workspace Web API reads and user-group writes', {
    aliases: ['BATON_TOKEN'],
    secret: true,
  }),
  setting(
    'businessPlusToken',
    '--business-plus-token <token>',
    'SLACKGATE_BUSINESS_PLUS_TOKEN',
    'Slack user token with the admin scope: SCIM (Business+ and Grid)',
    { aliases: ['BATON_BUSINESS_PLUS_TOKEN'], secret: true },
  ),
  setting(
    'enterpriseToken',
    '--enterprise-token <token>',
    'SLACKGATE_ENTERPRISE_TOKEN',
    'Grid org-level admin user token: admin.* methods',
    { aliases: ['BATON_ENTERPRISE_TOKEN'], secret: true },
  ),
  setting('ssoEnabled', '--sso-enabled', 'SLACKGATE_SSO_ENABLED', 'sync and provision IdP (SCIM) groups', {
    aliases: ['BATON_SSO_ENABLED'],
    defaultText: 'false',
    boolean: true,
  }),
  setting('govEnv', '--gov-env', 'SLACKGATE_GOV_ENV', 'GovSlack hosts (slack-gov.com), SCIM v1, no IdP-group writes', {
    aliases: ['BATON_GOV_ENV'],
    defaultText: 'false',
    boolean: true,
  }),
  setting('slackApiUrl', '--slack-api-url <url>', 'SLACKGATE_SLACK_API_URL', 'Slack Web API base URL', {
    defaultText: `${slackDefaults.apiUrl} (Gov: ${slackDefaults.govApiUrl})`,
  }),
  setting('scimApiUrl', '--scim-api-url <url>', 'SLACKGATE_SCIM_API_URL', 'Slack SCIM base URL', {
    defaultText: `${slackDefaults.scimUrl} (Gov: ${slackDefaults.govScimUrl})`,
  }),
  setting('slackTimeScale', '--slack-time-scale <factor>', 'SLACKGATE_SLACK_TIME_SCALE', "for a Slack stand-in (the simulator): how much faster than Slack its rate-limit minute runs; 0 turns pacing off", {
    defaultText: '1',
  }),
  setting('clientId', '--client-id <id>', 'SLACKGATE_CLIENT_ID', 'bootstrap admin API client id, created or updated at start', {
    aliases: ['BATON_CLIENT_ID'],
  }),
  setting('clientSecret', '--client-secret <secret>', 'SLACKGATE_CLIENT_SECRET', 'bootstrap admin API client secret', {
    aliases: ['BATON_CLIENT_SECRET'],
    secret: true,
  }),
  setting('databaseUrl', '--database-url <url>', 'DATABASE_URL', 'Postgres connection URL; unset = embedded PGlite in --data-dir', {
    secret: true,
  }),
  setting('dataDir', '--data-dir <dir>', 'SLACKGATE_DATA_DIR', 'directory of the embedded PGlite database', {
    defaultText: './.slackgate',
  }),
  setting('port', '--port <port>', 'PORT', 'HTTP port of the GraphQL API', { defaultText: '4000' }),
  setting('host', '--host <host>', 'HOST', 'HTTP listen address', { defaultText: '127.0.0.1' }),
  setting('corsOrigins', '--cors-origins <origins>', 'SLACKGATE_CORS_ORIGINS', 'comma-separated browser origins allowed to call the API (CORS), e.g. https://portal.example.com; unset = none', {
    defaultText: 'none',
  }),
  setting('syncInterval', '--sync-interval <duration>', 'SLACKGATE_SYNC_INTERVAL', 'service-mode full sync period (e.g. 30m, 1h); 0 disables', {
    defaultText: '1h',
  }),
  setting(
    'deletionThreshold',
    '--deletion-threshold <fraction>',
    'SLACKGATE_DELETION_THRESHOLD',
    'a sync whose user or member count drops by more than this fraction waits for confirmation',
    { defaultText: '0.5' },
  ),
  setting('changeFeedRetention', '--change-feed-retention <duration>', 'SLACKGATE_CHANGE_FEED_RETENTION', 'how long the change feed (accessChanges, accessChanged) keeps a change; older ones are pruned (e.g. 7d, 90d)', {
    defaultText: '30d',
  }),
  setting('requestTtl', '--request-ttl <duration>', 'SLACKGATE_REQUEST_TTL', 'pending access requests nobody decides are closed after this long (e.g. 3d, 12h)', {
    defaultText: '7d',
  }),
  setting('trustedDocuments', '--trusted-documents <file>', 'SLACKGATE_TRUSTED_DOCUMENTS', "trusted-documents manifest (codegen's persisted-documents.json) added to the bundled client's"),
  setting('defaultCostBudget', '--default-cost-budget <n>', 'SLACKGATE_DEFAULT_COST_BUDGET', 'query cost an API client may spend per minute unless set for the client', {
    defaultText: '1000000',
  }),
  setting('appToken', '--app-token <token>', 'SLACKGATE_APP_TOKEN', 'Slack app-level token (xapp-): the Slack app surface over Socket Mode (no inbound port)', { secret: true }),
  setting(
    'signingSecret',
    '--signing-secret <secret>',
    'SLACKGATE_SIGNING_SECRET',
    "the Slack app's signing secret: the Slack app surface over HTTP at /slack/events (events, interactivity, slash commands)",
    { secret: true },
  ),
  setting('slashCommand', '--slash-command <command>', 'SLACKGATE_SLASH_COMMAND', 'the Slack app\'s slash command', { defaultText: '/access' }),
  setting('expiryReminders', '--expiry-reminders <durations>', 'SLACKGATE_EXPIRY_REMINDERS', 'Slack DMs this long before time-bound access ends (comma-separated; 0 for none)', {
    defaultText: '24h,1h',
  }),
  setting('reviewReminder', '--review-reminder <duration>', 'SLACKGATE_REVIEW_REMINDER', 'Slack DM to reviewers this long before a review is due; 0 for none', { defaultText: '24h' }),
  setting('logLevel', '--log-level <level>', 'LOG_LEVEL', `log level: ${LOG_LEVELS.join(', ')}`, { defaultText: 'info' }),
  setting('logFormat', '--log-format <format>', 'LOG_FORMAT', 'log format: json or pretty', { defaultText: 'json' }),
] as const satisfies readonly SettingSpec[];

/** The help line of a setting: what it means, where else it can come from, its default. */
export function describeSetting(spec: SettingSpec): string {
  const envs = [spec.env, ...spec.aliases].join(', ');
  const dflt = spec.defaultText === undefined ? '' : `; default ${spec.defaultText}`;
  return `${spec.description} [env ${envs}${dflt}]`;
}

function specOf(key: string): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === key);
  if (!spec) throw new Error(`unknown setting ${key}`);
  return spec;
}

/** flag > env > alias env > default. Empty environment values count as unset. */
function rawValue(spec: SettingSpec, flags: Record<string, RawValue>, env: NodeJS.ProcessEnv): RawValue {
  const fromFlag = flags[spec.key];
  if (fromFlag !== undefined) return fromFlag;
  for (const name of [spec.env, ...spec.aliases]) {
    const v = env[name];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function parseBoolean(spec: SettingSpec, raw: RawValue): boolean {
  if (raw === undefined) return false;
  if (typeof raw === 'boolean') return raw;
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new ConfigError(spec, `expected true or false, got "${raw}"`);
}

function parseHttpUrl(spec: SettingSpec, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(spec, `"${raw}" is not a URL; give an absolute http(s) URL such as ${slackDefaults.apiUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(spec, `"${raw}" must use http or https`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function parseSlackToken(spec: SettingSpec, raw: string): Secret {
  // Never echo the value: a mistyped token is still mostly a token.
  if (!/^xox[a-z]-\S+$/.test(raw.trim())) {
    throw new ConfigError(spec, 'does not look like a Slack token (expected xoxb-…, xoxp-… or similar, without spaces)');
  }
  return new Secret(raw.trim());
}

function parseDatabaseUrl(spec: SettingSpec, raw: string): Secret {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    // The URL may hold a password: say what is wrong without repeating it.
    throw new ConfigError(spec, 'is not a postgres:// URL; set it like postgres://user:password@host:5432/db, or unset it to use embedded PGlite');
  }
  return new Secret(raw);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `0`, `90s`, `30m`, `1h`, `1h30m`, `2d`. */
export function parseDurationMs(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let consumed = 0;
  for (const m of t.matchAll(re)) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] as string] as number);
    consumed += m[0].length;
  }
  return consumed === t.length && consumed > 0 ? Math.round(total) : undefined;
}

function str(raw: RawValue): string | undefined {
  return typeof raw === 'string' ? raw : undefined;
}

/**
 * Builds the one validated Config from parsed flags and the environment. Pure: tests call it
 * directly. Throws ConfigError naming the first bad setting.
 */
export function resolveConfig(flags: Record<string, RawValue>, env: NodeJS.ProcessEnv): Config {
  const get = (key: string): { spec: SettingSpec; raw: RawValue } => {
    const spec = specOf(key);
    return { spec, raw: rawValue(spec, flags, env) };
  };
  const token = (key: string): Secret | undefined => {
    const { spec, raw } = get(key);
    const v = str(raw);
    return v === undefined ? undefined : parseSlackToken(spec, v);
  };

  const slackToken = token('token');
  const businessPlusToken = token('businessPlusToken');
  const enterpriseToken = token('enterpriseToken');
  const sso = get('ssoEnabled');
  const ssoEnabled = parseBoolean(sso.spec, sso.raw);
  const gov = get('govEnv');
  const govEnv = parseBoolean(gov.spec, gov.raw);

  if (govEnv && !businessPlusToken) {
    throw new ConfigError(gov.spec, 'GovSlack is reached through SCIM; also set --business-plus-token (SLACKGATE_BUSINESS_PLUS_TOKEN)');
  }
  if (ssoEnabled && !businessPlusToken) {
    throw new ConfigError(sso.spec, 'IdP groups are read through SCIM; also set --business-plus-token (SLACKGATE_BUSINESS_PLUS_TOKEN)');
  }

  const api = get('slackApiUrl');
  const apiUrl = str(api.raw) === undefined ? (govEnv ? slackDefaults.govApiUrl : slackDefaults.apiUrl) : parseHttpUrl(api.spec, str(api.raw) as string);
  const scim = get('scimApiUrl');
  const scimUrl = str(scim.raw) === undefined ? (govEnv ? slackDefaults.govScimUrl : slackDefaults.scimUrl) : parseHttpUrl(scim.spec, str(scim.raw) as string);

  const scale = get('slackTimeScale');
  const scaleText = str(scale.raw) ?? '1';
  const timeScale = Number(scaleText);
  if (!/^\d*\.?\d+$/.test(scaleText)) {
    throw new ConfigError(scale.spec, `"${scaleText}" is not a factor; use e.g. 60, or 0 for a stand-in without rate limits`);
  }
  const minuteMs = timeScale === 0 ? 0 : 60_000 / timeScale;

  const cid = get('clientId');
  const csecret = get('clientSecret');
  const clientId = str(cid.raw);
  const clientSecret = str(csecret.raw);
  if (clientId !== undefined && clientSecret === undefined) {
    throw new ConfigError(csecret.spec, 'is required when --client-id is set');
  }
  if (clientSecret !== undefined && clientId === undefined) {
    throw new ConfigError(cid.spec, 'is required when --client-secret is set');
  }
  if (clientId !== undefined && !/^[A-Za-z0-9._-]{3,64}$/.test(clientId)) {
    throw new ConfigError(cid.spec, 'use 3–64 letters, digits, ".", "_" or "-"');
  }
  if (clientSecret !== undefined && clientSecret.length < 16) {
    throw new ConfigError(csecret.spec, 'is too short; use at least 16 characters');
  }

  const db = get('databaseUrl');
  const dbUrl = str(db.raw);
  const dataDir = str(get('dataDir').raw) ?? './.slackgate';

  const portSetting = get('port');
  const portText = str(portSetting.raw) ?? '4000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ConfigError(portSetting.spec, `"${portText}" is not a port number (0–65535)`);
  }
  const host = str(get('host').raw) ?? '127.0.0.1';
  const cors = get('corsOrigins');
  const corsOrigins: string[] = [];
  for (const part of (str(cors.raw) ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    let origin: URL | undefined;
    try {
      origin = new URL(part);
    } catch {
      origin = undefined;
    }
    if (!origin || (origin.protocol !== 'http:' && origin.protocol !== 'https:') || origin.origin !== part.replace(/\/$/, '')) {
      throw new ConfigError(cors.spec, `"${part}" is not an origin; give scheme, host and port only, e.g. https://portal.example.com`);
    }
    corsOrigins.push(origin.origin);
  }

  const interval = get('syncInterval');
  const intervalText = str(interval.raw) ?? '1h';
  const syncIntervalMs = parseDurationMs(intervalText);
  if (syncIntervalMs === undefined) {
    throw new ConfigError(interval.spec, `"${intervalText}" is not a duration; use e.g. 15m, 1h, 1h30m, or 0 to disable`);
  }
  if (syncIntervalMs > 0 && syncIntervalMs < 60_000) {
    throw new ConfigError(interval.spec, `"${intervalText}" is shorter than a minute; Slack's rate limits make that pointless`);
  }

  const threshold = get('deletionThreshold');
  const thresholdText = str(threshold.raw) ?? '0.5';
  const deletionThreshold = Number(thresholdText);
  if (!/^\d*\.?\d+$/.test(thresholdText) || deletionThreshold <= 0 || deletionThreshold > 1) {
    throw new ConfigError(threshold.spec, `"${thresholdText}" must be a fraction greater than 0 and at most 1, e.g. 0.5`);
  }

  const ttl = get('requestTtl');
  const ttlText = str(ttl.raw) ?? '7d';
  const requestTtlMs = parseDurationMs(ttlText);
  if (requestTtlMs === undefined || requestTtlMs < 60_000) {
    throw new ConfigError(ttl.spec, `"${ttlText}" is not a duration of a minute or more; use e.g. 12h, 3d`);
  }

  const retention = get('changeFeedRetention');
  const retentionText = str(retention.raw) ?? '30d';
  const changeFeedRetentionMs = parseDurationMs(retentionText);
  if (changeFeedRetentionMs === undefined || changeFeedRetentionMs < 3_600_000) {
    throw new ConfigError(retention.spec, `"${retentionText}" is not a duration of an hour or more; use e.g. 7d, 90d`);
  }

  const trustedDocumentsFile = str(get('trustedDocuments').raw);
  const budget = get('defaultCostBudget');
  const budgetText = str(budget.raw) ?? '1000000';
  const defaultCostBudget = Number(budgetText);
  if (!/^\d+$/.test(budgetText) || defaultCostBudget < 1) {
    throw new ConfigError(budget.spec, `"${budgetText}" is not a whole number of cost units per minute (at least 1)`);
  }
  const appTokenSetting = get('appToken');
  const appTokenText = str(appTokenSetting.raw)?.trim();
  if (appTokenText !== undefined && !/^xapp-\S+$/.test(appTokenText)) {
    throw new ConfigError(appTokenSetting.spec, 'does not look like an app-level token (expected xapp-…, from the app\'s Basic Information page, with the connections:write scope)');
  }
  const signing = get('signingSecret');
  const signingText = str(signing.raw)?.trim();
  if (signingText !== undefined && !/^[0-9a-zA-Z]{16,}$/.test(signingText)) {
    throw new ConfigError(signing.spec, 'does not look like a signing secret (letters and digits from the app\'s Basic Information page)');
  }
  const command = get('slashCommand');
  const slashCommand = (str(command.raw) ?? '/access').trim();
  if (!/^\/[a-z0-9_.-]{1,31}$/.test(slashCommand)) {
    throw new ConfigError(command.spec, `"${slashCommand}" is not a slash command; use / and up to 31 lowercase letters, digits, "-", "_" or "."`);
  }
  const reminders = get('expiryReminders');
  const remindersText = (str(reminders.raw) ?? '24h,1h').trim();
  const expiryRemindersMs: number[] = [];
  if (remindersText !== '0' && remindersText !== '') {
    for (const part of remindersText.split(',')) {
      const ms = parseDurationMs(part);
      if (ms === undefined || ms < 60_000) throw new ConfigError(reminders.spec, `"${part.trim()}" is not a duration of a minute or more; use e.g. 24h,1h or 0 for none`);
      expiryRemindersMs.push(ms);
    }
  }
  const reviewReminderSetting = get('reviewReminder');
  const reviewReminderText = str(reviewReminderSetting.raw) ?? '24h';
  const reviewReminderMs = parseDurationMs(reviewReminderText);
  if (reviewReminderMs === undefined) throw new ConfigError(reviewReminderSetting.spec, `"${reviewReminderText}" is not a duration; use e.g. 24h, or 0 for none`);

  const level = get('logLevel');
  const logLevel = (str(level.raw) ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(level.spec, `"${logLevel}" is not a level; use one of ${LOG_LEVELS.join(', ')}`);
  }
  const format = get('logFormat');
  const logFormat = (str(format.raw) ?? 'json').toLowerCase();
  if (logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError(format.spec, `"${logFormat}" is not a format; use json or pretty`);
  }

  return {
    slack: { token: slackToken, businessPlusToken, enterpriseToken, ssoEnabled, govEnv, apiUrl, scimUrl, ...(timeScale === 1 ? {} : { minuteMs }) },
    bootstrapClient: clientId !== undefined && clientSecret !== undefined ? { id: clientId, secret: new Secret(clientSecret) } : undefined,
    database: { url: dbUrl === undefined ? undefined : parseDatabaseUrl(db.spec, dbUrl), dataDir },
    http: { port, host, ...(corsOrigins.length > 0 ? { corsOrigins } : {}) },
    syncIntervalMs,
    deletionThreshold,
    requestTtlMs,
    changeFeedRetentionMs,
    log: { level: logLevel as LogLevel, format: logFormat },
    production: env.NODE_ENV === 'production',
    trustedDocumentsFile,
    defaultCostBudget,
    slackApp: {
      appToken: appTokenText === undefined ? undefined : new Secret(appTokenText),
      signingSecret: signingText === undefined ? undefined : new Secret(signingText),
      slashCommand,
      expiryRemindersMs,
      reviewReminderMs,
    },
  };
}
