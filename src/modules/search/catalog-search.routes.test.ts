import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
  createPolicies,
  createResource,
  createResourceType,
  createUser,
  expectError,
  expectNotFound,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

describe.each(DIALECTS)('catalog searches on %s', (dialect) => {
  let t: TestApp;
  let policies: { grant: string; revoke: string; certify: string };
  // App A: types T1 (R1, R1b) and T2 (R2); entitlements E1 on R1, E2 on R2, E3 on the app itself.
  // App B: entitlement E4. Identity U1 holds E1 and E3 through account AU1; U2 holds E2 (AU2).
  const w = {} as Record<string, any>;

  async function post(url: string, body: unknown) {
    const response = await t.request('POST', url, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  const ids = (body: any, pick: (item: any) => string = (i) => i.id) => body.list.map(pick).sort();
  const sorted = (...values: string[]) => [...values].sort();

  async function grant(appId: string, entitlementId: string, userId: string) {
    await post(`/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`, { userIds: [userId] });
    await t.drainBulkActions();
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    policies = await createPolicies(t);
    w.A = await createApp(t, { displayName: 'Ledger' });
    w.B = await createApp(t, { displayName: 'Billing' });
    w.T1 = await createResourceType(t, w.A.id, { displayName: 'Team Groups' });
    w.T2 = await createResourceType(t, w.A.id, { displayName: 'Licenses', resourceType: 'LICENSE' });
    w.R1 = await createResource(t, w.A.id, w.T1.id, { displayName: 'Engineering', description: 'Builds it' });
    w.R1b = await createResource(t, w.A.id, w.T1.id, { displayName: 'Sales' });
    w.R2 = await createResource(t, w.A.id, w.T2.id, { displayName: 'Seat' });
    w.E1 = await createEntitlement(t, w.A.id, {
      displayName: 'Admin Access',
      alias: 'eng-admin',
      appResourceTypeId: w.T1.id,
      appResourceId: w.R1.id,
      complianceFrameworkValueIds: ['sox'],
      riskLevelValueId: 'high',
    });
    w.E2 = await createEntitlement(t, w.A.id, {
      displayName: 'Seat holder',
      appResourceTypeId: w.T2.id,
      appResourceId: w.R2.id,
      grantPolicyId: policies.grant,
    });
    w.E3 = await createEntitlement(t, w.A.id, { displayName: 'Viewer 100%' });
    w.E4 = await createEntitlement(t, w.B.id, { displayName: 'Admin' });
    w.U1 = await createUser(t);
    w.U2 = await createUser(t);
    await grant(w.A.id, w.E1.id, w.U1.id);
    await grant(w.A.id, w.E3.id, w.U1.id);
    await grant(w.A.id, w.E2.id, w.U2.id);
    const accounts = await post('/api/v1/search/app_users', { appId: w.A.id, userIds: [w.U1.id] });
    w.AU1 = accounts.list[0].appUser.id;
    w.AU2 = (await post('/api/v1/search/app_users', { userIds: [w.U2.id] })).list[0].appUser.id;
  });
  afterAll(() => t.close());

  it('searches resource types by each filter', async () => {
    const url = '/api/v1/search/app_resource_types';
    expect(ids(await post(url, { appIds: [w.A.id] }))).toEqual(sorted(w.T1.id, w.T2.id));
    expect(ids(await post(url, { query: 'team GR' }))).toEqual([w.T1.id]);
    expect(ids(await post(url, { displayName: 'Licenses' }))).toEqual([w.T2.id]);
    expect(ids(await post(url, { displayName: 'licenses' }))).toEqual([]);
    expect(
      ids(await post(url, { resourceTypeIds: [w.T1.id, w.T2.id], excludeResourceTypeIds: [w.T1.id] })),
    ).toEqual([w.T2.id]);
    expect(ids(await post(url, { appUserIds: [w.AU2] }))).toEqual([w.T2.id]);
    expect(ids(await post(url, { appIds: [w.A.id], resourceTypeTraitIds: ['x'] }))).toEqual([]);
    const page = await post(url, { appIds: [w.A.id], excludeResourceTypeTraitIds: ['x'] });
    expect(page).toEqual({ list: expect.any(Array), nextPageToken: '' });
    expect(page.list).toHaveLength(2);
  });

  it('searches resources by each filter, with expansion', async () => {
    const url = '/api/v1/search/app_resources';
    expect(ids(await post(url, { appId: w.A.id }), (v) => v.appResource.id)).toEqual(
      sorted(w.R1.id, w.R1b.id, w.R2.id),
    );
    const pick = (v: any) => v.appResource.id;
    expect(ids(await post(url, { query: 'BUILDS' }), pick)).toEqual([w.R1.id]);
    expect(ids(await post(url, { resourceTypeIds: [w.T1.id] }), pick)).toEqual(sorted(w.R1.id, w.R1b.id));
    expect(
      ids(await post(url, { resourceIds: [w.R1.id, w.R2.id], excludeResourceIds: [w.R2.id] }), pick),
    ).toEqual([w.R1.id]);
    expect(
      ids(await post(url, { refs: [{ appId: w.A.id, appResourceTypeId: w.T2.id, id: w.R2.id }] }), pick),
    ).toEqual([w.R2.id]);
    expect(ids(await post(url, { refs: [{ appId: w.B.id, id: w.R2.id }] }), pick)).toEqual([]);
    expect(ids(await post(url, { appUserIds: [w.AU1] }), pick)).toEqual([w.R1.id]);
    expect(ids(await post(url, { appId: w.A.id, resourceTypeTraitIds: ['t'] }), pick)).toEqual([]);

    const expanded = await post(url, { resourceIds: [w.R1.id, w.R1b.id], expandMask: { paths: ['*'] } });
    // Both resources share one app and one type: each object once.
    expect(expanded.expanded).toHaveLength(2);
    for (const view of expanded.list) {
      expect(view.appPath).toBe('$.expanded[0]');
      expect(view.resourceTypePath).toBe('$.expanded[1]');
    }
    expect(expanded.expanded[0]).toMatchObject({
      '@type': 'type.googleapis.com/c1.api.app.v1.App',
      id: w.A.id,
    });
    expect(expanded.expanded[1]).toMatchObject({
      '@type': 'type.googleapis.com/c1.api.app.v1.AppResourceType',
      id: w.T1.id,
    });
    const plain = await post(url, { resourceIds: [w.R1.id] });
    expect(plain.expanded).toEqual([]);
    expect(plain.list[0].appPath).toBe('');
  });

  it('searches entitlements by each filter', async () => {
    const url = '/api/v1/search/entitlements';
    const find = async (body: object) => ids(await post(url, body), (v) => v.appEntitlement.id);
    expect(await find({ appIds: [w.A.id] })).toEqual(sorted(w.E1.id, w.E2.id, w.E3.id));
    expect(await find({ query: 'admin' })).toEqual(sorted(w.E1.id, w.E4.id));
    expect(await find({ query: '100%' })).toEqual([w.E3.id]);
    expect(await find({ query: '_' })).toEqual([]);
    expect(await find({ displayName: 'Admin' })).toEqual([w.E4.id]);
    expect(await find({ alias: 'eng-admin' })).toEqual([w.E1.id]);
    expect(
      await find({
        refs: [
          { appId: w.A.id, id: w.E1.id },
          { appId: w.A.id, id: w.E4.id },
        ],
      }),
    ).toEqual([w.E1.id]);
    expect(
      await find({ appIds: [w.A.id], excludedEntitlementRefs: [{ appId: w.A.id, id: w.E1.id }] }),
    ).toEqual(sorted(w.E2.id, w.E3.id));
    expect(await find({ excludeAppIds: [w.A.id] })).toEqual([w.E4.id]);
    expect(await find({ appUserIds: [w.AU1] })).toEqual(sorted(w.E1.id, w.E3.id));
    expect(await find({ appIds: [w.A.id], excludeAppUserIds: [w.AU1] })).toEqual([w.E2.id]);
    expect(await find({ resourceIds: [w.R2.id] })).toEqual([w.E2.id]);
    expect(await find({ resourceTypeIds: [w.T1.id] })).toEqual([w.E1.id]);
    expect(await find({ appIds: [w.A.id], excludeResourceTypeIds: [w.T1.id] })).toEqual(
      sorted(w.E2.id, w.E3.id),
    );
    expect(await find({ complianceFrameworkIds: ['sox'] })).toEqual([w.E1.id]);
    expect(await find({ complianceFrameworkIds: ['so'] })).toEqual([]);
    expect(await find({ riskLevelIds: ['high'] })).toEqual([w.E1.id]);
    expect(await find({ policyRefs: [{ id: policies.grant }] })).toEqual([w.E2.id]);
    // Filters on what Roster does not keep match nothing; excludeImmutable excludes nothing.
    for (const body of [
      { resourceTraitIds: ['t'] },
      { accessReviewId: 'r' },
      { sourceConnectorId: 'c' },
      { isAutomated: true },
      { membershipType: ['APP_ENTITLEMENT_MEMBERSHIP_TYPE_OWNER'] },
    ]) {
      expect(await find({ appIds: [w.A.id], ...body })).toEqual([]);
    }
    expect(
      await find({
        appIds: [w.B.id],
        excludeImmutable: true,
        membershipType: ['APP_ENTITLEMENT_MEMBERSHIP_TYPE_MEMBER'],
      }),
    ).toEqual([w.E4.id]);
  });

  it('finds deleted entitlements only when asked, and expiring ones', async () => {
    const E5 = await createEntitlement(t, w.B.id, { displayName: 'Temporary' });
    expect((await t.request('DELETE', `/api/v1/apps/${w.B.id}/entitlements/${E5.id}`)).status).toBe(200);
    const url = '/api/v1/search/entitlements';
    const find = async (body: object) => ids(await post(url, body), (v) => v.appEntitlement.id);
    expect(await find({ appIds: [w.B.id] })).toEqual([w.E4.id]);
    expect(await find({ appIds: [w.B.id], includeDeleted: true })).toEqual(sorted(w.E4.id, E5.id));
    expect(await find({ onlyGetExpiring: true })).toEqual([]);
    await t.db
      .updateTable('grants')
      .set({ deprovision_at: '2030-01-01T00:00:00.000Z' })
      .where('app_entitlement_id', '=', w.E2.id)
      .execute();
    expect(await find({ onlyGetExpiring: true })).toEqual([w.E2.id]);
  });

  it('answers facets with the first page and expands entitlement views', async () => {
    const url = '/api/v1/search/entitlements';
    const first = await post(url, {
      appIds: [w.A.id, w.B.id],
      pageSize: 10,
      expandMask: { paths: ['app_id', 'app_resource_id'] },
    });
    expect(first.facets.count).toBe('4');
    expect(first.facets.facets[0].value.values).toEqual(
      expect.arrayContaining([
        { count: '3', displayName: 'Ledger', iconUrl: '', value: w.A.id },
        { count: '1', displayName: 'Billing', iconUrl: '', value: w.B.id },
      ]),
    );
    const e1 = first.list.find((v: any) => v.appEntitlement.id === w.E1.id);
    expect(e1.appResourceTypePath).toBe('');
    expect(first.expanded[Number(e1.appPath.match(/\[(\d+)\]/)[1])]).toMatchObject({
      id: w.A.id,
      displayName: 'Ledger',
    });
    expect(first.expanded[Number(e1.appResourcePath.match(/\[(\d+)\]/)[1])]).toMatchObject({
      '@type': 'type.googleapis.com/c1.api.app.v1.AppResource',
      id: w.R1.id,
    });
    const e3 = first.list.find((v: any) => v.appEntitlement.id === w.E3.id);
    expect(e3.appResourcePath).toBe('');
    // Two apps and two resources, each expanded once.
    expect(first.expanded).toHaveLength(4);
    const second = await post(url, {
      pageSize: 10,
      pageToken: first.list[0] && `k1.${Buffer.from(w.E1.id).toString('base64url')}`,
    });
    // Later pages skip the count, so deep pages cost what the first costs (§7.8).
    expect(second.facets).toBeNull();
  });

  it('lists the entitlements of an account and of a resource', async () => {
    const base = `/api/v1/apps/${w.A.id}/entitlements`;
    const mine = await t.request('GET', `${base}/users/${w.AU1}`);
    expect(mine.status).toBe(200);
    expect(ids(mine.body, (v) => v.appEntitlement.id)).toEqual(sorted(w.E1.id, w.E3.id));
    expect(mine.body).toMatchObject({ nextPageToken: '', expanded: [] });
    const ofResource = await t.request('GET', `${base}/resource_types/${w.T1.id}/resources/${w.R1.id}`);
    expect(ofResource.status).toBe(200);
    expect(ids(ofResource.body, (v) => v.appEntitlement.id)).toEqual([w.E1.id]);
    expect(ofResource.body.list[0].appEntitlement.grantCount).toBe('1');
    expectNotFound(await t.request('GET', `${base}/users/${w.AU1}x`), 'APP_USER_NOT_FOUND', `${w.AU1}x`);
    expectNotFound(
      await t.request('GET', `/api/v1/apps/${w.B.id}/entitlements/users/${w.AU1}`),
      'APP_USER_NOT_FOUND',
      w.AU1,
    );
    expectNotFound(
      await t.request('GET', `${base}/resource_types/${w.T2.id}/resources/${w.R1.id}`),
      'APP_RESOURCE_NOT_FOUND',
      w.R1.id,
    );
    // The existing entitlement routes still answer under their `:id`.
    expect((await t.request('GET', `${base}/${w.E1.id}`)).body.appEntitlementView.appEntitlement.id).toBe(
      w.E1.id,
    );
  });

  it('refuses malformed filters and foreign page tokens', async () => {
    expectError(
      await t.request('POST', '/api/v1/search/entitlements', { appIds: 'x' }),
      400,
      3,
      'INVALID_REQUEST',
    );
    expectError(
      await t.request('POST', '/api/v1/search/app_resources', { pageToken: 'nope' }),
      400,
      3,
      'INVALID_PAGE_TOKEN',
    );
  });
});
