import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { type Container, createContainer } from '../src/container.js';
import { connectDatabase, type DatabaseHandle, migrateTo, migrateToLatest } from '../src/db/connect.js';
import { manualClock } from '../src/lib/clock.js';
import { bootstrapAdminClient } from '../src/modules/auth/bootstrap.js';
import { dropSchemas, TEST_SCHEMA_PREFIX } from './schemas.js';

export type DialectName = 'sqlite' | 'postgres';

const POSTGRES_URL = process.env.ROSTER_TEST_DATABASE_URL;

/** Every suite runs on each of these: SQLite always, PostgreSQL when its URL is set (CI sets it). */
export const DIALECTS: DialectName[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly dataDir: string;
  /** How another process reaches the same database (for child-process tests). */
  readonly env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: a new SQLite file, or a new PostgreSQL schema in the test database,
 * dropped afterwards. `migrate: false` leaves it empty, for tests of the migrations themselves.
 */
export async function openTestDatabase(
  dialect: DialectName,
  /** `upTo`: migrate only up to this migration; `migrate: false`: not at all (migration tests). */
  options: { migrate?: boolean; upTo?: string } = {},
): Promise<TestDatabase> {
  const migrate = async (handle: DatabaseHandle) => {
    if (options.migrate === false) return;
    await (options.upTo ? migrateTo(handle, options.upTo) : migrateToLatest(handle));
  };
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-test-'));
  if (dialect === 'sqlite') {
    const handle = connectDatabase({ sqlitePath: path.join(dataDir, 'roster.db') });
    await migrate(handle);
    return {
      handle,
      dataDir,
      env: { ROSTER_DATA_DIR: dataDir },
      drop: async () => {
        await handle.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!POSTGRES_URL) throw new Error('ROSTER_TEST_DATABASE_URL is not set');
  const schema = `${TEST_SCHEMA_PREFIX}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = connectDatabase({ postgresUrl: POSTGRES_URL, postgresSchema: schema, postgresPoolSize: 4 });
  await migrate(handle);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    handle,
    dataDir,
    env: { ROSTER_DATA_DIR: dataDir, ROSTER_DATABASE_URL: url.toString() },
    drop: async () => {
      await handle.close();
      // Inside a test run, the run's teardown drops every schema it made (global-setup.ts).
      if (!process.env.ROSTER_TEST_RUN) await dropSchemas(schema);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface InjectResult {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly container: Container;
  readonly database: TestDatabase;
  readonly db: Container['db'];
  readonly config: Config;
  readonly clock: ReturnType<typeof manualClock>;
  /** The bootstrap Super Admin's credentials, as written to admin-credentials.json. */
  readonly credentials: { clientId: string; clientSecret: string };
  /** A bearer token of the bootstrap Super Admin. */
  readonly token: string;
  /** A new bearer token of the bootstrap Super Admin, valid from the clock's current time. */
  issueAdminToken(): Promise<string>;
  /** Sends a request with the admin token (or `options.token`; `null` sends none). */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    options?: { token?: string | null; headers?: Record<string, string>; rawBody?: string },
  ): Promise<InjectResult>;
  /** Runs the bulk-action runner until no claimable work is left. */
  drainBulkActions(): Promise<void>;
  close(): Promise<void>;
}

export const PUBLIC_URL = 'http://roster.test:8080';

export async function startTestApp(
  dialect: DialectName,
  options: { env?: Record<string, string>; database?: TestDatabase; logger?: FastifyBaseLogger } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase(dialect));
  const config = loadConfig({
    ROSTER_DATA_DIR: database.dataDir,
    ROSTER_PUBLIC_URL: PUBLIC_URL,
    ROSTER_LOG_LEVEL: 'silent',
    ...options.env,
  });
  const clock = manualClock(new Date());
  const logger = options.logger ?? pino({ level: process.env.ROSTER_TEST_LOG_LEVEL ?? 'silent' });
  const base = { db: database.handle.db, dialect: database.handle.dialect, clock };
  const container = await createContainer({ config, database: database.handle, clock, logger });
  await bootstrapAdminClient({
    ...base,
    systemLog: container.systemLog,
    users: container.users,
    publicHost: config.publicUrl.host,
    dataDir: config.dataDir,
  });
  const credentials = JSON.parse(
    await fs.readFile(path.join(config.dataDir, 'admin-credentials.json'), 'utf8'),
  ) as TestApp['credentials'];
  const app = await buildApp(container, { logger });
  const issueAdminToken = async () =>
    (
      await container.tokens.issue(
        {
          grant_type: 'client_credentials',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
        },
        { requestId: 'test-setup', sourceAddress: '127.0.0.1' },
      )
    ).access_token;
  const token = await issueAdminToken();
  // The admin token `request` sends by default: re-issued once the test's clock has moved past half
  // its lifetime, so suites that move the clock (idle sessions, expiries) keep acting as the admin.
  let adminToken = { value: token, issuedAt: clock.now().getTime() };
  const currentAdminToken = async () => {
    if (clock.now().getTime() - adminToken.issuedAt > (config.tokenTtlSeconds * 1000) / 2) {
      adminToken = { value: await issueAdminToken(), issuedAt: clock.now().getTime() };
    }
    return adminToken.value;
  };

  return {
    app,
    container,
    database,
    db: database.handle.db,
    config,
    clock,
    credentials,
    token,
    issueAdminToken,
    async request(method, url, body, opts = {}) {
      const authToken = opts.token === undefined ? await currentAdminToken() : opts.token;
      const headers: Record<string, string> = { ...opts.headers };
      if (authToken !== null) headers.authorization = `Bearer ${authToken}`;
      let payload: string | undefined = opts.rawBody;
      if (payload === undefined && body !== undefined) {
        payload = JSON.stringify(body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      let parsed: unknown = response.body;
      try {
        parsed = JSON.parse(response.body);
      } catch {
        // Non-JSON bodies are returned as text, for tests that check they never happen.
      }
      return { status: response.statusCode, body: parsed, headers: response.headers };
    },
    drainBulkActions: () => container.runner.runUntilIdle(),
    async close() {
      await app.close();
      await container.background.stop();
      if (!options.database) await database.drop();
    },
  };
}
