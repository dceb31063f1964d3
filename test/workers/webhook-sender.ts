/**
 * Roster's webhook pipeline in its own process, for tests that kill it with SIGKILL: the dispatcher
 * (change stream → deliveries) and the sender, as the server runs them, with the real database code. Settings come from the environment: ROSTER_DATA_DIR / ROSTER_DATABASE_URL as
 * Roster reads them, SENDER_OWNER, SENDER_LEASE_MS, and SENDER_UNTIL (a webhook ID: the sender stops
 * once nothing of it is pending).
 */
import path from 'node:path';
import { pino } from 'pino';
import { connectDatabase } from '../../src/db/connect.js';
import { systemClock } from '../../src/lib/clock.js';
import { createSystemLog } from '../../src/modules/audit/system-log.service.js';
import { currentChangeCursor, readChanges } from '../../src/modules/changes/index.js';
import { createWebhookWorker } from '../../src/modules/webhooks/webhook-delivery.worker.js';
import { createWebhookDispatcher } from '../../src/modules/webhooks/webhook-dispatcher.js';
import { createSignal } from '../wait.js';

const env = process.env;
const handle = connectDatabase({
  postgresUrl: env.ROSTER_DATABASE_URL,
  sqlitePath: path.join(env.ROSTER_DATA_DIR ?? '.', 'roster.db'),
  postgresPoolSize: 2,
});
/** Each attempt the sender records: the only moment a delivery stops being pending. */
const attempted = createSignal();
const worker = createWebhookWorker({
  db: handle.db,
  dialect: handle.dialect,
  clock: systemClock,
  systemLog: createSystemLog({ dialect: handle.dialect }),
  logger: pino({ level: 'silent' }),
  policy: { allowPrivate: true, allowHttp: true },
  owner: env.SENDER_OWNER ?? `child-${process.pid}`,
  leaseMs: Number(env.SENDER_LEASE_MS ?? '60000'),
  retry: { baseMs: 20, maxMs: 200, disableAfterMs: 3_600_000 },
  pollMs: 20,
  afterAttempt: () => attempted.notify(),
});

const dispatcher = createWebhookDispatcher({
  db: handle.db,
  dialect: handle.dialect,
  clock: systemClock,
  changes: { read: readChanges, current: currentChangeCursor },
  logger: pino({ level: 'silent' }),
  onQueued: () => worker.wake(),
  pollMs: 20,
});

/** Stops once the webhook has SENDER_EXPECT deliveries and none is pending. */
const until = env.SENDER_UNTIL ?? '';
const expect = Number(env.SENDER_EXPECT ?? '0');
dispatcher.start();
worker.start();
await attempted.until(
  async () => {
    const rows = await handle.db
      .selectFrom('webhook_deliveries')
      .select('state')
      .where('subscription_id', '=', until)
      .execute();
    return rows.length >= expect && rows.every((r) => r.state !== 'PENDING');
  },
  // A sender that never gets there exits with this error instead of outliving the test.
  { what: `${expect} deliveries of ${until} sent`, timeoutMs: 60_000 },
);
await dispatcher.stop();
await worker.stop();
await handle.close();
