import { AsyncLocalStorage } from 'node:async_hooks';
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

const current = new AsyncLocalStorage<Gate>();

/** Runs `work` (an API request) under a budget: every statement it issues counts against it. */
export function withRequestBudget<T>(budget: RequestBudget, work: () => T): T {
  return current.run(new Gate(budget), work);
}

/** The statement timeout a pooled connection was last set to (0 = none, Postgres's default). */
const timeoutOf = new WeakMap<pg.PoolClient, number>();

/**
 * A pg Pool as Kysely sees it, checking connections out under the current request's budget.
 * Work outside a request (sync, jobs, migrations) runs without a statement timeout: a sync's
 * apply legitimately takes long. A connection switching between the two is told so once.
 */
export function budgetedPool(pool: pg.Pool): { connect(): Promise<pg.PoolClient>; end(): Promise<void> } {
  return {
    async connect() {
      const gate = current.getStore();
      if (gate) await gate.acquire();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        gate?.release();
        throw error;
      }
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
        const release = client.release.bind(client);
        let released = false;
        client.release = (err?: Error | boolean) => {
          if (!released) {
            released = true;
            gate.release();
          }
          return release(err);
        };
      }
      return client;
    },
    end: () => pool.end(),
  };
}
