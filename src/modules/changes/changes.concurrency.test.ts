import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcurrentWriters, waitForChangeStream } from '../../../test/change-writers.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { connectDatabase, type DatabaseHandle } from '../../db/connect.js';
import { type Change, currentChangeCursor, decodeChangeCursor, readChanges } from './index.js';

/**
 * The change stream under many concurrent writers (issue 12): transactions of different lengths
 * insert grant events and system-log events and commit (or roll back) in an order unrelated to when
 * they started, while a poller reads as fast as it can on its own connection. What the poller saw
 * must be every committed event, each once, in position order, and nothing rolled back.
 */
const WRITERS = 12;
const TRANSACTIONS_PER_WRITER = 6;

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
    const seen: Change[] = [];
    let cursor = start;
    let polls = 0;
    let writing = true;
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
        await yieldToEventLoop();
      }
    };

    const polling = poller();
    const written = await runConcurrentWriters(writers, {
      writers: WRITERS,
      transactions: TRANSACTIONS_PER_WRITER,
    });
    writing = false;
    await polling;
    const committed = new Set([...written.committedGrants, ...written.committedLogs].map((r) => r.id));
    const rolledBack = written.rolledBack;
    // Drains the rest. On PostgreSQL the horizon is cluster-wide, so a transaction elsewhere in the
    // cluster (another test file) may hold it back for a while: wait for it, never skip past.
    await waitForChangeStream(reader);
    while ((await poll()) > 0) {}

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
