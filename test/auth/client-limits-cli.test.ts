import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.ts';
import { backend, useTestDatabase } from '../support/db.ts';

const t = useTestDatabase();
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'slackgate-cli-limits-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function slackgate(...args: string[]): Promise<CliResult> {
  return runCli(backend === 'postgres' ? { DATABASE_URL: t.url as string } : { SLACKGATE_DATA_DIR: dataDir }, ...args);
}

describe(`client create --trusted-only --cost-budget (${backend})`, () => {
  it('creates a client limited to trusted documents with its own budget, and refuses a budget that is not a positive whole number', async () => {
    const created = await slackgate('client', 'create', '--name', 'portal', '--scopes', 'read', '--trusted-only', '--cost-budget', '5000');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/created API client sgc_\S+ "portal" with scopes read \(trusted documents only, cost budget 5000\/min\)/);
    const listed = await slackgate('client', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'portal', trustedOnly: true, costBudgetPerMinute: 5000 })]);
    const bad = await slackgate('client', 'create', '--name', 'x', '--scopes', 'read', '--cost-budget', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('a cost budget is a whole number of cost units per minute, at least 1 (got 0)');
  });
});
