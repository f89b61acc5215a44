/**
 * The import rules of slackgate's layers, checked in CI (`npm run lint:layers`).
 * Data flows one way: cli / server → graphql → access, sync (and auth, export, audit, jobs,
 * events) → slack, db. A lower layer never imports a higher one, and nothing imports in circles.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules import in one direction; a circle means a shared piece belongs below both.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-not-up',
      comment: 'Nothing below graphql/ imports the GraphQL layer, the Slack app surface (slackApp/, a peer of graphql/), the HTTP server, the service wiring or the CLI.',
      severity: 'error',
      from: { path: '^src/(access|sync|slack|db|jobs|audit|auth|events|export)/|^src/(config|log|metrics)\\.ts$' },
      to: { path: '^src/(graphql/|slackApp/|server\\.ts$|service\\.ts$|cli)' },
    },
    {
      name: 'graphql-not-up',
      comment: 'The GraphQL layer is called by the server; it does not import the server, the wiring or the CLI.',
      severity: 'error',
      from: { path: '^src/graphql/' },
      to: { path: '^src/(server\\.ts$|service\\.ts$|cli)' },
    },
    {
      name: 'slack-app-beside-graphql',
      comment: 'The Slack app surface calls the same services as the GraphQL layer; neither imports the other.',
      severity: 'error',
      from: { path: '^src/slackApp/' },
      to: { path: '^src/(graphql/|server\\.ts$|service\\.ts$|cli)' },
    },
    {
      name: 'infrastructure-not-up',
      comment: 'slack/ and db/ are the bottom: they know Slack and the database, not the domain above them.',
      severity: 'error',
      from: { path: '^src/(slack|db)/' },
      to: { path: '^src/(access|sync|jobs|audit|auth|export|events|graphql)/' },
    },
    {
      name: 'sync-not-access',
      comment: 'Provisioning refreshes through sync/; sync/ never calls provisioning.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/access/' },
    },
    {
      name: 'simulator-apart',
      comment: 'The Slack simulator stands alone (only the CLI and demo wiring start it), and imports nothing of the product.',
      severity: 'error',
      from: { path: '^src/simulator/' },
      to: { path: '^src/(?!simulator/)' },
    },
    {
      name: 'product-not-simulator',
      comment: 'Only the CLI and the demo wiring in service.ts start the simulator.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(simulator/|cli|service\\.ts$)' },
      to: { path: '^src/simulator/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
