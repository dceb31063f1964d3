/**
 * A bulk-action runner in its own process, for tests that kill it with SIGKILL. It uses the real
 * runner and database code. Settings come from the environment: ROSTER_DATA_DIR /
 * ROSTER_DATABASE_URL as Roster reads them, RUNNER_OWNER, RUNNER_LEASE_MS, RUNNER_BATCH_SIZE,
 * RUNNER_PAUSE_AT (a count of processed users: after the batch that reaches it the runner tells its
 * parent over IPC and waits, so the test kills it between two committed batches, part-way through),
 * and RUNNER_UNTIL (a bulk action ID to wait for; without it the runner stops when idle).
 */
import path from 'node:path';
import { pino } from 'pino';
import { connectDatabase } from '../../src/db/connect.js';
import { systemClock } from '../../src/lib/clock.js';
import { createSystemLog } from '../../src/modules/audit/system-log.service.js';
import { createBulkActionRunner } from '../../src/modules/bulk-actions/bulk-action.runner.js';
import { findBulkActionById, OPEN_STATES } from '../../src/modules/bulk-actions/bulk-actions.repository.js';
import { createSignal } from '../wait.js';

const env = process.env;
const handle = connectDatabase({
  postgresUrl: env.ROSTER_DATABASE_URL,
  sqlitePath: path.join(env.ROSTER_DATA_DIR ?? '.', 'roster.db'),
  postgresPoolSize: 2,
});
const pauseAt = env.RUNNER_PAUSE_AT === undefined ? undefined : Number(env.RUNNER_PAUSE_AT);

/** Each batch the runner commits: an action can only finish in one. */
const batches = createSignal();

async function afterBatch({ bulkActionId }: { bulkActionId: string }): Promise<void> {
  batches.notify();
  if (pauseAt === undefined) return;
  const action = await findBulkActionById(handle.db, bulkActionId);
  if (!action || action.processed < pauseAt) return;
  const send = process.send?.bind(process);
  if (!send) throw new Error('RUNNER_PAUSE_AT needs an IPC channel to the parent');
  // Waiting for a message from the parent also keeps this process alive until it is killed.
  const answered = new Promise((resolve) => process.once('message', resolve));
  send({ paused: action.processed });
  await answered;
}

const runner = createBulkActionRunner({
  db: handle.db,
  dialect: handle.dialect,
  clock: systemClock,
  systemLog: createSystemLog({ dialect: handle.dialect }),
  logger: pino({ level: 'silent' }),
  owner: env.RUNNER_OWNER ?? `child-${process.pid}`,
  leaseMs: Number(env.RUNNER_LEASE_MS ?? '30000'),
  batchSize: Number(env.RUNNER_BATCH_SIZE ?? '1000'),
  pollMs: 50,
  afterBatch,
});

const until = env.RUNNER_UNTIL;
if (until) {
  runner.start();
  await batches.until(
    async () => {
      const action = await findBulkActionById(handle.db, until);
      return action !== undefined && !(OPEN_STATES as readonly string[]).includes(action.state);
    },
    // A runner that never gets there exits with this error instead of outliving the test.
    { what: `bulk action ${until} to finish`, timeoutMs: 60_000 },
  );
  await runner.stop();
} else {
  await runner.runUntilIdle();
}
process.disconnect?.();
await handle.close();
