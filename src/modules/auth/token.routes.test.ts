import fs from 'node:fs/promises';
import path from 'node:path';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { bootstrapAdminClient } from './bootstrap.js';

/** Reads a client secret the way the TypeScript SDK does: split on ':', atob, importJWK. */
async function sdkSigningKey(secret: string) {
  const [scheme, issuer, version, encoded] = secret.split(':');
  expect([scheme, issuer, version]).toEqual(['secret-token', 'conductorone.com', 'v1']);
  const jwk = JSON.parse(globalThis.atob(encoded as string));
  return importJWK(jwk, 'EdDSA');
}

/** A client assertion shaped exactly as the SDKs send it (CONTRACT.md §2). */
async function sdkAssertion(
  t: TestApp,
  overrides: {
    aud?: string[];
    iss?: string;
    expInSeconds?: number;
    key?: Parameters<SignJWT['sign']>[0];
  } = {},
) {
  const now = Math.floor(t.clock.now().getTime() / 1000);
  const key = overrides.key ?? (await sdkSigningKey(t.credentials.clientSecret));
  return new SignJWT({})
    .setProtectedHeader({
      alg: 'EdDSA',
      nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex'),
    })
    .setIssuer(overrides.iss ?? t.credentials.clientId)
    .setSubject(overrides.iss ?? t.credentials.clientId)
    .setAudience(overrides.aud ?? [new URL(t.config.publicUrl).hostname])
    .setIssuedAt(now)
    .setNotBefore(now - 120)
    .setExpirationTime(now + (overrides.expInSeconds ?? 120))
    .sign(key);
}

function tokenForm(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}

