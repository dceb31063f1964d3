import type { Db } from '../../db/schema.js';
import { fetchPage, pageSize } from '../../http/pagination.js';
import {
  type Direction,
  decodePositionToken,
  encodePositionToken,
  toStoredTime,
} from '../../http/position-page-token.js';
import { AppError } from '../../lib/errors.js';
import {
  findSystemLogEventPosition,
  listSystemLogEvents,
  type StoredEvent,
} from './system-log.repository.js';

export interface EventQuery {
  /** Inclusive. */
  readonly since?: string | undefined;
  /** Exclusive. */
  readonly until?: string | undefined;
  /** Only events after this one (in time order), whatever the sort direction. */
  readonly sinceEventUid?: string | undefined;
  readonly direction: Direction;
  readonly pageSize?: number | undefined;
  readonly pageToken?: string | undefined;
}

export interface EventPage {
  /** The stored OCSF events, as JSON text. */
  readonly events: string[];
  readonly nextPageToken: string;
}

/** Rows one export query reads at a time: large enough to amortise the round trip, small in memory. */
const EXPORT_BATCH = 1_000;

export type SystemLogEventsService = ReturnType<typeof createSystemLogEventsService>;

/** Reading the system log: the ListEvents pages and the auditors' export (CONTRACT.md §7.11). */
export function createSystemLogEventsService(deps: { db: Db }) {
  const { db } = deps;

  async function bounds(query: Omit<EventQuery, 'direction'>) {
    const since = query.since ? toStoredTime(query.since, 'since') : undefined;
    const until = query.until ? toStoredTime(query.until, 'until') : undefined;
    if (since !== undefined && until !== undefined && since > until) {
      throw new AppError('INVALID_ARGUMENT', 'since must not be later than until', 'INVALID_TIME_RANGE');
    }
    let after: Awaited<ReturnType<typeof findSystemLogEventPosition>>;
    if (query.sinceEventUid) {
      after = await findSystemLogEventPosition(db, query.sinceEventUid);
      if (!after) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `sinceEventUid ${JSON.stringify(query.sinceEventUid)} is not the uid of a system-log event`,
          'UNKNOWN_EVENT_UID',
          { sinceEventUid: query.sinceEventUid },
        );
      }
    }
    return { since, until, after };
  }

  return {
    async list(query: EventQuery): Promise<EventPage> {
      const range = await bounds(query);
      const cursor = query.pageToken ? decodePositionToken(query.pageToken, query.direction) : undefined;
      const page = await fetchPage(
        pageSize(query.pageSize),
        (limit) =>
          listSystemLogEvents(db, {
            ...range,
            // The page cursor narrows the range on the side the walk moves towards.
            ...(query.direction === 'asc' ? { after: laterOf(range.after, cursor) } : { before: cursor }),
            direction: query.direction,
            limit,
          }),
        (last) => encodePositionToken({ occurredAt: last.occurred_at, id: last.id }, query.direction),
      );
      return { events: page.items.map((r) => r.event), nextPageToken: page.nextPageToken };
    },

    /**
     * Every event of a time range, oldest first, as JSON lines. Read batch by batch as the consumer
     * pulls, so an export of millions of events holds one batch in memory.
     */
    async export(query: { since?: string | undefined; until?: string | undefined }) {
      const range = await bounds(query);
      return (async function* lines(): AsyncGenerator<string> {
        let after = range.after;
        for (;;) {
          const rows: StoredEvent[] = await listSystemLogEvents(db, {
            ...range,
            after,
            direction: 'asc',
            limit: EXPORT_BATCH,
          });
          if (rows.length > 0) yield `${rows.map((r) => r.event).join('\n')}\n`;
          const last = rows[rows.length - 1];
          if (!last || rows.length < EXPORT_BATCH) return;
          after = { occurredAt: last.occurred_at, id: last.id };
        }
      })();
    },
  };
}

function laterOf<T extends { occurredAt: string; id: string }>(first: T | undefined, second: T | undefined) {
  if (!first) return second;
  if (!second) return first;
  return first.occurredAt > second.occurredAt ||
    (first.occurredAt === second.occurredAt && first.id > second.id)
    ? first
    : second;
}
