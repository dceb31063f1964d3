import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../test/harness.js';
import { createSignal, logRecord, onLines } from '../test/wait.js';
import { CREDENTIALS_FILE } from './modules/auth/bootstrap.js';

const MAIN = path.resolve(import.meta.dirname, 'main.ts');

/** Starts Roster as `npm start` would, in its own process. */
function startRoster(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
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
  return { child, exited, stderr: () => stderr, messages, happened };
}

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
});
