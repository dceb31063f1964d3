import { Type } from 'typebox';
import { IdString, PageTokenString } from '../../http/strings.js';
import { NullableTimestamp } from '../../http/wire.js';
import type { BulkActionItemRow, BulkActionRow } from './bulk-actions.repository.js';

export const BULK_ACTION_STATES = [
  'BULK_ACTION_STATE_PENDING',
  'BULK_ACTION_STATE_RUNNING',
  'BULK_ACTION_STATE_SUCCEEDED',
  'BULK_ACTION_STATE_PARTIALLY_FAILED',
  'BULK_ACTION_STATE_FAILED',
  'BULK_ACTION_STATE_CANCELLED',
] as const;

export const BulkAction = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  appId: Type.String(),
  appEntitlementId: Type.String(),
  state: Type.String(),
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

export const ITEM_OUTCOMES = ['ADDED', 'ALREADY_MEMBER', 'FAILED'] as const;

/** One user ID of a bulk action and what became of it. */
export const BulkActionItem = Type.Object({
  userId: Type.String(),
  outcome: Type.String(),
  appUserId: Type.String(),
  appUserCreated: Type.Boolean(),
  error: Type.String(),
});

export function toBulkActionItem(row: BulkActionItemRow) {
  return {
    userId: row.user_id,
    outcome: row.outcome,
    appUserId: row.app_user_id ?? '',
    appUserCreated: row.app_user_created === 1,
    error: row.error ?? '',
  };
}

export const ListBulkActionsQuery = Type.Object({
  page_size: Type.Optional(Type.Integer({ minimum: 0 })),
  page_token: Type.Optional(PageTokenString()),
  state: Type.Optional(Type.Union(BULK_ACTION_STATES.map((s) => Type.Literal(s)))),
  app_id: Type.Optional(IdString()),
  app_entitlement_id: Type.Optional(IdString()),
});

export const ListItemsQuery = Type.Object({
  page_size: Type.Optional(Type.Integer({ minimum: 0 })),
  page_token: Type.Optional(PageTokenString()),
  outcome: Type.Optional(Type.Union(ITEM_OUTCOMES.map((s) => Type.Literal(s)))),
});
