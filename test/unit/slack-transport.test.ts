import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Pacer } from '../../src/slack/pacer.ts';
import { ScimClient } from '../../src/slack/scim.ts';
import { SlackCallStats } from '../../src/slack/stats.ts';
import { SlackWebApi } from '../../src/slack/webApi.ts';

// The bulk reads (pages of users.list, usergroups.list, SCIM pages) go over node:http with
// kept-alive connections: what Slack's servers do on the wire — compress answers, cut a
// connection mid-answer, redirect — must come out as it did through fetch.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

let server: http.Server;
let base: string;
let handler: Handler;
let connections = 0;
const seen: { url: string; acceptEncoding: string | undefined; authorization: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', acceptEncoding: req.headers['accept-encoding'], authorization: req.headers.authorization, body });
      handler(req, res, body);
    });
  });
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
});

const USERS = [{ id: 'U1', name: 'jose', real_name: 'José Müller' }, { id: 'U2', name: 'taro', real_name: '山田 太郎 🎉' }];

function answer(res: http.ServerResponse, req: http.IncomingMessage, json: unknown, status = 200): void {
  const text = Buffer.from(JSON.stringify(json));
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const [encoding, packed] = accepted.includes('br') ? ['br', zlib.brotliCompressSync(text)] : accepted.includes('gzip') ? ['gzip', zlib.gzipSync(text)] : ['identity', text];
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': encoding, 'content-length': packed.length });
  res.end(packed);
}

function api(retry = {}): SlackWebApi {
  return new SlackWebApi({ token: 'xoxb-test-token', kind: 'bot', apiUrl: `${base}/api/`, pacer: new Pacer(0), stats: new SlackCallStats(), retry: { baseDelayMs: 1, maxDelayMs: 5, ...retry } });
}

describe('bulk reads over HTTP', () => {
  it('ask for compressed answers and read them, each encoding Slack may use, on one kept-alive connection', async () => {
    const encodings = ['gzip', 'deflate', 'br', 'identity'];
    let call = 0;
    handler = (_req, res) => {
      const encoding = encodings[call++ % encodings.length]!;
      const text = Buffer.from(JSON.stringify({ ok: true, members: USERS, response_metadata: { next_cursor: call < encodings.length ? `c${call}` : '' } }));
      const packed = encoding === 'gzip' ? zlib.gzipSync(text) : encoding === 'deflate' ? zlib.deflateSync(text) : encoding === 'br' ? zlib.brotliCompressSync(text) : text;
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': packed.length });
      res.end(packed);
    };
    const before = connections;
    const pages = [];
    for await (const page of api().pages<(typeof USERS)[number]>('users.list', 'members', { limit: 1000 })) pages.push(page);
    expect(pages.map((p) => p.items)).toEqual([USERS, USERS, USERS, USERS]);
    expect(pages.map((p) => p.nextCursor)).toEqual(['c1', 'c2', 'c3', '']);
    expect(seen.map((s) => s.url)).toEqual(['/api/users.list', '/api/users.list', '/api/users.list', '/api/users.list']);
    expect(seen.every((s) => /gzip/.test(s.acceptEncoding ?? '') && s.authorization === 'Bearer xoxb-test-token')).toBe(true);
    // Slack's form encoding, the cursor of the page before included.
    expect(new URLSearchParams(seen[1]!.body).get('cursor')).toBe('c1');
    expect(connections - before).toBe(1);
  });

  it('read usergroups.list in one call through the same transport, and keep Slack\'s error code', async () => {
    handler = (req, res, body) => (new URLSearchParams(body).get('include_users') === 'true' ? answer(res, req, { ok: true, usergroups: [{ id: 'S1', users: ['U1'] }] }) : answer(res, req, { ok: false, error: 'invalid_arguments' }));
    const first = await api().read('usergroups.list', { include_users: true }, { known: { seed: 'v1', lookup: () => undefined } });
    expect(first).toMatchObject({ body: { usergroups: [{ id: 'S1', users: ['U1'] }] }, known: false });
    expect(first.digest).toEqual(expect.any(String));
    // The same answer offered to a caller that knows its digest comes back unparsed.
    const again = await api().read('usergroups.list', { include_users: true }, { known: { seed: 'v1', lookup: (digest) => (digest === first.digest ? '' : undefined) } });
    expect(again).toEqual({ body: undefined, digest: first.digest, known: true });
    // Another seed (another version of what the caller makes of answers) is another digest.
    const other = await api().read('usergroups.list', { include_users: true }, { known: { seed: 'v2', lookup: (digest) => (digest === first.digest ? '' : undefined) } });
    expect(other.known).toBe(false);
    expect(other.body).toMatchObject({ usergroups: [{ id: 'S1' }] });
    await expect(api().read('usergroups.list', {})).rejects.toMatchObject({ slackError: 'invalid_arguments' });
  });

  it('retry an answer cut off mid-body, and a 429 after its Retry-After', async () => {
    let call = 0;
    handler = (req, res) => {
      call++;
      if (call === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 10_000 });
        res.write('{"ok":true,"members":[');
        setTimeout(() => res.socket?.destroy(), 5);
        return;
      }
      if (call === 2) {
        res.writeHead(429, { 'retry-after': '0' });
        res.end();
        return;
      }
      answer(res, req, { ok: true, members: USERS, response_metadata: { next_cursor: '' } });
    };
    const pages = [];
    for await (const page of api().pages('users.list', 'members', {})) pages.push(page);
    expect(pages.map((p) => p.items)).toEqual([USERS]);
    expect(call).toBe(3);
  });

  it('never follow a redirect: the token goes nowhere else', async () => {
    let elsewhere = 0;
    const other = http.createServer((_req, res) => {
      elsewhere++;
      res.end('{"ok":true,"members":[]}');
    });
    other.listen(0, '127.0.0.1');
    await once(other, 'listening');
    handler = (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/api/users.list` });
      res.end();
    };
    try {
      const read = async () => {
        for await (const page of api({ serverErrorAttempts: 2 }).pages('users.list', 'members', {})) void page;
      };
      await expect(read()).rejects.toMatchObject({ slackError: 'unreachable' });
      expect(elsewhere).toBe(0);
    } finally {
      other.close();
    }
  });

  it('read SCIM pages compressed, and SCIM errors by their status', async () => {
    handler = (req, res) => {
      if (req.url?.includes('/Users?')) {
        answer(res, req, { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 2, itemsPerPage: 2, startIndex: 1, Resources: [{ id: 'U1', userName: 'jose', active: true }, { id: 'U2', userName: 'taro', active: false }] });
      } else {
        answer(res, req, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], detail: 'no_such_user', status: '404' }, 404);
      }
    };
    const scim = new ScimClient({ token: 'xoxp-test', baseUrl: `${base}/scim/v2/`, pacer: new Pacer(0), stats: new SlackCallStats() });
    const page = await scim.list<{ id: string; active: boolean }>('Users', 1, 2);
    expect(page.resources.map((u) => [u.id, u.active])).toEqual([['U1', true], ['U2', false]]);
    expect(page.totalResults).toBe(2);
    await expect(scim.request('GET', 'Users/U9')).rejects.toMatchObject({ slackError: 'no_such_user', status: 404 });
  });
});
