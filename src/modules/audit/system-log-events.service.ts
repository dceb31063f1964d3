import type { ChangePosition, DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Direction } from '../../http/pagination.js';
import { fetchPage, pageSize } from '../../http/pagination.js';
import { toStoredTime } from '../../http/stored-time.js';
import { AppError } from '../../lib/errors.js';
import {
  type ChangeCursor,
  comparePositions,
  decodeChangeCursor,
  decodePositionPageToken,
  encodeChangeCursor,
  encodePositionPageToken,
} from '../changes/index.js';
import {
  type EventFilters,
  findSystemLogEventPosition,
  listSystemLogEvents,
  type StoredEvent,
} from './system-log.repository.js';

export interface EventQuery {
  /** Inclusive. */
  readonly since?: string | undefined;
  /** Exclusive. */
  readonly until?: string | undefined;
  /** Only events after this one (in position order), whatever the sort direction. */
  readonly sinceEventUid?: string | undefined;
  /** Roster's extension: only events after this change-stream position, whatever the direction. */
  readonly cursor?: ChangeCursor | undefined;
  readonly direction: Direction;
  readonly pageSize?: number | undefined;
  readonly pageToken?: string | undefined;
  /** Roster's extension: the actor, target and operation filters, applied in the query. */
  readonly filters?: EventFilters | undefined;
}

export interface EventPage {
  /** The stored OCSF events, as JSON text. */
  readonly events: string[];
  readonly nextPageToken: string;
  /**
   * Where a reader resumes for the events after this walk: the last event's position while an
   * ascending walk has more pages, else the horizon the walk read up to (never behind `cursor`).
   */
  readonly nextCursor: ChangeCursor;
}

/** Rows one export query reads at a time: large enough to amortise the round trip, small in memory. */
const EXPORT_BATCH = 1_000;

export type SystemLogEventsService = ReturnType<typeof createSystemLogEventsService>;

/** Reading the system log: the ListEvents pages and the auditors' export (CONTRACT.md §7.11). */
export function createSystemLogEventsService(deps: { db: Db; dialect: DialectFeatures }) {
  const { db } = deps;

  /**
   * The time bounds and the position the reader starts after: the later of `sinceEventUid`'s
   * position and `cursor`. Everything is checked before anything is read.
   */
  async function bounds(query: Omit<EventQuery, 'direction'>) {
    const since = query.since ? toStoredTime(query.since, 'since') : undefined;
    const until = query.until ? toStoredTime(query.until, 'until') : undefined;
    if (since !== undefined && until !== undefined && since > until) {
      throw new AppError('INVALID_ARGUMENT', 'since must not be later than until', 'INVALID_TIME_RANGE');
    }
    let after = decodeChangeCursor(query.cursor);
    if (query.sinceEventUid) {
      const event = await findSystemLogEventPosition(db, query.sinceEventUid);
      if (!event) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `sinceEventUid ${JSON.stringify(query.sinceEventUid)} is not the uid of a system-log event`,
          'UNKNOWN_EVENT_UID',
          { sinceEventUid: query.sinceEventUid },
        );
      }
      after = laterOf(after, event);
    }
    return { since, until, after };
  }

  return {
    /**
     * One page of ListEvents in change-stream position order (src/modules/changes), either way.
     * With a `cursor` (even "") it is a cursor read: only events up to the horizon the walk's first
     * page saw, so a poller sees each event once. Without one it is a listing of every committed
     * event, as ConductorOne's ListEvents is; its nextCursor still never passes that horizon.
     */
    async list(query: EventQuery): Promise<EventPage> {
      const { since, until, after } = await bounds(query);
      const token = query.pageToken ? decodePositionPageToken(query.pageToken, query.direction) : undefined;
      const horizon = token?.upTo ?? (await deps.dialect.changeHorizon(db));
      const cursorRead = query.cursor !== undefined;
      const asc = query.direction === 'asc';
      const page = await fetchPage(
        pageSize(query.pageSize),
        (limit) =>
          listSystemLogEvents(db, {
            since,
            until,
            filters: query.filters,
            // The page token narrows the window on the side the walk moves towards.
            window: {
              after: asc ? laterOf(after, token?.last) : after,
              upTo: cursorRead ? horizon : undefined,
            },
            before: asc ? undefined : token?.last,
            direction: query.direction,
            limit,
          }),
        (last) => encodePositionPageToken({ last: last.position, upTo: horizon }, query.direction),
      );
      const lastRead = page.items[page.items.length - 1];
      const nextCursor =
        asc && page.nextPageToken && lastRead
          ? earlierOf(lastRead.position, horizon)
          : (laterOf(after, horizon) ?? horizon);
      return {
        events: page.items.map((r) => r.event),
        nextPageToken: page.nextPageToken,
        nextCursor: encodeChangeCursor(nextCursor),
      };
    },

    /**
     * Every event of a time range in position order, as JSON lines: with a `cursor`, those after it
     * up to the horizon at the start of the export; without, every committed event. `nextCursor`
     * (that horizon, never behind the cursor) resumes after it. Read batch by batch as the
     * consumer pulls, so an export of millions of events holds one batch in memory.
     */
    async export(query: {
      since?: string | undefined;
      until?: string | undefined;
      cursor?: string | undefined;
    }): Promise<{ lines: AsyncGenerator<string>; nextCursor: ChangeCursor }> {
      const { since, until, after } = await bounds(query);
      const horizon = await deps.dialect.changeHorizon(db);
      // With a cursor, a cursor read up to the horizon; without, every committed event.
      const upTo = query.cursor !== undefined ? horizon : undefined;
      const lines = (async function* lines(): AsyncGenerator<string> {
        let from = after;
        for (;;) {
          const rows: StoredEvent[] = await listSystemLogEvents(db, {
            since,
            until,
            window: { after: from, upTo },
            direction: 'asc',
            limit: EXPORT_BATCH,
          });
          if (rows.length > 0) yield `${rows.map((r) => r.event).join('\n')}\n`;
          const last = rows[rows.length - 1];
          if (!last || rows.length < EXPORT_BATCH) return;
          from = last.position;
        }
      })();
      return { lines, nextCursor: encodeChangeCursor(laterOf(after, horizon) ?? horizon) };
    },
  };
}

function earlierOf(first: ChangePosition, second: ChangePosition): ChangePosition {
  return comparePositions(first, second) <= 0 ? first : second;
}

function laterOf(first: ChangePosition | undefined, second: ChangePosition | undefined) {
  if (!first || !second) return first ?? second;
  return comparePositions(first, second) >= 0 ? first : second;
}
