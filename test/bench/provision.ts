// `npm run bench -- provision [--users 3000] [--grants 200] [--overhead-grants 300] [--time-scale 60]`
//
// Provisioning into one user group, with the simulator (Business+, N users) and the gateway each
// in their own process and a real Postgres:
// 1. Slack's tiers on (a Slack minute lasts 60/time-scale s): `--grants` concurrent
//    grantEntitlement mutations into one group through the gateway's API — wall time, Slack
//    writes, reads and 429s, and whether Slack's group ends with exactly the new members added.
// 2. Same limits, same concurrency, another group of the same size: the naive path the reference
//    connector takes (one usergroups.users.list, then one usergroups.users.update with the list
//    plus the new user, per grant) through @slack/web-api's WebClient and its default 429
//    handling — wall time, writes, 429s, and the members lost to read-modify-write races.
// 3. Limits off (and no pacing): `--overhead-grants` sequential grants of distinct accounts into
//    distinct groups; per grant, the time the gateway spent waiting on Slack is measured at a
//    timing proxy in front of the simulator, and the rest is the gateway's own overhead.
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { LogLevel, WebClient } from '@slack/web-api';
import pg from 'pg';
import { spawnGateway, type GatewayProcess } from './support/gateway-process.ts';
import { GatewayClient } from './support/graphql-client.ts';
import { freshDatabase, spawnSimulator, type SimulatorProcess } from './support/processes.ts';
import { startTimingProxy, type TimingProxy } from './support/timing-proxy.ts';

const CLIENT = { id: 'bench-admin', secret: 'bench-admin-secret-0123456789abcdef' };
const WARMUP_GRANTS = 20;

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const GRANT = `mutation Grant($input: GrantEntitlementInput!) {
  grantEntitlement(input: $input) { result errors { code message } }
}`;

/** One grant through the API: its result, or the first error's code and message. */
async function grant(client: GatewayClient, groupId: string, userId: string): Promise<string> {
  const { answer } = await client.query(GRANT, { input: { entitlementId: `userGroup:${groupId}:member`, accountId: `user:${userId}`, reason: 'provision benchmark' } });
  if (answer.errors) return `GraphQL error: ${answer.errors[0]?.message ?? '?'}`;
  const payload = answer.data.grantEntitlement as { result: string | null; errors: { code: string; message: string }[] };
  return payload.result ?? `${payload.errors[0]?.code}: ${payload.errors[0]?.message}`;
}

// ---------------------------------------------------------------------------------------------
// The simulator's call counts and log, read over its control endpoint.

interface SlackCalls {
  /** Calls Slack answered (HTTP 200, ok: true), by method. */
  ok: Record<string, number>;
  /** HTTP 429 answers, by method. */
  rateLimited: Record<string, number>;
  /** Any other failure, by method. */
  failed: Record<string, number>;
}

class SimulatorCalls {
  readonly control: string;

  constructor(sim: SimulatorProcess) {
    this.control = `${new URL(sim.apiUrl).origin}/_simulator/`;
  }

  async reset(): Promise<void> {
    await fetch(`${this.control}calls`, { method: 'DELETE' });
  }

