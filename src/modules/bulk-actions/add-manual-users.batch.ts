import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { ensureAppUsersFor } from '../app-users/index.js';
import { findAppById } from '../apps/index.js';
import type { SystemLog, SystemLogEntry } from '../audit/index.js';
import { findEntitlementForShare } from '../catalog/index.js';
import { expireGrants, type GrantRow, grantIfAbsent, parseDurationMs } from '../grants/index.js';
import { findUsersByIds, USER_DISABLED } from '../users/index.js';
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
 * and writes an ADDED grant event, system-log events and one item row per user. Safe to repeat: a
 * batch that did not commit left nothing behind, and the unique index on live grants refuses doubles.
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
    await insertBulkActionItems(trx, items, deps.dialect.maxParameters);
    return { succeeded: 0, failed: userIds.length };
  }

  // A user may have been deleted since the request was validated.
  const users = new Map((await findUsersByIds(trx, userIds)).map((u) => [u.id, u]));
  const live: string[] = [];
  for (const id of userIds) {
    const user = users.get(id);
    if (!user) fail(id, 'user not found');
    else if (user.deleted_at !== null) fail(id, 'user is deleted');
    else if (user.status === USER_DISABLED) fail(id, 'user is disabled');
    else live.push(id);
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
  const grants: GrantRow[] = live.map((userId) => ({
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
  const grantedAppUsers = await grantIfAbsent(trx, deps.dialect, grants, now, action.id);

  const log: SystemLogEntry[] = [];
  for (const appUser of created) {
    log.push({
      operation: 'app_user.created',
      activity: 'create',
      targetType: 'app_user',
      targetId: appUser.id,
      actor,
      occurredAt: now,
      bulkActionId: action.id,
      details: { appId: action.app_id, identityUserId: appUser.identity_user_id },
    });
  }
  for (const grant of grants) {
    if (!grantedAppUsers.has(grant.app_user_id)) continue;
    log.push({
      operation: 'grant.added',
      activity: 'create',
      targetType: 'grant',
      targetId: grant.id,
      actor,
      occurredAt: now,
      bulkActionId: action.id,
      details: {
        appId: grant.app_id,
        appEntitlementId: grant.app_entitlement_id,
        appUserId: grant.app_user_id,
      },
    });
  }
  await deps.systemLog.record(trx, log);

  for (const userId of live) {
    const appUserId = targets.get(userId) as string;
    items.push({
      bulk_action_id: action.id,
      user_id: userId,
      outcome: grantedAppUsers.has(appUserId) ? 'ADDED' : 'ALREADY_MEMBER',
      app_user_id: appUserId,
      app_user_created: createdIds.has(appUserId),
      error: null,
    });
  }
  await insertBulkActionItems(trx, items, deps.dialect.maxParameters);
  return { succeeded: live.length, failed: userIds.length - live.length };
}
