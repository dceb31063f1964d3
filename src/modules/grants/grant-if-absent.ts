import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { type GrantRow, insertGrantEvents, insertGrantsIfAbsent } from './grants.repository.js';
import { type ChangeOrigin, grantEventRow } from './revocation.js';

/** A grant to add; its ticket is its origin's. */
export type NewGrant = Omit<GrantRow, 'ticket_id'>;

/**
 * Inserts each grant whose app user holds no live grant of its entitlement yet, with an ADDED
 * grant-history entry, inside the caller's transaction; returns the app users actually granted.
 * Grants come in the caller's order, which is the order the unique index locks are taken in.
 * An app user in `createdAppUsers` was created to receive its grant: its ADDED entry says so
 * (`app_user_created`), which is the grant history's one entry for that app user (CONTRACT.md §7.11).
 * Each grant names the origin's task, if any, as its ticket (the membership's `originatingTicketId`).
 */
export async function grantIfAbsent(
  trx: Executor,
  dialect: DialectFeatures,
  newGrants: readonly NewGrant[],
  now: Date,
  origin: ChangeOrigin,
  createdAppUsers: ReadonlySet<string> = new Set(),
): Promise<Set<string>> {
  const grants: GrantRow[] = newGrants.map((g) => ({ ...g, ticket_id: origin.ticketId ?? null }));
  const inserted = await insertGrantsIfAbsent(trx, grants, dialect);
  const grantedAppUsers = new Set(inserted.map((g) => g.app_user_id));

  await insertGrantEvents(
    trx,
    grants
      .filter((g) => grantedAppUsers.has(g.app_user_id))
      .map((g) =>
        grantEventRow(g, 'GRANT_EVENT_TYPE_ADDED', now, origin, createdAppUsers.has(g.app_user_id)),
      ),
    dialect,
  );
  return grantedAppUsers;
}
