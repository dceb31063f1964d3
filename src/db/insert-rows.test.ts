import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/harness.js';
import { newId } from '../lib/ids.js';
import type { Database } from './schema.js';

type GrantsTable = Database['grants'];

const LIVE_MEMBER = {
  columns: ['app_entitlement_id', 'app_user_id'],
  where: '"deleted_at" is null',
} as const;

function grant(entitlementId: string, appUserId: string, deletedAt: string | null = null): GrantsTable {
  return {
    id: newId(),
    app_id: 'app',
    app_entitlement_id: entitlementId,
    app_user_id: appUserId,
    source: 'MANUAL',
    bulk_action_id: null,
    created_at: '2026-01-01T00:00:00.000Z',
    deprovision_at: null,
    deleted_at: deletedAt,
    ticket_id: null,
  };
}

describe.each(DIALECTS)('inserting many rows on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.drop());
  const insertRows: TestDatabase['handle']['dialect']['insertRows'] = (...args) =>
    database.handle.dialect.insertRows(...args);

  it.each([0, 1, 99, 100, 101, 250, 1_234])(
    'stores every one of %i rows with their values',
    async (count) => {
      const entitlementId = newId();
      const rows = Array.from({ length: count }, (_, i) => ({
        ...grant(entitlementId, `u${String(i).padStart(5, '0')}`),
        deprovision_at: i % 2 === 0 ? null : `2027-01-0${(i % 9) + 1}T00:00:00.000Z`,
      }));
      const returned = await insertRows(database.handle.db, 'grants', rows);
      expect(returned).toEqual([]);
      const stored = await database.handle.db
        .selectFrom('grants')
        .selectAll()
        .where('app_entitlement_id', '=', entitlementId)
        .orderBy('app_user_id')
        .execute();
      expect(stored).toEqual(rows);
    },
  );

  it('skips rows that conflict with a partial unique index and returns only those it inserted', async () => {
    const entitlementId = newId();
    await insertRows(database.handle.db, 'grants', [
      grant(entitlementId, 'held'),
      grant(entitlementId, 'revoked', '2026-01-02T00:00:00.000Z'),
    ]);
    const attempt = ['held', 'revoked', 'new1', 'new2'].map((u) => grant(entitlementId, u));
    const returned = await database.handle.db.transaction().execute((trx) =>
      insertRows(trx, 'grants', attempt, {
        onConflictDoNothing: LIVE_MEMBER,
        returning: ['id', 'app_user_id'],
      }),
    );
    expect(returned.map((r) => r.app_user_id).sort()).toEqual(['new1', 'new2', 'revoked']);
    const ids = new Map(attempt.map((g) => [g.app_user_id, g.id]));
    for (const row of returned) expect(row.id).toBe(ids.get(row.app_user_id as string));
    const live = await database.handle.db
      .selectFrom('grants')
      .select('app_user_id')
      .where('app_entitlement_id', '=', entitlementId)
      .where('deleted_at', 'is', null)
      .execute();
    expect(live.map((r) => r.app_user_id).sort()).toEqual(['held', 'new1', 'new2', 'revoked']);
  });

  it('skips conflicts on a plain unique key, and writes numbers, nulls and quotes as given', async () => {
    const actionId = newId();
    const item = (userId: string, error: string | null, created: number) => ({
      bulk_action_id: actionId,
      user_id: userId,
      outcome: error ? 'FAILED' : 'ADDED',
      app_user_id: error ? null : `au-${userId}`,
      app_user_created: created,
      error,
    });
    await insertRows(database.handle.db, 'bulk_action_items', [item('a', null, 1)]);
    await insertRows(
      database.handle.db,
      'bulk_action_items',
      [
        item('a', 'it\'s "quoted", {braced} \\ and, comma', 0),
        item('b', 'it\'s "quoted", {braced} \\ and, comma', 0),
      ],
      { onConflictDoNothing: { columns: ['bulk_action_id', 'user_id'] } },
    );
    const stored = await database.handle.db
      .selectFrom('bulk_action_items')
      .selectAll()
      .where('bulk_action_id', '=', actionId)
      .orderBy('user_id')
      .execute();
    expect(stored).toEqual([item('a', null, 1), item('b', 'it\'s "quoted", {braced} \\ and, comma', 0)]);
  });

  it('inserts more rows than one statement may bind parameters, returning each inserted row once', async () => {
    const entitlementId = newId();
    const count = Math.ceil(database.handle.dialect.maxParameters / 9) + 7_000;
    const rows = Array.from({ length: count }, (_, i) => grant(entitlementId, `u${i}`));
    const returned = await database.handle.db.transaction().execute((trx) =>
      insertRows(
        trx,
        'grants',
        [...rows, ...rows.slice(0, 50).map((g) => grant(entitlementId, g.app_user_id))],
        {
          onConflictDoNothing: LIVE_MEMBER,
          returning: ['app_user_id'],
        },
      ),
    );
    expect(returned).toHaveLength(count);
    expect(new Set(returned.map((r) => r.app_user_id)).size).toBe(count);
    const { n } = await database.handle.db
      .selectFrom('grants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('app_entitlement_id', '=', entitlementId)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(count);
  });

  it('writes only the columns asked for, leaving the others to their defaults', async () => {
    const entitlementId = newId();
    const row = grant(entitlementId, 'only');
    await insertRows(database.handle.db, 'grants', [{ ...row, extra: 'ignored' }], {
      columns: Object.keys(row),
    });
    const stored = await database.handle.db
      .selectFrom('grants')
      .selectAll()
      .where('app_entitlement_id', '=', entitlementId)
      .execute();
    expect(stored).toEqual([row]);
  });

  it('writes every column any row has, a missing one as null', async () => {
    const entitlementId = newId();
    const full = { ...grant(entitlementId, 'a'), deprovision_at: '2027-01-01T00:00:00.000Z' };
    const { deprovision_at: _, ...short } = grant(entitlementId, 'b');
    await insertRows(database.handle.db, 'grants', [short, full]);
    const stored = await database.handle.db
      .selectFrom('grants')
      .select(['app_user_id', 'deprovision_at'])
      .where('app_entitlement_id', '=', entitlementId)
      .orderBy('app_user_id')
      .execute();
    expect(stored).toEqual([
      { app_user_id: 'a', deprovision_at: '2027-01-01T00:00:00.000Z' },
      { app_user_id: 'b', deprovision_at: null },
    ]);
  });

  it('stores wide rows of long texts full of quotes exactly, more than one statement of them', async () => {
    const actionId = newId();
    const event = (i: number) =>
      JSON.stringify({ n: i, text: 'it\'s "quoted", {braced} \\ and, comma; '.repeat(20), list: [1, 2] });
    const rows = Array.from({ length: 1_234 }, (_, i) => ({
      id: `${actionId}-${String(i).padStart(5, '0')}`,
      occurred_at: '2026-01-01T00:00:00.000Z',
      activity: 'create',
      actor_user_id: null,
      actor_client_id: 'client',
      target_type: 'grant',
      target_id: `g${i}`,
      request_id: null,
      bulk_action_id: actionId,
      event: event(i),
    }));
    const expected = rows.map((row) => ({ ...row }));
    // The table's rows take change-stream positions (migration 0010), given inside the transaction.
    const { db, dialect: features } = database.handle;
    await db
      .transaction()
      .execute(async (trx) =>
        insertRows(trx, 'system_log_events', await features.withChangePositions(trx, rows)),
      );
    const stored = await database.handle.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('bulk_action_id', '=', actionId)
      .orderBy('id')
      .execute();
    expect(stored.map(({ tx_id, seq, ...row }) => row)).toEqual(expected);
  });
});

