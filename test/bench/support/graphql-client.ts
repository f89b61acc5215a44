// The gateway's GraphQL API as benchmarks call it: POSTs over keep-alive connections, and a
// full sync started through the API and timed by its run's own record.
import { Agent } from 'node:http';
import type pg from 'pg';
import { send } from './load.ts';

export interface GraphQLAnswer {
  // `any`: each benchmark reads the fields its own query selects; typing every benchmark query's
  // answer would add code, not checks (a wrong field fails the run at once).
  data?: any;
  errors?: { message: string }[];
}

export class GatewayClient {
  constructor(
    readonly url: string,
    readonly token: string,
    readonly agent = new Agent({ keepAlive: true, maxSockets: 4 }),
  ) {}

  async query(query: string, variables?: Record<string, unknown>): Promise<{ status: number; answer: GraphQLAnswer }> {
    const res = await send(this.agent, {
      url: `${this.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    try {
      return { status: res.status, answer: JSON.parse(res.body) as GraphQLAnswer };
    } catch {
      throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
    }
  }

  /** The answer's data; throws unless the request succeeded without errors. */
  // `any`: as GraphQLAnswer.data.
  async must(query: string, variables?: Record<string, unknown>): Promise<any> {
    const { status, answer } = await this.query(query, variables);
    if (status !== 200 || answer.errors || !answer.data) throw new Error(`query failed (${status}): ${JSON.stringify(answer.errors ?? answer).slice(0, 400)}`);
    return answer.data;
  }

  /** Starts a full sync through the API and waits for it; its duration is the run's own record. */
  async sync(db: pg.Client): Promise<{ id: number; seconds: number }> {
    const data = await this.must('mutation { startSync(input: {}) { run { id } errors { message } } }');
    if (data.startSync.errors.length > 0) throw new Error(`startSync: ${data.startSync.errors[0].message}`);
    for (;;) {
      const { rows } = await db.query<{ id: number; status: string; started_at: Date | null; finished_at: Date | null; error: string | null }>(
        'select id, status, started_at, finished_at, error from sync_runs order by id desc limit 1',
      );
      const run = rows[0];
      if (run?.finished_at && run.started_at) {
        if (run.status !== 'SUCCEEDED') throw new Error(`sync run ${run.id} ended ${run.status}: ${run.error}`);
        return { id: run.id, seconds: (run.finished_at.getTime() - run.started_at.getTime()) / 1000 };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
