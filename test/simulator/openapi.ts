// Checks Web API responses against Slack's published OpenAPI 2.0 schema
// (/work/shared/reference/slack-web-openapi-v2.json, a copy lives next to this file's fixtures).
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { RunningSimulator } from '../../src/simulator/index.ts';

const SPEC_PATH = new URL('./slack-web-openapi-v2.json', import.meta.url);

type Schema = Record<string, unknown>;

/**
 * Slack's 2020 schema needs three adjustments before it can judge today's responses:
 * - it writes "one of these" as a tuple-style `items: [A, B]` on non-array values; we read it as `anyOf`;
 * - `additionalProperties: false` everywhere, while Slack has added fields since (is_workflow_bot, …);
 * - error enums list only some codes (missing_scope is absent from most), so only the envelope is checked.
 */
function relax(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relax);
  if (typeof node !== 'object' || node === null) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = relax(value);
  }
  if (Array.isArray(out.items) && out.type !== 'array') {
    out.anyOf = out.items;
    delete out.items;
  }
  return out;
}

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { schema: Schema }> }>>;
  definitions: Record<string, Schema>;
}

let cached: { spec: Spec; ajv: Ajv; validators: Map<string, ValidateFunction> } | undefined;

function load(): NonNullable<typeof cached> {
  if (cached) return cached;
  const spec = relax(JSON.parse(readFileSync(SPEC_PATH, 'utf8'))) as Spec;
  // Org-level installs have no single workspace: auth.test then answers team_id "" (reference §4.1).
  const authTest = spec.paths['/auth.test']?.get?.responses['200']?.schema as Schema;
  (authTest.properties as Schema).team_id = { anyOf: [{ $ref: '#/definitions/defs_team' }, { type: 'string', maxLength: 0 }] };
  // ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
  const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv }).default;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  cached = { spec, ajv, validators: new Map() };
  return cached;
}

/** Methods newer than the 2020 schema; their shapes follow the reference instead. */
export const METHODS_WITHOUT_SCHEMA = new Set(['auth.teams.list', 'admin.roles.listAssignments', 'admin.roles.addAssignments', 'admin.roles.removeAssignments', 'admin.teams.admins.list', 'admin.teams.owners.list']);

function validatorFor(method: string, ok: boolean): ValidateFunction | undefined {
  const { spec, ajv, validators } = load();
  const key = `${method}:${ok}`;
  const existing = validators.get(key);
  if (existing) return existing;
  const operations = spec.paths[`/${method}`];
  if (!operations) return undefined;
  const operation = operations.get ?? operations.post;
  const schema = operation?.responses[ok ? '200' : 'default']?.schema;
  if (!schema) return undefined;
  const copy = structuredClone(schema);
  if (!ok && copy.properties) delete (copy.properties as Schema).error;
  if (!ok) (copy.properties as Schema).error = { type: 'string', minLength: 1 };
  const validate = ajv.compile({ ...copy, definitions: spec.definitions });
  validators.set(key, validate);
  return validate;
}

/** Problems with one response body; empty when it satisfies Slack's schema. */
export function schemaProblems(method: string, body: unknown): string[] {
  const ok = (body as { ok?: unknown }).ok === true;
  if (ok && METHODS_WITHOUT_SCHEMA.has(method)) return [];
  const validate = validatorFor(method, ok);
  if (!validate) return [`no schema for ${method}`];
  if (validate(body)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${method}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export interface CheckedClient {
  client: WebClient;
  /** Every schema violation seen so far. */
  problems: string[];
  /** Number of JSON responses checked. */
  checked: () => number;
}

/**
 * A real @slack/web-api client whose transport checks every 200 JSON response against the schema
 * (the SDK's own result objects carry extra `response_metadata` fields, so raw bodies are checked).
 */
export function checkedClient(sim: RunningSimulator, token: string | undefined, options: WebClientOptions = {}): CheckedClient {
  const problems: string[] = [];
  let checked = 0;
  const fetchAndCheck: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 200 && (response.headers.get('content-type') ?? '').includes('json')) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const method = url.slice(url.lastIndexOf('/') + 1);
      const body = (await response.clone().json()) as unknown;
      checked += 1;
      problems.push(...schemaProblems(method, body));
    }
    return response;
  };
  const client = new WebClient(token, {
    slackApiUrl: sim.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: undefined,
    ...options,
    fetch: fetchAndCheck,
  });
  return { client, problems, checked: () => checked };
}
