import type { ExpressionBuilder } from 'kysely';
import type { ChangePosition } from '../../db/dialects/dialect.js';
import type { Database, Executor } from '../../db/schema.js';

/**
 * A slice of the change stream: positions after `after` (all of them when undefined) up to and
 * including `upTo`. When `upTo` is the dialect's horizon (`DialectFeatures.changeHorizon`) every
 * row in it has committed and no row can join it later; without `upTo`, it is every committed row.
 */
export interface PositionWindow {
  readonly after?: ChangePosition | undefined;
  readonly upTo?: ChangePosition | undefined;
}

type PositionedTable = 'grant_events' | 'system_log_events';

/**
 * The WHERE clause of a window, as row-value comparisons on (tx_id, seq): one range of the
 * `<table>_position` index (or of any index ending in those columns after equality columns).
 */
export function inWindow<T extends PositionedTable>(window: PositionWindow) {
  return (eb: ExpressionBuilder<Database, T>) => {
    // biome-ignore lint/suspicious/noExplicitAny: both tables have tx_id and seq; Kysely cannot see that through T
    const e = eb as unknown as ExpressionBuilder<Database, any>;
    const position = e.refTuple('tx_id', 'seq');
    const { after, upTo } = window;
    return e.and([
      ...(after ? [e(position, '>', e.tuple(after.txId, after.seq))] : []),
      ...(upTo ? [e(position, '<=', e.tuple(upTo.txId, upTo.seq))] : []),
    ]);
  };
}

export function listGrantEventsInWindow(db: Executor, window: PositionWindow, limit: number) {
  return db
    .selectFrom('grant_events')
    .selectAll()
    .where(inWindow(window))
    .orderBy('tx_id')
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export function listSystemLogEventsInWindow(db: Executor, window: PositionWindow, limit: number) {
  return db
    .selectFrom('system_log_events')
    .selectAll()
    .where(inWindow(window))
    .orderBy('tx_id')
    .orderBy('seq')
    .limit(limit)
    .execute();
}
