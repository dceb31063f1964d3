import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
  createPolicies,
  createResource,
  createResourceType,
  expectError,
  expectNotFound,
  insertGrant,
  removalOrigins,
  revokeInsertedGrant,
  walkPages,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe.each(DIALECTS)('entitlement routes on %s', (dialect) => {
  let t: TestApp;
  let policies: { grant: string; revoke: string; certify: string };
  let appId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    policies = await createPolicies(t);
    appId = (await createApp(t)).id;
  });
  afterAll(() => t.close());

  const row = (id: string) =>
    t.db.selectFrom('app_entitlements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const activities = async (targetId: string) =>
    (
      await t.db
        .selectFrom('system_log_events')
        .select('activity')
        .where('target_id', '=', targetId)
        .execute()
    )
      .map((e) => e.activity)
      .sort();
  const url = (app: string, id?: string) => `/api/v1/apps/${app}/entitlements${id ? `/${id}` : ''}`;
  const view = (appEntitlement: unknown) => ({
    appEntitlement,
    appPath: '',
    appResourceTypePath: '',
    appResourcePath: '',
  });

  describe('create', () => {
    it('creates a manually managed entitlement on a resource and answers {appEntitlementView, expanded}', async () => {
      const type = await createResourceType(t, appId);
      const resource = await createResource(t, appId, type.id);
      const response = await t.request('POST', url(appId), {
        displayName: 'Admin',
        description: 'Can do anything',
        alias: 'eng-admin',
        slug: 'admin',
        appResourceTypeId: type.id,
        appResourceId: resource.id,
        appEntitlementOwnerIds: [],
        grantPolicyId: policies.grant,
        revokePolicyId: policies.revoke,
        certifyPolicyId: policies.certify,
        emergencyGrantEnabled: true,
        emergencyGrantPolicyId: policies.grant,
        complianceFrameworkValueIds: ['sox', 'hipaa'],
        riskLevelValueId: 'high',
        overrideAccessRequestsDefaults: true,
        provisionPolicy: { manual: { instructions: 'ask' } },
        purpose: 'APP_ENTITLEMENT_PURPOSE_VALUE_PERMISSION',
        matchBatonId: 'ent:admin',
        durationGrant: '3600s',
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appEntitlementView: view({
          id: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
          appId,
          appResourceTypeId: type.id,
          appResourceId: resource.id,
          displayName: 'Admin',
          description: 'Can do anything',
          alias: 'eng-admin',
          slug: 'admin',
          isManuallyManaged: true,
          isAutomationEnabled: false,
          systemBuiltin: false,
          grantCount: '0',
          grantPolicyId: policies.grant,
          revokePolicyId: policies.revoke,
          certifyPolicyId: policies.certify,
          emergencyGrantEnabled: true,
          emergencyGrantPolicyId: policies.grant,
          overrideAccessRequestsDefaults: true,
          defaultValuesApplied: false,
          complianceFrameworkValueIds: ['sox', 'hipaa'],
          riskLevelValueId: 'high',
          requestSchemaId: '',
          matchBatonId: 'ent:admin',
          purpose: 'APP_ENTITLEMENT_PURPOSE_VALUE_PERMISSION',
          provisionerPolicy: null,
          deprovisionerPolicy: null,
          durationGrant: '3600s',
          durationUnset: null,
          sourceConnectorIds: {},
          userEditedMask: null,
          createdAt: expect.stringMatching(TIMESTAMP),
          updatedAt: expect.stringMatching(TIMESTAMP),
          deletedAt: null,
        }),
        expanded: [],
      });
      const id = response.body.appEntitlementView.appEntitlement.id;
      expect(await row(id)).toMatchObject({
        app_id: appId,
        app_resource_type_id: type.id,
        app_resource_id: resource.id,
        alias: 'eng-admin',
        is_manually_managed: 1,
        emergency_grant_enabled: 1,
        compliance_framework_value_ids: '["sox","hipaa"]',
        duration_grant: '3600s',
        deleted_at: null,
      });
      expect(await activities(id)).toEqual(['app_entitlement.created']);
    });

    it('takes the resource type from the resource, and needs neither', async () => {
      const type = await createResourceType(t, appId);
      const resource = await createResource(t, appId, type.id);
      const onResource = await createEntitlement(t, appId, { appResourceId: resource.id, durationUnset: {} });
      expect(onResource).toMatchObject({
        appResourceTypeId: type.id,
        appResourceId: resource.id,
        durationGrant: null,
        durationUnset: {},
      });
      const loose = await createEntitlement(t, appId, { appResourceTypeId: '', alias: '' });
      expect(loose).toMatchObject({
        appResourceTypeId: '',
        appResourceId: '',
        alias: '',
        isManuallyManaged: true,
        purpose: 'APP_ENTITLEMENT_PURPOSE_VALUE_UNSPECIFIED',
      });
      // Empty aliases are not aliases: any number may coexist.
      await createEntitlement(t, appId, { alias: '' });
    });

    it('answers 409 ALIAS_TAKEN for an alias live in the app, and frees it on delete', async () => {
      const first = await createEntitlement(t, appId, { alias: 'shared-alias' });
      const response = await t.request('POST', url(appId), { displayName: 'Dup', alias: 'shared-alias' });
      expectError(response, 409, 6, 'ALIAS_TAKEN', { appId, alias: 'shared-alias' });
      const named = await t.db
        .selectFrom('app_entitlements')
        .select('id')
        .where('display_name', '=', 'Dup')
        .execute();
      expect(named).toEqual([]);

      // Another app may use it.
      await createEntitlement(t, (await createApp(t)).id, { alias: 'shared-alias' });
      await t.request('DELETE', url(appId, first.id));
      await createEntitlement(t, appId, { alias: 'shared-alias' });
    });

    it.each([
      ['no displayName', { alias: 'x' }],
      ['a malformed durationGrant', { displayName: 'x', durationGrant: '1h' }],
      ['an unknown purpose', { displayName: 'x', purpose: 'FUN' }],
    ])('answers 400 for %s', async (_, body) => {
      expectError(await t.request('POST', url(appId), body), 400, 3, 'INVALID_REQUEST');
    });

    it('answers 400 when both members of the duration oneof are set', async () => {
      const body = { displayName: 'x', durationGrant: '60s', durationUnset: {} };
      expectError(await t.request('POST', url(appId), body), 400, 3, 'DURATION_CONFLICT');
    });

    it('answers 404 for an unknown app, type or resource, or ones of another app or type', async () => {
      const other = await createApp(t);
      const foreignType = await createResourceType(t, other.id);
      const foreignResource = await createResource(t, other.id, foreignType.id);
      const type = await createResourceType(t, appId);
      const resource = await createResource(t, appId, type.id);
      const otherType = await createResourceType(t, appId);
      const cases: Array<[object, string, string]> = [
        [{ appResourceTypeId: 'nope' }, 'APP_RESOURCE_TYPE_NOT_FOUND', 'nope'],
        [{ appResourceTypeId: foreignType.id }, 'APP_RESOURCE_TYPE_NOT_FOUND', foreignType.id],
        [{ appResourceId: 'nope' }, 'APP_RESOURCE_NOT_FOUND', 'nope'],
        [{ appResourceId: foreignResource.id }, 'APP_RESOURCE_NOT_FOUND', foreignResource.id],
        [
          { appResourceTypeId: otherType.id, appResourceId: resource.id },
          'APP_RESOURCE_NOT_FOUND',
          resource.id,
        ],
      ];
      for (const [refs, reason, id] of cases) {
        expectNotFound(await t.request('POST', url(appId), { displayName: 'x', ...refs }), reason, id);
      }
      expectNotFound(await t.request('POST', url('nope'), { displayName: 'x' }), 'APP_NOT_FOUND', 'nope');
    });
  });

  describe('get', () => {
    it('answers {appEntitlementView, expanded} with grantCount = live grants', async () => {
      const entitlement = await createEntitlement(t, appId);
      await insertGrant(t, appId, entitlement.id);
      const revoked = await insertGrant(t, appId, entitlement.id);
      await revokeInsertedGrant(t, revoked.grantId);
      const response = await t.request('GET', url(appId, entitlement.id));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appEntitlementView: view({ ...entitlement, grantCount: '1' }),
        expanded: [],
      });
    });

    it('answers 404 for an unknown entitlement or one of another app', async () => {
      expectNotFound(await t.request('GET', url(appId, 'nope')), 'ENTITLEMENT_NOT_FOUND', 'nope');
      const foreign = await createEntitlement(t, (await createApp(t)).id);
      expectNotFound(await t.request('GET', url(appId, foreign.id)), 'ENTITLEMENT_NOT_FOUND', foreign.id);
    });
  });

  describe('list', () => {
    it('walks every page once, in ID order, only live entitlements of the app', async () => {
      const app = await createApp(t);
      const created: string[] = [];
      for (let i = 0; i < 20; i++) created.push((await createEntitlement(t, app.id)).id);
      const gone = await createEntitlement(t, app.id);
      await t.request('DELETE', url(app.id, gone.id));
      await createEntitlement(t, appId);

      const items = await walkPages(t, url(app.id), 10);
      expect(items.map((v) => v.appEntitlement.id)).toEqual([...created].sort());
      expect(items[0]).toEqual(view(expect.objectContaining({ appId: app.id, grantCount: '0' })));
      const page = await t.request('GET', url(app.id));
      expect(page.body).toMatchObject({ nextPageToken: '', expanded: [] });
    });

    it('answers 404 for an unknown app', async () => {
      expectNotFound(await t.request('GET', url('nope')), 'APP_NOT_FOUND', 'nope');
    });
  });

  describe('update', () => {
    it('with updateMask changes exactly the listed fields', async () => {
      const entitlement = await createEntitlement(t, appId, {
        description: 'd',
        durationGrant: '60s',
        slug: 's',
      });
      t.clock.advance(1_000);
      const response = await t.request('POST', url(appId, entitlement.id), {
        entitlement: { displayName: 'not applied', description: 'new', grantCount: '5', appId: 'x' },
        updateMask: 'description,durationGrant,slug,grantCount,appId',
        overrideAccessRequestsDefaults: true,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appEntitlementView: view({
          ...entitlement,
          description: 'new',
          slug: '',
          durationGrant: null,
          durationUnset: {},
          updatedAt: expect.stringMatching(TIMESTAMP),
        }),
        expanded: [],
      });
      expect(await row(entitlement.id)).toMatchObject({
        app_id: appId,
        display_name: entitlement.displayName,
        description: 'new',
        slug: '',
        duration_grant: null,
      });
      expect(await activities(entitlement.id)).toEqual([
        'app_entitlement.created',
        'app_entitlement.updated',
      ]);
    });

    it('without updateMask applies every field present and never server-set ones', async () => {
      const entitlement = await createEntitlement(t, appId, { description: 'kept' });
      const response = await t.request('POST', url(appId, entitlement.id), {
        entitlement: {
          ...entitlement,
          displayName: 'Renamed',
          description: null,
          durationGrant: '7200s',
          durationUnset: null,
          complianceFrameworkValueIds: ['pci'],
          isManuallyManaged: false,
          grantCount: '100',
        },
      });
      expect(response.status).toBe(200);
      expect(response.body.appEntitlementView.appEntitlement).toEqual({
        ...entitlement,
        displayName: 'Renamed',
        durationGrant: '7200s',
        durationUnset: null,
        complianceFrameworkValueIds: ['pci'],
        updatedAt: expect.stringMatching(TIMESTAMP),
      });
      expect(await row(entitlement.id)).toMatchObject({
        display_name: 'Renamed',
        description: 'kept',
        is_manually_managed: 1,
        duration_grant: '7200s',
      });
    });

    it('answers 409 ALIAS_TAKEN when the new alias is live in the app', async () => {
      await createEntitlement(t, appId, { alias: 'taken-by-update' });
      const entitlement = await createEntitlement(t, appId, { alias: 'mine' });
      const response = await t.request('POST', url(appId, entitlement.id), {
        entitlement: { alias: 'taken-by-update' },
      });
      expectError(response, 409, 6, 'ALIAS_TAKEN', { alias: 'taken-by-update' });
      expect((await row(entitlement.id)).alias).toBe('mine');
      expect(await activities(entitlement.id)).toEqual(['app_entitlement.created']);
    });

    it('answers 400 for a bad mask, a duration conflict or a bad type, and 404 for unknown IDs', async () => {
      const entitlement = await createEntitlement(t, appId);
      const cases: Array<[object, string]> = [
        [{ updateMask: 'owners' }, 'INVALID_UPDATE_MASK'],
        [{ entitlement: { durationGrant: '1s', durationUnset: {} } }, 'DURATION_CONFLICT'],
        [{ entitlement: { emergencyGrantEnabled: 'maybe' } }, 'INVALID_REQUEST'],
      ];
      for (const [body, reason] of cases) {
        expectError(await t.request('POST', url(appId, entitlement.id), body), 400, 3, reason);
      }
      expectNotFound(
        await t.request('POST', url(appId, 'nope'), { entitlement: {} }),
        'ENTITLEMENT_NOT_FOUND',
        'nope',
      );
      expectNotFound(await t.request('POST', url('nope', entitlement.id), {}), 'APP_NOT_FOUND', 'nope');
    });
  });

  describe('delete', () => {
    it('soft-deletes the entitlement and revokes its live grants with REMOVED events', async () => {
      const entitlement = await createEntitlement(t, appId);
      const other = await createEntitlement(t, appId);
      const grants = [
        await insertGrant(t, appId, entitlement.id),
        await insertGrant(t, appId, entitlement.id),
      ];
      const kept = await insertGrant(t, appId, other.id);

      const response = await t.request('DELETE', url(appId, entitlement.id));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});

      const at = (await row(entitlement.id)).deleted_at;
      expect(at).toMatch(TIMESTAMP);
      const live = await t.db
        .selectFrom('grants')
        .select('id')
        .where('app_entitlement_id', 'in', [entitlement.id, other.id])
        .where('deleted_at', 'is', null)
        .execute();
      expect(live).toEqual([{ id: kept.grantId }]);
      const events = await t.db
        .selectFrom('grant_events')
        .select(['grant_id', 'event_type', 'app_user_id'])
        .where('app_entitlement_id', 'in', [entitlement.id, other.id])
        .execute();
      expect(events.sort((a, b) => a.grant_id.localeCompare(b.grant_id))).toEqual(
        grants
          .map((g) => ({
            grant_id: g.grantId,
            event_type: 'GRANT_EVENT_TYPE_REMOVED',
            app_user_id: g.appUserId,
          }))
          .sort((a, b) => a.grant_id.localeCompare(b.grant_id)),
      );
      expect(await activities(entitlement.id)).toEqual([
        'app_entitlement.created',
        'app_entitlement.deleted',
      ]);
      // Grants' removals are in the grant history only, naming the delete request (CONTRACT.md §7.11).
      for (const g of grants) expect(await activities(g.grantId)).toEqual([]);
      expect(await removalOrigins(t, entitlement.id)).toEqual([true, true]);

      expectNotFound(
        await t.request('GET', url(appId, entitlement.id)),
        'ENTITLEMENT_NOT_FOUND',
        entitlement.id,
      );
      expectNotFound(
        await t.request('DELETE', url(appId, entitlement.id)),
        'ENTITLEMENT_NOT_FOUND',
        entitlement.id,
      );
    });

    it('answers 404 for an entitlement of another app', async () => {
      const foreign = await createEntitlement(t, (await createApp(t)).id);
      expectNotFound(await t.request('DELETE', url(appId, foreign.id)), 'ENTITLEMENT_NOT_FOUND', foreign.id);
      expect((await row(foreign.id)).deleted_at).toBeNull();
    });
  });

  it.each([
    ['GET', url('a')],
    ['POST', url('a')],
    ['GET', url('a', 'b')],
    ['POST', url('a', 'b')],
    ['DELETE', url('a', 'b')],
  ] as const)('%s %s answers 401 without a token', async (method, path) => {
    expectError(
      await t.request(method, path, method === 'GET' ? undefined : {}, { token: null }),
      401,
      16,
      'TOKEN_MISSING',
    );
  });
});

