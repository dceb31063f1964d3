import { type SelectQueryBuilder, sql } from 'kysely';
import { inTransaction } from '../../db/batch.js';
import type { ChangePosition, DialectFeatures } from '../../db/dialects/dialect.js';
import type { Database, Executor } from '../../db/schema.js';
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
  const rows = await systemLogEventsQuery(db, range).execute();
  return rows.map((row) => ({ id: row.id, event: row.event, position: positionOf(row) }));
}

/**
 * listSystemLogEvents' query, unexecuted (the bench EXPLAINs it).
 *
 * Without `since`, a page walks the index of its filter (each ends in the position, migration 0018)
 * in position order and stops after a page of matches. With `since`, that walk would not stop at the
 * range's start when the range holds less than a page more (the last page of a range, a rare filter
 * in it): it would read every older event. So a `since` page is driven by the time index instead
 * (occurred_at, tx_id, seq, migration 0026): the range's positions come from the index alone, the
 * other filters are checked on their rows (kept off their own indexes, `|| ''`, so the planner does
 * not walk one of them unbounded), the page's positions are picked from those, and only the page's
 * rows are read. Its cost follows the events since `since`, not the whole log.
 */
export function systemLogEventsQuery(db: Executor, range: EventRange) {
  if (range.since === undefined) {
    return pageOf(db.selectFrom('system_log_events').select(['id', 'event', 'tx_id', 'seq']), range, false);
  }
  const positions = pageOf(db.selectFrom('system_log_events').select(['tx_id', 'seq']), range, true);
  return db
    .selectFrom('system_log_events')
    .select(['id', 'event', 'tx_id', 'seq'])
    .where((eb) => eb(eb.refTuple('tx_id', 'seq'), 'in', positions.$asTuple('tx_id', 'seq')))
    .orderBy('tx_id', range.direction)
    .orderBy('seq', range.direction);
}

/** The range's conditions, filters and keyset order on a select of system_log_events. */
function pageOf<O>(
  select: SelectQueryBuilder<Database, 'system_log_events', O>,
  range: EventRange,
  filtersOffIndexes: boolean,
) {
  const column = (name: 'actor_user_id' | 'target_type' | 'target_id' | 'activity') =>
    filtersOffIndexes ? sql<string>`${sql.ref(name)} || ''` : sql.ref<string>(name);
  let query = select.where(inWindow(range.window));
  if (range.since !== undefined) query = query.where('occurred_at', '>=', range.since);
  if (range.until !== undefined) query = query.where('occurred_at', '<', range.until);
  const { actorUserIds, targetType, targetId, operations } = range.filters ?? {};
  if (actorUserIds?.length) query = query.where(column('actor_user_id'), 'in', actorUserIds);
  if (targetType !== undefined) query = query.where(column('target_type'), '=', targetType);
  if (targetId !== undefined) query = query.where(column('target_id'), '=', targetId);
  if (operations?.length) query = query.where(column('activity'), 'in', operations);
  const { before } = range;
  if (before) {
    query = query.where((eb) => eb(eb.refTuple('tx_id', 'seq'), '<', eb.tuple(before.txId, before.seq)));
  }
  return query.orderBy('tx_id', range.direction).orderBy('seq', range.direction).limit(range.limit);
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
