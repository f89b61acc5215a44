const SLACK_CODE = /^[a-z0-9_.]{1,80}$/i;
/** Our own phrases ("gave up after 6 attempts"), never a body or a driver message quoting one. */
const SAFE_DETAIL = /^[a-z0-9 ,.()_-]{1,80}$/i;

/**
 * Slack answered `ok:false` (or a SCIM error), or could not be reached after retries. Carries
 * Slack's own error code for the user to act on; never a token.
 */
export class SlackApiError extends Error {
  readonly slackError: string;
  constructor(
    readonly method: string,
    slackError: string,
    readonly status?: number,
    detail?: string,
  ) {
    // Slack's codes are short snake_case words; anything else is an answer that is not Slack's
    // (a proxy's page, garbage), which goes nowhere: not into errors, not into the audit trail.
    const code = SLACK_CODE.test(slackError) ? slackError : 'invalid_response';
    const said = detail !== undefined && SAFE_DETAIL.test(detail) ? ` (${detail})` : '';
    super(`Slack ${method} failed: ${code}${said}`);
    this.slackError = code;
    this.name = 'SlackApiError';
  }

  /** Errors that mean the token itself is unusable: retrying cannot help. */
  get isAuthError(): boolean {
    return ['not_authed', 'invalid_auth', 'account_inactive', 'token_revoked', 'token_expired', 'invalid_authentication', 'missing_authentication'].includes(
      this.slackError,
    );
  }
}

/** Slack kept answering 429 (or 5xx) beyond the retry budget. */
export class SlackUnavailableError extends SlackApiError {}
