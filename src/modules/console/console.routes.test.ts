import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES, tableCounts } from '../../../test/identity-fixtures.js';
import { generateClientKey } from '../auth/index.js';

describe.each(DIALECTS)('console sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, {
      env: { ROSTER_CONSOLE_IDLE_MINUTES: '30', ROSTER_CONSOLE_SESSION_HOURS: '2' },
    });
  });
  afterAll(() => t.close());

  async function signIn(clientId: string, clientSecret: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/console/api/session',
      payload: { clientId, clientSecret },
    });
    const cookie = response.cookies.find((c) => c.name === 'roster_session');
    return { response, body: response.json(), cookie };
  }

  /** A request made the way the console makes it: the cookie, and the CSRF header on changes. */
  async function call(
    cookie: string,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    csrf?: string,
  ) {
    const response = await t.app.inject({
      method,
      url,
      cookies: { roster_session: cookie },
      headers: csrf ? { 'x-csrf-token': csrf } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.json() };
  }

  it('signs in with an API client secret into an HttpOnly, SameSite=Strict cookie and no token in the body', async () => {
    const { response, body, cookie } = await signIn(t.credentials.clientId, t.credentials.clientSecret);
    expect(response.statusCode, response.body).toBe(200);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Served over http here; Secure is set when the public URL is https.
    expect(cookie?.secure).toBeFalsy();
    expect(body).toMatchObject({
      method: 'client_secret',
      roleIds: [ROLES.superAdmin],
      csrfToken: expect.any(String),
      idleMinutes: 30,
    });
    expect(JSON.stringify(body)).not.toContain(cookie?.value);
    const stored = await t.db.selectFrom('console_sessions').selectAll().execute();
    // Only the cookie's hash is kept.
    expect(stored.some((s) => s.id === cookie?.value)).toBe(false);
    const events = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('event', 'like', '%console.signed_in%')
      .execute();
    expect(events.length).toBeGreaterThan(0);
  });

  it('refuses a wrong secret with the API error and no cookie', async () => {
    const { response, cookie } = await signIn(t.credentials.clientId, generateClientKey().secret);
    expectError({ status: response.statusCode, body: response.json() }, 401, 16, 'SIGN_IN_REFUSED');
    expect(cookie).toBeUndefined();
  });

  it('calls the API with the session; a change needs the CSRF header and is logged with the person as actor', async () => {
    const { body, cookie } = await signIn(t.credentials.clientId, t.credentials.clientSecret);
    const value = cookie?.value ?? '';
    expect((await call(value, 'GET', '/api/v1/apps')).status).toBe(200);

    const before = await tableCounts(t);
    const forged = await call(value, 'POST', '/api/v1/apps', { displayName: 'Forged' });
    expectError(forged, 403, 7, 'CSRF_TOKEN_INVALID');
    const wrong = await call(value, 'POST', '/api/v1/apps', { displayName: 'Forged' }, 'not-the-token');
    expectError(wrong, 403, 7, 'CSRF_TOKEN_INVALID');
    expect(await tableCounts(t)).toEqual(before);

    const made = await call(
      value,
      'POST',
      '/api/v1/apps',
      { displayName: 'Made in the console' },
      body.csrfToken,
    );
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const event = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('target_id', '=', made.body.app.id)
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBe(body.user.id);
  });

  it('lets a Read-Only Admin read but refuses their change even with the CSRF token', async () => {
    const reader = await createCaller(t, [ROLES.readOnlyAdmin]);
    const { body, cookie } = await signIn(reader.client.clientId, reader.clientSecret);
    expect(body.permissions).not.toContain('apps:write');
    const value = cookie?.value ?? '';
    expect((await call(value, 'GET', '/api/v1/apps')).status).toBe(200);
    const before = await tableCounts(t);
    const refused = await call(value, 'POST', '/api/v1/apps', { displayName: 'Nope' }, body.csrfToken);
    expectError(refused, 403, 7, 'PERMISSION_DENIED');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('signs out: the cookie no longer works, and sign-out itself needs the CSRF token', async () => {
    const { body, cookie } = await signIn(t.credentials.clientId, t.credentials.clientSecret);
    const value = cookie?.value ?? '';
    expectError(await call(value, 'DELETE', '/console/api/session'), 403, 7, 'CSRF_TOKEN_INVALID');
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/console/api/session',
      cookies: { roster_session: value },
      headers: { 'x-csrf-token': body.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'roster_session')?.value).toBe('');
    expectError(await call(value, 'GET', '/api/v1/apps'), 401, 16, 'SESSION_INVALID');
  });

  it('ends the session of a person whose API client is deleted', async () => {
    const caller = await createCaller(t, [ROLES.superAdmin]);
    const { cookie } = await signIn(caller.client.clientId, caller.clientSecret);
    const deleted = await t.request(
      'DELETE',
      `/api/v1/iam/personal_clients/${caller.client.id}`,
      {},
      {
        token: caller.token,
      },
    );
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    t.container.tokens.forgetClient(caller.client.id);
    expectError(await call(cookie?.value ?? '', 'GET', '/api/v1/apps'), 401, 16, 'SESSION_REVOKED');
  });

  it('resolves pasted lines through the users resolve route with the session and its CSRF token', async () => {
    const ada = await createUser(t, { email: 'ada@example.test' });
    const { body, cookie } = await signIn(t.credentials.clientId, t.credentials.clientSecret);
    const value = cookie?.value ?? '';
    const inputs = ['ADA@example.test', 'nobody@example.test'];
    expectError(
      await call(value, 'POST', '/roster/v1/users/resolve', { inputs }),
      403,
      7,
      'CSRF_TOKEN_INVALID',
    );
    const response = await call(value, 'POST', '/roster/v1/users/resolve', { inputs }, body.csrfToken);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      people: [
        {
          input: 'ADA@example.test',
          userId: ada.id,
          displayName: ada.displayName,
          email: 'ada@example.test',
        },
      ],
      unresolved: [{ input: 'nobody@example.test', reason: 'no Roster user has this email' }],
    });
    // The console's own route is gone: there is one way from emails to users.
    expectError(
      await call(value, 'POST', '/console/api/resolve-people', { lines: inputs }, body.csrfToken),
      404,
      5,
      'ROUTE_NOT_FOUND',
    );
  });

  it('redirects / to the console and tells the sign-in page no identity provider is set up', async () => {
    const root = await t.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/console/');
    const options = await t.app.inject({ method: 'GET', url: '/console/api/options' });
    expect(options.json()).toEqual({
      oidc: false,
      idleMinutes: 30,
      credentialsFile: path.join(t.config.dataDir, 'admin-credentials.json'),
    });
    const start = await t.app.inject({ method: 'GET', url: '/console/auth/oidc/start' });
    expect(start.statusCode).toBe(404);
    expect(start.body).toContain('Single sign-on is not set up');
  });
  it('ends a session after the idle time, and after the absolute time however used', async () => {
    const idle = await signIn(t.credentials.clientId, t.credentials.clientSecret);
    const idleCookie = idle.cookie?.value ?? '';
    t.clock.advance(29 * 60_000);
    expect((await call(idleCookie, 'GET', '/console/api/session')).status).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await call(idleCookie, 'GET', '/api/v1/apps')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expectError(await call(idleCookie, 'GET', '/api/v1/apps'), 401, 16, 'SESSION_EXPIRED');
    expectError(await call(idleCookie, 'GET', '/api/v1/apps'), 401, 16, 'SESSION_INVALID');

    const busy = await signIn(t.credentials.clientId, t.credentials.clientSecret);
    const busyCookie = busy.cookie?.value ?? '';
    for (let minutes = 0; minutes < 100; minutes += 20) {
      t.clock.advance(20 * 60_000);
      expect((await call(busyCookie, 'GET', '/console/api/session')).status).toBe(200);
    }
    t.clock.advance(25 * 60_000);
    expectError(await call(busyCookie, 'GET', '/console/api/session'), 401, 16, 'SESSION_EXPIRED');
  });
});
