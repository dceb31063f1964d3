import { Type } from 'typebox';
import { ChangeCursorString, IdString, WordString } from '../../http/strings.js';
import { Nullable, PageBody } from '../../http/wire.js';

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
