// Runs the gateway for benchmarks as users run it: `slackgate serve` from the compiled build, in
// its own process, configured through its environment (with a chosen Slack pacing minute), its
// info-level log to a file.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { builtSlackgate } from './processes.ts';

export interface GatewaySpec {
  databaseUrl: string;
  apiUrl: string;
  scimUrl: string;
  tokens: { bot: string; admin: string; enterprise?: string };
  /** The bootstrap admin client the benchmark authenticates as. */
  client: { id: string; secret: string };
  /** Slack's pacing minute in ms: 60 000 / time scale against a rate-limited simulator, 0 for none. */
  slackMinuteMs: number;
  /** Where the gateway's info-level log goes (one line per request); /dev/null by default. */
  logFile?: string;
  /** More settings in its environment (e.g. SLACKGATE_SIGNING_SECRET). */
  env?: Record<string, string>;
  /** Node options before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Another build's bin/slackgate.js (an A/B comparison); this tree's build by default. */
  bin?: string;
}

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** A bearer token of the bootstrap admin client. */
  token(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a gateway process on an ephemeral port and waits until it listens. */
export async function spawnGateway(spec: GatewaySpec): Promise<GatewayProcess> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    DATABASE_URL: spec.databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    NODE_ENV: 'production',
    SLACKGATE_SYNC_INTERVAL: '0',
    SLACKGATE_TOKEN: spec.tokens.bot,
    SLACKGATE_BUSINESS_PLUS_TOKEN: spec.tokens.admin,
    SLACKGATE_ENTERPRISE_TOKEN: spec.tokens.enterprise,
    SLACKGATE_SSO_ENABLED: 'true',
    SLACKGATE_SLACK_API_URL: spec.apiUrl,
    SLACKGATE_SCIM_API_URL: spec.scimUrl,
    SLACKGATE_CLIENT_ID: spec.client.id,
    SLACKGATE_CLIENT_SECRET: spec.client.secret,
    SLACKGATE_SLACK_TIME_SCALE: String(spec.slackMinuteMs === 0 ? 0 : 60_000 / spec.slackMinuteMs),
    ...spec.env,
  };
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.bin ?? builtSlackgate(), 'serve'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const log = createWriteStream(spec.logFile ?? '/dev/null');
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      try {
        const o = JSON.parse(line) as { url?: unknown; msg?: unknown };
        if (typeof o.url === 'string' && String(o.msg).includes('serving')) resolve(o.url);
      } catch {
        // not a JSON line
      }
    });
  });
  return {
    url,
    child,
    token: async () => {
      const res = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: spec.client.id, client_secret: spec.client.secret }),
      });
      if (!res.ok) throw new Error(`token request answered ${res.status}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      log.end();
    },
  };
}
