import type { Insertable, Kysely } from 'kysely';
import { pino } from 'pino';
import { chunkRows } from '../../src/db/batch.js';
import type { DialectFeatures } from '../../src/db/dialects/dialect.js';
import type { Database } from '../../src/db/schema.js';
import { systemClock } from '../../src/lib/clock.js';
import { newId } from '../../src/lib/ids.js';
import type { SystemLogEntry } from '../../src/modules/audit/system-log.js';
import { systemLogRow } from '../../src/modules/audit/system-log.js';
import { createBulkActionRunner } from '../../src/modules/bulk-actions/bulk-action.runner.js';
import { findBulkActionById } from '../../src/modules/bulk-actions/bulk-actions.repository.js';
import type { GrantRow } from '../../src/modules/grants/grants.repository.js';
import { grantEventRow } from '../../src/modules/grants/revocation.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { type Dialect, openFreshDatabase } from './databases.js';
import { QueryTimer } from './query-timer.js';
import { countRows, describeAdded, markInserts, replayInserts, rowsAdded, totalRows } from './table-rows.js';

/** Users per batch transaction, as the runner's default (ROSTER_BULK_BATCH_SIZE). */
export const BATCH_SIZE = 1_000;

type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] };

/** The tables whose rows carry change-stream positions (src/modules/changes). */
const POSITIONED: ReadonlySet<string> = new Set(['grant_events', 'system_log_events']);

/** Writes `rows` table by table in multi-row INSERTs, as the runner's repositories do. */
async function insertRows(trx: TestApp['db'], rows: Rows, dialect: DialectFeatures): Promise<void> {
  for (const [table, list] of Object.entries(rows) as [keyof Database, object[]][]) {
    const positioned = POSITIONED.has(table);
    const added = positioned ? dialect.changePositionColumnsAdded : 0;
    for (const chunk of chunkRows(list, dialect.maxParameters, undefined, added)) {
      const values = positioned ? await dialect.withChangePositions(trx, chunk) : chunk;
      // The rows are the table's own (Rows ties them to their key); Kysely cannot see that per entry.
      await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto(table)
        .values(values as Record<string, unknown>[])
        .execute();
    }
  }
}

/** Times `batches` of rows, one transaction each, into `db`; returns seconds. */
async function timeBatches(db: TestApp['db'], batches: Rows[], dialect: DialectFeatures): Promise<number> {
  const started = performance.now();
  for (const batch of batches) {
    await db.transaction().execute((trx) => insertRows(trx, batch, dialect));
  }
  return (performance.now() - started) / 1000;
}

function grantRow(appId: string, entitlementId: string, appUserId: string, at: string): GrantRow {
  return {
    id: newId(),
    app_id: appId,
    app_entitlement_id: entitlementId,
    app_user_id: appUserId,
    source: 'MANUAL',
    bulk_action_id: null,
    created_at: at,
    deprovision_at: null,
    deleted_at: null,
  };
}

/**
 * The baseline: grant rows alone, in multi-row INSERTs of BATCH_SIZE rows, one transaction per
 * batch, into a freshly migrated database with all of Roster's indexes. Rows per second.
 */
export async function grantInsertBaseline(
  dialect: Dialect,
  count: number,
  postgresUrl?: string,
): Promise<number> {
  const database = await openFreshDatabase(dialect, postgresUrl);
  try {
    const at = new Date().toISOString();
    const appId = newId();
    const entitlementId = newId();
    const batches: Rows[] = [];
    for (let first = 0; first < count; first += BATCH_SIZE) {
      const grants: GrantRow[] = [];
      for (let i = first; i < Math.min(count, first + BATCH_SIZE); i++) {
        grants.push(grantRow(appId, entitlementId, newId(), at));
      }
      batches.push({ grants });
    }
    const seconds = await timeBatches(database.handle.db, batches, database.handle.dialect);
    return count / seconds;
  } finally {
    await database.drop();
  }
}

