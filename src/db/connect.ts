import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { preparedNames } from './cached-query.js';
import { type DialectFeatures, postgresFeatures, sqliteFeatures } from './dialects/dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { Database, Db } from './schema.js';

/** Connections in the pool, for /metrics. SQLite has one connection and no pool: total 1 only. */
export interface PoolStats {
  readonly total: number;
  readonly idle?: number;
  readonly waiting?: number;
}

export interface DatabaseHandle {
  readonly db: Db;
  /**
   * The dialect's features, this handle's own: what they cache (insertRows' column types and SQL
   * texts) is kept per handle, as is SQLite's statement cache, never in module-level globals, so a
   * process with handles on several databases or schemas keeps each one's apart.
   */
  readonly dialect: DialectFeatures;
  poolStats(): PoolStats;
  /**
   * How another thread opens a connection of its own to this same database (the bulk-action worker);
   * undefined for an in-memory SQLite database, which no other connection can see.
   */
  readonly shareable: ConnectOptions | undefined;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A postgres:// URL; when absent, SQLite at `sqlitePath`. */
  readonly postgresUrl?: string | undefined;
  readonly sqlitePath?: string;
  /** PostgreSQL schema to work in (tests use one per file). */
  readonly postgresSchema?: string;
  readonly postgresPoolSize?: number;
  /** SQLite's page cache for this connection, in KiB (default SQLITE_CACHE_KIB). */
  readonly sqliteCacheKiB?: number;
}

/**
 * SQLite's page cache per connection, in KiB. The default 2 MB costs about a quarter of bulk insert
 * speed (PERFORMANCE-NOTES.md); a large write holds it smaller (DialectFeatures.largeWrite).
 */
const SQLITE_CACHE_KIB = 65_536;

export function connectDatabase(options: ConnectOptions): DatabaseHandle {
  if (options.postgresUrl) {
    const pool = new pg.Pool({
      connectionString: options.postgresUrl,
      max: options.postgresPoolSize ?? 10,
      ...(options.postgresSchema ? { options: `-c search_path=${options.postgresSchema}` } : {}),
    });
    pool.on('connect', namedStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: postgresFeatures(options.postgresSchema),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      shareable: { postgresUrl: options.postgresUrl, postgresSchema: options.postgresSchema },
      close: () => db.destroy(),
    };
  }

  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before Roster answers 200, even across a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const cacheKiB = options.sqliteCacheKiB ?? SQLITE_CACHE_KIB;
  sqlite.pragma(`cache_size = ${-cacheKiB}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: sqliteFeatures(cacheKiB),
    poolStats: () => ({ total: 1 }),
    shareable: file === ':memory:' ? undefined : { sqlitePath: file },
    close: () => db.destroy(),
  };
}

/**
 * Kysely opens SQLite transactions with a deferred `begin`. With a second connection writing (the
 * bulk-action thread, or another process), a deferred transaction that has read and then writes
 * fails at once with SQLITE_BUSY_SNAPSHOT whenever the other committed in between: the busy timeout
 * cannot help, its snapshot is stale. `begin immediate` takes the write lock first, waiting up to
 * the busy timeout for the other connection's transaction, so transactions queue instead of failing.
 */
const BEGIN_WRITE = 'begin immediate';

/**
 * Kysely prepares every query anew; on SQLite that costs about as much as running a small query
 * (a CPU profile of authenticated GETs showed it). Prepared statements are reusable, and Kysely runs
 * one query at a time on its single connection, so the most recent ones are kept by SQL text.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const sql = text === 'begin' ? BEGIN_WRITE : text;
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = rowsAsObjects(sqlite.prepare(sql));
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * A reading statement whose rows better-sqlite3 returns as arrays, each made into an object by a
 * function compiled for the statement's columns. better-sqlite3 builds each row object through V8's
 * API, one property at a time; an object literal of a fixed shape costs a fraction of that. A page
 * of 100 members, 14 columns: 360 µs → 215 µs. The objects are the same: named by column, a
 * repeated name holding its last column's value, in the same key order.
 */
function rowsAsObjects(statement: SQLite.Statement): SQLite.Statement {
  if (!statement.reader) return statement;
  const names = statement.columns().map((column) => column.name);
  // A literal's `"__proto__": …` would set the prototype, not a property: such a statement stays as it was.
  if (names.includes('__proto__')) return statement;
  const toObject = new Function(
    'row',
    `return {${names.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ')}};`,
  ) as (row: unknown[]) => Record<string, unknown>;
  statement.raw(true);
  // Kysely's SQLite driver reads `reader` and calls all, iterate and run.
  return {
    reader: true,
    all: (parameters: unknown) => (statement.all(parameters) as unknown[][]).map(toObject),
    *iterate(parameters: unknown) {
      for (const row of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(row);
    },
    run: (parameters: unknown) => statement.run(parameters),
  } as unknown as SQLite.Statement;
}

/**
 * The queries cachedQuery compiles once run on PostgreSQL as named prepared statements: the server
 * parses and plans each once per connection, and every later run sends only its values. Kysely
 * calls `query(text, values)`; a text cachedQuery registered is sent under its name, others as
 * they were (unnamed, parsed each time).
 */
function namedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? preparedNames.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  }) as typeof client.query;
}

/**
 * Kysely looks for its own bookkeeping tables in every schema unless told which one to use, so on
 * PostgreSQL the migrator is pinned to the connection's current schema.
 */
async function migratorFor({ db, dialect }: DatabaseHandle): Promise<Migrator> {
  const migrationTableSchema = await dialect.currentSchema(db);
  return new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/** Applies every pending migration; safe to run from several processes at once. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const migrator = await migratorFor(handle);
  const { error, results } = await handle.dialect.withSchemaChangeLock(handle.db, () =>
    migrator.migrateToLatest(),
  );
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}

/**
 * Applies the migrations up to and including `name`, and no further: tests write data in the shape
 * of an earlier version, then migrate it to check that nothing is lost.
 */
export async function migrateTo(handle: DatabaseHandle, name: string): Promise<void> {
  const migrator = await migratorFor(handle);
  const { error, results } = await handle.dialect.withSchemaChangeLock(handle.db, () =>
    migrator.migrateTo(name),
  );
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}

/** True when every known migration has been applied. */
export async function isMigrated({ db, dialect }: DatabaseHandle): Promise<boolean> {
  // Kysely's migration table, read directly: the migrator's own check lists the tables of every
  // schema in the database and waits for other processes' schema changes, and readiness must answer
  // at once on a database that holds many schemas. The table is where migratorFor puts it.
  const schema = await dialect.currentSchema(db);
  const table = sql.table(schema ? `${schema}.kysely_migration` : 'kysely_migration');
  let executed: Set<string>;
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    executed = new Set(rows.map((row) => row.name));
  } catch (error) {
    if (isMissingTable(error)) return false;
    throw error;
  }
  return Object.keys(await migrationProvider.getMigrations()).every((name) => executed.has(name));
}

/** The migration table does not exist yet (a database never migrated): PostgreSQL 42P01, SQLite's message. */
function isMissingTable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === '42P01') return true;
  return error instanceof Error && error.message.startsWith('no such table');
}
