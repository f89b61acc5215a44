import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { AuditActor } from '../audit/record.ts';
import { CliError, openDatabase, type CliIo } from '../cli.ts';
import { resolveConfig } from '../config.ts';
import type { Database } from '../db/createDb.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ApiClientError, createClient, listClients, revokeClient, rotateClient, type ApiClient } from './clients.ts';
import { parseScopes, ScopeError, SCOPES } from './scopes.ts';

function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // Some containers run as a uid without a passwd entry.
  }
  return { label: `cli:${user}` };
}

async function withDatabase<T>(command: Command, io: CliIo, work: (database: Database) => Promise<T>): Promise<T> {
  const config = resolveConfig(command.optsWithGlobals(), io.env);
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } catch (error) {
    if (error instanceof ApiClientError) throw new CliError(error.message, error.code === 'VALIDATION' ? 2 : 1);
    if (error instanceof ScopeError) throw new CliError(error.message, 2);
    throw error;
  } finally {
    await database.close();
  }
}

function describe(client: ApiClient): string {
  const limits = [client.trustedOnly ? 'trusted documents only' : '', client.costBudgetPerMinute ? `cost budget ${client.costBudgetPerMinute}/min` : ''].filter(Boolean);
  return `${client.id} "${client.name}" with scopes ${client.scopes.join(', ')}${limits.length ? ` (${limits.join(', ')})` : ''}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** `slackgate client create|list|rotate|revoke`: API clients of the GraphQL API. */
export function registerClientCommands(program: Command, io: CliIo): void {
  const client = program.command('client').description('manage API clients (OAuth2 client credentials for the GraphQL API)');

  client
    .command('create')
    .description('create an API client; its secret is printed once')
    .requiredOption('--name <name>', 'who or what uses it, e.g. "access portal"')
    .requiredOption('--scopes <scopes>', `comma-separated: ${SCOPES.join(', ')}`)
    .option('--trusted-only', 'allow only the documents of the trusted-documents manifest, sent by hash')
    .option('--cost-budget <n>', "query cost the client may spend per minute (default: the gateway's)")
    .action(async (opts: { name: string; scopes: string; trustedOnly?: boolean; costBudget?: string }, command: Command) => {
      let scopes;
      try {
        scopes = parseScopes(opts.scopes);
      } catch (error) {
        throw new CliError((error as Error).message, 2);
      }
      const costBudgetPerMinute = opts.costBudget === undefined ? undefined : Number(opts.costBudget);
      const created = await withDatabase(command, io, (database) =>
        createClient(database.db, { name: opts.name, scopes, trustedOnly: opts.trustedOnly === true, costBudgetPerMinute, actor: cliActor() }),
      );
      io.stdout.write(
        `created API client ${describe(created.client)}\n` +
          `client_id:     ${created.client.id}\n` +
          `client_secret: ${created.secret}\n` +
          'The secret is shown only now; store it in your secret manager. Exchange both for a token at POST /oauth/token.\n',
      );
    });

  client
    .command('list')
    .description('list API clients (never their secrets)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const clients = await withDatabase(command, io, (database) => listClients(database.db));
      if (opts.json) {
        io.stdout.write(`${JSON.stringify(clients, null, 2)}\n`);
        return;
      }
      if (clients.length === 0) {
        io.stdout.write('no API clients yet; create one with slackgate client create --name N --scopes read\n');
        return;
      }
      const rows = [['ID', 'NAME', 'SCOPES', 'SECRET', 'STATUS', 'LAST USED']];
      for (const c of clients) {
        rows.push([c.id, c.name, c.scopes.join(','), `${c.secretPrefix}…`, c.revokedAt ? 'revoked' : c.isBootstrap ? 'active (bootstrap)' : 'active', c.lastUsedAt?.toISOString() ?? 'never']);
      }
      io.stdout.write(`${table(rows)}\n`);
    });

  client
    .command('rotate')
    .description('give a client a new secret (same id); its old secret and tokens stop working')
    .argument('<id>', 'client id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const rotated = await withDatabase(command, io, (database) => rotateClient(database.db, id, cliActor()));
      io.stdout.write(
        `rotated the secret of API client ${describe(rotated.client)}\n` +
          `client_id:     ${rotated.client.id}\n` +
          `client_secret: ${rotated.secret}\n` +
          'The secret is shown only now. Tokens issued with the old secret no longer work.\n',
      );
    });

  client
    .command('revoke')
    .description('revoke a client and every token it holds')
    .argument('<id>', 'client id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const revoked = await withDatabase(command, io, (database) => revokeClient(database.db, id, cliActor()));
      io.stdout.write(`revoked API client ${describe(revoked)}; its tokens no longer work\n`);
    });
}
