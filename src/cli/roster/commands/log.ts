import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { paths } from '../../../api-types/schema.js';
import { collect, contextOf, positiveInt, timestamp } from '../context.js';
import { type OutputFormat, printRows, type Row, write } from '../output.js';

/**
 * The fields of an OCSF API Activity event that the CLI prints. The OpenAPI leaves events open
 * (`{[key: string]: unknown}`: OCSF, not Roster, shapes them), so this one shape is written here.
 */
interface SystemLogEvent {
  time_dt: string;
  activity_name: string;
  status: string;
  message: string;
  actor?: { user?: { uid: string }; app_uid?: string };
  api?: { operation: string; request?: { uid: string } };
  metadata: { uid: string; correlation_uid?: string };
}

const EVENT_COLUMNS = ['time', 'activity', 'status', 'operation', 'actorUserId', 'message', 'requestId'];

const eventRow = (e: SystemLogEvent): Row => ({
  time: e.time_dt,
  activity: e.activity_name,
  status: e.status,
  operation: e.api?.operation ?? '',
  actorUserId: e.actor?.user?.uid ?? '',
  message: e.message,
  requestId: e.api?.request?.uid ?? '',
});

const FOLLOW_POLL_MS = 1000;

const asEvents = (list: Record<string, unknown>[]) => list as unknown as SystemLogEvent[];

type ListEventsBody = NonNullable<
  paths['/api/v1/systemlog/events']['post']['requestBody']
>['content']['application/json'];
type Operation = NonNullable<ListEventsBody['operations']>[number];

interface TailFilters {
  operation: string[];
  actor?: string;
  target?: string;
}

/** The server's ListEvents filters (README, "The system log"): applied before paging, never here. */
const serverFilters = (options: TailFilters) => ({
  // Checked by the server, which refuses an unknown operation (400); the client reports it.
  ...(options.operation.length > 0 ? { operations: options.operation as Operation[] } : {}),
  ...(options.actor ? { actorUserIds: [options.actor] } : {}),
  ...(options.target ? { targetId: options.target } : {}),
});

async function printEvents(events: SystemLogEvent[], format: OutputFormat) {
  // JSON lines when following: a stream has no end to close an array with.
  if (format === 'json') {
    for (const e of events) await write(`${JSON.stringify(e)}\n`);
  } else {
    await printRows(events.map(eventRow), EVENT_COLUMNS, format === 'csv' ? 'csv' : 'table');
  }
}

export function registerLogCommands(program: Command): void {
  const log = program
    .command('log')
    .description('the system log (who did what, when, through which request)');
  log
    .command('tail')
    .description('the latest events; --follow keeps printing new ones')
    .option('-n, --lines <n>', 'how many of the latest events', positiveInt, 20)
    .option('-f, --follow', 'wait for new events (Ctrl-C to stop)')
    .option(
      '--operation <name>',
      'only events of this operation, e.g. grant.removed (repeat for several)',
      collect,
      [],
    )
    .option('--actor <userId>', 'only events this user made')
    .option('--target <id>', 'only events about this ID (app, user, grant...)')
    .addHelpText(
      'after',
      '\nExamples:\n  roster log tail -n 50\n  roster log tail --follow --output json\n  roster log tail --operation grant.removed --operation grant.expired',
    )
    .action(async (options: TailFilters & { lines: number; follow?: boolean }, command: Command) => {
      const { client, format } = await contextOf(command);
      const filters = serverFilters(options);
      const page = await client.call(
        client.api.POST('/api/v1/systemlog/events', {
          body: { sortDirection: 'SORT_DIRECTION_DESC', pageSize: Math.min(options.lines, 100), ...filters },
        }),
      );
      const latest = asEvents(page.list).slice(0, options.lines).reverse();
      await printEvents(latest, format);
      if (!options.follow) return;
      let last = latest.at(-1)?.metadata.uid;
      for (;;) {
        await sleep(FOLLOW_POLL_MS);
        let pageToken = '';
        do {
          const next = await client.call(
            client.api.POST('/api/v1/systemlog/events', {
              body: {
                sortDirection: 'SORT_DIRECTION_ASC',
                pageSize: 100,
                ...filters,
                ...(last
                  ? { sinceEventUid: last }
                  : { since: new Date(Date.now() - FOLLOW_POLL_MS).toISOString() }),
                ...(pageToken ? { pageToken } : {}),
              },
            }),
          );
          const events = asEvents(next.list);
          // Rows are printed one page at a time; a table per page keeps the screen readable.
          await printEvents(events, format === 'table' ? 'csv' : format);
          last = events.at(-1)?.metadata.uid ?? last;
          pageToken = next.nextPageToken;
        } while (pageToken);
      }
    });
  log
    .command('export')
    .description('every event in a time window as JSON lines (NDJSON), streamed to stdout')
    .option('--since <date>', 'from this time (inclusive)')
    .option('--until <date>', 'to this time (exclusive)')
    .addHelpText(
      'after',
      '\nExample:\n  roster log export --since 2026-01-01 --until 2026-02-01 > events.ndjson',
    )
    .action(async (options: { since?: string; until?: string }, command: Command) => {
      const { client } = await contextOf(command);
      const body = await client.call(
        client.api.GET('/roster/v1/systemlog/export', {
          params: {
            query: {
              since: options.since ? timestamp(options.since) : undefined,
              until: options.until ? timestamp(options.until) : undefined,
            },
          },
          parseAs: 'stream',
        }),
      );
      if (!body) return;
      await pipeline(Readable.fromWeb(body as ReadableStream), process.stdout);
    });
}
