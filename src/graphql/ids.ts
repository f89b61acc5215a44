import { GraphQLError } from 'graphql';

/**
 * Global ids are opaque: base64url of `Typename:internalId`. Every ID argument also accepts the
 * external id (`userGroup:S123:member`, `user:U456`); those always contain a ':' (which base64url
 * never does), and are looked up by their `external_id` column — never split apart.
 */
export const EXTERNAL_ID = '__external';

const GLOBAL_ID_BODY = /^([A-Za-z][A-Za-z0-9]*):(\d+)$/;

export function encodeGlobalId(typename: string, id: bigint | number | string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  typename: string;
  id: string;
}

/** `{typename, id}` of a global id, or `{typename: EXTERNAL_ID, id}` for anything else. */
export function decodeGlobalId(raw: string): DecodedId {
  if (!raw.includes(':') && /^[A-Za-z0-9_-]+$/.test(raw)) {
    const match = GLOBAL_ID_BODY.exec(Buffer.from(raw, 'base64url').toString('utf8'));
    if (match && encodeGlobalId(match[1] as string, match[2] as string) === raw) return { typename: match[1] as string, id: match[2] as string };
  }
  return { typename: EXTERNAL_ID, id: raw };
}

export function badIdError(raw: string, expected: readonly string[], argument: string): GraphQLError {
  const decoded = decodeGlobalId(raw);
  const what = decoded.typename === EXTERNAL_ID ? 'an unknown external id' : `a ${decoded.typename} id`;
  return new GraphQLError(`${argument}: "${raw}" is ${what}; expected ${expected.join(' or ')} (a global id or an external id)`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}
