import { afterAll, beforeAll } from 'vitest';
import { createProvisioningService } from '../../src/access/provisioning/index.ts';
import { updateEntitlementPolicy } from '../../src/access/policies.ts';
import { createDb, type Database } from '../../src/db/createDb.ts';
import { createGovernance, type Governance } from '../../src/access/governance.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { createGateway, listen, type RunningServer } from '../../src/server.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import type { PostedMessage } from '../../src/simulator/store.ts';
import { createSlackApp, type SlackApp } from '../../src/slackApp/index.ts';
import type { SlackConnection } from '../../src/slack/connection.ts';
import { syncOnce } from '../support/slackOrg.ts';
import { useTestDatabase, type TestDatabase } from '../support/db.ts';
import { configFor, connectionFor } from '../support/slack.ts';

export type Transport = 'socket' | 'http';
export const HOUR = 3_600_000;

export interface Person {
  id: number;
  slackId: string;
}

/** One gateway replica: its governance (requests, reviews, jobs) and its Slack app surface. */
export interface Replica {
  gov: Governance;
  app: SlackApp;
  metrics: Metrics;
  server?: RunningServer;
  database: Database;
}

export interface World {
  t: TestDatabase;
  sim: RunningSimulator;
  connection: SlackConnection;
  transport: Transport;
  a: Replica;
  /** A second replica on the same database, started on demand. */
  replicaB(): Promise<Replica>;
  /** Resolves once no replica is handling a delivery. */
  idle(): Promise<void>;
  clock: { ms: number };
  now(): Date;
  approvers: Person[];
  members: Person[];
  group: { entitlementId: number; slackId: string; externalId: string; name: string };
  /** Another requestable group, for tests that need a fresh request. */
  groups: { entitlementId: number; slackId: string; externalId: string; name: string }[];
}

/**
 * A simulated Slack organization synced into this file's database, and a gateway replica whose
 * Slack app surface talks to the simulator over Socket Mode or signed HTTP (its `/slack/events`
 * on a real gateway server). Time is the test's: `clock.ms` moves it.
 */
