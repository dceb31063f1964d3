import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OPEN_STATES } from '../../src/modules/bulk-actions/bulk-actions.repository.js';

// biome-ignore lint/suspicious/noExplicitAny: wire objects are checked where the bench relies on them.
type Wire = any;

/** A tiny client of one Roster server over real HTTP (loopback). */
export interface RosterClient {
  readonly url: string;
  readonly token: string;
  call(method: 'GET' | 'POST', route: string, body?: unknown): Promise<Wire>;
}

/**
 * The bootstrap credentials a server wrote on its first start. It writes them just after it starts
 * listening, so /healthz can answer before the file is there: wait for it (up to 15 s).
 */
export async function readAdminCredentials(
  dataDir: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const file = path.join(dataDir, 'admin-credentials.json');
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

/** Exchanges the bootstrap credentials for a bearer token (POST /auth/v1/token). */
export async function connectClient(
  url: string,
  credentials: { clientId: string; clientSecret: string },
): Promise<RosterClient> {
  // The credentials file can be read a moment before the server's bootstrap commits the client
  // (seen on a loaded machine): a refusal is asked again for a few seconds.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${url}/auth/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }).toString(),
    });
    const body = (await response.json()) as { access_token?: string };
    if (response.ok && body.access_token) return clientWithToken(url, body.access_token);
    if (response.status !== 401 || Date.now() > deadline)
      throw new Error(`token: ${response.status} ${JSON.stringify(body)}`);
    await sleep(200);
  }
}

export function clientWithToken(url: string, token: string): RosterClient {
  return {
    url,
    token,
    async call(method, route, body) {
      const response = await fetch(`${url}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 500)}`);
      return JSON.parse(text);
    },
  };
}

/** A new app with one entitlement, through the API. */
export async function createEntitlement(
  client: RosterClient,
  name: string,
): Promise<{ appId: string; entitlementId: string }> {
  const app = (await client.call('POST', '/api/v1/apps', { displayName: `Bench ${name}` })).app;
  const entitlement = (
    await client.call('POST', `/api/v1/apps/${app.id}/entitlements`, { displayName: `Bench ${name}` })
  ).appEntitlementView.appEntitlement;
  return { appId: app.id, entitlementId: entitlement.id };
}

/** Another entitlement of an existing app, through the API. */
export async function createEntitlementOf(
  client: RosterClient,
  appId: string,
  name: string,
): Promise<{ appId: string; entitlementId: string }> {
  const entitlement = (
    await client.call('POST', `/api/v1/apps/${appId}/entitlements`, { displayName: `Bench ${name}` })
  ).appEntitlementView.appEntitlement;
  return { appId, entitlementId: entitlement.id };
}

/** Imports `count` new users (POST /roster/v1/users/import, at most 100,000 a call). */
export async function importUsers(client: RosterClient, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; first < count; first += 100_000) {
    const users = [];
    for (let i = first; i < Math.min(count, first + 100_000); i++) {
      users.push({ displayName: `Bench user ${tag}-${i}`, email: `bench.${tag}.${i}@example.test` });
    }
    ids.push(...(await client.call('POST', '/roster/v1/users/import', { users })).userIds);
  }
  return ids;
}

export interface AddTiming {
  /** Request sent → 200 received. */
  readonly acceptedMs: number;
  /** Request sent → the bulk action read back as SUCCEEDED. */
  readonly totalMs: number;
}

/**
 * Adds users to an entitlement (POST …/add-manual-user) and polls GET /roster/v1/bulk_actions/:id
 * until it has SUCCEEDED; fails unless every user was added.
 */
export async function addUsersAndWait(
  client: RosterClient,
  target: { appId: string; entitlementId: string },
  userIds: readonly string[],
  pollMs = 25,
): Promise<AddTiming> {
  const started = performance.now();
  const answer = await client.call(
    'POST',
    `/api/v1/apps/${target.appId}/entitlements/${target.entitlementId}/add-manual-user`,
    { userIds },
  );
  const acceptedMs = performance.now() - started;
  if (Object.keys(answer.failedUsersErrorMap ?? {}).length > 0) {
    throw new Error(
      `add-manual-user refused users: ${JSON.stringify(answer.failedUsersErrorMap).slice(0, 300)}`,
    );
  }
  for (let resets = 0; ; ) {
    let bulkAction: Wire;
    try {
      ({ bulkAction } = await client.call('GET', `/roster/v1/bulk_actions/${answer.bulkActionId}`));
    } catch (error) {
      // Under a load test a reused keep-alive connection can be reset; asking again is safe.
      if (!(error instanceof TypeError) || ++resets > 20) throw error;
      await sleep(pollMs);
      continue;
    }
    if (bulkAction.state === 'BULK_ACTION_STATE_SUCCEEDED') {
      if (Number(bulkAction.succeeded) !== userIds.length) {
        throw new Error(`bulk action succeeded for ${bulkAction.succeeded} of ${userIds.length} users`);
      }
      return { acceptedMs, totalMs: performance.now() - started };
    }
    if (!(OPEN_STATES as readonly string[]).includes(bulkAction.state)) {
      throw new Error(`bulk action ended ${bulkAction.state}: ${JSON.stringify(bulkAction).slice(0, 300)}`);
    }
    await sleep(pollMs);
  }
}
