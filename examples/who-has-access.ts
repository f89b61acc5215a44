// Who has access to a channel, user group or any other resource: one CSV line per grant.
//
//   npx tsx examples/who-has-access.ts channel:C0123 > general.csv
//   npx tsx examples/who-has-access.ts userGroup:S0123
//
// Needs a client with the read scope.
import { EntitlementDocument } from 'slackgate/client';
import { connect, run } from './connect.ts';

const csv = (value: string | null | undefined) => {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

run(async () => {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('usage: who-has-access <resource or entitlement id>, e.g. channel:C0123 or userGroup:S0123:member\n');
    return 2;
  }
  const client = connect();
  // A resource's entitlements (usually one: member), or the one entitlement named.
  const single = await client.request(EntitlementDocument, { id: target }).catch(() => undefined);
  const entitlements = single?.entitlement ? [single.entitlement] : [];
  if (entitlements.length === 0) {
    for await (const entitlement of client.entitlements({ resourceId: target })) entitlements.push({ ...entitlement, grantCount: 0 });
  }
  process.stdout.write('entitlement,slack_id,email,name,account_status,source,granted_at,expires_at\n');
  let rows = 0;
  for (const entitlement of entitlements) {
    for await (const grant of client.grants({ entitlementId: entitlement.id })) {
      const a = grant.account;
      process.stdout.write(
        [entitlement.externalId, a.slackId, a.email, a.realName ?? a.displayName, a.status, grant.source, grant.grantedAt, grant.expiresAt].map(csv).join(',') + '\n',
      );
      rows++;
    }
  }
  process.stderr.write(`${rows} grant(s) on ${entitlements.map((e) => e.externalId).join(', ')}\n`);
});
