import { inTransaction } from '../../db/batch.js';
import type { ChangePosition, DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { SystemLogOperation } from '../../lib/vocabulary.js';
import { inWindow, type PositionWindow, positionOf } from '../changes/index.js';
import type { SystemLogEventsTable } from './audit.table.js';

/** Inserts events with their change-stream positions (src/modules/changes). */
export async function insertSystemLogEvents(
  db: Executor,
  rows: readonly SystemLogEventsTable[],
  dialect: DialectFeatures,
): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (trx) =>
    dialect.insertRows(trx, 'system_log_events', await dialect.withChangePositions(trx, rows)),
  );
}

/**
 * Roster's ListEvents filters (CONTRACT.md §7.11), each an equality on an indexed column ending in
 * the position (migration 0018), so a filtered page reads only matching rows in order.
 */
export interface EventFilters {
  /** The actor is one of these users; an empty list is no filter. */
  readonly actorUserIds?: readonly string[] | undefined;
  readonly targetType?: string | undefined;
  readonly targetId?: string | undefined;
  /** The operation is one of these; an empty list is no filter. */
  readonly operations?: readonly SystemLogOperation[] | undefined;
}

export interface EventRange {
  /** Inclusive lower bound on occurred_at (RFC 3339, UTC, milliseconds). */
  readonly since?: string | undefined;
  /** Exclusive upper bound on occurred_at. */
  readonly until?: string | undefined;
  /** The change-stream positions to read (src/modules/changes): after a position, up to the horizon. */
  readonly window: PositionWindow;
  /** Only events strictly before this position (a descending walk's next page). */
  readonly before?: ChangePosition | undefined;
  readonly filters?: EventFilters | undefined;
  readonly direction: 'asc' | 'desc';
  readonly limit: number;
}

export interface StoredEvent {
  readonly id: string;
  /** The OCSF event as JSON text. */
  readonly event: string;
  readonly position: ChangePosition;
}

/** One keyset page of events in change-stream position order, either way. */
export async function listSystemLogEvents(db: Executor, range: EventRange): Promise<StoredEvent[]> {
  let query = db
    .selectFrom('system_log_events')
    .select(['id', 'event', 'tx_id', 'seq'])
    .where(inWindow(range.window));
  if (range.since !== undefined) query = query.where('occurred_at', '>=', range.since);
  if (range.until !== undefined) query = query.where('occurred_at', '<', range.until);
  const { actorUserIds, targetType, targetId, operations } = range.filters ?? {};
  if (actorUserIds?.length) query = query.where('actor_user_id', 'in', actorUserIds);
  if (targetType !== undefined) query = query.where('target_type', '=', targetType);
  if (targetId !== undefined) query = query.where('target_id', '=', targetId);
  if (operations?.length) query = query.where('activity', 'in', operations);
  const { before } = range;
  if (before) {
    query = query.where((eb) => eb(eb.refTuple('tx_id', 'seq'), '<', eb.tuple(before.txId, before.seq)));
  }
  const rows = await query
    .orderBy('tx_id', range.direction)
    .orderBy('seq', range.direction)
    .limit(range.limit)
    .execute();
  return rows.map((row) => ({ id: row.id, event: row.event, position: positionOf(row) }));
}

export async function findSystemLogEventPosition(
  db: Executor,
  id: string,
): Promise<ChangePosition | undefined> {
  const row = await db
    .selectFrom('system_log_events')
    .select(['tx_id', 'seq'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && positionOf(row);
}
