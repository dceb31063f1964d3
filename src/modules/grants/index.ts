/**
 * Grants, who holds which entitlement and until when: what other modules may use. The writes take
 * the caller's transaction and record their grant history in it. What counts as a live grant is
 * defined once, below the modules, in src/db/live-grants.ts.
 */
export { GrantExpiryFields } from './grant-durations.schemas.js';
export { type GrantDurationsService, parseDurationMs } from './grant-durations.service.js';
export { expireGrants } from './grant-expiry.js';
export { grantIfAbsent, type NewGrant } from './grant-if-absent.js';
export type { GrantRow } from './grants.repository.js';
export { findLiveGrantHolders, findUnrevokedGrantId } from './grants.repository.js';
export { EntitlementParams } from './grants.schemas.js';
export type { HeldMember } from './membership.repository.js';
export { incrementMemberSets, listHeldMembers, readMembershipCounters } from './membership.repository.js';
export type { RevocationDeps } from './revocation.js';
export {
  revokeGrantsOfEntitlements,
  revokeGrantsOfUser,
  revokeHeldGrantsOfUser,
  revokeMembers,
} from './revocation.js';
