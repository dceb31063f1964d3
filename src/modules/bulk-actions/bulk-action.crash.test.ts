import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkItems, createApp, createEntitlement } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { withDeadline } from '../../../test/wait.js';

const WORKER = path.resolve(import.meta.dirname, '../../../test/workers/bulk-runner.ts');

function startWorker(
  t: TestApp,
  env: Record<string, string>,
): { child: ChildProcess; exited: Promise<number | null>; paused: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, ...t.database.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // With RUNNER_PAUSE_AT the runner says when it has paused; a runner that exits first never will.
  const paused = Promise.race([
    once(child, 'message').then(() => undefined),
    exited.then((code) => {
      throw new Error(`the runner exited (code ${code}) before it paused`);
    }),
  ]);
  paused.catch(() => undefined);
  return { child, exited, paused };
}

describe.each(DIALECTS)('bulk actions survive SIGKILL on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('completes the action exactly once in a second process after the first is killed mid-way', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 1000 }, (_, i) => ({ displayName: `K${i}`, email: `k${i}@example.com` })),
    });
    const added = await t.request(
      'POST',
      `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
      {
        userIds: imported.body.userIds,
      },
    );
    const id = added.body.bulkActionId as string;
    const cursor = async () =>
      (
        await t.db
          .selectFrom('bulk_actions')
          .select('processed')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).processed;

    const first = startWorker(t, {
      RUNNER_OWNER: 'doomed',
      RUNNER_LEASE_MS: '1000',
      RUNNER_BATCH_SIZE: '50',
      RUNNER_PAUSE_AT: '150',
    });
    await withDeadline(first.paused, { what: 'the first runner to pause after 150 users' });
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await cursor();
    expect(atKill).toBeGreaterThanOrEqual(150);
    expect(atKill).toBeLessThan(1000);

    const second = startWorker(t, { RUNNER_OWNER: 'successor', RUNNER_BATCH_SIZE: '200', RUNNER_UNTIL: id });
    expect(await second.exited).toBe(0);

    const action = await t.request('GET', `/roster/v1/bulk_actions/${id}`);
    expect(action.body.bulkAction).toMatchObject({
      state: 'BULK_ACTION_STATE_SUCCEEDED',
      total: 1000,
      processed: 1000,
      succeeded: 1000,
      failed: 0,
    });
    const count = async (table: 'grants' | 'grant_events' | 'bulk_action_items') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('bulk_action_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('grants')).toBe(1000);
    expect(await count('grant_events')).toBe(1000);
    // Successes leave no item; all 1,000 are read back ADDED from the grant history, once each.
    expect(await count('bulk_action_items')).toBe(0);
    const items = await bulkItems(t, id);
    expect(items).toHaveLength(1000);
    expect(new Set(items.map((i) => i.userId)).size).toBe(1000);
    expect(items.every((i) => i.outcome === 'ADDED')).toBe(true);
    const appUsers = await t.db
      .selectFrom('app_users')
      .select('identity_user_id')
      .where('app_id', '=', appId)
      .execute();
    expect(appUsers).toHaveLength(1000);
    expect(new Set(appUsers.map((a) => a.identity_user_id)).size).toBe(1000);
  });
});
