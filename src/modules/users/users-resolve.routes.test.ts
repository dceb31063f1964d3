import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES } from '../../../test/identity-fixtures.js';

const URL = '/roster/v1/users/resolve';
const MAX_INPUTS = 3_000;
const MAX_BYTES = 200_000;

describe.each(DIALECTS)('resolving emails and user IDs to users on %s', (dialect) => {
  let t: TestApp;
  const resolve = (inputs: unknown, token?: string | null) =>
    t.request('POST', URL, { inputs }, token === undefined ? {} : { token });
  const person = (input: string, user: { id: string; displayName: string; email: string }) => ({
    input,
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
  });

  beforeAll(async () => {
    t = await startTestApp(dialect, {
      env: { ROSTER_MAX_ADD_USER_IDS: String(MAX_INPUTS), ROSTER_MAX_ADD_REQUEST_BYTES: String(MAX_BYTES) },
    });
  });
  afterAll(() => t.close());

  const deleteUser = (id: string) =>
    t.db.updateTable('users').set({ deleted_at: t.clock.now().toISOString() }).where('id', '=', id).execute();

  it('names each person once, trimmed and case-insensitively, with one reason for each input that names no one', async () => {
    const ada = await createUser(t, { email: 'ada@resolve.test' });
    const bob = await createUser(t, { email: 'bob@resolve.test' });
    const inputs = [
      'ADA@resolve.test',
      bob.id,
      ' ada@resolve.test ',
      ada.id,
      'nobody@resolve.test',
      'not a person',
      'x'.repeat(27),
      '',
      '   ',
      'nobody@resolve.test',
    ];
    const response = await resolve(inputs);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      people: [person('ADA@resolve.test', ada), person(bob.id, bob)],
      unresolved: [
        { input: 'nobody@resolve.test', reason: 'no Roster user has this email' },
        { input: 'not a person', reason: 'neither an email address nor a Roster user ID' },
        { input: 'x'.repeat(27), reason: 'no Roster user has this ID' },
      ],
    });
    expect(await resolve([])).toMatchObject({ status: 200, body: { people: [], unresolved: [] } });
  });

  it('says a deleted user is deleted, by email and by ID, and prefers a live user who took the email', async () => {
    const gone = await createUser(t, { email: 'gone@resolve.test' });
    const reused = await createUser(t, { email: 'reused@resolve.test' });
    await deleteUser(gone.id);
    await deleteUser(reused.id);
    const successor = await createUser(t, { email: 'Reused@resolve.test' });
    const response = await resolve(['gone@resolve.test', gone.id, 'reused@resolve.test', reused.id]);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      people: [person('reused@resolve.test', successor)],
      unresolved: [
        { input: 'gone@resolve.test', reason: 'the user with this email is deleted' },
        { input: gone.id, reason: 'the user with this ID is deleted' },
        { input: reused.id, reason: 'the user with this ID is deleted' },
      ],
    });
  });

  it('resolves a disabled user (the add refuses them), and asks for the ID when several live users share an email', async () => {
    const disabled = await createUser(t, { email: 'disabled@resolve.test' });
    await t.db.updateTable('users').set({ status: 'DISABLED' }).where('id', '=', disabled.id).execute();
    // A live user's email is unique ignoring case; a database from before may still hold two.
    const twin1 = await createUser(t, { email: 'twin@resolve.test' });
    const twin2 = await createUser(t, { email: 'twin2@resolve.test' });
    await t.db.updateTable('users').set({ email: 'TWIN@resolve.test' }).where('id', '=', twin2.id).execute();
    const twins = [twin1.id, twin2.id].sort();
    const response = await resolve(['disabled@resolve.test', 'twin@resolve.test', twin2.id]);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      people: [
        person('disabled@resolve.test', disabled),
        person(twin2.id, { ...twin2, email: 'TWIN@resolve.test' }),
      ],
      unresolved: [
        {
          input: 'twin@resolve.test',
          reason: `more than one Roster user has this email (${twins.join(', ')}); use the user ID`,
          userIds: twins,
        },
      ],
    });
    expect(twin1.id).not.toBe(twin2.id);
  });

  it('takes as many inputs as an add does, looked up a chunk at a time, and refuses more', async () => {
    const count = 2_500;
    const users = Array.from({ length: count }, (_, i) => ({
      displayName: `Bulk ${i}`,
      email: `bulk${i}@resolve.test`,
    }));
    const imported = await t.request('POST', '/roster/v1/users/import', { users });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const ids: string[] = imported.body.userIds;
    // Half by email, half by ID: both kinds cross the lookup's chunk size.
    const inputs = ids.map((id, i) => (i % 2 === 0 ? `BULK${i}@resolve.test` : id));
    const response = await resolve([...inputs, 'ghost@resolve.test']);
    expect(response.status).toBe(200);
    expect(response.body.people).toHaveLength(count);
    expect(response.body.people.map((p: { userId: string }) => p.userId)).toEqual(ids);
    expect(response.body.unresolved).toEqual([
      { input: 'ghost@resolve.test', reason: 'no Roster user has this email' },
    ]);

    expectError(
      await resolve(Array.from({ length: MAX_INPUTS + 1 }, (_, i) => `${i}`)),
      400,
      3,
      'INVALID_REQUEST',
    );
    const tooBig = await resolve(Array.from({ length: 2_000 }, (_, i) => `${i}@${'x'.repeat(100)}.test`));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.details[0].reason).toBe('REQUEST_TOO_LARGE');
    expectError(await resolve('ada@resolve.test'), 400, 3, 'INVALID_REQUEST');
    expectError(await t.request('POST', URL, { lines: ['ada@resolve.test'] }), 400, 3, 'INVALID_REQUEST');
    expectError(await resolve(['x'.repeat(1025)]), 400, 3, 'INVALID_REQUEST');
  });

  it('answers any caller who may read users, and no one else', async () => {
    const ada = await createUser(t, { email: 'reader-ada@resolve.test' });
    for (const role of [ROLES.readOnlyAdmin, ROLES.appAdmin]) {
      const caller = await createCaller(t, [role]);
      const response = await resolve(['reader-ada@resolve.test'], caller.token);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.people).toEqual([person('reader-ada@resolve.test', ada)]);
    }
    const nobody = await createCaller(t, []);
    expectError(await resolve(['reader-ada@resolve.test'], nobody.token), 403, 7, 'PERMISSION_DENIED');
    expectError(await resolve(['reader-ada@resolve.test'], null), 401, 16, 'TOKEN_MISSING');
  });

  it('is documented in /openapi.json as a Roster extension', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    const operation = response.json().paths[URL].post;
    expect(operation).toMatchObject({ operationId: 'roster.v1.Users.Resolve', tags: ['Roster: Users'] });
    expect(Object.keys(operation.requestBody.content['application/json'].schema.properties)).toEqual([
      'inputs',
    ]);
    expect(
      Object.keys(operation.responses['200'].content['application/json'].schema.properties).sort(),
    ).toEqual(['people', 'unresolved']);
  });
});
