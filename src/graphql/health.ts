import { sql } from 'kysely';
import { migrationStatus } from '../db/migrate.ts';
import { builder } from './builder.ts';

interface HealthShape {
  database: string;
  pendingMigrations: number;
}

const Health = builder.objectRef<HealthShape>('Health').implement({
  description: 'Whether the gateway can serve: its database is reachable and migrated.',
  fields: (t) => ({
    ok: t.boolean({ resolve: (h) => h.pendingMigrations === 0 }),
    database: t.exposeString('database', { description: 'Backend in use: postgres or pglite.' }),
    pendingMigrations: t.exposeInt('pendingMigrations'),
  }),
});

builder.queryField('health', (t) =>
  t.field({
    type: Health,
    skipTypeScopes: true,
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => {
      await sql`select 1`.execute(ctx.database.db);
      const { pending } = await migrationStatus(ctx.database.db);
      return { database: ctx.database.backend, pendingMigrations: pending.length };
    },
  }),
);
