import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/harness.js';
import { connectDatabase } from './connect.js';

describe.each(DIALECTS)('a large write on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  const largeWrite = <T>(write: () => Promise<T>) =>
    database.handle.dialect.largeWrite(database.handle.db, write);

  it("gives back the write's result and its failure", async () => {
    expect(await largeWrite(async () => 42)).toBe(42);
    await expect(
      largeWrite(async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
  });
});

describe('a large write on SQLite', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
  });
  afterAll(() => database.drop());

  const largeWrite = <T>(write: () => Promise<T>) =>
    database.handle.dialect.largeWrite(database.handle.db, write);

  it('holds the page cache to 16 MB while any runs, then restores 64 MB, also after a failure', async () => {
    const cacheSize = async () => {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(database.handle.db);
      return rows[0]?.cache_size;
    };
    expect(await cacheSize()).toBe(-65_536);
    let releaseFirst = () => {};
    const first = largeWrite(() => new Promise<void>((resolve) => (releaseFirst = resolve)));
    const second = largeWrite(async () => {
      expect(await cacheSize()).toBe(-16_384);
      throw new Error('refused');
    });
    await expect(second).rejects.toThrow('refused');
    // The first is still writing: its cache stays small.
    expect(await cacheSize()).toBe(-16_384);
    releaseFirst();
    await first;
    expect(await cacheSize()).toBe(-65_536);
  });

  it("keeps a connection's own page cache size, as the runner thread's 16 MB, also after a large write", async () => {
    const handle = connectDatabase({ sqlitePath: ':memory:', sqliteCacheKiB: 16_384 });
    try {
      const cacheSize = async () =>
        (await sql<{ cache_size: number }>`pragma cache_size`.execute(handle.db)).rows[0]?.cache_size;
      expect(await cacheSize()).toBe(-16_384);
      await handle.dialect.largeWrite(handle.db, async () => {
        expect(await cacheSize()).toBe(-16_384);
      });
      expect(await cacheSize()).toBe(-16_384);
    } finally {
      await handle.close();
    }
  });
});
