import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../test/harness.js';
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
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
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
    const roster = startRoster({ ...database.env, ROSTER_PORT: '0' });
    const file = path.join(database.dataDir, CREDENTIALS_FILE);
    while (!(await exists(file))) {
      if (roster.child.exitCode !== null) break;
      await sleep(20);
    }
    roster.child.kill('SIGTERM');
    expect({ code: await roster.exited, stderr: roster.stderr() }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ clientId: expect.any(String) });
  });
});
