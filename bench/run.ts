/**
 * `npm run bench`: Roster's figures on SQLite and on PostgreSQL in one run, each as a ratio to a
 * baseline measured in the same run on the same machine. `--quick` is a smoke run with small sizes,
 * to check the bench itself; its figures mean nothing. `--scim` measures only the SCIM figure,
 * `--tasks` only the task figures, `--reads` only the hot reads against their bare twins, `--adds`
 * only the add figures (baseline, what each table and index costs per member, the runner, the big
 * add and its request → 200), `--reviews` only the access-review figures (with the grant-row
 * baseline they are a ratio of), `--memory` only the server's RSS around a big import and a big
 * add, `--log` only system-log search as the log grows, `--console` only the console's entitlement
 * page at scale in Chromium.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIsStale } from '../scripts/build-stamp.mjs';
import {
  freePort,
  killAllChildren,
  type LoadResult,
  loadTest,
  ROOT,
  startServer,
  timeNpmStart,
} from './lib/children.js';
import { type CliAddResult, cliAddRun } from './lib/cli-run.js';
import { type ConsoleResults, consoleOnDatabaseOfItsOwn, consoleRows } from './lib/console-run.js';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './lib/databases.js';
import {
  allRowsBaseline,
  BATCH_SIZE,
  grantInsertBaseline,
  profileRunner,
  type RunnerProfile,
} from './lib/inserts.js';
import { type LogResults, logRun } from './lib/log-run.js';
import { type MemberRowCosts, memberRowCosts } from './lib/member-rows.js';
import { type MemoryResults, type MemorySpan, memoryRun } from './lib/memory-run.js';

import { pairSpread, type ReadResult, spreadCell } from './lib/reads-run.js';
import { type ReviewSizes, type ReviewsResults, reviewsRun } from './lib/reviews-run.js';
import { type ScimResults, scimRun } from './lib/scim-run.js';
import {
  type AddResult,
  type AddsOnlyResults,
  addsRun,
  HOT_READS,
  readsRun,
  type ServerResults,
  type Sizes,
  serverRun,
} from './lib/server-run.js';
import { formatTable, int, mb, median, ms, pct, ratio } from './lib/table.js';
import { type TaskSizes, type TasksResults, tasksRun } from './lib/tasks-run.js';
import { type WebhooksResults, webhookRows, webhooksRun } from './lib/webhooks-run.js';

const quick = process.argv.includes('--quick');
const scimOnly = process.argv.includes('--scim');
const tasksOnly = process.argv.includes('--tasks');
const readsOnly = process.argv.includes('--reads');
const consoleOnly = process.argv.includes('--console');
const CONSOLE_SIZES = quick
  ? { large: 10_000, small: 10, pairs: 2 }
  : { large: 100_000, small: 10, pairs: 7 };
const addsOnly = process.argv.includes('--adds');
const reviewsOnly = process.argv.includes('--reviews');
const memoryOnly = process.argv.includes('--memory');
const logOnly = process.argv.includes('--log');
/** Names of the PostgreSQL databases the memory and log sections create (and drop). */
const DB_PREFIX = process.env.BENCH_DB_PREFIX ?? 'roster_bench';
/** The system-log sizes compared (goal: a page over the large ≤ 2 × over the small). */
const LOG_SIZES: readonly [number, number] = quick ? [1_000, 20_000] : [10_000, 1_000_000];
const LOG_REPEATS = quick ? 3 : 15;
/** Members one SCIM PATCH adds (the size IdPs push for a large group). */
const SCIM_MEMBERS = quick ? 1_000 : 10_000;
const sizes: Sizes = quick
  ? {
      adds: [100, 1_000, 5_000],
      seededGrants: 20_000,
      farPage: 100,
      pageRequests: 5,
      loadSeconds: 2,
      loadConnections: 50,
    }
  : {
      adds: [1_000, 10_000, 100_000],
      seededGrants: 1_000_000,
      farPage: 5_000,
      pageRequests: 15,
      loadSeconds: 10,
      loadConnections: 50,
    };
const TASK_SIZES: TaskSizes = quick
  ? { small: 1_000, large: 5_000, searchRequests: 5, approvals: 5 }
  : { small: 1_000, large: 100_000, searchRequests: 21, approvals: 40 };
const REVIEW_SIZES: ReviewSizes = quick
  ? { grants: 5_000, farPage: 40, pageRequests: 5 }
  : { grants: 100_000, farPage: 1_000, pageRequests: 15 };
const BASELINE_ROWS = quick ? 10_000 : 100_000;
const PROFILE_USERS = quick ? 2_000 : 20_000;
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
const NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

interface DialectResults {
  /** `npm start` → first 200 from /healthz, in ms (fresh data directory). */
  readonly startMs: number;
  readonly baseline: number;
  readonly allRows: number;
  readonly profile: RunnerProfile;
  readonly server: ServerResults;
  /** The bare Fastify server under the same load, measured right after this dialect's GETs. */
  readonly bare: LoadResult;
  readonly cli: CliAddResult;
  readonly scim: ScimResults;
  readonly webhooks: WebhooksResults;
  readonly tasks: TasksResults;
  readonly reviews: ReviewsResults;
  readonly memory: MemoryResults;
  readonly log: LogResults;
  readonly console: ConsoleResults;
}

