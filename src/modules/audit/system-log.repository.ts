import { chunkRows, inTransaction } from '../../db/batch.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor, SystemLogEventsTable } from '../../db/schema.js';

/** Inserts events with their change-stream positions (src/modules/changes). */
export async function insertSystemLogEvents(
  db: Executor,
  rows: readonly SystemLogEventsTable[],
  dialect: DialectFeatures,
): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (trx) => {
    const chunks = chunkRows(rows, dialect.maxParameters, undefined, dialect.changePositionColumnsAdded);
    for (const chunk of chunks) {
      await trx
        .insertInto('system_log_events')
        .values(await dialect.withChangePositions(trx, chunk))
        .execute();
    }
  });
}

/** A position in the log's order, (occurred_at, id): the order the (occurred_at, id) index serves. */
export interface LogPosition {
  readonly occurredAt: string;
  readonly id: string;
}

export interface EventRange {
  /** Inclusive lower bound on occurred_at (RFC 3339, UTC, milliseconds). */
  readonly since?: string | undefined;
  /** Exclusive upper bound on occurred_at. */
  readonly until?: string | undefined;
  /** Only events strictly after this position. */
  readonly after?: LogPosition | undefined;
  /** Only events strictly before this position. */
  readonly before?: LogPosition | undefined;
  readonly direction: 'asc' | 'desc';
  readonly limit: number;
}

export type StoredEvent = Pick<SystemLogEventsTable, 'id' | 'occurred_at' | 'event'>;

/** One keyset page of events in (occurred_at, id) order, either way. */
export function listSystemLogEvents(db: Executor, range: EventRange): Promise<StoredEvent[]> {
  let query = db.selectFrom('system_log_events').select(['id', 'occurred_at', 'event']);
  if (range.since !== undefined) query = query.where('occurred_at', '>=', range.since);
  if (range.until !== undefined) query = query.where('occurred_at', '<', range.until);
  const { after, before } = range;
  // Row values keep the keyset condition a single index range on both SQLite and PostgreSQL.
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('occurred_at', 'id'), '>', eb.tuple(after.occurredAt, after.id)),
    );
  }
  if (before) {
    query = query.where((eb) =>
      eb(eb.refTuple('occurred_at', 'id'), '<', eb.tuple(before.occurredAt, before.id)),
    );
  }
  return query
    .orderBy('occurred_at', range.direction)
    .orderBy('id', range.direction)
    .limit(range.limit)
    .execute();
}

export async function findSystemLogEventPosition(db: Executor, id: string): Promise<LogPosition | undefined> {
  const row = await db
    .selectFrom('system_log_events')
    .select(['id', 'occurred_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { occurredAt: row.occurred_at, id: row.id };
}
