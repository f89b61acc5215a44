import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlackgateClient } from '../../src/client/index.ts';
import { REVIEW_COLUMNS } from '../../src/export/review.ts';
import { EvidenceCloseDocument, EvidenceDecideDocument, EvidenceDocument, EvidenceItemsDocument, EvidenceStartReviewDocument } from '../gql/graphql.ts';
import { backend } from '../support/db.ts';
import { useWorld } from '../support/world.ts';

// The evidence of an access review, as auditors get it (AccessReview.evidence, the same file as
// `slackgate export review`): one timestamp format, and things named by external ids only.
const w = useWorld({ slack: { plan: 'business-plus', seed: 21, users: 40, userGroups: 4, idpGroups: 0, channels: 1 } });
let admin: SlackgateClient;

/** ISO 8601 in UTC with milliseconds: the only timestamp format the evidence may contain. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Anything that looks like a date or time, in any format (to catch a second format sneaking in). */
const LOOKS_LIKE_TIME = /\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}/;

interface EvidenceJson {
  kind: string;
  exportedAt: string;
  review: Record<string, unknown> & { number: number; scope: { entitlementIds: string[] }; reviewers: { account: string; email: string | null }[] };
  items: Record<string, string | number | null>[];
}

/** The fields of one CSV line (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else field += c;
  }
  fields.push(field);
  return fields;
}

/** Every leaf of a JSON value with its path (`items.3.granted_at`). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

beforeAll(async () => {
  admin = await w.client(['admin']);
});

describe(`access review evidence (${backend})`, () => {
  it('writes every time as ISO 8601 UTC and names grants, entitlements, accounts and reviewers by external ids, never database ids', async () => {
    const group = await w.db
      .selectFrom('grants')
      .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
      .innerJoin('resources', 'resources.id', 'entitlements.resource_id')
      .select((eb) => ['entitlements.external_id', eb.fn.countAll<number>().as('n')])
      .where('resources.resource_type', '=', 'userGroup')
      .groupBy('entitlements.external_id')
      .having((eb) => eb.fn.countAll(), '>=', 3)
      .orderBy('entitlements.external_id')
      .executeTakeFirstOrThrow();
    const reviewer = await w.db.selectFrom('accounts').select(['external_id', 'email']).where('type', '=', 'HUMAN').where('status', '=', 'ENABLED').orderBy('id').executeTakeFirstOrThrow();

    const created = await admin.request(EvidenceStartReviewDocument, {
      input: { name: 'Evidence review', scope: { entitlementIds: [group.external_id] }, reviewerIds: [reviewer.external_id], dueAt: '2030-01-31T17:00:00+01:00' },
    });
    expect(created.createAccessReview.errors).toEqual([]);
    const review = created.createAccessReview.review!;
    const listed = await admin.request(EvidenceItemsDocument, { id: review.id });
    const items = listed.accessReview!.items.edges.map((e) => e.node);
    expect(items.length).toBe(Number(group.n));
    // The API's scope and snapshots speak the same language as the evidence.
    expect(listed.accessReview!.scope).toMatchObject({ entitlementIds: [group.external_id] });
    for (const item of items) expect((item.snapshot as { grantedAt: string }).grantedAt).toMatch(ISO_UTC);

    const decided = await admin.request(EvidenceDecideDocument, {
      input: {
        reviewId: review.id,
        actorId: reviewer.external_id,
        decisions: [
          { itemId: items[0]!.id, decision: 'KEEP', comment: 'still on the team' },
          { itemId: items[1]!.id, decision: 'REVOKE', comment: 'moved on' },
        ],
      },
    });
    expect(decided.decideReviewItems.errors).toEqual([]);
    expect((await admin.request(EvidenceCloseDocument, { input: { reviewId: review.id, keepUndecided: true } })).closeAccessReview.errors).toEqual([]);

    const json = (await admin.request(EvidenceDocument, { id: review.id, format: 'JSON' })).accessReview!.evidence;
    expect(json.sha256).toBe(createHash('sha256').update(json.content, 'utf8').digest('hex'));
    const evidence = JSON.parse(json.content) as EvidenceJson;

    // One timestamp format: every value that looks like a time is ISO 8601 UTC, and the time fields are there.
    const all = leaves(evidence);
    for (const [path, value] of all) if (typeof value === 'string' && LOOKS_LIKE_TIME.test(value) && !/\.(name|description|comment)$/.test(path)) expect(value, path).toMatch(ISO_UTC);
    expect(evidence.exportedAt).toMatch(ISO_UTC);
    expect(evidence.review.createdAt).toMatch(ISO_UTC);
    expect(evidence.review.dueAt).toBe('2030-01-31T16:00:00.000Z');
    for (const item of evidence.items) expect(item.granted_at).toMatch(ISO_UTC);
    const decidedItems = evidence.items.filter((i) => i.decision !== null);
    expect(decidedItems.map((i) => i.decision).sort()).toEqual(['KEEP', 'REVOKE']);
    for (const item of decidedItems) expect(item.decided_at).toMatch(ISO_UTC);

    // External ids only. The numbers in the file are the review's number, its item count and the
    // revoke request's number (as the API and Slack show them); nothing else is a number.
    const numbers = all.filter(([, v]) => typeof v === 'number').map(([p]) => p.replace(/^items\.\d+\./, 'items.*.'));
    expect([...new Set(numbers)].sort()).toEqual(['items.*.revoke_request', 'review.items', 'review.number']);
    expect(Object.keys(evidence.items[0]!)).toEqual([...REVIEW_COLUMNS]);
    expect(REVIEW_COLUMNS.some((c) => c === ('item_id' as string))).toBe(false);
    expect(evidence.review.number).toBe(review.number);
    expect(evidence.review.scope.entitlementIds).toEqual([group.external_id]);
    expect(evidence.review.reviewers).toEqual([{ account: reviewer.external_id, email: reviewer.email }]);

    const grants = await w.db
      .selectFrom('grants')
      .innerJoin('accounts', 'accounts.id', 'grants.account_id')
      .innerJoin('entitlements', 'entitlements.id', 'grants.entitlement_id')
      .select(['grants.external_id as grant', 'accounts.external_id as account', 'accounts.slack_id', 'accounts.email', 'entitlements.external_id as entitlement'])
      .where('entitlements.external_id', '=', group.external_id)
      .execute();
    const byGrant = new Map(grants.map((g) => [g.grant, g]));
    for (const item of evidence.items) {
      const grant = byGrant.get(String(item.grant));
      expect(grant, `grant ${item.grant}`).toBeDefined();
      expect(item).toMatchObject({ entitlement: grant!.entitlement, account: grant!.account, slack_id: grant!.slack_id, email: grant!.email });
    }
    for (const item of decidedItems) expect(item).toMatchObject({ decided_by: reviewer.external_id, decided_by_email: reviewer.email });
    const revoked = evidence.items.find((i) => i.decision === 'REVOKE')!;
    const request = await w.db.selectFrom('requests').innerJoin('review_items', 'review_items.id', 'requests.review_item_id').select('requests.id').where('review_items.grant_external_id', '=', String(revoked.grant)).executeTakeFirstOrThrow();
    expect(revoked.revoke_request).toBe(request.id);

    // The CSV carries the same values, times written the same way.
    const csv = (await admin.request(EvidenceDocument, { id: review.id, format: 'CSV' })).accessReview!.evidence;
    const [head, ...lines] = csv.content.trimEnd().split('\r\n');
    expect(head).toBe(REVIEW_COLUMNS.join(','));
    expect(lines).toHaveLength(evidence.items.length);
    const col = (name: (typeof REVIEW_COLUMNS)[number]) => REVIEW_COLUMNS.indexOf(name);
    lines.forEach((line, i) => {
      const fields = csvFields(line);
      expect(fields).toHaveLength(REVIEW_COLUMNS.length);
      const item = evidence.items[i]!;
      expect(fields[col('granted_at')]).toBe(item.granted_at);
      expect(fields[col('decided_at')]).toBe(item.decided_at ?? '');
      expect(fields[col('account')]).toBe(item.account);
    });
  });
});
