import type { IncomingMessage } from 'node:http';

/** A request body over the endpoint's limit: answered 413 (or the endpoint's own refusal). */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body is larger than ${limit} bytes`);
  }
}

/** Whether the request declares (Content-Length) a body over the limit, before any of it is read. */
export function declaresTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The whole body, refused with `BodyTooLarge` as soon as it passes `limit` bytes (declared or
 * sent chunked), so a client cannot make the process buffer an unbounded body.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (declaresTooLarge(req, limit)) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}