describe.each(DIALECTS)('expansion on entitlement create and update on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('fills expanded and the *Path pointers the expandMask names, each object once', async () => {
    const app = await createApp(t);
    const type = await createResourceType(t, app.id);
    const resource = await createResource(t, app.id, type.id);
    const created = await t.request('POST', `/api/v1/apps/${app.id}/entitlements`, {
      displayName: 'Expanded',
      appResourceTypeId: type.id,
      appResourceId: resource.id,
      expandMask: { paths: ['app_id'] },
    });
    expect(created.status).toBe(200);
    expect(created.body.appEntitlementView).toMatchObject({
      appPath: '$.expanded[0]',
      appResourceTypePath: '',
      appResourcePath: '',
    });
    expect(created.body.expanded).toEqual([
      expect.objectContaining({ '@type': 'type.googleapis.com/c1.api.app.v1.App', id: app.id }),
    ]);

    const id = created.body.appEntitlementView.appEntitlement.id;
    const updated = await t.request('POST', `/api/v1/apps/${app.id}/entitlements/${id}`, {
      entitlement: { displayName: 'Renamed' },
      updateMask: 'displayName',
      expandMask: { paths: ['*'] },
    });
    expect(updated.status).toBe(200);
    const view = updated.body.appEntitlementView;
    expect([view.appPath, view.appResourceTypePath, view.appResourcePath]).toEqual([
      '$.expanded[0]',
      '$.expanded[1]',
      '$.expanded[2]',
    ]);
    expect(updated.body.expanded.map((e: any) => [e['@type'].split('.').pop(), e.id])).toEqual([
      ['App', app.id],
      ['AppResourceType', type.id],
      ['AppResource', resource.id],
    ]);
    const plain = await t.request('GET', `/api/v1/apps/${app.id}/entitlements/${id}`);
    expect(plain.body.expanded).toEqual([]);
    expect(plain.body.appEntitlementView.appPath).toBe('');
  });
});
