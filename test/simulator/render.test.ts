// Lists are written as JSON text from templates and cached pieces; these tests hold them to exactly
// what JSON.stringify gives for the object renderers, and check that cached pieces follow changes.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOptionsOf, startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.ts';
import { membershipIndex, scimGroup, scimGroupJson, scimUser, scimUserJson } from '../../src/simulator/scim/resources.ts';
import { buildStore } from '../../src/simulator/seed.ts';
import type { SlackStore, User } from '../../src/simulator/store.ts';
import { userJson, userObject, usergroupJson, usergroupObject } from '../../src/simulator/web/render.ts';

/** Awkward values the templates must escape exactly like JSON.stringify. */
function roughen(store: SlackStore): void {
  const users = [...store.users.values()].filter((u) => u.id !== 'USLACKBOT');
  const odd = ['Zoë "Z" O\'Brien', 'back\\slash', 'tab\there\nnewline', '李小龍', 'lone \ud800 surrogate', 'emoji 🚀', 'del\u007f', 'line\u2028sep'];
  odd.forEach((text, i) => {
    const user = users[i] as User;
    user.realName = text;
    user.displayName = text;
    user.title = text;
    user.phone = i % 2 ? '+1 555 0100' : '';
    user.scim = {
      ...(user.scim ?? {}),
      honorificPrefix: i % 2 ? 'Dr.' : '',
      secondaryEmail: i % 3 ? `second${i}@example.com` : undefined,
      managerId: i % 2 ? users[0]?.id : null,
      phoneNumbers: i === 2 ? [{ value: '+44 20 7946 0000', type: 'work', primary: true }] : undefined,
      addresses: i === 3 ? [{ streetAddress: '1 "Main" St', country: 'US' }] : undefined,
      roles: i === 4 ? [{ value: 'Manager', primary: true }] : undefined,
      photos: i === 5 ? [{ value: 'https://example.com/p.png', type: 'photo' }] : undefined,
      externalId: `ext-${i}`,
    };
    store.touchUser(user);
  });
  const guest = users.find((u) => u.isRestricted);
  if (guest) {
    guest.guestExpirationTs = 1_900_000_000;
    store.touchUser(guest);
  }
  const group = [...store.usergroups.values()][0];
  if (group) {
    group.channels = [...store.channels.keys()].slice(0, 3).concat('G0PRIVATE1');
    group.autoType = 'admin';
    group.deletedBy = users[0]?.id ?? null;
    group.description = 'quotes " and \\ and \u0001';
  }
}

const PLANS: SimulatorOptions[] = [
  { plan: 'grid', users: 400, workspaces: 3, userGroups: 12, idpGroups: 4, channels: 20, seed: 31 },
  { plan: 'business-plus', users: 300, userGroups: 8, idpGroups: 3, channels: 12, seed: 32 },
  { plan: 'pro', users: 120, userGroups: 4, channels: 6, seed: 33 },
  { plan: 'gov', users: 200, workspaces: 2, seed: 34 },
  { plan: 'grid', org: 'demo' },
  { plan: 'business-plus', org: 'demo' },
];

describe('hand-written JSON', () => {
  for (const options of PLANS) {
    const label = `${options.plan} ${options.org ?? 'generated'}`;

    it(`writes users.list members exactly as JSON.stringify would (${label})`, () => {
      const store = buildStore(seedOptionsOf(options));
      roughen(store);
      for (const teamId of store.workspaces.keys()) {
        for (const flags of [0, 1, 2, 3, 4, 5, 6, 7]) {
          const view = { teamId, showEmail: (flags & 1) > 0, showAdminFields: (flags & 2) > 0, includeLocale: (flags & 4) > 0 };
          for (const user of store.users.values()) expect(userJson(store, user, view)).toBe(JSON.stringify(userObject(store, user, view)));
        }
      }
    });

    it(`writes user groups exactly as JSON.stringify would (${label})`, () => {
      const store = buildStore(seedOptionsOf(options));
      roughen(store);
      for (const teamId of store.workspaces.keys()) {
        for (const group of store.usergroupsOf(teamId)) {
          for (const flags of [0, 1, 2, 3]) {
            const view = { teamId, includeUsers: (flags & 1) > 0, includeCount: (flags & 2) > 0 };
            expect(usergroupJson(group, view)).toBe(JSON.stringify(usergroupObject(store, group, view)));
          }
        }
      }
    });

    it(`writes SCIM users and groups exactly as JSON.stringify would (${label})`, () => {
      const store = buildStore(seedOptionsOf(options));
      roughen(store);
      const index = membershipIndex(store);
      for (const version of [1, 2] as const) {
        const base = `http://127.0.0.1:1/scim/v${version}/`;
        for (const user of store.users.values()) expect(scimUserJson(store, user, version, base, index)).toBe(JSON.stringify(scimUser(store, user, version, base)));
        for (const group of store.usergroups.values()) expect(scimGroupJson(store, group, version, base)).toBe(JSON.stringify(scimGroup(store, group, version, base)));
      }
    });
  }
});

