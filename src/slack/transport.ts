import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

// The bulk reads of a sync (a users.list page is a megabyte and a half; a run reads hundreds of
// answers) over node:http with kept-alive connections. Node's fetch costs several times the CPU
// per answer: each arrives through web streams and promises chunk by chunk, and the sync's
// reading is bound by its one thread. Answers are asked for compressed, as fetch asks for them
// (Slack compresses), and decompressed here.

export interface HttpAnswer {
  status: number;
  /** A header's value (the first, if repeated), or undefined. */
  header(name: string): string | undefined;
  /** The body, decompressed. Empty for an answer whose body was not read (see `readBody`). */
  bytes: Buffer;
}

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Reads the body of an answer with this status; otherwise it is discarded (default: every status). */
  readBody?: (status: number) => boolean;
}

/** An answer's Retry-After in milliseconds, when it gives a usable one (a number of seconds). */
export function retryAfterMs(answer: HttpAnswer): number | undefined {
  const header = answer.header('retry-after');
  const seconds = Number(header);
  return header !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

function decoded(res: http.IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

/**
 * Sends one request and reads its whole answer. Rejects on a network failure, on the timeout
 * (which covers the body too), and on a redirect (Slack's API does not redirect; following one
 * would send the token elsewhere).
 */
export function sendRequest(url: URL, request: HttpRequest): Promise<HttpAnswer> {
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  const transport = url.protocol === 'https:' ? https : http;
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: request.method,
        agent,
        headers: { 'accept-encoding': 'gzip, deflate, br', ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const header = (name: string) => {
          const value = res.headers[name.toLowerCase()];
          return Array.isArray(value) ? value[0] : value;
        };
        if (status >= 300 && status < 400) {
          res.resume();
          reject(new Error(`redirected (HTTP ${status}); not followed`));
          return;
        }
        if (request.readBody && !request.readBody(status)) {
          res.resume();
          resolve({ status, header, bytes: Buffer.alloc(0) });
          return;
        }
        const chunks: Buffer[] = [];
        let length = 0;
        const stream = decoded(res);
        stream.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          length += chunk.length;
        });
        stream.on('end', () => resolve({ status, header, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) }));
        stream.on('error', reject);
        // A connection cut mid-body (or the timeout) ends the answer with an error.
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('the answer was cut short')));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
