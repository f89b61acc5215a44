// Moved to test/support/catalog.ts; kept for files not yet on test/support/world.ts.
export * from '../support/catalog.ts';
