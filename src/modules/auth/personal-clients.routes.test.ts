import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createUser, expectError, expectNotFound } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES, requestToken } from '../../../test/identity-fixtures.js';

const BASE = '/api/v1/iam/personal_clients';

describe.each(DIALECTS)('personal API clients on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('creates a client whose secret is returned once and works, and stores only the public key', async () => {
    const owner = await createCaller(t, [ROLES.appAdmin]);
    const made = await t.request(
      'POST',
      BASE,
      { displayName: 'ci', allowSourceCidr: ['10.0.0.1', '10.1.0.0/16'], expires: '3600s' },
      { token: owner.token },
    );
    expect(made.status).toBe(200);
    const { client, clientSecret } = made.body;
    expect(clientSecret).toMatch(/^secret-token:conductorone\.com:v1:[A-Za-z0-9]+$/);
    expect(client).toMatchObject({
      userId: owner.user.id,
      displayName: 'ci',
      allowSourceCidr: ['10.0.0.1/32', '10.1.0.0/16'],
      scopedRoles: [],
      expiresTime: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
      deletedAt: null,
    });
    expect(client.clientId).toMatch(/@roster\.test:8080\/pcc$/);
    const row = await t.db
      .selectFrom('api_clients')
      .selectAll()
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(clientSecret.split(':')[3]);
    expect((await requestToken(t, client.clientId, clientSecret, '10.1.2.3')).status).toBe(200);

    const got = await t.request('GET', `${BASE}/${client.id}`, undefined, { token: owner.token });
    expect(got.body).toEqual({ client: expect.objectContaining({ id: client.id }) });
    expect(JSON.stringify(got.body)).not.toContain(clientSecret.split(':')[3]);
    const list = await t.request('GET', BASE, undefined, { token: owner.token });
    expect(list.body.list.map((c: { id: string }) => c.id)).toEqual([owner.client.id, client.id].sort());
    expect(list.body.nextPageToken).toBe('');
    const logged = await t.db
      .selectFrom('system_log_events')
      .select('event')
      .where('target_id', '=', client.id)
      .execute();
    expect(logged.map((e) => e.event).join()).toContain('api_client.created');
  });

  it("lists only the caller's clients, hides other users' clients, and searches across users", async () => {
    const a = await createCaller(t, [ROLES.readOnlyAdmin]);
    const b = await createCaller(t, [ROLES.appAdmin]);
    expectNotFound(
      await t.request('GET', `${BASE}/${a.client.id}`, undefined, { token: b.token }),
      'PERSONAL_CLIENT_NOT_FOUND',
      a.client.id,
    );
    expectNotFound(
      await t.request('DELETE', `${BASE}/${a.client.id}`, {}, { token: b.token }),
      'PERSONAL_CLIENT_NOT_FOUND',
      a.client.id,
    );
    const search = await t.request('POST', '/api/v1/search/iam/personal_clients', {
      users: [{ id: a.user.id }, { id: b.user.id }],
    });
    expect(search.body.list.map((c: { userId: string }) => c.userId).sort()).toEqual(
      [a.user.id, b.user.id].sort(),
    );
    expectError(
      await t.request('POST', '/api/v1/search/iam/personal_clients', {}, { token: b.token }),
      403,
      7,
      'PERMISSION_DENIED',
    );
  });

  it('updates name, CIDRs and expiry, enforcing the new CIDRs on live tokens at once', async () => {
    const caller = await createCaller(t, [ROLES.appAdmin]);
    const url = `${BASE}/${caller.client.id}`;
    expect((await t.request('GET', '/api/v1/apps', undefined, { token: caller.token })).status).toBe(200);
    const updated = await t.request(
      'POST',
      url,
      {
        client: { displayName: 'fenced', allowSourceCidr: ['192.0.2.0/24'], clientId: 'ignored' },
        updateMask: 'displayName,allowSourceCidr',
      },
      { token: caller.token },
    );
    expect(updated.body.client).toMatchObject({
      displayName: 'fenced',
      allowSourceCidr: ['192.0.2.0/24'],
      clientId: caller.client.clientId,
    });
    expectError(
      await t.request('GET', '/api/v1/apps', undefined, { token: caller.token }),
      403,
      7,
      'SOURCE_ADDRESS_NOT_ALLOWED',
    );
    const fromInside = await t.app.inject({
      method: 'GET',
      url: '/api/v1/apps',
      remoteAddress: '192.0.2.5',
      headers: { authorization: `Bearer ${caller.token}` },
    });
    expect(fromInside.statusCode).toBe(200);
    expectError(
      await t.request('POST', url, { client: { allowSourceCidr: ['not-an-ip'] } }),
      400,
      3,
      'INVALID_CIDR',
    );
    const expires = new Date(t.clock.now().getTime() + 1000).toISOString();
    expect((await t.request('POST', url, { client: { expiresTime: expires } })).body.client.expiresTime).toBe(
      expires,
    );
  });

  it('deleting a client refuses new tokens and stops its tokens at once', async () => {
    const caller = await createCaller(t, [ROLES.appAdmin]);
    expect(
      (await t.request('DELETE', `${BASE}/${caller.client.id}`, {}, { token: caller.token })).status,
    ).toBe(200);
    expectError(
      await t.request('GET', '/api/v1/apps', undefined, { token: caller.token }),
      401,
      16,
      'CLIENT_REVOKED',
    );
    expect((await requestToken(t, caller.client.clientId, caller.clientSecret)).status).toBe(401);
    const row = await t.db
      .selectFrom('api_clients')
      .select('deleted_at')
      .where('id', '=', caller.client.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });

  it('an expired client stops working within the principal cache time', async () => {
    const caller = await createCaller(t, [ROLES.readOnlyAdmin], { expires: '10s' });
    expect((await t.request('GET', '/api/v1/apps', undefined, { token: caller.token })).status).toBe(200);
    t.clock.advance(16_000);
    expectError(
      await t.request('GET', '/api/v1/apps', undefined, { token: caller.token }),
      401,
      16,
      'CLIENT_REVOKED',
    );
  });

  it('scopedRoles narrow a client, and a scoped client cannot mint a wider one', async () => {
    const user = await createUser(t, { roleIds: [ROLES.superAdmin, ROLES.appAdmin] });
    const scopedTo = async (scopedRoles: string[]) => {
      const made = await t.request('POST', `/roster/v1/users/${user.id}/personal_clients`, { scopedRoles });
      return (await requestToken(t, made.body.client.clientId, made.body.clientSecret)).body
        .access_token as string;
    };
    const token = await scopedTo([ROLES.appAdmin]);
    expectError(
      await t.request('POST', '/api/v1/apps', { displayName: 'x' }, { token }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    const wider = await t.request('POST', BASE, { scopedRoles: [ROLES.superAdmin] }, { token });
    expectError(wider, 403, 7, 'SCOPE_EXCEEDS_CALLER');
    const child = await t.request('POST', BASE, {}, { token });
    expect(child.body.client.scopedRoles).toEqual([ROLES.appAdmin]);
    expectError(await t.request('POST', BASE, { scopedRoles: ['nope'] }), 400, 3, 'UNKNOWN_ROLE');

    // A client scoped to Read-Only Admin writes nothing, credentials included (CONTRACT.md §7.10).
    const readOnly = await scopedTo([ROLES.readOnlyAdmin]);
    const before = await t.db.selectFrom('api_clients').selectAll().where('user_id', '=', user.id).execute();
    expectError(await t.request('POST', BASE, {}, { token: readOnly }), 403, 7, 'PERMISSION_DENIED', {
      permission: 'clients:own:write',
    });
    expect(await t.db.selectFrom('api_clients').selectAll().where('user_id', '=', user.id).execute()).toEqual(
      before,
    );
  });

  it("a scoped client holds its scoped roles' permissions AND'ed with its user's", async () => {
    const app = await createApp(t);
    const scoped = (userRoles: string[], scopedRoles: string[]) =>
      createCaller(t, userRoles, { scopedRoles });
    const own = async (userId: string) =>
      expect((await t.request('POST', `/api/v1/apps/${app.id}/owners/${userId}`, {})).status).toBe(200);
    const write = (token: string) =>
      t.request('POST', `/api/v1/apps/${app.id}/entitlements`, { displayName: 'scoped write' }, { token });
    const read = (token: string) => t.request('GET', '/api/v1/apps', undefined, { token });
    const introspect = async (token: string) =>
      (await t.request('GET', '/api/v1/auth/introspect', undefined, { token })).body;

    // Super Admin scoped to Read-Only Admin: reads everything, writes nothing.
    const readOnly = await scoped([ROLES.superAdmin], [ROLES.readOnlyAdmin]);
    expect((await read(readOnly.token)).status).toBe(200);
    expect(
      (await t.request('GET', `/api/v1/users/${readOnly.user.id}`, undefined, { token: readOnly.token }))
        .status,
    ).toBe(200);
    expectError(await write(readOnly.token), 403, 7, 'PERMISSION_DENIED');
    const seen = await introspect(readOnly.token);
    expect(seen.roles).toEqual([ROLES.readOnlyAdmin]);
    expect(seen.permissions).toContain('apps:read');
    expect(seen.permissions).not.toContain('apps:write');

    // Read-Only Admin scoped to Super Admin: a scope never adds what the user lacks.
    const wider = await scoped([ROLES.readOnlyAdmin], [ROLES.superAdmin]);
    expect((await read(wider.token)).status).toBe(200);
    expectError(await write(wider.token), 403, 7, 'PERMISSION_DENIED');

    // Super Admin scoped to App Admin: writes only where the user owns the app.
    const appAdmin = await scoped([ROLES.superAdmin], [ROLES.appAdmin]);
    expect((await read(appAdmin.token)).status).toBe(200);
    expectError(await write(appAdmin.token), 403, 7, 'PERMISSION_DENIED');
    await own(appAdmin.user.id);
    expect((await write(appAdmin.token)).status).toBe(200);
    expect((await introspect(appAdmin.token)).permissions).toContain('catalog:write:owned');
    expectError(
      await t.request('POST', '/api/v1/apps', { displayName: 'not owned' }, { token: appAdmin.token }),
      403,
      7,
      'PERMISSION_DENIED',
    );

    // App Admin scoped to Super Admin: still only on owned apps, and nothing the role lacks.
    const owner = await scoped([ROLES.appAdmin], [ROLES.superAdmin]);
    expectError(await write(owner.token), 403, 7, 'PERMISSION_DENIED');
    await own(owner.user.id);
    expect((await write(owner.token)).status).toBe(200);
    expectError(
      await t.request('GET', `/api/v1/iam/roles`, undefined, { token: owner.token }),
      403,
      7,
      'PERMISSION_DENIED',
    );

    // Scoped to two roles: the union of the scope, still within the user's.
    const both = await scoped([ROLES.superAdmin], [ROLES.readOnlyAdmin, ROLES.appAdmin]);
    expect((await t.request('GET', '/api/v1/iam/roles', undefined, { token: both.token })).status).toBe(200);
    expectError(await write(both.token), 403, 7, 'PERMISSION_DENIED');
  });
});
