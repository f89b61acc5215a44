import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pacer } from '../../src/slack/pacer.ts';
import { SlackCallStats } from '../../src/slack/stats.ts';
import { SlackWebApi } from '../../src/slack/webApi.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';

// Finding 8 of the hardening issue, the Slack side: a 429's wait follows Retry-After and the
// method's tier (four 429s with Retry-After: 1 stretched a sync from 2.8 s to 58.8 s), and an
// answer that is not Slack's never reaches an error message.

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', users: 20, seed: 8 });
});
afterAll(async () => {
  await sim.close();
});

describe('rate-limit waits', () => {
  it('wait Retry-After, but at least the tier\'s share of a minute, which is also the wait without a Retry-After', () => {
    const pacer = new Pacer(60_000);
    expect(pacer.rateLimitWaitMs(1000, 20)).toBe(3000); // tier 2: 20 a minute
    expect(pacer.rateLimitWaitMs(1000, 100)).toBe(1000); // tier 4: Retry-After rules
    expect(pacer.rateLimitWaitMs(undefined, 20)).toBe(3000);
    expect(pacer.rateLimitWaitMs(30_000, 20)).toBe(30_000);
  });

  it('a call Slack refused with 429 gives its slot back: the next call waits for the hold, not for a minute', async () => {
    const pacer = new Pacer(60_000);
    const refused = await pacer.acquire('k', 1);
    refused(false);
    let second = false;
    void pacer.acquire('k', 1).then(() => (second = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(second).toBe(true);
    // A counted call keeps it (the limit is 1 a minute).
    const counted = await pacer.acquire('j', 1);
    counted();
    let third = false;
    void pacer.acquire('j', 1).then(() => (third = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
  });

  it('three 429s with Retry-After: 1 on a tier-2 method are waited out in their Retry-After and tier share, and the call succeeds', async () => {
    const api = new SlackWebApi({ token: sim.tokens.bot, kind: 'bot', apiUrl: sim.apiUrl, pacer: new Pacer(60_000), stats: new SlackCallStats() });
    sim.control.inject('usergroups.list', { kind: 'rate_limited', retryAfter: 1 }, 3);
    const before = sim.control.log().length;
    await api.call('usergroups.list');
    const calls = sim.control.log().slice(before).filter((c) => c.method === 'usergroups.list');
    expect(calls.map((c) => c.status)).toEqual([429, 429, 429, 200]);
    // Each retry came after the hold (usergroups.list is tier 2: 3 s), none after a whole minute.
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i] as { at: number }).at);
    expect(gaps.every((g) => g >= 2900 && g < 30_000)).toBe(true);
  }, 30_000);
});

describe('what Slack answered, in errors', () => {
  it('keeps Slack\'s error code and drops an answer that is not one', async () => {
    const api = new SlackWebApi({ token: sim.tokens.bot, kind: 'bot', apiUrl: sim.apiUrl, pacer: new Pacer(0), stats: new SlackCallStats() });
    sim.control.inject('usergroups.list', { kind: 'slack_error', error: 'no_such_subteam' }, 1);
    await expect(api.call('usergroups.list')).rejects.toMatchObject({ slackError: 'no_such_subteam', message: 'Slack usergroups.list failed: no_such_subteam' });
    sim.control.inject('usergroups.list', { kind: 'slack_error', error: '<html><body>Proxy error at /opt/app/node_modules/x.js:12</body></html>' }, 1);
    const error = await api.call('usergroups.list').catch((e: Error & { slackError: string }) => e);
    expect(error).toMatchObject({ slackError: 'invalid_response' });
    expect((error as Error).message).not.toMatch(/html|node_modules|Proxy/);
  });
});
