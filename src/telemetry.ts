// OpenTelemetry traces, when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT). Without one nothing here loads: the SDK, the exporter and
// even @opentelemetry/api are imported only by startTracing, and every instrumentation point
// below is a check of one module variable. Only types are imported statically (erased).
import type { IncomingMessage } from "node:http";
import type { Attributes, Context, Span, Tracer } from "@opentelemetry/api";

type Api = typeof import("@opentelemetry/api");

let api: Api | undefined;
let tracer: Tracer | undefined;

/** Running tracing: flushes and stops the exporter. */
export interface Tracing {
  shutdown(): Promise<void>;
  /** Sends the spans ended so far (tests, and before a short-lived process exits). */
  flush(): Promise<void>;
}

/** Whether the environment asks for traces (an OTLP endpoint, and the SDK not disabled). */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if ((env.OTEL_SDK_DISABLED ?? "").trim().toLowerCase() === "true")
    return false;
  if ((env.OTEL_TRACES_EXPORTER ?? "").trim().toLowerCase() === "none")
    return false;
  return Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() ||
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim(),
  );
}

/** True once startTracing has registered a tracer in this process (or worker thread). */
export function tracingActive(): boolean {
  return tracer !== undefined;
}

let started: Promise<Tracing | undefined> | undefined;

/**
 * Starts the OpenTelemetry SDK when the environment names an OTLP endpoint; otherwise does
 * nothing and loads nothing. The exporter sends OTLP over HTTP: protobuf by default (the
 * specification's default), JSON with OTEL_EXPORTER_OTLP_PROTOCOL=http/json. The SDK reads the
 * rest of the standard variables itself (endpoint, headers, timeout, OTEL_SERVICE_NAME,
 * OTEL_RESOURCE_ATTRIBUTES, OTEL_BSP_*). Idempotent per process.
 */
export function startTracing(
  env: NodeJS.ProcessEnv,
  serviceName = "slackgate",
): Promise<Tracing | undefined> {
  if (!tracingRequested(env)) return Promise.resolve(undefined);
  started ??= load(env, serviceName);
  return started;
}

async function load(
  env: NodeJS.ProcessEnv,
  serviceName: string,
): Promise<Tracing> {
  const protocol = (
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
    env.OTEL_EXPORTER_OTLP_PROTOCOL ??
    "http/protobuf"
  ).trim();
  if (protocol === "grpc")
    throw new Error(
      "OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: use http/protobuf (the default) or http/json",
    );
  const [
    otel,
    { NodeTracerProvider },
    { BatchSpanProcessor },
    resources,
    { OTLPTraceExporter },
  ] = await Promise.all([
    import("@opentelemetry/api"),
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/sdk-trace-base"),
    import("@opentelemetry/resources"),
    protocol === "http/json"
      ? import("@opentelemetry/exporter-trace-otlp-http")
      : import("@opentelemetry/exporter-trace-otlp-proto"),
  ]);
  // OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES (the env detector) win over our default name.
  const resource = resources
    .resourceFromAttributes({
      "service.name": serviceName,
      "service.version": process.env.npm_package_version ?? "0.1.0",
    })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The AsyncLocalStorage context manager and the W3C trace-context propagator (traceparent).
  provider.register();
  api = otel;
  tracer = otel.trace.getTracer("slackgate");
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      tracer = undefined;
      await provider.shutdown();
    },
  };
}

/** A span's outcome: error spans carry the message (never a secret: our errors name no token). */
function fail(span: Span, error: unknown): void {
  if (!api) return;
  const message = error instanceof Error ? error.message : String(error);
  span.setStatus({ code: api.SpanStatusCode.ERROR, message });
  span.setAttribute(
    "error.type",
    error instanceof Error ? error.constructor.name : "Error",
  );
}

/**
 * Runs `work` inside a span when tracing is on (kind CLIENT for calls out, INTERNAL otherwise);
 * when it is off, runs `work` and nothing else.
 */