export function useSlackWorld(transport: Transport): World {
  const t = useTestDatabase();
  const world = { t, transport, clock: { ms: Date.now() } } as World;
  world.now = () => new Date(world.clock.ms);
  const logger = createLogger({ level: 'silent', format: 'json' });
  const extra: { database: Database; own: boolean; replica: Replica }[] = [];

  async function replica(database: Database): Promise<Replica> {
    const metrics = createMetrics();
    const provisioning = createProvisioningService({ database, connection: world.connection });
    const app = createSlackApp({
      db: database.db,
      logger,
      connection: world.connection,
      botToken: world.sim.tokens.bot,
      apiUrl: world.sim.apiUrl,
      ...(transport === 'socket' ? { appToken: world.sim.app.appToken } : { signingSecret: world.sim.app.signingSecret }),
      now: world.now,
      sweepMs: 0,
      countDelivery: (via, outcome) => metrics.slackAppDeliveries.inc({ transport: via, outcome }),
    });
    const gov = createGovernance({ db: database.db, provisioning, connection: world.connection, now: world.now, pendingTtlSeconds: 7 * 24 * 3600, slackApp: { messenger: app.messenger, jobHandlers: app.jobHandlers } });
    app.attach({ requests: gov.requests, reviews: gov.reviews });
    let server: RunningServer | undefined;
    if (transport === 'http') {
      server = await listen(createGateway({ database, logger, metrics, slackEvents: app.handleHttp }), { port: 0, host: '127.0.0.1' });
      world.sim.app.requestUrls.push(`${server.url}/slack/events`);
    }
    await app.start();
    return { gov, app, metrics, server, database };
  }

  beforeAll(async () => {
    const sim = await startSimulator({ plan: 'business-plus', seed: 11, users: 60, userGroups: 6, idpGroups: 0, channels: 2 });
    world.sim = sim;
    world.connection = connectionFor(configFor(sim));
    await syncOnce(t.database, world.connection);
    const accounts = await t.db
      .selectFrom('accounts')
      .select(['id', 'slack_id', 'is_admin', 'is_owner'])
      .where('type', '=', 'HUMAN')
      .where('status', '=', 'ENABLED')
      .where('is_guest', '=', false)
      .where('is_bot', '=', false)
      .where('is_stranger', '=', false)
      .where('is_invited', '=', false)
      .orderBy('id')
      .execute();
    const people = accounts.map((a) => ({ id: a.id, slackId: a.slack_id }));
    world.approvers = people.slice(0, 2);
    world.members = people.slice(2);
    const simGroups = [...sim.store.usergroups.values()].filter((g) => !g.isIdpGroup && g.dateDelete === 0 && g.users.size >= 2);
    const rows = await t.db
      .selectFrom('entitlements')
      .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
      .select(['entitlements.id', 'entitlements.external_id', 'entitlements.display_name', 'resources.slack_id'])
      .where('resources.resource_type', '=', 'userGroup')
      .where('entitlements.grantable', '=', true)
      .orderBy('entitlements.id')
      .execute();
    // The smallest groups first: most people are not in them yet.
    const size = (slackId: string) => sim.store.usergroups.get(slackId)?.users.size ?? 0;
    world.groups = rows
      .filter((r) => simGroups.some((g) => g.id === r.slack_id))
      .sort((x, y) => size(x.slack_id) - size(y.slack_id))
      .map((r) => ({ entitlementId: r.id, slackId: r.slack_id, externalId: r.external_id, name: r.display_name }));
    // Members used as requesters are in neither of the first two groups, so every request is for new access.
    world.members = world.members.filter((m) => world.groups.slice(0, 2).every((g) => !sim.store.usergroups.get(g.slackId)?.users.has(m.slackId)));
    if (world.members.length < 6 || world.groups.length < 3) throw new Error(`the seed gives ${world.members.length} members and ${world.groups.length} groups; the tests need 6 and 3`);
    world.group = world.groups[0] as World['group'];
    // The groups used here are requestable for up to 8 hours with a justification, approved by
    // one of two named approvers; every other entitlement stays unrequestable.
    for (const g of world.groups.slice(0, 3)) {
      const result = await updateEntitlementPolicy(t.db, {
        entitlementId: g.entitlementId,
        change: { requestable: true, maxDuration: 'PT8H', requiredApprovals: 1, reasonRequired: true, approverIds: world.approvers.map((p) => p.id) },
        actor: { apiClientId: 'test' },
        now: world.now(),
      });
      if (result.errors.length) throw new Error(result.errors[0]?.message);
    }
    world.a = await replica(t.database);
    if (transport === 'socket') await sim.app.waitForConnections(1);
  }, 120_000);

  world.idle = async () => {
    await Promise.all([world.a.app.idle(), ...extra.map((e) => e.replica.app.idle())]);
  };

  world.replicaB = async () => {
    // On Postgres the second replica has its own connections to the same database.
    const own = t.backend === 'postgres' && t.url !== undefined;
    const database = own ? await createDb({ url: t.url as string, poolSize: 3 }) : t.database;
    const r = await replica(database);
    extra.push({ database, own, replica: r });
    if (transport === 'socket') await world.sim.app.waitForConnections(2);
    return r;
  };

  afterAll(async () => {
    for (const e of [...extra, ...(world.a ? [{ database: t.database, own: false, replica: world.a }] : [])]) {
      await e.replica.app.stop();
      await e.replica.gov.stop();
      await e.replica.server?.close({ graceMs: 100 });
      if (e.own) await e.database.close();
    }
    await world.sim?.close();
  });

  return world;
}

/** Waits until `check` returns a value (listeners keep working after their ack). */
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string; text?: unknown }[]; text?: { text?: string }; accessory?: { action_id?: string; value?: string } };

/** action_ids of the buttons a message or view shows. */
export function buttonsOf(blocks: unknown): string[] {
  return ((blocks ?? []) as Block[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])].map((e) => e.action_id ?? '').filter(Boolean));
}

/** All text a message or view shows. */
export function textOf(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}

export function lastMessage(messages: PostedMessage[]): PostedMessage {
  const m = messages.at(-1);
  if (!m) throw new Error('no message');
  return m;
}

