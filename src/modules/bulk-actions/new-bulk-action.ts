import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { isId } from '../../lib/ids.js';
import { refusalOf } from '../../lib/user-refusal.js';
import type { BulkActionKind, UserRefusal } from '../../lib/vocabulary.js';
import type { SystemLog } from '../audit/index.js';
import { findUnusableUsers } from '../users/index.js';
import { logBulkActionFinished } from './bulk-action.log.js';
import { finalState } from './bulk-action.states.js';
import {
  type BulkActionChunkRow,
  type BulkActionRow,
  failedItem,
  insertBulkAction,
  insertBulkActionItems,
} from './bulk-actions.repository.js';

/**
 * Sorts requested user IDs into accepted ones (first-occurrence order, duplicates once) and refused
 * ones with a stable lower-case reason (CONTRACT.md §7.2): the refusalOf of each user.
 */
export async function classifyUserIds(
  db: Executor,
  dialect: DialectFeatures,
  userIds: readonly string[],
): Promise<{ accepted: string[]; failed: Map<string, UserRefusal> }> {
  const failed = new Map<string, UserRefusal>();
  const wellFormed = [...new Set(userIds)].filter((id) => {
    if (isId(id)) return true;
    failed.set(id, 'invalid user id');
    return false;
  });
  const unusable = await findUnusableUsers(db, dialect, wellFormed);
  if (unusable.size === 0) return { accepted: wellFormed, failed };
  const accepted: string[] = [];
  for (const id of wellFormed) {
    const refusal = unusable.has(id) ? refusalOf(unusable.get(id)) : undefined;
    if (refusal === undefined) accepted.push(id);
    else failed.set(id, refusal);
  }
  return { accepted, failed };
}

export interface NewBulkAction {
  readonly id: string;
  readonly kind: BulkActionKind;
  readonly appId: string;
  readonly appEntitlementId: string;
  /** What the runner works through, chunk by chunk: user IDs, or operations for other kinds. */
  readonly work: readonly string[];
  /** IDs refused at validation: recorded as FAILED items and counted as processed. */
  readonly refused: ReadonlyMap<string, UserRefusal>;
  readonly deprovisionAt: string | null;
  readonly actor: Actor;
  readonly now: Date;
  /** Facts for the creation event in the system log. */
  readonly details: Record<string, unknown>;
}

export interface NewBulkActionDeps {
  readonly systemLog: SystemLog;
  readonly dialect: DialectFeatures;
  readonly chunkSize: number;
}

/**
 * Writes a bulk action inside the caller's transaction: the action row, its chunks (the units runners
 * lease), the refusals as items, and the creation event. An action with no work is written finished.
 * Returns whether there is work for a runner.
 */
export async function insertNewBulkAction(
  trx: Executor,
  deps: NewBulkActionDeps,
  newAction: NewBulkAction,
): Promise<boolean> {
  const at = newAction.now.toISOString();
  const done = newAction.work.length === 0;
  const row: BulkActionRow = {
    id: newAction.id,
    kind: newAction.kind,
    app_id: newAction.appId,
    app_entitlement_id: newAction.appEntitlementId,
    state: done ? finalState({ succeeded: 0, failed: newAction.refused.size }) : 'BULK_ACTION_STATE_PENDING',
    total: newAction.work.length + newAction.refused.size,
    processed: newAction.refused.size,
    succeeded: 0,
    failed: newAction.refused.size,
    deprovision_at: newAction.deprovisionAt,
    actor_user_id: newAction.actor.userId,
    actor_client_id: newAction.actor.clientId,
    request_id: newAction.actor.requestId,
    created_at: at,
    updated_at: at,
    completed_at: done ? at : null,
  };
  const chunks: BulkActionChunkRow[] = [];
  for (let start = 0; start < newAction.work.length; start += deps.chunkSize) {
    chunks.push({
      bulk_action_id: newAction.id,
      seq: chunks.length,
      start_index: start,
      end_index: Math.min(start + deps.chunkSize, newAction.work.length),
      cursor: start,
      done: 0,
      failed_attempts: 0,
      last_error: null,
      lease_owner: null,
      lease_expires_at: null,
    });
  }
  await insertBulkAction(trx, row, newAction.work, chunks, deps.dialect.maxParameters);
  await insertBulkActionItems(
    trx,
    [...newAction.refused].map(([userId, error]) => failedItem(newAction.id, userId, error)),
    deps.dialect,
  );
  await deps.systemLog.record(trx, [
    {
      operation: 'bulk_action.created',
      activity: 'create',
      targetType: 'bulk_action',
      targetId: newAction.id,
      actor: newAction.actor,
      occurredAt: newAction.now,
      bulkActionId: newAction.id,
      details: {
        kind: newAction.kind,
        appId: newAction.appId,
        appEntitlementId: newAction.appEntitlementId,
        ...newAction.details,
      },
    },
  ]);
  // An action with no work is finished as it is created.
  if (done) await logBulkActionFinished(trx, deps.systemLog, row, newAction.now);
  return !done;
}
