import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const EVENTS = '/api/v1/systemlog/events';
const HALF_HOUR = 1_800_000;
/** RFC 3339 in another offset (+01:00), with `fraction` as written, for the same instant as `d`. */
const inPlusOne = (d: Date, fraction = '') =>
  `${new Date(d.getTime() + 3_600_000).toISOString().slice(0, 19)}${fraction}+01:00`;

describe.each(DIALECTS)('system-log time filters, paging and export on %s', (dialect) => {
  let t: TestApp;
  let total: number;
  // Times after start-up's events and within the admin token's lifetime.
  let T0: Date;
  let T1: Date;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    T0 = new Date(Math.ceil(t.clock.now().getTime() / 1000) * 1000 + 60_000);
    T1 = new Date(T0.getTime() + HALF_HOUR);
    // ~4,500 events through the API, most sharing one millisecond, so ties are broken by ID.
    t.clock.set(T0);
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 1_500 }, (_, i) => ({ displayName: `P${i}`, email: `p${i}@example.test` })),
    });
    expect(imported.status).toBe(200);
    t.clock.set(T1);
    // A bulk add logs only its request and state changes, so more users are imported at T1 too.
    for (let round = 0; round < 2; round++) {
      const more = await t.request('POST', '/roster/v1/users/import', {
        users: Array.from({ length: 1_500 }, (_, i) => ({
          displayName: `Q${round}-${i}`,
          email: `q${round}-${i}@example.test`,
        })),
      });
      expect(more.status).toBe(200);
    }
    const added = await t.request(
      'POST',
      `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
      {
        userIds: imported.body.userIds,
      },
    );
    expect(added.status).toBe(200);
    await t.drainBulkActions();
    const row = await t.db
      .selectFrom('system_log_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    total = Number(row.n);
    expect(total).toBeGreaterThan(4_500);
  });
  afterAll(async () => {
    await t.close();
  });

  async function walk(body: Record<string, unknown>, pageSize = 100) {
    const events: any[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await t.request('POST', EVENTS, { ...body, pageSize, pageToken });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.list.length).toBeLessThanOrEqual(pageSize);
      if (page.body.nextPageToken !== '') expect(page.body.list.length).toBe(pageSize);
      events.push(...page.body.list);
      pageToken = page.body.nextPageToken;
      pages++;
    } while (pageToken !== '');
    return { events, pages };
  }
  const key = (e: any) => `${e.time_dt} ${e.metadata.uid}`;

  it('walks every event once in ascending and in descending order', async () => {
    const asc = await walk({ sortDirection: 'SORT_DIRECTION_ASC' });
    expect(asc.events).toHaveLength(total);
    expect(asc.pages).toBe(Math.ceil(total / 100));
    const ascKeys = asc.events.map(key);
    expect(new Set(ascKeys).size).toBe(total);
    expect([...ascKeys].sort()).toEqual(ascKeys);

    const desc = await walk({ sortDirection: 'SORT_DIRECTION_DESC' });
    expect(desc.events.map(key)).toEqual([...ascKeys].reverse());

    // UNSPECIFIED (or absent) is ascending.
    const unspecified = await t.request('POST', EVENTS, {
      sortDirection: 'SORT_DIRECTION_UNSPECIFIED',
      pageSize: 100,
    });
    expect(unspecified.body.list.map(key)).toEqual(ascKeys.slice(0, 100));
  });

  it('filters by time: since inclusive, until exclusive, any offset and precision', async () => {
    const atT0 = await walk({ since: T0.toISOString(), until: new Date(T0.getTime() + 1).toISOString() });
    const imported = atT0.events.filter((e) => e.api.operation === 'user.created');
    expect(imported).toHaveLength(1_500);
    expect(atT0.events.every((e) => e.time_dt === T0.toISOString())).toBe(true);

    const sameWithOffset = await walk({
      since: inPlusOne(T0),
      until: `${T0.toISOString().slice(0, 19)}.0005Z`,
    });
    expect(sameWithOffset.events.map(key)).toEqual(atT0.events.map(key));
    // One nanosecond after T0 excludes everything at T0.
    const after = await t.request('POST', EVENTS, { since: inPlusOne(T0, '.000000001'), pageSize: 100 });
    expect(after.body.list.every((e: any) => e.time_dt > T0.toISOString())).toBe(true);
    expect(after.body.list[0].time_dt).toBe(T1.toISOString());

    const later = await walk({
      since: new Date(T0.getTime() + HALF_HOUR / 2).toISOString(),
      sortDirection: 'SORT_DIRECTION_DESC',
    });
    // 3,000 users imported, and the bulk action's creation, start and finish.
    expect(later.events.length).toBe(3_003);
    expect(later.events.every((e) => e.time_dt === T1.toISOString())).toBe(true);
    expect((await walk({ until: T0.toISOString() })).events.every((e) => e.time_dt < T0.toISOString())).toBe(
      true,
    );
  });

  it('resumes after sinceEventUid in either direction', async () => {
    const all = (await walk({})).events;
    const pivot = all[2_000];
    const tail = await walk({ sinceEventUid: pivot.metadata.uid });
    expect(tail.events.map(key)).toEqual(all.slice(2_001).map(key));
    const tailDesc = await walk({ sinceEventUid: pivot.metadata.uid, sortDirection: 'SORT_DIRECTION_DESC' });
    expect(tailDesc.events.map(key)).toEqual(all.slice(2_001).reverse().map(key));
  });

  it('exports a time range as JSON lines, streamed, matching ListEvents', async () => {
    const since = T0.toISOString();
    const until = new Date(T1.getTime() + 1).toISOString();
    const response = await t.app.inject({
      method: 'GET',
      url: `/roster/v1/systemlog/export?since=${since}&until=${until}`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    // A stream has no length known up front: the body was never assembled in memory.
    expect(response.headers['content-length']).toBeUndefined();
    expect(response.body.endsWith('\n')).toBe(true);
    const lines = response.body.slice(0, -1).split('\n');
    const exported = lines.map((line) => JSON.parse(line));
    const listed = (await walk({ since, until })).events;
    expect(exported.length).toBe(listed.length);
    expect(exported.length).toBe(4_503 + 2);
    expect(exported).toEqual(listed);
  });

  it('exports an empty range as an empty body, and needs a token', async () => {
    const empty = await t.app.inject({
      method: 'GET',
      url: `/roster/v1/systemlog/export?since=${new Date(T1.getTime() + 1).toISOString()}`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toBe('');
    const anonymous = await t.app.inject({ method: 'GET', url: '/roster/v1/systemlog/export' });
    expect(anonymous.statusCode).toBe(401);
    const badRange = await t.app.inject({
      method: 'GET',
      url: '/roster/v1/systemlog/export?since=2031-01-02T00:00:00Z&until=2031-01-01T00:00:00Z',
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(badRange.statusCode).toBe(400);
    expect(JSON.parse(badRange.body).details[0].reason).toBe('INVALID_TIME_RANGE');
  });
});
