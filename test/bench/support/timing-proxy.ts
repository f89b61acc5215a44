// An HTTP proxy in front of the Slack simulator that records when each call started and ended, so
// a benchmark can tell how long the gateway waited on Slack. The simulator's own server-side
// time leaves out reading the request, sending the answer and waiting for its event loop; the
// round trip seen here includes them. The extra local hop through this proxy counts as Slack
// time; the gateway parsing the answer counts as the gateway's.
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TimedCall {
  /** Web API method or the request path. */
  method: string;
  /** performance.now() of this process when the request arrived and when its answer was sent. */
  start: number;
  end: number;
  status: number;
}

export interface TimingProxy {
  /** The proxy's origin; `${origin}/api/` stands for the simulator's Web API. */
  origin: string;
  calls: TimedCall[];
  /** Milliseconds within [from, to] during which at least one call was in flight. */
  busyMs(from: number, to: number): number;
  /** Calls that overlap [from, to]. */
  callsWithin(from: number, to: number): TimedCall[];
  close(): Promise<void>;
}

export async function startTimingProxy(target: string): Promise<TimingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const calls: TimedCall[] = [];
  const server = createServer((req, res) => {
    const start = performance.now();
    const path = req.url ?? '/';
    const method = /\/([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+)\/?(?:\?|$)/.exec(path)?.[1] ?? path;
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path, method: req.method, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.on('finish', () => calls.push({ method, start, end: performance.now(), status: answer.statusCode ?? 0 }));
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502);
      res.end(error.message);
    });
    req.pipe(forward);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callsWithin = (from: number, to: number) => calls.filter((c) => c.end > from && c.start < to);
  return {
    origin,
    calls,
    callsWithin,
    busyMs: (from, to) => {
      // The union of the calls' intervals, clipped to the window: parallel calls count once.
      const spans = callsWithin(from, to)
        .map((c) => [Math.max(from, c.start), Math.min(to, c.end)] as const)
        .sort((a, b) => a[0] - b[0]);
      let busy = 0;
      let until = -Infinity;
      for (const [s, e] of spans) {
        if (e <= until) continue;
        busy += e - Math.max(s, until);
        until = e;
      }
      return busy;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