const startedAt = new Date();
const progress = (message: string) =>
  process.stderr.write(
    `[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
  );

async function bareServerLoad(): Promise<LoadResult> {
  const port = await freePort();
  const bare = await startServer('bench/bare-server.ts', { BENCH_PORT: String(port) }, port);
  try {
    return await loadTest(`${bare.url}/bare`, {
      seconds: sizes.loadSeconds,
      connections: sizes.loadConnections,
    });
  } finally {
    await bare.stop();
  }
}

/** The servers the bench starts run the built output, as `npm start` does: build it when stale. */
function buildWhenStale(): void {
  if (!buildIsStale(ROOT)) return;
  progress('building (sources changed since the last build)');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
}

/**
 * `npm start` of the checkout on a fresh data directory and, for PostgreSQL, a database of its own
 * (the first start writes the bootstrap credentials, which the server runs need in theirs).
 */
async function npmStart(dialect: Dialect): Promise<number> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-start-'));
  const pgName = `roster_bench_start_${process.pid}`;
  // The figure is the start of an installed checkout, not a build.
  buildWhenStale();
  try {
    const env: Record<string, string> = { ROSTER_DATA_DIR: dataDir };
    if (dialect === 'postgres') env.ROSTER_DATABASE_URL = await createPostgresDatabase(pgName);
    return await timeNpmStart(env, await freePort());
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
    if (dialect === 'postgres') await dropPostgresDatabase(pgName);
  }
}

async function measure(dialect: Dialect, postgresUrl: string | undefined): Promise<DialectResults> {
  const name = NAMES[dialect];
  progress(`${name}: npm start → first 200 from /healthz`);
  const startMs = await npmStart(dialect);
  progress(`${name}: baseline, ${BASELINE_ROWS.toLocaleString('en-US')} grant rows`);
  const baseline = await grantInsertBaseline(dialect, BASELINE_ROWS, postgresUrl);
  progress(`${name}: variant baseline, all rows of ${BASELINE_ROWS.toLocaleString('en-US')} users`);
  const allRows = await allRowsBaseline(dialect, BASELINE_ROWS, postgresUrl);
  progress(`${name}: profiling the runner on ${PROFILE_USERS.toLocaleString('en-US')} users`);
  const profile = await profileRunner(dialect, PROFILE_USERS, postgresUrl);
  const server = await serverRun(dialect, postgresUrl, sizes, (m) => progress(`${name}: ${m}`));
  progress(`${name}: bare Fastify under the same load`);
  const bare = await bareServerLoad();
  const cli = await cliAddRun(dialect, sizes.adds[sizes.adds.length - 1] as number, (m) =>
    progress(`${name}: ${m}`),
  );
  // A database of its own: its server must be the first to start on it to write the credentials.
  const scimDatabase = `roster_bench_scim_${process.pid}`;
  const scimUrl = postgresUrl ? await createPostgresDatabase(scimDatabase) : undefined;
  let scim: ScimResults;
  try {
    scim = await scimRun(dialect, scimUrl, SCIM_MEMBERS, (m) => progress(`${name}: SCIM: ${m}`));
  } finally {
    if (scimUrl) await dropPostgresDatabase(scimDatabase);
  }
  const webhooks = await webhooksRun(dialect, sizes.adds.at(-1) as number, (m) =>
    progress(`${name}: webhooks: ${m}`),
  );
  const tasks = await tasksOnDatabaseOfItsOwn(dialect, postgresUrl !== undefined);
  const reviews = await reviewsOnDatabaseOfItsOwn(dialect, postgresUrl !== undefined);
  const memory = await memoryOnFreshServer(dialect);
  const log = await logRun(dialect, LOG_SIZES, LOG_REPEATS, DB_PREFIX, (m) => progress(`${name}: log: ${m}`));
  const atScale = await consoleOnDatabaseOfItsOwn(
    dialect,
    `${DB_PREFIX}_console_${process.pid}`,
    CONSOLE_SIZES,
    (m) => progress(`${name}: console: ${m}`),
  );
  return {
    startMs,
    baseline,
    allRows,
    profile,
    server,
    bare,
    cli,
    scim,
    webhooks,
    tasks,
    reviews,
    memory,
    log,
    console: atScale,
  };
}

/** The access-review figures, on a server (and, for PostgreSQL, a database) of their own. */
async function reviewsOnDatabaseOfItsOwn(dialect: Dialect, postgres: boolean): Promise<ReviewsResults> {
  const name = `roster_bench_reviews_${process.pid}`;
  const url = postgres ? await createPostgresDatabase(name) : undefined;
  try {
    return await reviewsRun(dialect, url, REVIEW_SIZES, (m) => progress(`${NAMES[dialect]}: reviews: ${m}`));
  } finally {
    if (url) await dropPostgresDatabase(name);
  }
}

/** RSS around the big import and the big add, on a fresh server (and database) of their own. */
async function memoryOnFreshServer(dialect: Dialect): Promise<MemoryResults> {
  const name = `${DB_PREFIX}_memory_${process.pid}`;
  const url = dialect === 'postgres' ? await createPostgresDatabase(name) : undefined;
  try {
    return await memoryRun(url, sizes.adds.at(-1) as number, (m) =>
      progress(`${NAMES[dialect]}: memory: ${m}`),
    );
  } finally {
    if (url) await dropPostgresDatabase(name);
  }
}

/** A campaign's start against the grant-row baseline, the reviewer's far page, the evidence's memory. */
function reviewRows(of: (d: Dialect) => { reviews: ReviewsResults; baseline: number }): string[][] {
  const grants = int(REVIEW_SIZES.grants);
  const far = int(REVIEW_SIZES.farPage);
  const startRatio = (d: Dialect) => of(d).reviews.tasksPerSecond / of(d).baseline;
  const pageRatio = (d: Dialect) => of(d).reviews.farPageMs / of(d).reviews.page1Ms;
  const growth = (d: Dialect) => Math.max(0, of(d).reviews.rssPeak - of(d).reviews.rssBefore);
  return [
    [
      `Grant rows inserted, ${int(BASELINE_ROWS)} in batches of ${int(BATCH_SIZE)} (baseline)`,
      ...DIALECTS.flatMap((d) => [`${int(of(d).baseline)} rows/s`, '1.00']),
    ],
    [
      `Access review start over ${grants} grants → all certify tasks (ratio: to baseline)`,
      ...DIALECTS.flatMap((d) => {
        const r = of(d).reviews;
        return [
          `${int(r.tasksPerSecond)} tasks/s (${(r.startMs / 1000).toFixed(1)} s)`,
          ratio(startRatio(d)),
        ];
      }),
    ],
    goalRow('tasks created ≥ 0.3 × grant rows inserted', startRatio, (v) => v >= 0.3, ratio),
    [
      `Reviewer's queue (${grants} open), page 1 → page ${far} of 100, median (ratio)`,
      ...DIALECTS.flatMap((d) => {
        const r = of(d).reviews;
        return [`${ms(r.page1Ms)} → ${ms(r.farPageMs)} ms`, ratio(pageRatio(d))];
      }),
    ],
    goalRow(`page ${far} ≤ 1.2 × page 1`, pageRatio, (v) => v <= 1.2, ratio),
    [
      `Evidence of that campaign (JSON, ${grants} items) streamed: size, time`,
      ...DIALECTS.flatMap((d) => {
        const r = of(d).reviews;
        return [`${mb(r.evidenceBytes)} in ${(r.evidenceMs / 1000).toFixed(1)} s`, ''];
      }),
    ],
    goalRow('server RSS growth while streaming ≤ 50 MB', growth, (v) => v <= 50 * 1024 * 1024, mb),
  ];
}

