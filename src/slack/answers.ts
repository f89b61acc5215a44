import { isAscii } from 'node:buffer';
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

const BLOCK = 1024;
const HEX = '0123456789abcdef';
/** Answers up to this size are rewritten in one buffer kept between calls (pages are 1–2 MB). */
const KEEP_SCRATCH = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(0);

function escapeInto(out: Buffer, at: number, unit: number): number {
  out[at] = 0x5c; // \
  out[at + 1] = 0x75; // u
  out[at + 2] = HEX.charCodeAt((unit >> 12) & 15);
  out[at + 3] = HEX.charCodeAt((unit >> 8) & 15);
  out[at + 4] = HEX.charCodeAt((unit >> 4) & 15);
  out[at + 5] = HEX.charCodeAt(unit & 15);
  return at + 6;
}

/**
 * The text of a JSON answer (UTF-8 bytes), for JSON.parse: the same values as
 * `bytes.toString('utf8')` gives, but made cheaper to decode and parse. A string holding one
 * character above U+00FF is stored two bytes per character, and V8 decodes UTF-8 into one byte
 * by byte: a page of a thousand users with a few names in Japanese, Arabic or Cyrillic made the
 * whole megabyte-and-a-half answer, and every string parsed from it, twice the size, and its
 * decoding cost as much as its parsing. In JSON such characters can only stand inside strings,
 * where `\uXXXX` means the same: written so, the text is ASCII (copied, not decoded), and only
 * the strings that hold them are two-byte once parsed. Invalid UTF-8 is left to Node's decoder,
 * which replaces it as before.
 */
export function jsonText(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  const n = bytes.length;
  // Each character of 2, 3 or 4 bytes becomes 6 or 12 (up to three times the input); the
  // buffer starts a little larger than the answer and grows when escapes fill it.
  let out = n <= KEEP_SCRATCH && scratch.length >= n + (n >> 3) ? scratch : Buffer.allocUnsafe(n + (n >> 3) + 64);
  if (n <= KEEP_SCRATCH) scratch = out;
  let o = 0;
  const room = (need: number) => {
    if (o + need <= out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(o + need, out.length * 2));
    out.copy(bigger, 0, 0, o);
    out = bigger;
    if (n <= KEEP_SCRATCH) scratch = out;
  };
  let from = 0;
  let i = 0;
  while (i < n) {
    // ASCII runs are skipped a block at a time (Node checks a block with SIMD).
    if (i % BLOCK === 0 && i + BLOCK <= n && isAscii(bytes.subarray(i, i + BLOCK))) {
      i += BLOCK;
      continue;
    }
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const c1 = i + 1 < n ? bytes[i + 1]! : 0;
    const c2 = i + 2 < n ? bytes[i + 2]! : 0;
    const c3 = i + 3 < n ? bytes[i + 3]! : 0;
    let cp: number;
    let len: number;
    if (c >= 0xc2 && c < 0xe0 && (c1 & 0xc0) === 0x80) {
      cp = ((c & 0x1f) << 6) | (c1 & 0x3f);
      len = 2;
    } else if (c >= 0xe0 && c < 0xf0 && (c1 & 0xc0) === 0x80 && (c2 & 0xc0) === 0x80) {
      cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      len = 3;
      if (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000)) return bytes.toString('utf8'); // overlong, or a surrogate
    } else if (c >= 0xf0 && c < 0xf5 && (c1 & 0xc0) === 0x80 && (c2 & 0xc0) === 0x80 && (c3 & 0xc0) === 0x80) {
      cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      len = 4;
      if (cp < 0x10000 || cp > 0x10ffff) return bytes.toString('utf8');
    } else {
      return bytes.toString('utf8');
    }
    room(i - from + 12);
    o += bytes.copy(out, o, from, i);
    if (cp < 0x10000) o = escapeInto(out, o, cp);
    else {
      cp -= 0x10000;
      o = escapeInto(out, o, 0xd800 + (cp >> 10));
      o = escapeInto(out, o, 0xdc00 + (cp & 0x3ff));
    }
    i += len;
    from = i;
  }
  room(n - from);
  o += bytes.copy(out, o, from, n);
  return out.toString('latin1', 0, o);
}
