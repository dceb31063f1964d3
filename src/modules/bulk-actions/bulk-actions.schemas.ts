import { Type } from 'typebox';
import { IdString, PageTokenString } from '../../http/strings.js';
import { NullableTimestamp } from '../../http/wire.js';
import { BULK_ACTION_ITEM_OUTCOMES, BULK_ACTION_KINDS, BULK_ACTION_STATES } from '../../lib/vocabulary.js';
import type { BulkActionItemRow, BulkActionRow } from './bulk-actions.repository.js';

const BulkActionState = Type.Enum(BULK_ACTION_STATES);
const BulkActionItemOutcome = Type.Enum(BULK_ACTION_ITEM_OUTCOMES);

export const BulkAction = Type.Object({
  id: Type.String(),
  kind: Type.Enum(BULK_ACTION_KINDS),
  appId: Type.String(),
  appEntitlementId: Type.String(),
  state: BulkActionState,
  // Counts are int32-sized and travel as JSON numbers.
  total: Type.Integer(),
  processed: Type.Integer(),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  completedAt: NullableTimestamp,
});

export function toBulkAction(row: BulkActionRow) {
  return {
    id: row.id,
    kind: row.kind,
    appId: row.app_id,
    appEntitlementId: row.app_entitlement_id,
    state: row.state,
    total: row.total,
    processed: row.processed,
    succeeded: row.succeeded,
    failed: row.failed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

/** One user ID of a bulk action and what became of it. */
export const BulkActionItem = Type.Object({
  userId: Type.String(),
  outcome: BulkActionItemOutcome,
  appUserId: Type.String(),
  appUserCreated: Type.Boolean(),
  error: Type.String(),
});

export function toBulkActionItem(row: BulkActionItemRow) {
  return {
    userId: row.user_id,
    outcome: row.outcome,
    appUserId: row.app_user_id ?? '',
    appUserCreated: row.app_user_created,
    error: row.error ?? '',
  };
}

export const ListBulkActionsQuery = Type.Object({
  page_size: Type.Optional(Type.Integer({ minimum: 0 })),
  page_token: Type.Optional(PageTokenString()),
  state: Type.Optional(BulkActionState),
  app_id: Type.Optional(IdString()),
  app_entitlement_id: Type.Optional(IdString()),
});

export const ListItemsQuery = Type.Object({
  page_size: Type.Optional(Type.Integer({ minimum: 0 })),
  page_token: Type.Optional(PageTokenString()),
  outcome: Type.Optional(BulkActionItemOutcome),
});
