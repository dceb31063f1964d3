import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DialectFeatures } from '../../src/db/dialects/dialect.js';
import { newId } from '../../src/lib/ids.js';
import type { AppUserRow } from '../../src/modules/app-users/app-users.repository.js';
import type { GrantEventRow, GrantRow } from '../../src/modules/grants/grants.repository.js';
import { grantEventRow } from '../../src/modules/grants/revocation.js';
import type { Dialect } from './databases.js';
import { BATCH_SIZE, startBenchApp } from './inserts.js';
import { median } from './table.js';

/** The three tables a new member's rows go to, in the runner's order (parents first). */
const TABLES = ['app_users', 'grants', 'grant_events'] as const;
type MemberTable = (typeof TABLES)[number];
type Batch = { app_users: AppUserRow[]; grants: GrantRow[]; grant_events: GrantEventRow[] };

// biome-ignore lint/suspicious/noExplicitAny: indexes of any table, read from the catalog.
type AnyDb = Kysely<any>;

export interface MemberRowCosts {
  readonly members: number;
  /** µs per member: its three rows with every index, as the runner inserts them. */
  readonly allUs: number;
  /** µs per member of one table's row alone (with that table's indexes). */
  readonly tables: Array<{ table: string; us: number }>;
  /**
   * µs per member saved when one secondary index is dropped (the others kept): the median over the
   * rounds of (run with every index − the run right after it without this one).
   */
  readonly indexes: Array<{ table: string; index: string; savedUs: number }>;
  /** PostgreSQL: µs per member of other ways to write the same three rows, all indexes. */
  readonly methods: Array<{ label: string; us: number }>;
}

/** The runner's unique index for ON CONFLICT: dropping it would change what the insert does. */
const ARBITER = 'grants_live_member';

function buildBatches(appId: string, entitlementId: string, members: number, tag: string): Batch[] {
  const now = new Date();
  const at = now.toISOString();
  const actor = { userId: newId(), clientId: newId(), requestId: newId() };
  const bulkActionId = newId();
  const batches: Batch[] = [];
  for (let first = 0; first < members; first += BATCH_SIZE) {
    const batch: Batch = { app_users: [], grants: [], grant_events: [] };
    for (let i = first; i < Math.min(members, first + BATCH_SIZE); i++) {
      const appUserId = newId();
      batch.app_users.push({
        id: appUserId,
        app_id: appId,
        identity_user_id: newId(),
        display_name: `Bench user ${tag}-${i}`,
        email: `bench.${tag}.${i}@example.test`,
        username: '',
        app_user_type: 'APP_USER_TYPE_USER',
        status: 'STATUS_ENABLED',
        created_at: at,
        updated_at: at,
        deleted_at: null,
      });
      const grant: GrantRow = {
        id: newId(),
        app_id: appId,
        app_entitlement_id: entitlementId,
        app_user_id: appUserId,
        source: 'MANUAL',
        bulk_action_id: bulkActionId,
        created_at: at,
        deprovision_at: null,
        deleted_at: null,
        ticket_id: null,
      };
      batch.grants.push(grant);
      batch.grant_events.push(
        grantEventRow(grant, 'GRANT_EVENT_TYPE_ADDED', now, { actor, bulkActionId }, true),
      );
    }
    batches.push(batch);
  }
  return batches;
}

/** Inserts one table's rows of a batch as the runner's repositories do (src/modules/*). */
async function insertTable(
  trx: AnyDb,
  features: DialectFeatures,
  table: MemberTable,
  batch: Batch,
): Promise<void> {
  if (table === 'app_users') await features.insertRows(trx, 'app_users', batch.app_users);
  if (table === 'grants') {
    await features.insertRows(trx, 'grants', batch.grants, {
      onConflictDoNothing: { columns: ['app_entitlement_id', 'app_user_id'], where: '"deleted_at" is null' },
      returning: ['id', 'app_user_id'],
    });
  }
  if (table === 'grant_events') {
    await features.insertRows(
      trx,
      'grant_events',
      await features.withChangePositions(trx, batch.grant_events),
    );
  }
}

async function secondaryIndexes(db: AnyDb, dialect: Dialect, table: string) {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
          where type = 'index' and tbl_name = ${table} and sql is not null order by name`.execute(db)
      : await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
          where schemaname = current_schema() and tablename = ${table} and indexname not like '%\\_pkey'
          order by indexname`.execute(db);
  return rows.filter((r) => r.name !== ARBITER);
}

const q = (name: string) => `"${name}"`;

