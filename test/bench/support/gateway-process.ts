// Runs the gateway (the service `slackgate serve` starts) in its own process for benchmarks, with
// a chosen Slack pacing minute, and prints one JSON line with its URL once it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

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
}

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** A bearer token of the bootstrap admin client. */
  token(): Promise<string>;
  stop(): Promise<void>;
}

async function runGateway(spec: GatewaySpec): Promise<void> {
  const { resolveConfig } = await import('../../../src/config.ts');
  const { createDb } = await import('../../../src/db/createDb.ts');
  const { migrateToLatest } = await import('../../../src/db/migrate.ts');
  const { createLogger } = await import('../../../src/log.ts');
  const { startService } = await import('../../../src/service.ts');
  const config = resolveConfig(
    {
      token: spec.tokens.bot,
      businessPlusToken: spec.tokens.admin,
      enterpriseToken: spec.tokens.enterprise,
      ssoEnabled: true,
      slackApiUrl: spec.apiUrl,
      scimApiUrl: spec.scimUrl,
      databaseUrl: spec.databaseUrl,
      clientId: spec.client.id,
      clientSecret: spec.client.secret,
      port: '0',
      syncInterval: '0',
    },
    {},
  );
  const database = await createDb({ url: spec.databaseUrl });
  await migrateToLatest(database.db);
  const logger = createLogger({ level: 'info', format: 'json', destination: createWriteStream(spec.logFile ?? '/dev/null') });
  const service = await startService({ config, database, logger, slackMinuteMs: spec.slackMinuteMs });
  process.stdout.write(`${JSON.stringify({ url: service.url })}\n`);
  process.once('SIGTERM', () => {
    void service
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}

/** Starts a gateway process on an ephemeral port and waits until it listens. */
export async function spawnGateway(spec: GatewaySpec): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const url = (JSON.parse(line) as { url: string }).url;
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
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// Run as the gateway child: `node --import tsx test/bench/support/gateway-process.ts '<spec>'`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runGateway(JSON.parse(process.argv[2] ?? '{}') as GatewaySpec);
}
