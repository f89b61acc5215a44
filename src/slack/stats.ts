/** Slack calls and 429s by method, for a sync run's record and for metrics. */
export class SlackCallStats {
  readonly calls: Record<string, number> = {};
  readonly rateLimited: Record<string, number> = {};
  /** Calls by pacing key (token kind, workspace, method): what Slack's per-workspace tiers count. */
  readonly byKey: Record<string, number> = {};
  readonly listeners = new Set<(method: string, outcome: 'ok' | 'rate_limited' | 'error', key?: string) => void>();

  record(method: string, outcome: 'ok' | 'rate_limited' | 'error', key?: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (key) this.byKey[key] = (this.byKey[key] ?? 0) + 1;
    if (outcome === 'rate_limited') this.rateLimited[method] = (this.rateLimited[method] ?? 0) + 1;
    for (const listener of this.listeners) listener(method, outcome, key);
  }

  get totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  get totalRateLimited(): number {
    return Object.values(this.rateLimited).reduce((a, b) => a + b, 0);
  }
}
