/**
 * The bulk-action runner's thread (started by thread.ts): its own database connections and runners
 * (DialectFeatures.bulkRunners of them, each on a chunk of its own), so long bulk work never holds the
 * request thread's event loop (better-sqlite3 is synchronous). The parent sends `wake` when it has
 * created work and `stop` on shutdown; the thread answers `stopped` once the current batches have
 * committed and their leases are released, then ends. Given `idleExitMs`, it says `idle` and ends the
 * same way after that long without a batch or a wake.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type ConnectOptions, connectDatabase } from '../db/connect.js';
import { systemClock } from '../lib/clock.js';
import { createLogger } from '../lib/logger.js';
import { createSystemLog } from '../modules/audit/system-log.service.js';
import { createBulkActionRunner } from '../modules/bulk-actions/bulk-action.runner.js';
import type { RunnerThreadMessage, RunnerThreadSettings } from './thread.js';

const settings = workerData as RunnerThreadSettings;
const port = parentPort;
if (!port) throw new Error('the bulk-action runner thread must be started as a worker thread');

// Requests first: when the machine's cores are all busy, the scheduler gives the request thread the
// CPU before this one, so reads keep their latency while a large add runs; with a core to spare this
// changes nothing. On Linux a nice value belongs to a thread, and setpriority(0) names this one only.
try {
  os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // A platform that does not allow it runs the thread at the process's priority.
}

/**
 * The thread's SQLite page cache, in KiB: 16 MB rather than the request connection's 64 MB. Filled by
 * a large add and freed when the thread ends, 64 MB of 4 KB pages left holes in its malloc arena that
 * glibc never returned (RSS 10 s after a 100,000-user add: +72 MB; with 16 MB +23 MB, the add ~5 %
 * slower, within its run-to-run spread; bench/RESULTS.md).
 */
const RUNNER_SQLITE_CACHE_KIB = 16_384;

const connect: ConnectOptions = {
  ...settings.connect,
  // A connection for each of the dialect's runners (bulkRunners) and one for the claims between batches.
  postgresPoolSize: 3,
  sqliteCacheKiB: RUNNER_SQLITE_CACHE_KIB,
};
const database = connectDatabase(connect);
const logger = createLogger(settings.logLevel).child({ component: 'bulk-actions', thread: 'runner' });
const systemLog = createSystemLog({ dialect: database.dialect });
const runners = Array.from({ length: database.dialect.bulkRunners }, (_, i) =>
  createBulkActionRunner({
    db: database.db,
    dialect: database.dialect,
    clock: systemClock,
    systemLog,
    logger,
    ...(settings.batchSize === undefined ? {} : { batchSize: settings.batchSize }),
    ...(settings.maxBatchSize === undefined ? {} : { maxBatchSize: settings.maxBatchSize }),
    // Each runner holds its leases under a name of its own.
    ...(settings.owner === undefined ? {} : { owner: i === 0 ? settings.owner : `${settings.owner}-${i}` }),
    onIdle: () => whenIdle(),
    afterBatch: ({ transactionMs }) => {
      busyAt = Date.now();
      port.postMessage({ batch: { transactionMs } } satisfies RunnerThreadMessage);
    },
  }),
);

// The last batch or wake; with idleExitMs the thread ends when a runner finds no work and that is
// longer ago. With runners side by side, one may have just claimed a chunk another process left
// (no wake, no batch yet) when the other finds none: stopping still lets its batch commit and
// releases its lease, and thread.ts starts a new thread, since work waits.
let busyAt = Date.now();
function whenIdle(): void {
  const { idleExitMs } = settings;
  if (idleExitMs === undefined || Date.now() - busyAt < idleExitMs || stopping) return;
  port?.postMessage('idle' satisfies RunnerThreadMessage);
  void stop();
}

port.on('message', (message: RunnerThreadMessage) => {
  busyAt = Date.now();
  if (message === 'wake') for (const runner of runners) runner.wake();
  else if (message === 'stop') void stop();
});

let stopping: Promise<void> | undefined;
function stop(): Promise<void> {
  stopping ??= (async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await database.close();
    port?.postMessage('stopped');
    port?.close();
  })();
  return stopping;
}

for (const runner of runners) runner.start();
port.postMessage('started');
