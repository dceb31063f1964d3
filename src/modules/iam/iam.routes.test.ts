import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES } from '../../../test/identity-fixtures.js';

describe.each(DIALECTS)('roles and introspection on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('lists and gets the three built-in roles', async () => {
    const list = await t.request('GET', '/api/v1/iam/roles');
    expect(list.status).toBe(200);
    expect(list.body.list.map((r: { displayName: string }) => r.displayName).sort()).toEqual([
      'App Admin',
      'Read-Only Admin',
      'Super Admin',
    ]);
    expect(list.body.nextPageToken).toBe('');
    const appAdmin = await t.request('GET', `/api/v1/iam/roles/${ROLES.appAdmin}`);
    expect(appAdmin.body.role).toMatchObject({ name: 'app_admin', systemBuiltin: true });
    expect(appAdmin.body.role.permissions).toContain('grants:write:owned');
    expectError(await t.request('GET', '/api/v1/iam/roles/nope'), 404, 5, 'ROLE_NOT_FOUND');
  });

  it('renames a role, refuses changing its permissions, and logs the change', async () => {
    const url = `/api/v1/iam/roles/${ROLES.readOnlyAdmin}`;
    const current = (await t.request('GET', url)).body.role;
    // Terraform echoes the whole object back: unchanged permissions are not a change.
    const renamed = await t.request('POST', url, { role: { ...current, displayName: 'Auditor' } });
    expect(renamed.body.role.displayName).toBe('Auditor');
    const row = await t.db
      .selectFrom('roles')
      .selectAll()
      .where('id', '=', ROLES.readOnlyAdmin)
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Auditor');
    expectError(
      await t.request('POST', url, { role: { permissions: ['apps:write'] } }),
      400,
      9,
      'BUILTIN_ROLE_IMMUTABLE',
    );
    const events = await t.db
      .selectFrom('system_log_events')
      .select('event')
      .where('target_id', '=', ROLES.readOnlyAdmin)
      .execute();
    expect(events).toHaveLength(1);
  });

  it("introspects the caller's user, roles and permissions", async () => {
    const caller = await createCaller(t, [ROLES.appAdmin]);
    const response = await t.request('GET', '/api/v1/auth/introspect', undefined, { token: caller.token });
    expect(response.body).toEqual({
      principleId: caller.client.id,
      userId: caller.user.id,
      roles: [ROLES.appAdmin],
      permissions: expect.arrayContaining(['apps:read', 'catalog:write:owned']),
      features: [],
    });
    expect(response.body.permissions).not.toContain('apps:write');
    const admin = await t.request('GET', '/api/v1/auth/introspect');
    expect(admin.body.roles).toEqual([ROLES.superAdmin]);
    expect(admin.body.permissions).toContain('clients:write');
  });

  it('lets a person with no role introspect: their user ID, no roles, only what everyone holds', async () => {
    const nobody = await createCaller(t, []);
    const response = await t.request('GET', '/api/v1/auth/introspect', undefined, { token: nobody.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ principleId: nobody.client.id, userId: nobody.user.id, roles: [] });
    expect([...response.body.permissions].sort()).toEqual([
      'access_reviews:own',
      'auth:introspect',
      'tasks:self',
    ]);
  });
});
