import type { Database } from '../db/createDb.ts';

/** What every resolver receives: services and loaders, never raw Slack clients. */
export interface GraphQLContext {
  database: Database;
}
