import type { ResourceType } from '../../db/schema.ts';
import { SlackApiError } from '../errors.ts';

/** The resource an entitlement belongs to, as the cache knows it. */
export interface ProvisionResource {
  id: number;
  resourceType: ResourceType;
  slackId: string;
  /** Workspace (T…) of workspace-scoped resources; sent as `team_id` with org-level tokens. */
  workspaceId: string | null;
  status: string;
  profile: Record<string, unknown>;
  externalId: string;
}

/** The account being granted or revoked, as the cache knows it. */
export interface ProvisionAccount {
  id: number;
  slackId: string;
  status: string;
  type: string;
  isGuest: boolean;
  guestKind: string | null;
  isBot: boolean;
  isAppUser: boolean;
  isStranger: boolean;
  isOwner: boolean;
  isPrimaryOwner: boolean;
}

export interface ProvisionTarget {
  entitlementId: number;
  entitlementExternalId: string;
  slug: string;
  resource: ProvisionResource;
  account: ProvisionAccount;
}

export type ProvisionOp = 'GRANT' | 'REVOKE';
export type SlackProvisionResult = 'GRANTED' | 'ALREADY_GRANTED' | 'REVOKED' | 'ALREADY_REVOKED';

/** What one grant or revoke did in Slack. */
export interface ProvisionStep {
  result: SlackProvisionResult;
  /** Every member of the resource after the change, when Slack's answer carried the list. */
  members?: string[];
  /** The resource's status after the change, when it changed (a user group disabled or enabled). */
  resourceStatus?: 'ACTIVE' | 'DISABLED';
}

/**
 * Slack would refuse this (or it would do something other than asked), so it is not attempted.
 * `kind` says whether the input is at fault (`invalid`) or the current state (`conflict`).
 */
export class ProvisioningRefused extends Error {
  constructor(
    readonly kind: 'invalid' | 'conflict',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ProvisioningRefused';
  }
}

/** One provisionable entitlement kind: Slack calls only, no database. */
export interface Provisioner {
  /** Refuses an account Slack would not accept here, before anything is written. */
  check(op: ProvisionOp, target: ProvisionTarget): void;
  grant(target: ProvisionTarget): Promise<ProvisionStep>;
  revoke(target: ProvisionTarget): Promise<ProvisionStep>;
}

/** Why an account cannot hold memberships Slack restricts to full members; null when it can. */
export function notAFullMember(account: ProvisionAccount, what: string): string | null {
  const who = `user ${account.slackId}`;
  if (account.status === 'DELETED') return `${who} is deactivated in Slack; Slack does not allow deactivated users in ${what}`;
  if (account.status === 'DISABLED') return `${who} is disabled (deactivated in Slack); Slack does not allow deactivated users in ${what}; enable the account first`;
  if (account.isBot || account.isAppUser || account.type !== 'HUMAN') return `${who} is a bot; Slack does not allow bots in ${what}`;
  if (account.isGuest) return `${who} is a ${account.guestKind === 'SINGLE_CHANNEL' ? 'single-channel' : 'multi-channel'} guest; Slack does not allow guests in ${what}`;
  if (account.isStranger) return `${who} is an external (Slack Connect) user; only members of this organization can be added to ${what}`;
  return null;
}

/** Refuses to grant to an account that is not a full member of the organization (notAFullMember). */
export function refuseUnlessFullMember(op: ProvisionOp, target: ProvisionTarget, what: string): void {
  if (op !== 'GRANT') return;
  const why = notAFullMember(target.account, what);
  if (why) throw new ProvisioningRefused('invalid', why, 'INELIGIBLE_ACCOUNT');
}

/** The Slack client a change needs, or a NOT_CONFIGURED refusal saying which token is missing. */
export function configuredClient<T>(client: T | undefined, missing: string): T {
  if (!client) throw new ProvisioningRefused('conflict', missing, 'NOT_CONFIGURED');
  return client;
}

/**
 * A Slack call that changes one membership: `done` when it succeeds, `already` when Slack refuses
 * with one of `alreadyErrors` (its way of saying the change was in place). Other errors propagate.
 */
export async function changeMembership(call: () => Promise<unknown>, done: SlackProvisionResult, already: SlackProvisionResult, alreadyErrors: readonly string[]): Promise<ProvisionStep> {
  try {
    await call();
    return { result: done };
  } catch (error) {
    if (error instanceof SlackApiError && alreadyErrors.includes(error.slackError)) return { result: already };
    throw error;
  }
}
