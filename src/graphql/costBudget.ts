import { complexityFromQuery } from '@pothos/plugin-complexity';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { Counter } from 'prom-client';
import { rememberedPerVariables } from './perVariables.ts';
import type { Principal } from '../auth/tokens.ts';
import type { Metrics } from '../metrics.ts';
import { QUERY_LIMITS } from './builder.ts';
import type { GraphQLContext } from './context.ts';

/** Query cost an API client may spend per minute unless set for it (`client create --cost-budget`). */
export const DEFAULT_COST_BUDGET_PER_MINUTE = 1_000_000;

/**
 * Per-client token buckets of query cost: each holds up to a minute's budget and refills at
 * budget/60 per second. Kept in this process: see README "Fair use" for why per replica.
 */
export class CostBudgets {
  private readonly buckets = new Map<string, { level: number; at: number; budget: number }>();
  constructor(
    readonly defaultBudget = DEFAULT_COST_BUDGET_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends `cost` from the client's bucket; when it does not hold that much, how long until it will (ms). */
  spend(clientId: string, budgetPerMinute: number | null | undefined, cost: number): { ok: true } | { ok: false; retryAfterMs: number; budget: number } {
    const budget = budgetPerMinute ?? this.defaultBudget;
    const now = this.now();
    const perMs = budget / 60_000;
    let bucket = this.buckets.get(clientId);
    if (!bucket || bucket.budget !== budget) {
      bucket = { level: budget, at: now, budget };
      this.buckets.set(clientId, bucket);
    }
    bucket.level = Math.min(budget, bucket.level + (now - bucket.at) * perMs);
    bucket.at = now;
    // A query dearer than a whole minute's budget is let through once the bucket is full, so a
    // small budget never locks a client out of its own largest query.
    const needed = Math.min(cost, budget);
    if (bucket.level >= needed) {
      bucket.level -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((needed - bucket.level) / perMs), budget };
  }
}

/** Refusals per API client for /metrics (registered on the gateway's registry once). */
const refusalCounters = new WeakMap<Metrics, Counter<'client'>>();
function refusalsOf(metrics: Metrics): Counter<'client'> {
  let counter = refusalCounters.get(metrics);
  if (!counter) {
    counter = new Counter({
      name: 'slackgate_client_budget_refusals_total',
      help: 'GraphQL operations refused with 429 because the API client spent its query-cost budget for the minute',
      labelNames: ['client'],
      registers: [metrics.registry],
    });
    refusalCounters.set(metrics, counter);
  }
  return counter;
}

/** What the budget reads of an operation (the arguments of envelop's execute and subscribe). */
type PricedOperation = { schema: Parameters<typeof complexityFromQuery>[1]['schema']; document: Parameters<typeof complexityFromQuery>[0]; variableValues?: Record<string, unknown> | null; contextValue: GraphQLContext };

const costs = rememberedPerVariables<number>();

/**
 * The complexity of a document with its variables, computed once per (document, variables). The
 * cost model reads only a field's arguments, never the context, so the value holds for every caller.
 */
function costOf(args: PricedOperation): number {
  const variables = args.variableValues ?? {};
  const price = () => {
    try {
      return complexityFromQuery(args.document, { schema: args.schema, variables, ctx: args.contextValue }).complexity;
    } catch {
      // The document is refused by validation anyway; an unpriceable one costs a minimum.
      return 1;
    }
  };
  // Documents arrive parsed; a string (never seen here) is priced without remembering.
  return typeof args.document === 'string' ? price() : costs(args.document, variables, price);
}

/**
 * Fair use per API client: every operation spends its query cost — as the complexity plugin
 * computes it for the schema (the cost model itself lives with the schema's fields) — from its
 * client's per-minute budget. An operation the budget cannot pay is refused with HTTP 429 and
 * Retry-After, before it runs, so one noisy tool does not take the capacity other clients (and
 * approvers) need. Subscriptions pay once, when they start.
 */
export function useCostBudget(budgets: CostBudgets, metrics: Metrics): Plugin<GraphQLContext> {
  const refusals = refusalsOf(metrics);
  const charge = (args: PricedOperation) => {
    const principal: Principal | undefined = args.contextValue.principal;
    if (!principal) return undefined;
    const cost = costOf(args);
    // Over the per-query limit, the complexity check refuses it before anything runs: it spends nothing.
    if (cost > QUERY_LIMITS.complexity) return undefined;
    const outcome = budgets.spend(principal.clientId, principal.costBudgetPerMinute, Math.max(1, cost));
    if (outcome.ok) return undefined;
    refusals.inc({ client: principal.clientId });
    const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
    return createGraphQLError(
      `API client ${principal.clientId} has spent its query-cost budget (${outcome.budget} per minute; this operation costs ${cost}); retry in ${seconds} s, or ask smaller pages`,
      { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, cost, budgetPerMinute: outcome.budget, http: { status: 429, headers: { 'retry-after': String(seconds) } } } },
    );
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = charge(args as Parameters<typeof charge>[0]);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = charge(args as Parameters<typeof charge>[0]);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
