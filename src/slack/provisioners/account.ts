import type { SlackConnection } from '../connection.ts';
import type { ScimClient, ScimUser } from '../scim.ts';
import { configuredClient } from './types.ts';

export type AccountStatusResult = 'ENABLED' | 'DISABLED' | 'ALREADY_ENABLED' | 'ALREADY_DISABLED';

/**
 * Enables or disables a Slack account through SCIM (`active` true or false). Disabling
 * deactivates the user in every workspace; nothing is deleted, and enabling restores them.
 * The user is read first, so a user already in the asked state is reported as such.
 */
export class AccountStatusProvisioner {
  constructor(private readonly connection: SlackConnection) {}

  get #scim(): ScimClient {
    return configuredClient(this.connection.scim, 'enabling and disabling accounts needs a Business+ or Grid admin token (--business-plus-token) for SCIM');
  }

  async setActive(userId: string, active: boolean): Promise<AccountStatusResult> {
    const scim = this.#scim;
    const { body } = await scim.get<ScimUser>('Users', userId);
    if ((body?.active !== false) === active) return active ? 'ALREADY_ENABLED' : 'ALREADY_DISABLED';
    const patch =
      scim.version === 1
        ? { schemas: ['urn:scim:schemas:core:1.0'], active }
        : { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: active }] };
    await scim.request('PATCH', `Users/${encodeURIComponent(userId)}`, patch);
    return active ? 'ENABLED' : 'DISABLED';
  }
}
