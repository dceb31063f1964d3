import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUserIdOf,
  createApp,
  createEntitlement,
  createPolicies,
  createResource,
  createResourceType,
  createUser,
  insertGrant,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createScimConnection, USER_SCHEMA } from '../../../test/scim-fixtures.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe.each(DIALECTS)('apps routes on %s', (dialect) => {
  let t: TestApp;
  let policies: { grant: string; revoke: string; certify: string };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    policies = await createPolicies(t);
  });
  afterAll(() => t.close());

  const appRow = (id: string) =>
    t.db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = (targetId: string) =>
    t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('target_id', '=', targetId)
      .orderBy('activity')
      .execute();

  function expectNotFound(response: { status: number; body: unknown }, reason: string, id: string) {
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      code: 5,
      message: expect.stringContaining(id),
      details: [
        expect.objectContaining({ reason, domain: 'roster', metadata: expect.objectContaining({ id }) }),
      ],
    });
  }

  describe('POST /api/v1/apps', () => {
    it('creates a manually managed app, stores it and logs it', async () => {
      const response = await t.request('POST', '/api/v1/apps', {
        displayName: 'Payroll',
        description: 'Pays people',
        owners: [],
        grantPolicyId: policies.grant,
        revokePolicyId: policies.revoke,
        certifyPolicyId: policies.certify,
        identityMatching: 'APP_USER_IDENTITY_MATCHING_STRICT',
        monthlyCostUsd: 12,
        strictAccessEntitlementProvisioning: true,
      });
      expect(response.status).toBe(200);
      const app = response.body.app;
      expect(app).toEqual({
        id: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
        displayName: 'Payroll',
        description: 'Pays people',
        iconUrl: '',
        logoUri: '',
        isManuallyManaged: true,
        isDirectory: false,
        parentAppId: '',
        appAccountId: '',
        appAccountName: '',
        appOwners: [],
        grantPolicyId: policies.grant,
        revokePolicyId: policies.revoke,
        certifyPolicyId: policies.certify,
        defaultRequestCatalogId: '',
        identityMatching: 'APP_USER_IDENTITY_MATCHING_STRICT',
        instructions: '',
        monthlyCostUsd: 12,
        connectorVersion: 0,
        strictAccessEntitlementProvisioning: true,
        userCount: '0',
        fieldMask: null,
        createdAt: expect.stringMatching(TIMESTAMP),
        updatedAt: expect.stringMatching(TIMESTAMP),
        deletedAt: null,
      });

      expect(await appRow(app.id)).toMatchObject({
        display_name: 'Payroll',
        description: 'Pays people',
        is_manually_managed: 1,
        identity_matching: 'APP_USER_IDENTITY_MATCHING_STRICT',
        monthly_cost_usd: 12,
        grant_policy_id: policies.grant,
        strict_access_entitlement_provisioning: 1,
        deleted_at: null,
      });
      const logged = await events(app.id);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        activity: 'app.created',
        target_type: 'app',
        request_id: expect.any(String),
      });
      expect(logged[0]?.actor_client_id).toBeTruthy();
    });

    it('defaults every optional field', async () => {
      const response = await t.request('POST', '/api/v1/apps', { displayName: 'Bare', description: null });
      expect(response.status).toBe(200);
      expect(response.body.app).toMatchObject({
        description: '',
        identityMatching: 'APP_USER_IDENTITY_MATCHING_UNSPECIFIED',
        monthlyCostUsd: 0,
        strictAccessEntitlementProvisioning: false,
      });
    });

    it.each([
      ['no displayName', { description: 'x' }],
      ['an empty displayName', { displayName: '' }],
      ['an unknown identityMatching', { displayName: 'A', identityMatching: 'FUZZY' }],
      ['a negative monthlyCostUsd', { displayName: 'A', monthlyCostUsd: -1 }],
    ])('answers 400 for %s', async (_, body) => {
      const response = await t.request('POST', '/api/v1/apps', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 3, details: [{ reason: 'INVALID_REQUEST' }] });
    });
  });

  describe('GET /api/v1/apps/:id', () => {
    it('counts in userCount the app users holding a grant now: 3 added and 1 removed read 2', async () => {
      const app = await createApp(t);
      const [first, second] = [await createEntitlement(t, app.id), await createEntitlement(t, app.id)];
      const people = [await createUser(t), await createUser(t), await createUser(t)];
      const userCount = async () => {
        const one = await t.request('GET', `/api/v1/apps/${app.id}`);
        const listed = await t.request('POST', '/api/v1/search/apps', { appIds: [app.id] });
        expect(listed.body.list[0].userCount).toBe(one.body.app.userCount);
        return one.body.app.userCount;
      };
      const add = async (entitlementId: string, userIds: string[], extra: Record<string, unknown> = {}) => {
        const added = await t.request(
          'POST',
          `/api/v1/apps/${app.id}/entitlements/${entitlementId}/add-manual-user`,
          { userIds, ...extra },
        );
        expect(added.status).toBe(200);
        await t.drainBulkActions();
      };
      const appUserOf = (userId: string) => appUserIdOf(t, app.id, userId);
      const remove = async (entitlementId: string, userId: string) => {
        const removed = await t.request(
          'DELETE',
          `/api/v1/apps/${app.id}/entitlements/${entitlementId}/remove-membership`,
          { appUserId: await appUserOf(userId) },
        );
        expect(removed.status).toBe(200);
      };

      await add(
        first.id,
        people.map((p) => p.id),
      );
      expect(await userCount()).toBe('3');
      await remove(first.id, people[2].id);
      expect(await userCount()).toBe('2');
      // A second grant of the same person counts them once; removing one of two keeps them counted.
      await add(second.id, [people[0].id]);
      expect(await userCount()).toBe('2');
      await remove(first.id, people[0].id);
      expect(await userCount()).toBe('2');
      // A grant past its deprovision time is not held, before and after the sweeper revokes it.
      await add(first.id, [people[2].id], { grantDuration: '60s' });
      expect(await userCount()).toBe('3');
      t.clock.advance(60_000);
      expect(await userCount()).toBe('2');
      await t.container.expirySweeper.runOnce();
      expect(await userCount()).toBe('2');
      // A person deleted (through SCIM, the path that deletes users) holds nothing.
      const scim = await createScimConnection(t);
      const provisioned = await scim.send('POST', '/Users', {
        schemas: [USER_SCHEMA],
        userName: 'gone@example.com',
      });
      expect(provisioned.status).toBe(201);
      await add(first.id, [provisioned.body.id]);
      expect(await userCount()).toBe('3');
      expect((await scim.send('DELETE', `/Users/${provisioned.body.id}`)).status).toBe(204);
      expect(await userCount()).toBe('2');
      await remove(second.id, people[0].id);
      expect(await userCount()).toBe('1');
      expect(
        await t.db
          .selectFrom('app_holder_counts')
          .select('holder_count')
          .where('app_id', '=', app.id)
          .executeTakeFirst(),
      ).toEqual({ holder_count: 1 });
    });

    it('answers 404 for an unknown app', async () => {
      expectNotFound(await t.request('GET', '/api/v1/apps/nope'), 'APP_NOT_FOUND', 'nope');
    });
  });

  describe('GET /api/v1/apps', () => {
    it('walks every page once, in ID order, without deleted apps', async () => {
      const created = [];
      for (let i = 0; i < 23; i++) created.push((await createApp(t)).id);
      const gone = await createApp(t);
      expect((await t.request('DELETE', `/api/v1/apps/${gone.id}`)).status).toBe(200);

      const seen: string[] = [];
      let token = '';
      let pages = 0;
      do {
        const response = await t.request(
          'GET',
          `/api/v1/apps?page_size=10${token ? `&page_token=${token}` : ''}`,
        );
        expect(response.status).toBe(200);
        expect(response.body.list.length).toBeLessThanOrEqual(10);
        seen.push(...response.body.list.map((a: { id: string }) => a.id));
        token = response.body.nextPageToken;
        pages++;
      } while (token !== '' && pages < 100);

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...seen].sort());
      expect(seen).toEqual(expect.arrayContaining(created));
      expect(seen).not.toContain(gone.id);
      const live = await t.db.selectFrom('apps').select('id').where('deleted_at', 'is', null).execute();
      expect(seen).toHaveLength(live.length);
    });

    it('answers 400 for a page token it did not issue', async () => {
      const response = await t.request('GET', '/api/v1/apps?page_token=garbage');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 3, details: [{ reason: 'INVALID_PAGE_TOKEN' }] });
    });
  });

  describe('POST /api/v1/apps/:id (update)', () => {
    it('with updateMask changes exactly the listed fields, clearing listed ones left out', async () => {
      const app = await createApp(t, { description: 'old', grantPolicyId: policies.grant });
      t.clock.advance(1_000);
      const response = await t.request('POST', `/api/v1/apps/${app.id}`, {
        app: { displayName: 'Not applied', monthlyCostUsd: 40, instructions: 'ask' },
        updateMask: 'monthlyCostUsd,instructions,grant_policy_id,userCount',
      });
      expect(response.status).toBe(200);
      expect(response.body.app).toEqual({
        ...app,
        monthlyCostUsd: 40,
        instructions: 'ask',
        grantPolicyId: '',
        updatedAt: expect.stringMatching(TIMESTAMP),
      });
      expect(response.body.app.updatedAt > app.updatedAt).toBe(true);
      expect(await appRow(app.id)).toMatchObject({
        display_name: app.displayName,
        description: 'old',
        monthly_cost_usd: 40,
        instructions: 'ask',
        grant_policy_id: '',
      });
      const logged = await events(app.id);
      expect(logged.map((e) => e.activity)).toEqual(['app.created', 'app.updated']);
      expect(JSON.parse(logged[1]?.event ?? '{}').unmapped).toEqual({
        fields: ['monthlyCostUsd', 'instructions', 'grantPolicyId'],
      });
    });

    it('without updateMask applies every field present and never writes server-set ones', async () => {
      const app = await createApp(t, { description: 'keep' });
      t.clock.advance(1_000);
      // Terraform style: the whole object as read, edited, sent back.
      const sent = {
        ...app,
        id: 'someone-else',
        displayName: 'Renamed',
        iconUrl: 'https://icons.test/a.png',
        isManuallyManaged: false,
        userCount: '999',
        createdAt: '2001-01-01T00:00:00Z',
        description: null,
      };
      const response = await t.request('POST', `/api/v1/apps/${app.id}`, { app: sent });
      expect(response.status).toBe(200);
      expect(response.body.app).toEqual({
        ...app,
        displayName: 'Renamed',
        iconUrl: 'https://icons.test/a.png',
        updatedAt: expect.stringMatching(TIMESTAMP),
      });
      expect(await appRow(app.id)).toMatchObject({
        id: app.id,
        display_name: 'Renamed',
        description: 'keep',
        icon_url: 'https://icons.test/a.png',
        is_manually_managed: 1,
        created_at: app.createdAt,
      });
    });

    it('writes nothing when nothing changes', async () => {
      const app = await createApp(t);
      t.clock.advance(1_000);
      const response = await t.request('POST', `/api/v1/apps/${app.id}`, {
        app: { displayName: app.displayName },
      });
      expect(response.status).toBe(200);
      expect(response.body.app).toEqual(app);
      expect((await events(app.id)).map((e) => e.activity)).toEqual(['app.created']);
    });

    it.each([
      ['a mask naming no App field', { app: {}, updateMask: 'colour' }, 'INVALID_UPDATE_MASK'],
      ['an emptied displayName', { app: { displayName: '' } }, 'DISPLAY_NAME_REQUIRED'],
      ['a masked displayName left out', { updateMask: 'displayName' }, 'DISPLAY_NAME_REQUIRED'],
      ['a wrongly typed field', { app: { monthlyCostUsd: 'lots' } }, 'INVALID_REQUEST'],
    ])('answers 400 for %s', async (_, body, reason) => {
      const app = await createApp(t);
      const response = await t.request('POST', `/api/v1/apps/${app.id}`, body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 3, details: [{ reason }] });
      expect(await appRow(app.id)).toMatchObject({ display_name: app.displayName, monthly_cost_usd: 0 });
    });

    it('answers 404 for an unknown app', async () => {
      expectNotFound(
        await t.request('POST', '/api/v1/apps/missing', { app: { displayName: 'x' } }),
        'APP_NOT_FOUND',
        'missing',
      );
    });
  });

  describe('DELETE /api/v1/apps/:id', () => {
    it('soft-deletes the app and its catalog and revokes every grant below it, in one go', async () => {
      const app = await createApp(t);
      const type = await createResourceType(t, app.id);
      const resource = await createResource(t, app.id, type.id);
      const onResource = await createEntitlement(t, app.id, { appResourceId: resource.id });
      const loose = await createEntitlement(t, app.id);
      const grants = [
        await insertGrant(t, app.id, onResource.id),
        await insertGrant(t, app.id, onResource.id),
        await insertGrant(t, app.id, loose.id),
      ];
      const bystanderApp = await createApp(t);
      const bystander = await insertGrant(
        t,
        bystanderApp.id,
        (await createEntitlement(t, bystanderApp.id)).id,
      );

      const response = await t.request('DELETE', `/api/v1/apps/${app.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});

      const deletedAt = (await appRow(app.id)).deleted_at;
      expect(deletedAt).toMatch(TIMESTAMP);
      for (const [table, id] of [
        ['app_resource_types', type.id],
        ['app_resources', resource.id],
        ['app_entitlements', onResource.id],
        ['app_entitlements', loose.id],
      ] as const) {
        const row = await t.db
          .selectFrom(table)
          .select('deleted_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row.deleted_at, `${table} ${id}`).toBe(deletedAt);
      }
      const grantRows = await t.db
        .selectFrom('grants')
        .select(['id', 'deleted_at'])
        .where('app_id', 'in', [app.id, bystanderApp.id])
        .execute();
      for (const g of grantRows) {
        expect(g.deleted_at).toBe(g.id === bystander.grantId ? null : deletedAt);
      }
      const removed = await t.db
        .selectFrom('grant_events')
        .selectAll()
        .where('app_id', '=', app.id)
        .execute();
      expect(removed.map((e) => e.grant_id).sort()).toEqual(grants.map((g) => g.grantId).sort());
      expect(removed.every((e) => e.event_type === 'GRANT_EVENT_TYPE_REMOVED')).toBe(true);

      const logged = await t.db
        .selectFrom('system_log_events')
        .select(['activity', 'target_id'])
        .where('target_id', 'in', [
          app.id,
          type.id,
          resource.id,
          onResource.id,
          loose.id,
          ...grants.map((g) => g.grantId),
        ])
        .where(sql<string>`activity`, 'like', '%.deleted')
        .execute();
      expect(logged.map((e) => `${e.activity} ${e.target_id}`).sort()).toEqual(
        [
          `app.deleted ${app.id}`,
          `app_resource_type.deleted ${type.id}`,
          `app_resource.deleted ${resource.id}`,
          `app_entitlement.deleted ${onResource.id}`,
          `app_entitlement.deleted ${loose.id}`,
        ].sort(),
      );
      // The grants' removals are grant history only, each naming the delete request (CONTRACT.md §7.11).
      const grantLogs = await t.db
        .selectFrom('system_log_events')
        .select('target_id')
        .where(
          'target_id',
          'in',
          grants.map((g) => g.grantId),
        )
        .execute();
      expect(grantLogs).toHaveLength(0);
      const removals = await t.db
        .selectFrom('grant_events')
        .select(['actor_client_id', 'request_id'])
        .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
        .where(
          'grant_id',
          'in',
          grants.map((g) => g.grantId),
        )
        .execute();
      expect(removals).toHaveLength(3);
      expect(removals.every((r) => r.actor_client_id !== null && r.request_id !== null)).toBe(true);

      expectNotFound(await t.request('GET', `/api/v1/apps/${app.id}`), 'APP_NOT_FOUND', app.id);
      expectNotFound(await t.request('DELETE', `/api/v1/apps/${app.id}`), 'APP_NOT_FOUND', app.id);
      expectNotFound(
        await t.request('GET', `/api/v1/apps/${app.id}/entitlements/${loose.id}`),
        'APP_NOT_FOUND',
        app.id,
      );
    });

    it('answers 404 for an unknown app', async () => {
      expectNotFound(await t.request('DELETE', '/api/v1/apps/unknown'), 'APP_NOT_FOUND', 'unknown');
    });
  });

  describe('POST /api/v1/search/apps', () => {
    const search = (body: object) => t.request('POST', '/api/v1/search/apps', body);
    const ids = (body: { list: Array<{ id: string }> }) => body.list.map((a) => a.id);

    it('filters by query, displayName, appIds and excludeAppIds', async () => {
      const tag = `zq${Date.now().toString(36)}`;
      const a = await createApp(t, { displayName: `Alpha ${tag.toUpperCase()}_%` });
      const b = await createApp(t, { displayName: 'Beta', description: `about ${tag}` });
      const c = await createApp(t, { displayName: `gamma ${tag}` });
      const gone = await createApp(t, { displayName: `gone ${tag}` });
      await t.request('DELETE', `/api/v1/apps/${gone.id}`);

      let response = await search({ query: tag });
      expect(response.status).toBe(200);
      expect(ids(response.body).sort()).toEqual([a.id, b.id, c.id].sort());
      expect(response.body.nextPageToken).toBe('');

      // `%` and `_` match themselves, not any text.
      expect(ids((await search({ query: `${tag}_%` })).body)).toEqual([a.id]);
      expect(ids((await search({ displayName: `GAMMA ${tag.toUpperCase()}` })).body)).toEqual([c.id]);
      expect(ids((await search({ displayName: 'gamma' })).body)).toEqual([]);
      expect(ids((await search({ query: tag, appIds: [a.id, c.id, gone.id] })).body).sort()).toEqual(
        [a.id, c.id].sort(),
      );
      expect(ids((await search({ query: tag, excludeAppIds: [a.id] })).body).sort()).toEqual(
        [b.id, c.id].sort(),
      );
      expect(ids((await search({ query: tag, onlyDirectories: true })).body)).toEqual([]);
      response = await search({ query: tag, appIds: null, pageSize: null, pageToken: null });
      expect(response.body.list[0]).toMatchObject({ userCount: '0', isManuallyManaged: true });
    });

    it('pages with pageSize and pageToken', async () => {
      const tag = `pg${Date.now().toString(36)}`;
      const created: string[] = [];
      for (let i = 0; i < 15; i++) created.push((await createApp(t, { displayName: `${tag} ${i}` })).id);
      const seen: string[] = [];
      let pageToken = '';
      do {
        const response = await search({ query: tag, pageSize: 10, pageToken });
        expect(response.status).toBe(200);
        seen.push(...ids(response.body));
        pageToken = response.body.nextPageToken;
      } while (pageToken);
      expect(seen).toEqual([...created].sort());
    });

    it('answers 400 for a malformed body', async () => {
      const response = await search({ pageSize: 'lots' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(3);
    });
  });

  it.each([
    ['GET', '/api/v1/apps'],
    ['POST', '/api/v1/apps'],
    ['GET', '/api/v1/apps/x'],
    ['POST', '/api/v1/apps/x'],
    ['DELETE', '/api/v1/apps/x'],
    ['POST', '/api/v1/search/apps'],
  ] as const)('%s %s answers 401 without a token', async (method, url) => {
    const response = await t.request(method, url, method === 'GET' ? undefined : {}, { token: null });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 16, details: [{ reason: 'TOKEN_MISSING' }] });
  });
});
