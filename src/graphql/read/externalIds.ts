import { sql, type Kysely } from 'kysely';
import type { DB, ResourceType } from '../../db/schema.ts';

export type ExternalKind = 'account' | 'resource' | 'entitlement' | 'grant';

/** What an external id names, looked up in every catalog table at once (external ids are unique per table). */
export async function lookupExternalId(db: Kysely<DB>, externalId: string): Promise<{ kind: ExternalKind; id: number; resourceType: ResourceType | null } | undefined> {
  const result = await sql<{ kind: ExternalKind; id: number; resource_type: ResourceType | null }>`
    select 'account' as kind, id, null as resource_type from accounts where external_id = ${externalId}
    union all select 'resource', id, resource_type from resources where external_id = ${externalId}
    union all select 'entitlement', id, null from entitlements where external_id = ${externalId}
    union all select 'grant', id, null from grants where external_id = ${externalId}
    limit 1`.execute(db);
  const row = result.rows[0];
  return row && { kind: row.kind, id: Number(row.id), resourceType: row.resource_type };
}
