/**
 * Slack answered `ok:false` (or a SCIM error), or could not be reached after retries. Carries
 * Slack's own error code for the user to act on; never a token.
 */
export class SlackApiError extends Error {
  constructor(
    readonly method: string,
    readonly slackError: string,
    readonly status?: number,
    detail?: string,
  ) {
    super(`Slack ${method} failed: ${slackError}${detail ? ` (${detail})` : ''}`);
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
