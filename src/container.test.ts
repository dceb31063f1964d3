import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser } from '../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../test/harness.js';

describe.each(DIALECTS)('the container’s background loops on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const stateOf = async (id: string) =>
    (await t.db.selectFrom('bulk_actions').select('state').where('id', '=', id).executeTakeFirstOrThrow())
      .state;

  it('once started apply bulk actions undriven, and once stopped leave new ones to the next start', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const add = async () =>
      (
        await t.request('POST', `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`, {
          userIds: [(await createUser(t)).id],
        })
      ).body.bulkActionId as string;

    t.container.background.start();
    const first = await add();
    const open = ['BULK_ACTION_STATE_PENDING', 'BULK_ACTION_STATE_RUNNING'];
    for (let i = 0; i < 200 && open.includes(await stateOf(first)); i++) await sleep(25);
    expect(await stateOf(first)).toBe('BULK_ACTION_STATE_SUCCEEDED');

    await t.container.background.stop();
    const second = await add();
    await sleep(200);
    expect(await stateOf(second)).toBe('BULK_ACTION_STATE_PENDING');
  });
});
