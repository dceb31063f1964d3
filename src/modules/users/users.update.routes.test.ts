import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectError, expectNotFound } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES } from '../../../test/identity-fixtures.js';

describe.each(DIALECTS)('updating users on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const events = (id: string) =>
    t.db.selectFrom('system_log_events').select(['activity', 'event']).where('target_id', '=', id).execute();

  it('changes the fields given, logs what changed, and leaves the rest', async () => {
    const user = await createUser(t, { username: 'before' });
    const response = await t.request('POST', `/roster/v1/users/${user.id}`, {
      displayName: 'Renamed',
      roleIds: [ROLES.readOnlyAdmin, ROLES.readOnlyAdmin],
    });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      id: user.id,
      displayName: 'Renamed',
      email: user.email,
      username: 'before',
      roleIds: [ROLES.readOnlyAdmin],
    });
    const stored = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      display_name: 'Renamed',
      role_ids: JSON.stringify([ROLES.readOnlyAdmin]),
    });
    const updated = (await events(user.id)).filter((e) => e.activity === 'user.updated');
    expect(updated).toHaveLength(1);
    expect(JSON.parse(updated[0]?.event as string).unmapped).toMatchObject({
      changed: ['display_name', 'role_ids'],
      previousRoleIds: [],
      roleIds: [ROLES.readOnlyAdmin],
    });

    // The same values again change nothing and log nothing.
    await t.request('POST', `/roster/v1/users/${user.id}`, { displayName: 'Renamed' });
    expect((await events(user.id)).filter((e) => e.activity === 'user.updated')).toHaveLength(1);
  });

  it('refuses unknown roles, bad fields and unknown users, changing nothing', async () => {
    const user = await createUser(t);
    expectError(
      await t.request('POST', `/roster/v1/users/${user.id}`, { roleIds: ['not-a-role'] }),
      400,
      3,
      'UNKNOWN_ROLE',
    );
    expectError(
      await t.request('POST', `/roster/v1/users/${user.id}`, { email: 'nope' }),
      400,
      3,
      'INVALID_REQUEST',
    );
    const id = '2AAAAAAAAAAAAAAAAAAAAAAAAAA';
    expectNotFound(
      await t.request('POST', `/roster/v1/users/${id}`, { displayName: 'X' }),
      'USER_NOT_FOUND',
      id,
    );
    const stored = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.role_ids).toBe('[]');
  });

  it('applies a change of roles to the user’s existing tokens at once', async () => {
    const caller = await createCaller(t, [ROLES.readOnlyAdmin]);
    const createApp = () =>
      t.request('POST', '/api/v1/apps', { displayName: 'By caller' }, { token: caller.token });
    expectError(await createApp(), 403, 7, 'PERMISSION_DENIED');

    await t.request('POST', `/roster/v1/users/${caller.user.id}`, { roleIds: [ROLES.superAdmin] });
    expect((await createApp()).status).toBe(200);

    await t.request('POST', `/roster/v1/users/${caller.user.id}`, { roleIds: [] });
    const read = await t.request('GET', '/api/v1/apps', undefined, { token: caller.token });
    expect(read.status).toBe(403);
  });
});