async function postToken(t: TestApp, fields: Record<string, string>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/auth/v1/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: tokenForm(fields),
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

const assertionFields = (t: TestApp, assertion: string) => ({
  client_id: t.credentials.clientId,
  grant_type: 'client_credentials',
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: assertion,
});

describe.each(DIALECTS)('token endpoint and bearer auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('writes the bootstrap credentials file with mode 0600 and a pcc client ID', async () => {
    const file = path.join(t.config.dataDir, 'admin-credentials.json');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(t.credentials.clientId).toMatch(/^roster-admin-\d{5}@roster\.test:8080\/pcc$/);
    // Both SDKs accept unpadded base64 made only of [A-Za-z0-9] (CONTRACT.md §2).
    expect(t.credentials.clientSecret).toMatch(/^secret-token:conductorone\.com:v1:[A-Za-z0-9]+$/);
    const stored = await t.db.selectFrom('api_clients').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(t.credentials.clientSecret.split(':')[3]);
  });

  it('finishes a credentials file left partial by a process that died after its commit, and drops one whose client never committed', async () => {
    const file = path.join(t.config.dataDir, 'admin-credentials.json');
    const partial = `${file}.partial`;
    const written = await fs.readFile(file, 'utf8');
    const deps = {
      db: t.db,
      dialect: t.container.database.dialect,
      clock: t.clock,
      systemLog: t.container.systemLog,
      users: t.container.users,
      publicHost: t.config.publicUrl.host,
      dataDir: t.config.dataDir,
    };
    // Committed, not yet renamed: the next start renames it and creates no second client.
    await fs.rename(file, partial);
    expect(await bootstrapAdminClient(deps)).toBeUndefined();
    expect(await fs.readFile(file, 'utf8')).toBe(written);
    await expect(fs.stat(partial)).rejects.toMatchObject({ code: 'ENOENT' });
    // A partial file naming a client that is not stored is removed; the real file stays.
    await fs.writeFile(
      partial,
      JSON.stringify({ clientId: 'roster-admin-00000@nowhere/pcc', clientSecret: 'x' }),
    );
    expect(await bootstrapAdminClient(deps)).toBeUndefined();
    await expect(fs.stat(partial)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readFile(file, 'utf8')).toBe(written);
    expect(await t.db.selectFrom('api_clients').select('id').execute()).toHaveLength(1);
  });

  it('issues a token for the SDK client assertion flow, and the token works', async () => {
    const { status, body } = await postToken(t, assertionFields(t, await sdkAssertion(t)));
    expect(status).toBe(200);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3900);
    expect(body.access_token).not.toMatch(/^bearer/i);
    const users = await t.request('GET', '/api/v1/users', undefined, { token: body.access_token });
    expect(users.status).toBe(200);
    expect(users.body.list.map((v: { user: { displayName: string } }) => v.user.displayName)).toContain(
      'Roster Admin',
    );
    const issued = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('activity', '=', 'token.issued')
      .execute();
    expect(issued.length).toBeGreaterThanOrEqual(1);
  });

  it('follows the SDK flow end to end: assertion → token → add-manual-user', async () => {
    const { body } = await postToken(t, assertionFields(t, await sdkAssertion(t)));
    const token = body.access_token as string;
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const user = await createUser(t);
    const added = await t.request(
      'POST',
      `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
      { userIds: [user.id] },
      { token },
    );
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ bulkActionId: expect.any(String), failedUsersErrorMap: {} });
    await t.drainBulkActions();
    const grant = await t.db
      .selectFrom('grants')
      .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
      .select(['grants.bulk_action_id', 'app_users.identity_user_id'])
      .where('grants.app_entitlement_id', '=', entitlementId)
      .executeTakeFirstOrThrow();
    expect(grant).toEqual({ bulk_action_id: added.body.bulkActionId, identity_user_id: user.id });
  });

  it('accepts an assertion once', async () => {
    const assertion = await sdkAssertion(t);
    expect((await postToken(t, assertionFields(t, assertion))).status).toBe(200);
    const replay = await postToken(t, assertionFields(t, assertion));
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({
      error: 'invalid_client',
      error_description: 'client_assertion was already used',
    });
  });

  it('refuses assertions for another audience, too long a lifetime, an unknown client or a foreign key', async () => {
    const wrongAudience = await postToken(
      t,
      assertionFields(t, await sdkAssertion(t, { aud: ['evil.example'] })),
    );
    expect(wrongAudience.status).toBe(401);
    const longLived = await postToken(t, assertionFields(t, await sdkAssertion(t, { expInSeconds: 3600 })));
    expect(longLived.status).toBe(401);
    const { privateKey } = await generateKeyPair('EdDSA');
    const foreign = await postToken(t, assertionFields(t, await sdkAssertion(t, { key: privateKey })));
    expect(foreign.status).toBe(401);
    const unknown = await sdkAssertion(t, { iss: 'nobody@roster.test/pcc' });
    const unknownClient = await postToken(t, {
      ...assertionFields(t, unknown),
      client_id: 'nobody@roster.test/pcc',
    });
    expect(unknownClient.status).toBe(401);
    expect(unknownClient.body.error).toBe('invalid_client');
    const refused = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('activity', '=', 'token.refused')
      .execute();
    expect(refused.length).toBeGreaterThanOrEqual(4);
    for (const event of refused) expect(event.event).not.toContain('secret-token');
  });

  it('refuses an HMAC assertion keyed with the public key (algorithm confusion)', async () => {
    const client = await t.db.selectFrom('api_clients').select('public_key_x').executeTakeFirstOrThrow();
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(t.credentials.clientId)
      .setSubject(t.credentials.clientId)
      .setAudience('roster.test')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(client.public_key_x));
    const result = await postToken(t, assertionFields(t, forged));
    expect(result.status).toBe(401);
    expect(result.body.error).toBe('invalid_client');
  });

  it('issues a token for client_secret in the form body, and refuses a wrong secret', async () => {
    const ok = await postToken(t, {
      grant_type: 'client_credentials',
      client_id: t.credentials.clientId,
      client_secret: t.credentials.clientSecret,
    });
    expect(ok.status).toBe(200);
    const other = await postToken(t, {
      grant_type: 'client_credentials',
      client_id: t.credentials.clientId,
      client_secret: 'secret-token:conductorone.com:v1:bm90LWEta2V5',
    });
    expect(other.status).toBe(401);
    expect(other.body.error).toBe('invalid_client');
  });

  it('answers malformed token requests in OAuth form', async () => {
    const grant = await postToken(t, { grant_type: 'password', client_id: t.credentials.clientId });
    expect(grant).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' },
    });
    const neither = await postToken(t, { grant_type: 'client_credentials' });
    expect(neither.status).toBe(400);
    expect(neither.body.error).toBe('invalid_request');
    const garbage = await postToken(t, assertionFields(t, 'not-a-jwt'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toBe('invalid_request');
  });

  it('refuses missing, malformed, forged and expired bearer tokens with 401 in the API error format', async () => {
    const missing = await t.request('GET', '/api/v1/users', undefined, { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      code: 16,
      details: [{ reason: 'TOKEN_MISSING', domain: 'roster' }],
    });

    const malformed = await t.request('GET', '/api/v1/users', undefined, {
      token: null,
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(401);
    expect(malformed.body.details[0].reason).toBe('TOKEN_MALFORMED');

    const now = Math.floor(t.clock.now().getTime() / 1000);
    const client = await t.db.selectFrom('api_clients').select('id').executeTakeFirstOrThrow();
    const forgedToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(t.config.publicUrl.origin)
      .setAudience('roster.test')
      .setSubject(client.id)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(new Uint8Array(32));
    const forged = await t.request('GET', '/api/v1/users', undefined, { token: forgedToken });
    expect(forged.status).toBe(401);
    expect(forged.body.details[0].reason).toBe('TOKEN_INVALID');

    const { body } = await postToken(t, assertionFields(t, await sdkAssertion(t)));
    expect((await t.request('GET', '/api/v1/users', undefined, { token: body.access_token })).status).toBe(
      200,
    );
    t.clock.advance(3901 * 1000);
    const expired = await t.request('GET', '/api/v1/users', undefined, { token: body.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body.details[0].reason).toBe('TOKEN_EXPIRED');
  });
});