describe('cached pieces and indexes follow changes', () => {
  let sim: RunningSimulator;
  let teamId: string;

  beforeAll(async () => {
    sim = await startSimulator({ plan: 'business-plus', users: 150, userGroups: 6, idpGroups: 2, channels: 8, seed: 35 });
    teamId = [...sim.store.workspaces.keys()][0] as string;
  });

  afterAll(async () => {
    await sim.close();
  });

  const web = async (method: string, args: Record<string, string>): Promise<Record<string, unknown>> => {
    const response = await fetch(`${sim.apiUrl}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.tokens.bot}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(args).toString(),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const scimUsers = async (): Promise<Record<string, unknown>[]> => {
    const response = await fetch(`${sim.scimUrl}Users?startIndex=1&count=1000`, { headers: { authorization: `Bearer ${sim.tokens.admin}` } });
    return ((await response.json()) as { Resources: Record<string, unknown>[] }).Resources;
  };

  it('users.list and SCIM show a changed user (changes go through the store, which drops the cached pieces)', async () => {
    const user = [...sim.store.users.values()].find((u) => !u.isBot && !u.deleted && u.id !== 'USLACKBOT') as User;
    const patched = await fetch(`${sim.scimUrl}Users/${user.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sim.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Chief "Quote" Officer' }] }),
    });
    expect(patched.status).toBe(200);
    const listed = (await web('users.list', { limit: '1000' })).members as { id: string; profile: { title: string } }[];
    expect(listed.find((m) => m.id === user.id)?.profile.title).toBe('Chief "Quote" Officer');
    expect((await scimUsers()).find((u) => u.id === user.id)?.title).toBe('Chief "Quote" Officer');
  });

  it('member lists and SCIM groups follow direct changes to a group’s member set', async () => {
    const group = [...sim.store.usergroups.values()].find((g) => g.dateDelete === 0 && g.users.size > 1) as { id: string; users: Set<string>; name: string };
    const listUsers = async () => ((await web('usergroups.list', { include_users: 'true' })).usergroups as { id: string; users: string[] }[]).find((g) => g.id === group.id)?.users;
    expect(await listUsers()).toEqual([...group.users]);
    const leaver = [...group.users][0] as string;
    expect((await scimUsers()).find((u) => u.id === leaver)?.groups).toContainEqual({ value: group.id, display: group.name });
    group.users.delete(leaver);
    expect(await listUsers()).toEqual([...group.users]);
    expect((await scimUsers()).find((u) => u.id === leaver)?.groups).not.toContainEqual({ value: group.id, display: group.name });
    group.users = new Set([leaver]);
    expect(await listUsers()).toEqual([leaver]);
    expect((await scimUsers()).find((u) => u.id === leaver)?.groups).toContainEqual({ value: group.id, display: group.name });
  });

  it('SCIM group lists show members’ current names', async () => {
    const groups = async () => {
      const response = await fetch(`${sim.scimUrl}Groups?startIndex=1&count=100`, { headers: { authorization: `Bearer ${sim.tokens.admin}` } });
      return ((await response.json()) as { Resources: { id: string; members: { value: string; display: string }[] }[] }).Resources;
    };
    const group = (await groups()).find((g) => g.members.length > 0) as { id: string; members: { value: string; display: string }[] };
    const member = sim.store.user((group.members[0] as { value: string }).value) as User;
    member.realName = 'Renamed Person';
    sim.store.touchUser(member);
    expect((await groups()).find((g) => g.id === group.id)?.members).toContainEqual({ value: member.id, display: 'Renamed Person' });
  });

  it('conversations.members stays sorted through joins, leaves and direct changes', async () => {
    const channel = [...sim.store.channels.values()].find((c) => !c.isPrivate && !c.isGeneral) as NonNullable<ReturnType<typeof sim.store.channels.get>>;
    const members = async () => (await web('conversations.members', { channel: channel.id, limit: '1000' })).members as string[];
    const sorted = () => [...channel.members].sort();
    expect(await members()).toEqual(sorted());
    const outsiders = (sim.store.workspace(teamId)?.userIds ?? []).filter((id) => !channel.members.has(id));
    sim.store.joinChannel(channel, outsiders[0] as string);
    sim.store.leaveChannel(channel, [...channel.members][1] as string);
    expect(await members()).toEqual(sorted());
    channel.members.add(outsiders[1] as string);
    expect(await members()).toEqual(sorted());
    channel.members = new Set([outsiders[2] as string, outsiders[1] as string]);
    expect(await members()).toEqual(sorted());
  });
});