/** RSS before, at the peak and 10 s after the big import and the big add (issue 21 goal 3). */
function memoryRows(of: (d: Dialect) => MemoryResults): string[][] {
  const big = int(sizes.adds.at(-1) as number);
  const spanRow = (label: string, pick: (m: MemoryResults) => MemorySpan) => [
    label,
    ...DIALECTS.flatMap((d) => {
      const s = pick(of(d));
      return [`${mb(s.before)} → ${mb(s.peak)} → ${mb(s.after)}`, ''];
    }),
  ];
  const settles = (pick: (m: MemoryResults) => MemorySpan) =>
    goalRow(
      'RSS 10 s after ≤ 50 MB over before',
      (d) => pick(of(d)).after - pick(of(d)).before,
      (v) => v <= 50 * 1024 * 1024,
      (v) => `${v < 0 ? '-' : '+'}${mb(Math.abs(v))}`,
    );
  return [
    [`Server RSS on a fresh server: before → peak → 10 s after`, '', '', '', ''],
    spanRow(`  import of ${big} users (POST /roster/v1/users/import)`, (m) => m.import),
    settles((m) => m.import),
    spanRow(`  then add-manual-user of those ${big} users, to SUCCEEDED`, (m) => m.add),
    settles((m) => m.add),
    goalRow(
      `peak RSS of that add ≤ 300 MB`,
      (d) => of(d).add.peak,
      (v) => v <= 300 * 1024 * 1024,
      mb,
    ),
  ];
}

/** System-log search over a small and a large log (issue 21 goal 7): each filter's 1M / 10k ratio. */
function logRows(of: (d: Dialect) => LogResults): string[][] {
  const [small, large] = LOG_SIZES.map(int);
  const first = of(DIALECTS[0] as Dialect);
  const pair = (p: readonly [number, number]) => [`${ms(p[0])} → ${ms(p[1])} ms`, ratio(p[1] / p[0])];
  return [
    [
      `System-log page of 100, newest first: ${small} → ${large} events (ratio: ${large} to ${small})`,
      '',
      '',
      '',
      '',
    ],
    ...first.filters.flatMap((filter, i) => {
      const at = (d: Dialect) => of(d).filters[i] as LogResults['filters'][number];
      return [
        [`  ${filter.label}: page 1`, ...DIALECTS.flatMap((d) => pair(at(d).page1))],
        [
          `  ${filter.label}: page ${DIALECTS.map((d) => at(d).deepPage).join(' / ')}`,
          ...DIALECTS.flatMap((d) => pair(at(d).deep)),
        ],
      ];
    }),
    goalRow(
      `every filtered page over ${large} ≤ 2 × over ${small} (worst)`,
      (d) => Math.max(...of(d).filters.flatMap((f) => [f.page1[1] / f.page1[0], f.deep[1] / f.deep[0]])),
      (v) => v <= 2,
      ratio,
    ),
  ];
}

/** Each filter's plan on the large log (EXPLAIN): the index it reads, and whether it sorts. */
function logPlans(of: (d: Dialect) => LogResults): string[] {
  return DIALECTS.flatMap((d) => [
    `${NAMES[d]} plans over ${int(LOG_SIZES[1])} events:`,
    ...of(d).filters.map((f) => `  ${f.label}: ${f.plan}${f.indexedInOrder ? '' : ' (not index order)'}`),
  ]);
}

/** The task figures, on servers of their own (and, for PostgreSQL, databases of their own). */
async function tasksOnDatabaseOfItsOwn(dialect: Dialect, postgres: boolean): Promise<TasksResults> {
  const names = {
    small: `roster_bench_tasks_small_${process.pid}`,
    large: `roster_bench_tasks_large_${process.pid}`,
  };
  const urls = postgres
    ? { small: await createPostgresDatabase(names.small), large: await createPostgresDatabase(names.large) }
    : undefined;
  try {
    return await tasksRun(dialect, urls, TASK_SIZES, (m) => progress(`${NAMES[dialect]}: tasks: ${m}`));
  } finally {
    if (urls) {
      await dropPostgresDatabase(names.small);
      await dropPostgresDatabase(names.large);
    }
  }
}

