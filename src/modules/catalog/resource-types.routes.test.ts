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
  walkPages,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe.each(DIALECTS)('resource type routes on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
  });
  afterAll(() => t.close());

  const typeRow = (id: string) =>
    t.db.selectFrom('app_resource_types').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** The system-log activities about a target, sorted (events of one instant have no order). */
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
  const url = (app: string, id?: string) => `/api/v1/apps/${app}/resource_types${id ? `/${id}` : ''}`;

  describe('create', () => {
    it('creates a manually managed type and answers {appResourceType, expanded}', async () => {
      const response = await t.request('POST', url(appId), { displayName: 'Teams', resourceType: 'GROUP' });
      expect(response.status).toBe(200);
      const created = response.body.appResourceType;
      expect(response.body).toEqual({
        appResourceType: {
          id: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
          appId,
          displayName: 'Teams',
          traitIds: [],
          createdAt: expect.stringMatching(TIMESTAMP),
          updatedAt: expect.stringMatching(TIMESTAMP),
          deletedAt: null,
        },
        expanded: [],
      });
      expect(await typeRow(created.id)).toMatchObject({
        app_id: appId,
        display_name: 'Teams',
        resource_type: 'GROUP',
        deleted_at: null,
      });
      expect(await activities(created.id)).toEqual(['app_resource_type.created']);
    });

    it.each([
      ['no resourceType', { displayName: 'X' }],
      ['an unknown resourceType', { displayName: 'X', resourceType: 'TEAM' }],
      ['no displayName', { resourceType: 'ROLE' }],
      ['an empty displayName', { displayName: '', resourceType: 'ROLE' }],
    ])('answers 400 for %s', async (_, body) => {
      expectError(await t.request('POST', url(appId), body), 400, 3, 'INVALID_REQUEST');
    });

    it('answers 404 for an unknown or deleted app', async () => {
      expectNotFound(
        await t.request('POST', url('nope'), { displayName: 'X', resourceType: 'ROLE' }),
        'APP_NOT_FOUND',
        'nope',
      );
      const gone = await createApp(t);
      await t.request('DELETE', `/api/v1/apps/${gone.id}`);
      expectNotFound(
        await t.request('POST', url(gone.id), { displayName: 'X', resourceType: 'ROLE' }),
        'APP_NOT_FOUND',
        gone.id,
      );
    });
  });

  describe('get', () => {
    it('answers {appResourceTypeView, expanded}', async () => {
      const type = await createResourceType(t, appId, { resourceType: 'ROLE' });
      const response = await t.request('GET', url(appId, type.id));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appResourceTypeView: { appResourceType: type, appPath: '' },
        expanded: [],
      });
    });

    it('answers 404 for an unknown type, a type of another app, and an unknown app', async () => {
      expectNotFound(await t.request('GET', url(appId, 'nope')), 'APP_RESOURCE_TYPE_NOT_FOUND', 'nope');
      const other = await createApp(t);
      const foreign = await createResourceType(t, other.id);
      expectNotFound(
        await t.request('GET', url(appId, foreign.id)),
        'APP_RESOURCE_TYPE_NOT_FOUND',
        foreign.id,
      );
      expectNotFound(await t.request('GET', url('nope', foreign.id)), 'APP_NOT_FOUND', 'nope');
    });
  });

  describe('list', () => {
    it('walks every page once, in ID order, without deleted types or other apps', async () => {
      const app = await createApp(t);
      const created: string[] = [];
      for (let i = 0; i < 21; i++) created.push((await createResourceType(t, app.id)).id);
      const gone = await createResourceType(t, app.id);
      await t.request('DELETE', url(app.id, gone.id));
      await createResourceType(t, appId);

      const items = await walkPages(t, url(app.id), 10);
      expect(items.map((v) => v.appResourceType.id)).toEqual([...created].sort());
      expect(items[0]).toEqual({ appResourceType: expect.objectContaining({ appId: app.id }), appPath: '' });

      const first = await t.request('GET', url(app.id));
      expect(first.body).toMatchObject({ nextPageToken: '', expanded: [] });
      expect(first.body.list).toHaveLength(21);
    });

    it('answers 404 for an unknown app and 400 for a foreign page token', async () => {
      expectNotFound(await t.request('GET', url('nope')), 'APP_NOT_FOUND', 'nope');
      expectError(await t.request('GET', `${url(appId)}?page_token=x`), 400, 3, 'INVALID_PAGE_TOKEN');
    });
  });

  describe('update', () => {
    it('with updateMask changes the listed fields and ignores server-set ones', async () => {
      const type = await createResourceType(t, appId);
      t.clock.advance(1_000);
      const response = await t.request('POST', url(appId, type.id), {
        appResourceType: { displayName: 'Squads', appId: 'elsewhere', traitIds: ['t1'] },
        updateMask: 'displayName,appId,traitIds',
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        appResourceType: { ...type, displayName: 'Squads', updatedAt: expect.stringMatching(TIMESTAMP) },
        expanded: [],
      });
      expect(await typeRow(type.id)).toMatchObject({ app_id: appId, display_name: 'Squads' });
      expect(await activities(type.id)).toEqual(['app_resource_type.created', 'app_resource_type.updated']);
    });

    it('without updateMask applies what is present; unchanged values write nothing', async () => {
      const type = await createResourceType(t, appId);
      let response = await t.request('POST', url(appId, type.id), { appResourceType: { ...type } });
      expect(response.body.appResourceType).toEqual(type);
      expect(await activities(type.id)).toEqual(['app_resource_type.created']);

      response = await t.request('POST', url(appId, type.id), { appResourceType: { displayName: 'Roles' } });
      expect(response.body.appResourceType.displayName).toBe('Roles');
      expect((await typeRow(type.id)).display_name).toBe('Roles');
    });

    it('answers 400 for a bad mask or an emptied name, and 404 for an unknown type', async () => {
      const type = await createResourceType(t, appId);
      expectError(
        await t.request('POST', url(appId, type.id), { appResourceType: {}, updateMask: 'kind' }),
        400,
        3,
        'INVALID_UPDATE_MASK',
      );
      expectError(
        await t.request('POST', url(appId, type.id), { appResourceType: { displayName: '' } }),
        400,
        3,
        'DISPLAY_NAME_REQUIRED',
      );
      expectNotFound(
        await t.request('POST', url(appId, 'nope'), { appResourceType: { displayName: 'x' } }),
        'APP_RESOURCE_TYPE_NOT_FOUND',
        'nope',
      );
      expect((await typeRow(type.id)).display_name).toBe(type.displayName);
    });
  });

  describe('delete', () => {
    it('cascades to resources and entitlements and revokes their grants', async () => {
      const type = await createResourceType(t, appId);
      const resource = await createResource(t, appId, type.id);
      const onResource = await createEntitlement(t, appId, { appResourceId: resource.id });
      const onType = await createEntitlement(t, appId, { appResourceTypeId: type.id });
      const otherType = await createResourceType(t, appId);
      const survivor = await createEntitlement(t, appId, { appResourceTypeId: otherType.id });
      const g1 = await insertGrant(t, appId, onResource.id);
      const g2 = await insertGrant(t, appId, onType.id);
      const kept = await insertGrant(t, appId, survivor.id);

      const response = await t.request('DELETE', url(appId, type.id), undefined, {
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});

      const at = (await typeRow(type.id)).deleted_at;
      expect(at).toMatch(TIMESTAMP);
      const deletedAt = async (table: 'app_resources' | 'app_entitlements', id: string) =>
        (await t.db.selectFrom(table).select('deleted_at').where('id', '=', id).executeTakeFirstOrThrow())
          .deleted_at;
      expect(await deletedAt('app_resources', resource.id)).toBe(at);
      expect(await deletedAt('app_entitlements', onResource.id)).toBe(at);
      expect(await deletedAt('app_entitlements', onType.id)).toBe(at);
      expect(await deletedAt('app_entitlements', survivor.id)).toBeNull();

      const grants = await t.db
        .selectFrom('grants')
        .select(['id', 'deleted_at'])
        .where('id', 'in', [g1.grantId, g2.grantId, kept.grantId])
        .execute();
      expect(Object.fromEntries(grants.map((g) => [g.id, g.deleted_at]))).toEqual({
        [g1.grantId]: at,
        [g2.grantId]: at,
        [kept.grantId]: null,
      });
      const removed = await t.db
        .selectFrom('grant_events')
        .select(['grant_id', 'event_type'])
        .where('grant_id', 'in', [g1.grantId, g2.grantId, kept.grantId])
        .execute();
      expect(removed).toHaveLength(2);
      expect(removed.every((e) => e.event_type === 'GRANT_EVENT_TYPE_REMOVED')).toBe(true);

      expect(await activities(type.id)).toEqual(['app_resource_type.created', 'app_resource_type.deleted']);
      expect(await activities(resource.id)).toEqual(['app_resource.created', 'app_resource.deleted']);
      expect(await activities(onType.id)).toEqual(['app_entitlement.created', 'app_entitlement.deleted']);
      expect(await activities(g1.grantId)).toEqual([]);
      expect(await removalOrigins(t, onResource.id)).toEqual([true]);
      expect(await activities(kept.grantId)).toEqual([]);

      expectNotFound(await t.request('GET', url(appId, type.id)), 'APP_RESOURCE_TYPE_NOT_FOUND', type.id);
      expectNotFound(await t.request('DELETE', url(appId, type.id)), 'APP_RESOURCE_TYPE_NOT_FOUND', type.id);
    });

    it('answers 404 for an unknown type or app', async () => {
      expectNotFound(await t.request('DELETE', url(appId, 'nope')), 'APP_RESOURCE_TYPE_NOT_FOUND', 'nope');
      expectNotFound(await t.request('DELETE', url('nope', 'nope')), 'APP_NOT_FOUND', 'nope');
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
