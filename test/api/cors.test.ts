import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { listen, type RunningServer } from '../../src/server.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// Finding 8 of the hardening issue: any Origin was echoed with Allow-Credentials. CORS is now
// off unless origins are listed (--cors-origins).

// CORS is HTTP headers: real servers, one without origins (the world's) and one with.
const w = useWorld();
let closed: RunningServer;
let open: RunningServer;
let token: string;

beforeAll(async () => {
  closed = await w.listen();
  const corsOrigins = resolveConfig({ corsOrigins: 'https://portal.example.com' }, {}).http.corsOrigins;
  open = await listen((await w.otherGateway({ corsOrigins })).gateway, { port: 0, host: '127.0.0.1' });
  token = await w.token(['read']);
});
afterAll(async () => {
  await open.close();
});

const ask = (url: string, origin: string) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { clientId } }' }) });
const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

describe(`CORS (${backend})`, () => {
  it('is off by default: no origin is echoed, credentials never allowed', async () => {
    for (const res of [await ask(closed.url, 'https://evil.example'), await preflight(closed.url, 'https://evil.example')]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('allows exactly the listed origins, without credentials', async () => {
    const allowed = await preflight(open.url, 'https://portal.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).not.toBe('true');
    const other = await ask(open.url, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('refuses a setting that is not a list of origins, with one line naming it', () => {
    expect(() => resolveConfig({ corsOrigins: 'https://portal.example.com/path' }, {})).toThrow(/--cors-origins \(SLACKGATE_CORS_ORIGINS\).*not an origin/);
    expect(resolveConfig({}, { SLACKGATE_CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).http.corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(resolveConfig({}, {}).http.corsOrigins).toBeUndefined();
  });
});
