import { CompiledQuery, type Kysely, type Transaction } from 'kysely';

/** What a many-row INSERT does besides inserting: skip conflicting rows, return columns. */
export interface InsertRowsOptions {
  /**
   * Rows that conflict with a unique index on these columns are skipped (`ON CONFLICT ... DO
   * NOTHING`). `where` names the partial index's predicate, as trusted SQL text (a constant of the
   * caller, never request input).
   */
  readonly onConflictDoNothing?: { readonly columns: readonly string[]; readonly where?: string };
  /** Columns to return of the rows actually inserted (skipped ones are not returned). */
  readonly returning?: readonly string[];
  /** The columns to write; by default every key the rows have. */
  readonly columns?: readonly string[];
}

// biome-ignore lint/suspicious/noExplicitAny: any database type; the SQL is built from names.
type AnyExecutor = Kysely<any> | Transaction<any>;

/**
 * Inserts many rows of one table. Bulk paths write thousands of rows per transaction, and building a
 * Kysely multi-row INSERT of thousands of values costs more than executing it (PERFORMANCE-NOTES.md),
 * so the SQL is written here once per shape and the values are only bound. Returns the `returning`
 * columns of the inserted rows (empty without `returning`).
 */
export type InsertRows = <R extends object>(
  db: AnyExecutor,
  table: string,
  rows: readonly R[],
  options?: InsertRowsOptions,
) => Promise<Array<Record<string, unknown>>>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The columns to write: those asked for, or every key any row has (a key a row lacks is written as
 * null, as Kysely's multi-row INSERT does). Reading every row's keys costs little next to binding.
 */
function columnsOf(rows: readonly object[], options: InsertRowsOptions): readonly string[] {
  if (options.columns) return options.columns;
  const first = Object.keys(rows[0] as object);
  const columns = new Set(first);
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length === first.length && keys.every((key, i) => key === first[i])) continue;
    for (const key of keys) columns.add(key);
  }
  return [...columns];
}

function tail(options: InsertRowsOptions): string {
  let text = '';
  const conflict = options.onConflictDoNothing;
  if (conflict) {
    text += ` on conflict (${conflict.columns.map(quote).join(', ')})`;
    if (conflict.where) text += ` where ${conflict.where}`;
    text += ' do nothing';
  }
  if (options.returning && options.returning.length > 0) {
    text += ` returning ${options.returning.map(quote).join(', ')}`;
  }
  return text;
}

/** Rows per SQLite statement: about 100 amortise the per-statement cost without long SQL text. */
const SQLITE_ROWS_PER_STATEMENT = 100;

/** The key of a statement's shape: table, columns, conflict, returning and row count. */
const shapeKey = (table: string, columns: readonly string[], options: InsertRowsOptions, count: number) =>
  `${table}\u0000${columns.join(',')}\u0000${tail(options)}\u0000${count}`;

