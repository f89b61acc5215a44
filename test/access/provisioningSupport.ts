// Moved to test/support/slackOrg.ts; kept for files not yet on test/support/world.ts.
export * from '../support/slackOrg.ts';
