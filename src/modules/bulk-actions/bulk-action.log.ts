import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { SystemLog } from '../audit/index.js';
import type { BulkActionRow } from './bulk-actions.repository.js';

/** The request that made the action: its state changes are told as that request's doing. */
function actorOf(action: BulkActionRow): Actor {
  return { userId: action.actor_user_id, clientId: action.actor_client_id, requestId: action.request_id };
}

/**
 * The system-log events of a bulk action's state changes (CONTRACT.md §7.11): the system log holds
 * the action's life (created, started, finished or cancelled), never the rows it touched, which the
 * grant history records. Each is written in the transaction that changes the state.
 */
export async function logBulkActionStarted(
  trx: Executor,
  systemLog: SystemLog,
  action: BulkActionRow,
  now: Date,
): Promise<void> {
  await systemLog.record(trx, [
    {
      operation: 'bulk_action.started',
      activity: 'update',
      targetType: 'bulk_action',
      targetId: action.id,
      actor: actorOf(action),
      occurredAt: now,
      bulkActionId: action.id,
      details: { kind: action.kind, appId: action.app_id, appEntitlementId: action.app_entitlement_id },
    },
  ]);
}

/** `finished` carries the action's final state and counts. */
export async function logBulkActionFinished(
  trx: Executor,
  systemLog: SystemLog,
  action: BulkActionRow,
  now: Date,
): Promise<void> {
  await systemLog.record(trx, [
    {
      operation: 'bulk_action.finished',
      activity: 'update',
      targetType: 'bulk_action',
      targetId: action.id,
      actor: actorOf(action),
      occurredAt: now,
      bulkActionId: action.id,
      details: {
        kind: action.kind,
        appId: action.app_id,
        appEntitlementId: action.app_entitlement_id,
        state: action.state,
        total: action.total,
        processed: action.processed,
        succeeded: action.succeeded,
        failed: action.failed,
      },
    },
  ]);
}
