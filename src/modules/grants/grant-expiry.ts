import { expiredUnswept } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import { SYSTEM_ACTOR } from '../../lib/actor.js';
import { type ExpiredGrant, revokeExpiredGrants } from './grants.repository.js';
import { type RevocationDeps, recordRevocations } from './revocation.js';

/**
 * Revokes expired grants inside the caller's transaction and records each in the grant history:
 * `deleted_at` becomes the deprovision time (when access really ended, which past-grants reports as
 * `revokedAt`), while the REMOVED entry carries `now`, when Roster recorded it, so a feed reader
 * polling with `after` never misses an entry written behind its cursor. An expiry has no actor (the
 * entry names none) and no system-log event: nobody asked for it, and the system log records API
 * activity (CONTRACT.md §7.11); the entry and the grant's own deprovision time say what happened.
 */
export async function expireGrants(
  trx: Executor,
  deps: Pick<RevocationDeps, 'dialect'>,
  now: Date,
  scope: Parameters<typeof revokeExpiredGrants>[2],
): Promise<ExpiredGrant[]> {
  const expired = await revokeExpiredGrants(trx, now.toISOString(), scope);
  if (expired.length === 0) return expired;
  await recordRevocations(trx, deps, expired, SYSTEM_ACTOR, now, null);
  return expired;
}

/**
 * Whether any grant is past its deprovision time and not revoked yet, read without a transaction
 * (through the partial index grants_live_expiry): the sweeper looks before it opens a write, so an
 * idle sweep takes no write lock (on SQLite it would wait for the bulk runner's thread, holding up
 * this thread's requests meanwhile).
 */
export async function hasExpiredUnswept(db: Executor, now: Date): Promise<boolean> {
  const found = await db
    .selectFrom('grants')
    .select('grants.id')
    .where(expiredUnswept(now.toISOString()))
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}
