import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  addUsersAndWait,
  connectClient,
  createEntitlement,
  importUsers,
  readAdminCredentials,
} from './api.js';
import type { Dialect } from './databases.js';
import { startRoster } from './server-run.js';

export interface ScimResults {
  readonly size: number;
  /** add-manual-user, request → SUCCEEDED, users/s: the mean of one run before and one after the PATCH. */
  readonly addManualUsersPerSecond: number;
  /** SCIM PATCH adding the same users to a group, request → response (applied), users/s. */
  readonly scimPatchUsersPerSecond: number;
}

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * A SCIM PATCH adding `size` members to a group against the same add through add-manual-user, on a
 * running Roster: both grant through the same bulk-action batches, so the ratio shows what SCIM's
 * own work (parsing, the diff against current members, answering only once applied) costs.
 */
export async function scimRun(
  dialect: Dialect,
  databaseUrl: string | undefined,
  size: number,
  progress: (message: string) => void,
): Promise<ScimResults> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-scim-'));
  const server = await startRoster(dataDir, databaseUrl);
  try {
    const client = await connectClient(server.url, await readAdminCredentials(dataDir));
    progress(`importing ${size.toLocaleString('en-US')} users`);
    const userIds = await importUsers(client, size, `scim-${dialect}`);

    const addOnce = async (name: string) => {
      const target = await createEntitlement(client, name);
      return size / ((await addUsersAndWait(client, target, userIds)).totalMs / 1000);
    };
    progress(`add-manual-user of ${size.toLocaleString('en-US')} users`);
    const before = await addOnce('scim baseline before');

    const { connection, token } = await client.call('POST', '/roster/v1/scim/connections', {
      displayName: 'Bench IdP',
    });
    const scim = async (method: 'POST' | 'PATCH', route: string, body: unknown) => {
      const response = await fetch(`${connection.baseUrl}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`SCIM ${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
      return JSON.parse(text);
    };
    const group = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Everyone',
    });
    progress(`SCIM PATCH adding ${size.toLocaleString('en-US')} members`);
    const started = performance.now();
    await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: userIds.map((value) => ({ value })) }],
    });
    const scimMs = performance.now() - started;
    const members = await client.call(
      'GET',
      `/roster/v1/apps/${connection.appId}/entitlements/${group.id}/members`,
    );
    if (members.userIds.length !== size) {
      throw new Error(`the PATCH answered with ${members.userIds.length} of ${size} members applied`);
    }

    progress(`add-manual-user of ${size.toLocaleString('en-US')} users, again`);
    const after = await addOnce('scim baseline after');
    return {
      size,
      addManualUsersPerSecond: (before + after) / 2,
      scimPatchUsersPerSecond: size / (scimMs / 1000),
    };
  } finally {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
