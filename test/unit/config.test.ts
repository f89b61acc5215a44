import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseDurationMs, resolveConfig, Secret } from '../../src/config.ts';

const bot = 'xoxb-1111-2222-abcdefabcdef';
const user = 'xoxp-1111-2222-3333-abcdefabcdef';

function configError(flags: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): ConfigError {
  try {
    resolveConfig(flags, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = resolveConfig({}, {});
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.slack.scimUrl).toBe('https://api.slack.com/scim/v2/');
    expect(config.http).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(config.syncIntervalMs).toBe(3_600_000);
    expect(config.deletionThreshold).toBe(0.5);
    expect(config.database).toEqual({ url: undefined, dataDir: './.slackgate' });
    expect(config.log).toEqual({ level: 'info', format: 'json' });
    expect(config.slack.token).toBeUndefined();
  });

  it("paces Slack's minute at real time unless a stand-in's time scale is set, and rejects a scale that is not a factor", () => {
    expect(resolveConfig({}, {}).slack.minuteMs).toBeUndefined();
    expect(resolveConfig({}, { SLACKGATE_SLACK_TIME_SCALE: '60' }).slack.minuteMs).toBe(1000);
    expect(resolveConfig({ slackTimeScale: '0' }, {}).slack.minuteMs).toBe(0);
    expect(configError({}, { SLACKGATE_SLACK_TIME_SCALE: 'fast' }).message).toContain('SLACKGATE_SLACK_TIME_SCALE');
  });

  it('accepts the BATON_* aliases of existing deployments', () => {
    const config = resolveConfig(
      {},
      {
        BATON_TOKEN: bot,
        BATON_BUSINESS_PLUS_TOKEN: user,
        BATON_ENTERPRISE_TOKEN: user,
        BATON_SSO_ENABLED: 'true',
        BATON_GOV_ENV: '1',
        BATON_CLIENT_ID: 'admin-client',
        BATON_CLIENT_SECRET: 'a-long-enough-secret',
      },
    );
    expect(config.slack.token?.reveal()).toBe(bot);
    expect(config.slack.businessPlusToken?.reveal()).toBe(user);
    expect(config.slack.enterpriseToken?.reveal()).toBe(user);
    expect(config.slack.ssoEnabled).toBe(true);
    expect(config.slack.govEnv).toBe(true);
    expect(config.bootstrapClient?.id).toBe('admin-client');
    expect(config.bootstrapClient?.secret.reveal()).toBe('a-long-enough-secret');
  });

  it('prefers a flag over the SLACKGATE_ variable over its BATON_ alias', () => {
    expect(resolveConfig({}, { SLACKGATE_TOKEN: 'xoxb-new', BATON_TOKEN: 'xoxb-old' }).slack.token?.reveal()).toBe('xoxb-new');
    expect(resolveConfig({ token: 'xoxb-flag' }, { SLACKGATE_TOKEN: 'xoxb-new' }).slack.token?.reveal()).toBe('xoxb-flag');
  });

  it('switches to GovSlack hosts with --gov-env unless URLs are given', () => {
    const gov = resolveConfig({ govEnv: true, businessPlusToken: user }, {});
    expect(gov.slack.apiUrl).toBe('https://slack-gov.com/api/');
    expect(gov.slack.scimUrl).toBe('https://api.slack-gov.com/scim/v1/');
    const custom = resolveConfig({ govEnv: true, businessPlusToken: user, slackApiUrl: 'http://127.0.0.1:9000/api' }, {});
    expect(custom.slack.apiUrl).toBe('http://127.0.0.1:9000/api/');
  });

  it('parses durations and numbers', () => {
    expect(resolveConfig({}, { SLACKGATE_SYNC_INTERVAL: '1h30m', PORT: '8080' })).toMatchObject({ syncIntervalMs: 5_400_000, http: { port: 8080 } });
    expect(resolveConfig({}, { SLACKGATE_SYNC_INTERVAL: '0' }).syncIntervalMs).toBe(0);
    expect(parseDurationMs('90s')).toBe(90_000);
    expect(parseDurationMs('2d')).toBe(172_800_000);
    expect(parseDurationMs('soon')).toBeUndefined();
    expect(parseDurationMs('1h soon')).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /^--database-url \(DATABASE_URL\): is not a postgres:\/\/ URL/],
    [{ DATABASE_URL: 'mysql://u:hunter2@db/x' }, /^--database-url \(DATABASE_URL\)/],
    [{ SLACKGATE_SLACK_API_URL: 'slack.com/api' }, /^--slack-api-url \(SLACKGATE_SLACK_API_URL\): "slack.com\/api" is not a URL/],
    [{ SLACKGATE_SCIM_API_URL: 'ftp://x/scim' }, /^--scim-api-url .*must use http or https/],
    [{ PORT: 'eighty' }, /^--port \(PORT\): "eighty" is not a port number/],
    [{ PORT: '70000' }, /^--port \(PORT\)/],
    [{ SLACKGATE_SYNC_INTERVAL: 'hourly' }, /^--sync-interval .*is not a duration/],
    [{ SLACKGATE_SYNC_INTERVAL: '5s' }, /^--sync-interval .*shorter than a minute/],
    [{ SLACKGATE_DELETION_THRESHOLD: '2' }, /^--deletion-threshold .*fraction/],
    [{ LOG_LEVEL: 'loud' }, /^--log-level \(LOG_LEVEL\): "loud" is not a level/],
    [{ LOG_FORMAT: 'xml' }, /^--log-format .*json or pretty/],
    [{ SLACKGATE_SSO_ENABLED: 'maybe' }, /^--sso-enabled .*expected true or false/],
    [{ SLACKGATE_GOV_ENV: 'true' }, /^--gov-env .*also set --business-plus-token/],
    [{ SLACKGATE_SSO_ENABLED: 'true' }, /^--sso-enabled .*also set --business-plus-token/],
    [{ SLACKGATE_CLIENT_ID: 'admin' }, /^--client-secret .*required when --client-id is set/],
    [{ SLACKGATE_CLIENT_ID: 'admin', SLACKGATE_CLIENT_SECRET: 'short' }, /^--client-secret .*too short/],
    [{ SLACKGATE_TOKEN: 'hunter2' }, /^--token \(SLACKGATE_TOKEN\): does not look like a Slack token/],
  ])('stops on %o with one line naming the setting', (env, message) => {
    const error = configError({}, env);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('never repeats a secret in an error', () => {
    for (const env of [
      { DATABASE_URL: 'mysql://admin:hunter2-secret@db/x' },
      { SLACKGATE_TOKEN: 'hunter2-secret' },
      { SLACKGATE_BUSINESS_PLUS_TOKEN: 'xoxp hunter2-secret' },
    ]) {
      expect(configError({}, env).message).not.toContain('hunter2-secret');
    }
  });

  it('keeps secrets out of JSON, string conversion and util.inspect', () => {
    const config = resolveConfig({}, { SLACKGATE_TOKEN: bot, DATABASE_URL: 'postgres://u:pw-secret@h/db', SLACKGATE_CLIENT_ID: 'cid', SLACKGATE_CLIENT_SECRET: 'client-secret-value' });
    const printed = [JSON.stringify(config), inspect(config, { depth: 10 }), `${config.slack.token}`].join('\n');
    expect(printed).not.toContain(bot);
    expect(printed).not.toContain('pw-secret');
    expect(printed).not.toContain('client-secret-value');
    expect(printed).toContain('[redacted]');
    expect(new Secret('x').reveal()).toBe('x');
  });
  it('turns the Slack app surface on with an app token or a signing secret, off with neither', () => {
    const off = resolveConfig({}, {});
    expect(off.slackApp).toEqual({ appToken: undefined, signingSecret: undefined, slashCommand: '/access', expiryRemindersMs: [86_400_000, 3_600_000], reviewReminderMs: 86_400_000 });
    const on = resolveConfig({}, { SLACKGATE_APP_TOKEN: 'xapp-1-A1-2-abc', SLACKGATE_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5', SLACKGATE_SLASH_COMMAND: '/grant', SLACKGATE_EXPIRY_REMINDERS: '2h', SLACKGATE_REVIEW_REMINDER: '0' });
    expect(on.slackApp.appToken?.reveal()).toBe('xapp-1-A1-2-abc');
    expect(on.slackApp.signingSecret?.reveal()).toBe('8f742231b10e8888abcd99yyyzzz85a5');
    expect(on.slackApp).toMatchObject({ slashCommand: '/grant', expiryRemindersMs: [7_200_000], reviewReminderMs: 0 });
    expect(inspect(on.slackApp)).not.toContain('xapp-1');
    expect(resolveConfig({}, { SLACKGATE_EXPIRY_REMINDERS: '0' }).slackApp.expiryRemindersMs).toEqual([]);
  });

  it('refuses a bot token as the app token, a malformed slash command or reminder, naming the setting', () => {
    const token = configError({ appToken: 'xoxb-1-2-3' }, {});
    expect(token.message).toContain('--app-token (SLACKGATE_APP_TOKEN)');
    expect(token.message).not.toContain('xoxb-1-2-3');
    expect(configError({}, { SLACKGATE_SLASH_COMMAND: 'access' }).message).toContain('--slash-command (SLACKGATE_SLASH_COMMAND)');
    expect(configError({}, { SLACKGATE_EXPIRY_REMINDERS: '1h,soon' }).message).toContain('"soon" is not a duration');
    expect(configError({}, { SLACKGATE_SIGNING_SECRET: 'short' }).message).toContain('--signing-secret');
  });
});
