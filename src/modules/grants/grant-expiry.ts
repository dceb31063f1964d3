import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { type ExpiredGrant, revokeExpiredGrants } from './grants.repository.js';
import { type RevocationDeps, recordRevocations } from './revocation.js';

/** Nobody asked for an expiry: the grant's time ran out. */
export const SYSTEM_ACTOR: Actor = { userId: '', clientId: '', requestId: '' };

/**
 * Revokes expired grants inside the caller's transaction and records each: `deleted_at` becomes the
 * deprovision time (when access really ended, which past-grants reports as `revokedAt`), while the
 * REMOVED grant event and the `grant.expired` system-log event carry `now`, when Roster recorded it,
 * so a feed reader polling with `after` never misses an event written behind its cursor.
 */
export async function expireGrants(
  trx: Executor,
  deps: RevocationDeps,
  now: Date,
  scope: Parameters<typeof revokeExpiredGrants>[2],
): Promise<ExpiredGrant[]> {
  const expired = await revokeExpiredGrants(trx, now.toISOString(), scope);
  if (expired.length === 0) return expired;
  await recordRevocations(trx, deps, expired, SYSTEM_ACTOR, now, null, {
    operation: 'grant.expired',
    details: (g) => ({ deprovisionAt: g.deprovision_at, reason: 'grant duration elapsed' }),
  });
  return expired;
}
