import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsStale } from '../scripts/build-stamp.mjs';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../test/harness.js';
import { createSignal, logRecord, onLines, withDeadline } from '../test/wait.js';
import { PID_FILE } from './db/data-dir-lock.js';
import { newId } from './lib/ids.js';
import { CREDENTIALS_FILE } from './modules/auth/bootstrap.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAIN = path.resolve(import.meta.dirname, 'main.ts');

/** Starts Roster as `npm start` would, in its own process; with `viaNpm`, by `npm start` itself. */
function startRoster(env: Record<string, string>, options: { viaNpm?: boolean } = {}) {
  const [command, args] = options.viaNpm
    ? ['npm', ['start', '--silent']]
    : [process.execPath, ['--import', 'tsx', MAIN]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ROSTER_HOST: '127.0.0.1', ROSTER_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // What its log said (at the level the test set), and a signal of each line and of the exit.
  const messages: string[] = [];
  const happened = createSignal();
  onLines(child.stdout, (line) => {
    const msg = logRecord(line)?.msg;
    if (msg !== undefined) messages.push(msg);
    happened.notify();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      happened.notify();
      resolve(code);
    }),
  );
  // Every process that holds the child's stdout (with npm: npm, its shell and the server) has ended.
  const outputClosed = new Promise<void>((resolve) => child.stdout.on('close', resolve));
  return { child, exited, outputClosed, stderr: () => stderr, messages, happened };
}

const LISTENING = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/;

