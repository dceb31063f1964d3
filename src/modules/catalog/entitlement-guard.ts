import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import {
  type EntitlementRecord,
  type EntitlementRow,
  findEntitlementById,
  findEntitlementRecord,
} from './entitlements.repository.js';
import { requireApp } from './scope.js';

/**
 * The live entitlement `entitlementId` of the live app `appId`, or a 404. One query when found:
 * deleting an app deletes its entitlements in the same transaction (CONTRACT.md §7.12), so a live
 * entitlement of the app means a live app. Only a miss reads the app, so that an unknown app is
 * the error reported when both are unknown.
 */
export async function requireEntitlementInApp(
  db: Executor,
  appId: string,
  entitlementId: string,
): Promise<EntitlementRow> {
  return liveIn(db, appId, entitlementId, await findEntitlementById(db, entitlementId));
}

/** The one rule: an entitlement is found when it is live and belongs to the app the path names. */
async function liveIn<T extends Pick<EntitlementRow, 'deleted_at' | 'app_id'>>(
  db: Executor,
  appId: string,
  entitlementId: string,
  entitlement: T | undefined,
): Promise<T> {
  if (entitlement && entitlement.deleted_at === null && entitlement.app_id === appId) return entitlement;
  await requireApp(db, appId);
  throw notFound('app entitlement', entitlementId);
}

/** As requireEntitlementInApp, answering the entitlement with its grantCount at `now`. */
export async function requireEntitlementRecord(
  db: Executor,
  appId: string,
  entitlementId: string,
  now: Date,
): Promise<EntitlementRecord> {
  return liveIn(db, appId, entitlementId, await findEntitlementRecord(db, entitlementId, now.toISOString()));
}

/**
 * 400 when an identity provider owns the entitlement (a SCIM group) and `actor` is not its SCIM
 * connection: the group changes only through SCIM, or the record would say one thing and the
 * identity provider, which pushes the group again, another. Without `actor`, refused for everyone:
 * the ConductorOne membership routes are never SCIM's.
 */
export function checkNotScimOwned(
  entitlement: Pick<EntitlementRow, 'id' | 'scim_connection_id'>,
  actor?: Actor,
): void {
  const connectionId = entitlement.scim_connection_id;
  if (connectionId === null || actor?.clientId === connectionId) return;
  throw new AppError(
    'FAILED_PRECONDITION',
    `app entitlement ${entitlement.id} is a group of SCIM connection ${connectionId}: its identity provider ` +
      'owns it, so it and its members change only through SCIM (change it in the identity provider)',
    'ENTITLEMENT_MANAGED_BY_SCIM',
    { appEntitlementId: entitlement.id, scimConnectionId: connectionId },
  );
}

/**
 * As requireEntitlementInApp, and 400 when it does not take manual members (CONTRACT.md §7.3) or a
 * SCIM connection owns it.
 */
export async function requireManualEntitlement(
  db: Executor,
  appId: string,
  entitlementId: string,
): Promise<EntitlementRow> {
  const entitlement = await requireEntitlementInApp(db, appId, entitlementId);
  checkNotScimOwned(entitlement);
  if (!entitlement.is_manually_managed) {
    throw new AppError(
      'FAILED_PRECONDITION',
      `app entitlement ${entitlementId} is not manually managed, so its members cannot be changed by hand`,
      'ENTITLEMENT_NOT_MANUALLY_MANAGED',
      { appEntitlementId: entitlementId },
    );
  }
  return entitlement;
}
