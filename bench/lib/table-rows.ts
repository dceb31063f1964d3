import { type Kysely, sql } from 'kysely';
import { chunkRows } from '../../src/db/batch.js';
import { connectDatabase } from '../../src/db/connect.js';
import type { Dialect, ServerDatabase } from './databases.js';

/**
 * Row counts and row replays that know no table by name: they read the schema, so they stay right
 * when the tables a bulk add writes to change.
 */
// biome-ignore lint/suspicious/noExplicitAny: rows of any table, read and written back as they are.
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

export async function listTables(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select tablename as name from pg_tables
          where schemaname = current_schema() order by tablename`.execute(db);
  return rows.map((r) => r.name);
}

/** Rows in every table. */
export async function countRows(db: AnyDb, dialect: Dialect): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of await listTables(db, dialect)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      db,
    );
    counts.set(table, Number(rows[0]?.n ?? 0));
  }
  return counts;
}

/** Rows each table gained between two counts (tables that gained none are left out). */
export function rowsAdded(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const added = new Map<string, number>();
  for (const [table, n] of after) {
    const delta = n - (before.get(table) ?? 0);
    if (delta !== 0) added.set(table, delta);
  }
  return added;
}

export const totalRows = (added: Map<string, number>) => [...added.values()].reduce((a, b) => a + b, 0);

/** Counts the rows of a running server's database from the bench process (WAL lets it read). */
export async function countServerRows(target: ServerDatabase): Promise<Map<string, number>> {
  const handle = connectDatabase(
    target.dialect === 'sqlite'
      ? { sqlitePath: target.file }
      : { postgresUrl: target.url, postgresPoolSize: 1 },
  );
  try {
    return await countRows(handle.db as AnyDb, target.dialect);
  } finally {
    await handle.close();
  }
}

/** A point to tell later inserts from earlier rows: SQLite rowids only grow; PostgreSQL xids too. */
export interface InsertMark {
  readonly counts: Map<string, number>;
  readonly marks: Map<string, number>;
}

export async function markInserts(db: AnyDb, dialect: Dialect): Promise<InsertMark> {
  const counts = await countRows(db, dialect);
  const marks = new Map<string, number>();
  if (dialect === 'sqlite') {
    for (const table of counts.keys()) {
      const { rows } = await sql<{
        m: number | null;
      }>`select max(rowid) as m from ${sql.table(table)}`.execute(db);
      marks.set(table, rows[0]?.m ?? 0);
    }
  } else {
    const { rows } = await sql<{ x: string }>`select (txid_current() % 4294967296)::text as x`.execute(db);
    for (const table of counts.keys()) marks.set(table, Number(rows[0]?.x));
  }
  return { counts, marks };
}

/** Parents before children, from the schema's foreign keys. */
async function parentFirst(db: AnyDb, dialect: Dialect, tables: string[]): Promise<string[]> {
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  if (dialect === 'sqlite') {
    for (const table of tables) {
      const { rows } = await sql<{
        table: string;
      }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
      for (const r of rows) if (r.table !== table) parents.get(table)?.add(r.table);
    }
  } else {
    const { rows } = await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db);
    for (const r of rows) if (r.child !== r.parent) parents.get(r.child)?.add(r.parent);
  }
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** The rows inserted since `mark`, table by table in insertion order, with a handle to delete them. */
async function insertedSince(db: AnyDb, dialect: Dialect, mark: InsertMark, table: string): Promise<Row[]> {
  const since = mark.marks.get(table) ?? 0;
  const { rows } =
    dialect === 'sqlite'
      ? await sql<Row>`select * from ${sql.table(table)} where rowid > ${since} order by rowid`.execute(db)
      : await sql<Row>`select * from ${sql.table(table)}
          where (xmin::text)::bigint >= ${since} order by ctid`.execute(db);
  return rows;
}

async function deleteSince(db: AnyDb, dialect: Dialect, mark: InsertMark, table: string): Promise<void> {
  const since = mark.marks.get(table) ?? 0;
  if (dialect === 'sqlite') await sql`delete from ${sql.table(table)} where rowid > ${since}`.execute(db);
  else await sql`delete from ${sql.table(table)} where (xmin::text)::bigint >= ${since}`.execute(db);
}

export interface OwnRowsReplay {
  /** Rows the work inserted, by table. */
  readonly added: Map<string, number>;
  /** Seconds to insert exactly those rows again, in `batches` transactions, and nothing else. */
  readonly seconds: number;
}

/**
 * Times inserting exactly the rows some work inserted since `mark`, with no other work: the rows are
 * read back, deleted (foreign keys off for the delete only), then inserted again as they were, in
 * `batches` transactions that each take the same share of every table (parents first, multi-row
 * INSERTs as large as the dialect allows). Tables the work only updated are not part of it.
 */
export async function replayInserts(
  db: AnyDb,
  dialect: Dialect,
  mark: InsertMark,
  batches: number,
  maxParameters: number,
): Promise<OwnRowsReplay> {
  const added = rowsAdded(mark.counts, await countRows(db, dialect));
  const tables = await parentFirst(
    db,
    dialect,
    [...added.keys()].filter((t) => (added.get(t) ?? 0) > 0),
  );
  const rows = new Map<string, Row[]>();
  for (const table of tables) {
    const list = await insertedSince(db, dialect, mark, table);
    if (list.length !== added.get(table)) {
      throw new Error(`${table}: ${list.length} rows inserted since the mark, ${added.get(table)} added`);
    }
    rows.set(table, list);
  }
  if (dialect === 'sqlite') {
    await sql`pragma foreign_keys = off`.execute(db);
    for (const table of [...tables].reverse()) await deleteSince(db, dialect, mark, table);
    await sql`pragma foreign_keys = on`.execute(db);
  } else {
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      for (const table of [...tables].reverse()) await deleteSince(trx, dialect, mark, table);
    });
  }
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    await db.transaction().execute(async (trx) => {
      for (const table of tables) {
        const list = rows.get(table) as Row[];
        const part = list.slice(
          Math.floor((b * list.length) / batches),
          Math.floor(((b + 1) * list.length) / batches),
        );
        for (const chunk of chunkRows(part, maxParameters))
          await trx.insertInto(table).values(chunk).execute();
      }
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const again = rowsAdded(mark.counts, await countRows(db, dialect));
  for (const [table, n] of added) {
    if (again.get(table) !== n) throw new Error(`${table}: replay left ${again.get(table)} rows, not ${n}`);
  }
  return { added, seconds };
}

/** `users_table: +n` pairs, largest first, for the report. */
export function describeAdded(added: Map<string, number>, members: number): string {
  return [...added]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([table, n]) => `${table} ${(n / members).toFixed(2)}`)
    .join(', ');
}
