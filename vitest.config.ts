import { defineConfig } from 'vitest/config';

// Every test file runs against both database backends, the way Kysely's own suite loops
// over dialects: the `pglite` project uses embedded PGlite, the `postgres` project a real
// server (SLACKGATE_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
// Files under test/unit and test/simulator never touch the database, so they run once.
const dbFree = ['test/unit/**/*.test.ts', 'test/simulator/**/*.test.ts'];

export default defineConfig({
  resolve: {
    // graphql 16 ships a CommonJS main and an ESM "module" build. Node (and so every package
    // vitest leaves external, like Pothos and Yoga) loads the CommonJS one; make the test files
    // load the same copy, or graphql refuses types "from another module or realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // A test file spent seconds loading the gateway's modules (the schema, Yoga, Pothos) before
    // its first test. A worker now keeps its loaded modules from one file to the next; each
    // file still opens its own database, simulator and gateway, and nothing in src/ or
    // test/support keeps state between files beyond caches of what it built.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['test/**/*.test.ts'], env: { SLACKGATE_TEST_DB: 'pglite' } },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/**/*.test.ts'],
          exclude: dbFree,
          env: { SLACKGATE_TEST_DB: 'postgres' },
        },
      },
    ],
  },
});
