import { chunkRows } from '../../db/batch.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { BulkActionItemsTable, BulkActionsTable, Executor } from '../../db/schema.js';

export type BulkActionRow = BulkActionsTable;
export type BulkActionItemRow = BulkActionItemsTable;

/** States a runner may still work on. */
export const OPEN_STATES = ['BULK_ACTION_STATE_PENDING', 'BULK_ACTION_STATE_RUNNING'] as const;

export async function insertBulkAction(db: Executor, row: BulkActionRow): Promise<void> {
  await db.insertInto('bulk_actions').values(row).execute();
}

export function findBulkActionById(db: Executor, id: string): Promise<BulkActionRow | undefined> {
  return db.selectFrom('bulk_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBulkActionItems(
  db: Executor,
  rows: readonly BulkActionItemRow[],
  maxParameters: number,
): Promise<void> {
  for (const chunk of chunkRows(rows, maxParameters)) {
    await db.insertInto('bulk_action_items').values(chunk).execute();
  }
}

/**
 * Takes the lease of the oldest open bulk action whose lease is free or expired, atomically: on
 * PostgreSQL the candidate row is locked with SKIP LOCKED so racing processes take different actions;
 * on SQLite the write transaction itself excludes other claimants.
 */
export async function claimBulkAction(
  db: Executor,
  dialect: DialectFeatures,
  owner: string,
  now: string,
  leaseExpiresAt: string,
): Promise<BulkActionRow | undefined> {
  const candidate = await dialect
    .lockSkippingLocked(
      db
        .selectFrom('bulk_actions')
        .select('id')
        .where('state', 'in', OPEN_STATES)
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
        .orderBy('id')
        .limit(1),
    )
    .executeTakeFirst();
  if (!candidate) return undefined;
  return db
    .updateTable('bulk_actions')
    .set({
      state: 'BULK_ACTION_STATE_RUNNING',
      lease_owner: owner,
      lease_expires_at: leaseExpiresAt,
      updated_at: now,
    })
    .where('id', '=', candidate.id)
    .where('state', 'in', OPEN_STATES)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Extends the lease if `owner` still holds it and returns the committed cursor; undefined when the
 * lease was lost (expired and taken by another runner), so the caller must stop.
 */
export async function renewLease(
  db: Executor,
  id: string,
  owner: string,
  leaseExpiresAt: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('bulk_actions')
    .set({ lease_expires_at: leaseExpiresAt })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', 'in', OPEN_STATES)
    .returning('cursor')
    .executeTakeFirst();
  return row?.cursor;
}

export interface Progress {
  readonly cursor: number;
  readonly processed: number;
  readonly succeeded: number;
  readonly failed: number;
}

export async function addProgress(
  db: Executor,
  id: string,
  delta: Progress,
  now: string,
  finalState: string | undefined,
): Promise<void> {
  await db
    .updateTable('bulk_actions')
    .set((eb) => ({
      cursor: eb('cursor', '+', delta.cursor),
      processed: eb('processed', '+', delta.processed),
      succeeded: eb('succeeded', '+', delta.succeeded),
      failed: eb('failed', '+', delta.failed),
      updated_at: now,
      ...(finalState
        ? { state: finalState, completed_at: now, lease_owner: null, lease_expires_at: null }
        : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function releaseLease(db: Executor, id: string, owner: string): Promise<void> {
  await db
    .updateTable('bulk_actions')
    .set({ lease_owner: null, lease_expires_at: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}
