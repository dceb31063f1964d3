import type { ExpressionBuilder } from 'kysely';
import type { ChangePosition } from '../../db/dialects/dialect.js';
import type { Database, Executor } from '../../db/schema.js';

/**
 * A slice of the change stream a reader may read now: positions after `after` (all of them when
 * undefined) up to and including `upTo`, the dialect's horizon (`DialectFeatures.changeHorizon`).
 * Every row in it has committed and no row can join it later.
 */
export interface PositionWindow {
  readonly after?: ChangePosition | undefined;
  readonly upTo: ChangePosition;
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
    const upTo = e(position, '<=', e.tuple(window.upTo.txId, window.upTo.seq));
    const { after } = window;
    return after ? e.and([e(position, '>', e.tuple(after.txId, after.seq)), upTo]) : upTo;
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
