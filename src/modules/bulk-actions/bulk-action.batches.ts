import type { Executor } from '../../db/schema.js';
import type { BulkActionKind } from '../../lib/vocabulary.js';
import { applyAddManualUsersBatch, type BatchDeps, type BatchResult } from './add-manual-users.batch.js';
import type { BulkActionRow } from './bulk-actions.repository.js';
import { ADD_MANUAL_USERS } from './bulk-actions.service.js';
import { applySetMembersBatch } from './set-members.batch.js';
import { SET_MEMBERS } from './set-members.service.js';

type ApplyBatch = (
  trx: Executor,
  deps: BatchDeps,
  action: BulkActionRow,
  items: readonly string[],
  now: Date,
) => Promise<BatchResult>;

/** How each kind of bulk action applies a batch of its items; the runner's leasing is shared by all. */
const BATCHES: Record<BulkActionKind, ApplyBatch> = {
  [ADD_MANUAL_USERS]: applyAddManualUsersBatch,
  [SET_MEMBERS]: applySetMembersBatch,
};

export function applyBatch(
  trx: Executor,
  deps: BatchDeps,
  action: BulkActionRow,
  items: readonly string[],
  now: Date,
): Promise<BatchResult> {
  const apply: ApplyBatch | undefined = BATCHES[action.kind];
  // A kind this version does not know (written by a newer one) fails loudly rather than half-applies.
  if (!apply)
    throw new Error(`bulk action ${action.id} has kind ${action.kind}, which this runner cannot apply`);
  return apply(trx, deps, action, items, now);
}
