import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations for the bundled client and the API tests, generated from the committed schema
// file (no running server needed).
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.graphql', 'src/client/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
      presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' }, fragmentMasking: false },
    },
  },
};

export default config;
