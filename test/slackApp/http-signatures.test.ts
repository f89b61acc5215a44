import { describe, expect, it } from 'vitest';
import { backend } from '../support/db.ts';
import { slackSignature } from '../../src/simulator/index.ts';
import { textOf, useSlackWorld, type Person } from './world.ts';

// Slack deliveries over HTTP are believed only with a valid v0 signature less than five minutes
// old; anything else is 401, a log line and a metric, and changes nothing.
const w = useSlackWorld('http');

describe(`/slack/events signatures (${backend})`, () => {
  it('refuses a forged signature and a replay older than five minutes; the same click, signed now, approves', async () => {
    const requester = w.members[0] as Person;
    const approver = w.approvers[0] as Person;
    const asked = await w.a.gov.requests.requestAccess({ entitlementId: w.group.entitlementId, justification: 'deploy', duration: 'PT1H', actor: { apiClientId: 'test', accountId: requester.id } });
    const requestId = asked.request?.id as number;
    await w.a.gov.worker.runDue();
    const dm = w.sim.app.messagesTo(approver.slackId).find((m) => textOf(m.blocks).includes(`Access request ${requestId}`));
    if (!dm) throw new Error('no DM');
    const click = () => w.sim.app.click({ user: approver.slackId, actionId: 'request.approve', message: { channel: dm.channel, ts: dm.ts } }, { via: 'http', signingSecret: 'not-the-signing-secret-0000' });
    const [forged] = await click();
    expect(forged?.status).toBe(401);
    const [replayed] = await w.sim.app.click({ user: approver.slackId, actionId: 'request.approve', message: { channel: dm.channel, ts: dm.ts } }, { via: 'http', timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(replayed?.status).toBe(401);
    await w.idle();
    expect((await w.t.db.selectFrom('requests').select('state').where('id', '=', requestId).executeTakeFirstOrThrow()).state).toBe('PENDING');
    expect(await w.t.db.selectFrom('approvals').select('id').where('request_id', '=', requestId).execute()).toEqual([]);
    expect(await w.t.db.selectFrom('audit_events').select('action').where('action', 'like', 'slack.%').execute()).toEqual([]);
    expect(await w.t.db.selectFrom('slack_deliveries').select('delivery_key').execute()).toEqual([]);
    const refused = (await w.a.metrics.slackAppDeliveries.get()).values.filter((v) => v.labels.transport === 'http' && v.value > 0).map((v) => [v.labels.outcome, v.value]);
    expect(refused).toEqual(expect.arrayContaining([['bad_signature', 1], ['stale', 1]]));

    const [signed] = await w.sim.app.click({ user: approver.slackId, actionId: 'request.approve', message: { channel: dm.channel, ts: dm.ts } }, { via: 'http' });
    expect(signed?.status).toBe(200);
    await w.idle();
    expect((await w.t.db.selectFrom('requests').select('state').where('id', '=', requestId).executeTakeFirstOrThrow()).state).toBe('GRANTED');
  });

  it('checks the signature over the raw body before reading it: a tampered body with the original signature is refused', async () => {
    const url = w.sim.app.requestUrls[0] as string;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = 'token=x&command=%2Faccess&text=mine&user_id=U1&trigger_id=1.2.3';
    const signature = slackSignature(w.sim.app.signingSecret, timestamp, body);
    const tampered = body.replace('U1', 'U2');
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature }, body: tampered });
    expect(res.status).toBe(401);
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"url_verification","challenge":"c"}' });
    expect(unsigned.status).toBe(401);
  });

  it('answers the url_verification handshake Slack signs when the request URL is saved', async () => {
    const url = w.sim.app.requestUrls[0] as string;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ token: 'x', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(w.sim.app.signingSecret, timestamp, body) }, body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });
});
