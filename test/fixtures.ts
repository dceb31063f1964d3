import { expect } from 'vitest';
import { newId } from '../src/lib/ids.js';
import type { TestApp } from './harness.js';

/**
 * Small builders over the HTTP API, so suites set up their world the way clients do. Each returns
 * the created wire object and fails the test unless the API answered 200.
 */

type Wire = any;

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function post(t: TestApp, url: string, body: unknown): Promise<Wire> {
  const response = await t.request('POST', url, body);
  expect(response.status, `POST ${url}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

/** A C1 user, through the Roster extension `POST /roster/v1/users`. */
export async function createUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Wire> {
  const name = unique('User');
  const email = `${name.replace(/\W+/g, '.').toLowerCase()}@example.test`;
  return (await post(t, '/roster/v1/users', { displayName: name, email, ...overrides })).user;
}

/** A manually managed app. */
export async function createApp(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Wire> {
  return (await post(t, '/api/v1/apps', { displayName: unique('App'), ...overrides })).app;
}

export async function createResourceType(
  t: TestApp,
  appId: string,
  overrides: Record<string, unknown> = {},
): Promise<Wire> {
  const body = { displayName: unique('Type'), resourceType: 'GROUP', ...overrides };
  return (await post(t, `/api/v1/apps/${appId}/resource_types`, body)).appResourceType;
}

export async function createResource(
  t: TestApp,
  appId: string,
  typeId: string,
  overrides: Record<string, unknown> = {},
): Promise<Wire> {
  const body = { displayName: unique('Resource'), ...overrides };
  return (await post(t, `/api/v1/apps/${appId}/resource_types/${typeId}/resources`, body)).appResource;
}

/** An entitlement of the app (manually managed, as everything in a manual app is). */
export async function createEntitlement(
  t: TestApp,
  appId: string,
  overrides: Record<string, unknown> = {},
): Promise<Wire> {
  const body = { displayName: unique('Entitlement'), ...overrides };
  return (await post(t, `/api/v1/apps/${appId}/entitlements`, body)).appEntitlementView.appEntitlement;
}

/**
 * A live grant of `entitlementId` to a new app user of `appId`, written straight to the tables, for
 * suites that need grants without going through add-manual-user and the bulk-action runner.
 */
export async function insertGrant(
  t: TestApp,
  appId: string,
  entitlementId: string,
): Promise<{ appUserId: string; grantId: string }> {
  const at = t.clock.now().toISOString();
  const appUserId = newId();
  const grantId = newId();
  await t.db
    .insertInto('app_users')
    .values({
      id: appUserId,
      app_id: appId,
      identity_user_id: '',
      display_name: `App user ${appUserId}`,
      email: '',
      username: '',
      app_user_type: 'APP_USER_TYPE_USER',
      status: 'STATUS_ENABLED',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await t.db
    .insertInto('grants')
    .values({
      id: grantId,
      app_id: appId,
      app_entitlement_id: entitlementId,
      app_user_id: appUserId,
      source: 'MANUAL',
      bulk_action_id: null,
      created_at: at,
      deprovision_at: null,
      deleted_at: null,
    })
    .execute();
  // The entitlement's stored count of unrevoked grants and the app's of holders (the app user is new),
  // which every grant write keeps.
  await moveMemberCount(t, entitlementId, 1);
  await moveHolderCount(t, appId, 1);
  return { appUserId, grantId };
}

/** Moves an entitlement's stored member count, as grant writes do, for grants written straight in. */
async function moveMemberCount(t: TestApp, entitlementId: string, delta: number): Promise<void> {
  await t.db
    .insertInto('entitlement_member_counts')
    .values({ app_entitlement_id: entitlementId, shard: 0, member_count: delta })
    .onConflict((oc) =>
      oc.columns(['app_entitlement_id', 'shard']).doUpdateSet((eb) => ({
        member_count: eb('entitlement_member_counts.member_count', '+', eb.ref('excluded.member_count')),
      })),
    )
    .execute();
}

/** Moves an app's stored count of app users holding a grant, as grant writes do. */
async function moveHolderCount(t: TestApp, appId: string, delta: number): Promise<void> {
  await t.db
    .insertInto('app_holder_counts')
    .values({ app_id: appId, holder_count: delta })
    .onConflict((oc) =>
      oc.column('app_id').doUpdateSet((eb) => ({
        holder_count: eb('app_holder_counts.holder_count', '+', eb.ref('excluded.holder_count')),
      })),
    )
    .execute();
}

/** An entitlement's stored count of unrevoked grants: the sum of its shard rows. */
export async function storedMemberCount(t: Pick<TestApp, 'db'>, entitlementId: string): Promise<number> {
  const row = await t.db
    .selectFrom('entitlement_member_counts')
    .select((eb) => eb.fn.sum<number>('member_count').as('n'))
    .where('app_entitlement_id', '=', entitlementId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many rows a table holds, to show that a refused request wrote nothing. */
export async function rowCount(
  t: Pick<TestApp, 'db'>,
  table: 'bulk_actions' | 'system_log_events' | 'grants' | 'grant_events',
): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Revokes a grant written by insertGrant straight in the tables, keeping its entitlement's count. */
export async function revokeInsertedGrant(t: TestApp, grantId: string): Promise<void> {
  const grant = await t.db
    .updateTable('grants')
    .set({ deleted_at: t.clock.now().toISOString() })
    .where('id', '=', grantId)
    .returning(['app_entitlement_id', 'app_id'])
    .executeTakeFirstOrThrow();
  await moveMemberCount(t, grant.app_entitlement_id, -1);
  // insertGrant's app user holds this one grant only.
  await moveHolderCount(t, grant.app_id, -1);
}

/** The ID of the app user that links `userId` to the app (the test knows there is one). */
export async function appUserIdOf(t: TestApp, appId: string, userId: string): Promise<string> {
  const row = await t.db
    .selectFrom('app_users')
    .select('id')
    .where('app_id', '=', appId)
    .where('identity_user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Asserts the error body of CONTRACT.md §7.1 with its HTTP status, gRPC code and reason. */
export function expectError(
  response: { status: number; body: unknown },
  status: number,
  code: number,
  reason: string,
  metadata: Record<string, string> = {},
): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toEqual({
    code,
    message: expect.any(String),
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason,
        domain: 'roster',
        metadata: expect.objectContaining(metadata),
      },
    ],
  });
}

/** 404 / code 5 naming the unknown ID. */
export const expectNotFound = (response: { status: number; body: unknown }, reason: string, id: string) =>
  expectError(response, 404, 5, reason, { id });

/**
 * Follows `nextPageToken` through a GET list with `page_size`, asserting each page's size, and
 * returns every item in the order served.
 */
export async function walkPages(t: TestApp, url: string, pageSize: number): Promise<Wire[]> {
  const items: Wire[] = [];
  let token = '';
  for (let pages = 0; pages < 1_000; pages++) {
    const sep = url.includes('?') ? '&' : '?';
    const response = await t.request(
      'GET',
      `${url}${sep}page_size=${pageSize}${token ? `&page_token=${token}` : ''}`,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.list.length).toBeLessThanOrEqual(pageSize);
    items.push(...response.body.list);
    token = response.body.nextPageToken;
    if (token === '') return items;
    expect(response.body.list.length).toBe(pageSize);
  }
  throw new Error(`${url} never reached its last page`);
}

/** For each REMOVED grant-history entry of the entitlement: whether it names a client and a request. */
export async function removalOrigins(t: TestApp, entitlementId: string): Promise<boolean[]> {
  const rows = await t.db
    .selectFrom('grant_events')
    .select(['actor_client_id', 'request_id'])
    .where('app_entitlement_id', '=', entitlementId)
    .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
    .execute();
  return rows.map((r) => r.actor_client_id !== null && r.request_id !== null);
}

/** Every item of a bulk action, as `GET /roster/v1/bulk_actions/{id}/items` answers them, page by page. */
export function bulkItems(t: TestApp, bulkActionId: string, pageSize = 100): Promise<Wire[]> {
  return walkPages(t, `/roster/v1/bulk_actions/${bulkActionId}/items`, pageSize);
}

/** One policy of each type, for apps and entitlements to name (issue 19: named policies must exist). */
export async function createPolicies(
  t: TestApp,
): Promise<{ grant: string; revoke: string; certify: string }> {
  const make = async (type: string) => {
    const response = await t.request('POST', '/api/v1/policies', {
      displayName: `${type} policy`,
      policyType: `POLICY_TYPE_${type}`,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.policy.id as string;
  };
  return { grant: await make('GRANT'), revoke: await make('REVOKE'), certify: await make('CERTIFY') };
}
