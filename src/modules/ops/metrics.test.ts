import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

/** The value of one sample line, e.g. `name{a="b"} 3`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0] ?? '';
    if (wanted.every((w) => labelText.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe.each(DIALECTS)('/metrics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts requests by route pattern and status, with latency histograms', async () => {
    const app = await createApp(t);
    for (let i = 0; i < 3; i++) expect((await t.request('GET', `/api/v1/apps/${app.id}`)).status).toBe(200);
    expect((await t.request('GET', '/api/v1/apps/37dGalrpfohtbHpxZLbvItjo3Il')).status).toBe(404);
    expect((await t.request('GET', '/no/such/route')).status).toBe(404);

    const response = await t.request('GET', '/metrics', undefined, { token: null });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body as string;
    const route = { method: 'GET', route: '/api/v1/apps/:id' };
    expect(sample(text, 'roster_http_requests_total', { ...route, status_code: '200' })).toBe(3);
    expect(sample(text, 'roster_http_requests_total', { ...route, status_code: '404' })).toBe(1);
    expect(sample(text, 'roster_http_request_duration_seconds_count', { ...route, status_code: '200' })).toBe(
      3,
    );
    expect(
      sample(text, 'roster_http_request_duration_seconds_bucket', { ...route, le: '+Inf' }),
    ).toBeGreaterThan(0);
    // Raw URLs never become labels.
    expect(sample(text, 'roster_http_requests_total', { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(text).not.toContain('/no/such/route');
    expect(text).not.toContain(app.id);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('reports the bulk-action backlog, then the users processed once it drains', async () => {
    const app = await createApp(t);
    const entitlement = await createEntitlement(t, app.id);
    const users = [await createUser(t), await createUser(t), await createUser(t)];
    const add = await t.request(
      'POST',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/add-manual-user`,
      {
        userIds: [...users.map((u) => u.id), '2bY4p9GQpLxXo0Yq0n1t8Ww0Zz1'],
      },
    );
    expect(add.status).toBe(200);

    const before = (await t.request('GET', '/metrics')).body as string;
    expect(sample(before, 'roster_bulk_actions_open')).toBe(1);
    expect(sample(before, 'roster_bulk_action_users_remaining')).toBe(3);
    expect(sample(before, 'roster_bulk_action_users_processed_total', { outcome: 'failed' })).toBe(1);
    expect(sample(before, 'roster_bulk_action_users_processed_total', { outcome: 'succeeded' })).toBe(0);
    const batchesBefore = sample(before, 'roster_bulk_batch_seconds_count') ?? 0;

    await t.drainBulkActions();
    const after = (await t.request('GET', '/metrics')).body as string;
    expect(sample(after, 'roster_bulk_actions_open')).toBe(0);
    expect(sample(after, 'roster_bulk_action_users_remaining')).toBe(0);
    expect(sample(after, 'roster_bulk_action_users_processed_total', { outcome: 'succeeded' })).toBe(3);
    // The four IDs are one batch; its transaction's time is in the histogram.
    expect(sample(after, 'roster_bulk_batch_seconds_count')).toBe(batchesBefore + 1);
    expect(sample(after, 'roster_bulk_batch_seconds_sum')).toBeGreaterThan(0);
  });

  it('reports the database pool', async () => {
    const text = (await t.request('GET', '/metrics')).body as string;
    if (dialect === 'sqlite') {
      expect(sample(text, 'roster_db_pool_connections', { dialect, state: 'total' })).toBe(1);
      expect(sample(text, 'roster_db_pool_connections', { dialect, state: 'idle' })).toBeUndefined();
    } else {
      expect(sample(text, 'roster_db_pool_connections', { dialect, state: 'total' })).toBeGreaterThan(0);
      expect(sample(text, 'roster_db_pool_connections', { dialect, state: 'idle' })).toBeGreaterThanOrEqual(
        0,
      );
      // The scrape's own bulk-action queries may be holding or awaiting connections meanwhile.
      expect(
        sample(text, 'roster_db_pool_connections', { dialect, state: 'waiting' }),
      ).toBeGreaterThanOrEqual(0);
    }
  });
});

describe.each(DIALECTS)('/metrics with ROSTER_METRICS_TOKEN on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { env: { ROSTER_METRICS_TOKEN: 'scrape-secret' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('needs that token, and API tokens do not replace it', async () => {
    expectError(
      await t.request('GET', '/metrics', undefined, { token: null }),
      401,
      16,
      'METRICS_TOKEN_REQUIRED',
    );
    expectError(await t.request('GET', '/metrics'), 401, 16, 'METRICS_TOKEN_REQUIRED');
    const ok = await t.request('GET', '/metrics', undefined, { token: 'scrape-secret' });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('roster_http_requests_total');
  });
});
