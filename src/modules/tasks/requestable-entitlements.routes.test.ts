import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { DEFAULT_GRANT_POLICY_ID } from '../policies/index.js';

const URL = '/roster/v1/requestable-entitlements';

/**
 * What a person may request for themself (CONTRACT.md §7.26), through HTTP as a person with no role:
 * only what `task/grant` accepts is listed, with the person's own grants and open requests marked.
 */
describe.each(DIALECTS)('requestable entitlements on %s', (dialect) => {
  let t: TestApp;
  let requester: Caller;
  let owner: Caller;
  let other: Caller;
  let ids: Record<string, string>;
  let policyId: string;
  let zebraId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    requester = await createCaller(t, []);
    owner = await createCaller(t, [ROLES.appAdmin]);
    other = await createCaller(t, []);
    // Names no other app of this database shares, in an order both dialects' collations agree on.
    const aardvark = await createApp(t, { displayName: 'Aardvark Ledger', owners: [owner.user.id] });
    const zebra = await createApp(t, { displayName: 'Zebra Vault', owners: [owner.user.id] });
    zebraId = zebra.id;
    const gone = await createApp(t, { displayName: 'Aardvark Gone' });
    const made = await t.request('POST', '/api/v1/policies', {
      displayName: 'Security team approves',
      policyType: 'POLICY_TYPE_GRANT',
      policySteps: { grant: { steps: [{ approval: { appOwners: {} } }] } },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    policyId = made.body.policy.id;
    ids = {};
    const entitlement = async (app: { id: string }, name: string, extra: Record<string, unknown> = {}) => {
      ids[name] = (await createEntitlement(t, app.id, { displayName: name, ...extra })).id;
    };
    await entitlement(aardvark, 'readers', { durationGrant: '604800s', description: 'Read the books' });
    await entitlement(aardvark, 'Auditors', { grantPolicyId: policyId });
    await entitlement(aardvark, 'writers');
    await entitlement(aardvark, 'scim group');
    await entitlement(aardvark, 'connector role');
    await entitlement(aardvark, 'deleted one');
    await entitlement(zebra, 'Admins');
    await entitlement(gone, 'orphan');
    await t.db
      .updateTable('app_entitlements')
      .set({ scim_connection_id: 'Xq000000000000000000000scim' })
      .where('id', '=', ids['scim group'] ?? '')
      .execute();
    await t.db
      .updateTable('app_entitlements')
      .set({ is_manually_managed: 0 })
      .where('id', '=', ids['connector role'] ?? '')
      .execute();
    const deleted = await t.request(
      'DELETE',
      `/api/v1/apps/${aardvark.id}/entitlements/${ids['deleted one']}`,
    );
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect((await t.request('DELETE', `/api/v1/apps/${gone.id}`)).status).toBe(200);

    // The requester holds readers (asked and approved) and has an open request for writers.
    const ask = async (name: string) => {
      const asked = await t.request(
        'POST',
        '/api/v1/task/grant',
        { appId: aardvark.id, appEntitlementId: ids[name], description: 'work' },
        { token: requester.token },
      );
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      return asked.body.taskView.task;
    };
    const readers = await ask('readers');
    const approved = await t.request(
      'POST',
      `/api/v1/tasks/${readers.id}/action/approve`,
      { policyStepId: readers.policy.current.id },
      { token: owner.token },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    ids.writersTask = (await ask('writers')).id;
  });
  afterAll(() => t.close());

  const list = (caller: Caller, body: Record<string, unknown> = {}) =>
    t.request('POST', URL, body, { token: caller.token });

  it('lists to a person with no role what they may request, in app then entitlement order, with what they have of it', async () => {
    const answer = await list(requester, { pageSize: 100 });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.nextPageToken).toBe('');
    const mine = answer.body.list.filter((e: any) => /^(Aardvark|Zebra)/.test(e.appDisplayName));
    // SCIM groups, entitlements without manual members, deleted ones and those of deleted apps are absent.
    expect(mine.map((e: any) => `${e.appDisplayName}/${e.displayName}`)).toEqual([
      'Aardvark Ledger/Auditors',
      'Aardvark Ledger/readers',
      'Aardvark Ledger/writers',
      'Zebra Vault/Admins',
    ]);
    expect(mine[0]).toEqual({
      appId: expect.any(String),
      appDisplayName: 'Aardvark Ledger',
      appEntitlementId: ids.Auditors,
      displayName: 'Auditors',
      description: '',
      grantPolicyId: policyId,
      grantPolicyName: 'Security team approves',
      durationGrant: null,
      held: false,
      openRequestTaskId: '',
    });
    expect(mine[1]).toMatchObject({
      appEntitlementId: ids.readers,
      description: 'Read the books',
      grantPolicyId: DEFAULT_GRANT_POLICY_ID,
      grantPolicyName: 'App owners approve',
      durationGrant: '604800s',
      held: true,
      openRequestTaskId: '',
    });
    expect(mine[2]).toMatchObject({ held: false, openRequestTaskId: ids.writersTask });
    // What the flags say is what is stored.
    const openTask = await t.db
      .selectFrom('tasks')
      .select(['state', 'identity_user_id', 'app_entitlement_id'])
      .where('id', '=', ids.writersTask ?? '')
      .executeTakeFirstOrThrow();
    expect(openTask).toEqual({
      state: 'TASK_STATE_OPEN',
      identity_user_id: requester.user.id,
      app_entitlement_id: ids.writers,
    });
    const grants = await t.db
      .selectFrom('grants')
      .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
      .select('grants.app_entitlement_id')
      .where('app_users.identity_user_id', '=', requester.user.id)
      .where('grants.deleted_at', 'is', null)
      .execute();
    expect(grants.map((g) => g.app_entitlement_id)).toEqual([ids.readers]);
  });

  it("marks only the caller's own grants and requests", async () => {
    const answer = await list(other, { query: 'aardvark ledger' });
    expect(answer.status).toBe(200);
    expect(answer.body.list.map((e: any) => [e.displayName, e.held, e.openRequestTaskId])).toEqual([
      ['Auditors', false, ''],
      ['readers', false, ''],
      ['writers', false, ''],
    ]);
  });

  it('matches app and entitlement names ignoring case, and keeps to one app', async () => {
    const byEntitlement = await list(requester, { query: 'WRIT' });
    expect(byEntitlement.body.list.map((e: any) => e.displayName)).toEqual(['writers']);
    const byApp = await list(requester, { query: 'zebra' });
    expect(byApp.body.list.map((e: any) => e.displayName)).toEqual(['Admins']);
    const oneApp = await list(requester, { appId: zebraId });
    expect(oneApp.body.list.map((e: any) => e.displayName)).toEqual(['Admins']);
    expect((await list(requester, { query: 'no such thing' })).body.list).toEqual([]);
    expect((await list(requester, { query: 'orphan' })).body.list).toEqual([]);
  });

  it('pages by keyset, each entitlement once, in the same order as one page', async () => {
    // Enough entitlements for several pages of the smallest size (10).
    const app = await createApp(t, { displayName: 'Paging Place' });
    for (let i = 0; i < 23; i++) {
      await createEntitlement(t, app.id, { displayName: `Role ${String(i % 12).padStart(2, '0')}` });
    }
    const whole = await list(requester, { appId: app.id, pageSize: 100 });
    expect(whole.body.list).toHaveLength(23);
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await list(requester, { appId: app.id, pageSize: 10, pageToken });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.list.map((e: any) => e.appEntitlementId));
      pageToken = page.body.nextPageToken;
      pages++;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(whole.body.list.map((e: any) => e.appEntitlementId));
    const names = whole.body.list.map((e: any) => e.displayName);
    expect(names).toEqual([...names].sort());
    expectError(await list(requester, { pageToken: 'nonsense' }), 400, 3, 'INVALID_PAGE_TOKEN');
  });

  it('answers 401 without a token', async () => {
    const answer = await t.request('POST', URL, {}, { token: null });
    expect(answer.status).toBe(401);
  });
});
