import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { registerSimulateCommand } from '../../src/simulator/command.ts';
import { seedOptionsOf } from '../../src/simulator/index.ts';
import { buildStore } from '../../src/simulator/seed.ts';

const fingerprint = (seed: number) => {
  const store = buildStore(seedOptionsOf({ plan: 'grid', users: 300, seed }));
  return [...store.users.values()].map((u) => `${u.id}:${u.name}:${u.deleted}:${u.isRestricted}:${u.memberships.map((m) => m.teamId + m.role).join('|')}`);
};

describe('seed generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(fingerprint(42)).toEqual(fingerprint(42));
    expect(fingerprint(43)).not.toEqual(fingerprint(42));
  });

  it('produces the awkward mix the product must handle', () => {
    const store = buildStore(seedOptionsOf({ plan: 'grid', users: 2000, workspaces: 4, userGroups: 20, idpGroups: 6, channels: 30, seed: 9 }));
    const users = [...store.users.values()];
    const roles = users.flatMap((u) => u.memberships.map((m) => m.role));
    expect(store.workspaces.size).toBe(4);
    expect(roles.filter((r) => r === 'primary_owner').length).toBeGreaterThanOrEqual(1);
    expect(roles).toContain('owner');
    expect(roles).toContain('admin');
    expect(users.some((u) => u.isRestricted && !u.isUltraRestricted)).toBe(true);
    expect(users.some((u) => u.isUltraRestricted)).toBe(true);
    expect(users.some((u) => u.isBot)).toBe(true);
    expect(users.some((u) => u.isInvitedUser)).toBe(true);
    expect(users.some((u) => u.deleted)).toBe(true);
    expect(users.some((u) => !u.isBot && u.email === null && u.id !== 'USLACKBOT')).toBe(true);
    expect(users.some((u) => /[^\x00-\x7f]/.test(u.realName))).toBe(true);
    expect(users.every((u) => u.id === 'USLACKBOT' || u.id.startsWith('W'))).toBe(true);
    const groups = [...store.usergroups.values()];
    expect(groups.some((g) => g.users.size === 0)).toBe(true);
    expect(groups.some((g) => g.dateDelete !== 0)).toBe(true);
    expect(groups.filter((g) => g.isIdpGroup)).toHaveLength(6);
    const groupCount = new Map<string, number>();
    for (const g of groups) for (const id of g.users) groupCount.set(id, (groupCount.get(id) ?? 0) + 1);
    expect(Math.max(...groupCount.values())).toBeGreaterThanOrEqual(5);
    const channels = [...store.channels.values()];
    expect(channels.some((c) => c.isPrivate)).toBe(true);
    expect(channels.some((c) => !c.isPrivate)).toBe(true);
    expect(store.roleAssignments.length).toBeGreaterThan(0);
    // Nobody sits in a group Slack would refuse them for.
    for (const g of groups) for (const id of g.users) expect(store.user(id)?.isRestricted).toBe(false);
  });

  it('sizes groups and channels like a real organization, however large it is', () => {
    const sizes = (users: number) => {
      const store = buildStore(seedOptionsOf({ plan: 'grid', users, workspaces: 5, userGroups: 600, idpGroups: 60, channels: 150, seed: 4 }));
      const groups = [...store.usergroups.values()];
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const userGroups = groups.filter((g) => !g.isIdpGroup).map((g) => g.users.size);
      const idpGroups = groups.filter((g) => g.isIdpGroup).map((g) => g.users.size);
      const channels = [...store.channels.values()];
      const inGroups = new Map<string, number>();
      for (const g of groups) if (!g.isIdpGroup) for (const id of g.users) inGroups.set(id, (inGroups.get(id) ?? 0) + 1);
      return { store, userGroups, idpGroups, channels, mean, inGroups };
    };
    for (const users of [8_000, 30_000]) {
      const { userGroups, idpGroups, channels, mean, inGroups } = sizes(users);
      expect(mean(userGroups)).toBeGreaterThan(30);
      expect(mean(userGroups)).toBeLessThan(50);
      // Most groups are small; a few hold hundreds.
      expect(userGroups.filter((n) => n >= 5 && n <= 60).length / userGroups.length).toBeGreaterThan(0.6);
      expect(Math.max(...userGroups)).toBeGreaterThan(150);
      expect(Math.max(...userGroups)).toBeLessThanOrEqual(500);
      expect(mean(idpGroups)).toBeGreaterThan(75);
      expect(mean(idpGroups)).toBeLessThan(125);
      // Only a handful of people are in dozens of groups.
      expect([...inGroups.values()].filter((n) => n >= 30).length).toBeLessThanOrEqual(4);
      // Every requested channel exists; #general holds everyone, the others tens to a few hundred.
      expect(channels).toHaveLength(150);
      expect(channels.filter((c) => c.isGeneral)).toHaveLength(5);
      const others = channels.filter((c) => !c.isGeneral).map((c) => c.members.size);
      expect(others.filter((n) => n <= 400).length / others.length).toBeGreaterThan(0.95);
      for (const general of channels.filter((c) => c.isGeneral)) expect(general.members.size).toBeGreaterThan(users / 10);
    }
  });

  it('builds the demo company', () => {
    const store = buildStore(seedOptionsOf({ org: 'demo', plan: 'business-plus' }));
    const people = [...store.users.values()].filter((u) => u.id !== 'USLACKBOT' && u.name !== 'slackgate');
    expect(people.length).toBeGreaterThanOrEqual(35);
    expect(people.length).toBeLessThanOrEqual(45);
    const handles = [...store.usergroups.values()].map((g) => g.handle);
    expect(handles).toEqual(expect.arrayContaining(['security-oncall', 'eng-leads']));
    expect([...store.usergroups.values()].filter((g) => g.isIdpGroup).length).toBeGreaterThanOrEqual(2);
    expect([...store.workspaces.values()][0]?.name).toBe('Lumen Robotics');
  });
});

describe('slackgate simulate', () => {
  it('starts, prints its URLs and tokens, serves them, and stops on the signal', async () => {
    const program = new Command('slackgate').option('--port <port>').exitOverride();
    const stdout = new PassThrough();
    let output = '';
    stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let stop: (signal: string) => void = () => {};
    const stopSignal = new Promise<string>((resolve) => (stop = resolve));
    registerSimulateCommand(program, { stdout, stopSignal });
    const run = program.parseAsync(['node', 'slackgate', 'simulate', '--port', '0', '--plan', 'grid', '--users', '40', '--seed', '3', '--bot-token', 'xoxb-cli-test']);
    while (!output.includes('Organization')) await new Promise((r) => setTimeout(r, 20));
    const apiUrl = /Web API:\s+(\S+)/.exec(output)?.[1] as string;
    expect(output).toMatch(/Bot token:\s+xoxb-cli-test/);
    expect(output).toMatch(/Enterprise token:\s+xoxp-/);
    expect(output).toContain('simulation');
    const auth = await new WebClient('xoxb-cli-test', { slackApiUrl: apiUrl, retryConfig: { retries: 0 } }).auth.test();
    expect(auth.enterprise_id).toMatch(/^E/);
    stop('SIGTERM');
    await run;
    expect(output).toContain('simulator stopping');
  });
});
