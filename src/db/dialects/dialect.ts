import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { type InsertRows, postgresInsertRows, sqliteInsertRows } from '../insert-rows.js';

/**
 * A place in the change stream (src/modules/changes): the writing transaction's ID and a sequence
 * number, as decimal strings. Positions are ordered by (txId, seq).
 */
export interface ChangePosition {
  readonly txId: string;
  readonly seq: string;
}

/**
 * Every difference between SQLite and PostgreSQL that Roster's code depends on, named once.
 * Nothing outside src/db/ branches on the dialect.
 */
export interface DialectFeatures {
  readonly name: 'sqlite' | 'postgres';
  /** Bound parameters one statement may carry. */
  readonly maxParameters: number;
  /**
   * How long one bulk-action batch transaction should take at most when batches adapt
   * (bulk-action.runner.ts). SQLite's one writer holds every other writer, and the checkpoints
   * readers wait on, for a whole batch: 200 ms. PostgreSQL's readers never wait for a writer, and
   * other writers wait only on the rows they share: 1 s, so a batch amortises its fixed round trips
   * and its commit over more members.
   */
  readonly bulkBatchTargetMs: number;
  /**
   * How many runners the bulk-action runner thread runs side by side, each on a chunk of its own
   * (chunks of one action apply in parallel; bulk-actions.repository.ts claimChunk). SQLite has one
   * writer at a time, so a second runner would only wait for the first: 1. PostgreSQL writes both
   * at once and spends the time of each batch mostly in the server, not in the thread: 2.
   */
  readonly bulkRunners: number;
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
   * Which of an entitlement's member-count rows this transaction moves (`entitlement_member_counts`):
   * on PostgreSQL one of eight chosen by the connection, the same for the whole transaction (so its
   * updates of several entitlements, taken in ID order, cannot deadlock with another's), different
   * across the pool's connections (so concurrent batches of one entitlement rarely wait on each
   * other). SQLite's single writer needs one row.
   */
  memberCountShard(): RawBuilder<number>;
  /**
   * Inserts many rows of one table, the fastest way each database offers without Kysely building the
   * statement: SQLite reuses prepared 100-row INSERTs (the same SQL text each batch, so the
   * connection's statement cache keeps them); PostgreSQL binds one array per column and inserts
   * `SELECT * FROM unnest(...)`, one statement whatever the number of rows.
   */
  readonly insertRows: InsertRows;
  /**
   * A from-item `v` with one text column `value` holding `values`, bound as ONE parameter: a lookup
   * of 100,000 IDs is then one statement with no 100,000-value IN list for Kysely to build and the
   * driver to bind. SQLite reads a JSON array with `json_each`; PostgreSQL unnests the values split
   * from one comma-joined text (or a text array, when a value holds a comma).
   */
  textValues(values: readonly string[]): RawBuilder<unknown>;
  /**
   * The text column `column` compared byte by byte, the order JavaScript's `<` gives IDs, for pages
   * that merge rows read in SQL order with rows sorted in JavaScript. PostgreSQL compares text by
   * the database's collation, which may follow language rules (`a` before `B` under en_US), so it
   * asks for the "C" collation; SQLite's default BINARY collation already compares bytes.
   */
  bytewise(column: string): RawBuilder<string>;
  /** True when `error` is a violation of a unique index. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * Refreshes the planner's statistics of `tables` after a bulk load, as autovacuum would a minute
   * later: PostgreSQL plans a table it has no statistics for as if it held a few hundred rows (a
   * keyset page over 100,000 fresh rows was then read by sorting all of them). SQLite's planner
   * keeps no statistics it is not asked for: nothing to do.
   */
  refreshStatistics<DB>(db: Kysely<DB>, tables: readonly string[]): Promise<void>;
  /**
   * Makes transactions that call this with the same key run one at a time, across processes.
   * SQLite's single writer already does; PostgreSQL takes a transaction-scoped advisory lock.
   */
  serialize<DB>(trx: Transaction<DB> | Kysely<DB>, key: string): Promise<void>;
  /** As `serialize`, for many keys at once, taken in a fixed order so two callers cannot deadlock. */
  serializeEach<DB>(trx: Transaction<DB> | Kysely<DB>, keys: readonly string[]): Promise<void>;
  /**
   * As `serializeEach`, keyed by existing rows: holds the rows of `table` whose `id` is one of `ids`
   * until the transaction ends, against every other transaction that locks them so (or updates or
   * deletes them), in ID order so two callers cannot deadlock. For thousands of keys per transaction:
   * PostgreSQL keeps a row lock in the row itself (`FOR NO KEY UPDATE`), where an advisory lock takes
   * a slot of the server's shared lock table, which batches of thousands of advisory locks in two
   * transactions at once ran out of ("out of shared memory"). SQLite's single writer needs none.
   */
  lockRowsForWrite<DB>(
    trx: Transaction<DB> | Kysely<DB>,
    table: string,
    ids: readonly string[],
  ): Promise<void>;
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
  /**
   * Gives rows about to be inserted into grant_events or system_log_events their change-stream
   * positions (columns tx_id, seq): called once per INSERT statement, inside the transaction that
   * inserts them (it refuses to run outside one), with `rows` in insert order.
   * - PostgreSQL: nothing to do, the rows come back as they are; column defaults store the writing
   *   transaction's ID (`pg_current_xact_id()`) and a number from one shared sequence, and readers
   *   only pass rows whose transaction is below the oldest one still running (`changeHorizon`).
   * - SQLite: one writer at a time (also across connections), so positions handed out inside the
   *   write transaction, in insert order, are commit order. One UPDATE reserves `rows.length`
   *   numbers from the `change_positions` counter, which commits or rolls back with the rows; tx_id
   *   keeps its default, 0. Each row gets its `seq` set in place (one more column per row).
   */
  withChangePositions<DB, R extends object>(
    trx: Transaction<DB> | Kysely<DB>,
    rows: readonly R[],
  ): Promise<readonly R[]>;
  /** Columns `withChangePositions` adds to each row: count them when sizing a multi-row INSERT. */
  readonly changePositionColumnsAdded: number;
  /**
   * The furthest position a reader of the change stream may pass now: every row at or before it
   * has committed, and every row not yet committed will lie after it, so a cursor never skips one.
   * - PostgreSQL: (xmin of the current snapshot, 0). Every transaction below xmin has ended, and no
   *   new one can get a lower ID, so rows with tx_id < xmin are final. xmin is cluster-wide: a long
   *   transaction in any database of the cluster (or a prepared one) holds readers back until it
   *   ends; it delays them, never makes them miss a row.
   * - SQLite: (0, last number the counter handed out): a counter value is committed with its rows.
   */
  changeHorizon<DB>(db: Transaction<DB> | Kysely<DB>): Promise<ChangePosition>;
  /**
   * A position every row committed so far lies at or below: once `changeHorizon` reaches it, a
   * reader can see everything written before this call (read-your-writes for tests and tools).
   * - PostgreSQL: (xmax of the current snapshot, 0), the first transaction ID not yet handed out.
   * - SQLite: the horizon itself; its readers are never held back.
   */
  changeFrontier<DB>(db: Transaction<DB> | Kysely<DB>): Promise<ChangePosition>;
  /**
   * Runs a large write (an import of thousands of users) so that it leaves no memory behind.
   * - SQLite: the connection's page cache is held to LARGE_WRITE_CACHE_KIB (16 MB) during the write
   *   and freed after it (`pragma shrink_memory`), then the handle's own size is restored. With the
   *   usual 64 MB the write filled it with thousands of 4 KB pages among the request's other
   *   allocations; freed, they left ~70 MB of holes in glibc's main heap, which glibc gives back to
   *   the system only from its top or through `malloc_trim` (Node never calls it): +57 MB RSS 10 s
   *   after a 100,000-user import, +3 MB with 16 MB, at the same import speed (8 MB: ~15 % slower;
   *   bench/RESULTS.md). Overlapping large writes on one handle are counted: the last to end
   *   restores the cache.
   * - PostgreSQL: runs the write; the server keeps its own buffers.
   */
  largeWrite<DB, T>(db: Kysely<DB>, write: () => Promise<T>): Promise<T>;
}

