import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { connectDatabase, migrateToLatest } from '../../src/db/connect.js';
import { openTestDatabase, type TestDatabase } from '../../test/harness.js';

export type Dialect = 'sqlite' | 'postgres';

/** PostgreSQL server the bench works on: its own databases, created and dropped here. */
export const POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database; returns its URL. */
export async function createPostgresDatabase(name: string): Promise<string> {
  await admin((c) => c.query(`create database ${name}`));
  return databaseUrl(name);
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/**
 * A freshly migrated database with every index Roster has: a new SQLite file, or a new schema in
 * the bench's PostgreSQL database. Dropped by `drop()`.
 */
export async function openFreshDatabase(dialect: Dialect, postgresUrl?: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') return openTestDatabase('sqlite');
  if (!postgresUrl) throw new Error('a PostgreSQL URL is needed');
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-'));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const handle = connectDatabase({ postgresUrl, postgresSchema: schema, postgresPoolSize: 4 });
  await migrateToLatest(handle);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    handle,
    dataDir,
    env: { ROSTER_DATA_DIR: dataDir, ROSTER_DATABASE_URL: url.toString() },
    drop: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: postgresUrl });
      await dropper.connect();
      await dropper.query(`drop schema ${schema} cascade`);
      await dropper.end();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Where a running server keeps its data, for seeding it from the bench process. */
export type ServerDatabase = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** Grant IDs of the seeded entitlement: 27 characters like KSUIDs, sorting in seeding order. */
export const seededGrantId = (n: number) => `G${String(n).padStart(26, '0')}`;

/**
 * Seeds `count` live grants of one entitlement straight into the tables, with one app user each
 * (attached, round robin, to the existing users), in statements of 100,000 rows.
 */
export async function seedGrants(
  target: ServerDatabase,
  appId: string,
  entitlementId: string,
  count: number,
): Promise<void> {
  const at = new Date().toISOString();
  const step = 100_000;
  if (target.dialect === 'sqlite') {
    const sqlite = new SQLite(target.file);
    try {
      sqlite.pragma('busy_timeout = 30000');
      sqlite.exec(
        `create temp table bench_users (n integer primary key, id text not null);
         insert into bench_users select row_number() over (order by id) - 1, id from users;`,
      );
      const users = (sqlite.prepare('select count(*) as n from bench_users').get() as { n: number }).n;
      const appUsers = sqlite.prepare(
        `with recursive s(i) as (select ? union all select i + 1 from s where i < ?)
         insert into app_users (id, app_id, identity_user_id, display_name, email, username, app_user_type,
                                status, created_at, updated_at, deleted_at)
         select printf('A%026d', i), ?, b.id, 'Seeded app user ' || i, '', '', 'APP_USER_TYPE_USER',
                'STATUS_ENABLED', ?, ?, null
         from s join bench_users b on b.n = s.i % ?`,
      );
      const grants = sqlite.prepare(
        `with recursive s(i) as (select ? union all select i + 1 from s where i < ?)
         insert into grants (id, app_id, app_entitlement_id, app_user_id, source, bulk_action_id,
                             created_at, deprovision_at, deleted_at)
         select printf('G%026d', i), ?, ?, printf('A%026d', i), 'MANUAL', null, ?, null, null from s`,
      );
      for (let first = 1; first <= count; first += step) {
        const last = Math.min(count, first + step - 1);
        sqlite.transaction(() => {
          appUsers.run(first, last, appId, at, at, users);
          grants.run(first, last, appId, entitlementId, at);
        })();
      }
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(
      `create temp table bench_users as
         select (row_number() over (order by id) - 1)::int as n, id from users;
       create index on bench_users (n);`,
    );
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from bench_users');
    const users = rows[0]?.n ?? 1;
    for (let first = 1; first <= count; first += step) {
      const last = Math.min(count, first + step - 1);
      await client.query('begin');
      await client.query(
        `insert into app_users (id, app_id, identity_user_id, display_name, email, username, app_user_type,
                                status, created_at, updated_at, deleted_at)
         select 'A' || lpad(i::text, 26, '0'), $3, b.id, 'Seeded app user ' || i, '', '', 'APP_USER_TYPE_USER',
                'STATUS_ENABLED', $4, $4, null
         from generate_series($1::int, $2::int) i join bench_users b on b.n = i % $5`,
        [first, last, appId, at, users],
      );
      await client.query(
        `insert into grants (id, app_id, app_entitlement_id, app_user_id, source, bulk_action_id,
                             created_at, deprovision_at, deleted_at)
         select 'G' || lpad(i::text, 26, '0'), $3, $4, 'A' || lpad(i::text, 26, '0'), 'MANUAL', null,
                $5, null, null
         from generate_series($1::int, $2::int) i`,
        [first, last, appId, entitlementId, at],
      );
      await client.query('commit');
    }
    // What autovacuum would do soon after a load this size.
    await client.query('analyze grants; analyze app_users');
  } finally {
    await client.end();
  }
}
