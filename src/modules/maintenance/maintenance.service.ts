import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { deleteExpiredAssertions } from '../auth/index.js';
import { deleteFinishedBefore } from '../bulk-actions/index.js';
import { deleteExpiredIdempotencyKeys } from '../idempotency/index.js';

export interface MaintenanceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly bulkActionRetentionDays: number;
}

export interface MaintenanceReport {
  readonly bulkActionsDeleted: number;
  readonly idempotencyKeysDeleted: number;
}

export type Maintenance = ReturnType<typeof createMaintenance>;

/**
 * Forgets what Roster only keeps for a while: used client assertions past their expiry, idempotency
 * keys past 24 hours, and finished bulk actions (with items and chunks) past the retention period.
 * Grants, grant events and the system log are history and are never deleted.
 */
export function createMaintenance(deps: MaintenanceDeps) {
  return {
    async runOnce(): Promise<MaintenanceReport> {
      const now = deps.clock.now();
      await deleteExpiredAssertions(deps.db, now.toISOString());
      const idempotencyKeysDeleted = await deleteExpiredIdempotencyKeys(deps.db, now.toISOString());
      const before = new Date(now.getTime() - deps.bulkActionRetentionDays * 24 * 3600 * 1000).toISOString();
      let bulkActionsDeleted = 0;
      for (;;) {
        // Small transactions: SQLite has one writer, and HTTP requests wait behind it.
        const deleted = await deps.db.transaction().execute((trx) => deleteFinishedBefore(trx, before, 100));
        bulkActionsDeleted += deleted;
        if (deleted === 0) break;
      }
      return { bulkActionsDeleted, idempotencyKeysDeleted };
    },
  };
}
