import { hash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** Prefixes make leaked credentials recognisable to secret scanners and to people. */
export const CLIENT_SECRET_PREFIX = 'sgs_';
export const ACCESS_TOKEN_PREFIX = 'sgt_';
export const CLIENT_ID_PREFIX = 'sgc_';

/** 32 random bytes: brute force is hopeless, so a fast hash is enough to store it. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function generateClientId(): string {
  return `${CLIENT_ID_PREFIX}${randomBytes(9).toString('base64url')}`;
}

// Every API request hashes its bearer token: the one-shot hash() takes a third of createHash()'s time.
export function sha256(value: string): string {
  return hash('sha256', value, 'hex');
}

/**
 * The stored form of a client secret. Generated secrets are high-entropy, so SHA-256 suffices.
 * The bootstrap secret is chosen by an operator and may be guessable, so it gets a salted scrypt.
 */
export async function hashClientSecret(secret: string): Promise<string> {
  if (secret.startsWith(CLIENT_SECRET_PREFIX) && secret.length >= 40) return `sha256:${sha256(secret)}`;
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, 32);
  return `scrypt:${salt.toString('base64url')}:${key.toString('base64url')}`;
}

function equalBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// What an unknown client id is checked against: the same scrypt work as a real one.
const DECOY_SALT = randomBytes(16);
const DECOY_KEY = randomBytes(32);

/**
 * Checks a secret against its stored hash, or (stored undefined: no such client) against a
 * decoy. Every check costs one scrypt, whatever the client and whether it exists, so the time
 * an answer takes does not tell which client ids exist or how their secrets are stored.
 */
export async function verifyClientSecret(secret: string, stored: string | undefined): Promise<boolean> {
  const [kind, ...rest] = (stored ?? '').split(':');
  if (kind === 'sha256' && rest.length === 1) {
    // High-entropy secrets need no scrypt; it runs anyway so the answer takes as long as any.
    await scrypt(secret, DECOY_SALT, DECOY_KEY.length);
    return equalBytes(Buffer.from(sha256(secret), 'hex'), Buffer.from(rest[0] as string, 'hex'));
  }
  if (stored === undefined || kind !== 'scrypt') {
    await scrypt(secret, DECOY_SALT, DECOY_KEY.length);
    return false;
  }
  if (rest.length === 2) {
    const salt = Buffer.from(rest[0] as string, 'base64url');
    const expected = Buffer.from(rest[1] as string, 'base64url');
    return equalBytes(await scrypt(secret, salt, expected.length), expected);
  }
  return false;
}

/**
 * The part of a secret that is safe to show (`client list`), so an operator can tell which
 * secret a client holds. Operator-chosen secrets show less: they carry less entropy.
 */
export function visiblePrefix(secret: string): string {
  return secret.startsWith(CLIENT_SECRET_PREFIX) ? secret.slice(0, CLIENT_SECRET_PREFIX.length + 8) : secret.slice(0, 3);
}
