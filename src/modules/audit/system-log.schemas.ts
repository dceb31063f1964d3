import { Type } from 'typebox';
import { ChangeCursorString, IdString, WordString } from '../../http/strings.js';
import { Nullable, PageBody } from '../../http/wire.js';
import { SYSTEM_LOG_OPERATIONS } from '../../lib/vocabulary.js';

const TimeBound = (description: string) =>
  Type.Optional(Nullable(WordString({ format: 'date-time', description })));

export const SortDirection = Type.Union(
  [
    Type.Literal('SORT_DIRECTION_UNSPECIFIED'),
    Type.Literal('SORT_DIRECTION_ASC'),
    Type.Literal('SORT_DIRECTION_DESC'),
  ],
  { description: 'change-stream (commit-safe) order; UNSPECIFIED means ascending' },
);

/** The most actor IDs one ListEvents filter takes: a page of a people search. */
export const MAX_FILTER_VALUES = 100;

/** systemlog.v1.SystemLogService.ListEvents (CONTRACT.md §5). */
export const ListEventsBody = Type.Object({
  since: TimeBound('only events at or after this time'),
  until: TimeBound('only events before this time'),
  sinceEventUid: Type.Optional(
    Nullable(
      IdString({ description: 'only events after this one (its metadata.uid), in change-stream order' }),
    ),
  ),
  sortDirection: Type.Optional(Nullable(SortDirection)),
  ...PageBody,
  cursor: Type.Optional(Nullable(ChangeCursorString())),
  // Roster extensions (CONTRACT.md §7.11): filters the server applies before paging, so a page is
  // never empty while a later page holds a match. Each narrows the walk; an empty list is no filter.
  actorUserIds: Type.Optional(
    Nullable(
      Type.Array(IdString(), {
        maxItems: MAX_FILTER_VALUES,
        description: 'Roster extension: only events whose actor is one of these users (actor.user.uid)',
      }),
    ),
  ),
  targetType: Type.Optional(
    Nullable(
      WordString({
        description: 'Roster extension: only events whose target (resources[0].type) is of this type',
      }),
    ),
  ),
  targetId: Type.Optional(
    Nullable(
      IdString({ description: 'Roster extension: only events whose target (resources[0].uid) is this ID' }),
    ),
  ),
  operations: Type.Optional(
    Nullable(
      Type.Array(Type.Union(SYSTEM_LOG_OPERATIONS.map((o) => Type.Literal(o))), {
        maxItems: SYSTEM_LOG_OPERATIONS.length,
        description: 'Roster extension: only events of one of these operations (api.operation)',
      }),
    ),
  ),
});

/** An OCSF API Activity event, served as stored; see src/modules/audit/system-log.ts. */
export const OcsfEvent = Type.Object({}, { additionalProperties: true, description: 'an OCSF event' });

export const ListEventsResponse = Type.Object({
  list: Type.Array(OcsfEvent),
  nextPageToken: Type.String(),
  nextCursor: Type.String({
    description:
      'Roster extension: pass it back as `cursor` (with the same filters) to get only the events after this walk; never "".',
  }),
});

export const ExportQuery = Type.Object({
  since: Type.Optional(WordString({ format: 'date-time', description: 'inclusive' })),
  until: Type.Optional(WordString({ format: 'date-time', description: 'exclusive' })),
  cursor: Type.Optional(ChangeCursorString()),
});
