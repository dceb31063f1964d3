import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * The change stream (issue 12, src/modules/changes): every grant event and system-log event gets a
 * position (tx_id, seq) in one order shared by both tables, which a reader pages by with no gaps and
 * no repeats however many transactions write at once (see `DialectFeatures.changeHorizon`).
 *
 * - PostgreSQL: tx_id (xid8) defaults to the writing transaction's ID, seq to one sequence shared by
 *   both tables, so writers need no change. The sequence caches numbers per session: order is by
 *   tx_id first, and within one transaction (one session) cached numbers still increase.
 * - SQLite: tx_id is always 0; seq comes from the one-row counter `change_positions`, reserved once
 *   per INSERT inside the write transaction. seq defaults to 0, and the unique position index makes a
 *   second row inserted without a position fail instead of hiding from readers.
 *
 * Existing rows keep their order: both tables together are numbered by (occurred_at, id), at tx_id 0,
 * below every transaction to come. The feed's per-filter indexes move from (…, occurred_at, id) to
 * (…, tx_id, seq), the order the feed now pages in.
 */
const TABLES = ['grant_events', 'system_log_events'] as const;

const FEED_INDEXES = [
  { column: 'app_id', old: 'grant_events_app_time', new: 'grant_events_app_position' },
  {
    column: 'app_entitlement_id',
    old: 'grant_events_entitlement_time_id',
    new: 'grant_events_entitlement_position',
  },
  { column: 'app_user_id', old: 'grant_events_app_user_time', new: 'grant_events_app_user_position' },
];

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Numbers the rows of `table` by (occurred_at, id) over both tables, from 1. */
async function backfill(db: AnyDb, table: (typeof TABLES)[number]): Promise<void> {
  await sql`
    with ordered as (
      select 'grant_events' as source, id, occurred_at from grant_events
      union all
      select 'system_log_events' as source, id, occurred_at from system_log_events
    ), numbered as (
      select source, id, row_number() over (order by occurred_at, id, source) as n from ordered
    )
    update ${sql.table(table)} set seq = numbered.n
    from numbered
    where numbered.source = ${table} and numbered.id = ${sql.ref(`${table}.id`)}`.execute(db);
}

async function countRows(db: AnyDb): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select (select count(*) from grant_events) + (select count(*) from system_log_events) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function up(db: AnyDb): Promise<void> {
  const postgres = isPostgres(db);
  if (postgres) {
    await sql`create sequence change_positions_seq cache 100`.execute(db);
    for (const table of TABLES) {
      await sql`alter table ${sql.table(table)} add column tx_id xid8, add column seq bigint`.execute(db);
      await sql`update ${sql.table(table)} set tx_id = '0'`.execute(db);
      await backfill(db, table);
      await sql`alter table ${sql.table(table)}
        alter column tx_id set default pg_current_xact_id(), alter column tx_id set not null,
        alter column seq set default nextval('change_positions_seq'), alter column seq set not null`.execute(
        db,
      );
    }
    const count = await countRows(db);
    // Next number: count + 1 (setval with is_called false hands out exactly that value first).
    await sql`select setval('change_positions_seq', ${count + 1}, false)`.execute(db);
  } else {
    await sql`create table change_positions (
      id integer primary key check (id = 1),
      next_seq integer not null
    )`.execute(db);
    for (const table of TABLES) {
      await sql`alter table ${sql.table(table)} add column tx_id integer not null default 0`.execute(db);
      await sql`alter table ${sql.table(table)} add column seq integer not null default 0`.execute(db);
      await backfill(db, table);
    }
    const count = await countRows(db);
    await sql`insert into change_positions (id, next_seq) values (1, ${count + 1})`.execute(db);
  }
  for (const table of TABLES) {
    await db.schema.createIndex(`${table}_position`).on(table).columns(['tx_id', 'seq']).unique().execute();
  }
  for (const index of FEED_INDEXES) {
    await db.schema.dropIndex(index.old).execute();
    await db.schema
      .createIndex(index.new)
      .on('grant_events')
      .columns([index.column, 'tx_id', 'seq'])
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of FEED_INDEXES) {
    await db.schema.dropIndex(index.new).execute();
    await db.schema
      .createIndex(index.old)
      .on('grant_events')
      .columns([index.column, 'occurred_at', 'id'])
      .execute();
  }
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_position`).execute();
    await db.schema.alterTable(table).dropColumn('seq').execute();
    await db.schema.alterTable(table).dropColumn('tx_id').execute();
  }
  if (isPostgres(db)) await sql`drop sequence change_positions_seq`.execute(db);
  else await db.schema.dropTable('change_positions').execute();
}
