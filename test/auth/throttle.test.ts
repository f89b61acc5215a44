import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/auth/clients.ts';
import type { RunningServer } from '../../src/server.ts';
import { capturedLog } from '../support/clients.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Finding 7 of the hardening issue: /oauth/token could be brute-forced (3,227 guesses a second,
// one warn line each). Now failures are limited per client id and per source address.

const log = capturedLog('warn');
const w = useWorld({ gateway: { logger: log.logger } });
const warnings = () => log.lines.filter((line) => line.level === 40);
let server: RunningServer;

// The token endpoint is served by the HTTP server, so these tests go over a port.
beforeAll(async () => {
  server = await w.listen();
});

async function guess(clientId: string, secret: string): Promise<{ status: number; retryAfter: string | null }> {
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  await res.arrayBuffer();
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

describe(`/oauth/token throttling (${backend})`, () => {
  it('meets a brute force of 500 wrong secrets with 429 and Retry-After after a few tries, logging a bounded number of lines; the right secret then waits too', async () => {
    const { client, secret } = await createClient(w.db, { name: 'target', scopes: ['read'], actor: { label: 'test' } });
    const answers: { status: number; retryAfter: string | null }[] = [];
    for (let i = 0; i < 500; i += 25) {
      answers.push(...(await Promise.all(Array.from({ length: 25 }, (_, j) => guess(client.id, `sgs_wrong_${i + j}`)))));
    }
    const checked = answers.filter((a) => a.status === 401).length;
    const throttled = answers.filter((a) => a.status === 429);
    expect(checked + throttled.length).toBe(500);
    // The client id's bucket holds 10 failures (plus what refills meanwhile, one per 5 s).
    expect(checked).toBeLessThanOrEqual(15);
    expect(throttled.every((a) => Number(a.retryAfter) >= 1)).toBe(true);
    const lines = warnings().filter((w) => w.clientId === client.id);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect((await guess(client.id, secret)).status).toBe(429);
  });

  it('limits failures per source address across client ids, unknown ones included', async () => {
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await guess(`sgc_unknown_${i}`, 'sgs_whatever'));
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
  });
});
