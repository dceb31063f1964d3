import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import {
  createScimConnection,
  ENTERPRISE,
  GROUP_SCHEMA,
  history,
  holders,
  logged,
  PATCH_OP,
  type ScimClient,
  USER_SCHEMA,
} from '../../../test/scim-fixtures.js';

/**
 * Microsoft Entra ID's provisioning, replayed with the requests of its public documentation
 * ("Tutorial: Develop and plan provisioning for a SCIM endpoint" and "Known issues and resolutions
 * with SCIM 2.0 protocol compliance"): capitalised ops, `"active": "False"` as a string, PATCH
 * without a path, the manager as a bare ID, and group membership by PATCH members.
 */
describe.each(DIALECTS)("Microsoft Entra's provisioning sequence on %s", (dialect) => {
  let t: TestApp;
  let entra: ScimClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    entra = await createScimConnection(t, 'Entra');
  });
  afterAll(() => t.close());

  const patch = (id: string, Operations: unknown[], kind = 'Users') =>
    entra.send('PATCH', `/${kind}/${id}`, { schemas: [PATCH_OP], Operations });

  const entraUser = (userName: string, externalId: string) => ({
    schemas: [USER_SCHEMA, ENTERPRISE],
    externalId,
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: userName }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
    [ENTERPRISE]: { employeeNumber: '100009', department: 'Human Resources US' },
  });

  async function c1User(id: string) {
    return (await t.request('GET', `/api/v1/users/${id}`)).body.userView.user;
  }

  it('creates, updates, sets and clears the manager, disables with a string, and deletes a user', async () => {
    const userName = 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@testuser.com';
    const probe = await entra.send('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(probe.body.totalResults).toBe(0);

    const created = await entra.send(
      'POST',
      '/Users',
      entraUser(userName, '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef'),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body[ENTERPRISE]).toEqual({ employeeNumber: '100009', department: 'Human Resources US' });
    expect(await c1User(id)).toMatchObject({
      displayName: 'givenName familyName',
      email: userName,
      department: 'Human Resources US',
      employeeIds: ['100009'],
      managerIds: [],
    });

    // The same userName again (any case) is a uniqueness conflict, and adds nobody.
    const clash = await entra.send('POST', '/Users', entraUser(userName.toUpperCase(), 'other'));
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe('uniqueness');

    const manager = await entra.send('POST', '/Users', entraUser('manager@testuser.com', 'mgr'));

    // Multi-valued and single-valued updates with capitalised ops and value filters.
    const updated = await patch(id, [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ]);
    expect(updated.status).toBe(200);
    expect(updated.body.emails).toEqual([
      { primary: true, type: 'work', value: 'updatedEmail@microsoft.com' },
    ]);
    expect(updated.body.name.familyName).toBe('updatedFamilyName');
    expect((await c1User(id)).email).toBe('updatedEmail@microsoft.com');
    // Entra replaces through a filter that matches nothing yet, meaning "add" (scim-patch's treatMissingAsAdd).
    const phone = await patch(id, [
      { op: 'Replace', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' },
    ]);
    expect(phone.body.phoneNumbers).toEqual([{ type: 'mobile', value: '+1 555 0100' }]);

    // The manager arrives as a bare ID, and is read back as {value}.
    const withManager = await patch(id, [
      { op: 'Add', path: `${ENTERPRISE}:manager`, value: manager.body.id },
    ]);
    expect(withManager.body[ENTERPRISE].manager.value).toBe(manager.body.id);
    expect((await c1User(id)).managerIds).toEqual([manager.body.id]);
    const cleared = await patch(id, [{ op: 'Remove', path: `${ENTERPRISE}:manager` }]);
    expect(cleared.body[ENTERPRISE].manager).toBeUndefined();
    expect((await c1User(id)).managerIds).toEqual([]);
    // A user cannot manage themself: refused, and nothing changes.
    const selfManager = await patch(id, [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: id }]);
    expect(selfManager.status).toBe(400);
    expect(selfManager.body.scimType).toBe('invalidValue');
    expect((await c1User(id)).managerIds).toEqual([]);

    // Disable: "False" as a string, in both forms Entra has sent.
    const off = await patch(id, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(off.body.active).toBe(false);
    expect((await c1User(id)).status).toBe('DISABLED');
    const on = await patch(id, [{ op: 'Replace', value: { active: 'True', 'name.givenName': 'Ellen' } }]);
    expect(on.body.active).toBe(true);
    expect(on.body.name.givenName).toBe('Ellen');
    expect((await c1User(id)).status).toBe('ENABLED');

    // The enterprise extension without a path, attribute named by its URN.
    const moved = await patch(id, [{ op: 'Replace', value: { [`${ENTERPRISE}:department`]: 'Finance' } }]);
    expect(moved.body[ENTERPRISE].department).toBe('Finance');
    expect((await c1User(id)).department).toBe('Finance');

    const deleted = await entra.send('DELETE', `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect((await entra.send('GET', `/Users/${id}`)).status).toBe(404);
    expect((await c1User(id)).deletedAt).not.toBeNull();
    const again = await entra.send('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(again.body.totalResults).toBe(0);

    const operations = (await logged(t, id)).map((e) => e.activity);
    expect(operations).toEqual([
      'user.created',
      'user.updated',
      'scim_user.updated',
      'scim_user.updated',
      'user.updated',
      'user.updated',
      'user.disabled',
      'user.enabled',
      'scim_user.updated',
      'user.updated',
      'user.deleted',
    ]);
    expect((await logged(t, id)).every((e) => e.actor === entra.connectionId)).toBe(true);
  });

  it('pushes a group with members, adds and removes them, and a deleted user loses every grant', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push(
        (await entra.send('POST', '/Users', entraUser(`member${n}@testuser.com`, `ext-${n}`))).body.id,
      );
    }
    const [a, b, c] = ids as [string, string, string];

    const probe = await entra.send(
      'GET',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Group1DisplayName"')}`,
    );
    expect(probe.body.totalResults).toBe(0);

    const group = await entra.send('POST', '/Groups', {
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Group1DisplayName',
      members: [],
      schemas: [GROUP_SCHEMA],
    });
    expect(group.status).toBe(201);
    const gid = group.body.id;

    const found = await entra.send(
      'GET',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Group1DisplayName"')}`,
    );
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0]).not.toHaveProperty('members');
    expect(found.body.Resources[0].externalId).toBe('8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159');

    const added = await patch(
      gid,
      [
        {
          op: 'Add',
          path: 'members',
          value: [
            { $ref: null, value: a },
            { $ref: null, value: b },
            { $ref: null, value: c },
          ],
        },
      ],
      'Groups',
    );
    expect(added.status).toBe(200);
    expect(await holders(t, gid)).toEqual([a, b, c].sort());

    const removed = await patch(
      gid,
      [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: a }] }],
      'Groups',
    );
    expect(removed.status).toBe(200);
    expect(await holders(t, gid)).toEqual([b, c].sort());

    const renamed = await patch(
      gid,
      [{ op: 'Replace', path: 'displayName', value: 'Group1 renamed' }],
      'Groups',
    );
    expect(renamed.body.displayName).toBe('Group1 renamed');

    // Deleting a user revokes what they hold, with REMOVED history written as the connection.
    const del = await entra.send('DELETE', `/Users/${b}`);
    expect(del.status).toBe(204);
    expect(await holders(t, gid)).toEqual([c]);
    expect((await history(t, gid)).filter((e) => e.endsWith(b))).toEqual([`ADDED:${b}`, `REMOVED:${b}`]);
    const revocation = await t.db
      .selectFrom('grant_events')
      .select(['actor_client_id'])
      .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
      .where('app_entitlement_id', '=', gid)
      .execute();
    expect(revocation.map((r) => r.actor_client_id)).toEqual([entra.connectionId, entra.connectionId]);
    // The group's read-back no longer lists the deleted user.
    const read = await entra.send('GET', `/Groups/${gid}`);
    expect(read.body.members.map((m: { value: string }) => m.value)).toEqual([c]);

    // Remove all members.
    const emptied = await patch(gid, [{ op: 'Remove', path: 'members' }], 'Groups');
    expect(emptied.status).toBe(200);
    expect(await holders(t, gid)).toEqual([]);
  });
});