/** Waits until Roster listens (its log says where, at info level) and answers its URL. */
async function listening(roster: ReturnType<typeof startRoster>): Promise<string> {
  const url = () =>
    roster.messages.map((msg) => LISTENING.exec(msg)?.[1]).find((found) => found !== undefined);
  await roster.happened.until(() => url() !== undefined || roster.child.exitCode !== null, {
    what: 'Roster to listen',
  });
  const found = url();
  if (found === undefined) throw new Error(`Roster exited: ${roster.stderr()}`);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

describe.each(DIALECTS)('starting Roster on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  it('on a port in use says so in one line, exits 1 and writes no credentials', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const roster = startRoster({ ...database.env, ROSTER_PORT: String(port) });
      expect(await roster.exited).toBe(1);
      expect(roster.stderr()).toBe(
        `roster: cannot listen on 127.0.0.1:${port}: the address is already in use (set ROSTER_PORT or ROSTER_HOST)\n`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    expect(await exists(path.join(database.dataDir, CREDENTIALS_FILE))).toBe(false);
    const clients = await database.handle.db.selectFrom('api_clients').select('id').execute();
    expect(clients).toEqual([]);
  });

  it('on a free port writes the credentials once listening, and stops cleanly on SIGTERM', async () => {
    // At info level Roster logs that it wrote the credentials file, once it has.
    const roster = startRoster({ ...database.env, ROSTER_PORT: '0', ROSTER_LOG_LEVEL: 'info' });
    const file = path.join(database.dataDir, CREDENTIALS_FILE);
    const wrote = 'created the bootstrap Super Admin API client; its credentials are in this file';
    await roster.happened.until(() => roster.messages.includes(wrote) || roster.child.exitCode !== null, {
      what: 'Roster to write its credentials',
    });
    roster.child.kill('SIGTERM');
    expect({ code: await roster.exited, stderr: roster.stderr() }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ clientId: expect.any(String) });
  });

  it('with ROSTER_PORT=0 hands out the port it was given: client IDs, token issuer, SCIM base URL', async () => {
    const own = await openTestDatabase(dialect);
    const roster = startRoster({ ...own.env, ROSTER_PORT: '0', ROSTER_LOG_LEVEL: 'info' });
    try {
      const file = path.join(own.dataDir, CREDENTIALS_FILE);
      const wrote = 'created the bootstrap Super Admin API client; its credentials are in this file';
      await roster.happened.until(() => roster.messages.includes(wrote) || roster.child.exitCode !== null, {
        what: 'Roster to write its credentials',
      });
      if (roster.child.exitCode !== null) throw new Error(`Roster exited: ${roster.stderr()}`);
      const credentials = JSON.parse(await fs.readFile(file, 'utf8'));
      const host = /@([^/]+)\/pcc$/.exec(credentials.clientId)?.[1] ?? '';
      expect(host).toMatch(/^127\.0\.0\.1:\d+$/);
      const port = Number(host.split(':')[1]);
      expect(port).toBeGreaterThan(0);
      // The port in the client ID is the one Roster listens on.
      const base = `http://${host}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      const issued = await fetch(`${base}/auth/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
        }),
      });
      expect(issued.status).toBe(200);
      const token = ((await issued.json()) as { access_token: string }).access_token;
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
      expect(claims.iss).toBe(base);

      const post = (url: string, body: unknown) =>
        fetch(`${base}${url}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const scim = await post('/roster/v1/scim/connections', { displayName: 'Port zero' });
      expect(scim.status).toBe(200);
      const { connection } = (await scim.json()) as { connection: { id: string; baseUrl: string } };
      expect(connection.baseUrl).toBe(`${base}/scim/v2/${connection.id}`);
      const personal = await post('/api/v1/iam/personal_clients', { displayName: 'Port zero' });
      expect(personal.status).toBe(200);
      const { client } = (await personal.json()) as { client: { clientId: string } };
      expect(client.clientId).toMatch(new RegExp(`@${host.replaceAll('.', '\\.')}/pcc$`));
      // What it stored is what it answered.
      const stored = await own.handle.db
        .selectFrom('api_clients')
        .select('client_id')
        .orderBy('client_id')
        .execute();
      expect(stored.map((c) => c.client_id).sort()).toEqual([credentials.clientId, client.clientId].sort());

      roster.child.kill('SIGTERM');
      expect({ code: await roster.exited, stderr: roster.stderr() }).toEqual({ code: 0, stderr: '' });
    } finally {
      if (roster.child.exitCode === null) {
        roster.child.kill('SIGTERM');
        await roster.exited;
      }
      await own.drop();
    }
  });
  it('starts on a database whose live users share an email, and warns how many emails are shared', async () => {
    const own = await openTestDatabase(dialect);
    // Stored before a live user's email was unique: reported, never merged.
    const at = new Date().toISOString();
    const user = (email: string) => ({
      id: newId(),
      display_name: email,
      email,
      username: email,
      status: 'ENABLED',
      type: 'USER_TYPE_HUMAN',
      role_ids: '[]',
      profile: '{}',
      department: '',
      manager_ids: '[]',
      employee_ids: '[]',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    });
    await own.handle.db
      .insertInto('users')
      .values([user('twin@start.test'), user('Twin@start.test'), user('solo@start.test')])
      .execute();
    const roster = startRoster({ ...own.env, ROSTER_PORT: '0', ROSTER_LOG_LEVEL: 'info' });
    try {
      // The credentials are written after the signal handlers are in place, so SIGTERM stops it cleanly.
      const wrote = 'created the bootstrap Super Admin API client; its credentials are in this file';
      await roster.happened.until(() => roster.messages.includes(wrote) || roster.child.exitCode !== null, {
        what: 'Roster to write its credentials',
      });
      expect(roster.messages).toContain(
        '1 email is shared by several live users; list them with GET /roster/v1/users/shared-emails or `roster users shared-emails`, and change or delete all but one',
      );
      roster.child.kill('SIGTERM');
      expect({ code: await roster.exited, stderr: roster.stderr() }).toEqual({ code: 0, stderr: '' });
    } finally {
      if (roster.child.exitCode === null) {
        roster.child.kill('SIGTERM');
        await roster.exited;
      }
      await own.drop();
    }
  });
});

describe('stopping Roster', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
  });
  afterAll(() => database.drop());

  it('`npm start` stops the server on SIGTERM to npm: the server process ends and its port refuses', async () => {
    // `npm start` builds first when a source changed; the build is done here, outside the wait.
    if (buildIsStale(ROOT)) {
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
      expect(build.status).toBe(0);
    }
    const roster = startRoster(
      { ...database.env, ROSTER_PORT: '0', ROSTER_LOG_LEVEL: 'info' },
      { viaNpm: true },
    );
    const url = await listening(roster);
    const serverPid = Number(await fs.readFile(path.join(database.dataDir, PID_FILE), 'utf8'));
    expect(serverPid).not.toBe(roster.child.pid);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    roster.child.kill('SIGTERM');
    await roster.exited;
    // Were the server left running, it would hold the output open: the wait gives up, naming it.
    await withDeadline(roster.outputClosed, { what: 'the server process to end after npm did' });
    expect(alive(serverPid)).toBe(false);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 300_000);

  it('a second Roster on the same data folder refuses in one line; after a SIGKILL the next one starts', async () => {
    const env = { ...database.env, ROSTER_PORT: '0', ROSTER_LOG_LEVEL: 'info' };
    const first = startRoster(env);
    let second: ReturnType<typeof startRoster> | undefined;
    let third: ReturnType<typeof startRoster> | undefined;
    try {
      const url = await listening(first);
      second = startRoster(env);
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toBe(
        `roster: another Roster is using the data folder ${database.dataDir} (pid ${first.child.pid}); stop it first\n`,
      );
      // It touched nothing: it never reached the database, and the first one keeps serving.
      expect(second.messages).toEqual([]);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      // A killed Roster leaves no lock behind.
      first.child.kill('SIGKILL');
      await first.exited;
      third = startRoster(env);
      const next = await listening(third);
      expect((await fetch(`${next}/healthz`)).status).toBe(200);
      third.child.kill('SIGTERM');
      expect({ code: await third.exited, stderr: third.stderr() }).toEqual({ code: 0, stderr: '' });
    } finally {
      for (const roster of [first, second, third]) {
        if (roster && roster.child.exitCode === null && roster.child.signalCode === null) {
          roster.child.kill('SIGKILL');
          await roster.exited;
        }
      }
    }
  });
});
