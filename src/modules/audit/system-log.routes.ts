import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExportQuery, ListEventsBody, ListEventsResponse } from './system-log.schemas.js';
import type { SystemLogEventsService } from './system-log-events.service.js';

export const NDJSON = 'application/x-ndjson';

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
      });
      return {
        list: page.events.map((e) => JSON.parse(e) as Record<string, unknown>),
        nextPageToken: page.nextPageToken,
      };
    },
  );

  // A Roster extension (CONTRACT.md §7.15) for auditors: one OCSF event per line, oldest first,
  // streamed as it is read. It is the one 200 that is not a JSON object, and no SDK calls it.
  app.get(
    '/roster/v1/systemlog/export',
    {
      config: { permission: 'system_log:read' },
      schema: {
        description:
          'Every system-log event with since <= time < until, oldest first, as JSON lines (NDJSON), streamed.',
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
      const lines = await systemLogEvents.export(request.query);
      return reply
        .type(NDJSON)
        .header('content-disposition', 'attachment; filename="roster-system-log.ndjson"')
        .send(Readable.from(lines, { objectMode: false }));
    },
  );
};
