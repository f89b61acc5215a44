import type { Config } from '../config.ts';
import { SlackApiError } from './errors.ts';
import { Pacer } from './pacer.ts';
import { ScimClient } from './scim.ts';
import { SlackCallStats } from './stats.ts';
import { SlackWebApi, type RetryPolicy } from './webApi.ts';

export type SlackPlan = 'pro' | 'business-plus' | 'grid' | 'gov';

export interface TokenStatus {
  configured: boolean;
  ok: boolean;
  /** Scopes Slack reported for the token (X-OAuth-Scopes), when known. */
  scopes: string[];
  /** Slack's error code when the token does not work. Never the token. */
  error?: string;
}

export interface PlanInfo {
  plan: SlackPlan;
  /** Workspace of a workspace-level bot token. */
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  /** Org-wide (Grid) install: workspace methods need `team_id`. */
  orgLevel: boolean;
  scimVersion?: 1 | 2;
  tokens: { bot: TokenStatus; businessPlus: TokenStatus; enterprise: TokenStatus };
  detectedAt: string;
}

export interface SlackConnectionOptions {
  slack: Config['slack'];
  /** How long Slack's minute lasts: 60 000 ms, shorter only against a time-scaled simulator. */
  minuteMs?: number;
  retry?: Partial<RetryPolicy>;
}

/**
 * The clients for the configured tokens, sharing one pacer and one call counter: the only way
 * the rest of the product reaches Slack.
 */
export class SlackConnection {
  readonly stats = new SlackCallStats();
  readonly pacer: Pacer;
  readonly bot?: SlackWebApi;
  readonly enterprise?: SlackWebApi;
  readonly scim?: ScimClient;
  readonly options: SlackConnectionOptions;
  #plan?: PlanInfo;

  constructor(options: SlackConnectionOptions) {
    this.options = options;
    const { slack } = options;
    this.pacer = new Pacer(options.minuteMs ?? slack.minuteMs ?? 60_000);
    const common = { apiUrl: slack.apiUrl, pacer: this.pacer, stats: this.stats, retry: options.retry };
    if (slack.token) this.bot = new SlackWebApi({ ...common, token: slack.token.reveal(), kind: 'bot' });
    if (slack.enterpriseToken) this.enterprise = new SlackWebApi({ ...common, token: slack.enterpriseToken.reveal(), kind: 'enterprise', orgLevel: true });
    if (slack.businessPlusToken) {
      this.scim = new ScimClient({ token: slack.businessPlusToken.reveal(), baseUrl: slack.scimUrl, pacer: this.pacer, stats: this.stats, retry: options.retry });
    }
  }

  get plan(): PlanInfo | undefined {
    return this.#plan;
  }

  /**
   * Detects the plan (auth.test: `enterprise_id` ⇒ Grid; a working SCIM token ⇒ Business+;
   * else Pro; `--gov-env` ⇒ GovSlack) and which tokens work with which scopes.
   */
  async detect(): Promise<PlanInfo> {
    const none: TokenStatus = { configured: false, ok: false, scopes: [] };
    const info: PlanInfo = { plan: 'pro', orgLevel: false, tokens: { bot: none, businessPlus: none, enterprise: none }, detectedAt: new Date().toISOString() };

    if (this.bot) {
      try {
        const auth = await this.bot.call<{ team_id?: string; team?: string; enterprise_id?: string; is_enterprise_install?: boolean; response_metadata?: { scopes?: string[] } }>('auth.test');
        info.tokens.bot = { configured: true, ok: true, scopes: auth.response_metadata?.scopes ?? [] };
        info.teamId = auth.team_id || undefined;
        info.teamName = auth.team || undefined;
        info.enterpriseId = auth.enterprise_id || undefined;
        info.orgLevel = auth.is_enterprise_install === true;
        this.bot.orgLevel = info.orgLevel;
      } catch (error) {
        info.tokens.bot = { configured: true, ok: false, scopes: [], error: slackErrorCode(error) };
      }
    }
    if (this.enterprise) {
      try {
        const auth = await this.enterprise.call<{ enterprise_id?: string; response_metadata?: { scopes?: string[] } }>('auth.test');
        info.tokens.enterprise = { configured: true, ok: true, scopes: auth.response_metadata?.scopes ?? [] };
        info.enterpriseId ??= auth.enterprise_id || undefined;
      } catch (error) {
        info.tokens.enterprise = { configured: true, ok: false, scopes: [], error: slackErrorCode(error) };
      }
    }
    if (this.scim) {
      try {
        await this.scim.list('Users', 1, 1);
        info.tokens.businessPlus = { configured: true, ok: true, scopes: ['admin'] };
        info.scimVersion = this.scim.version;
      } catch (error) {
        info.tokens.businessPlus = { configured: true, ok: false, scopes: [], error: slackErrorCode(error) };
      }
    }
    if (this.options.slack.govEnv) info.plan = 'gov';
    else if (info.enterpriseId) info.plan = 'grid';
    else if (info.tokens.businessPlus.ok) info.plan = 'business-plus';
    this.#plan = info;
    return info;
  }
}

export function slackErrorCode(error: unknown): string {
  if (error instanceof SlackApiError) return error.slackError;
  return 'unreachable';
}

/** Refuses to read the catalog with a bot token that is missing or that Slack rejected at detection. */
export function assertWorkingBotToken(plan: PlanInfo): void {
  const bot = plan.tokens.bot;
  if (bot.ok) return;
  const why = bot.configured ? `Slack rejected the bot token: ${bot.error}` : 'no Slack bot token is configured (--token)';
  throw new SlackApiError('auth.test', bot.error ?? 'not_authed', undefined, why);
}
