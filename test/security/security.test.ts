import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ADMIN_ROLE,
  clientPermissions,
  type Permission,
  permissionsOf,
  READ_ONLY_ADMIN_ROLE,
  SUPER_ADMIN_ROLE,
} from '../../src/lib/roles.js';
import { createApp, expectError } from '../fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../harness.js';
import { createCaller, ROLES, tableCounts } from '../identity-fixtures.js';
import { ROUTE_SAMPLES, type World } from './route-samples.js';
import { createWorld } from './world.js';

/**
 * The shared security suite (STYLE.md habit 9): every route under /api/v1 and /roster/v1, as
 * Fastify registered it, refuses each kind of bad caller with the right status and error body, and
 * the database is unchanged afterwards.
 */
interface Attack {
  readonly name: string;
  readonly status: 401 | 403;
  readonly reason: string;
  /** The Authorization header to send, or undefined for none. */
  readonly header: (c: Credentials) => string | undefined;
  /** Only routes whose permission the caller's role lacks; undefined = every route. */
  readonly lacking?: readonly Permission[];
}

interface Credentials {
  otherKey: string;
  expired: string;
  deletedClient: string;
  wrongSource: string;
  noRoles: string;
  readOnly: string;
  scopedReadOnly: string;
  otherAppAdmin: string;
}

const ATTACKS: Attack[] = [
  { name: 'no token', status: 401, reason: 'TOKEN_MISSING', header: () => undefined },
  {
    name: 'a malformed header',
    status: 401,
    reason: 'TOKEN_MALFORMED',
    header: () => 'Basic YWRtaW46YWRtaW4=',
  },
  {
    name: 'a token signed by another key',
    status: 401,
    reason: 'TOKEN_INVALID',
    header: (c) => `Bearer ${c.otherKey}`,
  },
  { name: 'an expired token', status: 401, reason: 'TOKEN_EXPIRED', header: (c) => `Bearer ${c.expired}` },
  {
    name: 'a deleted client',
    status: 401,
    reason: 'CLIENT_REVOKED',
    header: (c) => `Bearer ${c.deletedClient}`,
  },
  {
    name: 'a disallowed source address',
    status: 403,
    reason: 'SOURCE_ADDRESS_NOT_ALLOWED',
    header: (c) => `Bearer ${c.wrongSource}`,
  },
  {
    // Every signed-in person may ask for access and act on their own tasks (issue 19); nothing else.
    name: 'a user without roles',
    status: 403,
    reason: 'PERMISSION_DENIED',
    header: (c) => `Bearer ${c.noRoles}`,
    lacking: [...permissionsOf([]).permissions],
  },
  {
    name: 'a Read-Only Admin on a write',
    status: 403,
    reason: 'PERMISSION_DENIED',
    header: (c) => `Bearer ${c.readOnly}`,
    lacking: READ_ONLY_ADMIN_ROLE.permissions,
  },
  {
    // A scope narrows every permission, credential writes included (CONTRACT.md §7.10).
    name: "a Super Admin's client scoped to Read-Only Admin on a write",
    status: 403,
    reason: 'PERMISSION_DENIED',
    header: (c) => `Bearer ${c.scopedReadOnly}`,
    lacking: [...clientPermissions([SUPER_ADMIN_ROLE.id], [READ_ONLY_ADMIN_ROLE.id]).permissions],
  },
  {
    name: 'an App Admin of another app',
    status: 403,
    reason: 'PERMISSION_DENIED',
    header: (c) => `Bearer ${c.otherAppAdmin}`,
    lacking: APP_ADMIN_ROLE.permissions,
  },
];

