import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import {
  createScimConnection,
  ENTERPRISE,
  expectScimError,
  GROUP_SCHEMA,
  history,
  holders,
  PATCH_OP,
  type ScimClient,
  USER_SCHEMA,
} from '../../../test/scim-fixtures.js';

describe.each(DIALECTS)('SCIM protocol on %s', (dialect) => {
  let t: TestApp;
  let scim: ScimClient;
  beforeAll(async () => {
    // Small batches and chunks, so a large membership change crosses several of each.
    t = await startTestApp(dialect, {
      env: { ROSTER_BULK_BATCH_SIZE: '200', ROSTER_BULK_CHUNK_SIZE: '700' },
    });
    scim = await createScimConnection(t, 'Protocol');
  });
  afterAll(() => t.close());

  let counter = 0;
  async function newUser(extra: Record<string, unknown> = {}) {
    const userName = `user${++counter}@example.test`;
    const r = await scim.send('POST', '/Users', { schemas: [USER_SCHEMA], userName, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }
  const count = async (table: 'users' | 'scim_users' | 'scim_groups' | 'grants' | 'system_log_events') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('connections and tokens', () => {
    it('creates a connection with a token shown once and stored only as a hash', async () => {
      const created = await t.request('POST', '/roster/v1/scim/connections', { displayName: 'Okta prod' });
      expect(created.status).toBe(200);
      const { connection, token } = created.body;
      expect(connection).toMatchObject({ displayName: 'Okta prod', hasToken: true });
      expect(connection.baseUrl).toBe(`http://roster.test:8080/scim/v2/${connection.id}`);
      expect(token).toMatch(/^roster-scim-[A-Za-z0-9_-]{43}$/);
      const row = await t.db
        .selectFrom('scim_connections')
        .selectAll()
        .where('id', '=', connection.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(token.slice('roster-scim-'.length));
      // The app its groups live in is a manually managed app named after it.
      const app = await t.request('GET', `/api/v1/apps/${connection.appId}`);
      expect(app.body.app).toMatchObject({ displayName: 'Okta prod', isManuallyManaged: true });

      const list = await t.request('GET', '/roster/v1/scim/connections');
      expect(list.body.list.map((c: { id: string }) => c.id)).toContain(connection.id);
      expect(JSON.stringify(list.body)).not.toContain(token);
      const got = await t.request('GET', `/roster/v1/scim/connections/${connection.id}`);
      expect(got.body.connection).toEqual(connection);
    });

    it('answers admin errors in the API envelope', async () => {
      expectError(
        await t.request('GET', '/roster/v1/scim/connections/nope'),
        404,
        5,
        'SCIM_CONNECTION_NOT_FOUND',
      );
      expectError(
        await t.request('POST', '/roster/v1/scim/connections', { displayName: '' }),
        400,
        3,
        'INVALID_REQUEST',
      );
    });

    it('authenticates by the token alone, under either base URL, and refuses everything else', async () => {
      const other = await createScimConnection(t, 'Other');
      const user = await newUser();
      // /scim/v2 with the token selecting the connection.
      const direct = await t.app.inject({
        method: 'GET',
        url: `/scim/v2/Users/${user.id}`,
        headers: { authorization: `Bearer ${scim.token}` },
      });
      expect(direct.statusCode).toBe(200);
      // Another connection's token does not open this connection's base, nor see its users.
      expectScimError(await other.send('GET', `${scim.base}/Users/${user.id}`), 401);
      expectScimError(await other.send('GET', `/Users/${user.id}`), 404);
      // No token, a malformed header, an unknown token, an OAuth access token.
      for (const authorization of [
        undefined,
        'Basic abc',
        'Bearer roster-scim-unknown',
        `Bearer ${t.token}`,
      ]) {
        const r = await t.app.inject({
          method: 'GET',
          url: `${scim.base}/Users`,
          headers: authorization ? { authorization } : {},
        });
        expect(r.statusCode).toBe(401);
        expect(r.headers['content-type']).toMatch(/^application\/scim\+json/);
        expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(JSON.parse(r.body)).toMatchObject({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '401',
        });
      }
    });

    it('rotates and revokes the token, and a deleted connection is refused', async () => {
      const c = await createScimConnection(t, 'Rotating');
      expect((await c.send('GET', '/Users')).status).toBe(200);
      const rotated = await t.request('POST', `/roster/v1/scim/connections/${c.connectionId}/token`, {});
      expect(rotated.status).toBe(200);
      expect(rotated.body.token).not.toBe(c.token);
      expectScimError(await c.send('GET', '/Users'), 401);
      const withNew = await t.app.inject({
        method: 'GET',
        url: `${c.base}/Users`,
        headers: { authorization: `Bearer ${rotated.body.token}` },
      });
      expect(withNew.statusCode).toBe(200);

      const revoked = await t.request('DELETE', `/roster/v1/scim/connections/${c.connectionId}/token`, {});
      expect(revoked.body.connection).toMatchObject({ hasToken: false, tokenIssuedAt: null });
      const afterRevoke = await t.app.inject({
        method: 'GET',
        url: `${c.base}/Users`,
        headers: { authorization: `Bearer ${rotated.body.token}` },
      });
      expect(afterRevoke.statusCode).toBe(401);

      const again = await t.request('POST', `/roster/v1/scim/connections/${c.connectionId}/token`, {});
      expect((await t.request('DELETE', `/roster/v1/scim/connections/${c.connectionId}`, {})).status).toBe(
        200,
      );
      const afterDelete = await t.app.inject({
        method: 'GET',
        url: `${c.base}/Users`,
        headers: { authorization: `Bearer ${again.body.token}` },
      });
      expect(afterDelete.statusCode).toBe(401);
      expectError(
        await t.request('GET', `/roster/v1/scim/connections/${c.connectionId}`),
        404,
        5,
        'SCIM_CONNECTION_NOT_FOUND',
      );
      const ops = await t.db
        .selectFrom('system_log_events')
        .select('activity')
        .where('target_id', '=', c.connectionId)
        .orderBy('id')
        .execute();
      expect(ops.map((o) => o.activity)).toEqual([
        'scim_connection.created',
        'scim_connection.token_rotated',
        'scim_connection.token_revoked',
        'scim_connection.token_rotated',
        'scim_connection.deleted',
      ]);
    });
  });

  describe('errors', () => {
    it('answers every failure in the SCIM error schema and changes nothing', async () => {
      const user = await newUser();
      const before = await Promise.all([count('users'), count('scim_users'), count('system_log_events')]);
      const cases: Array<[Promise<Awaited<ReturnType<ScimClient['send']>>>, number, string | undefined]> = [
        [scim.send('POST', '/Users', '{"userName": '), 400, 'invalidSyntax'],
        [scim.send('POST', '/Users', { schemas: [USER_SCHEMA] }), 400, 'invalidValue'],
        [scim.send('POST', '/Users', { userName: 'x@y', active: 'maybe' }), 400, 'invalidValue'],
        [scim.send('POST', '/Users', { userName: 'x@y', emails: 'x@y' }), 400, 'invalidValue'],
        [scim.send('POST', '/Users', { userName: user.userName.toUpperCase() }), 409, 'uniqueness'],
        [scim.send('GET', '/Users/does-not-exist'), 404, undefined],
        [scim.send('GET', '/Nothing'), 404, undefined],
        [scim.send('GET', `/Users?filter=${encodeURIComponent('userName eq')}`), 400, 'invalidFilter'],
        [scim.send('GET', `/Users?filter=${encodeURIComponent('(userName eq "a"')}`), 400, 'invalidFilter'],
        [
          scim.send('GET', `/Groups?filter=${encodeURIComponent('displayName zz "a"')}`),
          400,
          'invalidFilter',
        ],
        [
          scim.send('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [] }),
          400,
          'invalidSyntax',
        ],
        [
          scim.send('PATCH', `/Users/${user.id}`, {
            schemas: [PATCH_OP],
            Operations: [{ op: 'move', path: 'title' }],
          }),
          400,
          'invalidSyntax',
        ],
        [
          scim.send('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] }),
          400,
          'noTarget',
        ],
        [
          scim.send('PATCH', `/Users/${user.id}`, {
            schemas: [PATCH_OP],
            Operations: [{ op: 'replace', path: 'id', value: 'x' }],
          }),
          400,
          'mutability',
        ],
        // A bad operation after a good one: the good one is not applied either.
        [
          scim.send('PATCH', `/Users/${user.id}`, {
            schemas: [PATCH_OP],
            Operations: [
              { op: 'replace', path: 'displayName', value: 'Changed' },
              { op: 'replace', path: 'active', value: 'sometimes' },
            ],
          }),
          400,
          'invalidValue',
        ],
      ];
      for (const [response, status, scimType] of cases) expectScimError(await response, status, scimType);
      expect(await Promise.all([count('users'), count('scim_users'), count('system_log_events')])).toEqual(
        before,
      );
      expect((await scim.send('GET', `/Users/${user.id}`)).body.displayName).toBe(user.displayName);
    });

    it('refuses a group change naming a non-user, applying none of it', async () => {
      const member = await newUser();
      const group = await scim.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Strict' });
      const r = await scim.send('PATCH', `/Groups/${group.body.id}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'displayName', value: 'Strict renamed' },
          { op: 'add', path: 'members', value: [{ value: member.id }, { value: 'not-a-user' }] },
        ],
      });
      expectScimError(r, 400, 'invalidValue');
      expect(await holders(t, group.body.id)).toEqual([]);
      expect((await scim.send('GET', `/Groups/${group.body.id}`)).body.displayName).toBe('Strict');
      expectScimError(
        await scim.send('PATCH', `/Groups/${group.body.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'add', path: 'owner', value: 'x' }],
        }),
        400,
        'invalidPath',
      );
      expectScimError(
        await scim.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'strict' }),
        409,
        'uniqueness',
      );
    });
  });

  describe('empty bodies', () => {
    it('deletes a user and a group when the DELETE carries a Content-Type and no body', async () => {
      const user = await newUser({ displayName: 'Leaver' });
      const group = await scim.send('POST', '/Groups', {
        schemas: [GROUP_SCHEMA],
        displayName: 'Leavers',
        members: [{ value: user.id }],
      });
      expect(group.status).toBe(201);
      expect(await holders(t, group.body.id)).toEqual([user.id]);

      // Clients that set the header on every request, for both media types SCIM accepts.
      for (const [path, type] of [
        [`/Groups/${group.body.id}`, 'application/scim+json'],
        [`/Users/${user.id}`, 'application/json; charset=utf-8'],
      ] as const) {
        const deleted = await scim.send('DELETE', path, '', { 'content-type': type });
        expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
      }
      const stored = await t.db
        .selectFrom('users')
        .select('deleted_at')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(stored.deleted_at).not.toBeNull();
      const entitlement = await t.db
        .selectFrom('app_entitlements')
        .select('deleted_at')
        .where('id', '=', group.body.id)
        .executeTakeFirstOrThrow();
      expect(entitlement.deleted_at).not.toBeNull();
      expect(await holders(t, group.body.id)).toEqual([]);
      expectScimError(await scim.send('GET', `/Users/${user.id}`), 404);
    });

    it('still refuses a write without a body', async () => {
      const user = await newUser();
      for (const method of ['POST', 'PUT', 'PATCH'] as const) {
        const path = method === 'POST' ? '/Users' : `/Users/${user.id}`;
        const refused = await scim.send(method, path, '');
        expect(refused.status).toBe(400);
        expect(refused.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
      }
    });
  });

  describe('versions', () => {
    it('serves meta.version as the ETag and honours If-Match on PUT, PATCH and DELETE', async () => {
      const user = await newUser({ displayName: 'Versioned' });
      const read = await scim.send('GET', `/Users/${user.id}`);
      expect(read.headers.etag).toBe(read.body.meta.version);
      expect(read.body.meta.version).toMatch(/^W\/".+"$/);

      const stale = 'W/"not-the-version"';
      const body = { schemas: [USER_SCHEMA], userName: user.userName, displayName: 'Changed' };
      expectScimError(await scim.send('PUT', `/Users/${user.id}`, body, { 'if-match': stale }), 412);
      expectScimError(
        await scim.send(
          'PATCH',
          `/Users/${user.id}`,
          { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Changed' }] },
          { 'if-match': stale },
        ),
        412,
      );
      expectScimError(await scim.send('DELETE', `/Users/${user.id}`, undefined, { 'if-match': stale }), 412);
      expect((await scim.send('GET', `/Users/${user.id}`)).body.displayName).toBe('Versioned');

      const ok = await scim.send('PUT', `/Users/${user.id}`, body, {
        'if-match': read.headers.etag as string,
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).not.toBe(read.headers.etag);
      // The old version no longer matches.
      expectScimError(
        await scim.send('PUT', `/Users/${user.id}`, body, { 'if-match': read.headers.etag as string }),
        412,
      );
      expect((await scim.send('PUT', `/Users/${user.id}`, body, { 'if-match': '*' })).status).toBe(200);

      // A group's version moves when its members do.
      const group = await scim.send('POST', '/Groups', {
        schemas: [GROUP_SCHEMA],
        displayName: 'Versioned group',
      });
      const v1 = group.headers.etag as string;
      await scim.send('PATCH', `/Groups/${group.body.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }],
      });
      const v2 = (await scim.send('GET', `/Groups/${group.body.id}`)).headers.etag;
      expect(v2).not.toBe(v1);
      expectScimError(
        await scim.send('DELETE', `/Groups/${group.body.id}`, undefined, { 'if-match': v1 }),
        412,
      );
      expect(await holders(t, group.body.id)).toEqual([user.id]);
      expect(
        (await scim.send('DELETE', `/Groups/${group.body.id}`, undefined, { 'if-match': v2 as string }))
          .status,
      ).toBe(204);
    });
  });

  describe('lists', () => {
    it('filters, pages and projects users', async () => {
      const c = await createScimConnection(t, 'Lists');
      for (const [i, dept] of ['Sales', 'Sales', 'Engineering', 'Sales', 'Finance'].entries()) {
        const r = await c.send('POST', '/Users', {
          schemas: [USER_SCHEMA, ENTERPRISE],
          userName: `list${i}@example.test`,
          title: i % 2 === 0 ? 'Lead' : undefined,
          active: i !== 4,
          [ENTERPRISE]: { department: dept },
        });
        expect(r.status).toBe(201);
      }
      const list = async (query: string) => (await c.send('GET', `/Users?${query}`)).body;
      const q = (filter: string) => `filter=${encodeURIComponent(filter)}`;
      expect((await list(q(`${ENTERPRISE}:department eq "sales"`))).totalResults).toBe(3);
      expect((await list(q('title pr and active eq true'))).totalResults).toBe(2);
      expect((await list(q('userName sw "LIST1" or userName ew "3@example.test"'))).totalResults).toBe(2);
      expect((await list(q('not (active eq true)'))).totalResults).toBe(1);
      expect((await list(q('userName co "@example.test"'))).totalResults).toBe(5);

      const page = await list(`startIndex=2&count=2&${q('userName co "list"')}`);
      expect(page).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
      const unfiltered = await list('startIndex=5&count=10');
      expect(unfiltered).toMatchObject({ totalResults: 5, startIndex: 5, itemsPerPage: 1 });
      expect((await list('count=0')).Resources).toEqual([]);

      const only = await list(
        `attributes=userName,${ENTERPRISE}:department&${q('userName eq "list0@example.test"')}`,
      );
      expect(Object.keys(only.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName', ENTERPRISE].sort());
      expect(only.Resources[0][ENTERPRISE]).toEqual({ department: 'Sales' });
      const without = await list(
        `excludedAttributes=emails,meta,active&${q('userName eq "list0@example.test"')}`,
      );
      expect(without.Resources[0]).not.toHaveProperty('meta');
      expect(without.Resources[0]).not.toHaveProperty('active');
      expect(without.Resources[0]).toHaveProperty('userName');
    });

    it('lists groups with and without members', async () => {
      const c = await createScimConnection(t, 'Group lists');
      const u = (await c.send('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'gm@example.test' }))
        .body;
      for (const name of ['Alpha', 'Beta']) {
        await c.send('POST', '/Groups', {
          schemas: [GROUP_SCHEMA],
          displayName: name,
          members: [{ value: u.id }],
        });
      }
      const all = await c.send('GET', '/Groups');
      expect(all.body.totalResults).toBe(2);
      expect(all.body.Resources[0].members).toEqual([expect.objectContaining({ value: u.id })]);
      const lean = await c.send('GET', '/Groups?excludedAttributes=members');
      expect(lean.body.Resources.every((g: object) => !('members' in g))).toBe(true);
      const byMember = await c.send(
        'GET',
        `/Groups?filter=${encodeURIComponent(`members[value eq "${u.id}"] and displayName sw "al"`)}`,
      );
      expect(byMember.body.Resources.map((g: { displayName: string }) => g.displayName)).toEqual(['Alpha']);
    });
  });

  describe('group PATCH paths', () => {
    it('removes the members a value filter selects and takes schema-qualified paths', async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      const group = await scim.send('POST', '/Groups', {
        schemas: [GROUP_SCHEMA],
        displayName: 'Filtered',
        members: [a, b, c].map((u) => ({ value: u.id })),
      });
      const gid = group.body.id;
      const r = await scim.send('PATCH', `/Groups/${gid}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'remove', path: `members[value eq "${a.id}" or value eq "${b.id}"]` },
          { op: 'replace', path: `${GROUP_SCHEMA}:displayName`, value: 'Filtered renamed' },
          { op: 'add', path: 'externalId', value: 'ext-filtered' },
        ],
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ displayName: 'Filtered renamed', externalId: 'ext-filtered' });
      expect(r.body.members.map((m: { value: string }) => m.value)).toEqual([c.id]);
      expect(await holders(t, gid)).toEqual([c.id]);
      // Asked for alone, the members come back with the PATCH's answer.
      const shown = await scim.send('PATCH', `/Groups/${gid}?attributes=members`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'members', value: [{ value: a.id }] }],
      });
      expect(shown.body.members.map((m: { value: string }) => m.value).sort()).toEqual([a.id, c.id].sort());
    });
  });

  describe('discovery', () => {
    it('describes exactly what is supported', async () => {
      const config = await scim.send('GET', '/ServiceProviderConfig');
      expect(config.body).toMatchObject({
        patch: { supported: true },
        bulk: { supported: false },
        filter: { supported: true, maxResults: 1000 },
        changePassword: { supported: false },
        sort: { supported: false },
        etag: { supported: true },
      });
      // documentationUri is this Roster's own copy of the README's SCIM section, not a placeholder.
      const docsUrl = new URL(config.body.documentationUri);
      expect(docsUrl.origin).toBe('http://roster.test:8080');
      const docs = await t.app.inject({ method: 'GET', url: docsUrl.pathname });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toMatch(/^text\/markdown/);
      expect(docs.body).toMatch(/^## SCIM 2\.0/);
      expect(docs.body).toContain('ServiceProviderConfig');
      expect(docs.body).not.toMatch(/^## Webhooks/m);
      const types = await scim.send('GET', '/ResourceTypes');
      expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
      expect((await scim.send('GET', '/ResourceTypes/Group')).body.endpoint).toBe('/Groups');
      const schemas = await scim.send('GET', '/Schemas');
      expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([
        USER_SCHEMA,
        ENTERPRISE,
        GROUP_SCHEMA,
      ]);
      expect((await scim.send('GET', `/Schemas/${ENTERPRISE}`)).body.name).toBe('EnterpriseUser');
      expectScimError(await scim.send('GET', '/Schemas/urn:nothing'), 404);
    });
  });

  describe('large membership changes', () => {
    it('applies a PATCH adding and then removing 2,500 members before answering, in batches', async () => {
      const ids = await t.container.users.import(
        { userId: '', clientId: '', requestId: 'test' },
        Array.from({ length: 2_500 }, (_, i) => ({
          displayName: `Bulk ${i}`,
          email: `bulk${i}@example.test`,
        })),
      );
      const group = await scim.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Everyone' });
      const gid = group.body.id;
      const add = await scim.send('PATCH', `/Groups/${gid}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }],
      });
      expect(add.status).toBe(200);
      expect(await holders(t, gid)).toEqual([...ids].sort());
      const [action] = await t.db
        .selectFrom('bulk_actions')
        .select(['id', 'state', 'succeeded', 'total'])
        .where('app_entitlement_id', '=', gid)
        .execute();
      expect(action).toMatchObject({ state: 'BULK_ACTION_STATE_SUCCEEDED', succeeded: 2_500, total: 2_500 });
      const chunks = await t.db
        .selectFrom('bulk_action_chunks')
        .select('done')
        .where('bulk_action_id', '=', action?.id ?? '')
        .execute();
      expect(chunks).toHaveLength(4);

      const remove = await scim.send('PATCH', `/Groups/${gid}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'remove', path: 'members', value: ids.slice(0, 2_000).map((value) => ({ value })) },
        ],
      });
      expect(remove.status).toBe(200);
      expect(await holders(t, gid)).toEqual(ids.slice(2_000).sort());
      const events = await history(t, gid);
      expect(events.filter((e) => e.startsWith('ADDED'))).toHaveLength(2_500);
      expect(events.filter((e) => e.startsWith('REMOVED'))).toHaveLength(2_000);
    });
  });
});
