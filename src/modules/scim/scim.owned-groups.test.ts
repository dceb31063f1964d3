import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectError, rowCount } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import {
  createScimConnection,
  GROUP_SCHEMA,
  history,
  holders,
  PATCH_OP,
  type ScimClient,
  USER_SCHEMA,
} from '../../../test/scim-fixtures.js';

/**
 * A group an identity provider owns changes only through SCIM: the ConductorOne API and Roster's
 * own routes refuse every write to it or its members (400 / FAILED_PRECONDITION naming the
 * connection) and change nothing; the entitlement reads as not manually managed, its connection as
 * its source. Deleting the connection hands the group over to the API.
 */
describe.each(DIALECTS)('groups a SCIM connection owns on %s', (dialect) => {
  let t: TestApp;
  let scim: ScimClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    scim = await createScimConnection(t, 'Okta owned');
  });
  afterAll(() => t.close());

  let counter = 0;
  async function scimUser() {
    const r = await scim.send('POST', '/Users', {
      schemas: [USER_SCHEMA],
      userName: `owned${++counter}@example.test`,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }
  const stored = async (entitlementId: string) => ({
    bulkActions: await rowCount(t, 'bulk_actions'),
    events: await rowCount(t, 'system_log_events'),
    holders: await holders(t, entitlementId),
    history: await history(t, entitlementId),
  });

  it('refuses every API write to the group and its members, naming the connection, and changes nothing', async () => {
    const [member, outsider] = [await scimUser(), await createUser(t)];
    const group = await scim.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Engineering',
      members: [{ value: member }],
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const entitlementId = group.body.id as string;
    const base = `/api/v1/apps/${scim.appId}/entitlements/${entitlementId}`;

    // The entitlement says who owns it.
    const view = await t.request('GET', base);
    expect(view.body.appEntitlementView.appEntitlement).toMatchObject({
      isManuallyManaged: false,
      sourceConnectorIds: { [scim.connectionId]: entitlementId },
    });
    const listed = await t.request('GET', `/api/v1/apps/${scim.appId}/entitlements`);
    expect(listed.body.list[0].appEntitlement.isManuallyManaged).toBe(false);

    const appUser = await t.db
      .selectFrom('app_users')
      .select('id')
      .where('identity_user_id', '=', member)
      .where('app_id', '=', scim.appId)
      .executeTakeFirstOrThrow();
    const members = await t.request(
      'GET',
      `/roster/v1/apps/${scim.appId}/entitlements/${entitlementId}/members`,
    );
    const before = await stored(entitlementId);

    const writes: Array<[string, () => Promise<{ status: number; body: unknown }>]> = [
      ['add-manual-user', () => t.request('POST', `${base}/add-manual-user`, { userIds: [outsider.id] })],
      [
        'add-manual-user dry run',
        () => t.request('POST', `${base}/add-manual-user?dryRun=true`, { userIds: [outsider.id] }),
      ],
      [
        'remove-membership',
        () => t.request('DELETE', `${base}/remove-membership`, { appUserId: appUser.id }),
      ],
      [
        'set members',
        () =>
          t.request(
            'PUT',
            `/roster/v1/apps/${scim.appId}/entitlements/${entitlementId}/members`,
            { userIds: [] },
            {
              headers: { 'if-match': String(members.headers.etag) },
            },
          ),
      ],
      [
        'update-grant-duration',
        () =>
          t.request('POST', `${base}/users/${appUser.id}/update-grant-duration`, {
            newDeprovisionAt: '2099-01-01T00:00:00Z',
          }),
      ],
      [
        'remove-grant-duration',
        () => t.request('POST', `${base}/users/${appUser.id}/remove-grant-duration`, {}),
      ],
      [
        'rename',
        () => t.request('POST', base, { entitlement: { displayName: 'Renamed' }, updateMask: 'displayName' }),
      ],
      ['delete', () => t.request('DELETE', base)],
    ];
    for (const [name, send] of writes) {
      const response = await send();
      expect(response.status, name).toBe(400);
      expectError(response, 400, 9, 'ENTITLEMENT_MANAGED_BY_SCIM', {
        appEntitlementId: entitlementId,
        scimConnectionId: scim.connectionId,
      });
      expect((response.body as { message: string }).message, name).toContain(scim.connectionId);
    }

    expect(await stored(entitlementId)).toEqual(before);
    const after = await t.request('GET', base);
    expect(after.body.appEntitlementView.appEntitlement.displayName).toBe('Engineering');
    expect(after.body.appEntitlementView.appEntitlement.deletedAt).toBeNull();

    // SCIM itself still changes it.
    const renamed = await scim.send('PATCH', `/Groups/${entitlementId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Platform' }],
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await t.request('GET', base)).body.appEntitlementView.appEntitlement.displayName).toBe(
      'Platform',
    );
  });

  it('hands the group over to the API once its connection is deleted', async () => {
    const other = await createScimConnection(t, 'Entra leaving');
    const group = await other.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Leaving' });
    const entitlementId = group.body.id as string;
    const base = `/api/v1/apps/${other.appId}/entitlements/${entitlementId}`;
    const user = await createUser(t);
    expectError(
      await t.request('POST', `${base}/add-manual-user`, { userIds: [user.id] }),
      400,
      9,
      'ENTITLEMENT_MANAGED_BY_SCIM',
    );
    expect((await t.request('DELETE', `/roster/v1/scim/connections/${other.connectionId}`)).status).toBe(200);
    const view = await t.request('GET', base);
    expect(view.body.appEntitlementView.appEntitlement).toMatchObject({
      isManuallyManaged: true,
      sourceConnectorIds: {},
    });
    const added = await t.request('POST', `${base}/add-manual-user`, { userIds: [user.id] });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await t.drainBulkActions();
    expect(await holders(t, entitlementId)).toEqual([user.id]);
  });
});
