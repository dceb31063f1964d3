import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement } from '../../test/fixtures.js';
import { DIALECTS, PUBLIC_URL, startTestApp, type TestApp } from '../../test/harness.js';
import { createSignal, logRecord, onLines, waitUntil, withDeadline } from '../../test/wait.js';
import { hasUnfinishedChunks } from '../modules/bulk-actions/index.js';
import { createRunnerThread } from './thread.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Imports `count` users and asks for them all on a new entitlement; returns the action's ID. */
async function acceptAdd(t: TestApp, count: number, tag: string) {
  const appId = (await createApp(t)).id;
  const entitlementId = (await createEntitlement(t, appId)).id;
  const imported = await t.request('POST', '/roster/v1/users/import', {
    users: Array.from({ length: count }, (_, i) => ({
      displayName: `${tag}${i}`,
      email: `${tag}${i}@example.com`,
    })),
  });
  const added = await t.request(
    'POST',
    `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
    {
      userIds: imported.body.userIds,
    },
  );
  expect(added.status).toBe(200);
  return { id: added.body.bulkActionId as string, appId };
}

async function actionOf(t: TestApp, id: string) {
  return t.db
    .selectFrom('bulk_actions')
    .select(['state', 'processed', 'succeeded', 'failed'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Every accepted user granted exactly once, with one app user each, as the action reports. */
async function expectEachGrantedOnce(t: TestApp, id: string, appId: string, count: number) {
  expect(await actionOf(t, id)).toEqual({
    state: 'BULK_ACTION_STATE_SUCCEEDED',
    processed: count,
    succeeded: count,
    failed: 0,
  });
  const rows = async (table: 'grants' | 'grant_events' | 'bulk_action_items') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('bulk_action_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  expect(await rows('grants')).toBe(count);
  expect(await rows('grant_events')).toBe(count);
  // Only users that could not be applied leave an item row; every other outcome is read from the
  // grant history, one ADDED entry per grant, which names the app user it created.
  expect(await rows('bulk_action_items')).toBe(0);
  const created = await t.db
    .selectFrom('grant_events')
    .select('app_user_created')
    .where('bulk_action_id', '=', id)
    .execute();
  expect(created.every((e) => e.app_user_created === 1)).toBe(true);
  const appUsers = await t.db
    .selectFrom('app_users')
    .select('identity_user_id')
    .where('app_id', '=', appId)
    .execute();
  expect(new Set(appUsers.map((a) => a.identity_user_id)).size).toBe(count);
  expect(appUsers).toHaveLength(count);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const children = new Set<ChildProcess>();

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: fields are counted after its closing one.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

/**
 * Roster itself (src/main.ts) as a child process on the test's database. It logs at debug level, so
 * its log says when it listens and each batch its runner thread commits; `batches` tells of each.
 */
async function startServer(t: TestApp, batchSize: number) {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ROSTER_')));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      ...t.database.env,
      ROSTER_PORT: String(port),
      ROSTER_PUBLIC_URL: PUBLIC_URL,
      ROSTER_LOG_LEVEL: 'debug',
      ROSTER_BULK_BATCH_SIZE: String(batchSize),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const batches = createSignal();
  let listening: () => void = () => undefined;
  const listened = new Promise<void>((resolve) => {
    listening = resolve;
  });
  // Read for as long as the server runs: a pipe left full would stall its logging.
  onLines(child.stdout as NonNullable<typeof child.stdout>, (line) => {
    const record = logRecord(line);
    if (record?.msg === 'bulk action batch committed') batches.notify();
    else if (record?.msg?.startsWith('Server listening at ')) listening();
    // Warnings and errors go to the test's stderr, so a failure shows them.
    else if (Number(record?.level) >= 40) process.stderr.write(`${line}\n`);
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      batches.fail(new Error(`the server exited (${signal ?? code})`));
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  await withDeadline(
    Promise.race([
      listened,
      exited.then(() => {
        throw new Error('the server exited at start-up');
      }),
    ]),
    { what: 'the server to listen' },
  );
  return { child, exited, url, batches };
}

describe.each(DIALECTS)('the bulk-action runner thread on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await t.close();
  });

  it('given a way to look for work, holds no thread while idle and starts one when work waits', async () => {
    const shareable = t.database.handle.shareable;
    if (!shareable) throw new Error('the test database is a file or a schema, which a thread can share');
    let looked: (found: boolean) => void = () => {};
    const firstLook = new Promise<boolean>((resolve) => {
      looked = resolve;
    });
    const thread = createRunnerThread({
      settings: { connect: shareable, logLevel: 'silent', batchSize: 50, owner: 'idle-thread-test' },
      logger: pino({ level: 'silent' }),
      hasWork: async () => {
        const found = await hasUnfinishedChunks(t.db);
        looked(found);
        return found;
      },
      pollMs: 20,
    });
    const batches = createSignal();
    const transactions: number[] = [];
    thread.onBatch(({ transactionMs }) => {
      transactions.push(transactionMs);
      batches.notify();
    });
    thread.start();
    expect(await firstLook).toBe(false);
    expect(thread.threadId).toBeUndefined();
    // Work created elsewhere (here: by the test app, which wakes nobody) is found by the poll.
    const { id, appId } = await acceptAdd(t, 120, 'I');
    await batches.until(async () => (await actionOf(t, id)).state === 'BULK_ACTION_STATE_SUCCEEDED', {
      what: 'the thread to apply the action',
    });
    expect(thread.threadId).toBeGreaterThan(0);
    // The runner thread yields the CPU to requests: on Linux its nice value is its own, the
    // calling thread keeps the process's.
    if (process.platform === 'linux') {
      expect(threadNiceValues()).toContain(os.constants.priority.PRIORITY_BELOW_NORMAL);
      expect(os.getPriority(0)).toBe(os.constants.priority.PRIORITY_NORMAL);
    }
    await thread.stop();
    expect(thread.threadId).toBeUndefined();
    if (process.platform === 'linux') {
      expect(threadNiceValues()).not.toContain(os.constants.priority.PRIORITY_BELOW_NORMAL);
    }
    await expectEachGrantedOnce(t, id, appId, 120);
    // 120 users in batches of 50 (or more, as batches grow): each reported with its transaction's time.
    expect(transactions.length).toBeGreaterThanOrEqual(1);
    expect(transactions.length).toBeLessThanOrEqual(3);
    for (const ms of transactions) expect(ms).toBeGreaterThan(0);
  });

  it('ends its thread once idle, saying so (not a crash), and starts a new one when work waits', async () => {
    const shareable = t.database.handle.shareable;
    if (!shareable) throw new Error('the test database is a file or a schema, which a thread can share');
    const errors: unknown[] = [];
    const thread = createRunnerThread({
      settings: { connect: shareable, logLevel: 'silent', batchSize: 50, owner: 'idle-exit-test' },
      logger: {
        info: () => undefined,
        warn: () => undefined,
        error: (...args: unknown[]) => errors.push(args),
      },
      hasWork: () => hasUnfinishedChunks(t.db),
      pollMs: 20,
      idleExitMs: 100,
    } as Parameters<typeof createRunnerThread>[0]);
    const batches = createSignal();
    thread.onBatch(() => batches.notify());
    thread.start();
    for (const round of ['X', 'Y']) {
      const { id, appId } = await acceptAdd(t, 60, round);
      await batches.until(async () => (await actionOf(t, id)).state === 'BULK_ACTION_STATE_SUCCEEDED', {
        what: `the thread to apply action ${round}`,
      });
      await expectEachGrantedOnce(t, id, appId, 60);
      // With no more work the thread ends by itself.
      await waitUntil(() => thread.threadId === undefined, { what: 'the idle thread to end' });
    }
    expect(errors).toEqual([]);
    await thread.stop();
  });

  it('applies an action in its own thread and connection, and stops when asked', async () => {
    const { id, appId } = await acceptAdd(t, 600, 'T');
    const shareable = t.database.handle.shareable;
    if (!shareable) throw new Error('the test database is a file or a schema, which a thread can share');
    const thread = createRunnerThread({
      settings: { connect: shareable, logLevel: 'silent', batchSize: 50, owner: 'runner-thread-test' },
      logger: pino({ level: 'silent' }),
    });
    const batches = createSignal();
    thread.onBatch(() => batches.notify());
    thread.start();
    expect(thread.threadId).toBeGreaterThan(0);
    thread.wake();
    const owners = new Set<string>();
    // After each batch: who holds the action's chunks, until it has succeeded.
    await batches.until(
      async () => {
        if ((await actionOf(t, id)).state === 'BULK_ACTION_STATE_SUCCEEDED') return true;
        const leased = await t.db
          .selectFrom('bulk_action_chunks')
          .select('lease_owner')
          .where('bulk_action_id', '=', id)
          .where('lease_owner', 'is not', null)
          .execute();
        for (const row of leased) owners.add(row.lease_owner as string);
        return false;
      },
      { what: 'the thread to apply the action' },
    );
    await thread.stop();
    expect(thread.threadId).toBeUndefined();
    // Only the thread worked on it (its runners are named after it: on PostgreSQL it runs two side by
    // side, DialectFeatures.bulkRunners): the in-process runner of this test app was never started.
    expect(owners.size).toBeGreaterThan(0);
    expect([...owners].every((owner) => /^runner-thread-test(-\d+)?$/.test(owner))).toBe(true);
    await expectEachGrantedOnce(t, id, appId, 600);
  });

  it('answers requests while a large add is applied, and a server killed mid-add leaves each user granted once', async () => {
    const count = 3_000;
    const { id, appId } = await acceptAdd(t, count, 'K');
    // Batches of one user (growing to five at most): hundreds of commits, so the add lasts long
    // enough for a request to be answered part-way even on a loaded machine.
    const first = await startServer(t, 1);
    const token = t.token;
    // A request to the server answered while its runner is part-way through the add: one at once and
    // one after each batch it commits (several batches during one request: one more request).
    let answeredMidway = false;
    await first.batches.until(
      async () => {
        const response = await fetch(`${first.url}/roster/v1/bulk_actions/${id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(200);
        const { bulkAction } = (await response.json()) as { bulkAction: { processed: number } };
        if (bulkAction.processed >= 200 && bulkAction.processed < count) answeredMidway = true;
        return bulkAction.processed >= 200;
      },
      { what: 'the server to have processed 200 users', timeoutMs: 60_000 },
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const atKill = (await actionOf(t, id)).processed;
    expect(answeredMidway).toBe(true);
    expect(atKill).toBeLessThan(count);

    // A new server takes the chunk over once the dead one's lease runs out, and stops cleanly.
    const second = await startServer(t, 500);
    await second.batches.until(
      async () => (await actionOf(t, id)).state === 'BULK_ACTION_STATE_SUCCEEDED',
      // The dead server's lease (30 s) runs out first.
      { what: 'the second server to finish the add', timeoutMs: 90_000 },
    );
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    await expectEachGrantedOnce(t, id, appId, count);
  }, 120_000);
});
