import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkItems, createApp, createEntitlement } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { newId } from '../../lib/ids.js';
import { createBulkActionRunner } from './bulk-action.runner.js';
import { claimChunk } from './bulk-actions.repository.js';
import { insertNewBulkAction } from './new-bulk-action.js';

const silent = pino({ level: 'silent' });

/** A runner over the test app's database, clock and system log. */
const runnerFor = (t: TestApp, options: Partial<Parameters<typeof createBulkActionRunner>[0]> = {}) =>
  createBulkActionRunner({
    db: t.db,
    dialect: t.container.dialect,
    clock: t.clock,
    systemLog: t.container.systemLog,
    logger: silent,
    ...options,
  });

describe.each(DIALECTS)('bulk-action runner on %s', (dialect) => {
  let t: TestApp;
  let url: string;
  let entitlementId: string;
  let userIds: string[];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    url = `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 95 }, (_, i) => ({ displayName: `U${i}`, email: `u${i}@example.com` })),
    });
    userIds = imported.body.userIds;
  });
  afterAll(() => t.close());

  const runner = (owner: string, afterBatch?: (info: { cursor: number }) => void) =>
    runnerFor(t, { batchSize: 10, leaseMs: 30_000, owner, ...(afterBatch ? { afterBatch } : {}) });

  const chunksOf = (id: string) =>
    t.db
      .selectFrom('bulk_action_chunks')
      .select(['cursor', 'done', 'lease_owner'])
      .where('bulk_action_id', '=', id)
      .orderBy('seq')
      .execute();

  async function countWhere(
    table: 'grants' | 'grant_events' | 'bulk_action_items' | 'system_log_events',
    bulkActionId: string,
  ) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('bulk_action_id', '=', bulkActionId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('completes exactly once after a runner dies between batches', async () => {
    const { body } = await t.request('POST', url, { userIds });
    const id = body.bulkActionId as string;

    // The first runner "dies" after its third batch commits: it never releases its lease.
    const crashed = runner('crashed', ({ cursor }) => {
      if (cursor >= 30) throw new Error('simulated crash');
    });
    await expect(crashed.runUntilIdle()).rejects.toThrow('simulated crash');
    const midway = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(midway).toMatchObject({ state: 'BULK_ACTION_STATE_RUNNING', processed: 30 });
    expect(await chunksOf(id)).toEqual([{ cursor: 30, done: 0, lease_owner: 'crashed' }]);
    expect(await countWhere('grants', id)).toBe(30);

    // While the dead runner's lease lasts nobody else takes the action...
    const successor = runner('successor');
    await successor.runUntilIdle();
    expect((await chunksOf(id))[0]?.cursor).toBe(30);

    // ...and once it expires, the successor finishes the rest.
    t.clock.advance(30_001);
    await successor.runUntilIdle();
    const done = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({
      state: 'BULK_ACTION_STATE_SUCCEEDED',
      processed: 95,
      succeeded: 95,
      failed: 0,
    });
    expect(await chunksOf(id)).toEqual([{ cursor: 95, done: 1, lease_owner: null }]);
    expect(await countWhere('grants', id)).toBe(95);
    expect(await countWhere('grant_events', id)).toBe(95);
    // Outcomes are read from the grant history: no item is stored for a success.
    expect(await countWhere('bulk_action_items', id)).toBe(0);
    const items = await bulkItems(t, id);
    expect(items).toHaveLength(95);
    expect(items.every((i) => i.outcome === 'ADDED' && i.appUserCreated === true)).toBe(true);
    // The action's life only: created, started (once, by the first runner) and finished.
    const log = await t.db
      .selectFrom('system_log_events')
      .select('activity')
      .where('bulk_action_id', '=', id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(log.map((e) => e.activity)).toEqual([
      'bulk_action.created',
      'bulk_action.started',
      'bulk_action.finished',
    ]);
    const live = await t.db
      .selectFrom('grants')
      .select('app_user_id')
      .where('app_entitlement_id', '=', entitlementId)
      .where('deleted_at', 'is', null)
      .execute();
    expect(new Set(live.map((g) => g.app_user_id)).size).toBe(live.length);
  });

  it('stops gracefully between batches, releasing its lease for the next runner', async () => {
    const { body } = await t.request('POST', url, { userIds });
    const id = body.bulkActionId as string;
    const stopping = runner('stopping', ({ cursor }) => {
      if (cursor >= 20) void stopping.stop();
    });
    await stopping.runUntilIdle();
    const paused = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(paused).toMatchObject({ state: 'BULK_ACTION_STATE_RUNNING', processed: 20 });
    expect(await chunksOf(id)).toEqual([{ cursor: 20, done: 0, lease_owner: null }]);

    await runner('next').runUntilIdle();
    const done = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Everyone was already a member from the previous test: each is a success, none is granted twice.
    expect(done).toMatchObject({ state: 'BULK_ACTION_STATE_SUCCEEDED', processed: 95, succeeded: 95 });
    const outcomes = await bulkItems(t, id);
    expect(outcomes).toHaveLength(95);
    expect(new Set(outcomes.map((o) => o.outcome))).toEqual(new Set(['ALREADY_MEMBER']));
    expect(await countWhere('grants', id)).toBe(0);
  });

  it('grows its batches up to the largest size while they finish well inside the target', async () => {
    const { body } = await t.request('POST', url, { userIds });
    const id = body.bulkActionId as string;
    const cursors: number[] = [];
    await runnerFor(t, {
      batchSize: 10,
      maxBatchSize: 40,
      // No batch takes anywhere near an hour: each one may double the next.
      batchTargetMs: 3_600_000,
      owner: 'growing',
      afterBatch: ({ cursor }) => {
        cursors.push(cursor);
      },
    }).runUntilIdle();
    expect(cursors).toEqual([10, 30, 70, 95]);
    expect(await chunksOf(id)).toEqual([{ cursor: 95, done: 1, lease_owner: null }]);
    const outcomes = await bulkItems(t, id);
    expect(new Set(outcomes.map((o) => o.userId)).size).toBe(95);
  });

  it('halves its batches while they overrun the target, down to the smallest size, and still applies everyone once', async () => {
    const { body } = await t.request('POST', url, { userIds });
    const id = body.bulkActionId as string;
    const cursors: number[] = [];
    await runnerFor(t, {
      batchSize: 40,
      maxBatchSize: 80,
      minBatchSize: 5,
      // Every batch takes longer than no time at all: each one halves the next, to the floor.
      batchTargetMs: 0,
      owner: 'shrinking',
      afterBatch: ({ cursor }) => {
        cursors.push(cursor);
      },
    }).runUntilIdle();
    expect(cursors).toEqual([40, 60, 70, 75, 80, 85, 90, 95]);
    expect(await chunksOf(id)).toEqual([{ cursor: 95, done: 1, lease_owner: null }]);
    const outcomes = await bulkItems(t, id);
    expect(outcomes).toHaveLength(95);
    expect(new Set(outcomes.map((o) => o.userId)).size).toBe(95);
  });
});

describe.each(DIALECTS)('runners sharing one action on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { env: { ROSTER_BULK_CHUNK_SIZE: '7' } });
  });
  afterAll(() => t.close());

  it('splits the action into chunks that racing runners each apply once', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 95 }, (_, i) => ({ displayName: `R${i}`, email: `r${i}@example.com` })),
    });
    const { body } = await t.request(
      'POST',
      `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
      {
        userIds: imported.body.userIds,
      },
    );
    const id = body.bulkActionId as string;
    const chunks = await t.db
      .selectFrom('bulk_action_chunks')
      .selectAll()
      .where('bulk_action_id', '=', id)
      .execute();
    expect(chunks).toHaveLength(14);

    const seen = new Map<string, number>();
    const runners = ['a', 'b', 'c'].map((owner) =>
      runnerFor(t, {
        batchSize: 3,
        owner,
        afterBatch: () => {
          seen.set(owner, (seen.get(owner) ?? 0) + 1);
        },
      }),
    );
    await Promise.all(runners.map((r) => r.runUntilIdle()));

    const action = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(action).toMatchObject({
      state: 'BULK_ACTION_STATE_SUCCEEDED',
      processed: 95,
      succeeded: 95,
      failed: 0,
    });
    expect(action.completed_at).not.toBeNull();
    const after = await t.db
      .selectFrom('bulk_action_chunks')
      .selectAll()
      .where('bulk_action_id', '=', id)
      .execute();
    expect(after.every((c) => c.done === 1 && c.cursor === c.end_index)).toBe(true);
    const grants = await t.db
      .selectFrom('grants')
      .select('app_user_id')
      .where('bulk_action_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    expect(grants).toHaveLength(95);
    expect(new Set(grants.map((g) => g.app_user_id)).size).toBe(95);
    const items = await bulkItems(t, id, 10);
    expect(items.map((i) => i.userId)).toEqual([...imported.body.userIds].sort());
    expect(new Set(items.map((i) => i.outcome))).toEqual(new Set(['ADDED']));
    // No batch ran twice: 13 chunks of 7 users take 3 batches each (3 + 3 + 1), the last chunk of 4 takes 2.
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(13 * 3 + 2);
  });
});