/** Task search as the table grows (the goal: 100k-task page ≤ 2 × 1k-task page), approve → listed. */
function taskRows(of: (d: Dialect) => TasksResults): string[][] {
  const small = int(TASK_SIZES.small);
  const large = int(TASK_SIZES.large);
  const first = of(DIALECTS[0] as Dialect);
  const listed = (label: string, pick: (r: TasksResults) => TasksResults['approve'], base: boolean) => [
    label,
    ...DIALECTS.flatMap((d) => {
      const r = of(d);
      const t = pick(r);
      return [`${ms(t.medianMs)} / ${ms(t.p95Ms)} ms`, base ? '1.00' : ratio(t.medianMs / r.addOne.medianMs)];
    }),
  ];
  return [
    [`Task search, page of 100: ${small} → ${large} tasks (ratio: ${large} to ${small})`, '', '', '', ''],
    ...first.searches.map((search, i) => [
      `  ${search.label}`,
      ...DIALECTS.flatMap((d) => {
        const s = of(d).searches[i] as TasksResults['searches'][number];
        return [`${ms(s.smallMs)} → ${ms(s.largeMs)} ms`, ratio(s.largeMs / s.smallMs)];
      }),
    ]),
    goalRow(
      `every task search over ${large} ≤ 2 × over ${small} (worst)`,
      (d) => Math.max(...of(d).searches.map((s) => s.largeMs / s.smallMs)),
      (v) => v <= 2,
      ratio,
    ),
    listed(
      `add-manual-user of 1 user: 200 → member listed, median / p95 of ${TASK_SIZES.approvals}`,
      (r) => r.addOne,
      true,
    ),
    listed(
      `final approve of a grant task: 200 → member listed (ratio: to add-manual-user)`,
      (r) => r.approve,
      false,
    ),
    [
      '  request sent → member listed, median: approve / add-manual-user',
      ...DIALECTS.flatMap((d) => {
        const r = of(d);
        return [
          `${ms(r.approve.totalMedianMs)} / ${ms(r.addOne.totalMedianMs)} ms`,
          ratio(r.approve.totalMedianMs / r.addOne.totalMedianMs),
        ];
      }),
    ],
  ];
}

/** The SCIM figure: its baseline is add-manual-user of the same users on the same server. */
function scimRows(of: (d: Dialect) => ScimResults): string[][] {
  const size = int(SCIM_MEMBERS);
  return [
    [
      `add-manual-user, ${size} users, request → SUCCEEDED`,
      ...DIALECTS.flatMap((d) => [`${int(of(d).addManualUsersPerSecond)} users/s`, '1.00']),
    ],
    [
      `SCIM PATCH adding ${size} members, request → 200 (applied)`,
      ...DIALECTS.flatMap((d) => {
        const r = of(d);
        return [
          `${int(r.scimPatchUsersPerSecond)} users/s`,
          ratio(r.scimPatchUsersPerSecond / r.addManualUsersPerSecond),
        ];
      }),
    ],
  ];
}

/** Roster's rate on a read as a ratio of its bare twin, and of the tiny-body /bare beside it. */
const READ_GOALS: Record<(typeof HOT_READS)[number]['name'], Record<Dialect, number>> = {
  entitlement: { sqlite: 0.5, postgres: 0.3 },
  members: { sqlite: 0.4, postgres: 0.25 },
  user: { sqlite: 0.5, postgres: 0.3 },
};

function readRows(of: (d: Dialect) => { reads: readonly ReadResult[]; bare: LoadResult }): string[][] {
  const result = (d: Dialect, name: string) => of(d).reads.find((r) => r.name === name) as ReadResult;
  return HOT_READS.flatMap(({ name, label }) => {
    const toTwin = (d: Dialect) =>
      result(d, name).roster.requestsPerSecond / result(d, name).twin.requestsPerSecond;
    return [
      [
        `${label}, ${sizes.loadConnections} conns (ratio: to its bare twin)`,
        ...DIALECTS.flatMap((d) => [
          `${int(result(d, name).roster.requestsPerSecond)} req/s`,
          ratio(toTwin(d)),
        ]),
      ],
      [
        `  median of ${result('sqlite', name).pairs} alternating 1 s rounds' ratios to the twin (lowest–highest)`,
        ...DIALECTS.flatMap((d) => ['', pairSpread(result(d, name))]),
      ],
      [
        '  bare twin: the same bytes and headers from memory',
        ...DIALECTS.flatMap((d) => [
          `${int(result(d, name).twin.requestsPerSecond)} req/s, ${int(result(d, name).bytes)} B`,
          '1.00',
        ]),
      ],
      [
        "  data floor: Roster's service call, then the same bytes (no hooks, no serialization)",
        ...DIALECTS.flatMap((d) => [
          `${int(result(d, name).floor.requestsPerSecond)} req/s`,
          spreadCell(result(d, name).floorRatios),
        ]),
      ],
      [
        '  Roster to its data floor',
        ...DIALECTS.flatMap((d) => [
          '',
          ratio(result(d, name).roster.requestsPerSecond / result(d, name).floor.requestsPerSecond),
        ]),
      ],
      [
        '  ratio to the tiny-body /bare (as before)',
        ...DIALECTS.flatMap((d) => [
          '',
          ratio(result(d, name).roster.requestsPerSecond / of(d).bare.requestsPerSecond),
        ]),
      ],
      [
        '  p50 / p99 latency: Roster, twin',
        ...DIALECTS.flatMap((d) => {
          const r = result(d, name);
          return [`${r.roster.p50Ms} / ${r.roster.p99Ms}, ${r.twin.p50Ms} / ${r.twin.p99Ms} ms`, ''];
        }),
      ],
      [
        `  goal: ≥ ${READ_GOALS[name].sqlite} (SQLite) / ${READ_GOALS[name].postgres} (PostgreSQL) of the twin`,
        ...DIALECTS.flatMap((d) => [ratio(toTwin(d)), toTwin(d) >= READ_GOALS[name][d] ? 'met' : 'NOT met']),
      ],
    ];
  });
}

/** A goal row: the figure each dialect reached against the goal, and whether it is met. */
function goalRow(
  label: string,
  of: (d: Dialect) => number,
  met: (value: number) => boolean,
  show: (value: number) => string,
): string[] {
  return [`  goal: ${label}`, ...DIALECTS.flatMap((d) => [show(of(d)), met(of(d)) ? 'met' : 'NOT met'])];
}

