import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { connectDatabase, type DatabaseHandle, migrateToLatest } from '../../src/db/connect.js';
import type { SystemLogActivity, SystemLogOperation } from '../../src/lib/vocabulary.js';
import { systemLogRow } from '../../src/modules/audit/system-log.js';
import {
  type EventFilters,
  insertSystemLogEvents,
  systemLogEventsQuery,
} from '../../src/modules/audit/system-log.repository.js';
import { createSystemLogEventsService } from '../../src/modules/audit/system-log-events.service.js';
import { decodePositionPageToken } from '../../src/modules/changes/index.js';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './databases.js';
import { median } from './table.js';

/** Seconds between two seeded events: 10,000 events span 3.5 days, 1,000,000 almost a year. */
const SPACING_S = 30;
const DAY_MS = 86_400_000;
/** Events per INSERT statement and per transaction while seeding. */
const ROWS_PER_INSERT = 1_000;
const ROWS_PER_TRANSACTION = 50_000;
const PAGE = 100;
/** The deep page: the deepest full page the small log has for the filter, at most this one. */
const MAX_DEEP_PAGE = 20;

/** The operation mix of a working Roster: mostly membership changes, some directory and setup work. */
const MIX: ReadonlyArray<{
  operation: SystemLogOperation;
  activity: SystemLogActivity;
  targetType: string;
  weight: number;
}> = [
  { operation: 'grant.added', activity: 'create', targetType: 'grant', weight: 40 },
  { operation: 'grant.removed', activity: 'delete', targetType: 'grant', weight: 15 },
  { operation: 'app_user.created', activity: 'create', targetType: 'app_user', weight: 10 },
  { operation: 'user.created', activity: 'create', targetType: 'user', weight: 10 },
  { operation: 'user.updated', activity: 'update', targetType: 'user', weight: 8 },
  { operation: 'token.issued', activity: 'other', targetType: 'api_client', weight: 8 },
  { operation: 'app_entitlement.updated', activity: 'update', targetType: 'app_entitlement', weight: 5 },
  { operation: 'bulk_action.finished', activity: 'update', targetType: 'bulk_action', weight: 3 },
  { operation: 'app.updated', activity: 'update', targetType: 'app', weight: 1 },
];
const WHEEL = MIX.flatMap((kind) => Array<(typeof MIX)[number]>(kind.weight).fill(kind));
/** One actor in seven is the busiest user; the others are spread over 500 users and the API clients. */
const BUSY_ACTOR = 'U0000000000000000000000000';
/** One event in fifty is about the busiest entitlement. */
const HOT_TARGET = 'E0000000000000000000000000';

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(26, '0')}`;

/** The filter kinds timed; `range` ones take the one-day window two days before the log's end. */
export const LOG_FILTERS: ReadonlyArray<{ label: string; filters?: EventFilters; range?: boolean }> = [
  { label: 'no filter' },
  { label: 'by operation (user.created)', filters: { operations: ['user.created'] } },
  {
    label: 'by two operations (grant.added, grant.removed)',
    filters: { operations: ['grant.added', 'grant.removed'] },
  },
  { label: 'by actor', filters: { actorUserIds: [BUSY_ACTOR] } },
  { label: 'by target (entitlement)', filters: { targetType: 'app_entitlement', targetId: HOT_TARGET } },
  { label: 'by target type (user)', filters: { targetType: 'user' } },
  { label: 'by time range (one day)', range: true },
  {
    label: 'combined: operation + actor + one day',
    filters: { operations: ['grant.added'], actorUserIds: [BUSY_ACTOR] },
    range: true,
  },
];

/** Event `n` of a log whose first event is at `start`. */
function entryOf(n: number, start: number) {
  const kind = WHEEL[(n * 7919) % WHEEL.length] as (typeof MIX)[number];
  const hot = kind.targetType === 'app_entitlement' && n % 2 === 0;
  const client = n % 11 === 0;
  return {
    operation: kind.operation,
    activity: kind.activity,
    targetType: kind.targetType,
    targetId: hot ? HOT_TARGET : id(kind.targetType === 'grant' ? 'G' : 'T', n % 50_000),
    actor: {
      userId: client ? '' : n % 7 === 0 ? BUSY_ACTOR : id('U', 1 + (n % 500)),
      clientId: client ? id('C', n % 5) : '',
      requestId: id('R', n),
    },
    occurredAt: new Date(start + n * SPACING_S * 1000),
  };
}

export interface LogDatabase {
  readonly size: number;
  readonly handle: DatabaseHandle;
  readonly close: () => Promise<void>;
  readonly drop: () => Promise<void>;
}

/** A fresh, migrated database holding `size` system-log events ending at `end`, seeded directly. */
async function seededLog(
  dialect: Dialect,
  size: number,
  end: number,
  pgName: string,
  progress: (message: string) => void,
): Promise<LogDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-log-'));
  const url = dialect === 'postgres' ? await createPostgresDatabase(pgName) : undefined;
  const handle = connectDatabase(
    url ? { postgresUrl: url } : { sqlitePath: path.join(dataDir, 'roster.db') },
  );
  await migrateToLatest(handle);
  const start = end - size * SPACING_S * 1000;
  const started = performance.now();
  for (let first = 0; first < size; first += ROWS_PER_TRANSACTION) {
    await handle.db.transaction().execute(async (trx) => {
      for (let n = first; n < Math.min(size, first + ROWS_PER_TRANSACTION); n += ROWS_PER_INSERT) {
        const rows = [];
        for (let i = n; i < Math.min(size, n + ROWS_PER_INSERT); i++)
          rows.push(systemLogRow(entryOf(i, start)));
        await insertSystemLogEvents(trx, rows, handle.dialect);
      }
    });
  }
  if (dialect === 'postgres') await handle.db.executeQuery(CompiledQuery.raw('analyze system_log_events'));
  else await handle.db.executeQuery(CompiledQuery.raw('analyze'));
  progress(
    `seeded ${size.toLocaleString('en-US')} events in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  let closed = false;
  return {
    size,
    handle,
    close: async () => {
      if (!closed) await handle.close();
      closed = true;
    },
    drop: async () => {
      if (url) await dropPostgresDatabase(pgName);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LogFilterResult {
  readonly label: string;
  /** Median ms of page 1, small log and large log. */
  readonly page1: readonly [number, number];
  readonly deepPage: number;
  /** Median ms of the deep page, small log and large log. */
  readonly deep: readonly [number, number];
  /** The plan of the large log's deep page, in short: the index it reads and whether it sorts. */
  readonly plan: string;
  readonly indexedInOrder: boolean;
}

export interface LogResults {
  readonly sizes: readonly [number, number];
  readonly filters: LogFilterResult[];
}

/** The page query as the service runs it, EXPLAINed: which index, and whether it sorts. */
async function explain(
  db: LogDatabase,
  dialect: Dialect,
  filter: (typeof LOG_FILTERS)[number],
  window: { since?: string; until?: string },
  token: string | undefined,
): Promise<{ plan: string; indexedInOrder: boolean }> {
  const decoded = token ? decodePositionPageToken(token, 'desc') : undefined;
  const compiled = systemLogEventsQuery(db.handle.db, {
    ...window,
    filters: filter.filters,
    window: {},
    before: decoded?.last,
    direction: 'desc',
    limit: PAGE + 1,
  }).compile();
  const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
  const { rows } = await db.handle.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
  );
  const lines = rows.map((row) => String(dialect === 'sqlite' ? row.detail : row['QUERY PLAN']));
  const sorts = lines.some((line) => /TEMP B-TREE|^\s*(->\s*)?(Incremental )?Sort\b/.test(line));
  if (process.env.BENCH_SHOW_PLANS) process.stderr.write(`${lines.join('\n')}\n`);
  const indexes = [
    ...new Set(
      lines.flatMap((line) => {
        const match = /USING (?:COVERING )?INDEX (\w+)|Scan(?: Backward)? (?:using|on) (\w+)/.exec(line);
        return match ? [(match[1] ?? match[2]) as string] : [];
      }),
    ),
  ];
  const scans = lines.some((line) => /Seq Scan|SCAN system_log_events$/.test(line));
  return {
    plan: `${indexes.join(' + ') || 'no index'}${sorts ? ', SORTS' : ''}${scans ? ', full scan' : ''}`,
    indexedInOrder: indexes.length > 0 && !sorts && !scans,
  };
}

/**
 * System-log search (issue 21 goal 7): two databases of `sizes` events each, seeded directly, and
 * each filter's page 1 and deep page (page tokens, newest first as the console reads) timed on
 * both, alternating between them in short slices so both see the same machine load.
 */
export async function logRun(
  dialect: Dialect,
  sizes: readonly [number, number],
  repeats: number,
  databasePrefix: string,
  progress: (message: string) => void,
): Promise<LogResults> {
  const end = Date.now();
  const dbs: LogDatabase[] = [];
  try {
    for (const size of sizes) {
      dbs.push(await seededLog(dialect, size, end, `${databasePrefix}_log_${size}_${process.pid}`, progress));
    }
    const window = {
      since: new Date(end - 3 * DAY_MS).toISOString(),
      until: new Date(end - 2 * DAY_MS).toISOString(),
    };
    const results: LogFilterResult[] = [];
    for (const filter of LOG_FILTERS) {
      const query = (db: LogDatabase, pageToken?: string) =>
        createSystemLogEventsService({ db: db.handle.db, dialect: db.handle.dialect }).list({
          direction: 'desc',
          pageSize: PAGE,
          pageToken,
          filters: filter.filters,
          ...(filter.range ? window : {}),
        });
      // The tokens of the deep page on each log (walked once, untimed).
      const tokens: (string | undefined)[][] = [];
      for (const db of dbs) {
        const walk: (string | undefined)[] = [undefined];
        for (let page = 1; page < MAX_DEEP_PAGE; page++) {
          const got = await query(db, walk[page - 1]);
          if (got.events.length < PAGE || !got.nextPageToken) break;
          walk.push(got.nextPageToken);
        }
        tokens.push(walk);
      }
      const deepPage = Math.min(...tokens.map((walk) => walk.length));
      const timed = async (db: LogDatabase, token: string | undefined) => {
        const started = performance.now();
        await query(db, token);
        return performance.now() - started;
      };
      const samples = dbs.map(() => ({ page1: [] as number[], deep: [] as number[] }));
      for (let r = 0; r < repeats + 2; r++) {
        for (const [i, db] of dbs.entries()) {
          const page1 = await timed(db, undefined);
          const deep = await timed(db, tokens[i]?.[deepPage - 1]);
          // The first two rounds warm caches and statements.
          if (r >= 2) {
            samples[i]?.page1.push(page1);
            samples[i]?.deep.push(deep);
          }
        }
      }
      const large = dbs[1] as LogDatabase;
      const plans = await Promise.all([
        explain(large, dialect, filter, filter.range ? window : {}, undefined),
        explain(large, dialect, filter, filter.range ? window : {}, tokens[1]?.[deepPage - 1]),
      ]);
      const [p1, deep] = plans as [Awaited<ReturnType<typeof explain>>, Awaited<ReturnType<typeof explain>>];
      results.push({
        label: filter.label,
        page1: [median(samples[0]?.page1 ?? []), median(samples[1]?.page1 ?? [])],
        deepPage,
        deep: [median(samples[0]?.deep ?? []), median(samples[1]?.deep ?? [])],
        plan: p1.plan === deep.plan ? p1.plan : `page 1: ${p1.plan}; deep: ${deep.plan}`,
        indexedInOrder: p1.indexedInOrder && deep.indexedInOrder,
      });
      const last = results.at(-1) as LogFilterResult;
      progress(
        `${filter.label}: page 1 ${last.page1.map((v) => v.toFixed(2)).join(' → ')} ms, page ${deepPage} ${last.deep
          .map((v) => v.toFixed(2))
          .join(' → ')} ms, ${last.plan}`,
      );
    }
    return { sizes, filters: results };
  } finally {
    // Every handle closed before any database is dropped (a drop ends the connections it finds).
    for (const db of dbs) await db.close();
    for (const db of dbs) await db.drop();
  }
}
