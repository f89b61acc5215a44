import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU milliseconds the server process spent per request, when its pid was given. */
  cpuMsPerRequest?: number;
}

export interface LoadRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** One request over `agent`; the answer's status and body. */
export function send(agent: Agent, r: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(r.url, { method: r.method ?? 'GET', headers: r.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  request: (i: number) => LoadRequest;
  /** Whether an answer is correct. */
  check: (status: number, body: string) => boolean;
  /** The serving process, whose CPU time is read from /proc around each turn. */
  pid?: number;
}

interface Sample {
  latencies: number[];
  errors: number;
  seconds: number;
  cpuMs?: number;
}

/** User plus system CPU time of a process in ms (Linux /proc; fields 14 and 15, in clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** `connections` loops, each sending one request at a time for `seconds` over its own keep-alive connection. */
async function sample(options: LoadOptions): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = options.pid ? processCpuMs(options.pid) : 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const res = await send(agent, options.request(i++));
          if (!options.check(res.status, res.body)) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = options.pid ? processCpuMs(options.pid) - cpuBefore : undefined;
  agent.destroy();
  return { latencies, errors, seconds, cpuMs };
}

/** Requests per second and latency percentiles (ms) over samples. */
function summarize(samples: Sample[]): LoadResult {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((a, s) => a + s.seconds, 0);
  const errors = samples.reduce((a, s) => a + s.errors, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const cpu = samples.every((s) => s.cpuMs !== undefined) ? samples.reduce((a, s) => a + (s.cpuMs ?? 0), 0) : undefined;
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    cpuMsPerRequest: cpu === undefined ? undefined : cpu / Math.max(1, latencies.length),
  };
}

/** One load for `seconds`. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  return summarize([await sample(options)]);
}

/**
 * Two loads measured side by side: `turns` alternating turns of seconds/turns each (which one goes
 * first alternates too), so a shared machine's drift in speed falls on both alike.
 */
export async function loadSideBySide(a: LoadOptions, b: LoadOptions, turns = 5): Promise<[LoadResult, LoadResult]> {
  const [ra, rb] = await loadInTurns([a, b], turns);
  return [ra!, rb!];
}

/**
 * Any number of loads measured side by side: `turns` rounds in which each takes a turn of
 * seconds/turns; the order rotates from round to round, so none always goes first or last.
 */
export async function loadInTurns(loads: LoadOptions[], turns = 5): Promise<LoadResult[]> {
  const samples: Sample[][] = loads.map(() => []);
  for (let turn = 0; turn < turns; turn++) {
    const order = loads.map((_, i) => (i + turn) % loads.length);
    if (turn % 2 === 1) order.reverse();
    for (const side of order) {
      const options = loads[side]!;
      samples[side]!.push(await sample({ ...options, seconds: options.seconds / turns }));
    }
  }
  return samples.map(summarize);
}
