import { describe, expect, it } from 'vitest';
import { backend } from '../support/db.ts';
import { buttonsOf, HOUR, lastMessage, textOf, until, useSlackWorld, type Person, type Transport } from './world.ts';

/**
 * The Slack app surface end to end against the simulator, over one transport: the slash
 * command's modal → a request → approvers' DMs with buttons → refusals → approval → every copy
 * updated → reminder before expiry → Extend → expiry; Deny with a reason; two replicas; a review
 * decided from App Home.
 */
export function defineFlow(transport: Transport): void {
  const w = useSlackWorld(transport);
  const state: { requestId?: number; requester?: Person; extendedUntil?: number } = {};

  const requestOf = (id: number) => w.t.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const slackAudit = (requestId: number) =>
    w.t.db.selectFrom('audit_events').select(['action', 'outcome', 'error_code', 'actor_account_id', 'details']).where('request_id', '=', requestId).where('action', 'like', 'slack.%').orderBy('id').execute();
  const inGroup = (slackId: string) => w.sim.store.usergroups.get(w.group.slackId)?.users.has(slackId) ?? false;
  const approvalDm = (approver: Person, requestId: number) => w.sim.app.messagesTo(approver.slackId).find((m) => textOf(m.blocks).includes(`Access request ${requestId}`));

  describe(`the Slack app over ${transport === 'socket' ? 'Socket Mode' : 'signed HTTP'} (${backend})`, () => {
    it('opens the request modal from the slash command; its picker finds only requestable entitlements', async () => {
      const requester = w.members[0] as Person;
      state.requester = requester;
      const [ack] = await w.sim.app.command({ user: requester.slackId, command: '/access' });
      expect(ack?.acked).toBe(true);
      const modal = await until(() => w.sim.app.openModalOf(requester.slackId), 'the request modal');
      expect(modal.callback_id).toBe('access.request');
      const [found] = await w.sim.app.suggest({ user: requester.slackId, viewId: modal.id, actionId: 'entitlement', value: w.group.name.slice(0, 4) });
      const options = (found?.response as { options: { value: string; text: { text: string } }[] }).options;
      expect(options.map((o) => o.value)).toContain(String(w.group.entitlementId));
      // Only the three groups with a policy are requestable.
      const requestable = new Set(w.groups.slice(0, 3).map((g) => String(g.entitlementId)));
      expect(options.every((o) => requestable.has(o.value))).toBe(true);
    });

    it('shows the policy’s refusals on the modal’s fields and creates nothing (before the modal knows the entitlement)', async () => {
      const requester = state.requester as Person;
      const modal = w.sim.app.openModalOf(requester.slackId);
      if (!modal) throw new Error('modal closed');
      const entitlement = { value: String(w.group.entitlementId), text: w.group.name };
      const [noReason] = await w.sim.app.submit({ user: requester.slackId, viewId: modal.id, values: { entitlement, duration: { value: 'MAX' }, justification: null, for_whom: null } });
      expect(noReason?.response).toMatchObject({ response_action: 'errors', errors: { justification: expect.stringContaining('needs a justification') } });
      const [tooLong] = await w.sim.app.submit({ user: requester.slackId, viewId: modal.id, values: { entitlement, duration: { value: 'P1D' }, justification: 'on call', for_whom: null } });
      expect(tooLong?.response).toMatchObject({ response_action: 'errors', errors: { duration: expect.stringContaining('At most 8 hours') } });
      expect(w.sim.app.openModalOf(requester.slackId)?.id).toBe(modal.id);
      const requests = await w.t.db.selectFrom('requests').select('id').where('requester_id', '=', requester.id).execute();
      expect(requests).toEqual([]);
    });

    it('picking an entitlement bounds the durations by its maxDuration and asks for the justification its policy requires', async () => {
      const requester = state.requester as Person;
      const modal = w.sim.app.openModalOf(requester.slackId);
      if (!modal) throw new Error('modal closed');
      await w.sim.app.click({ user: requester.slackId, viewId: modal.id, actionId: 'entitlement', selectedOption: { value: String(w.group.entitlementId), text: w.group.name } });
      await w.idle();
      const updated = await until(() => w.sim.app.openModalOf(requester.slackId)?.hash !== modal.hash && w.sim.app.openModalOf(requester.slackId), 'the updated modal');
      expect(updated.id).toBe(modal.id);
      const blocks = updated.blocks as { block_id: string; optional?: boolean; hint?: { text: string }; element: { options?: { value: string }[] } }[];
      const duration = blocks.find((b) => b.block_id === 'duration');
      expect(duration?.element.options?.map((o) => o.value)).toEqual(['PT1H', 'PT4H', 'PT8H', 'MAX']);
      expect(duration?.hint?.text).toBe('At most 8 hours for this entitlement');
      expect(blocks.find((b) => b.block_id === 'justification')?.optional).toBe(false);
      // Slack itself will not submit a required field empty or an option the modal does not offer.
      await expect(w.sim.app.submit({ user: requester.slackId, viewId: modal.id, values: { entitlement: { value: String(w.group.entitlementId) }, duration: { value: 'P1D' }, justification: 'x', for_whom: null } })).rejects.toThrow('offers no option P1D');
      await expect(w.sim.app.submit({ user: requester.slackId, viewId: modal.id, values: { entitlement: { value: String(w.group.entitlementId) }, duration: { value: 'MAX' }, justification: null, for_whom: null } })).rejects.toThrow('"justification" is required');
    });

    it('submitting creates the request; every approver gets a DM with Approve and Deny', async () => {
      const requester = state.requester as Person;
      const modal = w.sim.app.openModalOf(requester.slackId);
      if (!modal) throw new Error('modal closed');
      const [ok] = await w.sim.app.submit({
        user: requester.slackId,
        viewId: modal.id,
        values: { entitlement: { value: String(w.group.entitlementId), text: w.group.name }, duration: { value: 'MAX' }, justification: 'on call this week', for_whom: null },
      });
      expect(ok?.response).toBeUndefined();
      expect(w.sim.app.openModalOf(requester.slackId)).toBeUndefined();
      await w.idle();
      const request = await w.t.db.selectFrom('requests').selectAll().where('requester_id', '=', requester.id).executeTakeFirstOrThrow();
      expect(request).toMatchObject({ state: 'PENDING', account_id: requester.id, entitlement_id: w.group.entitlementId, justification: 'on call this week', api_client_id: 'slack-app' });
      state.requestId = request.id;
      await w.a.gov.worker.runDue();
      for (const approver of w.approvers) {
        const dm = approvalDm(approver, request.id);
        expect(dm, `DM to ${approver.slackId}`).toBeDefined();
        expect(buttonsOf(dm?.blocks)).toEqual(['request.approve', 'request.deny']);
      }
      const copies = await w.t.db.selectFrom('slack_messages').select(['account_id', 'channel', 'ts']).where('request_id', '=', request.id).execute();
      expect(copies.map((c) => c.account_id).sort()).toEqual(w.approvers.map((a) => a.id).sort());
      expect((await slackAudit(request.id)).map((e) => [e.action, e.outcome])).toEqual([['slack.requestAccess', 'SUCCESS']]);
    });

    it('refuses a click by a non-approver, by the requester and by an unknown Slack user, ephemerally, changing nothing', async () => {
      const requestId = state.requestId as number;
      const dm = approvalDm(w.approvers[0] as Person, requestId);
      if (!dm) throw new Error('no DM');
      const stranger = w.members[1] as Person;
      const requester = state.requester as Person;
      // Someone Slack knows and slackgate does not (joined after the last sync).
      const newcomer = structuredClone(w.sim.store.users.get(stranger.slackId));
      if (!newcomer) throw new Error('no user');
      newcomer.id = `${stranger.slackId.slice(0, 1)}NEW${stranger.slackId.slice(4)}`;
      w.sim.store.users.set(newcomer.id, newcomer);
      for (const [user, says] of [
        [stranger.slackId, 'is not an approver'],
        [requester.slackId, 'their own request'],
        [newcomer.id, 'does not know your Slack user'],
      ] as const) {
        await w.sim.app.click({ user, actionId: 'request.approve', message: { channel: dm.channel, ts: dm.ts } });
        await w.idle();
        const told = await until(() => w.sim.app.ephemeralsFor(user).at(-1), `an ephemeral answer to ${user}`);
        expect(told.text).toContain(says);
      }
      expect((await requestOf(requestId)).state).toBe('PENDING');
      expect(await w.t.db.selectFrom('approvals').select('id').where('request_id', '=', requestId).execute()).toEqual([]);
      expect(inGroup(requester.slackId)).toBe(false);
      const audit = (await slackAudit(requestId)).slice(1);
      expect(audit.map((e) => [e.action, e.outcome, e.error_code])).toEqual([
        ['slack.approveRequest', 'DENIED', 'NOT_AN_APPROVER'],
        ['slack.approveRequest', 'DENIED', 'SELF_APPROVAL'],
        ['slack.approveRequest', 'DENIED', 'UNKNOWN_SLACK_USER'],
      ]);
      expect(audit[2]?.actor_account_id).toBeNull();
      expect(audit[2]?.details).toMatchObject({ slackUserId: newcomer.id });
    });

    it("an approver's click grants in Slack and every approver's copy is updated in place", async () => {
      const requestId = state.requestId as number;
      const [first, second] = w.approvers as [Person, Person];
      const dm = approvalDm(first, requestId);
      if (!dm) throw new Error('no DM');
      await w.sim.app.click({ user: first.slackId, actionId: 'request.approve', message: { channel: dm.channel, ts: dm.ts } });
      await w.idle();
      const request = await requestOf(requestId);
      expect(request.state).toBe('GRANTED');
      expect(request.expires_at?.getTime()).toBe(w.clock.ms + 8 * HOUR);
      expect(inGroup((state.requester as Person).slackId)).toBe(true);
      await w.a.gov.worker.runDue();
      for (const approver of [first, second]) {
        const copy = approvalDm(approver, requestId);
        expect(copy?.edited, `copy of ${approver.slackId} updated`).toBeDefined();
        expect(buttonsOf(copy?.blocks)).toEqual([]);
        expect(textOf(copy?.blocks)).toContain(`Approved* by <@${first.slackId}>`);
      }
      const audit = await slackAudit(requestId);
      expect(audit.at(-1)).toMatchObject({ action: 'slack.approveRequest', outcome: 'SUCCESS', actor_account_id: first.id });
    });

    it('reminds the holder an hour before the end (not a day: the grant is shorter), and Extend asks for more time', async () => {
      const requester = state.requester as Person;
      const before = w.sim.app.messagesTo(requester.slackId).length;
      w.clock.ms += 6 * HOUR;
      await w.a.app.sweep();
      await w.a.gov.worker.runDue();
      expect(w.sim.app.messagesTo(requester.slackId).length).toBe(before);
      w.clock.ms += 1 * HOUR + 1000;
      await w.a.app.sweep();
      await w.a.gov.worker.runDue();
      const reminders = w.sim.app.messagesTo(requester.slackId).slice(before);
      expect(reminders).toHaveLength(1);
      const reminder = lastMessage(reminders);
      expect(reminder.text).toContain('ends in about 1 hour');
      expect(buttonsOf(reminder.blocks)).toEqual(['grant.extend']);
      const grant = await w.t.db.selectFrom('grants').selectAll().where('entitlement_id', '=', w.group.entitlementId).where('account_id', '=', requester.id).executeTakeFirstOrThrow();

      await w.sim.app.click({ user: requester.slackId, actionId: 'grant.extend', message: { channel: reminder.channel, ts: reminder.ts } });
      await w.idle();
      const extension = await w.t.db.selectFrom('requests').selectAll().where('extends_grant_id', '=', grant.id).executeTakeFirstOrThrow();
      expect(extension).toMatchObject({ state: 'PENDING', origin: 'EXTENSION' });
      expect(buttonsOf(w.sim.app.messagesTo(requester.slackId).find((m) => m.ts === reminder.ts)?.blocks)).toEqual([]);
      await w.a.gov.worker.runDue();
      const approver = w.approvers[1] as Person;
      const dm = approvalDm(approver, extension.id);
      if (!dm) throw new Error('no DM for the extension');
      expect(textOf(dm.blocks)).toContain('asks to extend');
      await w.sim.app.click({ user: approver.slackId, actionId: 'request.approve', message: { channel: dm.channel, ts: dm.ts } });
      await w.idle();
      const extended = await w.t.db.selectFrom('grants').select('expires_at').where('id', '=', grant.id).executeTakeFirstOrThrow();
      expect(extended.expires_at?.getTime()).toBe(w.clock.ms + 8 * HOUR);
      state.extendedUntil = extended.expires_at?.getTime();
    });

    it('ends the access at the extended expiry', async () => {
      const requester = state.requester as Person;
      w.clock.ms = (state.extendedUntil as number) - 1000;
      await w.a.gov.worker.runDue();
      expect(inGroup(requester.slackId)).toBe(true);
      w.clock.ms += 2000;
      await w.a.gov.worker.runDue();
      expect(inGroup(requester.slackId)).toBe(false);
      expect((await requestOf(state.requestId as number)).state).toBe('EXPIRED');
    });

    it('Deny opens a modal for the reason; the request is denied with it and every copy says so', async () => {
      const requester = w.members[3] as Person;
      const asked = await w.a.gov.requests.requestAccess({ entitlementId: w.group.entitlementId, justification: 'debugging', duration: 'PT2H', actor: { apiClientId: 'test', accountId: requester.id } });
      const requestId = asked.request?.id as number;
      await w.a.gov.worker.runDue();
      const approver = w.approvers[0] as Person;
      const dm = approvalDm(approver, requestId);
      if (!dm) throw new Error('no DM');
      await w.sim.app.click({ user: approver.slackId, actionId: 'request.deny', message: { channel: dm.channel, ts: dm.ts } });
      await w.idle();
      const modal = await until(() => w.sim.app.openModalOf(approver.slackId), 'the deny modal');
      expect(modal.callback_id).toBe('request.denyReason');
      const [ack] = await w.sim.app.submit({ user: approver.slackId, viewId: modal.id, values: { reason: 'use the shared on-call group instead' } });
      expect(ack?.response).toBeUndefined();
      await w.idle();
      expect(await requestOf(requestId)).toMatchObject({ state: 'DENIED' });
      const approval = await w.t.db.selectFrom('approvals').selectAll().where('request_id', '=', requestId).executeTakeFirstOrThrow();
      expect(approval).toMatchObject({ approver_id: approver.id, decision: 'DENY', comment: 'use the shared on-call group instead' });
      await w.a.gov.worker.runDue();
      for (const a of w.approvers) {
        const copy = approvalDm(a, requestId);
        expect(buttonsOf(copy?.blocks)).toEqual([]);
        expect(textOf(copy?.blocks)).toContain(`Denied* by <@${approver.slackId}>`);
        expect(textOf(copy?.blocks)).toContain('use the shared on-call group instead');
      }
    });

    it('updates every copy also when the request is decided elsewhere: cancelled by the requester through the API', async () => {
      const requester = w.members[5] as Person;
      const asked = await w.a.gov.requests.requestAccess({ entitlementId: w.group.entitlementId, justification: 'audit', duration: 'PT1H', actor: { apiClientId: 'test', accountId: requester.id } });
      const requestId = asked.request?.id as number;
      await w.a.gov.worker.runDue();
      expect(w.approvers.map((a) => buttonsOf(approvalDm(a, requestId)?.blocks))).toEqual([
        ['request.approve', 'request.deny'],
        ['request.approve', 'request.deny'],
      ]);
      const cancelled = await w.a.gov.requests.cancel({ requestId, actor: { apiClientId: 'test', accountId: requester.id } });
      expect(cancelled.errors).toEqual([]);
      await w.a.gov.worker.runDue();
      for (const a of w.approvers) {
        const copy = approvalDm(a, requestId);
        expect(buttonsOf(copy?.blocks)).toEqual([]);
        expect(textOf(copy?.blocks)).toContain('Cancelled* by the requester');
      }
    });

    it('lists the person’s access with "/access mine", ephemerally', async () => {
      const person = w.approvers[0] as Person;
      const [ack] = await w.sim.app.command({ user: person.slackId, command: '/access', text: 'mine' });
      const answer = ack?.response as { response_type: string; text: string };
      expect(answer.response_type).toBe('ephemeral');
      const held = await w.t.db.selectFrom('grants').select('id').where('account_id', '=', person.id).execute();
      expect(answer.text).toContain(`You hold ${held.length} entitlement(s)`);
    });

    it('two replicas receiving the same click carry it out once', async () => {
      const b = await w.replicaB();
      const requester = w.members[4] as Person;
      const asked = await w.a.gov.requests.requestAccess({ entitlementId: w.groups[1]?.entitlementId, justification: 'incident', duration: 'PT1H', actor: { apiClientId: 'test', accountId: requester.id } });
      const requestId = asked.request?.id as number;
      await w.a.gov.worker.runDue();
      const approver = w.approvers[0] as Person;
      const dm = approvalDm(approver, requestId);
      if (!dm) throw new Error('no DM');
      const deliveries = await w.sim.app.click({ user: approver.slackId, actionId: 'request.approve', message: { channel: dm.channel, ts: dm.ts } }, { everywhere: true });
      expect(deliveries).toHaveLength(2);
      expect(deliveries.every((d) => d.acked)).toBe(true);
      await w.idle();
      expect((await requestOf(requestId)).state).toBe('GRANTED');
      expect(await w.t.db.selectFrom('approvals').select('id').where('request_id', '=', requestId).execute()).toHaveLength(1);
      // The second replica only acknowledged: no refusal, no second audit event.
      expect((await slackAudit(requestId)).map((e) => [e.action, e.outcome])).toEqual([['slack.approveRequest', 'SUCCESS']]);
      expect(w.sim.app.ephemeralsFor(approver.slackId).filter((m) => m.text.includes(`request ${requestId}`))).toEqual([]);
      const duplicates = async (r: typeof b) => (await r.metrics.slackAppDeliveries.get()).values.find((v) => v.labels.outcome === 'duplicate')?.value ?? 0;
      expect((await duplicates(w.a)) + (await duplicates(b))).toBe(1);
    });

    it.runIf(transport === 'socket')('reconnects when Slack asks for a refresh, and goes on answering', async () => {
      const before = w.sim.app.connectionCount;
      w.sim.app.requestRefresh();
      await until(() => w.sim.app.connectionCount < before || undefined, 'the old connections to close');
      await w.sim.app.waitForConnections(before, 20_000);
      const person = w.approvers[0] as Person;
      const [ack] = await w.sim.app.command({ user: person.slackId, command: '/access', text: 'mine' });
      expect((ack?.response as { response_type?: string }).response_type).toBe('ephemeral');
    }, 30_000);

    it("decides a review's items from App Home (Keep, Revoke), after a DM telling the reviewer", async () => {
      const reviewer = w.approvers[1] as Person;
      const created = await w.a.gov.reviews.create({
        name: 'Quarterly on-call review',
        scope: { entitlementIds: [w.groups[2]?.entitlementId as number] },
        reviewerMode: 'EXPLICIT',
        reviewerIds: [reviewer.id],
        dueAt: new Date(w.clock.ms + 48 * HOUR),
        actor: { apiClientId: 'test' },
      });
      expect(created.errors).toEqual([]);
      const reviewId = created.review?.id as number;
      const items = await w.t.db.selectFrom('review_items').select(['id', 'account_id']).where('review_id', '=', reviewId).orderBy('id').execute();
      const theirs = items.filter((i) => i.account_id !== reviewer.id);
      expect(theirs.length).toBeGreaterThanOrEqual(2);
      await w.a.app.sweep();
      await w.a.gov.worker.runDue();
      expect(lastMessage(w.sim.app.messagesTo(reviewer.slackId)).text).toContain(`${theirs.length} item(s) to decide`);

      await w.sim.app.openHome(reviewer.slackId);
      await w.idle();
      const home = await until(() => w.sim.app.homeOf(reviewer.slackId), 'the Home tab');
      // A page shows 20 items; the rest are a Next away.
      const keeps = (blocks: unknown) => buttonsOf(blocks).filter((b) => b === 'review.keep').length;
      expect(keeps(home.blocks)).toBe(Math.min(theirs.length, 20));
      expect(buttonsOf(home.blocks).includes('home.reviewPage')).toBe(theirs.length > 20);
      const [keep, revoke] = theirs as unknown as [{ id: number }, { id: number }];
      await w.sim.app.click({ user: reviewer.slackId, viewId: home.id, actionId: 'review.keep', value: `${reviewId}:${keep.id}` });
      await w.idle();
      await w.sim.app.click({ user: reviewer.slackId, viewId: home.id, actionId: 'review.revoke', value: `${reviewId}:${revoke.id}` });
      await w.idle();
      const decided = await w.t.db.selectFrom('review_items').select(['id', 'decision', 'decided_by']).where('id', 'in', [keep.id, revoke.id]).orderBy('id').execute();
      expect(decided).toEqual([
        { id: keep.id, decision: 'KEEP', decided_by: reviewer.id },
        { id: revoke.id, decision: 'REVOKE', decided_by: reviewer.id },
      ]);
      const after = w.sim.app.homeOf(reviewer.slackId);
      expect(keeps(after?.blocks)).toBe(Math.min(theirs.length - 2, 20));
      expect(textOf(after?.blocks)).toContain(`${theirs.length - 2} item(s) wait for your decision`);
      if (theirs.length - 2 > 20) {
        await w.sim.app.click({ user: reviewer.slackId, viewId: after?.id as string, actionId: 'home.reviewPage', value: '20' });
        await w.idle();
        expect(textOf(w.sim.app.homeOf(reviewer.slackId)?.blocks)).toContain('showing 21–');
        expect(keeps(w.sim.app.homeOf(reviewer.slackId)?.blocks)).toBe(theirs.length - 2 - 20);
      }
      const audit = await w.t.db.selectFrom('audit_events').select(['action', 'outcome', 'actor_account_id']).where('action', '=', 'slack.decideReviewItem').execute();
      expect(audit).toEqual([
        { action: 'slack.decideReviewItem', outcome: 'SUCCESS', actor_account_id: reviewer.id },
        { action: 'slack.decideReviewItem', outcome: 'SUCCESS', actor_account_id: reviewer.id },
      ]);
    });
  });
}
