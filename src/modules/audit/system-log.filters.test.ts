import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES } from '../../../test/identity-fixtures.js';

const EVENTS = '/api/v1/systemlog/events';
const PAGE = 50;

describe.each(DIALECTS)('system-log filters on the server on %s', (dialect) => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof createCaller>>;
  const apps: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    other = await createCaller(t, [ROLES.superAdmin]);
    // Rare matches far apart: an app made by another person among hundreds of user.created events,
    // so an unfiltered page of 50 around them holds none, and the last match is many pages in.
    for (let round = 0; round < 3; round++) {
      const imported = await t.request('POST', '/roster/v1/users/import', {
        users: Array.from({ length: 400 }, (_, i) => ({
          displayName: `P${round}-${i}`,
          email: `p${round}-${i}@example.test`,
        })),
      });
      expect(imported.status).toBe(200);
      const made = await t.request(
        'POST',
        '/api/v1/apps',
        { displayName: `Filtered ${round}` },
        { token: other.token },
      );
      expect(made.status, JSON.stringify(made.body)).toBe(200);
      apps.push(made.body.app.id);
    }
    apps.push((await createApp(t)).id);
  });

  afterAll(async () => {
    await t.close();
  });

  async function walk(body: Record<string, unknown>) {
    const pages: any[][] = [];
    let pageToken = '';
    do {
      const page = await t.request('POST', EVENTS, { ...body, pageSize: PAGE, pageToken });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      pages.push(page.body.list);
      pageToken = page.body.nextPageToken;
    } while (pageToken !== '');
    return pages;
  }

  const uid = (e: any) => e.metadata.uid;

  it.each(['SORT_DIRECTION_ASC', 'SORT_DIRECTION_DESC'])(
    'serves exactly the matches %s, every page full until the last, none empty before a match',
    async (sortDirection) => {
      const everything = (await walk({ sortDirection })).flat();
      expect(everything.length).toBeGreaterThan(1_200);
      const cases: Array<[Record<string, unknown>, (e: any) => boolean]> = [
        [{ actorUserIds: [other.user.id] }, (e) => e.actor?.user?.uid === other.user.id],
        [{ operations: ['app.created'] }, (e) => e.api.operation === 'app.created'],
        [{ targetType: 'app' }, (e) => e.resources[0].type === 'app'],
        [{ targetId: apps[1] }, (e) => e.resources[0].uid === apps[1]],
        [
          { targetType: 'app', targetId: apps[1] },
          (e) => e.resources[0].type === 'app' && e.resources[0].uid === apps[1],
        ],
        [
          { actorUserIds: [other.user.id], operations: ['app.created', 'app.deleted'], targetType: 'app' },
          (e) => e.actor?.user?.uid === other.user.id && e.api.operation === 'app.created',
        ],
      ];
      // A time range is served by another query (the time index drives it): the same matches.
      const times = everything.map((e) => e.time_dt as string).sort();
      const until = new Date(Date.parse(times.at(-1) as string) + 1).toISOString();
      const ranges = [{}, { since: times[0] }, { since: times[0], until }];
      for (const [filters, matches] of [...cases, [{}, () => true] as (typeof cases)[number]]) {
        const expected = everything.filter(matches).map(uid);
        expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0);
        for (const range of ranges) {
          const pages = await walk({ sortDirection, ...filters, ...range });
          // Never an empty page in front of a later match; every page but the last is full.
          for (const page of pages.slice(0, -1)) expect(page).toHaveLength(PAGE);
          expect(pages.at(-1)?.length).toBeGreaterThan(0);
          expect(pages.flat().map(uid), JSON.stringify({ ...filters, ...range })).toEqual(expected);
        }
        const after = await walk({ sortDirection, ...filters, since: until });
        expect(after.flat(), JSON.stringify(filters)).toEqual([]);
      }
      // The other person made three apps, one per round: found at once, not pages later.
      const [first] = await walk({
        sortDirection,
        actorUserIds: [other.user.id],
        operations: ['app.created'],
      });
      expect(first?.map((e) => e.resources[0].uid)).toEqual(
        sortDirection === 'SORT_DIRECTION_ASC' ? apps.slice(0, 3) : apps.slice(0, 3).reverse(),
      );
    },
  );

  it('answers a filter nothing matches with one empty page, and refuses an unknown operation', async () => {
    const none = await t.request('POST', EVENTS, { targetId: 'no-such-target', pageSize: PAGE });
    expect(none.status).toBe(200);
    expect(none.body.list).toEqual([]);
    expect(none.body.nextPageToken).toBe('');
    const unknown = await t.request('POST', EVENTS, { operations: ['app.exploded'] });
    expectError(unknown, 400, 3, 'INVALID_REQUEST');
    const tooMany = await t.request('POST', EVENTS, {
      actorUserIds: Array.from({ length: 101 }, (_, i) => `u${i}`),
    });
    expectError(tooMany, 400, 3, 'INVALID_REQUEST');
  });
});
