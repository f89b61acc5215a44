import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations, generated from the committed schema file (no running server needed).
// `src/gql/` types the bundled client's documents (src/client/**/*.graphql); its
// persisted-documents.json is the gateway's trusted-documents manifest (hash -> document).
// `test/gql/` types the API tests' documents. CI fails when either is stale (npm run codegen:check).
const shared = {
  preset: 'client' as const,
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    // Relative imports end in .js, as Node's ESM resolution (and ours) wants.
    emitLegacyCommonJSImports: false,
    scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string', SafeInt: 'number' },
  },
  presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' as const }, fragmentMasking: false as const },
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': { ...shared, documents: ['src/client/**/*.graphql'] },
    'test/gql/': { ...shared, documents: ['test/**/*.graphql'] },
  },
};

export default config;
