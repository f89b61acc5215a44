// Offboard a person: revoke everything they hold that the gateway can revoke. A dry run unless
// --apply is given.
//
//   npx tsx examples/offboard.ts jane@example.com            # what would be revoked
//   npx tsx examples/offboard.ts jane@example.com --apply    # revoke it
//
// Needs a client with the read and provision scopes.
import { RevokeGrantDocument } from 'slackgate/client';
import { connect, run } from './connect.ts';

run(async () => {
  const person = process.argv[2];
  const apply = process.argv.includes('--apply');
  if (!person || person.startsWith('--')) {
    process.stderr.write('usage: offboard <email or account id> [--apply]\n');
    return 2;
  }
  const client = connect();
  // Read everything first: revoking while paging would move the pages under our feet.
  const grants = [];
  for await (const grant of client.grants({ accountId: person })) grants.push(grant);
  const revocable = grants.filter((g) => g.entitlement.grantable);
  const kept = grants.filter((g) => !g.entitlement.grantable);
  process.stdout.write(`${person} holds ${grants.length} grant(s); ${revocable.length} can be revoked by the gateway\n`);
  for (const g of kept) process.stdout.write(`  keep    ${g.entitlement.externalId}: ${g.entitlement.grantableReason ?? 'not revocable here'}\n`);
  let failed = 0;
  for (const g of revocable) {
    if (!apply) {
      process.stdout.write(`  would revoke ${g.entitlement.externalId}\n`);
      continue;
    }
    const { revokeGrant } = await client.request(RevokeGrantDocument, { input: { grantId: g.id, reason: `offboarding ${person}` } });
    if (revokeGrant.errors.length > 0) {
      failed++;
      process.stdout.write(`  FAILED  ${g.entitlement.externalId}: ${revokeGrant.errors.map((e) => e.message).join('; ')}\n`);
    } else {
      process.stdout.write(`  ${revokeGrant.result === 'REVOKED' ? 'revoked' : 'already gone'} ${g.entitlement.externalId}\n`);
    }
  }
  if (!apply) process.stdout.write('dry run: nothing was changed; run again with --apply to revoke\n');
  return failed > 0 ? 1 : 0;
});
