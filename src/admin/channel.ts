import { chmodSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * The local admin channel of an embedded data directory's owner: HTTP over the Unix socket
 * `admin.sock` in the data directory, created with mode 0600 (inside a 0700 directory), so only
 * the same OS user reaches it. CLI commands run their operation through it when a server owns the
 * directory, and the server applies it to the database it holds: a revoke is seen by the next
 * request, a created client can get a token at once.
 *
 * One request per operation: `POST /<operation>` with JSON parameters; the answer is a stream of
 * JSON lines: `{"event":…}` (sync progress), `{"chunk":"…"}` (export output), then exactly one
 * `{"result":…}` or `{"error":{"message":…,"exitCode":…}}`.
 */

export interface AdminLine {
  event?: unknown;
  chunk?: string;
  result?: unknown;
  error?: AdminFailure;
}

export interface AdminFailure {
  message: string;
  exitCode: number;
  /** The owner does not take operations (it is a command, not a server): wait for it to finish. */
  busy?: boolean;
}

/** Runs an operation; `emit` waits while the caller reads slowly. */
export type AdminHandler = (params: Record<string, unknown>, emit: (line: AdminLine) => Promise<void>, signal: AbortSignal) => Promise<unknown>;

export interface AdminChannel {
  /** From now on operations run through these handlers (until then they wait). */
  serve(handlers: Record<string, AdminHandler>): void;
  /** Ends the channel: new connections are refused, operations in progress are cut. */
  close(): Promise<void>;
}

export interface AdminChannelOptions {
  socketPath: string;
  /** The owner is a one-off command: operations are answered `busy` with this message. */
  busyMessage?: string;
  /** Turns a handler's failure into the one line the CLI prints (no stacks, no secrets). */
  describeFailure: (error: unknown) => AdminFailure;
}

function writeLine(res: ServerResponse, line: AdminLine): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    if (res.write(`${JSON.stringify(line)}\n`)) resolve();
    else {
      res.once('drain', () => resolve());
      res.once('close', () => resolve());
    }
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 1_000_000) throw new Error('parameters too large');
  }
  const value: unknown = text ? JSON.parse(text) : {};
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export async function startAdminChannel(options: AdminChannelOptions): Promise<AdminChannel> {
  let handlers: Record<string, AdminHandler> | undefined;
  let setReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (setReady = resolve));
  const inProgress = new Set<AbortController>();

  const server = createServer((req, res) => {
    const op = (req.url ?? '/').slice(1);
    const abort = new AbortController();
    inProgress.add(abort);
    res.once('close', () => {
      inProgress.delete(abort);
      abort.abort();
    });
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    void (async () => {
      if (options.busyMessage !== undefined) {
        await writeLine(res, { error: { message: options.busyMessage, exitCode: 2, busy: true } });
        return;
      }
      try {
        const params = await readJson(req);
        await ready;
        const handler = handlers?.[op];
        if (!handler) {
          await writeLine(res, { error: { message: `this server does not know the operation "${op}"; are the CLI and the server the same version?`, exitCode: 2 } });
          return;
        }
        const result = await handler(params, (line) => writeLine(res, line), abort.signal);
        await writeLine(res, { result: result ?? null });
      } catch (error) {
        await writeLine(res, { error: options.describeFailure(error) });
      }
    })().finally(() => res.end());
  });

  // Created with 0600 from the start (umask), not narrowed after a window where others could connect.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(options.socketPath, 0o600);

  return {
    serve(h) {
      handlers = h;
      setReady();
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const abort of inProgress) abort.abort();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The channel's answer could not be read: the owner stopped, or is not a slackgate. */
export class AdminChannelError extends Error {}

/**
 * Runs an operation through the owner's admin channel. Lines before the result go to `onLine`;
 * resolves with the result, or with the failure the owner reported.
 */
export function callAdmin(socketPath: string, op: string, params: Record<string, unknown>, onLine: (line: AdminLine) => void | Promise<void>): Promise<{ result?: unknown; error?: AdminFailure }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: `/${op}`, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let buffered = '';
      let final: { result?: unknown; error?: AdminFailure } | undefined;
      let work = Promise.resolve();
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffered += text;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const raw = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (!raw) continue;
          const line = JSON.parse(raw) as AdminLine;
          if ('result' in line) final = { result: line.result };
          else if (line.error) final = { error: line.error };
          else {
            // Output is written in order; reading pauses while it is written.
            res.pause();
            work = work.then(() => onLine(line)).finally(() => res.resume());
          }
        }
      });
      res.once('end', () => {
        void work.then(
          () => (final ? resolve(final) : reject(new AdminChannelError('the server ended the operation without an answer (did it stop?)'))),
          reject,
        );
      });
      res.once('error', (error) => reject(new AdminChannelError(error.message)));
    });
    req.once('error', (error) => reject(new AdminChannelError(error.message)));
    req.end(JSON.stringify(params));
  });
}