/**
 * PostgreSQL inserts read each table's column types once (unnest needs typed arrays). The types are
 * kept per database handle, so two handles on two schemas whose tables of one name differ each insert
 * with their own; SQLite binds values untyped and has nothing to keep.
 */
describe.skipIf(!DIALECTS.includes('postgres'))(
  'inserting many rows through two handles on PostgreSQL',
  () => {
    const databases: TestDatabase[] = [];
    afterAll(async () => {
      for (const database of databases) await database.drop();
    });

    it('uses each handle’s own column types for a table of the same name in another schema', async () => {
      const [numbers, words] = [
        await openTestDatabase('postgres', { migrate: false }),
        await openTestDatabase('postgres', { migrate: false }),
      ] as [TestDatabase, TestDatabase];
      databases.push(numbers, words);
      await sql`create table probe (id text primary key, n integer not null)`.execute(numbers.handle.db);
      await sql`create table probe (id text primary key, n text not null, at timestamptz)`.execute(
        words.handle.db,
      );
      const insert = (database: TestDatabase, rows: object[]) =>
        database.handle.dialect.insertRows(database.handle.db, 'probe', rows);
      const read = async (database: TestDatabase) =>
        (
          await sql<{ id: string; n: unknown }>`select id, n from probe order by id`.execute(
            database.handle.db,
          )
        ).rows;

      await insert(numbers, [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ]);
      await insert(words, [{ id: 'a', n: 'one', at: null }]);
      await insert(numbers, [{ id: 'c', n: 3 }]);
      await insert(words, [{ id: 'b', n: 'two', at: '2026-01-01T00:00:00.000Z' }]);

      expect(await read(numbers)).toEqual([
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
        { id: 'c', n: 3 },
      ]);
      expect(await read(words)).toEqual([
        { id: 'a', n: 'one' },
        { id: 'b', n: 'two' },
      ]);
    });
  },
);
