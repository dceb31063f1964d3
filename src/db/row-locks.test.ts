import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';

/**
 * Row locks for write (DialectFeatures.lockRowsForWrite) on PostgreSQL, where transactions run side
 * by side; SQLite runs one writer at a time and takes none. They hold a second locker until the first
 * commits, and thousands of them take no slots of the server's shared lock table.
 */
describe.skipIf(!DIALECTS.includes('postgres'))('row locks for write on PostgreSQL', () => {
  let t: TestApp;
  let userIds: string[];
  beforeAll(async () => {
    t = await startTestApp('postgres');
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 2_000 }, (_, i) => ({ displayName: `L${i}`, email: `l${i}@example.com` })),
    });
    expect(imported.status).toBe(200);
    userIds = imported.body.userIds;
    expect(userIds).toHaveLength(2_000);
  });
  afterAll(() => t.close());

  /** Transactions (other than the caller's) waiting for a lock in this database now. */
  const waitingForLocks = async () => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`.execute(
      t.db,
    );
    return Number(rows[0]?.n);
  };

  it('holds a second transaction locking one of the same users until the first commits', async () => {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const firstLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const first = t.db.transaction().execute(async (trx) => {
      await t.container.dialect.lockRowsForWrite(trx, 'users', userIds.slice(0, 10));
      events.push('first locked');
      locked();
      await released;
      events.push('first commits');
    });
    await firstLocked;
    const second = t.db.transaction().execute(async (trx) => {
      await t.container.dialect.lockRowsForWrite(trx, 'users', [userIds[5] as string, userIds[20] as string]);
      events.push('second locked');
    });
    // The second is seen waiting on the first's lock, then the first is let go.
    while (events.length === 1 && (await waitingForLocks()) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(events).toEqual(['first locked']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first locked', 'first commits', 'second locked']);
  });

  it('locks 2,000 users without taking a lock-table entry for each', async () => {
    await t.db.transaction().execute(async (trx) => {
      await t.container.dialect.lockRowsForWrite(trx, 'users', userIds);
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_locks
        where pid = pg_backend_pid()`.execute(trx);
      // The transaction's own ID, its virtual ID and the relation locks of the users table and its
      // indexes: a handful, not 2,000.
      expect(Number(rows[0]?.n)).toBeLessThan(20);
      // And they are held: another transaction cannot take one of them without waiting.
      const { rows: free } = await sql<{ id: string }>`select id from users where id = ${userIds[0] as string}
        for no key update skip locked`.execute(t.db);
      expect(free).toEqual([]);
    });
  });
});
