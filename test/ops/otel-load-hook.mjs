// Loaded with `node --import` by test/ops/telemetry.test.ts: records every @opentelemetry module
// the process resolves, one URL a line, in the file named by SLACKGATE_TEST_OTEL_LOADS.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
const file = process.env.SLACKGATE_TEST_OTEL_LOADS;
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file && result.url.includes('/@opentelemetry/')) appendFileSync(file, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
