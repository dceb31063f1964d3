import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql, type Transaction } from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL that Roster's code depends on, named once.
 * Nothing outside src/db/ branches on the dialect.
 */
export interface DialectFeatures {
  readonly name: 'sqlite' | 'postgres';
  /** Bound parameters one statement may carry. */
  readonly maxParameters: number;
  /**
   * Locks the selected rows for the enclosing transaction, skipping rows another transaction holds.
   * SQLite has a single writer, so a write transaction already excludes every other claimant.
   */
  lockSkippingLocked<DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O>;
  /**
   * Takes a share lock on the selected rows for the enclosing transaction, so a concurrent update
   * (a delete) of them waits for it, and it reads their latest committed version. SQLite's single
   * writer already orders the two.
   */
  lockForShare<DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O>;
  /**
   * A from-item `v` with one text column `value` holding `values`, bound as ONE parameter: a lookup
   * of 100,000 IDs is then one statement with no 100,000-value IN list for Kysely to build and the
   * driver to bind. SQLite reads a JSON array with `json_each`; PostgreSQL unnests a text array.
   */
  textValues(values: readonly string[]): RawBuilder<unknown>;
  /** True when `error` is a violation of a unique index. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * Makes transactions that call this with the same key run one at a time, across processes.
   * SQLite's single writer already does; PostgreSQL takes a transaction-scoped advisory lock.
   */
  serialize<DB>(trx: Transaction<DB> | Kysely<DB>, key: string): Promise<void>;
  /** As `serialize`, for many keys at once, taken in a fixed order so two callers cannot deadlock. */
  serializeEach<DB>(trx: Transaction<DB> | Kysely<DB>, keys: readonly string[]): Promise<void>;
  /**
   * The schema new tables go to, where there are schemas (PostgreSQL's `current_schema()`); Kysely's
   * migrator must be pinned to it, or it finds its bookkeeping tables in any schema of the database.
   */
  currentSchema<DB>(db: Kysely<DB>): Promise<string | undefined>;
  /**
   * Runs `work` while no other process runs schema changes in the same database. Kysely's migrator
   * lists the tables of every schema, and on PostgreSQL that listing fails when another schema's
   * tables are created or dropped meanwhile (several Roster databases, or test schemas, side by
   * side); a session advisory lock held on one pooled connection orders them. SQLite needs none.
   */
  withSchemaChangeLock<DB, T>(db: Kysely<DB>, work: () => Promise<T>): Promise<T>;
}

export const sqliteFeatures: DialectFeatures = {
  name: 'sqlite',
  // SQLITE_MAX_VARIABLE_NUMBER in the SQLite that better-sqlite3 bundles.
  maxParameters: 32_766,
  lockSkippingLocked: (query) => query,
  lockForShare: (query) => query,
  serialize: async () => {},
  serializeEach: async () => {},
  currentSchema: async () => undefined,
  withSchemaChangeLock: (_db, work) => work(),
  textValues: (values) => sql`json_each(${JSON.stringify(values)}) as v`,
  isUniqueViolation: (error) =>
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
};

export const postgresFeatures: DialectFeatures = {
  name: 'postgres',
  // The wire protocol counts parameters in an Int16.
  maxParameters: 65_535,
  lockSkippingLocked: (query) => query.forUpdate().skipLocked(),
  lockForShare: (query) => query.forShare(),
  serialize: async (trx, key) => {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  },
  serializeEach: async (trx, keys) => {
    if (keys.length === 0) return;
    await sql`select pg_advisory_xact_lock(h) from (select distinct hashtext(k) as h from unnest(${[...keys]}::text[]) as k order by h) as ordered`.execute(
      trx,
    );
  },
  currentSchema: async (db) => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema;
  },
  withSchemaChangeLock: (db, work) =>
    db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(hashtext('roster:schema-change'))`.execute(connection);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(hashtext('roster:schema-change'))`.execute(connection);
      }
    }),
  textValues: (values) => sql`unnest(${[...values]}::text[]) as v(value)`,
  isUniqueViolation: (error) =>
    typeof error === 'object' && error !== null && 'code' in error && error.code === '23505',
};
