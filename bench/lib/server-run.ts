import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodePageToken } from '../../src/http/pagination.js';
import {
  addUsersAndWait,
  connectClient,
  createEntitlement,
  createEntitlementOf,
  importUsers,
  type RosterClient,
  readAdminCredentials,
} from './api.js';
import {
  freePort,
  type LoadResult,
  loadTest,
  npmStartEnv,
  npmStartNodeFlags,
  rssBytes,
  type ServerChild,
  sampleRss,
  startServer,
} from './children.js';
import { type Dialect, type ServerDatabase, seededGrantId, seedGrants } from './databases.js';
import { BATCH_SIZE } from './inserts.js';
import { type ReadResult, type RosterDatabase, readsWithTwins } from './reads-run.js';
import { median } from './table.js';
import { countServerRows, describeAdded, rowsAdded, totalRows } from './table-rows.js';

export interface Sizes {
  /** End-to-end adds; the last is the big one (memory, time to 200, two processes). */
  readonly adds: readonly number[];
  readonly seededGrants: number;
  readonly farPage: number;
  readonly pageRequests: number;
  readonly loadSeconds: number;
  readonly loadConnections: number;
}

export interface AddResult {
  readonly size: number;
  readonly usersPerSecond: number;
  readonly acceptedMs: number;
  /** Rows added across every table per member added (write amplification). */
  readonly rowsPerMember: number;
  readonly rowsByTable: string;
}

export interface ServerResults {
  readonly adds: AddResult[];
  /** The last add again, to a second entitlement of the same app: its app users exist. */
  readonly secondEntitlementAdd: AddResult;
  /** RSS of the built server one second after it first answered /healthz, before any other request. */
  readonly startRss: number;
  readonly idleRss: number;
  readonly peakRss: number;
  readonly twoProcessUsersPerSecond: number | undefined;
  readonly page1Ms: number;
  readonly farPageMs: number;
  readonly getEntitlement: LoadResult;
  /** The same GETs while an add of the last size runs. */
  readonly getEntitlementDuringAdd: LoadResult;
  /** That add's batch transactions (on SQLite, how long each held the write lock), from /metrics. */
  readonly batchesDuringAdd: BatchTimes;
  /** GET …/entitlements/{id}/users?page_size=100 (page 1 of the smallest add's members) under load. */
  readonly membersPage: LoadResult;
  /** The hot reads (entitlement, members page, user), each with its bare twin serving its bytes. */
  readonly reads: ReadResult[];
}

/** The reads measured against a bare twin: names as in ReadResult, labels for the report. */
export const HOT_READS = [
  { name: 'entitlement', label: 'GET entitlement' },
  { name: 'members', label: 'GET page of 100 members' },
  { name: 'user', label: 'GET /api/v1/users/{id}' },
] as const;

/**
 * The hot reads under load, each with its twin: the entitlement `target` (holding the smallest
 * add's members), page 1 of its members (100), and the user `userId`.
 */
export function hotReads(
  server: ServerChild,
  database: RosterDatabase,
  token: string,
  target: { appId: string; entitlementId: string },
  userId: string,
  sizes: Sizes,
  progress: (message: string) => void,
): Promise<ReadResult[]> {
  const entitlement = `/api/v1/apps/${target.appId}/entitlements/${target.entitlementId}`;
  const routes: Record<(typeof HOT_READS)[number]['name'], string> = {
    entitlement,
    members: `${entitlement}/users?page_size=100`,
    user: `/api/v1/users/${userId}`,
  };
  return readsWithTwins(
    server.url,
    database,
    token,
    HOT_READS.map((read) => ({ name: read.name, route: routes[read.name] })),
    { seconds: sizes.loadSeconds, connections: sizes.loadConnections },
    progress,
  );
}

/**
 * The hot reads alone (`npm run bench -- --reads`): a fresh Roster, the smallest add's users
 * imported and added to one entitlement, then hotReads.
 */