function requireTransaction(db: { readonly isTransaction: boolean }): void {
  if (!db.isTransaction) {
    throw new Error('change-stream positions are given inside the transaction that inserts the rows');
  }
}

/** SQLITE_MAX_VARIABLE_NUMBER in the SQLite that better-sqlite3 bundles. */
const SQLITE_MAX_PARAMETERS = 32_766;

/** SQLite's page cache during a large write (DialectFeatures.largeWrite), in KiB. */
const LARGE_WRITE_CACHE_KIB = 16_384;

/**
 * SQLite's features for one database handle whose page cache is `cacheKiB` (connect.ts sets it):
 * its insertRows keeps its own caches, so nothing cached for one database is used for another
 * (connect.ts makes one per handle), and so does its count of large writes under way.
 */
export function sqliteFeatures(cacheKiB: number): DialectFeatures {
  let largeWrites = 0;
  const setCache = <DB>(db: Kysely<DB>, kib: number) =>
    sql.raw(`pragma cache_size = ${-Math.trunc(kib)}`).execute(db);
  return {
    ...sqliteCommon,
    insertRows: sqliteInsertRows(SQLITE_MAX_PARAMETERS),
    largeWrite: async (db, write) => {
      if (largeWrites++ === 0) await setCache(db, Math.min(cacheKiB, LARGE_WRITE_CACHE_KIB));
      try {
        return await write();
      } finally {
        if (--largeWrites === 0) {
          await sql`pragma shrink_memory`.execute(db);
          await setCache(db, cacheKiB);
        }
      }
    },
  };
}

