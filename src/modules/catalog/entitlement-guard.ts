import type { Executor } from '../../db/schema.js';
import { AppError, notFound } from '../../lib/errors.js';
import { findAppById } from './apps.repository.js';
import { type EntitlementRow, findEntitlementById } from './entitlements.repository.js';

/** The live entitlement `entitlementId` of the live app `appId`, or a 404. */
export async function requireEntitlementInApp(
  db: Executor,
  appId: string,
  entitlementId: string,
): Promise<EntitlementRow> {
  // Both at once (on PostgreSQL outside a transaction, two pooled connections, not two round trips);
  // an unknown app is still the error reported when both are unknown.
  const [app, entitlement] = await Promise.all([
    findAppById(db, appId),
    findEntitlementById(db, entitlementId),
  ]);
  if (!app || app.deleted_at !== null) throw notFound('app', appId);
  if (!entitlement || entitlement.deleted_at !== null || entitlement.app_id !== appId) {
    throw notFound('app entitlement', entitlementId);
  }
  return entitlement;
}

/** As requireEntitlementInApp, and 400 when it does not take manual members (CONTRACT.md §7.3). */
export async function requireManualEntitlement(
  db: Executor,
  appId: string,
  entitlementId: string,
): Promise<EntitlementRow> {
  const entitlement = await requireEntitlementInApp(db, appId, entitlementId);
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