describe('list pages in reused memory', () => {
  let big: RunningSimulator;
  let pages: { url: URL; body: string; token: string }[];
  // users.list says when it answered; the rest of every answer must be the same bytes.
  const unstamped = (text: string) => text.replace(/"cache_ts":\d+/, '"cache_ts":0');
  const read = async (page: (typeof pages)[number]) =>
    unstamped(await (await fetch(page.url, { method: page.body ? 'POST' : 'GET', ...(page.body ? { body: page.body } : {}), headers: { authorization: `Bearer ${page.token}`, ...(page.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) } })).text());

  beforeAll(async () => {
    big = await startSimulator({ plan: 'business-plus', users: 4000, userGroups: 20, channels: 10, seed: 41 });
    pages = [];
    for (let start = 1; start <= 4000; start += 1000) pages.push({ url: new URL(`${big.scimUrl}Users?startIndex=${start}&count=1000`), body: '', token: big.tokens.admin });
    let cursor = '';
    do {
      const body = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) }).toString();
      pages.push({ url: new URL(`${big.apiUrl}users.list`), body, token: big.tokens.bot });
      cursor = (JSON.parse(await read(pages.at(-1) as (typeof pages)[number])) as { response_metadata: { next_cursor: string } }).response_metadata.next_cursor;
    } while (cursor);
  });
  afterAll(() => big.close());

  it('answers every page intact with many list calls in flight at once', async () => {
    const one = [];
    for (const page of pages) one.push(await read(page));
    // Pages this big are built in the reused page memory (all but the last of each list).
    expect(one.filter((text) => Buffer.byteLength(text) > 64 * 1024).length).toBeGreaterThanOrEqual(pages.length - 2);
    for (let round = 0; round < 3; round++) expect(await Promise.all(pages.map(read))).toEqual(one);
  });

  it('keeps a page’s memory until a slow reader has received all of it', async () => {
    const one = [];
    for (const page of pages) one.push(await read(page));
    // Pipelined on one connection that is not read for a while: more than the kernel buffers
    // hold, so the simulator's writes wait while other callers' pages are built.
    const socket = connect(Number(pages[0]?.url.port), '127.0.0.1');
    socket.pause();
    const requests = [...pages, ...pages, ...pages];
    socket.write(
      requests
        .map((p) => `${p.body ? 'POST' : 'GET'} ${p.url.pathname}${p.url.search} HTTP/1.1\r\nhost: ${p.url.host}\r\nauthorization: Bearer ${p.token}\r\n${p.body ? `content-type: application/x-www-form-urlencoded\r\ncontent-length: ${p.body.length}\r\n` : ''}\r\n${p.body}`)
        .join(''),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let round = 0; round < 2; round++) expect(await Promise.all(pages.map(read))).toEqual(one);
    const bodies: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let pending = Buffer.alloc(0);
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        for (;;) {
          const headEnd = pending.indexOf('\r\n\r\n');
          if (headEnd < 0) break;
          const length = Number(/content-length: (\d+)/i.exec(pending.subarray(0, headEnd).toString('latin1'))?.[1]);
          if (pending.length < headEnd + 4 + length) break;
          bodies.push(unstamped(pending.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8')));
          pending = pending.subarray(headEnd + 4 + length);
        }
        if (bodies.length === requests.length) resolve();
      });
      socket.resume();
    });
    socket.destroy();
    expect(bodies).toEqual([...one, ...one, ...one]);
  });
});
