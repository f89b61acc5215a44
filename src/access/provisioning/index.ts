// Provisioning, by use case: the service and its entry points (service.ts), user-group writes
// serialised and coalesced (userGroups.ts, coalesce.ts, lock.ts), the single-call kinds
// (single.ts), account status (accountStatus.ts), the cache side of a change (persist.ts), and
// the idempotency key store with its one claim/replay/finish path (idempotency.ts, outcomes.ts).
export { createProvisioningService } from './service.ts';
export type { AccountStatusInput, AccountStatusOutcome, GatewayProvisioningService, ProvisioningServiceOptions } from './kit.ts';
