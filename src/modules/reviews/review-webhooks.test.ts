import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForChangeStream } from '../../../test/change-writers.js';
import { createApp, createEntitlement, createPolicies, createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { type Receiver, startReceiver } from '../../../test/webhook-receiver.js';

/**
 * A campaign's events reach a real webhook receiver (issue 20, item 7): its start, its certify tasks'
 * `task.*` events (a decision and the close ending what was left) and its close, signed, in order.
 */
describe.each(DIALECTS)('access review webhooks on %s', (dialect) => {
  let t: TestApp;
  let receiver: Receiver;
  let reviewer: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect, {
      env: { ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true', ROSTER_WEBHOOK_ALLOW_HTTP: 'true' },
    });
    receiver = await startReceiver();
    reviewer = await createCaller(t, [ROLES.appAdmin]);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const ok = (response: { status: number; body: any }) => {
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('sends access_review.started, the certify tasks’ task.closed and access_review.closed', async () => {
    const policies = await createPolicies(t);
    const app = await createApp(t, { owners: [reviewer.user.id] });
    const entitlement = await createEntitlement(t, app.id);
    const [kept, left] = [await createUser(t), await createUser(t)];
    ok(
      await t.request('POST', `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/add-manual-user`, {
        userIds: [kept.id, left.id],
      }),
    );
    await t.drainBulkActions();
    const hook = ok(
      await t.request('POST', '/roster/v1/webhooks', {
        url: `${receiver.url}/reviews`,
        eventTypes: [
          'access_review.started',
          'task.created',
          'task.assigned',
          'task.closed',
          'access_review.closed',
        ],
      }),
    );

    const created = ok(
      await t.request('POST', '/api/v1/access_review', {
        displayName: 'Webhook review',
        ownerIds: [reviewer.user.id],
        policyId: policies.certify,
      }),
    );
    const id = created.accessReview.accessReview.id as string;
    ok(
      await t.request('POST', `/api/v1/access_review/${id}/scope_and_entitlements`, {
        entitlements: [{ appId: app.id, appEntitlementId: entitlement.id }],
      }),
    );
    ok(await t.request('POST', `/roster/v1/access_reviews/${id}/start`, {}));
    await t.container.reviewRuns.runPending();
    const tasks = await t.db
      .selectFrom('tasks')
      .select(['id', 'identity_user_id'])
      .where('access_review_id', '=', id)
      .execute();
    const keptTask = tasks.find((task) => task.identity_user_id === kept.id);
    const leftTask = tasks.find((task) => task.identity_user_id === left.id);
    const decided = ok(
      await t.request(
        'POST',
        `/roster/v1/access_reviews/${id}/decisions`,
        { decisions: [{ taskId: keptTask?.id, decision: 'CERTIFY', comment: '' }] },
        { token: reviewer.token },
      ),
    );
    expect(decided.results).toEqual([expect.objectContaining({ ok: true })]);
    ok(await t.request('POST', `/roster/v1/access_reviews/${id}/close`, { remaining: 'SKIP' }));

    await waitForChangeStream(t.database.handle);
    await t.container.webhookDispatcher.runUntilIdle();
    await t.container.webhookWorker.runUntilIdle();

    const sent = receiver.received.filter((r) => r.path === '/hook/reviews');
    for (const request of sent) new Webhook(hook.secret).verify(request.body, request.headers);
    const bodies = sent.map((r) => JSON.parse(r.body));
    // Certify tasks are announced by the campaign's start, not one task.created/assigned each.
    expect(bodies.map((b) => [b.type, b.data.targetId])).toEqual([
      ['access_review.started', id],
      ['task.closed', keptTask?.id],
      ['task.closed', leftTask?.id],
      ['access_review.closed', id],
    ]);
    expect(bodies[1].data).toMatchObject({
      actorUserId: reviewer.user.id,
      task: { id: keptTask?.id, taskType: 'certify', appId: app.id, outcome: 'CERTIFY_OUTCOME_CERTIFIED' },
    });
    expect(bodies[2].data.task).toMatchObject({ taskType: 'certify', outcome: 'CERTIFY_OUTCOME_CANCELLED' });
    const delivered = await t.db
      .selectFrom('webhook_deliveries')
      .select(['event_type', 'state'])
      .where('subscription_id', '=', hook.webhook.id)
      .orderBy('seq')
      .execute();
    expect(delivered.map((d) => [d.event_type, d.state])).toEqual([
      ['access_review.started', 'DELIVERED'],
      ['task.closed', 'DELIVERED'],
      ['task.closed', 'DELIVERED'],
      ['access_review.closed', 'DELIVERED'],
    ]);
  });
});
