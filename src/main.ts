import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { createRunnerThread } from './bulk-runner/thread.js';
import { ConfigError, helpText, loadConfig } from './config.js';
import { createContainer } from './container.js';
import { connectDatabase, migrateToLatest } from './db/connect.js';
import { type DataDirLock, lockDataDir } from './db/data-dir-lock.js';
import { systemClock } from './lib/clock.js';
import { createLogger } from './lib/logger.js';
import { bootstrapAdminClient } from './modules/auth/bootstrap.js';
import { hasUnfinishedChunks } from './modules/bulk-actions/index.js';

/** How many times the configured batch size the runner thread's batches may grow to. */
const MAX_BATCH_GROWTH = 5;

/** Start-up: config → database → container → listen + background loops; one shutdown path. */
async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText());
    return;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`roster: ${error.message}\nRun with --help for the list of settings.\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }

  // One Roster per SQLite data folder, checked before anything is opened or written. PostgreSQL is
  // shared by several Rosters by design.
  let dataDirLock: DataDirLock | undefined;
  if (!config.databaseUrl) {
    const lock = lockDataDir(config.dataDir);
    if ('heldBy' in lock) {
      const pid = lock.heldBy === undefined ? '' : ` (pid ${lock.heldBy})`;
      process.stderr.write(
        `roster: another Roster is using the data folder ${config.dataDir}${pid}; stop it first\n`,
      );
      process.exitCode = 1;
      return;
    }
    dataDirLock = lock.held;
  }

  const logger = createLogger(config.logLevel);
  const database = connectDatabase({
    postgresUrl: config.databaseUrl,
    sqlitePath: `${config.dataDir}/roster.db`,
  });
  await migrateToLatest(database);
  logger.info({ database: database.dialect.name }, 'database ready');

  // Bulk actions are applied in a thread of their own with its own connection, so a large add never
  // holds the request thread; an in-memory database cannot be shared, so it keeps the in-process runner.
  const backgroundRunner = database.shareable
    ? createRunnerThread({
        settings: {
          connect: database.shareable,
          logLevel: config.logLevel,
          batchSize: config.bulkBatchSize,
          // Batches grow while they stay short (bulk-action.runner.ts), to amortise their fixed costs.
          maxBatchSize: config.bulkBatchSize * MAX_BATCH_GROWTH,
        },
        logger: logger.child({ component: 'bulk-actions' }),
        // The thread is started once there is work, so an idle server does not hold it.
        hasWork: () => hasUnfinishedChunks(database.db),
      })
    : undefined;
  const container = await createContainer({
    config,
    database,
    clock: systemClock,
    logger,
    ...(backgroundRunner ? { backgroundRunner } : {}),
  });
  // Live users sharing an email were stored before emails were unique: reported, never merged, and
  // every email lookup that names them refuses until all but one are changed or deleted.
  const shared = await container.users.listSharedEmails({ pageSize: 100 });
  if (shared.items.length > 0) {
    const count =
      shared.nextPageToken === '' ? String(shared.items.length) : `more than ${shared.items.length}`;
    const what = count === '1' ? '1 email is' : `${count} emails are each`;
    logger.warn(
      { sharedEmails: count, examples: shared.items.slice(0, 5) },
      `${what} shared by several live users; list them with GET /roster/v1/users/shared-emails or \`roster users shared-emails\`, and change or delete all but one`,
    );
  }
  const app = await buildApp(container, { logger });
  // Listen before bootstrapping, so a server that cannot start writes no credentials for itself.
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const reason = listenFailure(error);
    if (reason === undefined) throw error;
    process.stderr.write(`roster: cannot listen on ${config.host}:${config.port}: ${reason}\n`);
    await app.close();
    await database.close();
    dataDirLock?.release();
    process.exitCode = 1;
    return;
  }
  // With ROSTER_PORT=0 the port is the system's choice: the public URL takes it before anything
  // (a credential, a token, a SCIM base URL) is made from it.
  container.listeningOn((app.server.address() as AddressInfo).port);
  // From here on a signal stops Roster cleanly: it waits for start-up to finish, so nothing is
  // started after it has been stopped.
  let started: Promise<void> = Promise.resolve();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await started.catch(() => undefined);
    await app.close();
    await container.background.stop();
    await database.close();
    dataDirLock?.release();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  started = (async () => {
    const credentialsFile = await bootstrapAdminClient({
      db: database.db,
      dialect: database.dialect,
      clock: systemClock,
      systemLog: container.systemLog,
      users: container.users,
      publicHost: container.publicUrl().host,
      dataDir: config.dataDir,
    });
    if (credentialsFile) {
      logger.info(
        { path: credentialsFile },
        'created the bootstrap Super Admin API client; its credentials are in this file',
      );
    }
    // The bulk-action runner, webhooks, maintenance and the expiry sweeper (container.ts).
    container.background.start();
  })();
  await started;
}

/** What went wrong when the address is the problem, in words for the operator; else undefined. */
function listenFailure(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return 'the address is already in use (set ROSTER_PORT or ROSTER_HOST)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges; set ROSTER_PORT)';
  if (code === 'EADDRNOTAVAIL') return 'no such address on this machine (set ROSTER_HOST)';
  return undefined;
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(
    `roster: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