describe.each(DIALECTS)('security of every API route on %s', (dialect) => {
  let t: TestApp;
  let world: World;
  let creds: Credentials;
  const routes = () => t.app.guardedRoutes.filter((r) => ROUTE_SAMPLES[`${r.method} ${r.url}`]);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    world = await createWorld(t);
    const deleted = await createCaller(t, [ROLES.superAdmin]);
    expect((await t.request('DELETE', `/api/v1/iam/personal_clients/${deleted.client.id}`, {})).status).toBe(
      200,
    );
    const wrongSource = await createCaller(
      t,
      [ROLES.superAdmin],
      { allowSourceCidr: ['10.0.0.0/8'] },
      '10.1.2.3',
    );
    const otherAppAdmin = await createCaller(t, [ROLES.appAdmin]);
    const otherApp = await createApp(t, { owners: [otherAppAdmin.user.id] });
    expect(otherApp.appOwners).toHaveLength(1);

    const admin = await t.db
      .selectFrom('api_clients')
      .selectAll()
      .where('client_id', '=', t.credentials.clientId)
      .executeTakeFirstOrThrow();
    const signingKey = await t.db.selectFrom('signing_keys').select('secret').executeTakeFirstOrThrow();
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const forge = (key: Uint8Array, exp: number) =>
      new SignJWT({ cid: admin.client_id })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(t.config.publicUrl.origin)
        .setAudience(t.config.publicUrl.hostname)
        .setSubject(admin.id)
        .setIssuedAt(exp - 3900)
        .setExpirationTime(exp)
        .sign(key);

    creds = {
      otherKey: await forge(crypto.getRandomValues(new Uint8Array(32)), now + 600),
      expired: await forge(new Uint8Array(Buffer.from(signingKey.secret, 'base64url')), now - 10),
      deletedClient: deleted.token,
      wrongSource: wrongSource.token,
      noRoles: (await createCaller(t, [])).token,
      readOnly: (await createCaller(t, [ROLES.readOnlyAdmin])).token,
      scopedReadOnly: (await createCaller(t, [ROLES.superAdmin], { scopedRoles: [ROLES.readOnlyAdmin] }))
        .token,
      otherAppAdmin: otherAppAdmin.token,
    };
  });
  afterAll(() => t.close());

  const send = (method: string, sample: { url: string; body?: unknown }, authorization: string | undefined) =>
    t.app.inject({
      method: method as 'GET',
      url: sample.url,
      remoteAddress: '127.0.0.1',
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(sample.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(sample.body !== undefined ? { payload: JSON.stringify(sample.body) } : {}),
    });

  it('has a sample request for every guarded route, and none for a route that does not exist', () => {
    const registered = t.app.guardedRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((key) => !ROUTE_SAMPLES[key]);
    expect(missing, 'add these to test/security/route-samples.ts').toEqual([]);
    const stale = Object.keys(ROUTE_SAMPLES).filter((key) => !registered.includes(key));
    expect(stale, 'these samples name no route').toEqual([]);
    expect(registered.length).toBeGreaterThan(40);
  });

  it.each(ATTACKS)('refuses $name on every route and changes nothing', async (attack) => {
    const before = await tableCounts(t);
    let checked = 0;
    for (const route of routes()) {
      if (attack.lacking && route.permission && attack.lacking.includes(route.permission)) continue;
      // Routes open to a narrower permission the attacker holds answer within that scope (tested beside them).
      if (attack.lacking && route.narrowedPermission && attack.lacking.includes(route.narrowedPermission))
        continue;
      const sample = (ROUTE_SAMPLES[`${route.method} ${route.url}`] as (w: World) => { url: string })(world);
      const response = await send(route.method, sample, attack.header(creds));
      const body = JSON.parse(response.body);
      expectError(
        { status: response.statusCode, body },
        attack.status,
        attack.status === 401 ? 16 : 7,
        attack.reason,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(attack.lacking ? 10 : 40);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('lets the Super Admin through on every route, so the samples reach their handlers', async () => {
    for (const route of routes()) {
      const sample = (ROUTE_SAMPLES[`${route.method} ${route.url}`] as (w: World) => { url: string })(world);
      const response = await send(route.method, sample, `Bearer ${t.token}`);
      expect([401, 403], `${route.method} ${route.url}: ${response.body}`).not.toContain(response.statusCode);
      // The system-log export answers JSON lines; everything else answers one JSON object.
      const first = response.body.split('\n')[0] || '{}';
      expect(JSON.parse(first).details?.[0]?.reason).not.toBe('ROUTE_NOT_FOUND');
    }
  });
});
