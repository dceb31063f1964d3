import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import {
  createScimConnection,
  expectScimError,
  type ScimClient,
  USER_SCHEMA,
} from '../../../test/scim-fixtures.js';

/** A live user's email is unique ignoring case; duplicates stored before are reported, not merged. */
describe.each(DIALECTS)("a live user's email on %s", (dialect) => {
  let t: TestApp;
  let scim: ScimClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    scim = await createScimConnection(t, 'Emails');
  });
  afterAll(() => t.close());

  /** The live users stored with `email`, ignoring case. */
  const holdersOf = async (email: string) =>
    (await t.db.selectFrom('users').select(['id', 'email', 'deleted_at']).execute())
      .filter((u) => u.email.toLowerCase() === email.toLowerCase() && u.deleted_at === null)
      .map((u) => u.id);
  const created = async () =>
    (await t.db.selectFrom('system_log_events').select('id').where('activity', '=', 'user.created').execute())
      .length;

  it('refuses a second live user with an email, in any case, naming the one who has it', async () => {
    const ada = await createUser(t, { email: 'ada@emails.test' });
    const events = await created();
    const response = await t.request('POST', '/roster/v1/users', {
      displayName: 'Other Ada',
      email: 'ADA@Emails.test',
    });
    expectError(response, 409, 6, 'EMAIL_TAKEN', { email: 'ada@emails.test', userId: ada.id });
    expect(response.body.message).toContain(ada.id);
    expect(await holdersOf('ada@emails.test')).toEqual([ada.id]);
    expect(await created()).toBe(events);
  });

  it('lets one of several concurrent creates of an email through', async () => {
    const answers = await Promise.all(
      ['race@emails.test', 'RACE@emails.test', 'Race@emails.test', 'race@Emails.test'].map((email) =>
        t.request('POST', '/roster/v1/users', { displayName: 'Racer', email }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 200)?.body.user.id;
    expect(await holdersOf('race@emails.test')).toEqual([winner]);
  });

  it("frees a deleted user's email", async () => {
    const gone = await createUser(t, { email: 'gone@emails.test' });
    await t.db
      .updateTable('users')
      .set({ deleted_at: t.clock.now().toISOString() })
      .where('id', '=', gone.id)
      .execute();
    const successor = await createUser(t, { email: 'Gone@emails.test' });
    expect(await holdersOf('gone@emails.test')).toEqual([successor.id]);
  });

  it("refuses changing a user's email to another live user's, and takes a change of case of one's own", async () => {
    const bea = await createUser(t, { email: 'bea@emails.test' });
    const cal = await createUser(t, { email: 'cal@emails.test' });
    const refused = await t.request('POST', `/roster/v1/users/${cal.id}`, { email: 'BEA@emails.test' });
    expectError(refused, 409, 6, 'EMAIL_TAKEN', { userId: bea.id });
    const stored = await t.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', cal.id)
      .executeTakeFirstOrThrow();
    expect(stored.email).toBe('cal@emails.test');
    const recased = await t.request('POST', `/roster/v1/users/${cal.id}`, { email: 'Cal@Emails.test' });
    expect(recased.status, JSON.stringify(recased.body)).toBe(200);
    expect(await holdersOf('cal@emails.test')).toEqual([cal.id]);
  });

  it('refuses a whole import listing every clash: emails taken and emails given twice', async () => {
    const dee = await createUser(t, { email: 'dee@emails.test' });
    const before = (await t.db.selectFrom('users').select('id').execute()).length;
    const response = await t.request('POST', '/roster/v1/users/import', {
      users: [
        { displayName: 'Fresh', email: 'fresh@emails.test' },
        { displayName: 'Dee again', email: 'DEE@emails.test' },
        { displayName: 'Eve', email: 'eve@emails.test' },
        { displayName: 'Eve again', email: 'Eve@Emails.test' },
      ],
    });
    expectError(response, 409, 6, 'EMAIL_TAKEN', { clashes: '2' });
    expect(response.body.message).toContain(`"dee@emails.test" already belongs to user ${dee.id}`);
    expect(response.body.message).toContain('"eve@emails.test" is given to users 3, 4 of this import');
    expect((await t.db.selectFrom('users').select('id').execute()).length).toBe(before);
  });

  it('imports 30,000 users in one call: their emails are claimed without a lock each', async () => {
    // PostgreSQL keeps advisory locks in its shared lock table until commit (sized by
    // max_locks_per_transaction); one lock an email made this import fail there.
    const users = Array.from({ length: 30_000 }, (_, i) => ({
      displayName: `Many ${i}`,
      email: `many${i}@emails.test`,
    }));
    const response = await t.request('POST', '/roster/v1/users/import', { users });
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    expect(response.body.userIds).toHaveLength(30_000);
    expect(await holdersOf('many29999@emails.test')).toEqual([response.body.userIds[29_999]]);
  });

  it('answers a SCIM create whose email a live Roster user has with 409 uniqueness, linking nothing', async () => {
    const fay = await createUser(t, { email: 'fay@emails.test' });
    const mappings = (await t.db.selectFrom('scim_users').select('user_id').execute()).length;
    const response = await scim.send('POST', '/Users', {
      schemas: [USER_SCHEMA],
      userName: 'fay.okta',
      emails: [{ value: 'FAY@emails.test', primary: true }],
    });
    expectScimError(response, 409, 'uniqueness');
    expect(response.body.detail).toContain('fay@emails.test');
    expect(response.body.detail).not.toContain(fay.id);
    expect(await holdersOf('fay@emails.test')).toEqual([fay.id]);
    expect((await t.db.selectFrom('scim_users').select('user_id').execute()).length).toBe(mappings);

    // A SCIM user's email changed to a live user's is refused the same way, and left as it was.
    const gus = await scim.send('POST', '/Users', {
      schemas: [USER_SCHEMA],
      userName: 'gus.okta',
      emails: [{ value: 'gus@emails.test', primary: true }],
    });
    expect(gus.status, JSON.stringify(gus.body)).toBe(201);
    const moved = await scim.send('PUT', `/Users/${gus.body.id}`, {
      schemas: [USER_SCHEMA],
      userName: 'gus.okta',
      emails: [{ value: 'fay@emails.test', primary: true }],
    });
    expectScimError(moved, 409, 'uniqueness');
    expect(await holdersOf('gus@emails.test')).toEqual([gus.body.id]);
  });

  it('lists emails live users shared before, page by page, and each lookup of them refuses naming them', async () => {
    // Eleven emails, each held by two live users, as a database from before emails were unique may hold them.
    const names = Array.from({ length: 11 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: names.flatMap((n) => [
        { displayName: n, email: `${n}@shared.test` },
        { displayName: `${n} 2`, email: `${n}.2@shared.test` },
      ]),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const ids: string[] = imported.body.userIds;
    const expected = names.map((n, i) => {
      const [one, two] = [ids[2 * i] as string, ids[2 * i + 1] as string];
      return { email: `${n}@shared.test`, userIds: [one, two].sort() };
    });
    for (const [i, n] of names.entries()) {
      await t.db
        .updateTable('users')
        .set({ email: `${n.toUpperCase()}@shared.test` })
        .where('id', '=', ids[2 * i + 1] as string)
        .execute();
    }
    const first = await t.request('GET', '/roster/v1/users/shared-emails?page_size=10');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.list).toEqual(expected.slice(0, 10));
    const second = await t.request(
      'GET',
      `/roster/v1/users/shared-emails?page_size=10&page_token=${first.body.nextPageToken}`,
    );
    expect(second.body).toEqual({ list: expected.slice(10), nextPageToken: '' });

    const resolved = await t.request('POST', '/roster/v1/users/resolve', { inputs: ['P03@shared.test'] });
    expect(resolved.body).toEqual({
      people: [],
      unresolved: [
        {
          input: 'P03@shared.test',
          reason: `more than one Roster user has this email (${expected[3]?.userIds.join(', ')}); use the user ID`,
          userIds: expected[3]?.userIds,
        },
      ],
    });
    // Changing one of them away ends the report's line for that email.
    const renamed = await t.request('POST', `/roster/v1/users/${ids[1]}`, {
      email: 'p00.renamed@shared.test',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const after = await t.request('GET', '/roster/v1/users/shared-emails?page_size=100');
    expect(after.body).toEqual({ list: expected.slice(1), nextPageToken: '' });
  });
});
