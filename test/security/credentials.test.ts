import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../harness.js';
import { createCaller, ROLES, requestToken } from '../identity-fixtures.js';

/**
 * Credentials change only for a caller that may write (CONTRACT.md §7.10): a read-only caller — a
 * Read-Only Admin, or any user's API client scoped to Read-Only Admin — creates, changes and deletes
 * no API client, SCIM connection token or webhook secret, and the stored rows stay exactly as they
 * were. An update that names a field it cannot change is refused, never answered 200.
 */

const PC = '/api/v1/iam/personal_clients';

/** The caller's user, an API client of it the request acts through, and another client of the same user. */
interface Caller {
  readonly userId: string;
  readonly self: { id: string };
  readonly other: { id: string };
  readonly token: string;
}

interface World {
  readonly scimConnectionId: string;
  readonly webhookId: string;
}

interface CredentialRequest {
  readonly name: string;
  readonly method: 'POST' | 'DELETE';
  readonly url: (c: Caller, w: World) => string;
  readonly body: unknown;
}

/** Every route that creates or changes a credential, in the forms a read-only caller might try. */
const REQUESTS: CredentialRequest[] = [
  { name: 'create a personal client', method: 'POST', url: () => PC, body: { displayName: 'more' } },
  {
    name: 'create a personal client scoped as itself',
    method: 'POST',
    url: () => PC,
    body: { displayName: 'more', scopedRoles: [ROLES.readOnlyAdmin] },
  },
  {
    name: "rename the user's other client",
    method: 'POST',
    url: (c) => `${PC}/${c.other.id}`,
    body: { client: { displayName: 'Renamed' }, updateMask: 'displayName' },
  },
  {
    name: "extend the user's other client",
    method: 'POST',
    url: (c) => `${PC}/${c.other.id}`,
    body: { client: { expiresTime: '2999-01-01T00:00:00Z' } },
  },
  {
    name: 'drop its own scope',
    method: 'POST',
    url: (c) => `${PC}/${c.self.id}`,
    body: { client: { scopedRoles: [] }, updateMask: 'scopedRoles' },
  },
  {
    name: 'open its own source addresses',
    method: 'POST',
    url: (c) => `${PC}/${c.self.id}`,
    body: { client: { allowSourceCidr: ['0.0.0.0/0'] }, updateMask: 'allowSourceCidr' },
  },
  { name: "delete the user's other client", method: 'DELETE', url: (c) => `${PC}/${c.other.id}`, body: {} },
  { name: 'delete itself', method: 'DELETE', url: (c) => `${PC}/${c.self.id}`, body: {} },
  {
    name: 'make a client for its user through the admin route',
    method: 'POST',
    url: (c) => `/roster/v1/users/${c.userId}/personal_clients`,
    body: { displayName: 'made by admin route' },
  },
  {
    name: 'create a SCIM connection',
    method: 'POST',
    url: () => '/roster/v1/scim/connections',
    body: { displayName: 'IdP' },
  },
  {
    name: "rotate a SCIM connection's token",
    method: 'POST',
    url: (_c, w) => `/roster/v1/scim/connections/${w.scimConnectionId}/token`,
    body: {},
  },
  {
    name: "revoke a SCIM connection's token",
    method: 'DELETE',
    url: (_c, w) => `/roster/v1/scim/connections/${w.scimConnectionId}/token`,
    body: {},
  },
  {
    name: 'create a webhook',
    method: 'POST',
    url: () => '/roster/v1/webhooks',
    body: { url: 'https://example.com/hook', eventTypes: ['grant.added'] },
  },
  {
    name: "point a webhook's signed deliveries elsewhere",
    method: 'POST',
    url: (_c, w) => `/roster/v1/webhooks/${w.webhookId}`,
    body: { url: 'https://attacker.example/hook' },
  },
  {
    name: "rotate a webhook's signing secret",
    method: 'POST',
    url: (_c, w) => `/roster/v1/webhooks/${w.webhookId}/secret`,
    body: {},
  },
];

