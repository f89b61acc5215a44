import { Command, InvalidArgumentError, Option } from 'commander';
import type { RunningSimulator, SimulatorOptions, SlackPlan } from './index.ts';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

interface SimulateFlags {
  port?: number | string;
  host?: string;
  plan: SlackPlan;
  org?: 'generated' | 'demo';
  users?: number;
  workspaces?: number;
  userGroups?: number;
  idpGroups?: number;
  channels?: number;
  seed: number;
  botToken?: string;
  adminToken?: string;
  enterpriseToken?: string;
  rateLimits?: boolean;
  timeScale: number;
}

export function simulatorOptionsFromFlags(flags: SimulateFlags): SimulatorOptions {
  return {
    plan: flags.plan,
    org: flags.org ?? 'generated',
    seed: flags.seed,
    port: flags.port === undefined ? 4100 : positiveInt(String(flags.port)),
    host: flags.host ?? '127.0.0.1',
    rateLimits: flags.rateLimits ?? false,
    timeScale: flags.timeScale,
    ...(flags.users !== undefined ? { users: flags.users } : {}),
    ...(flags.workspaces !== undefined ? { workspaces: flags.workspaces } : {}),
    ...(flags.userGroups !== undefined ? { userGroups: flags.userGroups } : {}),
    ...(flags.idpGroups !== undefined ? { idpGroups: flags.idpGroups } : {}),
    ...(flags.channels !== undefined ? { channels: flags.channels } : {}),
    ...(flags.botToken ? { botToken: flags.botToken } : {}),
    ...(flags.adminToken ? { adminToken: flags.adminToken } : {}),
    ...(flags.enterpriseToken ? { enterpriseToken: flags.enterpriseToken } : {}),
  };
}

/** What `slackgate simulate` prints at start: where to point slackgate and which (fake) tokens to use. */
export function describeSimulator(sim: RunningSimulator, seconds: number): string {
  const { store } = sim;
  const lines = [
    `Slack simulator (${sim.plan}) ready in ${seconds.toFixed(1)}s — this is a simulation, not Slack`,
    `  Web API:  ${sim.apiUrl}`,
    `  SCIM:     ${sim.scimUrl}${sim.plan === 'gov' ? ' (GovSlack: v1 only)' : ` (also ${sim.origin}/scim/v1/)`}`,
    `  Control:  ${sim.origin}/_simulator/`,
    `  Bot token:        ${sim.tokens.bot}`,
    `  Admin token:      ${sim.tokens.admin}`,
  ];
  if (sim.tokens.enterprise) lines.push(`  Enterprise token: ${sim.tokens.enterprise}`);
  lines.push(
    `  Slack app:        --app-token ${sim.app.appToken} (Socket Mode) or --signing-secret ${sim.app.signingSecret}`,
    `                    (HTTP: POST ${sim.origin}/_simulator/app/configure {"requestUrls":["<gateway>/slack/events"]}); people act at ${sim.origin}/_simulator/app/`,
  );
  lines.push(
    `  Organization: ${store.enterprise ? `${store.enterprise.name} (${store.enterprise.id}), ` : ''}${store.workspaces.size} workspace(s), ${store.users.size} users, ${store.usergroups.size} user groups, ${store.channels.size} channels`,
  );
  return `${lines.join('\n')}\n`;
}

export interface SimulateIo {
  stdout: NodeJS.WritableStream;
  stopSignal: Promise<string>;
}

export function registerSimulateCommand(program: Command, io?: SimulateIo): void {
  program
    .command('simulate')
    .description('run the built-in Slack simulator (Web API at /api/, SCIM at /scim/v1/ and /scim/v2/)')
    // --port, --host and --enterprise-token may also be slackgate's global options; commander then
    // hands them to the program, so the action reads them with optsWithGlobals().
    .option('--port <port>', 'port to listen on (0 = any free port; default 4100)', positiveInt)
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .addOption(new Option('--plan <plan>', 'Slack plan to simulate').choices(['pro', 'business-plus', 'grid', 'gov']).default('business-plus'))
    .addOption(new Option('--org <org>', 'a generated organization, or the named demo company').choices(['generated', 'demo']))
    .option('--users <n>', 'number of users to generate', positiveInt)
    .option('--workspaces <n>', 'number of workspaces (grid and gov)', positiveInt)
    .option('--user-groups <n>', 'number of user groups', positiveInt)
    .option('--idp-groups <n>', 'number of IdP (SCIM) groups', positiveInt)
    .option('--channels <n>', 'number of channels', positiveInt)
    .option('--seed <n>', 'seed for the generated organization', positiveInt, 1)
    .option('--bot-token <token>', 'bot token to accept (default: a fixed fake xoxb- token)')
    .option('--admin-token <token>', 'admin user token to accept (default: a fixed fake xoxp- token)')
    .option('--enterprise-token <token>', 'org admin token to accept on grid/gov (default: a fixed fake xoxp- token)')
    .option('--rate-limits', "enforce Slack's per-method tiers and SCIM budgets")
    .option('--time-scale <n>', 'a Slack minute lasts 60/N seconds', positiveNumber, 1)
    .action(async (_flags: SimulateFlags, command: Command) => {
      const flags = command.optsWithGlobals<SimulateFlags>();
      const out = io?.stdout ?? process.stdout;
      const started = performance.now();
      const { startSimulator } = await import('./index.ts');
      const sim = await startSimulator(simulatorOptionsFromFlags(flags));
      out.write(describeSimulator(sim, (performance.now() - started) / 1000));
      const stop =
        io?.stopSignal ??
        new Promise<string>((resolve) => {
          for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
        });
      const signal = await stop;
      out.write(`simulator stopping (${signal})\n`);
      await sim.close();
    });
}
