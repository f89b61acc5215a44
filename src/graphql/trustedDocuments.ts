import { readFileSync } from 'node:fs';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import bundled from '../gql/persisted-documents.json' with { type: 'json' };
import type { Principal } from '../auth/tokens.ts';

/** hash (sha256 of the document, as codegen's persisted-documents output names it) -> document text. */
export type TrustedDocuments = Record<string, string>;

/** The manifest the gateway always trusts: the bundled client's documents (src/client/). */
export const BUNDLED_TRUSTED_DOCUMENTS: TrustedDocuments = bundled;

/** Reads a manifest file (codegen's persisted-documents.json); a clear error when it is not one. */
export function readTrustedDocuments(path: string): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the trusted-documents manifest ${path}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
    throw new Error(`${path} is not a trusted-documents manifest: expected a JSON object of hash -> document (codegen's persisted-documents.json)`);
  }
  return parsed as TrustedDocuments;
}

export const TRUSTED_ONLY_MESSAGE =
  'this API client may run only trusted documents: send extensions.persistedQuery.sha256Hash of a document in the gateway\'s manifest, without a query';

/**
 * Trusted documents over HTTP (and SSE), on graphql-yoga's persisted-operations plugin: any client
 * may send a manifest document by hash; a client marked trusted-only may send nothing else.
 * The WebSocket transport applies the same rule itself (see server.ts), as Yoga's HTTP-level
 * plugins do not run there.
 */
export function useTrustedDocuments(manifest: TrustedDocuments, principalOf: (request: Request) => Principal | undefined): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => manifest[hash] ?? null,
    allowArbitraryOperations: (request) => principalOf(request)?.trustedOnly !== true,
    customErrors: {
      notFound: { message: 'no document with this hash in the gateway\'s trusted-documents manifest', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } },
      persistedQueryOnly: { message: TRUSTED_ONLY_MESSAGE, extensions: { code: 'TRUSTED_DOCUMENTS_ONLY', http: { status: 403 } } },
      keyNotFound: { message: 'a GraphQL request needs a query (or extensions.persistedQuery.sha256Hash of a trusted document)', extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
    },
  });
}

/** The document a WebSocket subscribe message stands for, by the same rules; a GraphQL error when refused. */
export function trustedQueryOf(manifest: TrustedDocuments, principal: Principal | undefined, payload: { query?: string | null; extensions?: Record<string, unknown> | null }): string | Error {
  const persisted = payload.extensions?.persistedQuery as { version?: number; sha256Hash?: unknown } | undefined;
  if (payload.query) {
    return principal?.trustedOnly ? createGraphQLError(TRUSTED_ONLY_MESSAGE, { extensions: { code: 'TRUSTED_DOCUMENTS_ONLY' } }) : payload.query;
  }
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') {
    return manifest[persisted.sha256Hash] ?? createGraphQLError('no document with this hash in the gateway\'s trusted-documents manifest', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  }
  return createGraphQLError('a GraphQL request needs a query (or extensions.persistedQuery.sha256Hash of a trusted document)', { extensions: { code: 'BAD_REQUEST' } });
}
