import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcurrentWriters, waitForChangeStream } from '../../../test/change-writers.js';
import { createApp, createEntitlement, createUser, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { connectDatabase, type DatabaseHandle } from '../../db/connect.js';
import { comparePositions, decodeChangeCursor } from './change-cursor.js';

/**
 * The change-stream cursor over HTTP (issue 12): the grant feed, system-log ListEvents and the
 * NDJSON export take a `cursor` and answer with the next one, so a poller sees every event once.
 */
const FEED = '/api/v1/grants/feed';
const EVENTS = '/api/v1/systemlog/events';

describe.each(DIALECTS)('change cursors over HTTP on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function addMembers(count: number): Promise<void> {
    const userIds: string[] = [];
    for (let i = 0; i < count; i++) userIds.push((await createUser(t)).id);
    const added = await t.request(
      'POST',
      `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
      {
        userIds,
      },
    );
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await t.drainBulkActions();
    await waitForChangeStream(t.database.handle);
  }

  async function feed(body: Record<string, unknown>) {
    const response = await t.request('POST', FEED, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  it('resumes the grant feed after the events already seen, with its filters', async () => {
    await addMembers(3);
    const first = await feed({ appRefs: [{ id: appId }] });
    expect(first.list).toHaveLength(3);
    expect(first.nextPageToken).toBe('');
    expect(first.nextCursor).toMatch(/^c1\./);

    // Nothing new: nothing returned, and the cursor never moves back. It may move forward: an idle
    // cursor follows the server-wide horizon, which other transactions on the same PostgreSQL
    // server move at any time; the events after it are checked next.
    const idle = await feed({ appRefs: [{ id: appId }], cursor: first.nextCursor });
    expect(idle.list).toEqual([]);
    const [from, to] = [decodeChangeCursor(first.nextCursor), decodeChangeCursor(idle.nextCursor)];
    if (!from || !to) throw new Error('the feed answered a cursor that does not decode');
    expect(comparePositions(to, from)).toBeGreaterThanOrEqual(0);

    await addMembers(2);
    const next = await feed({ appRefs: [{ id: appId }], cursor: idle.nextCursor });
    expect(next.list).toHaveLength(2);
    expect(next.list.map((v: any) => v.feed.eventType)).toEqual([
      'GRANT_EVENT_TYPE_ADDED',
      'GRANT_EVENT_TYPE_ADDED',
    ]);
    const before = new Set(first.list.map((v: any) => v.feed.appUserId));
    for (const view of next.list) expect(before.has(view.feed.appUserId)).toBe(false);

    // The cursor pages too: pages of 10 after it, with tokens, then the next cursor.
    await addMembers(12);
    const page1 = await feed({ cursor: next.nextCursor, pageSize: 10 });
    expect(page1.list).toHaveLength(10);
    expect(page1.nextPageToken).not.toBe('');
    const page2 = await feed({ cursor: next.nextCursor, pageSize: 10, pageToken: page1.nextPageToken });
    expect(page2.list).toHaveLength(2);
    expect(page2.nextPageToken).toBe('');
    const all = await feed({ pageSize: 100 });
    expect([...page1.list, ...page2.list]).toEqual(all.list.slice(-12));
    // The last page's cursor is past every event read: resuming from it finds nothing. (It need not
    // equal a later read's cursor: an idle cursor moves with the server-wide horizon, which other
    // transactions on the same PostgreSQL server move at any time.)
    expect((await feed({ cursor: page2.nextCursor })).list).toEqual([]);
  });

  it('refuses a malformed cursor or page token before reading anything', async () => {
    expectError(await t.request('POST', FEED, { cursor: 'nope' }), 400, 3, 'INVALID_CHANGE_CURSOR');
    const forged = `c1.${Buffer.from('1.x').toString('base64url')}`;
    expectError(await t.request('POST', FEED, { cursor: forged }), 400, 3, 'INVALID_CHANGE_CURSOR');
    expectError(await t.request('POST', FEED, { cursor: 'c'.repeat(201) }), 400, 3, 'INVALID_REQUEST');
    expectError(await t.request('POST', FEED, { pageToken: 'c1.abc' }), 400, 3, 'INVALID_PAGE_TOKEN');
    expectError(await t.request('POST', EVENTS, { cursor: 'nope' }), 400, 3, 'INVALID_CHANGE_CURSOR');
    const exported = await t.app.inject({
      method: 'GET',
      url: '/roster/v1/systemlog/export?cursor=nope',
      headers: { authorization: `Bearer ${t.token}` },
    });
    expectError(
      { status: exported.statusCode, body: JSON.parse(exported.body) },
      400,
      3,
      'INVALID_CHANGE_CURSOR',
    );
    // "" and null are the start of the stream.
    expect((await feed({ cursor: '' })).list.length).toBeGreaterThan(0);
    expect((await feed({ cursor: null })).list.length).toBeGreaterThan(0);
  });

  it('resumes the system log and its export after the events already seen', async () => {
    const walk = async (body: Record<string, unknown>) => {
      const events: any[] = [];
      let pageToken = '';
      let nextCursor = '';
      do {
        const page = await t.request('POST', EVENTS, { ...body, pageSize: 100, pageToken });
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        events.push(...page.body.list);
        pageToken = page.body.nextPageToken;
        nextCursor = page.body.nextCursor;
      } while (pageToken !== '');
      return { events, nextCursor };
    };
    await waitForChangeStream(t.database.handle);
    const everything = await walk({});
    const descending = await walk({ sortDirection: 'SORT_DIRECTION_DESC' });
    expect(descending.events).toEqual([...everything.events].reverse());
    expect(descending.nextCursor).toBe(everything.nextCursor);

    const created = await createApp(t);
    await waitForChangeStream(t.database.handle);
    const after = await walk({ cursor: everything.nextCursor });
    expect(after.events.map((e) => e.api.operation)).toEqual(['app.created']);
    expect(after.events[0].resources[0].uid).toBe(created.id);

    const exported = await t.app.inject({
      method: 'GET',
      url: `/roster/v1/systemlog/export?cursor=${everything.nextCursor}`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(exported.statusCode).toBe(200);
    expect(
      exported.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(after.events);
    expect(exported.headers['roster-next-cursor']).toBe(after.nextCursor);
    const again = await t.app.inject({
      method: 'GET',
      url: `/roster/v1/systemlog/export?cursor=${exported.headers['roster-next-cursor']}`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(again.body).toBe('');
  });

  it('gives a feed poller every committed event once, in order, under concurrent writers', {
    timeout: 120_000,
  }, async () => {
    // On PostgreSQL the writers get a pool wide enough to hold all their transactions open at once;
    // on SQLite they share the server's one connection, as its own writes do.
    const postgresUrl = t.database.env.ROSTER_DATABASE_URL;
    const writers: DatabaseHandle = postgresUrl
      ? connectDatabase({ postgresUrl, postgresPoolSize: 10 })
      : t.database.handle;
    const other = await createApp(t);
    const start = (await feed({ appRefs: [{ id: other.id }] })).nextCursor;
    const seen: string[] = [];
    let cursor = start;
    let writing = true;
    const poll = async () => {
      const page = await feed({ appRefs: [{ id: other.id }], cursor, pageSize: 10 });
      seen.push(...page.list.map((v: any) => v.feed.appUserId));
      cursor = page.nextCursor;
      return page.list.length;
    };
    try {
      const polling = (async () => {
        while (writing) await poll();
      })();
      const written = await runConcurrentWriters(writers, { writers: 10, transactions: 5, appId: other.id });
      writing = false;
      await polling;
      // The horizon is cluster-wide on PostgreSQL: wait for transactions elsewhere, never skip.
      await waitForChangeStream(t.database.handle);
      while ((await poll()) > 0) {}
      expect(new Set(seen).size).toBe(seen.length);
      const stored = await t.db
        .selectFrom('grant_events')
        .select('app_user_id')
        .where('app_id', '=', other.id)
        .orderBy('tx_id')
        .orderBy('seq')
        .execute();
      expect(seen).toEqual(stored.map((r) => r.app_user_id));
      expect(new Set(seen)).toEqual(new Set(written.committedGrants.map((r) => r.app_user_id)));
    } finally {
      if (writers !== t.database.handle) await writers.close();
    }
  });
});
