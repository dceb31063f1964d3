import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../src/db/migrations/0024_grant_ticket.js';
import { createApp, createEntitlement, createUser } from './fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from './harness.js';
import { createCaller, ROLES } from './identity-fixtures.js';

type AnyDb = Kysely<any>;

/**
 * Migration 0024 gives each grant the task its ADDED history entry names, so the members page of a
 * database written before it shows the requests that made its grants. Run here as such a database
 * would meet it: the column dropped, then the migration applied.
 */
describe.each(DIALECTS)('migration 0024 on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('names the task of a grant a task made, and none for one added by hand', async () => {
    const requester = await createCaller(t, []);
    const owner = await createCaller(t, [ROLES.appAdmin]);
    const app = await createApp(t, { owners: [owner.user.id] });
    const entitlementId = (await createEntitlement(t, app.id)).id as string;
    const manual = (await createUser(t)).id as string;
    expect(
      (
        await t.request('POST', `/api/v1/apps/${app.id}/entitlements/${entitlementId}/add-manual-user`, {
          userIds: [manual],
        })
      ).status,
    ).toBe(200);
    await t.drainBulkActions();
    const opened = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlementId },
      { token: requester.token },
    );
    const task = opened.body.taskView.task;
    const approved = await t.request(
      'POST',
      `/api/v1/tasks/${task.id}/action/approve`,
      { policyStepId: task.policy.current.id },
      { token: owner.token },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const db = t.db as unknown as AnyDb;
    await down(db);
    await up(db);

    const page = await t.request('GET', `/roster/v1/apps/${app.id}/entitlements/${entitlementId}/users`);
    expect(page.status).toBe(200);
    expect(
      Object.fromEntries(
        page.body.list.map((m: any) => [m.appUser.appUser.identityUserId, m.originatingTicketId]),
      ),
    ).toEqual({ [requester.user.id]: task.id, [manual]: '' });
  });
});
