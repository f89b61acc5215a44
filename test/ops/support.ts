import { spawn, type ChildProcess } from 'node:child_process';
import type { RunningSimulator } from '../../src/simulator/index.ts';

const BIN = new URL('../../bin/slackgate.js', import.meta.url).pathname;

export const ADMIN = { id: 'ops-admin', secret: 'ops-admin-secret-0123456789abcdef' };

/** A `slackgate serve` child process and what it printed. */
export interface ServeProcess {
  child: ChildProcess;
  /** JSON log lines so far. */
  // `any`: log lines come in many shapes; the tests assert the fields they look for.
  logs(): Record<string, any>[];
  output(): string;
  exited: Promise<number | null>;
  /** Base URL, once the process listens. */
  url(): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const started: ServeProcess[] = [];

/** Kills whatever a test left running (afterAll). */
export function killAll(): void {
  for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
}

/**
 * Starts `slackgate serve` against the simulator of the test process, on a free port, with the
 * bootstrap admin client. `db` is either a Postgres URL or a PGlite data directory.
 */
export function serve(sim: RunningSimulator, db: { url?: string; dataDir?: string }, extra: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): ServeProcess {
  const args = [
    BIN,
    'serve',
    '--token',
    sim.tokens.bot,
    '--business-plus-token',
    sim.tokens.admin,
    '--sso-enabled',
    '--slack-api-url',
    sim.apiUrl,
    '--scim-api-url',
    sim.scimUrl,
    '--port',
    '0',
    '--client-id',
    ADMIN.id,
    '--client-secret',
    ADMIN.secret,
    '--log-format',
    'json',
    ...extra,
  ];
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...(db.url ? { DATABASE_URL: db.url } : { SLACKGATE_DATA_DIR: db.dataDir }), ...extraEnv };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // `any`: as for logs() above.
  const lines: Record<string, any>[] = [];
  let partial = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const p of parts) {
      try {
        lines.push(JSON.parse(p) as Record<string, any>);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const s: ServeProcess = {
    child,
    logs: () => lines,
    output: () => out,
    exited,
    url: () =>
      until(
        () => {
          const line = lines.find((l) => typeof l.url === 'string' && /serving GraphQL/.test(String(l.msg)));
          if (!line && child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}: ${out}`);
          return line?.url as string | undefined;
        },
        'serve to listen',
      ),
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
  started.push(s);
  return s;
}

export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function adminToken(url: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: ADMIN.id, client_secret: ADMIN.secret }),
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

// `any`: answers differ per query; the tests assert the fields they select.
export async function gql(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: { message: string }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
}

/** Reads an SSE response to its end: the `next` payloads, and whether it ended with `complete`. */
export async function readStream(res: Response): Promise<{ events: unknown[]; completed: boolean }> {
  const events: unknown[] = [];
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // the connection was cut
  }
  for (const block of text.split('\n\n')) {
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (/^event: next/m.test(block) && data) events.push(JSON.parse(data));
  }
  return { events, completed: /^event: complete/m.test(text) };
}

export async function openStream(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<Response> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) throw new Error(`not an event stream: ${res.status} ${await res.text()}`);
  return res;
}

export const PROGRESS = 'status phase done run { id }';
