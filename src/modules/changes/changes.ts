import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Database, Executor } from '../../db/schema.js';
import {
  type ChangeCursor,
  comparePositions,
  decodeChangeCursor,
  encodeChangeCursor,
  positionOf,
} from './change-cursor.js';
import {
  listGrantEventsInWindow,
  listSystemLogEventsInWindow,
  type PositionWindow,
} from './changes.repository.js';

/** The rows of the two histories the change stream merges (the grants' and the system log's tables). */
type GrantEventsTable = Omit<Database['grant_events'], 'tx_id' | 'seq'>;
type SystemLogEventsTable = Omit<Database['system_log_events'], 'tx_id' | 'seq'>;

/** A stored row with its change-stream position columns. */
type Positioned<T> = T & { tx_id: string | number; seq: string | number };

/** The stored grant_events row. */
export type GrantEventRow = Positioned<GrantEventsTable>;
/** The stored system_log_events row; `event` is the OCSF event as JSON text. */
export type SystemLogEventRow = Positioned<SystemLogEventsTable>;

export type Change =
  | { kind: 'grant_history'; position: ChangeCursor; row: GrantEventRow }
  | { kind: 'system_log'; position: ChangeCursor; row: SystemLogEventRow };

/**
 * The part of the stream a reader holding `cursor` may read now: after the cursor, up to the
 * horizon. Refuses a malformed cursor (400 INVALID_CHANGE_CURSOR) before reading anything.
 */
export async function changeWindow(
  db: Executor,
  dialect: DialectFeatures,
  cursor: ChangeCursor | null | undefined,
): Promise<PositionWindow> {
  const after = decodeChangeCursor(cursor);
  return { after, upTo: await dialect.changeHorizon(db) };
}

/**
 * Up to `limit` changes after `after`, grant history and system log merged in position order, only
 * rows that have committed and that no later commit can precede. `cursor` is the position of the
 * last change returned, or `after` when there is none: pass it back to read on, with no gap and no
 * repeat whatever commits meanwhile.
 */
export async function readChanges(
  db: Executor,
  dialect: DialectFeatures,
  after: ChangeCursor,
  limit: number,
): Promise<{ changes: Change[]; cursor: ChangeCursor }> {
  const window = await changeWindow(db, dialect, after);
  if (limit <= 0) return { changes: [], cursor: after };
  // One fixed horizon for both reads: the two queries may see different snapshots, but nothing at
  // or below the horizon changes between them.
  const [grants, logs] = await Promise.all([
    listGrantEventsInWindow(db, window, limit),
    listSystemLogEventsInWindow(db, window, limit),
  ]);
  const merged: Array<Change & { at: ReturnType<typeof positionOf> }> = [];
  for (const row of grants) {
    const at = positionOf(row);
    merged.push({ kind: 'grant_history', position: encodeChangeCursor(at), row, at });
  }
  for (const row of logs) {
    const at = positionOf(row);
    merged.push({ kind: 'system_log', position: encodeChangeCursor(at), row, at });
  }
  merged.sort((a, b) => comparePositions(a.at, b.at));
  const changes: Change[] = merged.slice(0, limit).map(({ at: _at, ...change }) => change as Change);
  return { changes, cursor: changes[changes.length - 1]?.position ?? after };
}

/**
 * The end of the stream now: a reader starting here gets every change that commits from now on
 * (and those still in flight), and none that were already readable.
 */
export async function currentChangeCursor(db: Executor, dialect: DialectFeatures): Promise<ChangeCursor> {
  return encodeChangeCursor(await dialect.changeHorizon(db));
}
