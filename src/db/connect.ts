import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type DialectFeatures, postgresFeatures, sqliteFeatures } from './dialects/dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { Database, Db } from './schema.js';

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A postgres:// URL; when absent, SQLite at `sqlitePath`. */
  readonly postgresUrl?: string | undefined;
  readonly sqlitePath?: string;
  /** PostgreSQL schema to work in (tests use one per file). */
  readonly postgresSchema?: string;
  readonly postgresPoolSize?: number;
}

export function connectDatabase(options: ConnectOptions): DatabaseHandle {
  if (options.postgresUrl) {
    const pool = new pg.Pool({
      connectionString: options.postgresUrl,
      max: options.postgresPoolSize ?? 10,
      ...(options.postgresSchema ? { options: `-c search_path=${options.postgresSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: postgresFeatures, close: () => db.destroy() };
  }

  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before Roster answers 200, even across a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The default 2 MB page cache costs about a quarter of bulk insert speed (PERFORMANCE-NOTES.md).
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: sqliteFeatures, close: () => db.destroy() };
}

/** Applies every pending migration; safe to run from several processes at once (Kysely locks). */
export async function migrateToLatest(db: Db, options: { schema?: string } = {}): Promise<void> {
  // Kysely looks for its migration tables in every schema unless told which; with a schema per test
  // file on one PostgreSQL database it would otherwise find another file's tables and skip its own.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}

/** True when every known migration has been applied. */
export async function isMigrated(db: Db): Promise<boolean> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const migrations = await migrator.getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
