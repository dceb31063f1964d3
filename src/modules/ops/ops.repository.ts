import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { OPEN_STATES } from '../bulk-actions/index.js';

/** The cheapest statement that proves the database answers. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}

export interface BulkActionTotals {
  readonly openActions: number;
  /** Users of open actions no batch has handled yet. */
  readonly remainingUsers: number;
  readonly succeededUsers: number;
  readonly failedUsers: number;
}

/**
 * Backlog and lifetime throughput of bulk actions, read from their rows so every process reports the
 * same figures and they survive restarts. The totals scan bulk_actions (one row per add request).
 */
export async function bulkActionTotals(db: Executor): Promise<BulkActionTotals> {
  const open = await db
    .selectFrom('bulk_actions')
    .select((eb) => [
      eb.fn.countAll().as('actions'),
      eb.fn.coalesce(eb.fn.sum(eb('total', '-', eb.ref('processed'))), sql.lit(0)).as('remaining'),
    ])
    .where('state', 'in', OPEN_STATES)
    .executeTakeFirstOrThrow();
  const all = await db
    .selectFrom('bulk_actions')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum('succeeded'), sql.lit(0)).as('succeeded'),
      eb.fn.coalesce(eb.fn.sum('failed'), sql.lit(0)).as('failed'),
    ])
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count and sum of integers as bigint text.
  return {
    openActions: Number(open.actions),
    remainingUsers: Number(open.remaining),
    succeededUsers: Number(all.succeeded),
    failedUsers: Number(all.failed),
  };
}

/** Mail sent and given up on since the database was created, by the outbox's rows (CONTRACT.md §7.27). */
export async function mailTotals(db: Executor): Promise<{ sent: number; failed: number }> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['state', eb.fn.countAll().as('n')])
    .where('state', 'in', ['SENT', 'FAILED'])
    .groupBy('state')
    .execute();
  const count = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
  return { sent: count('SENT'), failed: count('FAILED') };
}
