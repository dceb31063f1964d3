import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/connect.js';
import { newId } from '../src/lib/ids.js';
import { bulkItems } from './fixtures.js';
import { DIALECTS, openTestDatabase, startTestApp, type TestApp, type TestDatabase } from './harness.js';

type AnyDb = Kysely<any>;

/**
 * Migration 0012 renames `bulk_actions.user_ids` to `work`: actions written before it keep their
 * work list, and an unfinished one is worked through from it by the runner afterwards.
 */
describe.each(DIALECTS)('migration 0012 on %s', (dialect) => {
  let database: TestDatabase;
  let t: TestApp;
  const ms = Date.parse('2026-01-01T00:00:00.000Z');
  const iso = new Date(ms).toISOString();
  const ids = {
    app: newId(ms),
    e: newId(ms),
    done: newId(ms),
    open: newId(ms),
    u1: newId(ms),
    u2: newId(ms),
  };
  const doneWork = [`add:${ids.u1}`, `remove:${newId(ms)}`];
  const openWork = [ids.u1, ids.u2];

  const action = (id: string, kind: string, work: string[], state: string, completed: boolean) => ({
    id,
    kind,
    app_id: ids.app,
    app_entitlement_id: ids.e,
    state,
    user_ids: JSON.stringify(work),
    total: work.length,
    processed: completed ? work.length : 0,
    succeeded: completed ? work.length : 0,
    failed: 0,
    actor_user_id: 'someone',
    actor_client_id: 'a-client',
    request_id: 'a-request',
    created_at: iso,
    updated_at: iso,
    completed_at: completed ? iso : null,
  });

  beforeAll(async () => {
    database = await openTestDatabase(dialect, { upTo: '0011_webhooks' });
    const db = database.handle.db as AnyDb;
    await db
      .insertInto('bulk_actions')
      .values([
        action(ids.done, 'SET_MEMBERS', doneWork, 'BULK_ACTION_STATE_SUCCEEDED', true),
        action(ids.open, 'ADD_MANUAL_USERS', openWork, 'BULK_ACTION_STATE_PENDING', false),
      ])
      .execute();
    await db
      .insertInto('bulk_action_chunks')
      .values([
        { bulk_action_id: ids.done, seq: 0, start_index: 0, end_index: 2, cursor: 2, done: 1 },
        { bulk_action_id: ids.open, seq: 0, start_index: 0, end_index: 2, cursor: 0, done: 0 },
      ])
      .execute();
    await migrateToLatest(database.handle);
    t = await startTestApp(dialect, { database });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('keeps every action’s work list under its new name', async () => {
    const rows = await t.db.selectFrom('bulk_actions').select(['id', 'work']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, JSON.parse(r.work)]))).toEqual({
      [ids.done]: doneWork,
      [ids.open]: openWork,
    });
  });

  it('lets the runner finish an action written before it, from that work list', async () => {
    await t.drainBulkActions();
    const [open] = await t.db.selectFrom('bulk_actions').selectAll().where('id', '=', ids.open).execute();
    expect(open).toMatchObject({ state: 'BULK_ACTION_STATE_FAILED', processed: 2, failed: 2 });
    // The entitlement never existed, so each user of the work list is a FAILED item.
    const items = await bulkItems(t, ids.open);
    expect(items.map((i) => [i.userId, i.outcome, i.error]).sort()).toEqual(
      openWork.map((u) => [u, 'FAILED', 'entitlement is deleted']).sort(),
    );
  });
});
