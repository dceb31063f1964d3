import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { newId } from '../../lib/ids.js';
import { finalState, finalStateSql } from './bulk-action.states.js';
import type { BulkActionsTable } from './bulk-actions.table.js';

const COUNTS = [
  { succeeded: 0, failed: 0 },
  { succeeded: 3, failed: 0 },
  { succeeded: 0, failed: 2 },
  { succeeded: 1, failed: 1 },
];

describe('the final state of a bulk action', () => {
  it('is SUCCEEDED without failures, FAILED without successes, else PARTIALLY_FAILED', () => {
    expect(COUNTS.map(finalState)).toEqual([
      'BULK_ACTION_STATE_SUCCEEDED',
      'BULK_ACTION_STATE_SUCCEEDED',
      'BULK_ACTION_STATE_FAILED',
      'BULK_ACTION_STATE_PARTIALLY_FAILED',
    ]);
  });
});

describe.each(DIALECTS)('the final state computed by SQL on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('is the state the code computes, for every outcome', async () => {
    const db = database.handle.db;
    const at = new Date().toISOString();
    const rows: BulkActionsTable[] = COUNTS.map((counts) => ({
      id: newId(),
      kind: 'ADD_MANUAL_USERS',
      app_id: newId(),
      app_entitlement_id: newId(),
      state: 'BULK_ACTION_STATE_RUNNING',
      work: '[]',
      total: counts.succeeded + counts.failed,
      processed: counts.succeeded + counts.failed,
      ...counts,
      deprovision_at: null,
      actor_user_id: '',
      actor_client_id: '',
      request_id: '',
      created_at: at,
      updated_at: at,
      completed_at: null,
    }));
    await db.insertInto('bulk_actions').values(rows).execute();
    await db
      .updateTable('bulk_actions')
      .set({ state: finalStateSql() })
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    const stored = await db
      .selectFrom('bulk_actions')
      .select(['id', 'state'])
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    const stateOf = new Map(stored.map((row) => [row.id, row.state]));
    expect(rows.map((row) => stateOf.get(row.id))).toEqual(COUNTS.map(finalState));
  });
});
