import { expect } from 'vitest';
import type { InjectResult, TestApp } from './harness.js';

/** A SCIM connection made through the admin API, and a client speaking SCIM with its token. */
export interface ScimClient {
  readonly connectionId: string;
  readonly appId: string;
  readonly token: string;
  /** `/scim/v2/<connection>` as an identity provider is configured with it (path only). */
  readonly base: string;
  send(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<InjectResult>;
}

export async function createScimConnection(t: TestApp, displayName = 'Okta'): Promise<ScimClient> {
  const created = await t.request('POST', '/roster/v1/scim/connections', { displayName });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const { connection, token } = created.body;
  const base = new URL(connection.baseUrl).pathname;
  return {
    connectionId: connection.id,
    appId: connection.appId,
    token,
    base,
    async send(method, path, body, headers = {}) {
      const response = await t.app.inject({
        method,
        url: path.startsWith('/scim/') ? path : `${base}${path}`,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      let parsed: unknown = response.body;
      try {
        parsed = JSON.parse(response.body);
      } catch {
        // Empty (204) bodies stay text.
      }
      return { status: response.statusCode, body: parsed, headers: response.headers };
    },
  };
}

/** Asserts a SCIM error (RFC 7644 §3.12) in its media type. */
export function expectScimError(response: InjectResult, status: number, scimType?: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
  expect(response.body).toMatchObject({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
  });
  if (scimType) expect(response.body.scimType).toBe(scimType);
  else expect(response.body.scimType).toBeUndefined();
}

/** The system-log operations written for a target, in order. */
export async function logged(
  t: TestApp,
  targetId: string,
): Promise<Array<{ activity: string; actor: string | null }>> {
  const rows = await t.db
    .selectFrom('system_log_events')
    .select(['activity', 'actor_client_id', 'occurred_at', 'id'])
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ activity: r.activity, actor: r.actor_client_id }));
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** The users holding an entitlement now (live grants), by C1 user ID, sorted. */
export async function holders(t: TestApp, entitlementId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('grants')
    .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
    .select('app_users.identity_user_id')
    .where('grants.app_entitlement_id', '=', entitlementId)
    .where('grants.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.identity_user_id).sort();
}

/** The grant history of an entitlement as `<event type>:<user ID>`, in order. */
export async function history(t: TestApp, entitlementId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('grant_events')
    .innerJoin('app_users', 'app_users.id', 'grant_events.app_user_id')
    .select(['grant_events.event_type', 'app_users.identity_user_id'])
    .where('grant_events.app_entitlement_id', '=', entitlementId)
    .orderBy('grant_events.id')
    .execute();
  return rows.map((r) => `${r.event_type.replace('GRANT_EVENT_TYPE_', '')}:${r.identity_user_id}`);
}
