// Moved to test/support/clients.ts (API clients, raw GraphQL over HTTP); kept for files not yet on test/support/world.ts.
export * from '../support/clients.ts';