function report(results: Record<Dialect, DialectResults>): string {
  const both = (cell: (r: DialectResults, d: Dialect) => [string, string]) =>
    DIALECTS.flatMap((d) => cell(results[d], d));
  const big = sizes.adds[sizes.adds.length - 1] as number;
  const bigAdd = (r: DialectResults) => r.server.adds[r.server.adds.length - 1] as AddResult;
  const addRows = (label: string, add: (r: DialectResults) => AddResult) => [
    [
      label,
      ...both((r) => [`${int(add(r).usersPerSecond)} users/s`, ratio(add(r).usersPerSecond / r.baseline)]),
    ],
    ['  rows written per member added', ...both((r) => [add(r).rowsPerMember.toFixed(2), ''])],
  ];
  const ownRows = (r: DialectResults) => r.profile.ownRowsUsersPerSecond ?? Number.NaN;
  const bareRatio = (r: DialectResults, load: LoadResult) =>
    load.requestsPerSecond / r.bare.requestsPerSecond;
  const rows: string[][] = [
    ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
    [
      `Baseline: grant rows, multi-row INSERT, ${int(BATCH_SIZE)}/tx`,
      ...both((r) => [`${int(r.baseline)} rows/s`, '1.00']),
    ],
    [
      'Variant: all 6 rows of a new member, 1,000/tx',
      ...both((r) => [`${int(r.allRows)} users/s`, ratio(r.allRows / r.baseline)]),
    ],
    [
      `Runner alone, in-process, ${int(PROFILE_USERS)} users`,
      ...both((r) => [
        `${int(r.profile.usersPerSecond)} users/s`,
        ratio(r.profile.usersPerSecond / r.baseline),
      ]),
    ],
    ['  rows it inserts per member', ...both((r) => [r.profile.rowsPerUser.toFixed(2), ''])],
    [
      '  inserting exactly those rows, nothing else (ratio: runner to it)',
      ...both((r) => [
        r.profile.ownRowsUsersPerSecond === undefined ? 'failed' : `${int(ownRows(r))} users/s`,
        ratio(r.profile.usersPerSecond / ownRows(r)),
      ]),
    ],
    goalRow(
      'runner ≥ 0.8 × its own rows',
      (d) => results[d].profile.usersPerSecond / ownRows(results[d]),
      (v) => v >= 0.8,
      ratio,
    ),
    ...sizes.adds.flatMap((size, i) =>
      addRows(`Add ${int(size)} users, request → SUCCEEDED`, (r) => r.server.adds[i] as AddResult),
    ),
    goalRow(
      `${int(big)}-user add ≥ 0.35 × baseline`,
      (d) => bigAdd(results[d]).usersPerSecond / results[d].baseline,
      (v) => v >= 0.35,
      ratio,
    ),
    ...addRows(
      `Add ${int(big)} users to a 2nd entitlement of the app (app users exist)`,
      (r) => r.server.secondEntitlementAdd,
    ),
    goalRow(
      '2nd-entitlement add ≥ 0.5 × baseline',
      (d) => results[d].server.secondEntitlementAdd.usersPerSecond / results[d].baseline,
      (v) => v >= 0.5,
      ratio,
    ),
    [
      `Two processes, ${int(big)} users (ratio: to one)`,
      ...both((r) => {
        const two = r.server.twoProcessUsersPerSecond;
        const one = bigAdd(r).usersPerSecond;
        return two === undefined ? ['-', ''] : [`${int(two)} users/s`, ratio(two / one)];
      }),
    ],
    [`${int(big)}-ID request → 200`, ...both((r) => [`${ms(bigAdd(r).acceptedMs)} ms`, ''])],
    goalRow(
      `${int(big)}-ID request → 200 ≤ 250 ms`,
      (d) => bigAdd(results[d]).acceptedMs,
      (v) => v <= 250,
      (v) => `${ms(v)} ms`,
    ),
    ['Server RSS 1 s after start', ...both((r) => [mb(r.server.startRss), ''])],
    goalRow(
      'RSS at rest ≤ 120 MB',
      (d) => results[d].server.startRss,
      (v) => v <= 120 * 1024 * 1024,
      mb,
    ),
    [
      `Server RSS: before → peak of the ${int(big)} add`,
      ...both((r) => [`${mb(r.server.idleRss)} → ${mb(r.server.peakRss)}`, '']),
    ],
    goalRow(
      `peak RSS of the ${int(big)} add ≤ 300 MB`,
      (d) => results[d].server.peakRss,
      (v) => v <= 300 * 1024 * 1024,
      mb,
    ),
    ['npm start → first 200 from /healthz', ...both((r) => [`${ms(r.startMs)} ms`, ''])],
    goalRow(
      'npm start ≤ 2 s',
      (d) => results[d].startMs,
      (v) => v <= 2_000,
      (v) => `${ms(v)} ms`,
    ),
    [
      `CLI members add --file, ${int(big)} lines (ratio: to one API request)`,
      ...both((r) => [
        `${int(r.cli.cliUsersPerSecond)} users/s`,
        ratio(r.cli.cliUsersPerSecond / r.cli.apiUsersPerSecond),
      ]),
    ],
    ['  CLI peak RSS over that add', ...both((r) => [mb(r.cli.cliPeakRss), ''])],
    [
      `Page 1 of ${int(sizes.seededGrants)} grants (median of ${sizes.pageRequests})`,
      ...both((r) => [`${ms(r.server.page1Ms)} ms`, '1.00']),
    ],
    [
      `Page ${int(sizes.farPage)} (ratio: to page 1)`,
      ...both((r) => [`${ms(r.server.farPageMs)} ms`, ratio(r.server.farPageMs / r.server.page1Ms)]),
    ],
    [
      `Bare Fastify GET /bare, ${sizes.loadConnections} conns, ${sizes.loadSeconds} s`,
      ...both((r) => [`${int(r.bare.requestsPerSecond)} req/s`, '1.00']),
    ],
    [
      `GET entitlement of ${int(sizes.adds[0] as number)} grants, bearer (ratio: to bare)`,
      ...both((r) => [
        `${int(r.server.getEntitlement.requestsPerSecond)} req/s`,
        ratio(bareRatio(r, r.server.getEntitlement)),
      ]),
    ],
    [
      '  p50 / p99 latency under that load',
      ...both((r) => [`${r.server.getEntitlement.p50Ms} / ${r.server.getEntitlement.p99Ms} ms`, '']),
    ],
    goalRow(
      'GET ≥ 0.5 × bare',
      (d) => bareRatio(results[d], results[d].server.getEntitlement),
      (v) => v >= 0.5,
      ratio,
    ),
    [
      `  the same while ${int(big)} users are added: p50 / p99 (ratio: p99 to at rest)`,
      ...both((r) => [
        `${r.server.getEntitlementDuringAdd.p50Ms} / ${r.server.getEntitlementDuringAdd.p99Ms} ms${
          r.server.getEntitlementDuringAdd.errors > 0
            ? `, ${r.server.getEntitlementDuringAdd.errors} of ${r.server.getEntitlementDuringAdd.total} timed out (10 s)`
            : ''
        }`,
        ratio(r.server.getEntitlementDuringAdd.p99Ms / r.server.getEntitlement.p99Ms),
      ]),
    ],
    [
      "  that add's batch transactions (SQLite: write-lock hold): count, p99 (max ≤)",
      ...both((r) => [
        `${int(r.server.batchesDuringAdd.batches)}, ${r.server.batchesDuringAdd.p99Ms.toFixed(0)} ms (${r.server.batchesDuringAdd.maxMs.toFixed(0)} ms)`,
        '',
      ]),
    ],
    goalRow(
      'p99 during an add ≤ 3 × at rest (none timed out)',
      (d) =>
        results[d].server.getEntitlementDuringAdd.errors > 0
          ? Number.POSITIVE_INFINITY
          : results[d].server.getEntitlementDuringAdd.p99Ms / results[d].server.getEntitlement.p99Ms,
      (v) => v <= 3,
      ratio,
    ),
    [
      'GET …/entitlements/{id}/users?page_size=100, bearer (ratio: to bare)',
      ...both((r) => [
        `${int(r.server.membersPage.requestsPerSecond)} req/s`,
        ratio(bareRatio(r, r.server.membersPage)),
      ]),
    ],
    goalRow(
      'page of 100 members ≥ 0.25 × bare',
      (d) => bareRatio(results[d], results[d].server.membersPage),
      (v) => v >= 0.25,
      ratio,
    ),
    ...readRows((d) => ({ reads: results[d].server.reads, bare: results[d].bare })),
    ...scimRows((d) => results[d].scim),
    ...webhookRows(DIALECTS, (d) => results[d].webhooks),
    ...consoleRows(DIALECTS, (d) => results[d].console),
    ...taskRows((d) => results[d].tasks),
    ...reviewRows((d) => results[d]),
    ...memoryRows((d) => results[d].memory),
    ...logRows((d) => results[d].log),
  ];

  const amplification = [
    'Rows written per member, by table',
    ...DIALECTS.flatMap((d) => [
      `${NAMES[d]}, runner: ${results[d].profile.rowsByTable}`,
      `${NAMES[d]}, ${int(big)} add: ${bigAdd(results[d]).rowsByTable}`,
      `${NAMES[d]}, 2nd entitlement: ${results[d].server.secondEntitlementAdd.rowsByTable}`,
      ...(results[d].profile.replayError
        ? [`${NAMES[d]}, replay failed: ${results[d].profile.replayError}`]
        : []),
    ]),
  ];

  const labels = [...new Set(DIALECTS.flatMap((d) => results[d].profile.parts.map((p) => p.label)))];
  const share = (d: Dialect, label: string) => results[d].profile.parts.find((p) => p.label === label);
  const profileRows = [
    ['Runner time per 1,000-user batch', 'SQLite', 'share', 'PostgreSQL', 'share'],
    ...labels
      .filter((label) => DIALECTS.some((d) => (share(d, label)?.share ?? 0) >= 0.005))
      .map((label) => [
        label,
        ...DIALECTS.flatMap((d) => {
          const part = share(d, label);
          return part ? [`${ms(part.msPerBatch)} ms`, pct(part.share)] : ['-', ''];
        }),
      ]),
  ];

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Roster bench${quick ? ' — QUICK SMOKE RUN, figures meaningless' : ''}: ${startedAt.toISOString()}`,
    `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} RAM`,
    '',
    formatTable(rows),
    '',
    formatTable(profileRows),
    '',
    ...amplification,
    '',
    ...logPlans((d) => results[d].log),
    '',
  ].join('\n');
}

interface AddsResults {
  readonly baseline: number;
  readonly costs: MemberRowCosts;
  readonly profile: RunnerProfile;
  readonly adds: AddsOnlyResults;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** `--adds`: the add figures of both databases, each against its own baseline, and the load seen. */
async function addsOnlyRun(pgName: string, onCreated: () => void): Promise<string> {
  buildWhenStale();
  const results = {} as Record<Dialect, AddsResults>;
  const loads: string[] = [];
  const big = sizes.adds.at(-1) as number;
  for (const d of DIALECTS) {
    const url = d === 'postgres' ? await createPostgresDatabase(pgName) : undefined;
    if (url) onCreated();
    const name = NAMES[d];
    loads.push(`${name} start: ${loadAverage()}`);
    progress(`${name}: baseline, ${int(BASELINE_ROWS)} grant rows`);
    const baseline = await grantInsertBaseline(d, BASELINE_ROWS, url);
    progress(`${name}: what each table and index costs per member, ${int(PROFILE_USERS)} members`);
    const costs = await memberRowCosts(d, PROFILE_USERS, url);
    // Printed at once too: the costs take minutes, and a later step that fails should not lose them.
    progress(`${name}: costs ${JSON.stringify(costs)}`);
    progress(`${name}: the runner on ${int(PROFILE_USERS)} users`);
    const profile = await profileRunner(d, PROFILE_USERS, url);
    const adds = await addsRun(d, url, big, 2, (m) => progress(`${name}: ${m}`));
    loads.push(`${name} end: ${loadAverage()}`);
    results[d] = { baseline, costs, profile, adds };
  }
  progress(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
  const both = (cell: (r: AddsResults, d: Dialect) => [string, string]) =>
    DIALECTS.flatMap((d) => cell(results[d], d));
  const us = (n: number) => `${n.toFixed(1)} µs`;
  const rows: string[][] = [
    ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
    [
      `Baseline: grant rows, multi-row INSERT, ${int(BATCH_SIZE)}/tx`,
      ...both((r) => [`${int(r.baseline)} rows/s`, '1.00']),
    ],
    [
      `Three rows of a new member, every index, ${int(BATCH_SIZE)}/tx (per member)`,
      ...both((r) => [
        `${int(1e6 / r.costs.allUs)} users/s, ${us(r.costs.allUs)}`,
        ratio(1e6 / r.costs.allUs / r.baseline),
      ]),
    ],
    ...TABLE_NAMES.map((table) => [
      `  ${table} row alone (share of the three)`,
      ...both((r) => {
        const t = r.costs.tables.find((x) => x.table === table);
        return t ? [us(t.us), pct(t.us / r.costs.allUs)] : ['-', ''];
      }),
    ]),
    ['  saved per member by dropping one secondary index:', '', '', '', ''],
    ...[
      ...new Set(DIALECTS.flatMap((d) => results[d].costs.indexes.map((i) => `${i.table}.${i.index}`))),
    ].map((key) => [
      `    ${key}`,
      ...both((r) => {
        const i = r.costs.indexes.find((x) => `${x.table}.${x.index}` === key);
        return i ? [us(i.savedUs), pct(i.savedUs / r.costs.allUs)] : ['-', ''];
      }),
    ]),
    ...(results.postgres.costs.methods.length > 0
      ? [
          ['  PostgreSQL, the same rows on one raw connection (ratio: to baseline):', '', '', '', ''],
          ...results.postgres.costs.methods.map((m) => [
            `    ${m.label}`,
            '-',
            '',
            `${int(1e6 / m.us)} users/s, ${us(m.us)}`,
            ratio(1e6 / m.us / results.postgres.baseline),
          ]),
        ]
      : []),
    [
      `Runner alone, in-process, ${int(PROFILE_USERS)} users`,
      ...both((r) => [
        `${int(r.profile.usersPerSecond)} users/s`,
        ratio(r.profile.usersPerSecond / r.baseline),
      ]),
    ],
    [
      '  inserting exactly its rows, nothing else (ratio: runner to it)',
      ...both((r) => {
        const own = r.profile.ownRowsUsersPerSecond ?? Number.NaN;
        return [`${int(own)} users/s`, ratio(r.profile.usersPerSecond / own)];
      }),
    ],
    [
      `Add ${int(big)} users, request → SUCCEEDED`,
      ...both((r) => [
        `${int(r.adds.add.usersPerSecond)} users/s`,
        ratio(r.adds.add.usersPerSecond / r.baseline),
      ]),
    ],
    ['  rows written per member added', ...both((r) => [r.adds.add.rowsPerMember.toFixed(2), ''])],
    goalRow(
      `${int(big)}-user add ≥ 0.35 × baseline`,
      (d) => results[d].adds.add.usersPerSecond / results[d].baseline,
      (v) => v >= 0.35,
      ratio,
    ),
    [
      `Add ${int(big)} users to a 2nd entitlement of the app (app users exist)`,
      ...both((r) => [
        `${int(r.adds.secondEntitlementAdd.usersPerSecond)} users/s`,
        ratio(r.adds.secondEntitlementAdd.usersPerSecond / r.baseline),
      ]),
    ],
    [
      `${int(big)}-ID request → 200, each of ${results.sqlite.adds.acceptedMs.length}`,
      ...both((r) => [r.adds.acceptedMs.map((v) => ms(v)).join(' / '), '']),
    ],
    goalRow(
      `${int(big)}-ID request → 200 ≤ 250 ms (median)`,
      (d) => median(results[d].adds.acceptedMs),
      (v) => v <= 250,
      (v) => `${ms(v)} ms`,
    ),
  ];
  const labels = [...new Set(DIALECTS.flatMap((d) => results[d].profile.parts.map((p) => p.label)))];
  const part = (d: Dialect, label: string) => results[d].profile.parts.find((p) => p.label === label);
  const profileRows = [
    [`Runner time per ${int(BATCH_SIZE)}-user batch`, 'SQLite', 'share', 'PostgreSQL', 'share'],
    ...labels
      .filter((label) => DIALECTS.some((d) => (part(d, label)?.share ?? 0) >= 0.005))
      .map((label) => [
        label,
        ...DIALECTS.flatMap((d) => {
          const p = part(d, label);
          return p ? [`${ms(p.msPerBatch)} ms`, pct(p.share)] : ['-', ''];
        }),
      ]),
  ];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Roster adds bench${quick ? ' — QUICK SMOKE RUN, figures meaningless' : ''}: ${startedAt.toISOString()}`,
    `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} RAM`,
    `load average (1/5/15 min): ${loads.join('; ')}`,
    '',
    formatTable(rows),
    '',
    formatTable(profileRows),
    '',
  ].join('\n');
}

