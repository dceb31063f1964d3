import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExportQuery, ListEventsBody, ListEventsResponse } from './system-log.schemas.js';
import type { SystemLogEventsService } from './system-log-events.service.js';

export const NDJSON = 'application/x-ndjson';
/** The export's resume point: the change-stream cursor after the last event it can contain. */
export const NEXT_CURSOR_HEADER = 'roster-next-cursor';

export const systemLogRoutes: FastifyPluginAsyncTypebox<{ systemLogEvents: SystemLogEventsService }> = async (
  app,
  { systemLogEvents },
) => {
  app.post(
    '/api/v1/systemlog/events',
    {
      config: { permission: 'system_log:read' },
      schema: { body: ListEventsBody, response: { 200: ListEventsResponse } },
    },
    async (request) => {
      const input = request.body;
      const page = await systemLogEvents.list({
        since: input.since ?? undefined,
        until: input.until ?? undefined,
        sinceEventUid: input.sinceEventUid ?? undefined,
        direction: input.sortDirection === 'SORT_DIRECTION_DESC' ? 'desc' : 'asc',
        pageSize: input.pageSize ?? undefined,
        pageToken: input.pageToken ?? undefined,
        cursor: input.cursor ?? undefined,
        filters: {
          actorUserIds: input.actorUserIds ?? undefined,
          targetType: input.targetType ?? undefined,
          targetId: input.targetId ?? undefined,
          operations: input.operations ?? undefined,
        },
      });
      return {
        list: page.events.map((e) => JSON.parse(e) as Record<string, unknown>),
        nextPageToken: page.nextPageToken,
        nextCursor: page.nextCursor,
      };
    },
  );

  // A Roster extension (CONTRACT.md §7.15) for auditors: one OCSF event per line, in change-stream
  // order, streamed as it is read, up to the horizon at its start; the `roster-next-cursor` header
  // resumes after it. It is the one 200 that is not a JSON object, and no SDK calls it.
  app.get(
    '/roster/v1/systemlog/export',
    {
      config: { permission: 'system_log:read' },
      schema: {
        description:
          'Every system-log event with since <= time < until (and after `cursor`), in change-stream order, as JSON lines (NDJSON), streamed. The roster-next-cursor response header is the cursor to resume after this export.',
        querystring: ExportQuery,
        response: {
          200: {
            description: 'one OCSF event per line',
            // Unsafe: the handler sends a stream, which the serializer never sees.
            content: { [NDJSON]: { schema: Type.Unsafe<unknown>({ type: 'string' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const { lines, nextCursor } = await systemLogEvents.export(request.query);
      return reply
        .type(NDJSON)
        .header(NEXT_CURSOR_HEADER, nextCursor)
        .header('content-disposition', 'attachment; filename="roster-system-log.ndjson"')
        .send(Readable.from(lines, { objectMode: false }));
    },
  );
};
