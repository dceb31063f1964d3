import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, expectError } from '../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../test/harness.js';

describe.each(DIALECTS)('the HTTP envelope on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers unknown routes 404 in the error format', async () => {
    const response = await t.request('GET', '/api/v1/nothing-here');
    expectError(response, 404, 5, 'ROUTE_NOT_FOUND');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('returns the request ID in a header and in error bodies', async () => {
    const response = await t.request('GET', '/api/v1/nothing-here');
    expect(response.headers['x-request-id']).toBe(response.body.details[0].metadata.requestId);
  });

  it('answers a fault with 500 and no internals', async () => {
    const app = await createApp(t);
    await sql`drop table app_resources`.execute(t.db);
    await sql`drop table app_resource_types`.execute(t.db);
    const response = await t.request('GET', `/api/v1/apps/${app.id}/resource_types`);
    expectError(response, 500, 13, 'INTERNAL');
    expect(response.body.message).toBe('internal error');
    expect(JSON.stringify(response.body)).not.toMatch(/app_resource|relation|table|stack/i);
  });
});

describe.each(DIALECTS)('search filters on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('refuses a filter list longer than 1,000 items with 400 rather than failing in the database', async () => {
    const ids = Array.from({ length: 1_001 }, (_, i) => `id${i}`);
    for (const [url, body] of [
      ['/api/v1/search/users', { ids }],
      ['/api/v1/search/app_users', { appUserIds: ids }],
      ['/api/v1/search/entitlements', { appIds: ids }],
      ['/api/v1/search/grants', { appUserIds: ids }],
      ['/api/v1/search/apps', { appIds: ids }],
    ] as const) {
      expectError(await t.request('POST', url, body), 400, 3, 'INVALID_REQUEST');
    }
    const atLimit = await t.request('POST', '/api/v1/search/users', { ids: ids.slice(0, 1_000) });
    expect(atLimit.status).toBe(200);
  });
});
