import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/connect.js';
import { newId } from '../src/lib/ids.js';
import { systemLogRow } from '../src/modules/audit/system-log.js';
import { bulkItems, storedMemberCount } from './fixtures.js';
import { DIALECTS, openTestDatabase, startTestApp, type TestApp, type TestDatabase } from './harness.js';

type AnyDb = Kysely<any>;

/**
 * Migration 0009 (the audit trail as two records, CONTRACT.md §7.11) on data written the way
 * Roster wrote it before: per-row system-log events of bulk actions, grant events without actors,
 * an item row per user. After migrating, the grant history holds every fact those events held, the
 * per-row events are gone, what is not a bulk action's per-row event is kept, and the API answers
 * as before.
 */
describe.each(DIALECTS)('migration 0009 on %s', (dialect) => {
  let database: TestDatabase;
  let t: TestApp;
  const ms = Date.parse('2026-01-01T00:00:00.000Z');
  const at = (minutes: number) => new Date(ms + minutes * 60_000);
  const iso = (minutes: number) => at(minutes).toISOString();
  const ids = {
    app: newId(ms),
    e: newId(ms),
    e2: newId(ms),
    u1: newId(ms),
    u2: newId(ms),
    u3: newId(ms),
    au1: newId(ms),
    au2: newId(ms),
    au3: newId(ms),
    au4: newId(ms),
    g1: newId(ms),
    g2: newId(ms),
    g3: newId(ms),
    g4: newId(ms),
    g5: newId(ms),
    g6: newId(ms),
    add: newId(ms),
    set: newId(ms),
  };
  const admin = { userId: newId(ms), clientId: newId(ms) };
  const scim = { userId: newId(ms), clientId: newId(ms) };
  const addActor = { ...admin, requestId: 'req-add' };
  const setActor = { ...scim, requestId: 'req-set' };
  const removeActor = { ...admin, requestId: 'req-remove' };
  const nobody = { userId: '', clientId: '', requestId: '' };
  const keptLog: string[] = [];
  const deletedLog: string[] = [];

  async function writeOldShape(db: AnyDb) {
    const audited = { created_at: iso(0), updated_at: iso(0), deleted_at: null };
    await db
      .insertInto('apps')
      .values({
        id: ids.app,
        display_name: 'Old',
        identity_matching: 'APP_USER_IDENTITY_MATCHING_STRICT',
        is_manually_managed: 1,
        ...audited,
      })
      .execute();
    for (const id of [ids.e, ids.e2]) {
      await db
        .insertInto('app_entitlements')
        .values({
          id,
          app_id: ids.app,
          display_name: 'Old',
          is_manually_managed: 1,
          purpose: 'APP_ENTITLEMENT_PURPOSE_VALUE_ASSIGNMENT',
          ...audited,
        })
        .execute();
    }
    for (const id of [ids.u1, ids.u2, ids.u3]) {
      await db
        .insertInto('users')
        .values({ id, display_name: id, status: 'ENABLED', type: 'USER_TYPE_HUMAN', ...audited })
        .execute();
    }
    const appUsers: Array<[string, string]> = [
      [ids.au1, ids.u1],
      [ids.au2, ids.u2],
      [ids.au3, ids.u3],
      [ids.au4, ''],
    ];
    for (const [id, identity] of appUsers) {
      await db
        .insertInto('app_users')
        .values({
          id,
          app_id: ids.app,
          identity_user_id: identity,
          display_name: id,
          app_user_type: 'APP_USER_TYPE_USER',
          status: 'STATUS_ENABLED',
          ...audited,
        })
        .execute();
    }
    const grant = (id: string, entitlement: string, appUser: string, extra: object) => ({
      id,
      app_id: ids.app,
      app_entitlement_id: entitlement,
      app_user_id: appUser,
      source: 'MANUAL',
      bulk_action_id: null,
      created_at: iso(0),
      deprovision_at: null,
      deleted_at: null,
      ...extra,
    });
    await db
      .insertInto('grants')
      .values([
        // Added by the add action (u1's app user created for it), removed later by the set action.
        grant(ids.g1, ids.e, ids.au1, { bulk_action_id: ids.add, created_at: iso(1), deleted_at: iso(3) }),
        // Added by the add action, removed later by a remove-membership request.
        grant(ids.g2, ids.e, ids.au2, { bulk_action_id: ids.add, created_at: iso(1), deleted_at: iso(2) }),
        // Held before the add action, which found u3 already a member.
        grant(ids.g3, ids.e, ids.au3, {}),
        // Expired and swept.
        grant(ids.g4, ids.e, ids.au4, { deprovision_at: iso(1), deleted_at: iso(1) }),
        // Live on the second entitlement, and one past its time there but not swept yet.
        grant(ids.g5, ids.e2, ids.au1, {}),
        grant(ids.g6, ids.e2, ids.au2, { deprovision_at: iso(1) }),
      ])
      .execute();
    const event = (grantId: string, appUser: string, type: string, minutes: number, bulk: string | null) => ({
      id: newId(ms + minutes * 60_000),
      app_id: ids.app,
      app_entitlement_id: grantId === ids.g5 || grantId === ids.g6 ? ids.e2 : ids.e,
      app_user_id: appUser,
      grant_id: grantId,
      event_type: `GRANT_EVENT_TYPE_${type}`,
      occurred_at: iso(minutes),
      bulk_action_id: bulk,
    });
    await db
      .insertInto('grant_events')
      .values([
        event(ids.g3, ids.au3, 'ADDED', 0, null),
        event(ids.g4, ids.au4, 'ADDED', 0, null),
        event(ids.g5, ids.au1, 'ADDED', 0, null),
        event(ids.g6, ids.au2, 'ADDED', 0, null),
        event(ids.g1, ids.au1, 'ADDED', 1, ids.add),
        event(ids.g2, ids.au2, 'ADDED', 1, ids.add),
        event(ids.g2, ids.au2, 'REMOVED', 2, null),
        event(ids.g1, ids.au1, 'REMOVED', 3, ids.set),
        event(ids.g4, ids.au4, 'REMOVED', 4, null),
      ])
      .execute();

    const action = (id: string, kind: string, work: string[], actor: typeof addActor, minutes: number) => ({
      id,
      kind,
      app_id: ids.app,
      app_entitlement_id: ids.e,
      state: 'BULK_ACTION_STATE_SUCCEEDED',
      user_ids: JSON.stringify(work),
      total: work.length,
      processed: work.length,
      succeeded: work.length,
      failed: 0,
      actor_user_id: actor.userId,
      actor_client_id: actor.clientId,
      request_id: actor.requestId,
      created_at: iso(minutes),
      updated_at: iso(minutes),
      completed_at: iso(minutes),
    });
    await db
      .insertInto('bulk_actions')
      .values([
        {
          ...action(ids.add, 'ADD_MANUAL_USERS', [ids.u1, ids.u2, ids.u3], addActor, 1),
          total: 4,
          processed: 4,
          failed: 1,
          state: 'BULK_ACTION_STATE_PARTIALLY_FAILED',
        },
        action(ids.set, 'SET_MEMBERS', [`remove:${ids.au1}`], setActor, 3),
      ])
      .execute();
    await db
      .insertInto('bulk_action_chunks')
      .values([
        { bulk_action_id: ids.add, seq: 0, start_index: 0, end_index: 3, cursor: 3, done: 1 },
        { bulk_action_id: ids.set, seq: 0, start_index: 0, end_index: 1, cursor: 1, done: 1 },
      ])
      .execute();
    const item = (bulk: string, user: string, outcome: string, appUser: string | null, created: number) => ({
      bulk_action_id: bulk,
      user_id: user,
      outcome,
      app_user_id: appUser,
      app_user_created: created,
      error: outcome === 'FAILED' ? 'invalid user id' : null,
    });
    await db
      .insertInto('bulk_action_items')
      .values([
        item(ids.add, ids.u1, 'ADDED', ids.au1, 1),
        item(ids.add, ids.u2, 'ADDED', ids.au2, 0),
        item(ids.add, ids.u3, 'ALREADY_MEMBER', ids.au3, 0),
        item(ids.add, 'not an id', 'FAILED', null, 0),
        item(ids.set, ids.au1, 'REMOVED', ids.au1, 0),
      ])
      .execute();

    const log = (keep: boolean, entry: Parameters<typeof systemLogRow>[0]) => {
      const row = systemLogRow(entry);
      (keep ? keptLog : deletedLog).push(`${entry.operation} ${entry.targetId}`);
      return row;
    };
    const grantDetails = (appUserId: string) => ({ appId: ids.app, appEntitlementId: ids.e, appUserId });
    await db
      .insertInto('system_log_events')
      .values([
        log(true, {
          operation: 'bulk_action.created',
          activity: 'create',
          targetType: 'bulk_action',
          targetId: ids.add,
          actor: addActor,
          occurredAt: at(1),
          bulkActionId: ids.add,
        }),
        log(false, {
          operation: 'app_user.created',
          activity: 'create',
          targetType: 'app_user',
          targetId: ids.au1,
          actor: addActor,
          occurredAt: at(1),
          bulkActionId: ids.add,
          details: { appId: ids.app, identityUserId: ids.u1 },
        }),
        log(false, {
          operation: 'grant.added',
          activity: 'create',
          targetType: 'grant',
          targetId: ids.g1,
          actor: addActor,
          occurredAt: at(1),
          bulkActionId: ids.add,
          details: grantDetails(ids.au1),
        }),
        log(false, {
          operation: 'grant.added',
          activity: 'create',
          targetType: 'grant',
          targetId: ids.g2,
          actor: addActor,
          occurredAt: at(1),
          bulkActionId: ids.add,
          details: grantDetails(ids.au2),
        }),
        // A request's one event: kept, and its actor copied to the grant history.
        log(true, {
          operation: 'grant.removed',
          activity: 'delete',
          targetType: 'grant',
          targetId: ids.g2,
          actor: removeActor,
          occurredAt: at(2),
          details: grantDetails(ids.au2),
        }),
        log(true, {
          operation: 'bulk_action.created',
          activity: 'create',
          targetType: 'bulk_action',
          targetId: ids.set,
          actor: setActor,
          occurredAt: at(3),
          bulkActionId: ids.set,
        }),
        log(false, {
          operation: 'grant.removed',
          activity: 'delete',
          targetType: 'grant',
          targetId: ids.g1,
          actor: setActor,
          occurredAt: at(3),
          bulkActionId: ids.set,
          details: grantDetails(ids.au1),
        }),
        log(true, {
          operation: 'grant.expired',
          activity: 'delete',
          targetType: 'grant',
          targetId: ids.g4,
          actor: nobody,
          occurredAt: at(4),
          details: { ...grantDetails(ids.au4), reason: 'grant duration elapsed' },
        }),
        // A bulk action's event whose facts are nowhere in the grant history: kept.
        log(true, {
          operation: 'grant.added',
          activity: 'create',
          targetType: 'grant',
          targetId: 'lost-grant',
          actor: addActor,
          occurredAt: at(1),
          bulkActionId: ids.add,
        }),
      ])
      .execute();
  }

  beforeAll(async () => {
    database = await openTestDatabase(dialect, { upTo: '0008_scim' });
    await writeOldShape(database.handle.db as AnyDb);
    await migrateToLatest(database.handle);
    t = await startTestApp(dialect, { database });
  });
  afterAll(() => t.close());

  it('copies each per-row event’s actor, request and created app user into the grant history', async () => {
    const history = await t.db
      .selectFrom('grant_events')
      .select([
        'grant_id',
        'event_type',
        'bulk_action_id',
        'actor_user_id',
        'actor_client_id',
        'request_id',
        'app_user_created',
      ])
      .where('app_entitlement_id', '=', ids.e)
      .execute();
    const by = (grantId: string, type: string) =>
      history.find((e) => e.grant_id === grantId && e.event_type === `GRANT_EVENT_TYPE_${type}`);
    const named = (actor: typeof addActor) => ({
      actor_user_id: actor.userId,
      actor_client_id: actor.clientId,
      request_id: actor.requestId,
    });
    expect(by(ids.g1, 'ADDED')).toMatchObject({
      ...named(addActor),
      bulk_action_id: ids.add,
      app_user_created: 1,
    });
    expect(by(ids.g2, 'ADDED')).toMatchObject({
      ...named(addActor),
      bulk_action_id: ids.add,
      app_user_created: 0,
    });
    expect(by(ids.g2, 'REMOVED')).toMatchObject({ ...named(removeActor), bulk_action_id: null });
    expect(by(ids.g1, 'REMOVED')).toMatchObject({ ...named(setActor), bulk_action_id: ids.set });
    // Nobody asked for an expiry, and nothing recorded who made g3.
    const none = { actor_user_id: null, actor_client_id: null, request_id: null, app_user_created: 0 };
    expect(by(ids.g4, 'REMOVED')).toMatchObject(none);
    expect(by(ids.g3, 'ADDED')).toMatchObject(none);
    expect(history).toHaveLength(7);
  });

  it('deletes only the per-row events of bulk actions whose facts the grant history now holds', async () => {
    const log = await t.db
      .selectFrom('system_log_events')
      .select(['activity', 'target_id'])
      .where('target_id', 'in', [ids.add, ids.set, ids.au1, ids.g1, ids.g2, ids.g3, ids.g4, 'lost-grant'])
      .execute();
    expect(log.map((e) => `${e.activity} ${e.target_id}`).sort()).toEqual([...keptLog].sort());
    expect(deletedLog).toHaveLength(4);
    // Items are kept as they were.
    const items = await t.db.selectFrom('bulk_action_items').select('user_id').execute();
    expect(items).toHaveLength(5);
  });

  it('backfills the member counts with the unrevoked grants, and answers grantCount as before', async () => {
    expect(await storedMemberCount(t, ids.e)).toBe(1);
    expect(await storedMemberCount(t, ids.e2)).toBe(2);
    const get = async (id: string) =>
      (await t.request('GET', `/api/v1/apps/${ids.app}/entitlements/${id}`)).body.appEntitlementView
        .appEntitlement.grantCount;
    // g6 is past its deprovision time: counted until swept, but not held.
    expect(await get(ids.e)).toBe('1');
    expect(await get(ids.e2)).toBe('1');
  });

  it('reads old bulk actions’ outcomes exactly as they were stored', async () => {
    const added = await bulkItems(t, ids.add, 10);
    const expected = [
      { userId: ids.u1, outcome: 'ADDED', appUserId: ids.au1, appUserCreated: true, error: '' },
      { userId: ids.u2, outcome: 'ADDED', appUserId: ids.au2, appUserCreated: false, error: '' },
      { userId: ids.u3, outcome: 'ALREADY_MEMBER', appUserId: ids.au3, appUserCreated: false, error: '' },
      {
        userId: 'not an id',
        outcome: 'FAILED',
        appUserId: '',
        appUserCreated: false,
        error: 'invalid user id',
      },
    ].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    expect(added).toEqual(expected);
    expect(await bulkItems(t, ids.set, 10)).toEqual([
      { userId: ids.au1, outcome: 'REMOVED', appUserId: ids.au1, appUserCreated: false, error: '' },
    ]);
    // The same answers once the stored rows are gone: the grant history alone gives them.
    await t.db.deleteFrom('bulk_action_items').where('outcome', '!=', 'FAILED').execute();
    expect(await bulkItems(t, ids.add, 10)).toEqual(expected);
    expect((await bulkItems(t, ids.set, 10))[0]).toMatchObject({ userId: ids.au1, outcome: 'REMOVED' });
  });
});