/**
 * PostgreSQL's features for one database handle, whose connections work in `schema` (or their
 * search_path's when it is not named): its insertRows keeps the column types it reads per handle and
 * schema, so two handles on two schemas whose tables of one name differ each insert with their own.
 */
export function postgresFeatures(schema?: string): DialectFeatures {
  return { ...postgresCommon, insertRows: postgresInsertRows(schema) };
}

/** What every SQLite handle shares: no state, only SQL. */
const sqliteCommon: Omit<DialectFeatures, 'insertRows' | 'largeWrite'> = {
  name: 'sqlite',
  maxParameters: SQLITE_MAX_PARAMETERS,
  bulkBatchTargetMs: 200,
  bulkRunners: 1,
  lockSkippingLocked: (query) => query,
  lockForShare: (query) => query,
  memberCountShard: () => sql<number>`0`,
  serialize: async () => {},
  serializeEach: async () => {},
  lockRowsForWrite: async () => {},
  currentSchema: async () => undefined,
  withSchemaChangeLock: (_db, work) => work(),
  withChangePositions: async (trx, rows) => {
    if (rows.length === 0) return rows;
    requireTransaction(trx);
    const { rows: reserved } = await sql<{ first: number }>`update change_positions
      set next_seq = next_seq + ${rows.length} returning next_seq - ${rows.length} as first`.execute(trx);
    let seq = reserved[0]?.first;
    if (seq === undefined) throw new Error('the change_positions counter is missing (migration 0010)');
    // In place: copying each row (spread or Object.assign) costs 0.25-2.4 µs a row, setting one
    // property a few ns, and the rows are the INSERT's own fresh values.
    for (const row of rows as ReadonlyArray<{ seq?: number }>) row.seq = seq++;
    return rows;
  },
  changePositionColumnsAdded: 1,
  changeHorizon: async (db) => {
    const { rows } = await sql<{ last: number }>`select next_seq - 1 as last from change_positions`.execute(
      db,
    );
    return { txId: '0', seq: String(rows[0]?.last ?? 0) };
  },
  changeFrontier: (db) => sqliteCommon.changeHorizon(db),
  textValues: (values) => sql`json_each(${JSON.stringify(values)}) as v`,
  bytewise: (column) => sql<string>`${sql.ref(column)}`,
  refreshStatistics: async () => {},
  isUniqueViolation: (error) =>
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
};

/** What every PostgreSQL handle shares: no state, only SQL. */
const postgresCommon: Omit<DialectFeatures, 'insertRows'> = {
  name: 'postgres',
  // The wire protocol counts parameters in an Int16.
  maxParameters: 65_535,
  bulkBatchTargetMs: 1_000,
  bulkRunners: 2,
  lockSkippingLocked: (query) => query.forUpdate().skipLocked(),
  lockForShare: (query) => query.forShare(),
  memberCountShard: () => sql<number>`pg_backend_pid() % 8`,
  serialize: async (trx, key) => {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  },
  serializeEach: async (trx, keys) => {
    if (keys.length === 0) return;
    await sql`select pg_advisory_xact_lock(h) from (select distinct hashtext(k) as h from unnest(${[...keys]}::text[]) as k order by h) as ordered`.execute(
      trx,
    );
  },
  lockRowsForWrite: async (trx, table, ids) => {
    if (ids.length === 0) return;
    await sql`select 1 from ${sql.table(table)} where id = any(${[...ids]}::text[]) order by id for no key update`.execute(
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
  withChangePositions: async (_trx, rows) => rows,
  changePositionColumnsAdded: 0,
  changeHorizon: async (db) => {
    const { rows } = await sql<{
      horizon: string;
    }>`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`.execute(db);
    const horizon = rows[0]?.horizon;
    if (horizon === undefined) throw new Error('pg_current_snapshot() returned no row');
    return { txId: horizon, seq: '0' };
  },
  largeWrite: (_db, write) => write(),
  changeFrontier: async (db) => {
    const { rows } = await sql<{
      frontier: string;
    }>`select pg_snapshot_xmax(pg_current_snapshot())::text as frontier`.execute(db);
    const frontier = rows[0]?.frontier;
    if (frontier === undefined) throw new Error('pg_current_snapshot() returned no row');
    return { txId: frontier, seq: '0' };
  },
  // The values travel as ONE comma-joined text that the server splits: the driver escapes every
  // element of an array literal in JavaScript (about 40 ms for 100,000 IDs), joining costs ~2 ms.
  // A value holding a comma could not be split back (nor a lone '' told from no value), so such a
  // list goes as an array as before.
  textValues: (values) =>
    values.some((value) => value === '' || value.includes(','))
      ? sql`unnest(${[...values]}::text[]) as v(value)`
      : sql`unnest(string_to_array(${values.join(',')}::text, ',')) as v(value)`,
  bytewise: (column) => sql<string>`${sql.ref(column)} collate "C"`,
  refreshStatistics: async (db, tables) => {
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
  },
  isUniqueViolation: (error) =>
    typeof error === 'object' && error !== null && 'code' in error && error.code === '23505',
};