export async function readsRun(
  databaseUrl: string | undefined,
  sizes: Sizes,
  progress: (message: string) => void,
): Promise<ReadResult[]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-server-'));
  try {
    const server = await startRoster(dataDir, databaseUrl);
    try {
      const client = await connectClient(server.url, await readAdminCredentials(dataDir));
      const size = sizes.adds[0] as number;
      progress(`importing ${size.toLocaleString('en-US')} users and adding them to an entitlement`);
      const userIds = await importUsers(client, size, 'reads');
      const target = await createEntitlement(client, `add ${size}`);
      await addUsersAndWait(client, target, userIds);
      return await hotReads(
        server,
        { dataDir, databaseUrl },
        client.token,
        target,
        userIds[0] as string,
        sizes,
        progress,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const CHUNK_SIZE = 10_000;

export interface BatchTimes {
  readonly batches: number;
  /** p99 of the batch transactions, interpolated within the histogram's bucket (as histogram_quantile). */
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** roster_bulk_batch_seconds from /metrics: cumulative count by upper bound (s), +Inf included. */
async function batchHistogram(url: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(/^roster_bulk_batch_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)) {
    buckets.set(match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]), Number(match[2]));
  }
  return buckets;
}

/** The batches between two scrapes: their count, p99 and the bucket bound of the slowest. */
function batchTimes(before: Map<number, number>, after: Map<number, number>): BatchTimes {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const total = counts.at(-1) ?? 0;
  const rank = 0.99 * total;
  let p99Ms = Number.NaN;
  for (const [i, le] of bounds.entries()) {
    const below = i === 0 ? 0 : (counts[i - 1] as number);
    const lower = i === 0 ? 0 : (bounds[i - 1] as number);
    if ((counts[i] as number) >= rank) {
      const upper = Number.isFinite(le) ? le : lower;
      const inBucket = (counts[i] as number) - below;
      p99Ms = 1000 * (lower + (inBucket === 0 ? 0 : ((upper - lower) * (rank - below)) / inBucket));
      break;
    }
  }
  const slowest = bounds.findIndex((_, i) => (counts[i] as number) >= total);
  return { batches: total, p99Ms, maxMs: 1000 * (bounds[slowest] ?? Number.NaN) };
}

/** A Roster server as a child process, with its own data directory and the bench's batch sizes. */
export async function startRoster(
  dataDir: string,
  databaseUrl: string | undefined,
  extraNodeFlags: readonly string[] = [],
): Promise<ServerChild> {
  const port = await freePort();
  // The built server with `npm start`'s Node flags and environment (the bench builds first when the
  // build is stale).
  return startServer(
    'dist/main.js',
    {
      ROSTER_DATA_DIR: dataDir,
      ROSTER_PORT: String(port),
      // Per-request logging off, as on the bare server it is compared with.
      ROSTER_LOG_LEVEL: 'warn',
      ROSTER_BULK_BATCH_SIZE: String(BATCH_SIZE),
      ROSTER_BULK_CHUNK_SIZE: String(CHUNK_SIZE),
      ...(databaseUrl ? { ROSTER_DATABASE_URL: databaseUrl } : {}),
      ...(await npmStartEnv()),
    },
    port,
    { typescript: false, nodeOptions: [...(await npmStartNodeFlags()), ...extraNodeFlags] },
  );
}

/** One add, timed end to end, with the rows it added in every table. */
async function measuredAdd(
  client: RosterClient,
  database: ServerDatabase,
  target: { appId: string; entitlementId: string },
  userIds: readonly string[],
): Promise<AddResult> {
  const before = await countServerRows(database);
  const timing = await addUsersAndWait(client, target, userIds);
  const added = rowsAdded(before, await countServerRows(database));
  return {
    size: userIds.length,
    usersPerSecond: userIds.length / (timing.totalMs / 1000),
    acceptedMs: timing.acceptedMs,
    rowsPerMember: totalRows(added) / userIds.length,
    rowsByTable: describeAdded(added, userIds.length),
  };
}

/** Median latency of GET page 1 and of the far page, requests interleaved after a warm-up. */
async function pageLatencies(
  client: RosterClient,
  target: { appId: string; entitlementId: string },
  sizes: Sizes,
) {
  const route = `/api/v1/apps/${target.appId}/entitlements/${target.entitlementId}/grants?page_size=100`;
  // Page n starts after the (n-1)*100-th grant: its token is that grant's ID (src/http/pagination.ts).
  const farToken = encodePageToken(seededGrantId((sizes.farPage - 1) * 100));
  const first = await client.call('GET', route);
  if (first.nextPageToken !== encodePageToken(seededGrantId(100))) {
    throw new Error(`page 1's token ${first.nextPageToken} is not the one the bench builds`);
  }
  const far = await client.call('GET', `${route}&page_token=${farToken}`);
  const expected = `A${String((sizes.farPage - 1) * 100 + 1).padStart(26, '0')}`;
  if (far.list.length !== 100 || far.list[0].appUserId !== expected) {
    throw new Error(`page ${sizes.farPage} starts at ${far.list[0]?.appUserId}, not ${expected}`);
  }
  const timed = async (url: string) => {
    const started = performance.now();
    await client.call('GET', url);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) {
    await timed(route);
    await timed(`${route}&page_token=${farToken}`);
  }
  const page1: number[] = [];
  const farPage: number[] = [];
  for (let i = 0; i < sizes.pageRequests; i++) {
    page1.push(await timed(route));
    farPage.push(await timed(`${route}&page_token=${farToken}`));
  }
  return { page1Ms: median(page1), farPageMs: median(farPage) };
}

/**
 * Everything measured against a running Roster (`node --import tsx src/main.ts`, a child process
 * with its own data directory): adds end-to-end, memory, two processes (PostgreSQL), page reads of
 * a seeded entitlement, and authenticated GETs under load.
 */
export async function serverRun(
  dialect: Dialect,
  databaseUrl: string | undefined,
  sizes: Sizes,
  progress: (message: string) => void,
): Promise<ServerResults> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-server-'));
  const dirs = [dataDir];
  const servers: ServerChild[] = [];
  try {
    const server = await startRoster(dataDir, databaseUrl);
    servers.push(server);
    await sleep(1_000);
    const startRss = (await rssBytes(server.pid)) ?? 0;
    const database: ServerDatabase =
      dialect === 'sqlite'
        ? { dialect, file: path.join(dataDir, 'roster.db') }
        : { dialect, url: databaseUrl as string };
    const client = await connectClient(server.url, await readAdminCredentials(dataDir));
    const big = sizes.adds[sizes.adds.length - 1] as number;
    progress(`importing ${big.toLocaleString('en-US')} users`);
    const userIds = await importUsers(client, big, dialect);

    const adds: AddResult[] = [];
    let idleRss = 0;
    let peakRss = 0;
    let small: { appId: string; entitlementId: string } | undefined;
    let bigTarget: { appId: string; entitlementId: string } | undefined;
    for (const size of sizes.adds) {
      const target = await createEntitlement(client, `add ${size}`);
      small ??= target;
      bigTarget = target;
      progress(`adding ${size.toLocaleString('en-US')} users`);
      const sampler = size === big ? sampleRss(server.pid) : undefined;
      if (sampler) idleRss = (await rssBytes(server.pid)) ?? 0;
      adds.push(await measuredAdd(client, database, target, userIds.slice(0, size)));
      if (sampler) peakRss = await sampler.stop();
    }
    const second = await createEntitlementOf(client, (bigTarget as { appId: string }).appId, `second ${big}`);
    progress(`adding ${big.toLocaleString('en-US')} users to a second entitlement of the same app`);
    const secondEntitlementAdd = await measuredAdd(client, database, second, userIds);

    let twoProcessUsersPerSecond: number | undefined;
    if (dialect === 'postgres') {
      const secondDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-server-'));
      dirs.push(secondDir);
      const second = await startRoster(secondDir, databaseUrl);
      servers.push(second);
      const target = await createEntitlement(client, `two processes ${big}`);
      progress(`adding ${big.toLocaleString('en-US')} users with two Roster processes`);
      const timing = await addUsersAndWait(client, target, userIds);
      twoProcessUsersPerSecond = big / (timing.totalMs / 1000);
      await second.stop();
    }

    const seeded = await createEntitlement(client, 'seeded');
    progress(`seeding ${sizes.seededGrants.toLocaleString('en-US')} grants with SQL`);
    await seedGrants(database, seeded.appId, seeded.entitlementId, sizes.seededGrants);
    progress('reading pages');
    const pages = await pageLatencies(client, seeded, sizes);

    const entitlement = small as { appId: string; entitlementId: string };
    const entitlementUrl = `${server.url}/api/v1/apps/${entitlement.appId}/entitlements/${entitlement.entitlementId}`;
    const load = async (url: string, what: string, tolerateTimeouts = false) => {
      const result = await loadTest(url, {
        seconds: sizes.loadSeconds,
        connections: sizes.loadConnections,
        headers: { authorization: `Bearer ${client.token}` },
      });
      // A few timeouts on a loaded machine are latency, not failure; any non-2xx is a failure.
      if (result.non2xx > 0 || (!tolerateTimeouts && result.errors > result.total / 1000)) {
        throw new Error(`${what} under load: ${result.non2xx} non-2xx, ${result.errors} errors`);
      }
      return result;
    };
    const reads = await hotReads(
      server,
      { dataDir, databaseUrl },
      client.token,
      entitlement,
      userIds[0] as string,
      sizes,
      progress,
    );
    const read = (name: string) => (reads.find((r) => r.name === name) as ReadResult).roster;
    const getEntitlement = read('entitlement');
    const membersPage = read('members');

    progress(`GET entitlement under load while ${big.toLocaleString('en-US')} users are added`);
    const during = await createEntitlement(client, `during load ${big}`);
    const batchesBefore = await batchHistogram(server.url);
    const adding = addUsersAndWait(client, during, userIds);
    // Awaited below; a failure is reported there, not as an unhandled rejection meanwhile.
    adding.catch(() => undefined);
    // Requests that time out while the add holds the server are part of the figure (shown beside it).
    const getEntitlementDuringAdd = await load(entitlementUrl, 'GET entitlement during an add', true);
    await adding;
    const batchesDuringAdd = batchTimes(batchesBefore, await batchHistogram(server.url));
    return {
      adds,
      secondEntitlementAdd,
      startRss,
      idleRss,
      peakRss,
      twoProcessUsersPerSecond,
      ...pages,
      getEntitlement,
      getEntitlementDuringAdd,
      batchesDuringAdd,
      membersPage,
      reads,
    };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface AddsOnlyResults {
  /** The big add to a new entitlement, then to a second entitlement of the same app. */
  readonly add: AddResult;
  readonly secondEntitlementAdd: AddResult;
  /** Request → 200 of every big-add request: the two above and `extraRequests` more. */
  readonly acceptedMs: number[];
}

/**
 * The adds alone (`npm run bench -- --adds`): a fresh Roster, `size` users imported, added to a new
 * entitlement and to a second one of the same app (timed to SUCCEEDED), then `extraRequests` more
 * adds of the same IDs to new entitlements for more request → 200 samples.
 */
export async function addsRun(
  dialect: Dialect,
  databaseUrl: string | undefined,
  size: number,
  extraRequests: number,
  progress: (message: string) => void,
): Promise<AddsOnlyResults> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-server-'));
  try {
    const server = await startRoster(dataDir, databaseUrl);
    try {
      const database: ServerDatabase =
        dialect === 'sqlite'
          ? { dialect, file: path.join(dataDir, 'roster.db') }
          : { dialect, url: databaseUrl as string };
      const client = await connectClient(server.url, await readAdminCredentials(dataDir));
      progress(`importing ${size.toLocaleString('en-US')} users`);
      const userIds = await importUsers(client, size, dialect);
      const target = await createEntitlement(client, `add ${size}`);
      progress(`adding ${size.toLocaleString('en-US')} users`);
      const add = await measuredAdd(client, database, target, userIds);
      const second = await createEntitlementOf(client, target.appId, `second ${size}`);
      progress(`adding ${size.toLocaleString('en-US')} users to a second entitlement of the same app`);
      const secondEntitlementAdd = await measuredAdd(client, database, second, userIds);
      const acceptedMs = [add.acceptedMs, secondEntitlementAdd.acceptedMs];
      for (let i = 0; i < extraRequests; i++) {
        progress(`${size.toLocaleString('en-US')}-ID request ${i + 3}`);
        const more = await createEntitlementOf(client, target.appId, `more ${i}`);
        acceptedMs.push((await addUsersAndWait(client, more, userIds)).acceptedMs);
      }
      return { add, secondEntitlementAdd, acceptedMs };
    } finally {
      await server.stop();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
