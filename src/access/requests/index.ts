// Access requests, by use case: asking (ask.ts), deciding (decide.ts), the provision job
// (provision.ts), timing out and expiry (lifecycle.ts), around one skeleton for a command on a
// locked request (kit.ts). The service (service.ts) is what the rest of the gateway calls.
export { clampDuration } from './ask.ts';
export { followRequest, type RequestStateChange } from './follow.ts';
export { RequestService } from './service.ts';
export * from './types.ts';
