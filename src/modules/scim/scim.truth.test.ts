import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import {
  createScimConnection,
  ENTERPRISE,
  expectScimError,
  GROUP_SCHEMA,
  holders,
  PATCH_OP,
  type ScimClient,
  USER_SCHEMA,
} from '../../../test/scim-fixtures.js';

/** Every answer says what Roster did: no 404 for a known endpoint, no 2xx for a change not made. */
describe.each(DIALECTS)('SCIM answers on %s', (dialect) => {
  let t: TestApp;
  let scim: ScimClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    scim = await createScimConnection(t, 'Truth');
  });
  afterAll(() => t.close());

  let counter = 0;
  async function newUser(extra: Record<string, unknown> = {}) {
    const userName = `truth${++counter}@example.test`;
    const r = await scim.send('POST', '/Users', { schemas: [USER_SCHEMA], userName, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  const c1User = async (id: string) => (await t.request('GET', `/api/v1/users/${id}`)).body.userView.user;
  const managerOf = async (id: string) => (await scim.send('GET', `/Users/${id}`)).body[ENTERPRISE]?.manager;

  it('keeps a manager sent before they exist, claims no link meanwhile, and links them when they arrive', async () => {
    // Sent first, naming a manager by the externalId the identity provider knows them by.
    const report = await newUser({ [ENTERPRISE]: { manager: { value: 'okta-mgr-7' } } });
    expect(report[ENTERPRISE].manager).toEqual({ value: 'okta-mgr-7' });
    expect((await c1User(report.id)).managerIds).toEqual([]);
    const stored = await t.db
      .selectFrom('scim_users')
      .select('manager_ref')
      .where('user_id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(stored.manager_ref).toBe('okta-mgr-7');
    // A second report, the bare-ID form Entra sends.
    const other = await newUser({ [ENTERPRISE]: { manager: 'okta-mgr-7' } });
    // A report already linked elsewhere keeps its link.
    const boss = await newUser();
    const linked = await newUser({ [ENTERPRISE]: { manager: { value: boss.id } } });
    expect((await c1User(linked.id)).managerIds).toEqual([boss.id]);
    const patched = await scim.send('PATCH', `/Users/${linked.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'externalId', value: 'linked-1' }],
    });
    expect(patched.status).toBe(200);

    // The manager arrives: both reports are linked in the same request, with the manager's ID.
    const manager = await newUser({ externalId: 'okta-mgr-7' });
    for (const id of [report.id, other.id]) {
      expect((await c1User(id)).managerIds).toEqual([manager.id]);
      expect(await managerOf(id)).toEqual({
        value: 'okta-mgr-7',
        $ref: `http://roster.test:8080${scim.base}/Users/${manager.id}`,
      });
    }
    expect((await c1User(linked.id)).managerIds).toEqual([boss.id]);
    const events = await t.db
      .selectFrom('system_log_events')
      .select(['activity', 'target_id'])
      .where('target_id', 'in', [report.id, other.id])
      .where('activity', '=', 'user.updated')
      .execute();
    expect(events).toHaveLength(2);

    // A later user sent with that externalId's manager is linked at once; the user itself cannot be it.
    const later = await newUser({ [ENTERPRISE]: { manager: 'okta-mgr-7' } });
    expect((await c1User(later.id)).managerIds).toEqual([manager.id]);
    const self = await scim.send('POST', '/Users', {
      schemas: [USER_SCHEMA],
      userName: 'self@example.test',
      externalId: 'me',
      [ENTERPRISE]: { manager: 'me' },
    });
    expectScimError(self, 400, 'invalidValue');
    expect(
      (await scim.send('GET', '/Users?filter=userName%20eq%20%22self@example.test%22')).body.totalResults,
    ).toBe(0);
  });

  it('links waiting users when an existing user is given the externalId they name', async () => {
    const report = await newUser({ [ENTERPRISE]: { manager: 'entra-obj-9' } });
    const manager = await newUser();
    expect((await c1User(report.id)).managerIds).toEqual([]);
    const put = await scim.send('PUT', `/Users/${manager.id}`, {
      schemas: [USER_SCHEMA],
      userName: manager.userName,
      externalId: 'entra-obj-9',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await c1User(report.id)).managerIds).toEqual([manager.id]);
    expect((await managerOf(report.id)).value).toBe('entra-obj-9');
  });

  it('answers /Bulk with 501 in the SCIM error schema, under either base', async () => {
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] };
    expectScimError(await scim.send('POST', '/Bulk', body), 501);
    expectScimError(await scim.send('POST', '/scim/v2/Bulk', body), 501);
    expect((await scim.send('POST', '/Bulk', body)).body.detail).toMatch(/not supported/);
    // Still behind the token.
    const anonymous = await t.app.inject({ method: 'POST', url: `${scim.base}/Bulk`, payload: body });
    expect(anonymous.statusCode).toBe(401);
  });

  it('matches endpoint names ignoring case', async () => {
    const user = await newUser();
    for (const path of ['/users', '/Users', '/USERS']) {
      const r = await scim.send('GET', `${path}/${user.id}`);
      expect(r.status, path).toBe(200);
      expect(r.body.id).toBe(user.id);
    }
    expect((await scim.send('GET', `/scim/v2/users/${user.id}`)).status).toBe(200);
    const created = await scim.send('POST', '/groups', { schemas: [GROUP_SCHEMA], displayName: 'lower' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toMatch(new RegExp(`/Groups/${created.body.id}$`));
    expect((await scim.send('GET', `/GROUPS/${created.body.id}`)).body.displayName).toBe('lower');
    expect((await scim.send('GET', '/groups?filter=displayName%20eq%20%22lower%22')).body.totalResults).toBe(
      1,
    );
    expect((await scim.send('GET', '/serviceproviderconfig')).status).toBe(200);
    expect((await scim.send('GET', '/resourcetypes/User')).body.id).toBe('User');
    expectScimError(await scim.send('POST', '/bulk', {}), 501);
    // An ID is not a name: it keeps its case.
    expectScimError(await scim.send('GET', `/Users/${user.id.toLowerCase()}x`), 404);
  });

  it('refuses a group change adding a disabled user, naming them, and changes nothing', async () => {
    const enabled = await newUser();
    const disabled = await newUser({ active: false });
    const group = await scim.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'No ghosts' });
    const gid = group.body.id;
    const actions = () => t.db.selectFrom('bulk_actions').select('id').execute();
    const before = (await actions()).length;
    const add = await scim.send('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'No ghosts renamed' },
        { op: 'add', path: 'members', value: [{ value: enabled.id }, { value: disabled.id }] },
      ],
    });
    expectScimError(add, 400, 'invalidValue');
    expect(add.body.detail).toContain(disabled.id);
    expect(add.body.detail).toMatch(/disabled/);
    expect(add.body.detail).not.toContain(enabled.id);
    expect(await holders(t, gid)).toEqual([]);
    expect((await actions()).length).toBe(before);
    expect((await scim.send('GET', `/Groups/${gid}`)).body.displayName).toBe('No ghosts');
    // The same through PUT and through a new group: refused, and no group is left behind.
    expectScimError(
      await scim.send('PUT', `/Groups/${gid}`, {
        schemas: [GROUP_SCHEMA],
        displayName: 'No ghosts',
        members: [{ value: disabled.id }],
      }),
      400,
      'invalidValue',
    );
    expectScimError(
      await scim.send('POST', '/Groups', {
        schemas: [GROUP_SCHEMA],
        displayName: 'Ghost town',
        members: [{ value: disabled.id }],
      }),
      400,
      'invalidValue',
    );
    expect(
      (await scim.send('GET', '/Groups?filter=displayName%20eq%20%22Ghost%20town%22')).body.totalResults,
    ).toBe(0);
    // Enabled again, they are added.
    await scim.send('PATCH', `/Users/${disabled.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    const again = await scim.send('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: disabled.id }] }],
    });
    expect(again.status).toBe(200);
    expect(await holders(t, gid)).toEqual([disabled.id]);
  });

  it('shows members with their display names, answers PATCH with them, and dates membership changes', async () => {
    const ada = await newUser({ displayName: 'Ada Lovelace' });
    const alan = await newUser({ displayName: 'Alan Turing' });
    const created = await scim.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Pioneers',
      members: [{ value: ada.id }],
    });
    const gid = created.body.id;
    expect(created.body.members).toEqual([
      expect.objectContaining({ value: ada.id, display: 'Ada Lovelace' }),
    ]);
    const first = created.body.meta.lastModified;

    t.clock.advance(60_000);
    const patched = await scim.send('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: alan.id }] }],
    });
    expect(patched.status).toBe(200);
    const byId = (members: Array<{ value: string; display: string }>) =>
      Object.fromEntries(members.map((m) => [m.value, m.display]));
    expect(byId(patched.body.members)).toEqual({ [ada.id]: 'Ada Lovelace', [alan.id]: 'Alan Turing' });
    expect(Date.parse(patched.body.meta.lastModified)).toBeGreaterThan(Date.parse(first));
    const got = await scim.send('GET', `/Groups/${gid}`);
    expect(got.body.meta.lastModified).toBe(patched.body.meta.lastModified);
    expect(byId(got.body.members)).toEqual(byId(patched.body.members));
    const listed = await scim.send('GET', '/Groups?filter=displayName%20eq%20%22Pioneers%22');
    expect(byId(listed.body.Resources[0].members)[alan.id]).toBe('Alan Turing');

    // excludedAttributes=members leaves them out of the answer; the change is still made and dated.
    t.clock.advance(60_000);
    const lean = await scim.send('PATCH', `/Groups/${gid}?excludedAttributes=members`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${ada.id}"]` }],
    });
    expect(lean.status).toBe(200);
    expect(lean.body).not.toHaveProperty('members');
    expect(Date.parse(lean.body.meta.lastModified)).toBeGreaterThan(
      Date.parse(patched.body.meta.lastModified),
    );
    expect(await holders(t, gid)).toEqual([alan.id]);

    // A PATCH that changes nothing leaves lastModified where it was.
    t.clock.advance(60_000);
    const same = await scim.send('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: alan.id }] }],
    });
    expect(same.body.meta.lastModified).toBe(lean.body.meta.lastModified);
  });
});
