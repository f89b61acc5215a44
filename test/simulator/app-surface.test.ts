import { ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { checkedClient, type CheckedClient } from './openapi.ts';

// The Slack side of an app, as @slack/web-api and a Socket Mode client see it: every Web API
// answer is checked against Slack's OpenAPI schema, errors are Slack's codes.
let sim: RunningSimulator;
let bot: CheckedClient;
let alice: string;
let bob: string;

beforeAll(async () => {
  sim = await startSimulator({ plan: 'business-plus', users: 20, userGroups: 2, channels: 2, seed: 4 });
  bot = checkedClient(sim, sim.tokens.bot);
  [alice, bob] = [...sim.store.users.values()].filter((u) => !u.isBot && !u.deleted && u.id !== 'USLACKBOT').map((u) => u.id) as [string, string];
});

afterEach(() => {
  expect(bot.problems.splice(0)).toEqual([]);
  vi.useRealTimers();
});

afterAll(async () => {
  await sim.close();
});

async function slackError(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as WebAPIPlatformError | undefined;
  expect(error?.code).toBe(ErrorCode.PlatformError);
  return error?.data.error as string;
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('the app surface of the simulator', () => {
  it('posts to a user id into the DM, updates it only by its D… channel and ts', async () => {
    const opened = await bot.client.conversations.open({ users: alice });
    const posted = await bot.client.chat.postMessage({ channel: alice, text: 'hi', blocks: [section('hi')] });
    expect(posted.channel).toBe(opened.channel?.id);
    expect(await slackError(bot.client.chat.update({ channel: alice, ts: posted.ts as string, text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(bot.client.chat.update({ channel: posted.channel as string, ts: '1.000001', text: 'x' }))).toBe('message_not_found');
    const updated = await bot.client.chat.update({ channel: posted.channel as string, ts: posted.ts as string, text: 'done', blocks: [section('done')] });
    expect(updated.ts).toBe(posted.ts);
    expect(sim.app.messagesTo(alice).at(-1)).toMatchObject({ text: 'done', blocks: [section('done')], edited: { user: expect.any(String) } });
  });

  it('shows ephemeral messages only to members of the conversation', async () => {
    const dm = (await bot.client.conversations.open({ users: alice })).channel?.id as string;
    expect(await slackError(bot.client.chat.postEphemeral({ channel: dm, user: bob, text: 'not yours' }))).toBe('user_not_in_channel');
    const ok = await bot.client.chat.postEphemeral({ channel: dm, user: alice, text: 'only you' });
    expect(ok.message_ts).toBeDefined();
    expect(sim.app.ephemeralsFor(alice).at(-1)).toMatchObject({ channel: dm, text: 'only you' });
  });

  it('exchanges a trigger_id for a modal once, within 3 seconds; updates by hash; publishes Home tabs', async () => {
    const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Ask' }, blocks: [section('a')] };
    const trigger = sim.store.app.issueTrigger(alice);
    const opened = await bot.client.views.open({ trigger_id: trigger, view: modal });
    expect(opened.view).toMatchObject({ type: 'modal', id: expect.stringMatching(/^V/), hash: expect.any(String), root_view_id: opened.view?.id });
    expect(await slackError(bot.client.views.open({ trigger_id: trigger, view: modal }))).toBe('exchanged_trigger_id');
    expect(await slackError(bot.client.views.open({ trigger_id: '1.2.nope', view: modal }))).toBe('invalid_trigger_id');
    const late = sim.store.app.issueTrigger(alice);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3500);
    expect(await slackError(bot.client.views.open({ trigger_id: late, view: modal }))).toBe('expired_trigger_id');
    vi.useRealTimers();
    const withInput = { ...modal, blocks: [{ type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'x' }, element: { type: 'plain_text_input', action_id: 'a' } }] };
    expect(await slackError(bot.client.views.open({ trigger_id: sim.store.app.issueTrigger(alice), view: withInput as never }))).toBe('invalid_arguments');
    expect(await slackError(bot.client.views.update({ view_id: opened.view?.id as string, hash: 'stale.hash', view: modal }))).toBe('hash_conflict');
    const updated = await bot.client.views.update({ view_id: opened.view?.id as string, hash: opened.view?.hash as string, view: { ...modal, blocks: [section('b')] } });
    expect(updated.view?.id).toBe(opened.view?.id);
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    const home = await bot.client.views.publish({ user_id: alice, view: { type: 'home', blocks: [section('home')] } });
    expect(sim.app.homeOf(alice)?.id).toBe(home.view?.id);
  });

  it('opens Socket Mode with an app-level token only; each URL connects once; hello, envelopes and acks', async () => {
    const open = async (token: string) => (await (await fetch(`${sim.apiUrl}apps.connections.open`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { ok: boolean; url?: string; error?: string };
    expect(await open(sim.tokens.bot)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(await open('xapp-1-A1-2-wrong')).toEqual({ ok: false, error: 'invalid_auth' });
    const { url } = await open(sim.app.appToken);
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f-]+&app_id=A/);
    const socket = new WebSocket(url as string);
    const frames: Record<string, unknown>[] = [];
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      frames.push(frame);
      if (frame.envelope_id) socket.send(JSON.stringify({ envelope_id: frame.envelope_id, payload: { response_action: 'clear' } }));
    });
    await new Promise((resolve) => socket.once('open', resolve));
    await sim.app.waitForConnections(1);
    const [delivery] = await sim.app.command({ user: alice, command: '/access', text: 'mine' });
    expect(delivery).toMatchObject({ via: 'socket', acked: true, response: { response_action: 'clear' } });
    expect(frames[0]).toMatchObject({ type: 'hello', num_connections: 1, connection_info: { app_id: sim.store.app.appId } });
    expect(frames[1]).toMatchObject({ type: 'slash_commands', accepts_response_payload: true, payload: { command: '/access', text: 'mine', user_id: alice, trigger_id: expect.any(String) } });
    socket.close();
    const again = new WebSocket(url as string);
    const refused = await new Promise<string>((resolve) => {
      again.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      again.once('error', (e) => resolve(e.message));
    });
    expect(refused).toContain('401');
  });
});
