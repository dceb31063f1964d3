import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectError, expectNotFound, walkPages } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

describe.each(DIALECTS)('users on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('creates a user in the ConductorOne User shape and logs it', async () => {
    const response = await t.request('POST', '/roster/v1/users', {
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      username: 'ada',
    });
    expect(response.status).toBe(200);
    const user = response.body.user;
    expect(user).toMatchObject({
      id: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      emails: ['ada@example.com'],
      username: 'ada',
      status: 'ENABLED',
      type: 'USER_TYPE_HUMAN',
      roleIds: [],
      deletedAt: null,
    });
    expect(user.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const stored = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ display_name: 'Ada Lovelace', email: 'ada@example.com', username: 'ada' });
    const log = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('target_id', '=', user.id)
      .execute();
    expect(log.map((e) => e.activity)).toEqual(['user.created']);

    const got = await t.request('GET', `/api/v1/users/${user.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      userView: { user, rolesPath: '', managersPath: '', delegatedUserPath: '', directoriesPath: '' },
      expanded: [],
    });
  });

  it('refuses invalid users and unknown IDs in the error format', async () => {
    const before = await t.db.selectFrom('users').select('id').execute();
    expectError(
      await t.request('POST', '/roster/v1/users', { displayName: 'No Mail' }),
      400,
      3,
      'INVALID_REQUEST',
    );
    expectError(
      await t.request('POST', '/roster/v1/users', { displayName: 'Bad', email: 'not-an-email' }),
      400,
      3,
      'INVALID_REQUEST',
    );
    expectError(
      await t.request('POST', '/roster/v1/users', { displayName: 5, email: 'n@example.com' }),
      400,
      3,
      'INVALID_REQUEST',
    );
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    expectNotFound(
      await t.request('GET', '/api/v1/users/2AAAAAAAAAAAAAAAAAAAAAAAAAA'),
      'USER_NOT_FOUND',
      '2AAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
  });

  it('imports users from JSON and from CSV, in order', async () => {
    const json = await t.request('POST', '/roster/v1/users/import', {
      users: [
        { displayName: 'J One', email: 'j1@example.com' },
        { displayName: 'J Two', email: 'j2@example.com', username: 'jtwo' },
      ],
    });
    expect(json.status).toBe(200);
    expect(json.body.userIds).toHaveLength(2);
    const csv = await t.request('POST', '/roster/v1/users/import', undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: 'displayName,email,username\n"Doe, Jane",jane@example.com,jane\nJohn Roe,john@example.com,\n',
    });
    expect(csv.status).toBe(200);
    const stored = await t.db
      .selectFrom('users')
      .select(['id', 'display_name', 'email', 'username'])
      .where('id', 'in', [...json.body.userIds, ...csv.body.userIds])
      .execute();
    const byId = new Map(stored.map((u) => [u.id, u]));
    expect(csv.body.userIds.map((id: string) => byId.get(id))).toEqual([
      { id: csv.body.userIds[0], display_name: 'Doe, Jane', email: 'jane@example.com', username: 'jane' },
      {
        id: csv.body.userIds[1],
        display_name: 'John Roe',
        email: 'john@example.com',
        username: 'john@example.com',
      },
    ]);
    expect(byId.get(json.body.userIds[1])?.username).toBe('jtwo');
  });

  it('refuses an import with one bad row and stores none of it', async () => {
    const before = (await t.db.selectFrom('users').select('id').execute()).length;
    const bad = await t.request('POST', '/roster/v1/users/import', {
      users: [{ displayName: 'Fine', email: 'fine@example.com' }, { displayName: 'Broken' }],
    });
    expectError(bad, 400, 3, 'INVALID_IMPORT');
    expect(bad.body.message).toContain('/users/1');
    const badCsv = await t.request('POST', '/roster/v1/users/import', undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: 'displayName,email\n"unterminated,x@example.com\n',
    });
    expectError(badCsv, 400, 3, 'MALFORMED_CSV');
    expect((await t.db.selectFrom('users').select('id').execute()).length).toBe(before);
  });

  it('lists and searches users with keyset pages', async () => {
    await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 42 }, (_, i) => ({
        displayName: `Pager ${i}`,
        email: `pager${i}@example.com`,
      })),
    });
    const all = await walkPages(t, '/api/v1/users', 10);
    const ids = all.map((v) => v.user.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);

    const search = await t.request('POST', '/api/v1/search/users', { query: 'PAGER 1', pageSize: 100 });
    expect(search.status).toBe(200);
    expect(search.body.list.map((v: any) => v.user.displayName).sort()).toEqual(
      ['Pager 1', ...Array.from({ length: 10 }, (_, i) => `Pager 1${i}`)].sort(),
    );
    const literal = await t.request('POST', '/api/v1/search/users', { query: '%' });
    expect(literal.body.list).toEqual([]);
    const byEmail = await t.request('POST', '/api/v1/search/users', { email: 'PAGER7@example.com' });
    expect(byEmail.body.list.map((v: any) => v.user.email)).toEqual(['pager7@example.com']);
    const someone = await createUser(t);
    const byRef = await t.request('POST', '/api/v1/search/users', { refs: [{ id: someone.id }] });
    expect(byRef.body.list.map((v: any) => v.user.id)).toEqual([someone.id]);
  });
});
