/**
 * A quick measurement of the bulk-action runner alone, for working on it without the whole bench:
 * the raw grant-insert baseline (bench/lib/inserts.ts), then against a running Roster server (a
 * child process) a 100,000-user add of new app users and one of existing app users, the server's
 * peak RSS during the first, and the p99 of an authenticated GET at rest and while a third add runs.
 *
 *   npx tsx bench/runner-check.ts [sqlite|postgres ...] [--users N] [--batch N]
 *
 * PostgreSQL uses a database of its own on BENCH_POSTGRES_URL's server.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  addUsersAndWait,
  connectClient,
  createEntitlement,
  importUsers,
  readAdminCredentials,
} from './lib/api.js';
import { freePort, killAllChildren, loadTest, rssBytes, sampleRss, startServer } from './lib/children.js';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './lib/databases.js';
import { allRowsBaseline, grantInsertBaseline } from './lib/inserts.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const users = option('--users', 100_000);
const batch = option('--batch', 0);
const dialects = args.filter((a): a is Dialect => a === 'sqlite' || a === 'postgres');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function check(dialect: Dialect): Promise<void> {
  const pgName = `roster_runner_check_${process.pid}`;
  const postgresUrl = dialect === 'postgres' ? await createPostgresDatabase(pgName) : undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-runner-check-'));
  try {
    const baseline = await grantInsertBaseline(dialect, users, postgresUrl);
    const ownRows = await allRowsBaseline(dialect, users, postgresUrl);
    const port = await freePort();
    const server = await startServer(
      'src/main.ts',
      {
        ROSTER_DATA_DIR: dataDir,
        ROSTER_PORT: String(port),
        ROSTER_LOG_LEVEL: 'warn',
        ...(batch ? { ROSTER_BULK_BATCH_SIZE: String(batch) } : {}),
        ...(postgresUrl ? { ROSTER_DATABASE_URL: postgresUrl } : {}),
      },
      port,
    );
    try {
      const client = await connectClient(server.url, await readAdminCredentials(dataDir));
      const userIds = await importUsers(client, users, dialect);
      const probe = await createEntitlement(client, 'probe');
      const probeUrl = `${server.url}/api/v1/apps/${probe.appId}/entitlements/${probe.entitlementId}`;
      const load = { seconds: 5, connections: 4, headers: { authorization: `Bearer ${client.token}` } };
      const rest = await loadTest(probeUrl, load);

      const first = await createEntitlement(client, 'new app users');
      const idle = (await rssBytes(server.pid)) ?? 0;
      const sampler = sampleRss(server.pid);
      const timing = await addUsersAndWait(client, first, userIds);
      const peak = await sampler.stop();
      const firstRate = users / (timing.totalMs / 1000);

      const sameApp = async (name: string) => ({
        appId: first.appId,
        entitlementId: (
          await client.call('POST', `/api/v1/apps/${first.appId}/entitlements`, { displayName: name })
        ).appEntitlementView.appEntitlement.id as string,
      });
      const again = await addUsersAndWait(client, await sameApp('again'), userIds);
      const secondRate = users / (again.totalMs / 1000);

      // A third add, of existing app users, with GETs running against the server meanwhile.
      const adding = addUsersAndWait(client, await sameApp('under load'), userIds);
      const during = await loadTest(probeUrl, load);
      await adding;

      const line = (label: string, value: string) => process.stdout.write(`${dialect}\t${label}\t${value}\n`);
      line('grant-insert baseline', `${Math.round(baseline)} rows/s`);
      line(
        'add, new app users',
        `${Math.round(firstRate)} users/s = ${(firstRate / baseline).toFixed(2)} of baseline, ${(firstRate / ownRows).toFixed(2)} of own rows`,
      );
      line(
        'add, existing app users',
        `${Math.round(secondRate)} users/s = ${(secondRate / baseline).toFixed(2)} of baseline`,
      );
      line('RSS idle / peak during add', `${mb(idle)} / ${mb(peak)}`);
      line(
        'GET p99 at rest / during add',
        `${rest.p99Ms} ms / ${during.p99Ms} ms (${during.non2xx} non-2xx)`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
    if (postgresUrl) await dropPostgresDatabase(pgName);
  }
}

try {
  for (const dialect of dialects.length > 0 ? dialects : (['sqlite', 'postgres'] as const))
    await check(dialect);
} finally {
  killAllChildren();
}
