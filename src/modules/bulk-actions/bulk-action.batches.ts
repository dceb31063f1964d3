import type { Executor } from '../../db/schema.js';
import type { BulkActionKind } from '../../lib/vocabulary.js';
import { applyAddManualUsersBatch, type BatchDeps, type BatchResult } from './add-manual-users.batch.js';
import type { BulkActionRow } from './bulk-actions.repository.js';
import { applySetMembersBatch, itemKeyOf as setMembersItemKeyOf } from './set-members.batch.js';

/** What the runner needs of one kind of bulk action; its leasing, batching and retries are shared by all. */
export interface BulkActionKindEntry {
  /** Applies one batch of the action's items inside the caller's transaction. */
  readonly apply: (
    trx: Executor,
    deps: BatchDeps,
    action: BulkActionRow,
    items: readonly string[],
    now: Date,
  ) => Promise<BatchResult>;
  /** The key an item is recorded under (bulk_action_items.user_id) when it fails without being applied. */
  readonly itemKeyOf: (item: string) => string;
}

/** Each kind of the vocabulary's BULK_ACTION_KINDS, and how the runner applies it. */
export const BULK_ACTION_KIND_ENTRIES: Record<BulkActionKind, BulkActionKindEntry> = {
  // Items are user IDs.
  ADD_MANUAL_USERS: { apply: applyAddManualUsersBatch, itemKeyOf: (userId) => userId },
  // Items are `add:<userId>` and `remove:<appUserId>` operations.
  SET_MEMBERS: { apply: applySetMembersBatch, itemKeyOf: setMembersItemKeyOf },
};

/**
 * The entry of the action's kind, or undefined for a kind this version does not know (written by a
 * newer one); `applyBatch` refuses those.
 */
export function kindEntryOf(action: Pick<BulkActionRow, 'kind'>): BulkActionKindEntry | undefined {
  return Object.hasOwn(BULK_ACTION_KIND_ENTRIES, action.kind)
    ? BULK_ACTION_KIND_ENTRIES[action.kind]
    : undefined;
}

export function applyBatch(
  trx: Executor,
  deps: BatchDeps,
  action: BulkActionRow,
  items: readonly string[],
  now: Date,
): Promise<BatchResult> {
  const entry = kindEntryOf(action);
  // A kind this version does not know fails loudly rather than half-applies.
  if (!entry)
    throw new Error(`bulk action ${action.id} has kind ${action.kind}, which this runner cannot apply`);
  return entry.apply(trx, deps, action, items, now);
}

/** The key a failed item is recorded under; an unknown kind's items are kept as they are. */
export function itemKeyOf(action: Pick<BulkActionRow, 'kind'>, item: string): string {
  return kindEntryOf(action)?.itemKeyOf(item) ?? item;
}
