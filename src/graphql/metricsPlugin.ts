import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.ts';

interface OperationLabels {
  type: string;
  operation: string;
}

function labelsOf(metrics: Metrics, document: DocumentNode | undefined, operationName?: string | null): OperationLabels {
  const op = document ? getOperationAST(document, operationName ?? undefined) : null;
  return { type: op?.operation ?? 'unknown', operation: metrics.operationLabel(op?.name?.value ?? operationName ?? undefined) };
}

/**
 * GraphQL latency and errors for /metrics. Runs on both transports (HTTP/SSE and WebSocket go
 * through the same envelop). Latency is execution time; a subscription is timed until its
 * stream is set up, not for its lifetime.
 */
export function useMetrics(metrics: Metrics): Plugin {
  return {
    onParse() {
      return ({ result }) => {
        if (result instanceof Error) metrics.graphqlErrors.inc({ type: 'unknown', operation: metrics.operationLabel(undefined), stage: 'parse' });
      };
    },
    onValidate({ params }) {
      return ({ valid }) => {
        if (!valid) metrics.graphqlErrors.inc({ ...labelsOf(metrics, params.documentAST), stage: 'validate' });
      };
    },
    onExecute({ args }) {
      const timer = executionTimer(metrics, args);
      return { onExecuteDone: ({ result }) => timer.done(result) };
    },
    onSubscribe({ args }) {
      const timer = executionTimer(metrics, args);
      return { onSubscribeResult: ({ result }) => timer.done(result), onSubscribeError: () => timer.failed() };
    },
  };
}

/** Times one execution (a query, a mutation, or setting up a subscription's stream) and counts its errors. */
function executionTimer(metrics: Metrics, args: { document: DocumentNode; operationName?: string | null }) {
  const labels = labelsOf(metrics, args.document, args.operationName);
  const started = performance.now();
  const failed = () => metrics.graphqlErrors.inc({ ...labels, stage: 'execute' });
  return {
    failed,
    done(result: ExecutionResult | AsyncIterable<unknown>) {
      metrics.graphqlDuration.observe(labels, (performance.now() - started) / 1000);
      if (!isAsyncIterable(result) && result.errors?.length) failed();
    },
  };
}