const TABLE_NAMES = ['app_users', 'grants', 'grant_events'];

async function main(): Promise<void> {
  const pgName = `${DB_PREFIX}_${process.pid}`;
  let pgCreated = false;
  const cleanUp = async () => {
    killAllChildren();
    if (pgCreated) await dropPostgresDatabase(pgName);
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    if (addsOnly) {
      const text = await addsOnlyRun(pgName, () => {
        pgCreated = true;
      });
      process.stdout.write(`\n${text}`);
      if (process.env.BENCH_OUTPUT) await fs.writeFile(process.env.BENCH_OUTPUT, text);
      return;
    }
    if (scimOnly) {
      const scim = {} as Record<Dialect, ScimResults>;
      scim.sqlite = await scimRun('sqlite', undefined, SCIM_MEMBERS, (m) => progress(`SQLite: ${m}`));
      const url = await createPostgresDatabase(pgName);
      pgCreated = true;
      scim.postgres = await scimRun('postgres', url, SCIM_MEMBERS, (m) => progress(`PostgreSQL: ${m}`));
      const table = formatTable([
        ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
        ...scimRows((d) => scim[d]),
      ]);
      process.stdout.write(`\nRoster SCIM bench: ${startedAt.toISOString()}\n\n${table}\n`);
      return;
    }
    if (readsOnly) {
      buildWhenStale();
      const reads = {} as Record<Dialect, { reads: ReadResult[]; bare: LoadResult }>;
      for (const d of DIALECTS) {
        const url = d === 'postgres' ? await createPostgresDatabase(pgName) : undefined;
        pgCreated ||= url !== undefined;
        const measured = await readsRun(url, sizes, (m) => progress(`${NAMES[d]}: ${m}`));
        progress(`${NAMES[d]}: bare Fastify GET /bare under the same load`);
        reads[d] = { reads: measured, bare: await bareServerLoad() };
      }
      progress(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
      const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
      const table = formatTable([
        ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
        [
          `Bare Fastify GET /bare, ${sizes.loadConnections} conns, ${sizes.loadSeconds} s`,
          ...DIALECTS.flatMap((d) => [`${int(reads[d].bare.requestsPerSecond)} req/s`, '1.00']),
        ],
        ...readRows((d) => reads[d]),
      ]);
      process.stdout.write(
        `\nRoster reads bench${quick ? ' — QUICK SMOKE RUN, figures meaningless' : ''}: ${startedAt.toISOString()}\n` +
          `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} RAM, load average ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}\n\n${table}\n`,
      );
      return;
    }
    if (reviewsOnly) {
      buildWhenStale();
      const reviews = {} as Record<Dialect, { reviews: ReviewsResults; baseline: number }>;
      for (const d of DIALECTS) {
        const url = d === 'postgres' ? await createPostgresDatabase(pgName) : undefined;
        pgCreated ||= url !== undefined;
        progress(`${NAMES[d]}: baseline, ${BASELINE_ROWS.toLocaleString('en-US')} grant rows`);
        const baseline = await grantInsertBaseline(d, BASELINE_ROWS, url);
        reviews[d] = { baseline, reviews: await reviewsOnDatabaseOfItsOwn(d, url !== undefined) };
      }
      progress(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
      const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
      const table = formatTable([
        ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
        ...reviewRows((d) => reviews[d]),
      ]);
      process.stdout.write(
        `\nRoster access-review bench${quick ? ' — QUICK SMOKE RUN, figures meaningless' : ''}: ${startedAt.toISOString()}\n` +
          `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} RAM, load average ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}\n\n${table}\n`,
      );
      return;
    }
    if (memoryOnly || logOnly) {
      buildWhenStale();
      const memory = {} as Record<Dialect, MemoryResults>;
      const log = {} as Record<Dialect, LogResults>;
      for (const d of DIALECTS) {
        if (memoryOnly) memory[d] = await memoryOnFreshServer(d);
        if (logOnly) {
          log[d] = await logRun(d, LOG_SIZES, LOG_REPEATS, DB_PREFIX, (m) =>
            progress(`${NAMES[d]}: log: ${m}`),
          );
        }
      }
      progress(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
      const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
      const table = formatTable([
        ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
        ...(memoryOnly ? memoryRows((d) => memory[d]) : []),
        ...(logOnly ? logRows((d) => log[d]) : []),
      ]);
      process.stdout.write(
        `\nRoster ${[memoryOnly ? 'memory' : '', logOnly ? 'system-log' : ''].filter(Boolean).join(' and ')} bench${
          quick ? ' — QUICK SMOKE RUN, figures meaningless' : ''
        }: ${startedAt.toISOString()}\n` +
          `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} RAM, load average ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}\n\n${table}\n${logOnly ? `\n${logPlans((d) => log[d]).join('\n')}\n` : ''}`,
      );
      return;
    }
    if (consoleOnly) {
      buildWhenStale();
      const measured = {} as Record<Dialect, ConsoleResults>;
      for (const d of DIALECTS) {
        measured[d] = await consoleOnDatabaseOfItsOwn(d, `${pgName}_console`, CONSOLE_SIZES, (m) =>
          progress(`${NAMES[d]}: ${m}`),
        );
      }
      const table = formatTable([
        ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
        ...consoleRows(DIALECTS, (d) => measured[d]),
      ]);
      process.stdout.write(
        `\nRoster console bench${quick ? ' — QUICK SMOKE RUN, figures meaningless' : ''}: ${startedAt.toISOString()}\n` +
          `Node ${process.version}, load average ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}\n\n${table}\n`,
      );
      return;
    }
    if (tasksOnly) {
      buildWhenStale();
      const tasks = {} as Record<Dialect, TasksResults>;
      tasks.sqlite = await tasksOnDatabaseOfItsOwn('sqlite', false);
      tasks.postgres = await tasksOnDatabaseOfItsOwn('postgres', true);
      progress(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
      const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
      const table = formatTable([
        ['', 'SQLite', 'ratio', 'PostgreSQL', 'ratio'],
        ...taskRows((d) => tasks[d]),
      ]);
      process.stdout.write(
        `\nRoster task bench${quick ? ' — QUICK SMOKE RUN, figures meaningless' : ''}: ${startedAt.toISOString()}\n` +
          `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} RAM\n\n${table}\n`,
      );
      return;
    }
    buildWhenStale();
    const results = {} as Record<Dialect, DialectResults>;
    results.sqlite = await measure('sqlite', undefined);
    const postgresUrl = await createPostgresDatabase(pgName);
    pgCreated = true;
    results.postgres = await measure('postgres', postgresUrl);
    progress(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
    process.stdout.write(`\n${report(results)}`);
    if (process.env.BENCH_OUTPUT) await fs.writeFile(process.env.BENCH_OUTPUT, report(results));
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
