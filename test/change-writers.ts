import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseHandle } from '../src/db/connect.js';
import type { Executor } from '../src/db/schema.js';
import { newId } from '../src/lib/ids.js';
import type { SystemLogEventsTable } from '../src/modules/audit/audit.table.js';
import { comparePositions } from '../src/modules/changes/index.js';
import type { GrantEventsTable } from '../src/modules/grants/grants.table.js';
import { waitUntil } from './wait.js';

/**
 * Concurrent writers of change-stream events (issue 12), for tests of its readers: each writer runs
 * several transactions that insert grant events and system-log events, hold the transaction open
 * for a different time, insert once more, and commit or roll back, so commits overtake one another
 * and positions are taken long before they become readable.
 */
export function grantEventRow(appId = 'app', entitlementId = 'entitlement'): GrantEventsTable {
  return {
    id: newId(),
    app_id: appId,
    app_entitlement_id: entitlementId,
    // Unique per event, so a reader of the grant feed (which shows no event ID) can tell them apart.
    app_user_id: newId(),
    grant_id: newId(),
    event_type: 'GRANT_EVENT_TYPE_ADDED',
    occurred_at: new Date().toISOString(),
    bulk_action_id: null,
    actor_user_id: null,
    actor_client_id: null,
    request_id: null,
    app_user_created: 0,
    ticket_id: null,
  };
}

export function systemLogRow(): SystemLogEventsTable {
  const id = newId();
  return {
    id,
    occurred_at: new Date().toISOString(),
    activity: 'grant.added',
    actor_user_id: null,
    actor_client_id: null,
    target_type: 'grant',
    target_id: id,
    request_id: null,
    bulk_action_id: null,
    event: JSON.stringify({ metadata: { uid: id } }),
  };
}

/** Inserts as the repositories do: positions from the dialect, once per statement. */
async function insertEvents(
  trx: Executor,
  handle: DatabaseHandle,
  grants: GrantEventsTable[],
  logs: SystemLogEventsTable[],
): Promise<void> {
  if (grants.length > 0) {
    await trx
      .insertInto('grant_events')
      .values(await handle.dialect.withChangePositions(trx, grants))
      .execute();
  }
  if (logs.length > 0) {
    await trx
      .insertInto('system_log_events')
      .values(await handle.dialect.withChangePositions(trx, logs))
      .execute();
  }
}

class Rollback extends Error {}

export interface WrittenEvents {
  /** The grant events and system-log events that committed. */
  readonly committedGrants: GrantEventsTable[];
  readonly committedLogs: SystemLogEventsTable[];
  /** IDs of events whose transaction rolled back. */
  readonly rolledBack: Set<string>;
}

export async function runConcurrentWriters(
  handle: DatabaseHandle,
  options: { writers: number; transactions: number; appId?: string; entitlementId?: string },
): Promise<WrittenEvents> {
  const written: WrittenEvents = { committedGrants: [], committedLogs: [], rolledBack: new Set() };
  const writer = async (w: number) => {
    for (let n = 0; n < options.transactions; n++) {
      const holdMs = ((w * 7 + n * 13) % 9) * 4;
      const grants = Array.from({ length: (w + n) % 4 }, () =>
        grantEventRow(options.appId, options.entitlementId),
      );
      const logs = Array.from({ length: 1 + ((w * 3 + n) % 3) }, systemLogRow);
      const later = [grantEventRow(options.appId, options.entitlementId)];
      const rollback = (w + n) % 5 === 0;
      try {
        await handle.db.transaction().execute(async (trx) => {
          await insertEvents(trx, handle, grants, logs);
          // Held open for a different time per transaction, so commits overtake one another: the
          // workload under test, not a wait for anything.
          await sleep(holdMs);
          await insertEvents(trx, handle, later, []);
          if (rollback) throw new Rollback();
        });
        written.committedGrants.push(...grants, ...later);
        written.committedLogs.push(...logs);
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
        for (const row of [...grants, ...logs, ...later]) written.rolledBack.add(row.id);
      }
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  return written;
}

/**
 * Waits until readers of the change stream can see everything committed before the call. On
 * PostgreSQL the horizon is cluster-wide, so transactions of other test files (or anything else
 * on the server) may hold it back for a while; on SQLite it returns at once. Nothing announces the
 * end of another session's transaction, so this is a bounded poll (test/wait.ts).
 */
export async function waitForChangeStream(handle: DatabaseHandle, timeoutMs = 60_000): Promise<void> {
  const target = await handle.dialect.changeFrontier(handle.db);
  await waitUntil(async () => comparePositions(await handle.dialect.changeHorizon(handle.db), target) >= 0, {
    what: 'the change-stream horizon to pass every committed row',
    timeoutMs,
  });
}
