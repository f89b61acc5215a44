import { Kysely, PostgresDialect, type ConnectionProvider, type DatabaseConnection, type Driver } from 'kysely';
import type pg from 'pg';

/**
 * What one API request may take from the shared pool. A GraphQL document with a hundred aliases
 * resolves them all at once; without a bound its statements fill the pool's queue and every
 * other client (and every probe) waits behind them. With one, a request holds at most
 * `connections` pool connections at a time, so ten heavy clients leave room in the queue for a
 * trivial query, and each of its statements is cut after `statementTimeoutMs` by Postgres.
 */
export interface RequestBudget {
  connections: number;
  statementTimeoutMs: number;
}

/** Two connections per request: enough for a page and its read-ahead, a fifth of the default pool. */
export const API_REQUEST_BUDGET: RequestBudget = { connections: 2, statementTimeoutMs: 5000 };

class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly budget: RequestBudget) {}
  async acquire(): Promise<void> {
    if (this.active < this.budget.connections) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/**
 * API statements run as named prepared statements: Postgres parses and plans each distinct text
 * once per connection instead of on every request (planning a page of grants with its accounts
 * took about as long as executing it). A process names at most MAX_PREPARED distinct texts (API
 * statements come from a few dozen shapes; the sync's and jobs' varying batches, outside any
 * request, are never named), so no connection accumulates statements without bound.
 */
const MAX_PREPARED = 500;
const MAX_PREPARED_LENGTH = 20_000;
const statementNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || text.length > MAX_PREPARED_LENGTH || statementNames.size >= MAX_PREPARED) return known;
  const name = `sg_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}

const preparing = new WeakSet<pg.PoolClient>();

/** Pooled clients checked out for an API request, now. */
const inRequest = new WeakSet<pg.PoolClient>();

/** Makes a pooled client send API statements (those of a request's database) as prepared statements. */
function prepareApiStatements(client: pg.PoolClient): void {
  if (preparing.has(client)) return;
  preparing.add(client);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // pg's query() has a dozen overloads; only (text, values) calls inside a request are named.
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && inRequest.has(client)) {
      const name = statementName(text);
      if (name) return query({ name, text, values });
    }
    return query(...args);
  }) as typeof client.query;
}

/** The statement timeout a pooled connection was last set to (0 = none, Postgres's default). */
const timeoutOf = new WeakMap<pg.PoolClient, number>();

/**
 * A pg Pool as Kysely sees it, checking connections out under a request's budget when asked for
 * one by a request's database (see BudgetedPool.forRequest). Work outside a request (sync, jobs,
 * migrations) runs without a statement timeout: a sync's apply legitimately takes long. A
 * connection switching between the two is told so once.
 */
export class BudgetedPool {
  /**
   * The gate of the request whose connection Kysely is asking for at this moment. Handed over
   * synchronously: from a request's connection provider, Kysely's executor, connection provider
   * and drivers call down to connect() without an await once the driver is initialised. (An
   * AsyncLocalStorage would say the same, at the price of a hook on every promise of the process.)
   */
  private handedOver: Gate | undefined;
  /** Whether Kysely's driver has called connect() once, i.e. finished its initialisation. */
  private initialised = false;
  readonly dialect: PostgresDialect;
  /** The dialect's driver: a request's database begins and ends its transactions with it. */
  private driver: Driver | undefined;

  constructor(private readonly pool: pg.Pool) {
    const captured = (driver: Driver) => (this.driver = driver);
    this.dialect = new (class extends PostgresDialect {
      override createDriver(): Driver {
        return captured(super.createDriver());
      }
    })({ pool: this });
  }

  async connect(): Promise<pg.PoolClient> {
    const gate = this.handedOver;
    this.handedOver = undefined;
    this.initialised = true;
    if (gate) await gate.acquire();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      gate?.release();
      throw error;
    }
    prepareApiStatements(client);
    const wanted = gate?.budget.statementTimeoutMs ?? 0;
    if ((timeoutOf.get(client) ?? 0) !== wanted) {
      try {
        await client.query(`set statement_timeout = ${Math.max(0, Math.floor(wanted))}`);
        timeoutOf.set(client, wanted);
      } catch (error) {
        client.release(error as Error);
        gate?.release();
        throw error;
      }
    }
    if (gate) {
      inRequest.add(client);
      const release = client.release.bind(client);
      let released = false;
      client.release = (err?: Error | boolean) => {
        if (!released) {
          released = true;
          inRequest.delete(client);
          gate.release();
        }
        return release(err);
      };
    }
    return client;
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  /**
   * `db` (made over this pool's dialect) for one API request: every statement it issues counts
   * against `budget`. Its caches are db's (the executor's compiler and adapter are shared).
   */
  forRequest<DB>(db: Kysely<DB>, budget: RequestBudget): Kysely<DB> {
    const gate = new Gate(budget);
    const executor = db.getExecutor();
    const provider: ConnectionProvider = {
      provideConnection: <T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T> => {
        // Before the driver's first connection, the way down has an await (its initialisation):
        // one connection outside any request sees it through, then the hand-over holds.
        if (!this.initialised) return executor.provideConnection(async () => undefined).then(() => provider.provideConnection(consumer));
        this.handedOver = gate;
        try {
          return executor.provideConnection(consumer);
        } finally {
          this.handedOver = undefined;
        }
      },
    };
    const driver = this.driver;
    if (!driver) throw new Error('forRequest() takes a database made over this pool');
    return new Kysely<DB>({ config: { dialect: this.dialect }, dialect: this.dialect, driver, executor: executor.withConnectionProvider(provider) });
  }
}
