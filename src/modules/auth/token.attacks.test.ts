import { generateKeyPair, importJWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES, requestToken } from '../../../test/identity-fixtures.js';
import { generateClientKey } from './client-secret.js';

/** Attacks on POST /auth/v1/token (issue 3 point 6), each refused in OAuth form and logged. */
describe.each(DIALECTS)('token endpoint hardening on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());
  // Each test starts with fresh failure windows: the admin client collects failures on purpose.
  beforeEach(() => t.clock.advance(61_000));

  const privateKey = () =>
    importJWK(JSON.parse(atob(t.credentials.clientSecret.split(':')[3] as string)), 'EdDSA');

  async function assertion(
    claims: Partial<JWTPayload> = {},
    alg = 'EdDSA',
    key?: Parameters<SignJWT['sign']>[0],
  ) {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    return new SignJWT({
      iss: t.credentials.clientId,
      sub: t.credentials.clientId,
      aud: [t.config.publicUrl.hostname],
      iat: now,
      nbf: now - 120,
      exp: now + 120,
      ...claims,
    })
      .setProtectedHeader({ alg, nonce: crypto.randomUUID().replace(/-/g, '') } as { alg: string })
      .sign(key ?? (await privateKey()));
  }

  async function post(
    payload: string,
    contentType = 'application/x-www-form-urlencoded',
    remoteAddress = '127.0.0.1',
  ) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/v1/token',
      remoteAddress,
      headers: { 'content-type': contentType },
      payload,
    });
    return { status: response.statusCode, body: JSON.parse(response.body), headers: response.headers };
  }

  const form = (clientAssertion: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: t.credentials.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion,
      ...extra,
    }).toString();

  const expectOAuth = (r: { status: number; body: unknown }, status: number, error: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body).toEqual({ error, error_description: expect.any(String) });
  };

  it('refuses alg none, RSA and ECDSA assertions', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const none = new UnsecuredJWT({ iss: t.credentials.clientId, sub: t.credentials.clientId, exp: now + 60 })
      .setAudience([t.config.publicUrl.hostname])
      .encode();
    expectOAuth(await post(form(none)), 401, 'invalid_client');
    const rsa = await generateKeyPair('RS256');
    expectOAuth(await post(form(await assertion({}, 'RS256', rsa.privateKey))), 401, 'invalid_client');
    const ec = await generateKeyPair('ES256');
    expectOAuth(await post(form(await assertion({}, 'ES256', ec.privateKey))), 401, 'invalid_client');
  });

  it('refuses wrong issuer or subject, future iat or nbf, expired, exp-less and long-lived assertions', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const cases: Partial<JWTPayload>[] = [
      { sub: 'someone-else@roster.test/pcc' },
      { iss: 'someone-else@roster.test/pcc' },
      { iat: now + 600 },
      { nbf: now + 600 },
      { exp: now - 600, iat: now - 700, nbf: now - 800 },
      { exp: now + 3600 },
      { aud: ['evil.example'] },
    ];
    for (const claims of cases) {
      expectOAuth(await post(form(await assertion(claims))), 401, 'invalid_client');
    }
    const noExp = await new SignJWT({ iss: t.credentials.clientId, sub: t.credentials.clientId, iat: now })
      .setAudience([t.config.publicUrl.hostname])
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(await privateKey());
    expectOAuth(await post(form(noExp)), 401, 'invalid_client');
    // Within the 60 s skew both ways is fine.
    expect((await post(form(await assertion({ iat: now + 30, nbf: now + 30 })))).status).toBe(200);
  });

  it('refuses a replayed assertion, even from another address', async () => {
    const once = await assertion();
    expect((await post(form(once))).status).toBe(200);
    expectOAuth(await post(form(once), undefined, '192.0.2.7'), 401, 'invalid_client');
  });

  it('refuses JSON bodies, repeated fields, malformed secrets and unknown grant types', async () => {
    const body = { grant_type: 'client_credentials', client_id: t.credentials.clientId, client_secret: 'x' };
    expectOAuth(await post(JSON.stringify(body), 'application/json'), 400, 'invalid_request');
    expectOAuth(await post(`${form(await assertion())}&client_id=other`), 400, 'invalid_request');
    expect((await post('%%%=&&', 'application/x-www-form-urlencoded')).status).toBe(400);
    const prefix = 'secret-token:conductorone.com:v1:';
    for (const secret of ['', 'nonsense', prefix, `${prefix}!!!`, `${prefix}${btoa('{"kty":"OKP"}')}`]) {
      const r = await requestToken(t, t.credentials.clientId, secret);
      expectOAuth(r, 401, 'invalid_client');
    }
    expectOAuth(
      await post(form(await assertion(), { grant_type: 'password' })),
      400,
      'unsupported_grant_type',
    );
  });

  it('refuses deleted and expired clients, and clients used from outside their CIDRs', async () => {
    const caller = await createCaller(t, [ROLES.readOnlyAdmin], { expires: '60s' });
    t.clock.advance(61_000);
    expectOAuth(await requestToken(t, caller.client.clientId, caller.clientSecret), 401, 'invalid_client');
    const fenced = await createCaller(
      t,
      [ROLES.readOnlyAdmin],
      { allowSourceCidr: ['198.51.100.0/24'] },
      '198.51.100.9',
    );
    expectOAuth(
      await requestToken(t, fenced.client.clientId, fenced.clientSecret, '203.0.113.1'),
      401,
      'invalid_client',
    );
    expect(
      (await requestToken(t, fenced.client.clientId, fenced.clientSecret, '::ffff:198.51.100.10')).status,
    ).toBe(200);
  });

  it('answers 429 in OAuth form after too many failures for a client from one address, then recovers', async () => {
    const caller = await createCaller(t, [ROLES.readOnlyAdmin]);
    const wrong = generateClientKey().secret;
    for (let i = 0; i < 10; i++) {
      expectOAuth(await requestToken(t, caller.client.clientId, wrong, '192.0.2.7'), 401, 'invalid_client');
    }
    // From that address the right secret is refused too while locked out: guessing stays bounded...
    const locked = await requestToken(t, caller.client.clientId, caller.clientSecret, '192.0.2.7');
    expectOAuth(locked, 429, 'temporarily_unavailable');
    // ...but someone who merely knows the client ID cannot lock its owner out from elsewhere.
    expect((await requestToken(t, caller.client.clientId, caller.clientSecret, '192.0.2.200')).status).toBe(
      200,
    );
    t.clock.advance(61_000);
    expect((await requestToken(t, caller.client.clientId, caller.clientSecret, '192.0.2.7')).status).toBe(
      200,
    );
  });

  it('answers 429 after too many failures from one address, whatever client it names', async () => {
    for (let i = 0; i < 30; i++) {
      const r = await requestToken(t, `nobody-${i}@roster.test/pcc`, 'wrong', '198.18.0.1');
      expectOAuth(r, 401, 'invalid_client');
    }
    const r = await post(form(await assertion()), undefined, '198.18.0.1');
    expectOAuth(r, 429, 'temporarily_unavailable');
    expect(r.headers['retry-after']).toBe('60');
    expect((await post(form(await assertion()), undefined, '198.18.0.2')).status).toBe(200);
    t.clock.advance(61_000);
  });

  it('logs every issue and refusal, without secrets or assertions', async () => {
    const events = await t.db.selectFrom('system_log_events').select('event').execute();
    const text = events.map((e) => e.event).join('\n');
    const operations = events.map((e) => JSON.parse(e.event).api?.operation ?? JSON.parse(e.event).operation);
    expect(text).toContain('token.refused');
    expect(text).toContain('token.issued');
    expect(operations.length).toBeGreaterThan(50);
    expect(text).not.toContain(t.credentials.clientSecret.split(':')[3]);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\./);
  });
});
