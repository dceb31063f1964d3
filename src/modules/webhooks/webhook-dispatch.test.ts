import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForChangeStream } from '../../../test/change-writers.js';
import { createApp, createEntitlement, createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller } from '../../../test/identity-fixtures.js';
import { type Receiver, startReceiver } from '../../../test/webhook-receiver.js';

describe.each(DIALECTS)('webhooks from the change stream on %s', (dialect) => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp(dialect, {
      env: {
        ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true',
        ROSTER_WEBHOOK_ALLOW_HTTP: 'true',
        ROSTER_BULK_BATCH_SIZE: '100',
      },
    });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  /** Each webhook gets its own path on the receiver, so what each received can be told apart. */
  const create = async (name: string, body: Record<string, unknown>) => {
    const made = await t.request('POST', '/roster/v1/webhooks', { url: `${receiver.url}/${name}`, ...body });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    return made.body as { webhook: { id: string }; secret: string };
  };

  const deliveries = (id: string) =>
    t.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('subscription_id', '=', id)
      .orderBy('seq')
      .execute();

  it('sends user events one each and a bulk add as one delivery per batch, in commit order, filtered per webhook', async () => {
    await t.container.webhookDispatcher.runUntilIdle();
    const app = await createApp(t);
    const other = await createApp(t);
    const entitlement = await createEntitlement(t, app.id);
    const everything = await create('everything', {
      eventTypes: ['grant.added', 'user.created', 'bulk_action.finished'],
    });
    await create('other', {
      eventTypes: ['grant.added', 'user.created'],
      appIds: [other.id],
    });
    await create('users', { eventTypes: ['user.created'] });

    const firstUser = await createUser(t);
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 250 }, (_, i) => ({ displayName: `W${i}`, email: `w${i}@example.com` })),
    });
    expect(imported.status).toBe(200);
    const added = await t.request(
      'POST',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/add-manual-user`,
      {
        userIds: imported.body.userIds,
      },
    );
    expect(added.status).toBe(200);
    await t.drainBulkActions();

    const sent = (name: string) => receiver.received.filter((r) => r.path === `/hook/${name}`);
    // PostgreSQL's stream passes a row only once every older transaction of the cluster has ended
    // (other test files share it): once it passes everything committed, dispatch and send it all.
    await waitForChangeStream(t.database.handle);
    await t.container.webhookDispatcher.runUntilIdle();
    await t.container.webhookWorker.runUntilIdle();

    const all = sent('everything');
    for (const request of all) new Webhook(everything.secret).verify(request.body, request.headers);
    const bodies = all.map((r) => JSON.parse(r.body));
    const userEvents = bodies.filter((b) => b.type === 'user.created');
    expect(userEvents).toHaveLength(251);
    expect(userEvents[0].data).toMatchObject({ operation: 'user.created', targetId: firstUser.id });
    const grantEvents = bodies.filter((b) => b.type === 'grant.added');
    // 250 grants in batches of 100: one delivery per batch at most, not one per grant. (PostgreSQL tells
    // the three batches apart by transaction; on SQLite, under the test's stopped clock, they share one.)
    expect(grantEvents.length).toBeGreaterThanOrEqual(1);
    expect(grantEvents.length).toBeLessThanOrEqual(3);
    expect(grantEvents.reduce((n, b) => n + b.data.grants.length, 0)).toBe(250);
    expect(grantEvents[0].data).toMatchObject({ appId: app.id, bulkActionId: added.body.bulkActionId });
    expect(grantEvents[0].data.grants[0]).toMatchObject({ appId: app.id, appEntitlementId: entitlement.id });
    const granted = new Set(grantEvents.flatMap((b) => b.data.grants.map((g: any) => g.appUserId)));
    expect(granted.size).toBe(250);
    // Each grant names its person beside the app user: the C1 user's ID and email, as stored.
    const emailOf = new Map<string, string>(
      imported.body.userIds.map((id: string, i: number) => [id, `w${i}@example.com`]),
    );
    const people = grantEvents.flatMap((b) => b.data.grants.map((g: any) => [g.userId, g.email]));
    expect(new Set(people.map(([userId]) => userId))).toEqual(new Set(imported.body.userIds));
    expect(people.every(([userId, email]) => emailOf.get(userId) === email)).toBe(true);
    const appUsers = await t.db
      .selectFrom('app_users')
      .select(['id', 'identity_user_id'])
      .where('app_id', '=', app.id)
      .execute();
    const ownerOf = new Map(appUsers.map((a) => [a.id, a.identity_user_id]));
    expect(
      grantEvents.every((b) => b.data.grants.every((g: any) => ownerOf.get(g.appUserId) === g.userId)),
    ).toBe(true);
    // Commit order: the users were created before they were granted anything.
    const lastUser = bodies.findLastIndex((b) => b.type === 'user.created');
    const firstGrant = bodies.findIndex((b) => b.type === 'grant.added');
    expect(lastUser).toBeLessThan(firstGrant);
    // Deliveries carry the seq order the receiver saw them in.
    const rows = await deliveries(everything.webhook.id);
    expect(all.map((r) => r.headers['webhook-id'])).toEqual(rows.map((d) => d.message_id));
    expect(rows.every((d) => d.state === 'DELIVERED')).toBe(true);

    // Limited to another app: user events only.
    const filtered = sent('other').map((r) => JSON.parse(r.body).type);
    expect(new Set(filtered)).toEqual(new Set(['user.created']));
    expect(filtered).toHaveLength(251);
    expect(sent('users')).toHaveLength(251);

    // A webhook made now receives none of it; the stream is not replayed to it.
    const late = await create('late', { eventTypes: ['grant.added', 'user.created'] });
    await t.container.webhookDispatcher.runUntilIdle();
    expect(await deliveries(late.webhook.id)).toEqual([]);
  }, 180_000);

  it('tells of a request when it is opened, when it waits for its approver and when it closes, signed, for its app only', async () => {
    await t.container.webhookDispatcher.runUntilIdle();
    const owner = await createCaller(t, []);
    const requester = await createCaller(t, []);
    const app = await createApp(t, { owners: [owner.user.id] });
    const other = await createApp(t);
    const entitlement = await createEntitlement(t, app.id);
    const tasksHook = await create('tasks', {
      eventTypes: ['task.created', 'task.assigned', 'task.closed'],
      appIds: [app.id],
    });
    await create('tasks-other', {
      eventTypes: ['task.created', 'task.assigned', 'task.closed'],
      appIds: [other.id],
    });

    const opened = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlement.id, description: 'On call' },
      { token: requester.token },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const task = opened.body.taskView.task;
    const approved = await t.request(
      'POST',
      `/api/v1/tasks/${task.id}/action/approve`,
      { policyStepId: task.policy.current.id },
      { token: owner.token },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    await waitForChangeStream(t.database.handle);
    await t.container.webhookDispatcher.runUntilIdle();
    await t.container.webhookWorker.runUntilIdle();

    const sent = receiver.received.filter((r) => r.path === '/hook/tasks');
    for (const request of sent) new Webhook(tasksHook.secret).verify(request.body, request.headers);
    const bodies = sent.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type)).toEqual(['task.created', 'task.assigned', 'task.closed']);
    expect(bodies[0].data).toMatchObject({
      operation: 'task.created',
      targetId: task.id,
      actorUserId: requester.user.id,
      task: { id: task.id, taskType: 'grant', appId: app.id, userId: requester.user.id },
    });
    expect(bodies[1].data.task).toMatchObject({
      policyStepId: task.policy.current.id,
      approverIds: [owner.user.id],
    });
    expect(bodies[2].data).toMatchObject({
      actorUserId: owner.user.id,
      task: { state: 'TASK_STATE_CLOSED', outcome: 'GRANT_OUTCOME_GRANTED' },
    });
    const rows = await deliveries(tasksHook.webhook.id);
    expect(rows.map((d) => [d.event_type, d.state])).toEqual([
      ['task.created', 'DELIVERED'],
      ['task.assigned', 'DELIVERED'],
      ['task.closed', 'DELIVERED'],
    ]);
    // The system log holds what the webhooks said, with its actors.
    const logged = await t.db
      .selectFrom('system_log_events')
      .select(['activity', 'actor_user_id'])
      .where('target_id', '=', task.id)
      .orderBy('tx_id')
      .orderBy('seq')
      .execute();
    expect(logged).toEqual([
      { activity: 'task.created', actor_user_id: requester.user.id },
      { activity: 'task.assigned', actor_user_id: requester.user.id },
      { activity: 'task.approved', actor_user_id: owner.user.id },
      { activity: 'task.closed', actor_user_id: owner.user.id },
    ]);
    // A webhook limited to another app hears nothing of it.
    expect(receiver.received.filter((r) => r.path === '/hook/tasks-other')).toEqual([]);
  });

  it('queues each change once when two dispatchers run at the same time', async () => {
    const hook = await create('race', { eventTypes: ['user.created'] });
    await t.container.webhookDispatcher.runUntilIdle();
    for (let i = 0; i < 30; i++) await createUser(t);
    const { createWebhookDispatcher } = await import('./webhook-dispatcher.js');
    const { readChanges, currentChangeCursor } = await import('../changes/index.js');
    const second = createWebhookDispatcher({
      db: t.db,
      dialect: t.container.dialect,
      clock: t.clock,
      changes: { read: readChanges, current: currentChangeCursor },
      logger: { warn: () => undefined, error: () => undefined },
      pageSize: 7,
    });
    await waitForChangeStream(t.database.handle);
    await Promise.all([t.container.webhookDispatcher.runUntilIdle(), second.runUntilIdle()]);
    await Promise.all([t.container.webhookDispatcher.runUntilIdle(), second.runUntilIdle()]);
    const rows = await deliveries(hook.webhook.id);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => JSON.parse(r.payload).data.targetId)).size).toBe(30);
  }, 180_000);
});