/** A test app on a fresh database, with one app and one entitlement made through the API. */
export async function startBenchApp(dialect: Dialect, postgresUrl?: string) {
  const database = await openFreshDatabase(dialect, postgresUrl);
  const t = await startTestApp(dialect, { database, env: { ROSTER_BULK_BATCH_SIZE: String(BATCH_SIZE) } });
  const call = async (url: string, body: unknown) => {
    const response = await t.request('POST', url, body);
    if (response.status !== 200)
      throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const app = (await call('/api/v1/apps', { displayName: 'Bench app' })).app;
  const entitlement = (
    await call(`/api/v1/apps/${app.id}/entitlements`, { displayName: 'Bench entitlement' })
  ).appEntitlementView.appEntitlement;
  return {
    t,
    call,
    appId: app.id as string,
    /** PostgreSQL: the scratch schema's URL (search_path set), for raw connections. */
    databaseUrl: database.env.ROSTER_DATABASE_URL,
    entitlementId: entitlement.id as string,
    async close() {
      await t.close();
      await database.drop();
    },
  };
}

/**
 * The variant baseline: every row Roster writes for one newly granted user (an app user, a grant, an
 * ADDED grant event, two system-log events, a bulk-action item), built up front, inserted in
 * batches of BATCH_SIZE users. Users per second.
 */
export async function allRowsBaseline(
  dialect: Dialect,
  count: number,
  postgresUrl?: string,
): Promise<number> {
  const bench = await startBenchApp(dialect, postgresUrl);
  try {
    const now = new Date();
    const at = now.toISOString();
    const actor = { userId: newId(), clientId: newId(), requestId: newId() };
    const bulkActionId = newId();
    const batches: Rows[] = [];
    for (let first = 0; first < count; first += BATCH_SIZE) {
      const batch = {
        app_users: [] as Insertable<Database['app_users']>[],
        grants: [] as Insertable<Database['grants']>[],
        grant_events: [] as Insertable<Database['grant_events']>[],
        system_log_events: [] as Insertable<Database['system_log_events']>[],
        bulk_action_items: [] as Insertable<Database['bulk_action_items']>[],
      };
      for (let i = first; i < Math.min(count, first + BATCH_SIZE); i++) {
        const userId = newId();
        const appUserId = newId();
        batch.app_users.push({
          id: appUserId,
          app_id: bench.appId,
          identity_user_id: userId,
          display_name: `Bench user ${i}`,
          email: `bench.${i}@example.test`,
          username: '',
          app_user_type: 'APP_USER_TYPE_USER',
          status: 'STATUS_ENABLED',
          created_at: at,
          updated_at: at,
          deleted_at: null,
        });
        const grant = {
          ...grantRow(bench.appId, bench.entitlementId, appUserId, at),
          bulk_action_id: bulkActionId,
        };
        batch.grants.push(grant);
        batch.grant_events.push(
          grantEventRow(grant, 'GRANT_EVENT_TYPE_ADDED', now, { actor, bulkActionId }, true),
        );
        const entry = { actor, occurredAt: now, bulkActionId, activity: 'create' } as const;
        const events: SystemLogEntry[] = [
          {
            ...entry,
            operation: 'app_user.created',
            targetType: 'app_user',
            targetId: appUserId,
            details: { appId: bench.appId, identityUserId: userId },
          },
          {
            ...entry,
            operation: 'grant.added',
            targetType: 'grant',
            targetId: grant.id,
            details: { appId: bench.appId, appEntitlementId: bench.entitlementId, appUserId },
          },
        ];
        batch.system_log_events.push(...events.map(systemLogRow));
        batch.bulk_action_items.push({
          bulk_action_id: bulkActionId,
          user_id: userId,
          outcome: 'ADDED',
          app_user_id: appUserId,
          app_user_created: 1,
          error: null,
        });
      }
      batches.push(batch);
    }
    const seconds = await timeBatches(bench.t.db, batches, bench.t.container.dialect);
    return count / seconds;
  } finally {
    await bench.close();
  }
}

export interface RunnerProfile {
  /** Users per second of the real runner, in-process, no HTTP. */
  readonly usersPerSecond: number;
  /**
   * Users per second of inserting exactly the rows the runner inserted (counted table by table,
   * whatever tables they are), in as many transactions, with no other work; undefined if the
   * replay failed (its reason is in `replayError`).
   */
  readonly ownRowsUsersPerSecond: number | undefined;
  readonly replayError?: string;
  /** Rows the runner inserted per user added, by table. */
  readonly rowsPerUser: number;
  readonly rowsByTable: string;
  /** Where its time went: statement kind and table → share of the runner's wall time. */
  readonly parts: Array<{ label: string; share: number; msPerBatch: number }>;
}

/**
 * The real bulk-action runner over a Kysely plugin that times every statement: `count` new users
 * added to an entitlement through add-manual-user (in-process inject), then the runner drained
 * in the foreground.
 */
export async function profileRunner(
  dialect: Dialect,
  count: number,
  postgresUrl?: string,
): Promise<RunnerProfile> {
  const bench = await startBenchApp(dialect, postgresUrl);
  try {
    const users = Array.from({ length: count }, (_, i) => ({
      displayName: `Bench user ${i}`,
      email: `bench.${i}@example.test`,
    }));
    const { userIds } = await bench.call('/roster/v1/users/import', { users });
    const { bulkActionId } = await bench.call(
      `/api/v1/apps/${bench.appId}/entitlements/${bench.entitlementId}/add-manual-user`,
      { userIds },
    );
    const timer = new QueryTimer();
    const runner = createBulkActionRunner({
      db: bench.t.db.withPlugin(timer),
      dialect: bench.t.container.dialect,
      clock: systemClock,
      systemLog: bench.t.container.systemLog,
      logger: pino({ level: 'silent' }),
      batchSize: BATCH_SIZE,
    });
    const db = bench.t.db as unknown as Parameters<typeof markInserts>[0];
    const mark = await markInserts(db, dialect);
    const started = performance.now();
    await runner.runUntilIdle();
    const ms = performance.now() - started;
    const action = await findBulkActionById(bench.t.db, bulkActionId);
    if (action?.state !== 'BULK_ACTION_STATE_SUCCEEDED' || action.succeeded !== count) {
      throw new Error(`profiled bulk action ended ${action?.state} with ${action?.succeeded} of ${count}`);
    }
    const batches = Math.ceil(count / BATCH_SIZE);
    const parts = [...timer.totals].map(([label, t]) => ({
      label,
      share: t.ms / ms,
      msPerBatch: t.ms / batches,
    }));
    const timed = parts.reduce((sum, p) => sum + p.msPerBatch * batches, 0);
    parts.sort((a, b) => b.share - a.share);
    parts.push({
      label: 'rest: BEGIN/COMMIT, JS',
      share: (ms - timed) / ms,
      msPerBatch: (ms - timed) / batches,
    });
    const added = rowsAdded(mark.counts, await countRows(db, dialect));
    let ownRowsUsersPerSecond: number | undefined;
    let replayError: string | undefined;
    try {
      const replay = await replayInserts(db, dialect, mark, batches, bench.t.container.dialect.maxParameters);
      ownRowsUsersPerSecond = count / replay.seconds;
    } catch (error) {
      replayError = error instanceof Error ? error.message : String(error);
    }
    return {
      usersPerSecond: count / (ms / 1000),
      ownRowsUsersPerSecond,
      ...(replayError ? { replayError } : {}),
      rowsPerUser: totalRows(added) / count,
      rowsByTable: describeAdded(added, count),
      parts,
    };
  } finally {
    await bench.close();
  }
}
