// Benchmark: the Slack simulator must never be the bottleneck of a sync benchmark.
// Seeds a large organization, lists every user through @slack/web-api's paginate at 200 per page,
// and reports seed time, listing time, server time per page and peak memory.
//   npm run bench -- simulator [--users 100000] [--plan business-plus] [--passes 2]
import { WebClient } from '@slack/web-api';
import { startSimulator, type SlackPlan } from '../../src/simulator/index.ts';

function flag(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? (args[at + 1] as string) : fallback;
}

export default async function run(args: string[]): Promise<void> {
  const users = Number(flag(args, 'users', '100000'));
  const plan = flag(args, 'plan', 'business-plus') as SlackPlan;
  const passes = Number(flag(args, 'passes', '2'));
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);

  const seedStart = performance.now();
  const sim = await startSimulator({ plan, users });
  const seedMs = performance.now() - seedStart;
  const teamId = [...sim.store.workspaces.keys()][0] as string;
  const workspaceUsers = sim.store.workspace(teamId)?.userIds.length ?? 0;
  console.log(`simulator bench: plan ${plan}, ${users} generated users (${workspaceUsers} in the listed workspace)`);
  console.log(`  seed + start:      ${(seedMs / 1000).toFixed(2)} s`);

  const client = new WebClient(sim.tokens.bot, { slackApiUrl: sim.apiUrl, retryConfig: { retries: 0 } });
  for (let pass = 1; pass <= passes; pass++) {
    sim.control.resetCalls();
    const listStart = performance.now();
    let listed = 0;
    for await (const page of client.paginate('users.list', { limit: 200, ...(sim.store.isGrid ? { team_id: teamId } : {}) })) {
      listed += (page as unknown as { members: unknown[] }).members.length;
    }
    const listMs = performance.now() - listStart;
    const server = sim.control.serverTime('users.list');
    if (listed !== workspaceUsers) throw new Error(`listed ${listed} users, expected ${workspaceUsers}`);
    console.log(
      `  list pass ${pass}${pass === 1 ? ' (cold)' : ' (warm)'}: ${(listMs / 1000).toFixed(2)} s for ${listed} users in ${server.calls} pages` +
        ` — server ${(server.totalMs / server.calls).toFixed(3)} ms/page, client+network ${((listMs - server.totalMs) / server.calls).toFixed(3)} ms/page`,
    );
  }

  clearInterval(sampler);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  console.log(`  peak memory:       rss ${mb(peakRss)}, heap ${mb(peakHeap)} (process total, simulator and client)`);
  await sim.close();
}
