/**
 * A bulk-action runner in its own process, for tests that kill it with SIGKILL. It uses the real
 * runner and database code; only its pace is slowed (a pause after each batch) so a test can kill it
 * part-way. Settings come from the environment: ROSTER_DATA_DIR / ROSTER_DATABASE_URL as Roster
 * reads them, RUNNER_OWNER, RUNNER_LEASE_MS, RUNNER_BATCH_SIZE, RUNNER_PAUSE_MS, and RUNNER_UNTIL
 * (a bulk action ID to wait for; without it the runner stops when idle).
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { connectDatabase } from '../../src/db/connect.js';
import { systemClock } from '../../src/lib/clock.js';
import { createSystemLog } from '../../src/modules/audit/system-log.service.js';
import { createBulkActionRunner } from '../../src/modules/bulk-actions/bulk-action.runner.js';
import { findBulkActionById, OPEN_STATES } from '../../src/modules/bulk-actions/bulk-actions.repository.js';

const env = process.env;
const handle = connectDatabase({
  postgresUrl: env.ROSTER_DATABASE_URL,
  sqlitePath: path.join(env.ROSTER_DATA_DIR ?? '.', 'roster.db'),
  postgresPoolSize: 2,
});
const pauseMs = Number(env.RUNNER_PAUSE_MS ?? '0');
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
  afterBatch: () => sleep(pauseMs),
});

const until = env.RUNNER_UNTIL;
if (until) {
  runner.start();
  for (;;) {
    const action = await findBulkActionById(handle.db, until);
    if (action && !(OPEN_STATES as readonly string[]).includes(action.state)) break;
    await sleep(50);
  }
  await runner.stop();
} else {
  await runner.runUntilIdle();
}
await handle.close();
