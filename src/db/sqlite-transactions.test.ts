import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness.js';

describe('SQLite transactions beside another connection', () => {
  let database: TestDatabase;
  let other: SQLite.Database;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    other = new SQLite(path.join(database.dataDir, 'roster.db'));
    other.pragma('busy_timeout = 0');
  });
  afterAll(async () => {
    other.close();
    await database.drop();
  });

  it('take the write lock when they begin, so a read-then-write transaction cannot go stale', async () => {
    const { db } = database.handle;
    let otherCouldWrite: boolean | undefined;
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('users').select('id').limit(1).execute();
      // Another connection cannot slip a commit in between this read and the write below.
      try {
        other.exec('begin immediate');
        other.exec('rollback');
        otherCouldWrite = true;
      } catch (error) {
        expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
        otherCouldWrite = false;
      }
      await trx
        .insertInto('idempotency_keys')
        .values({
          client_id: 'c',
          key: 'k',
          request_hash: 'h',
          response: '{}',
          created_at: '2026-01-01T00:00:00.000Z',
          expires_at: '2026-01-02T00:00:00.000Z',
        })
        .execute();
    });
    expect(otherCouldWrite).toBe(false);
    // Once committed, the other connection writes as usual.
    other.exec('begin immediate');
    other.exec('rollback');
  });
});
