import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildConsoleIfStale, findChromium, launchChromium, newContext } from '../../test/browser/browser.js';
import {
  addUsersAndWait,
  connectClient,
  createEntitlement,
  importUsers,
  readAdminCredentials,
} from './api.js';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './databases.js';
import { startRoster } from './server-run.js';
import { int, median, ms, ratio } from './table.js';

export interface ConsoleSizes {
  /** Members of the large entitlement (100,000) and of the small one (10). */
  readonly large: number;
  readonly small: number;
  /** Alternating pairs of openings, one of each entitlement's page. */
  readonly pairs: number;
}

export interface ConsoleResults {
  readonly sizes: ConsoleSizes;
  /** Navigation → first row of the members table, each opening, in milliseconds. */
  readonly largeMs: readonly number[];
  readonly smallMs: readonly number[];
  /** Each pair's large opening over its small one. */
  readonly pairRatios: readonly number[];
}

export const consoleMedians = (r: ConsoleResults) => ({
  largeMs: median(r.largeMs),
  smallMs: median(r.smallMs),
  ratio: median(r.largeMs) / median(r.smallMs),
  pairRatio: median(r.pairRatios),
});

/**
 * The console at scale: a fresh Roster (the built server serving the built console), an entitlement
 * of `sizes.large` members and one of `sizes.small`, and Debian's Chromium (as the browser tests
 * launch it) signed in with the bootstrap client. Each opening is a full navigation to the
 * entitlement's page, timed until the first row of its members table is in the page; the two pages
 * alternate (small, large, large, small, …) after one unmeasured opening of each.
 */
export async function consoleRun(
  databaseUrl: string | undefined,
  sizes: ConsoleSizes,
  progress: (message: string) => void,
): Promise<ConsoleResults> {
  const executable = findChromium();
  if (!executable) throw new Error('no Chromium found (install Debian chromium or set ROSTER_CHROMIUM)');
  buildConsoleIfStale();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-console-'));
  try {
    const server = await startRoster(dataDir, databaseUrl);
    try {
      const credentials = await readAdminCredentials(dataDir);
      const client = await connectClient(server.url, credentials);
      progress(`importing ${sizes.large.toLocaleString('en-US')} users, adding them to one entitlement`);
      const userIds = await importUsers(client, sizes.large, 'console');
      const large = await createEntitlement(client, `console ${sizes.large}`);
      await addUsersAndWait(client, large, userIds);
      const small = await createEntitlement(client, `console ${sizes.small}`);
      await addUsersAndWait(client, small, userIds.slice(0, sizes.small));

      const chromium = await launchChromium(executable);
      try {
        const context = await newContext(chromium.browser);
        context.setDefaultTimeout(60_000);
        const page = await context.newPage();
        await page.goto(`${server.url}/`);
        await page.getByLabel('Client ID').fill(credentials.clientId);
        await page.getByLabel(/^Client secret/).fill(credentials.clientSecret);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'Apps' }).waitFor();

        const open = async (target: { appId: string; entitlementId: string }) => {
          const started = performance.now();
          await page.goto(`${server.url}/console/apps/${target.appId}/entitlements/${target.entitlementId}`);
          await page.locator('table tbody tr').first().waitFor();
          return performance.now() - started;
        };
        progress(`opening each entitlement's page, ${sizes.pairs} alternating pairs`);
        await open(small);
        await open(large);
        const largeMs: number[] = [];
        const smallMs: number[] = [];
        for (let pair = 0; pair < sizes.pairs; pair++) {
          if (pair % 2 === 0) {
            smallMs.push(await open(small));
            largeMs.push(await open(large));
          } else {
            largeMs.push(await open(large));
            smallMs.push(await open(small));
          }
        }
        return {
          sizes,
          largeMs,
          smallMs,
          pairRatios: largeMs.map((ms, i) => ms / (smallMs[i] as number)),
        };
      } finally {
        await chromium.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * consoleRun on a database of its own (a server writes its bootstrap credentials only on the first
 * start on a database): a new SQLite file, or a PostgreSQL database `name`, dropped after.
 */
export async function consoleOnDatabaseOfItsOwn(
  dialect: Dialect,
  name: string,
  sizes: ConsoleSizes,
  progress: (message: string) => void,
): Promise<ConsoleResults> {
  const url = dialect === 'postgres' ? await createPostgresDatabase(name) : undefined;
  try {
    return await consoleRun(url, sizes, progress);
  } finally {
    if (url) await dropPostgresDatabase(name);
  }
}

/** The bench's rows: each page's median opening time, and the goal of at most 1.5×. */
export function consoleRows(dialects: readonly Dialect[], of: (d: Dialect) => ConsoleResults): string[][] {
  const sizes = of(dialects[0] as Dialect).sizes;
  const each = (cell: (r: ConsoleResults) => [string, string]) => dialects.flatMap((d) => cell(of(d)));
  return [
    [
      `Console: entitlement of ${int(sizes.large)} members, navigation → first member row (ratio: to ${int(sizes.small)})`,
      ...each((r) => [`${ms(consoleMedians(r).largeMs)} ms`, ratio(consoleMedians(r).ratio)]),
    ],
    [
      `  entitlement of ${int(sizes.small)} members (median of ${sizes.pairs} alternating openings)`,
      ...each((r) => [`${ms(consoleMedians(r).smallMs)} ms`, '1.00']),
    ],
    [
      "  median of the pairs' ratios (lowest–highest)",
      ...each((r) => [
        '',
        `${ratio(consoleMedians(r).pairRatio)} (${ratio(Math.min(...r.pairRatios))}–${ratio(Math.max(...r.pairRatios))})`,
      ]),
    ],
    [
      '  goal: ≤ 1.5 × the small one',
      ...each((r) => [ratio(consoleMedians(r).ratio), consoleMedians(r).ratio <= 1.5 ? 'met' : 'NOT met']),
    ],
  ];
}