describe.each(DIALECTS)('runners adding the same people to two entitlements on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { env: { ROSTER_BULK_CHUNK_SIZE: '10' } });
  });
  afterAll(() => t.close());

  it('creates one app user per person, whichever runner gets there first', async () => {
    const appId = (await createApp(t)).id;
    const first = (await createEntitlement(t, appId)).id;
    const second = (await createEntitlement(t, appId)).id;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 40 }, (_, i) => ({ displayName: `P${i}`, email: `p${i}@example.com` })),
    });
    for (const entitlementId of [first, second]) {
      const added = await t.request(
        'POST',
        `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
        {
          userIds: imported.body.userIds,
        },
      );
      expect(added.status).toBe(200);
    }
    const runners = ['x', 'y'].map((owner) => runnerFor(t, { batchSize: 5, owner }));
    await Promise.all(runners.map((r) => r.runUntilIdle()));
    const appUsers = await t.db
      .selectFrom('app_users')
      .select('identity_user_id')
      .where('app_id', '=', appId)
      .execute();
    expect(appUsers).toHaveLength(40);
    expect(new Set(appUsers.map((a) => a.identity_user_id))).toEqual(new Set(imported.body.userIds));
    const grants = await t.db
      .selectFrom('grants')
      .select('app_entitlement_id')
      .where('app_id', '=', appId)
      .where('deleted_at', 'is', null)
      .execute();
    expect(grants).toHaveLength(80);
  });
});

describe.each(DIALECTS)('the order bulk actions apply in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('applies an entitlement’s actions in the order they were accepted, and refuses edits that would race them', async () => {
    const appId = (await createApp(t)).id;
    const [one, two] = [(await createEntitlement(t, appId)).id, (await createEntitlement(t, appId)).id];
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 3 }, (_, i) => ({ displayName: `O${i}`, email: `o${i}@example.com` })),
    });
    const [a, b, c] = imported.body.userIds as string[];
    const add = (entitlementId: string, userIds: string[]) =>
      t.request('POST', `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`, { userIds });
    const older = (await add(one, [a as string])).body.bulkActionId;
    const newer = (await add(one, [b as string])).body.bulkActionId;
    const elsewhere = (await add(two, [c as string])).body.bulkActionId;

    const claim = (owner: string) =>
      t.db
        .transaction()
        .execute((trx) =>
          claimChunk(
            trx,
            t.container.dialect,
            owner,
            t.clock.now().toISOString(),
            new Date(Date.now() + 60_000).toISOString(),
          ),
        );
    expect((await claim('r1'))?.bulk_action_id).toBe(older);
    // The newer action on the same entitlement waits for the older one; another entitlement's does not.
    expect((await claim('r2'))?.bulk_action_id).toBe(elsewhere);
    expect(await claim('r3')).toBeUndefined();

    // While the add of `a` is open, removing `a` would be undone by it, and a set would race it.
    t.clock.advance(120_000);
    const token = await t.issueAdminToken();
    const put = await t.request(
      'PUT',
      `/roster/v1/apps/${appId}/entitlements/${one}/members`,
      { userIds: [] },
      { token, headers: { 'if-match': '*' } },
    );
    expect(put.status).toBe(409);
    expect(put.body.details[0].reason).toBe('BULK_ACTION_IN_PROGRESS');

    await runnerFor(t).runUntilIdle();
    const states = await t.db
      .selectFrom('bulk_actions')
      .select(['id', 'state'])
      .where('id', 'in', [older, newer, elsewhere])
      .execute();
    expect(states.every((s) => s.state === 'BULK_ACTION_STATE_SUCCEEDED')).toBe(true);
  });

  it('refuses to remove a member whose add is still being applied', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const base = `/api/v1/apps/${appId}/entitlements/${entitlementId}`;
    const token = await t.issueAdminToken();
    const user = await t.request(
      'POST',
      '/roster/v1/users',
      { displayName: 'Pending', email: 'pending@example.com' },
      { token },
    );
    await t.request('POST', `${base}/add-manual-user`, { userIds: [user.body.user.id] }, { token });
    await t.drainBulkActions();
    const appUser = await t.db
      .selectFrom('app_users')
      .select('id')
      .where('identity_user_id', '=', user.body.user.id)
      .executeTakeFirstOrThrow();
    await t.request('DELETE', `${base}/remove-membership`, { appUserId: appUser.id }, { token });

    const again = await t.request(
      'POST',
      `${base}/add-manual-user`,
      { userIds: [user.body.user.id] },
      { token },
    );
    const refused = await t.request(
      'DELETE',
      `${base}/remove-membership`,
      { appUserId: appUser.id },
      { token },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.details[0]).toMatchObject({
      reason: 'MEMBERSHIP_CHANGE_PENDING',
      metadata: { bulkActionId: again.body.bulkActionId },
    });
    await t.drainBulkActions();
    const removed = await t.request(
      'DELETE',
      `${base}/remove-membership`,
      { appUserId: appUser.id },
      { token },
    );
    expect(removed.status).toBe(200);
    const live = await t.db
      .selectFrom('grants')
      .select('id')
      .where('app_user_id', '=', appUser.id)
      .where('deleted_at', 'is', null)
      .execute();
    expect(live).toHaveLength(0);
  });
});

describe.each(DIALECTS)('a batch that keeps failing on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('is retried after growing pauses, then given up so the action finishes', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const id = newId();
    const work = ['u1', 'u2', 'u3'];
    await t.db.transaction().execute((trx) =>
      insertNewBulkAction(
        trx,
        { systemLog: t.container.systemLog, dialect: t.container.dialect, chunkSize: 10 },
        {
          id,
          kind: 'ADD_MANUAL_USERS',
          appId,
          appEntitlementId: entitlementId,
          work,
          refused: new Map(),
          deprovisionAt: null,
          actor: { userId: '', clientId: '', requestId: '' },
          now: t.clock.now(),
          details: {},
        },
      ),
    );
    // A kind no runner can apply (as a newer version might write) stands for any batch that fails
    // every time it runs.
    await sql`update bulk_actions set kind = 'NOT_A_KIND' where id = ${id}`.execute(t.db);
    const run = () => runnerFor(t).runUntilIdle();
    const chunk = () =>
      t.db
        .selectFrom('bulk_action_chunks')
        .selectAll()
        .where('bulk_action_id', '=', id)
        .executeTakeFirstOrThrow();

    await run();
    // The chunk keeps why its batch failed, for whoever reads the row instead of the server log.
    const failure = `bulk action ${id} has kind NOT_A_KIND, which this runner cannot apply`;
    expect(await chunk()).toMatchObject({ failed_attempts: 1, done: 0, cursor: 0, last_error: failure });
    // The retry waits for its pause: nothing happens before it is over.
    await run();
    expect((await chunk()).failed_attempts).toBe(1);
    for (let attempt = 2; attempt <= 7; attempt++) {
      t.clock.advance(5 * 60_000 + 1);
      await run();
      expect(await chunk()).toMatchObject({ failed_attempts: attempt, done: 0 });
    }
    // The eighth failure gives the rest of the chunk up.
    t.clock.advance(5 * 60_000 + 1);
    await run();
    expect(await chunk()).toMatchObject({ done: 1, cursor: 3, last_error: failure });
    const action = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(action).toMatchObject({
      state: 'BULK_ACTION_STATE_FAILED',
      processed: 3,
      failed: 3,
      succeeded: 0,
    });
    const items = await t.db
      .selectFrom('bulk_action_items')
      .selectAll()
      .where('bulk_action_id', '=', id)
      .execute();
    expect(items.map((i) => [i.user_id, i.outcome]).sort()).toEqual([
      ['u1', 'FAILED'],
      ['u2', 'FAILED'],
      ['u3', 'FAILED'],
    ]);
  });
});
