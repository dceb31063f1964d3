import { Type } from 'typebox';
import { NullableTimestamp } from '../../http/wire.js';
import type { BulkActionRow } from './bulk-actions.repository.js';

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
