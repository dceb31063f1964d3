import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { refusalOf } from '../../lib/user-refusal.js';
import { ensureAppUsersFor } from '../app-users/index.js';
import type { SystemLog } from '../audit/index.js';
import { findAppById, findEntitlementForShare } from '../catalog/index.js';
import { expireGrants, grantIfAbsent, type NewGrant, parseDurationMs } from '../grants/index.js';
import { findGrantableUsers } from '../users/index.js';
import {
  type BulkActionItemRow,
  type BulkActionRow,
  failedItem,
  insertBulkActionItems,
} from './bulk-actions.repository.js';

export interface BatchDeps {
  readonly dialect: DialectFeatures;
  readonly systemLog: SystemLog;
}

export interface BatchResult {
  readonly succeeded: number;
  readonly failed: number;
}

/**
 * Applies one batch of an add-manual-users bulk action inside the caller's transaction: finds or
 * creates each user's app user (CONTRACT.md §7.4), grants the entitlement where no live grant exists,
 * and writes one ADDED grant-history entry per grant, naming the action, its actor and request, and
 * whether the app user was created for it. That is three rows per new member (app user, grant,
 * entry), two when the app user existed. Nothing goes to the system log per user (the action's state
 * changes are logged by the runner), and an item row is written only for a user that failed.
 * Safe to repeat: a batch that did not commit left nothing behind, and the unique index on live
 * grants refuses doubles.
 */
export async function applyAddManualUsersBatch(
  trx: Executor,
  deps: BatchDeps,
  action: BulkActionRow,
  userIds: readonly string[],
  now: Date,
): Promise<BatchResult> {
  const at = now.toISOString();
  const ms = now.getTime();
  const actor: Actor = {
    userId: action.actor_user_id,
    clientId: action.actor_client_id,
    requestId: action.request_id,
  };
  const items: BulkActionItemRow[] = [];
  const fail = (userId: string, error: string) => items.push(failedItem(action.id, userId, error));

  const entitlement = await findEntitlementForShare(trx, deps.dialect, action.app_entitlement_id);
  const app = await findAppById(trx, action.app_id);
  if (!entitlement || entitlement.deleted_at !== null || !app || app.deleted_at !== null) {
    for (const id of userIds) fail(id, 'entitlement is deleted');
    await insertBulkActionItems(trx, items, deps.dialect);
    return { succeeded: 0, failed: userIds.length };
  }

  // A user may have been deleted or disabled since the request was validated: the same rule again.
  const users = new Map((await findGrantableUsers(trx, userIds)).map((u) => [u.id, u]));
  const live: string[] = [];
  for (const id of userIds) {
    const refusal = refusalOf(users.get(id));
    if (refusal === undefined) live.push(id);
    else fail(id, refusal);
  }

  const { targets, created } = await ensureAppUsersFor(trx, deps.dialect, action.app_id, live, users, now);

  // A grant that expired but is not swept yet still occupies the live-grant unique index; end it
  // first (as an expiry), so the user is granted anew instead of counted as already a member.
  const createdIds = new Set(created.map((a) => a.id));
  await expireGrants(trx, deps, now, {
    entitlementId: action.app_entitlement_id,
    appUserIds: [...targets.values()].filter((id) => !createdIds.has(id)),
  });

  // The request's own expiry overrides the entitlement's default duration.
  const duration = entitlement.duration_grant ? parseDurationMs(entitlement.duration_grant) : undefined;
  const deprovisionAt =
    action.deprovision_at ?? (duration === undefined ? null : new Date(ms + duration).toISOString());
  // Inserted in app-user order, so concurrent batches on one entitlement take index locks in the same
  // order and cannot deadlock on PostgreSQL.
  const grants: NewGrant[] = live.map((userId) => ({
    id: newId(ms),
    app_id: action.app_id,
    app_entitlement_id: action.app_entitlement_id,
    app_user_id: targets.get(userId) as string,
    source: 'MANUAL',
    bulk_action_id: action.id,
    created_at: at,
    deprovision_at: deprovisionAt,
    deleted_at: null,
  }));
  grants.sort((a, b) => (a.app_user_id < b.app_user_id ? -1 : a.app_user_id > b.app_user_id ? 1 : 0));
  await grantIfAbsent(trx, deps.dialect, grants, now, { actor, bulkActionId: action.id }, createdIds);
  // Only failures are items: every other outcome is read from the grant history (listBulkActionItems).
  await insertBulkActionItems(trx, items, deps.dialect);
  return { succeeded: live.length, failed: userIds.length - live.length };
}
