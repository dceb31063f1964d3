import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/harness.js';

describe.each(DIALECTS)('a list of texts bound as one parameter on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  const read = async (values: readonly string[]) => {
    const { rows } = await sql<{ value: string }>`select v.value from ${database.handle.dialect.textValues(
      values,
    )}`.execute(database.handle.db);
    return rows.map((r) => r.value).sort();
  };

  it.each([
    ['no value', []],
    ['one ID', ['2Z7Q9c0mKq4hWcD0v3nNcYx1aBc']],
    ['many IDs', Array.from({ length: 5_000 }, (_, i) => `id-${String(i).padStart(5, '0')}`)],
    ['values holding commas', ['a,b', 'c', ',', 'd,']],
    ['a lone empty text', ['']],
    ['empty texts among others', ['', 'x', '']],
    ['quotes, backslashes and braces', ['"q"', 'back\\slash', '{x}', 'NULL', ' spaced ']],
  ])('reads back %s exactly', async (_label, values) => {
    expect(await read(values)).toEqual([...values].sort());
  });
});
