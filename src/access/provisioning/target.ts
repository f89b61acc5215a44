import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ProvisionTarget } from '../../slack/provisioners/index.ts';
import { NotFoundError } from '../errors.ts';

/** What a grant or revoke is about, as the cache knows it: the entitlement, its resource, the account. */
export interface Cached {
  target?: ProvisionTarget;
  grantable: boolean;
  grantableReason: string | null;
  missing?: NotFoundError;
}

export async function loadTarget(db: Kysely<DB>, entitlementId: number, accountId: number): Promise<Cached> {
  const [ent, account] = await Promise.all([
    db
      .selectFrom('entitlements as e')
      .innerJoin('resources as r', 'r.id', 'e.resource_id')
      .select(['e.id', 'e.external_id', 'e.slug', 'e.grantable', 'e.grantable_reason', 'r.id as resource_id', 'r.resource_type', 'r.slack_id', 'r.workspace_id', 'r.status', 'r.profile', 'r.external_id as resource_external_id'])
      .where('e.id', '=', entitlementId)
      .executeTakeFirst(),
    db
      .selectFrom('accounts')
      .select(['id', 'slack_id', 'status', 'type', 'is_guest', 'guest_kind', 'is_bot', 'is_app_user', 'is_stranger', 'is_owner', 'is_primary_owner'])
      .where('id', '=', accountId)
      .executeTakeFirst(),
  ]);
  if (!ent) return { grantable: false, grantableReason: null, missing: new NotFoundError(`there is no entitlement ${entitlementId}`, { field: 'input.entitlementId' }) };
  if (!account) return { grantable: false, grantableReason: null, missing: new NotFoundError(`there is no account ${accountId}`, { field: 'input.accountId' }) };
  return {
    grantable: ent.grantable,
    grantableReason: ent.grantable_reason,
    target: {
      entitlementId: ent.id,
      entitlementExternalId: ent.external_id,
      slug: ent.slug,
      resource: {
        id: ent.resource_id,
        resourceType: ent.resource_type,
        slackId: ent.slack_id,
        workspaceId: ent.workspace_id,
        status: ent.status,
        profile: (ent.profile ?? {}) as Record<string, unknown>,
        externalId: ent.resource_external_id,
      },
      account: {
        id: account.id,
        slackId: account.slack_id,
        status: account.status,
        type: account.type,
        isGuest: account.is_guest,
        guestKind: account.guest_kind,
        isBot: account.is_bot,
        isAppUser: account.is_app_user,
        isStranger: account.is_stranger,
        isOwner: account.is_owner,
        isPrimaryOwner: account.is_primary_owner,
      },
    },
  };
}
