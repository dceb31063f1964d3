import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, storedMemberCount } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

/**
 * An entitlement's member count (`entitlement_member_counts`) is kept by every path that adds or removes grants, in the same
 * transaction; entitlement reads answer from it. Each step below goes through HTTP (or the expiry
 * sweeper) and compares the stored count with a real COUNT of the grants.
 */
describe.each(DIALECTS)('entitlement member counts on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let userIds: string[];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 30 }, (_, i) => ({ displayName: `M${i}`, email: `m${i}@example.test` })),
    });
    userIds = imported.body.userIds;
  });
  afterAll(() => t.close());

  const base = (entitlementId: string) => `/api/v1/apps/${appId}/entitlements/${entitlementId}`;

  async function add(entitlementId: string, ids: string[], extra: Record<string, unknown> = {}) {
    const response = await t.request('POST', `${base(entitlementId)}/add-manual-user`, {
      userIds: ids,
      ...extra,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    await t.drainBulkActions();
  }

  async function appUserOf(userId: string): Promise<string> {
    const row = await t.db
      .selectFrom('app_users')
      .select('id')
      .where('app_id', '=', appId)
      .where('identity_user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The stored count, the real count of unrevoked grants, the held count, and what GET answers. */
  async function counts(entitlementId: string) {
    const now = t.clock.now().toISOString();
    const stored = await storedMemberCount(t, entitlementId);
    const count = async (held: boolean) => {
      let query = t.db
        .selectFrom('grants')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('app_entitlement_id', '=', entitlementId)
        .where('deleted_at', 'is', null);
      if (held) {
        query = query.where((eb) =>
          eb.or([eb('deprovision_at', 'is', null), eb('deprovision_at', '>', now)]),
        );
      }
      return Number((await query.executeTakeFirstOrThrow()).n);
    };
    const read = await t.request('GET', base(entitlementId));
    return {
      stored,
      unrevoked: await count(false),
      held: await count(true),
      answered:
        read.status === 200 ? Number(read.body.appEntitlementView.appEntitlement.grantCount) : undefined,
    };
  }

  async function expectConsistent(entitlementId: string, held: number) {
    const c = await counts(entitlementId);
    expect(c.stored).toBe(c.unrevoked);
    expect(c.held).toBe(held);
    expect(c.answered).toBe(held);
    return c;
  }

  it('follows adds, removals, set-members, expiry and the sweep', async () => {
    const entitlementId = (await createEntitlement(t, appId)).id;
    await expectConsistent(entitlementId, 0);

    await add(entitlementId, userIds.slice(0, 12));
    await expectConsistent(entitlementId, 12);
    // Adding members again changes nothing.
    await add(entitlementId, userIds.slice(0, 4));
    await expectConsistent(entitlementId, 12);
    await add(entitlementId, userIds.slice(12, 18), { grantDuration: '60s' });
    await expectConsistent(entitlementId, 18);

    for (const userId of userIds.slice(0, 2)) {
      const appUserId = await appUserOf(userId);
      const removed = await t.request('DELETE', `${base(entitlementId)}/remove-membership`, { appUserId });
      expect(removed.status).toBe(200);
    }
    await expectConsistent(entitlementId, 16);

    // Replace the members: keep 2..10 and 12..18, drop 10 and 11, add 20..24.
    const members = `/roster/v1/apps/${appId}/entitlements/${entitlementId}/members`;
    const read = await t.request('GET', members);
    const wanted = [...userIds.slice(2, 10), ...userIds.slice(12, 18), ...userIds.slice(20, 24)];
    const set = await t.request(
      'PUT',
      members,
      { userIds: wanted },
      { headers: { 'if-match': read.headers.etag as string } },
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    await t.drainBulkActions();
    await expectConsistent(entitlementId, 18);

    // Expired grants stop being held at once; they are counted as stored until the sweeper revokes them.
    t.clock.advance(61_000);
    const expired = await expectConsistent(entitlementId, 12);
    expect(expired.stored).toBe(18);
    // Re-adding one expired member ends the old grant and grants anew, in one batch.
    await add(entitlementId, [userIds[12] as string]);
    await expectConsistent(entitlementId, 13);
    expect(await t.container.expirySweeper.runOnce()).toBe(5);
    const swept = await expectConsistent(entitlementId, 13);
    expect(swept.stored).toBe(13);
  });

  it('drops to zero when a delete cascades to the grants', async () => {
    const entitlementId = (await createEntitlement(t, appId)).id;
    await add(entitlementId, userIds.slice(0, 5));
    await expectConsistent(entitlementId, 5);
    const deleted = await t.request('DELETE', base(entitlementId));
    expect(deleted.status).toBe(200);
    const c = await counts(entitlementId);
    expect(c).toMatchObject({ stored: 0, unrevoked: 0, held: 0 });
  });
});