/** COPY text format: tab-separated, `\N` for null, backslash escapes. */
function copyText(rows: readonly object[], columns: readonly string[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const values = columns.map((c) => {
      const v = (row as Record<string, unknown>)[c];
      if (v === null || v === undefined) return '\\N';
      return String(v).replace(/[\\\t\n\r]/g, (ch) =>
        ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
      );
    });
    lines.push(values.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * PostgreSQL only: the same three rows per member written (a) COPY into temporary staging tables,
 * then one `INSERT … SELECT … ON CONFLICT DO NOTHING` per table; (b) one statement whose CTEs write
 * the three tables from unnest arrays (one round trip); (c) the present three unnest INSERTs, on the
 * same raw connection, so the three differ only in how the rows travel. µs per member, all indexes.
 */
async function postgresMethods(url: string, all: () => Promise<Batch[]>, clear: () => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = {} as Record<MemberTable, string[]>;
    const types = {} as Record<MemberTable, Map<string, string>>;
    for (const table of TABLES) {
      const { rows } = await client.query<{ name: string; type: string }>(
        `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
         where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
        [table],
      );
      types[table] = new Map(rows.map((r) => [r.name, r.type]));
    }
    const sample = (await all())[0] as Batch;
    for (const table of TABLES) columns[table] = Object.keys(sample[table][0] as object);
    for (const table of TABLES) {
      await client.query(
        `create temp table ${q(`stage_${table}`)} on commit delete rows as
         select ${columns[table].map(q).join(', ')} from ${q(table)} with no data`,
      );
    }
    const conflict =
      ' on conflict ("app_entitlement_id", "app_user_id") where "deleted_at" is null do nothing';
    const unnestOf = (table: MemberTable, from: number) =>
      `unnest(${columns[table].map((c, i) => `$${from + i}::${types[table].get(c)}[]`).join(', ')})`;
    const arrays = (table: MemberTable, batch: Batch) =>
      columns[table].map((c) =>
        (batch[table] as object[]).map((r) => (r as Record<string, unknown>)[c] ?? null),
      );
    const insertText = (table: MemberTable, from: number) =>
      `insert into ${q(table)} (${columns[table].map(q).join(', ')}) select * from ${unnestOf(table, from)}`;
    const au = columns.app_users.length;
    const gr = columns.grants.length;
    const cte = `with a as (${insertText('app_users', 1)}),
      g as (${insertText('grants', au + 1)}${conflict} returning id),
      e as (insert into grant_events (${columns.grant_events.map(q).join(', ')})
            select u.* from ${unnestOf('grant_events', au + gr + 1)} as u(${columns.grant_events.map(q).join(', ')})
            join g on g.id = u.grant_id)
      select count(*)::int as n from g`;

    const ways: Record<string, (batch: Batch) => Promise<void>> = {
      'three unnest INSERTs (present)': async (batch) => {
        await client.query(insertText('app_users', 1), arrays('app_users', batch));
        await client.query(
          `${insertText('grants', 1)}${conflict} returning id, app_user_id`,
          arrays('grants', batch),
        );
        await client.query(insertText('grant_events', 1), arrays('grant_events', batch));
      },
      'COPY to staging + INSERT … SELECT per table': async (batch) => {
        for (const table of TABLES) {
          const stream = client.query(copyFrom(`copy ${q(`stage_${table}`)} from stdin`));
          await pipeline(Readable.from([copyText(batch[table], columns[table])]), stream);
        }
        const list = (t: MemberTable) => columns[t].map(q).join(', ');
        await client.query(`insert into app_users (${list('app_users')}) select * from stage_app_users`);
        await client.query(
          `insert into grants (${list('grants')}) select * from stage_grants${conflict} returning id, app_user_id`,
        );
        await client.query(
          `insert into grant_events (${list('grant_events')}) select * from stage_grant_events`,
        );
      },
      'one statement, CTEs writing the three tables': async (batch) => {
        await client.query(cte, [
          ...arrays('app_users', batch),
          ...arrays('grants', batch),
          ...arrays('grant_events', batch),
        ]);
      },
    };
    const run = async () => {
      const out: Array<{ label: string; us: number }> = [];
      for (const [label, write] of Object.entries(ways)) {
        await clear();
        const batches = await all();
        const started = performance.now();
        for (const batch of batches) {
          await client.query('begin');
          await write(batch);
          await client.query('commit');
        }
        const members = batches.reduce((n, b) => n + b.grants.length, 0);
        out.push({ label, us: ((performance.now() - started) * 1000) / members });
      }
      return out;
    };
    return { run, close: () => client.end() };
  } catch (error) {
    await client.end();
    throw error;
  }
}

/**
 * What each table and each secondary index costs per member, on a scratch database migrated like
 * Roster's: `members` members' three rows (app user, grant, ADDED entry) in transactions of
 * BATCH_SIZE members, with every index; each table's row alone; then with each secondary index
 * dropped in turn (restored after), each paired with a run with every index just before it. `rounds`
 * rounds, each measuring every variant once; each figure is the median of its rounds.
 */
export async function memberRowCosts(
  dialect: Dialect,
  members: number,
  postgresUrl?: string,
  rounds = 2,
  /** Indexes to create before measuring (SQL), to show what ones a migration dropped cost. */
  extraIndexes: readonly string[] = [],
): Promise<MemberRowCosts> {
  const bench = await startBenchApp(dialect, postgresUrl);
  const db = bench.t.db as unknown as AnyDb;
  const features = bench.t.container.dialect;
  let tag = 0;
  const build = async () => buildBatches(bench.appId, bench.entitlementId, members, `m${tag++}`);
  const clear = async () => {
    for (const table of [...TABLES].reverse()) await sql`delete from ${sql.table(table)}`.execute(db);
    // Every timed run starts from the same state: emptied tables, and the log of the work before
    // (index builds, deletes) written out, so no run pays for the checkpoint of the one before.
    if (dialect === 'postgres') {
      await sql`vacuum`.execute(db).catch(() => undefined);
      await sql`checkpoint`.execute(db);
    } else {
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
    }
  };
  const time = async (tables: readonly MemberTable[]) => {
    await clear();
    const batches = await build();
    const started = performance.now();
    for (const batch of batches) {
      await db.transaction().execute(async (trx) => {
        for (const table of tables) await insertTable(trx as AnyDb, features, table, batch);
      });
    }
    return ((performance.now() - started) * 1000) / members;
  };
  try {
    for (const index of extraIndexes) await sql.raw(index).execute(db);
    const indexes = (
      await Promise.all(
        TABLES.map(async (table) =>
          (await secondaryIndexes(db, dialect, table)).map((index) => ({ table, ...index })),
        ),
      )
    ).flat();
    const samples = new Map<string, number[]>();
    const add = (key: string, us: number) => samples.set(key, [...(samples.get(key) ?? []), us]);
    const methods =
      dialect === 'postgres' ? await postgresMethods(bench.databaseUrl as string, build, clear) : undefined;
    try {
      // A warm-up: the first batches pay for caches and statements the later ones reuse.
      await time(TABLES);
      for (let round = 0; round < rounds; round++) {
        add('all', await time(TABLES));
        for (const table of TABLES) add(`table:${table}`, await time([table]));
        // Paired: every index-less run right after a run with every index, the saving their
        // difference, so load that drifts over the minutes this takes falls on both alike.
        for (const index of indexes) {
          const withIt = await time(TABLES);
          add('all', withIt);
          await sql.raw(`drop index ${q(index.name)}`).execute(db);
          try {
            add(`index:${index.name}`, withIt - (await time(TABLES)));
          } finally {
            await sql.raw(index.def).execute(db);
          }
        }
        if (methods) for (const m of await methods.run()) add(`method:${m.label}`, m.us);
      }
    } finally {
      await methods?.close();
    }
    const of = (key: string) => median(samples.get(key) ?? [Number.NaN]);
    const allUs = of('all');
    return {
      members,
      allUs,
      tables: TABLES.map((table) => ({ table, us: of(`table:${table}`) })),
      indexes: indexes
        .map((index) => ({
          table: index.table,
          index: index.name,
          // Each sample already is a saving (the paired run with it less the run without).
          savedUs: of(`index:${index.name}`),
        }))
        .sort((a, b) => b.savedUs - a.savedUs),
      methods: [...samples.keys()]
        .filter((k) => k.startsWith('method:'))
        .map((k) => ({ label: k.slice('method:'.length), us: of(k) })),
    };
  } finally {
    await bench.close();
  }
}

/**
 * µs per member of `members` members' three rows inserted as the runner inserts them, in a fresh
 * scratch database migrated like Roster's, with `extraIndexes` (SQL) created first: A/B runs of
 * whole databases, free of what index DDL and deletes leave behind in a reused one.
 */
export async function timeMemberRowsFresh(
  dialect: Dialect,
  members: number,
  postgresUrl: string | undefined,
  extraIndexes: readonly string[],
): Promise<number> {
  const bench = await startBenchApp(dialect, postgresUrl);
  try {
    const db = bench.t.db as unknown as AnyDb;
    const features = bench.t.container.dialect;
    for (const index of extraIndexes) await sql.raw(index).execute(db);
    const batches = buildBatches(bench.appId, bench.entitlementId, members, 'fresh');
    const started = performance.now();
    for (const batch of batches) {
      await db.transaction().execute(async (trx) => {
        for (const table of TABLES) await insertTable(trx as AnyDb, features, table, batch);
      });
    }
    return ((performance.now() - started) * 1000) / members;
  } finally {
    await bench.close();
  }
}
