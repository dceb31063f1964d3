import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { expireGrants, revokeMembers } from '../grants/index.js';
import { applyAddManualUsersBatch, type BatchDeps, type BatchResult } from './add-manual-users.batch.js';
import type { BulkActionRow } from './bulk-actions.repository.js';

/** The key of an operation's item: the user ID of an add, the app user ID of a removal. */
export function itemKeyOf(operation: string): string {
  if (operation.startsWith('add:')) return operation.slice('add:'.length);
  if (operation.startsWith('remove:')) return operation.slice('remove:'.length);
  return operation;
}

/**
 * Applies one batch of a SET_MEMBERS action: `add:<userId>` operations go through the add batch
 * (same app-user resolution, grants, history entries and failure items), `remove:<appUserId>`
 * operations revoke that app user's grant with a REMOVED entry naming the action. A removal writes no
 * item: REMOVED and NOT_MEMBER are read from the grant history, keyed by the app user ID, the
 * operation's target. Safe to repeat for the same reasons as the add batch.
 */
export async function applySetMembersBatch(
  trx: Executor,
  deps: BatchDeps,
  action: BulkActionRow,
  operations: readonly string[],
  now: Date,
): Promise<BatchResult> {
  const adds: string[] = [];
  const removes: string[] = [];
  for (const op of operations) {
    if (op.startsWith('add:')) adds.push(op.slice('add:'.length));
    else if (op.startsWith('remove:')) removes.push(op.slice('remove:'.length));
    else throw new Error(`bulk action ${action.id} holds an unknown operation ${JSON.stringify(op)}`);
  }
  const added =
    adds.length > 0
      ? await applyAddManualUsersBatch(trx, deps, action, adds, now)
      : { succeeded: 0, failed: 0 };
  if (removes.length === 0) return added;

  const actor: Actor = {
    userId: action.actor_user_id,
    clientId: action.actor_client_id,
    requestId: action.request_id,
  };
  // A grant that expired since the diff ends as an expiry, at its own time, not as this removal.
  await expireGrants(trx, deps, now, { entitlementId: action.app_entitlement_id, appUserIds: removes });
  await revokeMembers(trx, deps, action.app_entitlement_id, removes, actor, now, action.id);
  return { succeeded: added.succeeded + removes.length, failed: added.failed };
}
