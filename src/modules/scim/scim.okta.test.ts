import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntitlement } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import {
  createScimConnection,
  GROUP_SCHEMA,
  history,
  holders,
  logged,
  PATCH_OP,
  type ScimClient,
  USER_SCHEMA,
} from '../../../test/scim-fixtures.js';

/**
 * Okta's SCIM 2.0 provisioning, replayed with the requests of its public guide ("SCIM 2.0 protocol
 * reference", developer.okta.com): a filter probe before create, full PUTs for updates, PATCH
 * `{"active": false}` without a path to deactivate, and group push with PATCH members.
 */
describe.each(DIALECTS)("Okta's provisioning sequence on %s", (dialect) => {
  let t: TestApp;
  let okta: ScimClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    okta = await createScimConnection(t, 'Okta');
  });
  afterAll(() => t.close());

  const oktaUser = (userName: string, givenName: string, active = true) => ({
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName, familyName: 'Jensen' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: `${givenName} Jensen`,
    locale: 'en-US',
    externalId: '00ujl29u0le5T6Aj10h7',
    groups: [],
    password: '1mz050nq',
    active,
  });

  it('probes, creates, updates with PUT, deactivates and reactivates a user', async () => {
    const probe = await okta.send(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "test.user@okta.local"')}&startIndex=1&count=100`,
    );
    expect(probe.status).toBe(200);
    expect(probe.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });

    const created = await okta.send('POST', '/Users', oktaUser('test.user@okta.local', 'Test'));
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
    const id = created.body.id;
    expect(created.headers.location).toBe(`http://roster.test:8080${okta.base}/Users/${id}`);
    expect(created.headers.etag).toBe(created.body.meta.version);
    expect(created.body).toMatchObject({
      userName: 'test.user@okta.local',
      externalId: '00ujl29u0le5T6Aj10h7',
      active: true,
      displayName: 'Test Jensen',
      name: { givenName: 'Test', familyName: 'Jensen' },
    });
    expect(created.body.password).toBeUndefined();

    // The probe Okta sends next finds the user, whatever the case of the userName.
    const found = await okta.send(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "TEST.USER@okta.local"')}`,
    );
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);

    // A Roster user, visible through the ConductorOne API.
    const c1 = await t.request('GET', `/api/v1/users/${id}`);
    expect(c1.body.userView.user).toMatchObject({
      id,
      displayName: 'Test Jensen',
      email: 'test.user@okta.local',
      username: 'test.user@okta.local',
      status: 'ENABLED',
    });

    // Okta updates a profile by PUTting the whole user.
    const put = await okta.send('PUT', `/Users/${id}`, {
      ...oktaUser('test.user@okta.local', 'Another'),
      id,
    });
    expect(put.status).toBe(200);
    expect(put.body.name.givenName).toBe('Another');
    expect(put.body.displayName).toBe('Another Jensen');
    expect(put.body.meta.version).not.toBe(created.body.meta.version);

    // Deactivation: PATCH without a path.
    const off = await okta.send('PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await t.request('GET', `/api/v1/users/${id}`)).body.userView.user.status).toBe('DISABLED');

    // A disabled user is refused by add-manual-user, and the refusal says why.
    const app = await t.request('POST', '/api/v1/apps', { displayName: 'Payroll' });
    const entitlement = await createEntitlement(t, app.body.app.id);
    const add = await t.request(
      'POST',
      `/api/v1/apps/${app.body.app.id}/entitlements/${entitlement.id}/add-manual-user`,
      { userIds: [id] },
    );
    expect(add.status).toBe(200);
    expect(add.body.failedUsersErrorMap).toEqual({ [id]: 'user is disabled' });

    // Reactivation, this time as a PUT with active true.
    const on = await okta.send('PUT', `/Users/${id}`, { ...oktaUser('test.user@okta.local', 'Another'), id });
    expect(on.body.active).toBe(true);
    expect((await t.request('GET', `/api/v1/users/${id}`)).body.userView.user.status).toBe('ENABLED');

    expect(await logged(t, id)).toEqual([
      { activity: 'user.created', actor: okta.connectionId },
      { activity: 'user.updated', actor: okta.connectionId },
      { activity: 'scim_user.updated', actor: okta.connectionId },
      { activity: 'user.disabled', actor: okta.connectionId },
      { activity: 'user.enabled', actor: okta.connectionId },
    ]);
  });

  it('pushes a group, changes its members and name, and deletes it with its grants', async () => {
    const users: string[] = [];
    for (const name of ['ann', 'bob', 'cid']) {
      const r = await okta.send('POST', '/Users', oktaUser(`${name}@okta.local`, name));
      expect(r.status).toBe(201);
      users.push(r.body.id);
    }
    const [ann, bob, cid] = users as [string, string, string];

    const group = await okta.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Test SCIMv2',
      members: [],
    });
    expect(group.status).toBe(201);
    const gid = group.body.id;
    // The group is an entitlement of the connection's app.
    const entitlement = await t.request('GET', `/api/v1/apps/${okta.appId}/entitlements/${gid}`);
    expect(entitlement.body.appEntitlementView.appEntitlement.displayName).toBe('Test SCIMv2');

    const add = await okta.send('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'add',
          path: 'members',
          value: [
            { value: ann, display: 'ann@okta.local' },
            { value: bob, display: 'bob@okta.local' },
          ],
        },
      ],
    });
    expect(add.status).toBe(200);
    // Applied before the answer: Okta reads back at once.
    expect(await holders(t, gid)).toEqual([ann, bob].sort());
    const read = await okta.send('GET', `/Groups/${gid}`);
    expect(read.body.members.map((m: { value: string }) => m.value)).toEqual([ann, bob].sort());

    const remove = await okta.send('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${ann}"]` }],
    });
    expect(remove.status).toBe(200);
    expect(await holders(t, gid)).toEqual([bob]);

    const rename = await okta.send('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { id: gid, displayName: 'Test SCIMv2 renamed' } }],
    });
    expect(rename.status).toBe(200);
    expect(rename.body.displayName).toBe('Test SCIMv2 renamed');
    const renamed = await t.request('GET', `/api/v1/apps/${okta.appId}/entitlements/${gid}`);
    expect(renamed.body.appEntitlementView.appEntitlement.displayName).toBe('Test SCIMv2 renamed');

    // A full PUT makes the members exactly the list.
    const put = await okta.send('PUT', `/Groups/${gid}`, {
      schemas: [GROUP_SCHEMA],
      id: gid,
      displayName: 'Test SCIMv2 renamed',
      members: [{ value: cid }, { value: ann }],
    });
    expect(put.status).toBe(200);
    expect(await holders(t, gid)).toEqual([ann, cid].sort());

    // Membership went through bulk actions, acted by the connection, with the usual history.
    const actions = await t.db
      .selectFrom('bulk_actions')
      .select(['kind', 'actor_client_id', 'state', 'succeeded'])
      .where('app_entitlement_id', '=', gid)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      {
        kind: 'SET_MEMBERS',
        actor_client_id: okta.connectionId,
        state: 'BULK_ACTION_STATE_SUCCEEDED',
        succeeded: 2,
      },
      {
        kind: 'SET_MEMBERS',
        actor_client_id: okta.connectionId,
        state: 'BULK_ACTION_STATE_SUCCEEDED',
        succeeded: 1,
      },
      {
        kind: 'SET_MEMBERS',
        actor_client_id: okta.connectionId,
        state: 'BULK_ACTION_STATE_SUCCEEDED',
        succeeded: 3,
      },
    ]);
    const events = await history(t, gid);
    expect(events.slice(0, 3).sort()).toEqual([`ADDED:${ann}`, `ADDED:${bob}`, `REMOVED:${ann}`].sort());
    expect(events.slice(3).sort()).toEqual([`ADDED:${ann}`, `ADDED:${cid}`, `REMOVED:${bob}`].sort());
    // Who made each change is in the grant history (the system log holds the requests).
    const grantLog = await t.db
      .selectFrom('grant_events')
      .select(['event_type', 'actor_client_id'])
      .where('app_entitlement_id', '=', gid)
      .execute();
    expect(grantLog).toHaveLength(6);
    expect(grantLog.every((e) => e.actor_client_id === okta.connectionId)).toBe(true);

    const deleted = await okta.send('DELETE', `/Groups/${gid}`);
    expect(deleted.status).toBe(204);
    expect(await holders(t, gid)).toEqual([]);
    expect((await okta.send('GET', `/Groups/${gid}`)).status).toBe(404);
  });
});
