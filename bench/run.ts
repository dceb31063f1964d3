/**
 * `npm run bench`: Roster's figures on SQLite and on PostgreSQL in one run, each as a ratio to a
 * baseline measured in the same run on the same machine. `--quick` is a smoke run with small sizes,
 * to check the bench itself; its figures mean nothing. `--scim` measures only the SCIM figure,
 * `--tasks` only the task figures, `--reads` only the hot reads against their bare twins, `--console`
 * only the console's entitlement page at scale in Chromium.
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
import { pairSpread, type ReadResult } from './lib/reads-run.js';
import { type ScimResults, scimRun } from './lib/scim-run.js';
import {
  type AddResult,
  HOT_READS,
  readsRun,
  type ServerResults,
  type Sizes,
  serverRun,
} from './lib/server-run.js';
import { formatTable, int, mb, ms, pct, ratio } from './lib/table.js';
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
  const atScale = await consoleOnDatabaseOfItsOwn(
    dialect,
    `roster_bench_console_${process.pid}`,
    CONSOLE_SIZES,
    (m) => progress(`${name}: console: ${m}`),
  );
  return { startMs, baseline, allRows, profile, server, bare, cli, scim, webhooks, tasks, console: atScale };
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
        `  median of ${result('sqlite', name).pairs} alternating 1 s pairs' ratios (lowest–highest)`,
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
  ].join('\n');
}

async function main(): Promise<void> {
  const pgName = `${process.env.BENCH_DATABASE_PREFIX ?? 'roster_bench'}_${process.pid}`;
  let pgCreated = false;
  const cleanUp = async () => {
    killAllChildren();
    if (pgCreated) await dropPostgresDatabase(pgName);
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
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
