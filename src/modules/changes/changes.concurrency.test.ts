import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { connectDatabase, type DatabaseHandle } from '../../db/connect.js';
import type { Executor, GrantEventsTable, SystemLogEventsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { type Change, currentChangeCursor, decodeChangeCursor, readChanges } from './index.js';

/**
 * The change stream under many concurrent writers (issue 12): transactions of different lengths
 * insert grant events and system-log events and commit (or roll back) in an order unrelated to when
 * they started, while a poller reads as fast as it can on its own connection. What the poller saw
 * must be every committed event, each once, in position order, and nothing rolled back.
 */
const WRITERS = 12;
const TRANSACTIONS_PER_WRITER = 6;

function grantEvent(): GrantEventsTable {
  return {
    id: newId(),
    app_id: 'app',
    app_entitlement_id: 'entitlement',
    app_user_id: newId(),
    grant_id: newId(),
    event_type: 'GRANT_EVENT_TYPE_ADDED',
    occurred_at: new Date().toISOString(),
    bulk_action_id: null,
  };
}

function logEvent(): SystemLogEventsTable {
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
async function insertEvents(trx: Executor, handle: DatabaseHandle, grants: number, logs: number) {
  const grantRows = Array.from({ length: grants }, grantEvent);
  const logRows = Array.from({ length: logs }, logEvent);
  if (grantRows.length > 0) {
    await trx
      .insertInto('grant_events')
      .values(await handle.dialect.withChangePositions(trx, grantRows))
      .execute();
  }
  if (logRows.length > 0) {
    await trx
      .insertInto('system_log_events')
      .values(await handle.dialect.withChangePositions(trx, logRows))
      .execute();
  }
  return [...grantRows.map((r) => r.id), ...logRows.map((r) => r.id)];
}

class Rollback extends Error {}

describe.each(DIALECTS)('the change stream under concurrent writers on %s', (dialect) => {
  let database: TestDatabase;
  let writers: DatabaseHandle;
  let reader: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    // Writers and the poller each get their own connections: on PostgreSQL a pool wide enough for
    // every writer's transaction to be open at once; on SQLite a second connection, so the poller
    // reads committed data while a write transaction is open (WAL).
    const sqlitePath = `${database.dataDir}/roster.db`;
    const postgresUrl = database.env.ROSTER_DATABASE_URL;
    writers = postgresUrl ? connectDatabase({ postgresUrl, postgresPoolSize: WRITERS }) : database.handle;
    reader = postgresUrl
      ? connectDatabase({ postgresUrl, postgresPoolSize: 2 })
      : connectDatabase({ sqlitePath });
  });
  afterAll(async () => {
    if (writers !== database.handle) await writers.close();
    await reader.close();
    await database.drop();
  });

  it('gives a poller every committed event once, in order, and nothing rolled back', {
    timeout: 120_000,
  }, async () => {
    const start = await currentChangeCursor(reader.db, reader.dialect);
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    let writing = true;

    const writer = async (w: number) => {
      for (let n = 0; n < TRANSACTIONS_PER_WRITER; n++) {
        // Different lengths and sizes per writer and round, so commits overtake one another.
        const holdMs = ((w * 7 + n * 13) % 9) * 4;
        const grants = (w + n) % 4;
        const logs = 1 + ((w * 3 + n) % 3);
        const rollback = (w + n) % 5 === 0;
        let ids: string[] = [];
        try {
          await writers.db.transaction().execute(async (trx) => {
            ids = await insertEvents(trx, writers, grants, logs);
            await sleep(holdMs);
            // A second statement later in the same transaction.
            ids.push(...(await insertEvents(trx, writers, 1, 0)));
            if (rollback) throw new Rollback();
          });
          for (const id of ids) committed.add(id);
        } catch (error) {
          if (!(error instanceof Rollback)) throw error;
          for (const id of ids) rolledBack.add(id);
        }
      }
    };

    const seen: Change[] = [];
    let cursor = start;
    let polls = 0;
    const poll = async () => {
      const page = await readChanges(reader.db, reader.dialect, cursor, 7);
      polls++;
      if (page.changes.length > 0) {
        expect(page.cursor).toBe(page.changes[page.changes.length - 1]?.position);
      } else {
        expect(page.cursor).toBe(cursor);
      }
      seen.push(...page.changes);
      cursor = page.cursor;
      return page.changes.length;
    };
    const poller = async () => {
      while (writing) {
        await poll();
        // Lets the writers' callbacks run on SQLite, whose driver is synchronous.
        await sleep(0);
      }
    };

    const polling = poller();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await polling;
    // Drains the rest. On PostgreSQL the horizon is cluster-wide, so a transaction elsewhere in the
    // cluster (another test file) may hold it back for a while: wait for it, never skip past.
    for (let idle = 0; seen.length < committed.size && idle < 3_000; ) {
      if ((await poll()) === 0) {
        idle++;
        await sleep(10);
      }
    }

    const seenIds = seen.map((c) => c.row.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(new Set(seenIds)).toEqual(committed);
    for (const id of rolledBack) expect(seenIds).not.toContain(id);
    expect(polls).toBeGreaterThan(1);

    // In position order: strictly increasing, and the same order the tables hold.
    const positions = seen.map((c) => decodeChangeCursor(c.position));
    for (let i = 1; i < positions.length; i++) {
      const a = positions[i - 1];
      const b = positions[i];
      if (!a || !b) throw new Error('missing position');
      expect(BigInt(a.txId) < BigInt(b.txId) || (a.txId === b.txId && BigInt(a.seq) < BigInt(b.seq))).toBe(
        true,
      );
    }
    const stored = await Promise.all(
      (['grant_events', 'system_log_events'] as const).map((table) =>
        reader.db.selectFrom(table).select(['id', 'tx_id', 'seq']).execute(),
      ),
    );
    const inTableOrder = stored
      .flat()
      .map((r) => ({ id: r.id, tx: BigInt(r.tx_id), seq: BigInt(r.seq) }))
      .sort((a, b) => (a.tx === b.tx ? (a.seq < b.seq ? -1 : 1) : a.tx < b.tx ? -1 : 1))
      .map((r) => r.id);
    expect(seenIds).toEqual(inTableOrder);
  });
});
