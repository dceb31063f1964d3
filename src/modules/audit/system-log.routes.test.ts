import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const EVENTS = '/api/v1/systemlog/events';

describe.each(DIALECTS)('system-log contents on %s', (dialect) => {
  let t: TestApp;
  let adminClientRowId: string;
  let adminUserId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const client = await t.db
      .selectFrom('api_clients')
      .selectAll()
      .where('client_id', '=', t.credentials.clientId)
      .executeTakeFirstOrThrow();
    adminClientRowId = client.id;
    adminUserId = client.user_id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Sends a request under a request ID of our choosing, so its events can be picked out. */
  async function step(requestId: string, method: 'POST' | 'DELETE', url: string, body?: unknown) {
    const response = await t.request(method, url, body ?? {}, { headers: { 'x-request-id': requestId } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.headers['x-request-id']).toBe(requestId);
    return response.body;
  }

  /** Every event of the log, oldest first, through ListEvents. */
  async function allEvents(): Promise<any[]> {
    const events: any[] = [];
    let pageToken = '';
    do {
      const page = await t.request('POST', EVENTS, { pageSize: 100, pageToken });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      events.push(...page.body.list);
      pageToken = page.body.nextPageToken;
    } while (pageToken !== '');
    return events;
  }
  const byRequest = (events: any[], requestId: string) =>
    events.filter((e) => e.api.request?.uid === requestId);
  const summary = (events: any[]) => events.map((e) => `${e.api.operation} ${e.resources[0].type}`).sort();

  it('writes one OCSF API Activity event per change, with actor, target, request ID and source', async () => {
    const created = await step('req-app-create', 'POST', '/api/v1/apps', { displayName: 'Audited' });
    const appId = created.app.id;
    const [event] = byRequest(await allEvents(), 'req-app-create');
    expect(event).toEqual({
      time: expect.any(Number),
      time_dt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      category_uid: 6,
      category_name: 'Application Activity',
      class_uid: 6003,
      class_name: 'API Activity',
      activity_id: 1,
      activity_name: 'Create',
      type_uid: 600301,
      type_name: 'API Activity: Create',
      severity_id: 1,
      severity: 'Informational',
      status_id: 1,
      status: 'Success',
      message: `app.created app ${appId}`,
      actor: { user: { uid: adminUserId }, app_uid: adminClientRowId },
      api: { operation: 'app.created', request: { uid: 'req-app-create' } },
      src_endpoint: { ip: '127.0.0.1' },
      resources: [{ uid: appId, type: 'app' }],
      metadata: {
        uid: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
        product: { name: 'Roster', vendor_name: 'Roster' },
        version: '1.1.0',
        profiles: ['datetime'],
      },
    });
    expect(new Date(event.time).toISOString()).toBe(event.time_dt);
    // The indexed columns agree with the event they store.
    const row = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('id', '=', event.metadata.uid)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      occurred_at: event.time_dt,
      activity: 'app.created',
      actor_user_id: adminUserId,
      actor_client_id: adminClientRowId,
      target_type: 'app',
      target_id: appId,
      request_id: 'req-app-create',
      bulk_action_id: null,
    });
  });

  it('records user, app and catalog creates, updates and cascading deletes', async () => {
    const user = await step('req-user', 'POST', '/roster/v1/users', {
      displayName: 'Ada',
      email: 'ada@example.test',
    });
    const appId = (await step('req-app', 'POST', '/api/v1/apps', { displayName: 'Ledger' })).app.id;
    await step('req-app-update', 'POST', `/api/v1/apps/${appId}`, { app: { description: 'x' } });
    const typeId = (
      await step('req-type', 'POST', `/api/v1/apps/${appId}/resource_types`, {
        displayName: 'Group',
        resourceType: 'GROUP',
      })
    ).appResourceType.id;
    const resourceId = (
      await step('req-resource', 'POST', `/api/v1/apps/${appId}/resource_types/${typeId}/resources`, {
        displayName: 'Eng',
      })
    ).appResource.id;
    const entitlementId = (
      await step('req-ent', 'POST', `/api/v1/apps/${appId}/entitlements`, {
        displayName: 'Member',
        appResourceTypeId: typeId,
        appResourceId: resourceId,
      })
    ).appEntitlementView.appEntitlement.id;
    await step('req-ent-update', 'POST', `/api/v1/apps/${appId}/entitlements/${entitlementId}`, {
      entitlement: { description: 'members' },
      updateMask: 'description',
    });
    await step('req-app-delete', 'DELETE', `/api/v1/apps/${appId}`);

    const events = await allEvents();
    const one = (requestId: string) => {
      const found = byRequest(events, requestId);
      expect(found, requestId).toHaveLength(1);
      return found[0];
    };
    expect(one('req-user')).toMatchObject({
      api: { operation: 'user.created' },
      activity_id: 1,
      resources: [{ uid: user.user.id, type: 'user' }],
    });
    expect(one('req-app-update')).toMatchObject({
      api: { operation: 'app.updated' },
      activity_id: 3,
      activity_name: 'Update',
      type_uid: 600303,
      resources: [{ uid: appId, type: 'app' }],
    });
    expect(one('req-type').api.operation).toBe('app_resource_type.created');
    expect(one('req-resource').api.operation).toBe('app_resource.created');
    expect(one('req-ent')).toMatchObject({
      api: { operation: 'app_entitlement.created' },
      resources: [{ uid: entitlementId, type: 'app_entitlement' }],
    });
    expect(one('req-ent-update').api.operation).toBe('app_entitlement.updated');

    const deletes = byRequest(events, 'req-app-delete');
    expect(summary(deletes)).toEqual([
      'app.deleted app',
      'app_entitlement.deleted app_entitlement',
      'app_resource.deleted app_resource',
      'app_resource_type.deleted app_resource_type',
    ]);
    for (const e of deletes)
      expect(e).toMatchObject({ activity_id: 4, activity_name: 'Delete', type_uid: 600304 });
    expect(deletes.find((e) => e.resources[0].type === 'app_entitlement').unmapped).toEqual({
      appId,
      deletedWith: { type: 'app', id: appId },
    });
  });

  it('records grants added by the bulk action and removed by remove-membership', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const imported = await step('req-import', 'POST', '/roster/v1/users/import', {
      users: [
        { displayName: 'G1', email: 'g1@example.test' },
        { displayName: 'G2', email: 'g2@example.test' },
      ],
    });
    const base = `/api/v1/apps/${appId}/entitlements/${entitlementId}`;
    const added = await step('req-add', 'POST', `${base}/add-manual-user`, { userIds: imported.userIds });
    await t.drainBulkActions();

    let events = await allEvents();
    expect(summary(byRequest(events, 'req-import'))).toEqual(['user.created user', 'user.created user']);
    const adds = byRequest(events, 'req-add');
    // The request and the action's state changes; the rows it touched are in the grant history.
    expect(summary(adds)).toEqual([
      'bulk_action.created bulk_action',
      'bulk_action.finished bulk_action',
      'bulk_action.started bulk_action',
    ]);
    // Events the runner writes keep the actor and request of the add request.
    for (const e of adds) {
      expect(e.metadata.correlation_uid).toBe(added.bulkActionId);
      expect(e.actor).toEqual({ user: { uid: adminUserId }, app_uid: adminClientRowId });
    }
    const finished = adds.find((e) => e.api.operation === 'bulk_action.finished');
    expect(finished.unmapped).toMatchObject({
      state: 'BULK_ACTION_STATE_SUCCEEDED',
      total: 2,
      processed: 2,
      succeeded: 2,
      failed: 0,
    });
    const history = await t.db
      .selectFrom('grant_events')
      .selectAll()
      .where('bulk_action_id', '=', added.bulkActionId)
      .execute();
    expect(history).toHaveLength(2);
    for (const entry of history) {
      expect(entry).toMatchObject({
        event_type: 'GRANT_EVENT_TYPE_ADDED',
        app_entitlement_id: entitlementId,
        actor_user_id: adminUserId,
        actor_client_id: adminClientRowId,
        request_id: 'req-add',
        app_user_created: 1,
      });
    }

    const appUserId = history[0]?.app_user_id;
    await step('req-remove', 'DELETE', `${base}/remove-membership`, { appUserId });
    events = await allEvents();
    const [removed, ...others] = byRequest(events, 'req-remove');
    expect(others).toEqual([]);
    expect(removed).toMatchObject({
      activity_id: 4,
      api: { operation: 'grant.removed', request: { uid: 'req-remove' } },
      resources: [{ uid: history[0]?.grant_id, type: 'grant' }],
      unmapped: { appId, appEntitlementId: entitlementId, appUserId },
    });
    expect(removed.metadata.correlation_uid).toBeUndefined();
  });

  it('records tokens issued and refused, without secrets', async () => {
    const form = (secret: string) =>
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: t.credentials.clientId,
        client_secret: secret,
      }).toString();
    const headers = (id: string) => ({
      'content-type': 'application/x-www-form-urlencoded',
      'x-request-id': id,
    });
    const issued = await t.request('POST', '/auth/v1/token', undefined, {
      token: null,
      rawBody: form(t.credentials.clientSecret),
      headers: headers('req-token-ok'),
    });
    expect(issued.status).toBe(200);
    const refused = await t.request('POST', '/auth/v1/token', undefined, {
      token: null,
      rawBody: form('secret-token:conductorone.com:v1:bm90LWEta2V5'),
      headers: headers('req-token-bad'),
    });
    expect(refused.status).toBe(401);

    const events = await allEvents();
    expect(byRequest(events, 'req-token-ok')).toEqual([
      expect.objectContaining({
        activity_id: 99,
        status_id: 1,
        status: 'Success',
        api: { operation: 'token.issued', request: { uid: 'req-token-ok' } },
        resources: [{ uid: adminClientRowId, type: 'api_client' }],
      }),
    ]);
    const [bad] = byRequest(events, 'req-token-bad');
    expect(bad).toMatchObject({ status_id: 2, status: 'Failure', api: { operation: 'token.refused' } });
    expect(JSON.stringify(events)).not.toContain('secret-token');
    expect(JSON.stringify(events)).not.toContain(issued.body.access_token);
  });

  it('needs system_log:read, and refuses malformed filters', async () => {
    expectError(await t.request('POST', EVENTS, {}, { token: null }), 401, 16, 'TOKEN_MISSING');
    expectError(await t.request('POST', EVENTS, { since: 'yesterday' }), 400, 3, 'INVALID_REQUEST');
    expectError(await t.request('POST', EVENTS, { sortDirection: 'SIDEWAYS' }), 400, 3, 'INVALID_REQUEST');
    expectError(
      await t.request('POST', EVENTS, { since: '2030-01-02T00:00:00Z', until: '2030-01-01T00:00:00Z' }),
      400,
      3,
      'INVALID_TIME_RANGE',
    );
    expectError(
      await t.request('POST', EVENTS, { sinceEventUid: '2bY4p9GQpLxXo0Yq0n1t8Ww0Zz1' }),
      400,
      3,
      'UNKNOWN_EVENT_UID',
    );
    expectError(await t.request('POST', EVENTS, { pageToken: 'k1.abc' }), 400, 3, 'INVALID_PAGE_TOKEN');
    const first = await t.request('POST', EVENTS, { pageSize: 10 });
    expect(first.body.nextPageToken).not.toBe('');
    expectError(
      await t.request('POST', EVENTS, {
        pageSize: 10,
        pageToken: first.body.nextPageToken,
        sortDirection: 'SORT_DIRECTION_DESC',
      }),
      400,
      3,
      'PAGE_TOKEN_DIRECTION_MISMATCH',
    );
    // Null fields are unset fields (protojson), as the SDKs send them.
    const nulls = await t.request('POST', EVENTS, {
      since: null,
      until: null,
      sinceEventUid: null,
      sortDirection: null,
      pageSize: null,
      pageToken: null,
    });
    expect(nulls.status).toBe(200);
    expect(nulls.body.list).toHaveLength(25);
  });
});
