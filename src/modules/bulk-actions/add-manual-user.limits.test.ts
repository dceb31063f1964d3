import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

/**
 * Sends `sent` bytes of a body that never ends, announcing `announced` bytes (or, when undefined,
 * streaming it chunked), and returns the answer.
 */
function partialPost(port: number, path: string, token: string, announced: number | undefined, sent: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(announced === undefined ? {} : { 'content-length': String(announced) }),
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    request.on('error', reject);
    request.write(`{"userIds":["${'x'.repeat(Math.max(0, sent - 14))}`);
    // The rest of the body never comes: only an answer given before it can arrive.
  });
}

describe.each(DIALECTS)('add-manual-user size limit over a real connection on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp(dialect, { env: { ROSTER_MAX_ADD_REQUEST_BYTES: '65536' } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers 413 from the headers, before the body has been sent', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const path = `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`;
    const response = await partialPost(port, path, t.token, 64 * 1024 * 1024, 1024);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).details[0].reason).toBe('REQUEST_TOO_LARGE');
    const stored = await t.db.selectFrom('bulk_actions').select('id').execute();
    expect(stored).toHaveLength(0);
  });

  it('answers 413 while a chunked body streams in, as soon as it passes the limit', async () => {
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const path = `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`;
    const response = await partialPost(port, path, t.token, undefined, 65536 + 1024);
    expect(response.status).toBe(413);
    expect(await t.db.selectFrom('bulk_actions').select('id').execute()).toHaveLength(0);
  });
});
