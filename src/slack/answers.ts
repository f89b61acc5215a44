import { createHash } from 'node:crypto';

// Reading a list is mostly turning its answers into objects: decoding megabytes of JSON text and
// parsing it costs more than fetching it. A caller that kept what an earlier, identical answer
// produced (the sync keeps each page's staged rows) can skip that: the answer's bytes are
// digested first, and the caller says whether it knows them.

/**
 * Asked with the digest of an answer's bytes before they are parsed: what the caller kept from
 * an identical answer (the cursor of the page after it, a list's total), or undefined to parse.
 */
export type KnownAnswer = (digest: string) => string | undefined;

const CACHE_TS = Buffer.from('"cache_ts":');

/**
 * A digest of an answer's bytes, seeded with `seed`. `users.list` stamps every answer with the
 * time it made it (`cache_ts`); that stamp is left out, so two answers listing the same users are
 * equal.
 */
export function answerDigest(bytes: Buffer, seed: string): string {
  const hash = createHash('sha1').update(seed);
  const at = bytes.lastIndexOf(CACHE_TS);
  if (at < 0) return hash.update(bytes).digest('base64');
  let end = at + CACHE_TS.length;
  while (end < bytes.length && ((bytes[end]! >= 0x30 && bytes[end]! <= 0x39) || bytes[end] === 0x2e)) end++;
  return hash.update(bytes.subarray(0, at)).update(bytes.subarray(end)).digest('base64');
}
