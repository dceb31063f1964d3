import fs from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate, writeCertificate } from '../src/cli/self-signed.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/lib/logger.js';
import { createApp, createEntitlement, createUser } from './fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from './harness.js';

function call(
  port: number,
  ca: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = https.request({ host: '127.0.0.1', port, method, path: url, headers, ca }, (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe.each(DIALECTS)('HTTPS and secret hygiene on %s', (dialect) => {
  let t: TestApp;
  let cert: { certPath: string; keyPath: string; cert: string };
  let logText = '';

  beforeAll(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-tls-'));
    const pair = await createSelfSignedCertificate(['localhost', '127.0.0.1']);
    cert = { ...(await writeCertificate(dir, pair)), cert: pair.cert };
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logText += chunk;
        done();
      },
    });
    t = await startTestApp(dialect, {
      env: {
        ROSTER_TLS_CERT: cert.certPath,
        ROSTER_TLS_KEY: cert.keyPath,
        ROSTER_PUBLIC_URL: 'https://127.0.0.1',
      },
      logger: createLogger('trace', sink),
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  it('writes the key with mode 0600 and validates the pair in config', async () => {
    expect((await fs.stat(cert.keyPath)).mode & 0o777).toBe(0o600);
    expect(() => loadConfig({ ROSTER_TLS_CERT: cert.certPath })).toThrow(/must be set together/);
    expect(() => loadConfig({ ROSTER_TLS_CERT: cert.keyPath, ROSTER_TLS_KEY: cert.keyPath })).toThrow(
      /not a PEM certificate/,
    );
  });

  it('completes the client-credentials flow and an add-manual-user call over TLS', async () => {
    const { port } = t.app.server.address() as { port: number };
    const [, , , encoded] = t.credentials.clientSecret.split(':');
    const key = await importJWK(JSON.parse(atob(encoded as string)), 'EdDSA');
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', nonce: '0123456789abcdef0123456789abcdef' })
      .setIssuer(t.credentials.clientId)
      .setSubject(t.credentials.clientId)
      .setAudience(['127.0.0.1'])
      .setIssuedAt(now)
      .setNotBefore(now - 120)
      .setExpirationTime(now + 120)
      .sign(key);
    const form = new URLSearchParams({
      client_id: t.credentials.clientId,
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }).toString();
    const token = await call(
      port,
      cert.cert,
      'POST',
      '/auth/v1/token',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
      form,
    );
    expect(token.status, JSON.stringify(token.body)).toBe(200);

    const app = await createApp(t);
    const entitlement = await createEntitlement(t, app.id);
    const user = await createUser(t);
    const added = await call(
      port,
      cert.cert,
      'POST',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/add-manual-user`,
      { authorization: `Bearer ${token.body.access_token}`, 'content-type': 'application/json' },
      JSON.stringify({ userIds: [user.id] }),
    );
    expect(added.status).toBe(200);
    expect(added.body.failedUsersErrorMap).toEqual({});
    await t.drainBulkActions();
    const grants = await t.db
      .selectFrom('grants')
      .selectAll()
      .where('app_entitlement_id', '=', entitlement.id)
      .execute();
    expect(grants).toHaveLength(1);

    // Nothing secret reached the log, though every request was logged at trace level.
    expect(logText).toContain('incoming request');
    expect(logText).not.toContain(token.body.access_token);
    expect(logText).not.toContain(encoded);
    expect(logText).not.toContain(assertion.split('.')[2]);
  });

  it('refuses plain HTTP on the TLS port', async () => {
    const { port } = t.app.server.address() as { port: number };
    const failed = await fetch(`http://127.0.0.1:${port}/api/v1/apps`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(failed).not.toBe(200);
  });
});