export function inSpan<T>(
  name: string,
  attributes: () => Attributes,
  kind: "client" | "internal",
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const t = tracer;
  const a = api;
  if (!t || !a) return work(undefined);
  return t.startActiveSpan(
    name,
    {
      kind: kind === "client" ? a.SpanKind.CLIENT : a.SpanKind.INTERNAL,
      attributes: attributes(),
    },
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        fail(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Kysely's log event, as much of it as a span needs. */
export interface StatementEvent {
  level: "query" | "error";
  query: { sql: string };
  queryDurationMillis: number;
  error?: unknown;
}

const OPERATION = /^\s*(?:\/\*[\s\S]*?\*\/\s*)?(\w+)/;

/**
 * A SQL statement that just finished, as a CLIENT span ending now and starting its duration
 * ago, child of whatever span is active (the GraphQL operation, a sync step). The text is
 * Kysely's, with $n placeholders: no parameter values are recorded.
 */
export function recordStatement(
  event: StatementEvent,
  system: "postgresql",
): void {
  const t = tracer;
  const a = api;
  if (!t || !a) return;
  const end = performance.timeOrigin + performance.now();
  const operation = (
    OPERATION.exec(event.query.sql)?.[1] ?? "sql"
  ).toUpperCase();
  const span = t.startSpan(operation, {
    kind: a.SpanKind.CLIENT,
    startTime: end - event.queryDurationMillis,
    attributes: {
      "db.system.name": system,
      "db.system": system,
      "db.operation.name": operation,
      "db.query.text": event.query.sql.slice(0, 4096),
    },
  });
  if (event.level === "error") fail(span, event.error);
  span.end(end);
}

/** An HTTP request being answered, as a SERVER span (the client's traceparent, if sent, is its parent). */
export interface HttpSpan {
  /** Runs the request's handling with the span active, so its work nests under it. */
  run<T>(work: () => T): T;
  end(status: number): void;
}

/** The span of one HTTP request, or undefined when tracing is off. */
export function httpServerSpan(
  req: IncomingMessage,
  route: string,
): HttpSpan | undefined {
  const t = tracer;
  const a = api;
  if (!t || !a) return undefined;
  const parent = a.propagation.extract(a.ROOT_CONTEXT, req.headers);
  const method = req.method ?? "GET";
  const span = t.startSpan(
    `${method} ${route}`,
    {
      kind: a.SpanKind.SERVER,
      attributes: {
        "http.request.method": method,
        "http.route": route,
        "url.path": route,
        "url.scheme": "http",
        "user_agent.original": req.headers["user-agent"] ?? "",
      },
    },
    parent,
  );
  const context: Context = a.trace.setSpan(parent, span);
  return {
    run: (work) => a.context.with(context, work),
    end: (status) => {
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) span.setStatus({ code: a.SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/** Marks the active span (the HTTP request's) with the API client it authenticated as. */
export function annotateActiveSpan(attributes: Attributes): void {
  if (!api) return;
  api.trace.getActiveSpan()?.setAttributes(attributes);
}

/** The GraphQL operation being executed, as an INTERNAL span active while it runs. */
export interface OperationSpan {
  run<T>(work: () => T): T;
  end(errors: readonly { message: string }[] | undefined): void;
}

export function graphqlOperationSpan(
  type: string,
  name: string | undefined,
): OperationSpan | undefined {
  const t = tracer;
  const a = api;
  if (!t || !a) return undefined;
  const span = t.startSpan(name ? `${type} ${name}` : type, {
    kind: a.SpanKind.INTERNAL,
    attributes: {
      "graphql.operation.type": type,
      ...(name ? { "graphql.operation.name": name } : {}),
    },
  });
  const context = a.trace.setSpan(a.context.active(), span);
  return {
    run: (work) => a.context.with(context, work),
    end: (errors) => {
      if (errors && errors.length > 0) {
        span.setAttribute("graphql.error.count", errors.length);
        span.setStatus({
          code: a.SpanStatusCode.ERROR,
          message: errors[0]?.message,
        });
      }
      span.end();
    },
  };
}