describe.each(DIALECTS)('who may change a credential on %s', (dialect) => {
  let t: TestApp;
  let world: World;
  /** Read-only callers: a Super Admin's client scoped to Read-Only Admin, and a Read-Only Admin's own. */
  let readOnly: { name: string; caller: Caller }[];

  /** An API client of `userId` made by the admin, with a token for it. */
  async function clientOf(userId: string, scopedRoles: string[] = []) {
    const made = await t.request('POST', `/roster/v1/users/${userId}/personal_clients`, {
      displayName: 'client',
      scopedRoles,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const issued = await requestToken(t, made.body.client.clientId, made.body.clientSecret);
    expect(issued.status).toBe(200);
    return { client: made.body.client as { id: string }, token: issued.body.access_token as string };
  }

  /** A user with `roles`, an unscoped client of theirs, and a client scoped to `scope` to call with. */
  async function callerWith(roles: string[], scope: string[]): Promise<Caller> {
    const main = await createCaller(t, roles);
    const acting = await clientOf(main.user.id, scope);
    return { userId: main.user.id, self: acting.client, other: main.client, token: acting.token };
  }

  /** Every row of the tables holding credentials, and the system log that records their changes. */
  async function credentialRows() {
    const all = async (table: 'api_clients' | 'scim_connections' | 'webhook_subscriptions' | 'users') =>
      (await t.db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
    const logged = await t.db
      .selectFrom('system_log_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return {
      api_clients: await all('api_clients'),
      scim_connections: await all('scim_connections'),
      webhook_subscriptions: await all('webhook_subscriptions'),
      users: await all('users'),
      system_log_events: Number(logged.n),
    };
  }

  const send = (request: CredentialRequest, caller: Caller, token: string) =>
    t.request(request.method, request.url(caller, world), request.body, { token });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const connection = await t.request('POST', '/roster/v1/scim/connections', { displayName: 'Okta' });
    expect(connection.status, JSON.stringify(connection.body)).toBe(200);
    const webhook = await t.request('POST', '/roster/v1/webhooks', {
      url: 'https://example.com/hook',
      eventTypes: ['grant.added'],
    });
    expect(webhook.status, JSON.stringify(webhook.body)).toBe(200);
    world = { scimConnectionId: connection.body.connection.id, webhookId: webhook.body.webhook.id };
    readOnly = [
      {
        name: "a Super Admin's client scoped to Read-Only Admin",
        caller: await callerWith([ROLES.superAdmin], [ROLES.readOnlyAdmin]),
      },
      { name: "a Read-Only Admin's own client", caller: await callerWith([ROLES.readOnlyAdmin], []) },
    ];
  });
  afterAll(() => t.close());

  it.each(REQUESTS)(
    'a read-only caller cannot $name, and nothing it asked for is stored',
    async (request) => {
      for (const { name, caller } of readOnly) {
        const before = await credentialRows();
        const response = await send(request, caller, caller.token);
        expectError(response, 403, 7, 'PERMISSION_DENIED');
        expect(response.body.message, name).toContain('permission');
        expect(await credentialRows(), name).toEqual(before);
        // The caller still reads: the refusal is of the write, not of the caller.
        expect(
          (await t.request('GET', `${PC}/${caller.self.id}`, undefined, { token: caller.token })).status,
        ).toBe(200);
      }
    },
  );

  it('tells a read-only client so when it introspects', async () => {
    for (const { name, caller } of readOnly) {
      const seen = (await t.request('GET', '/api/v1/auth/introspect', undefined, { token: caller.token }))
        .body;
      expect(seen.permissions, name).toContain('clients:own');
      expect(seen.permissions, name).not.toContain('clients:own:write');
    }
  });

  it('refuses, naming scopedRoles, a scoped client that asks to drop its scope, and changes nothing', async () => {
    // A client scoped to App Admin may manage its user's clients, but an empty scope means "all of the
    // user's roles", wider than it acts with: the request is refused rather than answered 200.
    const caller = await callerWith([ROLES.superAdmin], [ROLES.appAdmin]);
    const url = `${PC}/${caller.self.id}`;
    for (const body of [
      { client: { scopedRoles: [] }, updateMask: 'scopedRoles' },
      { client: {}, updateMask: 'scopedRoles' },
      { client: { scopedRoles: [] } },
    ]) {
      const before = await credentialRows();
      const refused = await t.request('POST', url, body, { token: caller.token });
      expectError(refused, 400, 3, 'FIELD_NOT_CHANGEABLE', { field: 'scopedRoles' });
      expect(refused.body.message).toContain('scopedRoles');
      expect(await credentialRows()).toEqual(before);
    }
    const stored = await t.db
      .selectFrom('api_clients')
      .select('scoped_roles')
      .where('id', '=', caller.self.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.scoped_roles)).toContain(ROLES.appAdmin);
    // What it may do still works: rename itself, keep its scope, and echo back an unscoped client.
    const renamed = await t.request(
      'POST',
      url,
      { client: { displayName: 'renamed', scopedRoles: [ROLES.appAdmin] } },
      { token: caller.token },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.client).toMatchObject({ displayName: 'renamed', scopedRoles: [ROLES.appAdmin] });
    const other = (await t.request('GET', `${PC}/${caller.other.id}`, undefined, { token: caller.token }))
      .body.client;
    const echoed = await t.request(
      'POST',
      `${PC}/${caller.other.id}`,
      { client: { ...other } },
      { token: caller.token },
    );
    expect(echoed.status, JSON.stringify(echoed.body)).toBe(200);
    expect(echoed.body.client.scopedRoles).toEqual([]);
  });

  it("keeps a client scoped to App Admin from renaming or deleting its user's wider clients", async () => {
    const caller = await callerWith([ROLES.superAdmin], [ROLES.appAdmin]);
    const narrow = await clientOf(caller.userId, [ROLES.appAdmin]);
    const before = await credentialRows();
    for (const [method, body] of [
      ['POST', { client: { displayName: 'Renamed' }, updateMask: 'displayName' }],
      ['DELETE', {}],
    ] as const) {
      const refused = await t.request(method, `${PC}/${caller.other.id}`, body, { token: caller.token });
      expectError(refused, 403, 7, 'SCOPE_EXCEEDS_CALLER');
    }
    expect(await credentialRows()).toEqual(before);
    // A client no wider than itself it may rename and delete.
    const renamed = await t.request(
      'POST',
      `${PC}/${narrow.client.id}`,
      { client: { displayName: 'Renamed' }, updateMask: 'displayName' },
      { token: caller.token },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await t.request('DELETE', `${PC}/${narrow.client.id}`, {}, { token: caller.token })).status).toBe(
      200,
    );
  });

  it('lets a caller that may write make every one of these changes, so the refusals mean something', async () => {
    const caller = await callerWith([ROLES.superAdmin], []);
    // Deleting itself last, so the requests before it still have a client to act through.
    const last = (r: CredentialRequest) => (r.name === 'delete itself' ? 1 : 0);
    for (const request of [...REQUESTS].sort((a, b) => last(a) - last(b))) {
      const response = await send(request, caller, caller.token);
      expect(response.status, `${request.name}: ${JSON.stringify(response.body)}`).toBe(200);
    }
  });
});
