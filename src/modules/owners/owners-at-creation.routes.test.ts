import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createResourceType, createUser, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

describe.each(DIALECTS)('owners given when an entitlement or resource is created, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('makes appEntitlementOwnerIds and resourceOwnerUserIds the owners', async () => {
    const appId = (await createApp(t)).id;
    const typeId = (await createResourceType(t, appId)).id;
    const owner = await createUser(t);

    const entitlement = await t.request('POST', `/api/v1/apps/${appId}/entitlements`, {
      displayName: 'Owned',
      appEntitlementOwnerIds: [owner.id],
    });
    expect(entitlement.status).toBe(200);
    const entitlementId = entitlement.body.appEntitlementView.appEntitlement.id;
    const entitlementOwners = await t.request(
      'GET',
      `/api/v1/apps/${appId}/entitlements/${entitlementId}/owners`,
    );
    expect(entitlementOwners.body.list.map((u: any) => u.id)).toEqual([owner.id]);

    const resource = await t.request('POST', `/api/v1/apps/${appId}/resource_types/${typeId}/resources`, {
      displayName: 'Owned resource',
      resourceOwnerUserIds: [owner.id],
    });
    expect(resource.status).toBe(200);
    const resourceId = resource.body.appResource.id;
    const resourceOwners = await t.request(
      'GET',
      `/api/v1/apps/${appId}/resource_types/${typeId}/resource/${resourceId}/owners`,
    );
    expect(resourceOwners.body.list.map((u: any) => u.id)).toEqual([owner.id]);
  });

  it('creates nothing when an owner is unknown', async () => {
    const appId = (await createApp(t)).id;
    const before = await t.db
      .selectFrom('app_entitlements')
      .select('id')
      .where('app_id', '=', appId)
      .execute();
    const response = await t.request('POST', `/api/v1/apps/${appId}/entitlements`, {
      displayName: 'Orphan',
      appEntitlementOwnerIds: ['2AAAAAAAAAAAAAAAAAAAAAAAAAA'],
    });
    expectError(response, 400, 3, 'OWNER_NOT_FOUND');
    const after = await t.db
      .selectFrom('app_entitlements')
      .select('id')
      .where('app_id', '=', appId)
      .execute();
    expect(after).toHaveLength(before.length);
  });
});