/** The SQL text of a shape, written once: `texts` is the cache of one database handle's insertRows. */
function sqliteText(
  texts: Map<string, string>,
  table: string,
  columns: readonly string[],
  options: InsertRowsOptions,
  count: number,
) {
  const key = shapeKey(table, columns, options, count);
  let text = texts.get(key);
  if (text === undefined) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array(count)
      .fill(tuple)
      .join(', ')}${tail(options)}`;
    texts.set(key, text);
  }
  return text;
}

/**
 * SQLite: multi-row INSERTs of up to 100 rows with the same SQL text each time, plus one for the
 * remainder, so the connection's statement cache (connect.ts) prepares each shape once and every
 * later batch only binds values. Each call makes an insertRows with its own cache of SQL texts: one
 * per database handle (connect.ts), none shared by the process.
 */
export function sqliteInsertRows(maxParameters: number): InsertRows {
  const texts = new Map<string, string>();
  return async (db, table, rows, options = {}) => {
    if (rows.length === 0) return [];
    const columns = columnsOf(rows, options);
    const perStatement = Math.max(
      1,
      Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(maxParameters / columns.length)),
    );
    const returned: Array<Record<string, unknown>> = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const end = Math.min(rows.length, start + perStatement);
      const parameters: unknown[] = [];
      for (let i = start; i < end; i++) {
        const row = rows[i] as Record<string, unknown>;
        for (const column of columns) parameters.push(row[column] ?? null);
      }
      const text = sqliteText(texts, table, columns, options, end - start);
      const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, parameters));
      if (options.returning) for (const row of result.rows) returned.push(row);
    }
    return returned;
  };
}

/** What a PostgreSQL insertRows keeps: one database handle's, never the process's. */
interface PostgresCaches {
  /** The schema the handle's connections work in, when it was named; else their search_path's. */
  readonly schema: string | undefined;
  /** Column types by schema and table, read once from the catalog: unnest needs typed arrays. */
  readonly types: Map<string, Promise<Map<string, string>>>;
  /** SQL texts of multi-row VALUES statements by shape. */
  readonly texts: Map<string, string>;
}

async function postgresColumnTypes(
  db: AnyExecutor,
  caches: PostgresCaches,
  table: string,
): Promise<Map<string, string>> {
  // Named by schema too: a table of one name may differ from schema to schema (and version to
  // version). The schema is written as connect.ts writes it in the search_path, unquoted.
  const relation = caches.schema === undefined ? quote(table) : `${caches.schema}.${quote(table)}`;
  let types = caches.types.get(relation);
  if (!types) {
    types = db
      .executeQuery<{ name: string; type: string }>(
        CompiledQuery.raw(
          'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped',
          [relation],
        ),
      )
      .then((result) => new Map(result.rows.map((r) => [r.name, r.type])));
    caches.types.set(relation, types);
    types.catch(() => caches.types.delete(relation));
  }
  return types;
}

/**
 * Text per row beyond which PostgreSQL inserts bind each value instead of arrays: the driver escapes
 * every element of an array literal in JavaScript, which for long texts full of quotes (system-log
 * JSON) costs about twice what binding them one by one does (measured: 2,000 rows of ~900 bytes).
 */
const WIDE_ROW_CHARS = 256;

function isWide(row: Record<string, unknown>, columns: readonly string[]): boolean {
  let chars = 0;
  for (const column of columns) {
    const value = row[column];
    if (typeof value === 'string') chars += value.length;
  }
  return chars > WIDE_ROW_CHARS;
}

/** Rows per PostgreSQL multi-row VALUES statement; the protocol allows 65,535 parameters. */
const POSTGRES_VALUES_ROWS = 500;

/** PostgreSQL, for wide rows: multi-row `INSERT ... VALUES`, the SQL text written once per shape. */
async function postgresValuesInsert(
  db: AnyExecutor,
  texts: Map<string, string>,
  table: string,
  rows: readonly object[],
  columns: readonly string[],
  options: InsertRowsOptions,
): Promise<Array<Record<string, unknown>>> {
  const perStatement = Math.max(1, Math.min(POSTGRES_VALUES_ROWS, Math.floor(65_535 / columns.length)));
  const returned: Array<Record<string, unknown>> = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement);
    const parameters: unknown[] = [];
    for (let i = start; i < end; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (const column of columns) parameters.push(row[column] ?? null);
    }
    const count = end - start;
    const key = shapeKey(table, columns, options, count);
    let text = texts.get(key);
    if (text === undefined) {
      const tuples: string[] = [];
      for (let r = 0; r < count; r++) {
        tuples.push(`(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
      }
      text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}${tail(options)}`;
      texts.set(key, text);
    }
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, parameters));
    if (options.returning) for (const row of result.rows) returned.push(row);
  }
  return returned;
}

/** Rows per PostgreSQL statement: bounds the array literals the driver builds for one statement. */
const POSTGRES_ROWS_PER_STATEMENT = 10_000;

/**
 * PostgreSQL: `INSERT ... SELECT * FROM unnest($1::type[], ...)`: one array parameter per column
 * whatever the number of rows (up to 10,000 a statement), and one short SQL text to parse. Wide rows
 * (long texts) are bound value by value in multi-row VALUES statements instead. Each call makes an
 * insertRows with its own caches (column types, SQL texts): one per database handle (connect.ts),
 * whose connections work in `schema` (or their search_path's schema when it is not named).
 */
export function postgresInsertRows(schema?: string): InsertRows {
  const caches: PostgresCaches = { schema, types: new Map(), texts: new Map() };
  return async (db, table, rows, options = {}) => {
    if (rows.length === 0) return [];
    const columns = columnsOf(rows, options);
    if (isWide(rows[0] as Record<string, unknown>, columns)) {
      return postgresValuesInsert(db, caches.texts, table, rows, columns, options);
    }
    const types = await postgresColumnTypes(db, caches, table);
    const unnest = columns.map((column, i) => {
      const type = types.get(column);
      if (type === undefined) throw new Error(`table ${table} has no column ${column}`);
      return `$${i + 1}::${type}[]`;
    });
    const text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) select * from unnest(${unnest.join(', ')})${tail(options)}`;
    const returned: Array<Record<string, unknown>> = [];
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
      const end = Math.min(rows.length, start + POSTGRES_ROWS_PER_STATEMENT);
      const arrays = columns.map(() => new Array<unknown>(end - start));
      for (let i = start; i < end; i++) {
        const row = rows[i] as Record<string, unknown>;
        for (let c = 0; c < columns.length; c++) {
          (arrays[c] as unknown[])[i - start] = row[columns[c] as string] ?? null;
        }
      }
      const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, arrays));
      if (options.returning) for (const row of result.rows) returned.push(row);
    }
    return returned;
  };
}
