import type { Command } from 'commander';
import { CliError, type CliIo } from './io.ts';
import { runCommandOperation } from './operation.ts';
import { parseScopes, SCOPES } from '../auth/scopes.ts';

/** An API client as the admin operations answer it (plain JSON: dates as ISO strings). */
interface ApiClient {
  id: string;
  name: string;
  scopes: string[];
  secretPrefix: string;
  isBootstrap: boolean;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  trustedOnly?: boolean;
  costBudgetPerMinute?: number | null;
}
interface ApiClientWithSecret {
  client: ApiClient;
  secret: string;
}

/**
 * Runs a client operation on the data directory: through the server that owns it (so it sees
 * the change at once), or here when none does; on Postgres directly.
 */
async function clientOperation<T>(command: Command, io: CliIo, name: string, params: Record<string, unknown>): Promise<T> {
  return (await runCommandOperation(command, io, { command: `client ${name}`, op: `client.${name}`, params }, 'warn')) as T;
}

function describe(client: ApiClient): string {
  const limits = [client.trustedOnly ? 'trusted documents only' : '', client.costBudgetPerMinute ? `cost budget ${client.costBudgetPerMinute}/min` : ''].filter(Boolean);
  return `${client.id} "${client.name}" with scopes ${client.scopes.join(', ')}${limits.length ? ` (${limits.join(', ')})` : ''}`;
}

/** Prints a client with its new secret, which is shown only this once. */
function writeSecret(io: CliIo, what: string, result: ApiClientWithSecret, note: string): void {
  io.stdout.write(`${what} ${describe(result.client)}\n` + `client_id:     ${result.client.id}\n` + `client_secret: ${result.secret}\n` + `${note}\n`);
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
    .option('--act-as <who>', 'whom the client may act for (actorId): any account it names, or only self, the --account it is bound to', 'any')
    .option('--account <id>', 'the account the client is bound to, e.g. user:U0123ABCD (required with --act-as self)')
    .action(async (opts: { name: string; scopes: string; trustedOnly?: boolean; costBudget?: string; actAs: string; account?: string }, command: Command) => {
      if (opts.actAs !== 'any' && opts.actAs !== 'self') throw new CliError(`--act-as: "${opts.actAs}" is not one of any, self`, 2);
      let scopes;
      try {
        scopes = parseScopes(opts.scopes);
      } catch (error) {
        throw new CliError((error as Error).message, 2);
      }
      const costBudgetPerMinute = opts.costBudget === undefined ? undefined : Number(opts.costBudget);
      const created = await clientOperation<ApiClientWithSecret>(command, io, 'create', {
        name: opts.name,
        scopes: scopes.join(','),
        ...(opts.trustedOnly ? { trustedOnly: true } : {}),
        ...(costBudgetPerMinute === undefined ? {} : { costBudgetPerMinute }),
        actAs: opts.actAs,
        ...(opts.account ? { account: opts.account } : {}),
      });
      writeSecret(io, 'created API client', created, 'The secret is shown only now; store it in your secret manager. Exchange both for a token at POST /oauth/token.');
    });

  client
    .command('list')
    .description('list API clients (never their secrets)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const clients = await clientOperation<ApiClient[]>(command, io, 'list', {});
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
        rows.push([c.id, c.name, c.scopes.join(','), `${c.secretPrefix}…`, c.revokedAt ? 'revoked' : c.isBootstrap ? 'active (bootstrap)' : 'active', c.lastUsedAt ?? 'never']);
      }
      io.stdout.write(`${table(rows)}\n`);
    });

  /** A command on one client, named by its id: runs the operation of the same name, then prints its result. */
  const onOneClient = <T>(name: 'rotate' | 'revoke', description: string, print: (result: T) => void) =>
    client
      .command(name)
      .description(description)
      .argument('<id>', 'client id')
      .action(async (id: string, _opts: unknown, command: Command) => print(await clientOperation<T>(command, io, name, { id })));

  onOneClient<ApiClientWithSecret>('rotate', 'give a client a new secret (same id); its old secret and tokens stop working', (rotated) =>
    writeSecret(io, 'rotated the secret of API client', rotated, 'The secret is shown only now. Tokens issued with the old secret no longer work.'),
  );
  onOneClient<ApiClient>('revoke', 'revoke a client and every token it holds', (revoked) => io.stdout.write(`revoked API client ${describe(revoked)}; its tokens no longer work\n`));
}
