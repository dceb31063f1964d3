import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForChangeStream } from '../../../test/change-writers.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { migrateToLatest } from '../../db/connect.js';
import { migrationProvider } from '../../db/migrations/index.js';
import type { Database } from '../../db/schema.js';
import { readChanges } from './index.js';

/** The rows of the two histories the change stream merges (the grants' and the system log's tables). */
type GrantEventsTable = Omit<Database['grant_events'], 'tx_id' | 'seq'>;
type SystemLogEventsTable = Omit<Database['system_log_events'], 'tx_id' | 'seq'>;

/**
 * The migration that gives events their change-stream positions keeps every existing row and
 * numbers them, both tables together, in the (occurred_at, id) order they were read in before;
 * events written afterwards come after all of them.
 */
const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

const grantEvent = (id: string, minute: number): Omit<GrantEventsTable, 'ticket_id'> => ({
  id,
  app_id: 'app',
  app_entitlement_id: 'entitlement',
  app_user_id: `user-${id}`,
  grant_id: `grant-${id}`,
  event_type: 'GRANT_EVENT_TYPE_ADDED',
  occurred_at: at(minute),
  bulk_action_id: null,
  actor_user_id: null,
  actor_client_id: null,
  request_id: null,
  app_user_created: 0,
});

const logEvent = (id: string, minute: number): SystemLogEventsTable => ({
  id,
  occurred_at: at(minute),
  activity: 'app.created',
  actor_user_id: 'admin',
  actor_client_id: null,
  target_type: 'app',
  target_id: id,
  request_id: 'request',
  bulk_action_id: null,
  event: JSON.stringify({ metadata: { uid: id } }),
});

describe.each(DIALECTS)('the change-stream migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('numbers existing events of both tables in (occurred_at, id) order and keeps them whole', async () => {
    const { db, dialect: features } = database.handle;
    const names = Object.keys(await migrationProvider.getMigrations());
    const before = names[names.findIndex((name) => name.endsWith('_change_stream')) - 1];
    if (!before) throw new Error('no migration before the change stream');
    const schema = await features.currentSchema(db);
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const result = await features.withSchemaChangeLock(db, () => migrator.migrateTo(before));
    expect(result.error).toBeUndefined();

    // Inserted out of order; two share a minute, so the ID decides between them.
    const grants = [grantEvent('g-b', 3), grantEvent('g-a', 1), grantEvent('g-c', 5)];
    const logs = [logEvent('s-z', 5), logEvent('s-a', 0), logEvent('s-m', 2)];
    // The tables as they were before the migration.
    const untyped = db as any;
    await untyped.insertInto('grant_events').values(grants).execute();
    await untyped.insertInto('system_log_events').values(logs).execute();

    await migrateToLatest(database.handle);
    await waitForChangeStream(database.handle);

    const expected = ['s-a', 'g-a', 's-m', 'g-b', 'g-c', 's-z'];
    const { changes, cursor } = await readChanges(db, features, '', 100);
    expect(changes.map((c) => c.row.id)).toEqual(expected);
    expect(changes.map((c) => c.kind)).toEqual([
      'system_log',
      'grant_history',
      'system_log',
      'grant_history',
      'grant_history',
      'system_log',
    ]);
    expect(changes.map((c) => [String(c.row.tx_id), String(c.row.seq)])).toEqual(
      expected.map((_, i) => ['0', String(i + 1)]),
    );
    // Every stored value is kept.
    for (const change of changes) {
      // ticket_id came with a later migration (0019), empty for what was stored before it.
      const {
        tx_id: _tx,
        seq: _seq,
        ticket_id: ticket,
        ...stored
      } = change.row as typeof change.row & {
        ticket_id?: string | null;
      };
      const original = [...grants, ...logs].find((row) => row.id === change.row.id);
      expect(stored).toEqual(original);
      expect(ticket ?? null).toBeNull();
    }

    // A new event comes after every migrated one, whichever time it carries.
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('grant_events')
        .values(await features.withChangePositions(trx, [grantEvent('g-new', 0)]))
        .execute();
    });
    await waitForChangeStream(database.handle);
    const next = await readChanges(db, features, cursor, 100);
    expect(next.changes.map((c) => c.row.id)).toEqual(['g-new']);
    expect(BigInt(next.changes[0]?.row.seq ?? 0)).toBeGreaterThan(6n);
  });
});
