/**
 * `npm run bench`: Roster's figures on SQLite and on PostgreSQL in one run, each as a ratio to a
 * baseline measured in the same run on the same machine. `--quick` is a smoke run with small sizes,
 * to check the bench itself; its figures mean nothing. `--scim` measures only the SCIM figure.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { freePort, killAllChildren, type LoadResult, loadTest, startServer } from './lib/children.js';
import { type CliAddResult, cliAddRun } from './lib/cli-run.js';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './lib/databases.js';
import {
  allRowsBaseline,
  BATCH_SIZE,
  grantInsertBaseline,
  profileRunner,
  type RunnerProfile,
} from './lib/inserts.js';
import { type ScimResults, scimRun } from './lib/scim-run.js';
import { type ServerResults, type Sizes, serverRun } from './lib/server-run.js';
import { formatTable, int, mb, ms, pct, ratio } from './lib/table.js';
import { type WebhooksResults, webhookRows, webhooksRun } from './lib/webhooks-run.js';

const quick = process.argv.includes('--quick');
const scimOnly = process.argv.includes('--scim');
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
const BASELINE_ROWS = quick ? 10_000 : 100_000;
const PROFILE_USERS = quick ? 2_000 : 20_000;
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
const NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

interface DialectResults {
  readonly baseline: number;
  readonly allRows: number;
  readonly profile: RunnerProfile;
  readonly server: ServerResults;
  /** The bare Fastify server under the same load, measured right after this dialect's GETs. */
  readonly bare: LoadResult;
  readonly cli: CliAddResult;
  readonly scim: ScimResults;
  readonly webhooks: WebhooksResults;
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

async function measure(dialect: Dialect, postgresUrl: string | undefined): Promise<DialectResults> {
  const name = NAMES[dialect];
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
  const scim = await scimRun(dialect, postgresUrl, SCIM_MEMBERS, (m) => progress(`${name}: SCIM: ${m}`));
  const webhooks = await webhooksRun(dialect, sizes.adds.at(-1) as number, (m) =>
    progress(`${name}: webhooks: ${m}`),
  );
  return { baseline, allRows, profile, server, bare, cli, scim, webhooks };
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

function report(results: Record<Dialect, DialectResults>): string {
  const both = (cell: (r: DialectResults, d: Dialect) => [string, string]) =>
    DIALECTS.flatMap((d) => cell(results[d], d));
  const big = sizes.adds[sizes.adds.length - 1] as number;
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
    ...sizes.adds.map((size, i) => [
      `Add ${int(size)} users, request → SUCCEEDED`,
      ...both((r) => {
        const add = r.server.adds[i] as ServerResults['adds'][number];
        return [`${int(add.usersPerSecond)} users/s`, ratio(add.usersPerSecond / r.baseline)];
      }),
    ]),
    [
      `  goal: ${int(big)}-user add ≥ 0.5 × baseline`,
      ...both((r) => {
        const add = r.server.adds[r.server.adds.length - 1] as ServerResults['adds'][number];
        return ['', add.usersPerSecond / r.baseline >= 0.5 ? 'met' : 'NOT met'];
      }),
    ],
    [
      `Two processes, ${int(big)} users (ratio: to one)`,
      ...both((r) => {
        const two = r.server.twoProcessUsersPerSecond;
        const one = r.server.adds[r.server.adds.length - 1]?.usersPerSecond ?? Number.NaN;
        return two === undefined ? ['-', ''] : [`${int(two)} users/s`, ratio(two / one)];
      }),
    ],
    [
      `${int(big)}-ID request → 200`,
      ...both((r) => [`${ms(r.server.adds[r.server.adds.length - 1]?.acceptedMs ?? Number.NaN)} ms`, '']),
    ],
    [
      `Server RSS: before → peak of the ${int(big)} add`,
      ...both((r) => [`${mb(r.server.idleRss)} → ${mb(r.server.peakRss)}`, '']),
    ],
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
        ratio(r.server.getEntitlement.requestsPerSecond / r.bare.requestsPerSecond),
      ]),
    ],
    [
      '  p50 / p99 latency under that load',
      ...both((r) => [`${r.server.getEntitlement.p50Ms} / ${r.server.getEntitlement.p99Ms} ms`, '']),
    ],
    ...scimRows((d) => results[d].scim),
    ...webhookRows(DIALECTS, (d) => results[d].webhooks),
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
  ].join('\n');
}

async function main(): Promise<void> {
  const pgName = `roster_bench_${process.pid}`;
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
