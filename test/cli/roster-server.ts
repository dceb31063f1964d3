import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createContainer } from '../../src/container.js';
import { systemClock } from '../../src/lib/clock.js';
import { bootstrapAdminClient } from '../../src/modules/auth/bootstrap.js';
import { type DialectName, openTestDatabase, type TestDatabase } from '../harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built `roster` binary, as package.json's `bin` names it. */
export const BIN = path.join(ROOT, 'dist/cli/roster/main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The tests run the real built binary; a missing or stale build is rebuilt first (CI builds before). */
export function ensureBuilt(): void {
  const built = fs.existsSync(BIN) ? fs.statSync(BIN).mtimeMs : 0;
  if (built >= newestMtime(path.join(ROOT, 'src/cli/roster'))) return;
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

export interface RosterServer {
  readonly url: string;
  readonly database: TestDatabase;
  readonly credentialsFile: string;
  close(): Promise<void>;
}

/**
 * A real Roster on a free port of 127.0.0.1, on a fresh database of the dialect, with its
 * background loops started (bulk-action runner, webhooks, maintenance, expiry sweeper): what
 * `npm start` runs, in the test process.
 */
export async function startRosterServer(dialect: DialectName): Promise<RosterServer> {
  const database = await openTestDatabase(dialect);
  const config = loadConfig({
    ...database.env,
    ROSTER_LOG_LEVEL: 'silent',
    ROSTER_HOST: '127.0.0.1',
    ROSTER_PORT: '0',
  });
  const logger = pino({ level: 'silent' });
  const container = await createContainer({ config, database: database.handle, clock: systemClock, logger });
  const app = await buildApp(container, { logger });
  // As src/main.ts does: listen, give the container the port, then bootstrap and start.
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  container.listeningOn(port);
  const credentialsFile = await bootstrapAdminClient({
    db: database.handle.db,
    dialect: database.handle.dialect,
    clock: systemClock,
    systemLog: container.systemLog,
    users: container.users,
    publicHost: container.publicUrl().host,
    dataDir: config.dataDir,
  });
  if (!credentialsFile) throw new Error('no bootstrap credentials were written');
  container.background.start();
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    credentialsFile,
    async close() {
      await app.close();
      await container.background.stop();
      await database.drop();
    },
  };
}

/** A bearer token of the bootstrap Super Admin, for what a test does through the API itself. */
export async function adminToken(server: RosterServer): Promise<string> {
  const { clientId, clientSecret } = JSON.parse(fs.readFileSync(server.credentialsFile, 'utf8'));
  const answer = await fetch(`${server.url}/auth/v1/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A config directory of its own, so profiles never leak between tests or into the user's. */
export const newConfigHome = () => fs.mkdtempSync(path.join(os.tmpdir(), 'roster-cli-'));

/**
 * The environment of a CLI run: no ROSTER_* settings of the test process leak in, and its config and
 * state (the run journals) stay in the test's folder.
 */
export function cliEnv(configHome: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('ROSTER_')) env[key] = value;
  return { ...env, XDG_CONFIG_HOME: configHome, XDG_STATE_HOME: path.join(configHome, 'state'), ...extra };
}

/** Starts `roster ARGS` as a child process. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs `roster ARGS` to its end. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = spawnCli(args, env);
  return collect(child);
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
