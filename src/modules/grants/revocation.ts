import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import type { GrantEventType, SystemLogOperation } from '../../lib/vocabulary.js';
import type { SystemLog } from '../audit/index.js';
import { type GrantEventRow, type GrantRow, insertGrantEvents } from './grants.repository.js';

export function grantEventRow(
  grant: Pick<GrantRow, 'id' | 'app_id' | 'app_entitlement_id' | 'app_user_id'>,
  eventType: GrantEventType,
  at: Date,
  bulkActionId: string | null,
): GrantEventRow {
  return {
    id: newId(at.getTime()),
    app_id: grant.app_id,
    app_entitlement_id: grant.app_entitlement_id,
    app_user_id: grant.app_user_id,
    grant_id: grant.id,
    event_type: eventType,
    occurred_at: at.toISOString(),
    bulk_action_id: bulkActionId,
  };
}

export interface RevocationDeps {
  readonly dialect: DialectFeatures;
  readonly systemLog: SystemLog;
}

/**
 * Revokes every live grant of the given entitlements inside the caller's transaction, with a REMOVED
 * grant event and a system-log event for each (CONTRACT.md §7.12: deletes cascade to grants, and
 * history is kept). Returns how many grants it revoked.
 */
export async function revokeGrantsOfEntitlements(
  trx: Executor,
  deps: RevocationDeps,
  entitlementIds: readonly string[],
  actor: Actor,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  let revoked = 0;
  const step = Math.min(1_000, deps.dialect.maxParameters - 10);
  for (let i = 0; i < entitlementIds.length; i += step) {
    const ids = entitlementIds.slice(i, i + step);
    const grants = await trx
      .updateTable('grants')
      .set({ deleted_at: at })
      .where('app_entitlement_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .returning(['id', 'app_id', 'app_entitlement_id', 'app_user_id'])
      .execute();
    await recordRevocations(trx, deps, grants, actor, now, null);
    revoked += grants.length;
  }
  return revoked;
}

type RevokedGrant = Pick<GrantRow, 'id' | 'app_id' | 'app_entitlement_id' | 'app_user_id'>;

/** Why grants were revoked, as the system log tells it: asked to (the default), or their time ran out. */
interface RevocationCause<G extends RevokedGrant> {
  readonly operation: Extract<SystemLogOperation, 'grant.removed' | 'grant.expired'>;
  /** Facts beyond the grant's app, entitlement and app user. */
  readonly details?: (grant: G) => Record<string, unknown>;
}

/** The REMOVED grant events and system-log events of grants just revoked. */
export async function recordRevocations<G extends RevokedGrant>(
  trx: Executor,
  deps: RevocationDeps,
  grants: readonly G[],
  actor: Actor,
  now: Date,
  bulkActionId: string | null,
  cause: RevocationCause<G> = { operation: 'grant.removed' },
): Promise<void> {
  await insertGrantEvents(
    trx,
    grants.map((g) => grantEventRow(g, 'GRANT_EVENT_TYPE_REMOVED', now, bulkActionId)),
    deps.dialect,
  );
  await deps.systemLog.record(
    trx,
    grants.map((g) => ({
      operation: cause.operation,
      activity: 'delete' as const,
      targetType: 'grant',
      targetId: g.id,
      actor,
      occurredAt: now,
      bulkActionId: bulkActionId ?? undefined,
      details: {
        appId: g.app_id,
        appEntitlementId: g.app_entitlement_id,
        appUserId: g.app_user_id,
        ...cause.details?.(g),
      },
    })),
  );
}

/**
 * Revokes every live grant of every app user linked to `userId`, in every app, inside the caller's
 * transaction, with REMOVED events (a deleted person holds nothing, CONTRACT.md §7.12). Returns how
 * many grants it revoked.
 */
export async function revokeGrantsOfUser(
  trx: Executor,
  deps: RevocationDeps,
  userId: string,
  actor: Actor,
  now: Date,
): Promise<number> {
  const grants = await trx
    .updateTable('grants')
    .set({ deleted_at: now.toISOString() })
    .where('deleted_at', 'is', null)
    .where('app_user_id', 'in', (eb) =>
      eb.selectFrom('app_users').select('id').where('identity_user_id', '=', userId),
    )
    .returning(['id', 'app_id', 'app_entitlement_id', 'app_user_id'])
    .execute();
  await recordRevocations(trx, deps, grants, actor, now, null);
  return grants.length;
}
