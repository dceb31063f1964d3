import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness.js';

/**
 * SQLite rows reach Kysely as arrays made into objects by a function compiled per statement
 * (connect.ts): the objects must be the ones better-sqlite3 itself would build.
 */
describe('SQLite rows made from arrays', () => {
  let database: TestDatabase;
  let plain: SQLite.Database;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    plain = new SQLite(path.join(database.dataDir, 'roster.db'), { readonly: true });
  });
  afterAll(async () => {
    plain.close();
    await database.drop();
  });

  const queries = [
    "select 1 as a, 'two' as b, null as c, 2.5 as d, x'00ff' as e",
    // A repeated name keeps its first place and its last value, as better-sqlite3's objects do.
    'select 1 as a, 2 as b, 3 as a',
    // Names that are not identifiers, and one that an object literal would take for the prototype.
    `select 1 as "with ""quotes"" and spaces", 2 as "0", 3 as "constructor"`,
    'select 1 as "__proto__", 2 as b',
    "select * from (values (1, 'x'), (2, 'y'))",
  ];

  it.each(queries)('%s', async (text) => {
    const expected = plain.prepare(text).all();
    const { rows } = await sql.raw<Record<string, unknown>>(text).execute(database.handle.db);
    expect(rows).toEqual(expected);
    expect(rows.map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row as object)));
    expect(rows.map((row) => Object.getPrototypeOf(row))).toEqual(rows.map(() => Object.prototype));
  });

  it('streams the same rows', async () => {
    const text = "select * from (values (1, 'x'), (2, 'y'), (3, 'z'))";
    const streamed: unknown[] = [];
    for await (const row of database.handle.db
      .selectFrom(sql<{ column1: number }>`(${sql.raw(text)})`.as('v'))
      .selectAll()
      .stream()) {
      streamed.push(row);
    }
    expect(streamed).toEqual(plain.prepare(text).all());
  });
});