  async setRateLimits(enabled: boolean): Promise<void> {
    await fetch(`${this.control}rate-limits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enabled }) });
  }

  async read(): Promise<SlackCalls> {
    const res = (await (await fetch(`${this.control}calls`)).json()) as { counts: Record<string, number>; log: { method: string; status: number; error?: string }[] };
    const logged = res.log.length;
    const counted = Object.values(res.counts).reduce((a, b) => a + b, 0);
    if (logged !== counted) throw new Error(`the simulator's call log kept ${logged} of ${counted} calls; counts by outcome would be incomplete`);
    const calls: SlackCalls = { ok: {}, rateLimited: {}, failed: {} };
    for (const r of res.log) {
      const into = r.status === 429 ? calls.rateLimited : r.status === 200 && !r.error ? calls.ok : calls.failed;
      into[r.method] = (into[r.method] ?? 0) + 1;
    }
    return calls;
  }
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------

interface Group {
  id: string;
  teamId: string;
  members: string[];
}

interface ConcurrentResult {
  label: string;
  ms: number;
  calls: SlackCalls;
  /** Grants that did not report success. */
  failures: string[];
  expected: number;
  finalMembers: number;
  lost: number;
  /** Members in Slack's group that nobody asked for. */
  extra: number;
}

function verify(expected: Set<string>, final: string[]): { lost: number; extra: number } {
  const got = new Set(final);
  return { lost: [...expected].filter((u) => !got.has(u)).length, extra: [...got].filter((u) => !expected.has(u)).length };
}

async function membersInSlack(reader: WebClient, group: Group): Promise<string[]> {
  const res = await reader.apiCall('usergroups.users.list', { usergroup: group.id, team_id: group.teamId });
  return (res as { users?: string[] }).users ?? [];
}

/** The reference connector's grant (reference-connector.md §4.2): read the list, write it back with the user. */
async function naiveGrant(reader: WebClient, writer: WebClient, group: Group, userId: string): Promise<string> {
  const users = await membersInSlack(reader, group);
  if (users.includes(userId)) return 'ALREADY_GRANTED';
  await writer.apiCall('usergroups.users.update', { usergroup: group.id, team_id: group.teamId, users: [...users, userId].join(',') });
  return 'GRANTED';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export default async function run(args: string[]): Promise<void> {
  const users = arg(args, 'users', 3000);
  const grants = arg(args, 'grants', 200);
  const overheadGrants = arg(args, 'overhead-grants', 300);
  const timeScale = arg(args, 'time-scale', 60);
  const minuteMs = 60_000 / timeScale;
  console.log(`# provision benchmark — Business+, ${users} users; ${grants} concurrent grants into one user group with Slack's tiers on (a Slack minute = ${minuteMs} ms), gateway vs. naive read-modify-write; then ${overheadGrants} sequential grants with limits off; Postgres; simulator and gateway in their own processes`);
  console.log(`load average at start: ${load()}`);

  const sim = await spawnSimulator({ plan: 'business-plus', seed: 7, users, userGroups: 20, rateLimits: true, timeScale });
  const simCalls = new SimulatorCalls(sim);
  const target = await freshDatabase('provision');
  const db = new pg.Client({ connectionString: target.url });
  const quiet = { slackApiUrl: sim.apiUrl, logLevel: LogLevel.ERROR };
  const botReader = new WebClient(sim.tokens.bot, quiet);
  const adminWriter = new WebClient(sim.tokens.admin, quiet);
  let gateway: GatewayProcess | undefined;
  let proxy: TimingProxy | undefined;
  let wrong = false;
  try {
    // Two enabled user groups (not IdP groups, which Slack lists too) of the same size: the
    // largest, and the next one made its copy. Done before the sync, so the cache starts in step.
    const listed = (await botReader.apiCall('usergroups.list', { include_users: true, include_disabled: false })) as unknown as { usergroups: { id: string; team_id: string; users?: string[]; date_delete: number; is_idp_group: boolean }[] };
    const enabled = listed.usergroups.filter((g) => g.date_delete === 0 && !g.is_idp_group).map((g): Group => ({ id: g.id, teamId: g.team_id, members: g.users ?? [] }));
    enabled.sort((a, b) => b.members.length - a.members.length);
    const [groupA, groupB, ...others] = enabled;
    if (!groupA || !groupB || others.length === 0) throw new Error(`the fixture has ${enabled.length} enabled user groups; at least 3 are needed`);
    await adminWriter.apiCall('usergroups.users.update', { usergroup: groupB.id, team_id: groupB.teamId, users: groupA.members.join(',') });
    groupB.members = [...groupA.members];

    await db.connect();
    gateway = await spawnGateway({ databaseUrl: target.url, apiUrl: sim.apiUrl, scimUrl: sim.scimUrl, tokens: sim.tokens, client: CLIENT, slackMinuteMs: minuteMs });
    let client = new GatewayClient(gateway.url, await gateway.token(), new Agent({ keepAlive: true, maxSockets: grants }));
    const syncStarted = performance.now();
    await client.sync(db);
    const syncMs = performance.now() - syncStarted;

    // Grantable people: active full members (no guests, bots, external or invited users).
    const eligible = (
      await db.query<{ slack_id: string }>(
        `select slack_id from accounts where status = 'ENABLED' and type = 'HUMAN' and not is_guest and not is_bot and not is_app_user and not is_stranger and not is_invited and slack_id <> 'USLACKBOT' order by id`,
      )
    ).rows.map((r) => r.slack_id);
    const inA = new Set(groupA.members);
    const outsideA = eligible.filter((u) => !inA.has(u));
    if (outsideA.length < 2 * grants) throw new Error(`only ${outsideA.length} grantable accounts are outside the group; use more --users`);
    const forGateway = outsideA.slice(0, grants);
    const forNaive = outsideA.slice(grants, 2 * grants);
    const grantsBefore = async (group: Group) =>
      Number((await db.query<{ n: string }>('select count(*) as n from grants g join entitlements e on e.id = g.entitlement_id where e.external_id = $1', [`userGroup:${group.id}:member`])).rows[0]?.n);
    const cachedBefore = await grantsBefore(groupA);
    console.log(`fixture synced in ${seconds(syncMs)} (paced); groups ${groupA.id} and ${groupB.id} have ${groupA.members.length} members each (cache: ${cachedBefore}); ${eligible.length} grantable accounts`);

    const loadDuring: string[] = [];
    // Both paths: a fresh Slack minute for every budget, the same concurrency, Slack's calls
    // counted from zero, and the group read back from Slack at the end.
    const concurrent = async (label: string, group: Group, newMembers: string[], grantOne: (user: string) => Promise<string>): Promise<ConcurrentResult> => {
      await sleep(minuteMs + 200);
      await simCalls.reset();
      loadDuring.push(load());
      const started = performance.now();
      const outcomes = await Promise.all(newMembers.map(grantOne));
      const ms = performance.now() - started;
      const calls = await simCalls.read();
      const expected = new Set([...group.members, ...newMembers]);
      const final = await membersInSlack(botReader, group);
      return { label, ms, calls, failures: outcomes.filter((o) => o !== 'GRANTED'), expected: expected.size, finalMembers: final.length, ...verify(expected, final) };
    };

    // --- 1. the gateway, tiers on ---
    const gatewayResult = await concurrent('gateway (grantEntitlement)', groupA, forGateway, (u) => grant(client, groupA.id, u));
    const cachedAfter = await grantsBefore(groupA);

    // --- 2. the naive path, same limits, same concurrency ---
    // As a connector sets them up: one client per token (the list with the bot token, the write
    // with the user token), default retries; in-flight requests raised to the grants' concurrency.
    const reader = new WebClient(sim.tokens.bot, { ...quiet, maxRequestConcurrency: grants });
    const writer = new WebClient(sim.tokens.admin, { ...quiet, maxRequestConcurrency: grants });
    const naiveResult = await concurrent('naive (list + update per grant)', groupB, forNaive, (u) =>
      naiveGrant(reader, writer, groupB, u).catch((error: Error) => `error: ${error.message}`),
    );
    loadDuring.push(load());

    // --- 3. the gateway's own time per grant, limits and pacing off ---
    await simCalls.setRateLimits(false);
    await gateway.stop();
    proxy = await startTimingProxy(new URL(sim.apiUrl).origin);
    gateway = await spawnGateway({
      databaseUrl: target.url,
      apiUrl: `${proxy.origin}/api/`,
      scimUrl: `${proxy.origin}${new URL(sim.scimUrl).pathname}`,
      tokens: sim.tokens,
      client: CLIENT,
      slackMinuteMs: 0,
    });
    client = new GatewayClient(gateway.url, await gateway.token(), new Agent({ keepAlive: true, maxSockets: 1 }));
    // Distinct accounts into distinct groups, round-robin over the groups not used above.
    const used = new Set([...groupA.members, ...forGateway, ...groupB.members, ...forNaive]);
    const spare = eligible.filter((u) => !used.has(u));
    const plan: { group: Group; userId: string }[] = [];
    const taken = new Set<string>();
    while (plan.length < WARMUP_GRANTS + overheadGrants) {
      const group = others[plan.length % others.length] as Group;
      const userId = spare.find((u) => !taken.has(u) && !group.members.includes(u));
      if (!userId) throw new Error(`ran out of grantable accounts after ${plan.length} grants; use more --users`);
      taken.add(userId);
      plan.push({ group, userId });
    }
    loadDuring.push(load());
    const samples: { totalMs: number; slackMs: number; calls: number }[] = [];
    const overheadFailures: string[] = [];
    for (const [i, p] of plan.entries()) {
      const t0 = performance.now();
      const outcome = await grant(client, p.group.id, p.userId);
      const t1 = performance.now();
      if (outcome !== 'GRANTED') overheadFailures.push(outcome);
      if (i < WARMUP_GRANTS) continue;
      samples.push({ totalMs: t1 - t0, slackMs: proxy.busyMs(t0, t1), calls: proxy.callsWithin(t0, t1).length });
    }
    loadDuring.push(load());

    // --- report ---
    const rows: [string, ConcurrentResult][] = [
      ['gateway', gatewayResult],
      ['naive', naiveResult],
    ];
    console.log('');
    console.log(`${grants} concurrent grants into one group of ${groupA.members.length}, Slack tiers on (usergroups.users.* tier 2: 20 per Slack minute per token):`);
    console.log(`  ${'path'.padEnd(9)} ${'wall'.padStart(9)} ${'writes ok'.padStart(10)} ${'reads ok'.padStart(9)} ${'429s'.padStart(6)} ${'other err'.padStart(10)} ${'grants ok'.padStart(10)} ${'members'.padStart(12)} ${'lost'.padStart(5)} ${'extra'.padStart(6)}`);
    for (const [name, r] of rows) {
      console.log(
        `  ${name.padEnd(9)} ${seconds(r.ms).padStart(9)} ${String(r.calls.ok['usergroups.users.update'] ?? 0).padStart(10)} ${String(r.calls.ok['usergroups.users.list'] ?? 0).padStart(9)} ${String(sum(r.calls.rateLimited)).padStart(6)} ${String(sum(r.calls.failed)).padStart(10)} ${`${grants - r.failures.length}/${grants}`.padStart(10)} ${`${r.finalMembers}/${r.expected}`.padStart(12)} ${String(r.lost).padStart(5)} ${String(r.extra).padStart(6)}`,
      );
    }
    for (const [name, r] of rows) {
      console.log(`  ${name} Slack calls: ok ${JSON.stringify(r.calls.ok)}, 429 ${JSON.stringify(r.calls.rateLimited)}, failed ${JSON.stringify(r.calls.failed)}`);
      const distinct = [...new Set(r.failures)];
      if (distinct.length > 0) console.log(`  ${name} grants not reported GRANTED: ${r.failures.length} — ${distinct.slice(0, 3).join(' | ')}`);
    }
    console.log(`  gateway cache: ${cachedBefore} → ${cachedAfter} grants on ${groupA.id} (expected ${cachedBefore + grants})`);

    const sorted = (f: (s: (typeof samples)[number]) => number) => samples.map(f).sort((a, b) => a - b);
    const total = sorted((s) => s.totalMs);
    const slack = sorted((s) => s.slackMs);
    const overhead = sorted((s) => s.totalMs - s.slackMs);
    const callsPerGrant = samples.reduce((a, s) => a + s.calls, 0) / samples.length;
    console.log('');
    console.log(`${samples.length} sequential grants (after ${WARMUP_GRANTS} warm-up), distinct accounts into ${others.length} groups, limits and pacing off; Slack time = the union of the calls in flight at a timing proxy in front of the simulator during the grant (${callsPerGrant.toFixed(2)} calls per grant):`);
    const line = (label: string, v: number[]) => console.log(`  ${label.padEnd(24)} p50 ${percentile(v, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(v, 99).toFixed(1).padStart(6)} ms   max ${(v.at(-1) ?? NaN).toFixed(1).padStart(6)} ms`);
    line('total per grant', total);
    line('waiting on Slack', slack);
    line('gateway (total − Slack)', overhead);
    if (overheadFailures.length > 0) console.log(`  grants not reported GRANTED: ${overheadFailures.length} — ${[...new Set(overheadFailures)].slice(0, 3).join(' | ')}`);

    const gatewayWrites = gatewayResult.calls.ok['usergroups.users.update'] ?? 0;
    const naiveWrites = naiveResult.calls.ok['usergroups.users.update'] ?? 0;
    console.log('');
    console.log(
      `coalesced: ${gatewayWrites} writes, ${gatewayResult.calls.ok['usergroups.users.list'] ?? 0} reads, ${sum(gatewayResult.calls.rateLimited)} 429s in ${seconds(gatewayResult.ms)}, ${gatewayResult.lost} members lost; ` +
        `naive: ${naiveWrites} writes, ${naiveResult.calls.ok['usergroups.users.list'] ?? 0} reads, ${sum(naiveResult.calls.rateLimited)} 429s in ${seconds(naiveResult.ms)}, ${naiveResult.lost} members lost (Slack has ${naiveResult.finalMembers} of ${naiveResult.expected})` +
        `${naiveResult.extra > 0 ? `, ${naiveResult.extra} unexpected members` : ''}; gateway overhead per grant p50 ${percentile(overhead, 50).toFixed(1)} ms, p99 ${percentile(overhead, 99).toFixed(1)} ms`,
    );
    console.log(`load average (1, 5, 15 min) at the start of each part and the end: ${loadDuring.join(' | ')}`);

    const problems: string[] = [];
    if (gatewayResult.failures.length > 0) problems.push(`${gatewayResult.failures.length} gateway grants did not answer GRANTED`);
    if (gatewayResult.lost > 0 || gatewayResult.extra > 0) problems.push(`Slack's group ${groupA.id} has ${gatewayResult.finalMembers} members, expected exactly ${gatewayResult.expected} (${gatewayResult.lost} missing, ${gatewayResult.extra} unexpected)`);
    if (cachedAfter !== cachedBefore + grants) problems.push(`the cache has ${cachedAfter} grants on ${groupA.id}, expected ${cachedBefore + grants}`);
    if (overheadFailures.length > 0) problems.push(`${overheadFailures.length} sequential grants did not answer GRANTED`);
    if (problems.length > 0) {
      wrong = true;
      console.log(`WRONG: ${problems.join('; ')}`);
    }
  } finally {
    await gateway?.stop();
    await proxy?.close();
    await db.end().catch(() => undefined);
    sim.stop();
    await target.drop();
  }
  if (wrong) process.exitCode = 1;
}
