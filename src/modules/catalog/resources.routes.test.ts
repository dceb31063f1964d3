import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
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

describe.each(DIALECTS)('resource routes on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let typeId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
    typeId = (await createResourceType(t, appId)).id;
  });
  afterAll(() => t.close());

  const resourceRow = (id: string) =>
    t.db.selectFrom('app_resources').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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
  const url = (app: string, type: string, id?: string) =>
    `/api/v1/apps/${app}/resource_types/${type}/resources${id ? `/${id}` : ''}`;
  const view = (appResource: unknown) => ({
    appResource,
    appPath: '',
    resourceTypePath: '',
    parentResourcePath: '',
    parentResourceTypePath: '',
  });

  describe('create', () => {
    it('creates a resource and answers {appResource} alone', async () => {
      const response = await t.request('POST', url(appId, typeId), {
        displayName: 'Engineering',
        description: 'All engineers',
        matchBatonId: 'group:eng',
        resourceOwnerUserIds: [],
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appResource: {
          id: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
          appId,
          appResourceTypeId: typeId,
          displayName: 'Engineering',
          description: 'All engineers',
          customDescription: '',
          grantCount: '0',
          matchBatonId: 'group:eng',
          parentAppResourceId: '',
          parentAppResourceTypeId: '',
          secretTrait: null,
          createdAt: expect.stringMatching(TIMESTAMP),
          updatedAt: expect.stringMatching(TIMESTAMP),
          deletedAt: null,
        },
      });
      const id = response.body.appResource.id;
      expect(await resourceRow(id)).toMatchObject({
        app_id: appId,
        app_resource_type_id: typeId,
        display_name: 'Engineering',
        description: 'All engineers',
        match_baton_id: 'group:eng',
        deleted_at: null,
      });
      expect(await activities(id)).toEqual(['app_resource.created']);
    });

    it('answers 400 without a displayName, 404 for an unknown type or app', async () => {
      expectError(
        await t.request('POST', url(appId, typeId), { description: 'x' }),
        400,
        3,
        'INVALID_REQUEST',
      );
      expectNotFound(
        await t.request('POST', url(appId, 'nope'), { displayName: 'x' }),
        'APP_RESOURCE_TYPE_NOT_FOUND',
        'nope',
      );
      expectNotFound(
        await t.request('POST', url('nope', typeId), { displayName: 'x' }),
        'APP_NOT_FOUND',
        'nope',
      );
    });
  });

  describe('get', () => {
    it('answers {appResourceView, expanded} with grantCount over its live entitlements', async () => {
      const resource = await createResource(t, appId, typeId);
      const live = await createEntitlement(t, appId, { appResourceId: resource.id });
      const deleted = await createEntitlement(t, appId, { appResourceId: resource.id });
      await insertGrant(t, appId, live.id);
      await insertGrant(t, appId, live.id);
      const revoked = await insertGrant(t, appId, live.id);
      await revokeInsertedGrant(t, revoked.grantId);
      await insertGrant(t, appId, deleted.id);
      await t.request('DELETE', `/api/v1/apps/${appId}/entitlements/${deleted.id}`);

      const response = await t.request('GET', url(appId, typeId, resource.id));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appResourceView: view({ ...resource, grantCount: '2' }),
        expanded: [],
      });
    });

    it('answers 404 for an unknown resource or one reached through another type', async () => {
      expectNotFound(await t.request('GET', url(appId, typeId, 'nope')), 'APP_RESOURCE_NOT_FOUND', 'nope');
      const otherType = await createResourceType(t, appId);
      const resource = await createResource(t, appId, otherType.id);
      expectNotFound(
        await t.request('GET', url(appId, typeId, resource.id)),
        'APP_RESOURCE_NOT_FOUND',
        resource.id,
      );
    });
  });

  describe('list', () => {
    it('walks every page once, in ID order, only the live resources of the type', async () => {
      const type = await createResourceType(t, appId);
      const created: string[] = [];
      for (let i = 0; i < 25; i++) created.push((await createResource(t, appId, type.id)).id);
      const gone = await createResource(t, appId, type.id);
      await t.request('DELETE', url(appId, type.id, gone.id));

      const items = await walkPages(t, url(appId, type.id), 10);
      expect(items.map((v) => v.appResource.id)).toEqual([...created].sort());
      expect(items[0]).toEqual(
        view(expect.objectContaining({ appResourceTypeId: type.id, grantCount: '0' })),
      );
    });

    it('answers 404 for an unknown type', async () => {
      expectNotFound(await t.request('GET', url(appId, 'nope')), 'APP_RESOURCE_TYPE_NOT_FOUND', 'nope');
    });
  });

  describe('update', () => {
    it('with updateMask changes exactly the listed fields and answers {appResourceView, expanded}', async () => {
      const resource = await createResource(t, appId, typeId, { description: 'd', matchBatonId: 'm' });
      t.clock.advance(1_000);
      const response = await t.request('POST', url(appId, typeId, resource.id), {
        appResource: { displayName: 'ignored', description: 'new', grantCount: '7' },
        updateMask: 'description,match_baton_id,grantCount',
        expandMask: { paths: ['*'] },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appResourceView: view({
          ...resource,
          description: 'new',
          matchBatonId: '',
          updatedAt: expect.stringMatching(TIMESTAMP),
        }),
        expanded: [],
      });
      expect(await resourceRow(resource.id)).toMatchObject({
        display_name: resource.displayName,
        description: 'new',
        match_baton_id: '',
      });
      expect(await activities(resource.id)).toEqual(['app_resource.created', 'app_resource.updated']);
    });

    it('without updateMask applies every field present', async () => {
      const resource = await createResource(t, appId, typeId, { description: 'kept' });
      const response = await t.request('POST', url(appId, typeId, resource.id), {
        appResource: { ...resource, displayName: 'Platform', description: null, appResourceTypeId: 'x' },
      });
      expect(response.status).toBe(200);
      expect(response.body.appResourceView.appResource).toMatchObject({
        displayName: 'Platform',
        description: 'kept',
        appResourceTypeId: typeId,
      });
      expect(await resourceRow(resource.id)).toMatchObject({ display_name: 'Platform', description: 'kept' });
    });

    it('answers 400 for a mask naming no field and 404 for an unknown resource', async () => {
      const resource = await createResource(t, appId, typeId);
      expectError(
        await t.request('POST', url(appId, typeId, resource.id), { updateMask: 'owner' }),
        400,
        3,
        'INVALID_UPDATE_MASK',
      );
      expectNotFound(
        await t.request('POST', url(appId, typeId, 'nope'), { appResource: { displayName: 'x' } }),
        'APP_RESOURCE_NOT_FOUND',
        'nope',
      );
    });
  });

  describe('delete', () => {
    it('cascades to its entitlements and revokes their grants', async () => {
      const resource = await createResource(t, appId, typeId);
      const sibling = await createResource(t, appId, typeId);
      const entitlement = await createEntitlement(t, appId, { appResourceId: resource.id });
      const other = await createEntitlement(t, appId, { appResourceId: sibling.id });
      const grant = await insertGrant(t, appId, entitlement.id);
      const kept = await insertGrant(t, appId, other.id);

      const response = await t.request('DELETE', url(appId, typeId, resource.id));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});

      const at = (await resourceRow(resource.id)).deleted_at;
      expect(at).toMatch(TIMESTAMP);
      expect((await resourceRow(sibling.id)).deleted_at).toBeNull();
      const entitlements = await t.db
        .selectFrom('app_entitlements')
        .select(['id', 'deleted_at'])
        .where('id', 'in', [entitlement.id, other.id])
        .execute();
      expect(Object.fromEntries(entitlements.map((e) => [e.id, e.deleted_at]))).toEqual({
        [entitlement.id]: at,
        [other.id]: null,
      });
      const grants = await t.db
        .selectFrom('grants')
        .select(['id', 'deleted_at'])
        .where('id', 'in', [grant.grantId, kept.grantId])
        .execute();
      expect(Object.fromEntries(grants.map((g) => [g.id, g.deleted_at]))).toEqual({
        [grant.grantId]: at,
        [kept.grantId]: null,
      });
      const events = await t.db
        .selectFrom('grant_events')
        .selectAll()
        .where('app_entitlement_id', 'in', [entitlement.id, other.id])
        .execute();
      expect(events).toEqual([
        expect.objectContaining({
          grant_id: grant.grantId,
          app_user_id: grant.appUserId,
          event_type: 'GRANT_EVENT_TYPE_REMOVED',
          occurred_at: at,
        }),
      ]);
      expect(await activities(resource.id)).toEqual(['app_resource.created', 'app_resource.deleted']);
      expect(await activities(entitlement.id)).toEqual([
        'app_entitlement.created',
        'app_entitlement.deleted',
      ]);
      expect(await activities(grant.grantId)).toEqual([]);
      expect(await removalOrigins(t, entitlement.id)).toEqual([true]);

      expectNotFound(
        await t.request('GET', url(appId, typeId, resource.id)),
        'APP_RESOURCE_NOT_FOUND',
        resource.id,
      );
      expectNotFound(
        await t.request('DELETE', url(appId, typeId, resource.id)),
        'APP_RESOURCE_NOT_FOUND',
        resource.id,
      );
    });
  });

  it.each([
    ['GET', url('a', 'b')],
    ['POST', url('a', 'b')],
    ['GET', url('a', 'b', 'c')],
    ['POST', url('a', 'b', 'c')],
    ['DELETE', url('a', 'b', 'c')],
  ] as const)('%s %s answers 401 without a token', async (method, path) => {
    expectError(
      await t.request(method, path, method === 'GET' ? undefined : {}, { token: null }),
      401,
      16,
      'TOKEN_MISSING',
    );
  });
});
