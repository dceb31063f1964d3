import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { type GrantRow, insertGrantEvents, insertGrantsIfAbsent } from './grants.repository.js';
import { grantEventRow } from './revocation.js';

/**
 * Inserts each grant whose app user holds no live grant of its entitlement yet, with an ADDED grant
 * event, inside the caller's transaction; returns the app users actually granted. Grants come in the
 * caller's order, which is the order the unique index locks are taken in.
 */
export async function grantIfAbsent(
  trx: Executor,
  dialect: DialectFeatures,
  grants: readonly GrantRow[],
  now: Date,
  bulkActionId: string | null,
): Promise<Set<string>> {
  const inserted = await insertGrantsIfAbsent(trx, grants, dialect.maxParameters);
  const grantedAppUsers = new Set(inserted.map((g) => g.app_user_id));

  await insertGrantEvents(
    trx,
    grants
      .filter((g) => grantedAppUsers.has(g.app_user_id))
      .map((g) => grantEventRow(g, 'GRANT_EVENT_TYPE_ADDED', now, bulkActionId)),
    dialect,
  );
  return grantedAppUsers;
}
