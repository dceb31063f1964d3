import type { Selectable } from 'kysely';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { MailOutboxTable } from './notifications.table.js';

export type OutboxRow = Selectable<MailOutboxTable>;

/** The one row of notification_cursor. */
const CURSOR_ID = 'task-mails';

/** A system-log row's OCSF event, decoded from its JSON column (read through the change stream). */
export const loggedDetailsOf = (eventText: string): Record<string, unknown> => {
  const event = JSON.parse(eventText) as { unmapped?: Record<string, unknown> };
  return event.unmapped ?? {};
};

/**
 * The stored position in the change stream, after taking the turn on it: other processes' notifiers
 * wait here until this transaction ends (an advisory lock on PostgreSQL, the single writer on SQLite).
 */
export async function readNotificationCursor(
  db: Executor,
  dialect: DialectFeatures,
): Promise<string | undefined> {
  await dialect.serialize(db, 'roster:notification-cursor');
  const row = await db
    .selectFrom('notification_cursor')
    .select('cursor')
    .where('id', '=', CURSOR_ID)
    .executeTakeFirst();
  return row?.cursor;
}

/** The stored position, read without taking the turn on it (and without a transaction). */
export async function peekNotificationCursor(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('notification_cursor')
    .select('cursor')
    .where('id', '=', CURSOR_ID)
    .executeTakeFirst();
  return row?.cursor;
}

export async function writeNotificationCursor(db: Executor, cursor: string, now: string): Promise<void> {
  await db
    .insertInto('notification_cursor')
    .values({ id: CURSOR_ID, cursor, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ cursor, updated_at: now }))
    .execute();
}

/** Queues messages; one whose cause and recipient are already queued is left as it was. */
export async function insertOutbox(db: Executor, rows: readonly OutboxRow[]): Promise<void> {
  // 14 columns a row: 60 rows stay under SQLite's 999 parameters (and PostgreSQL's 65,535).
  for (let i = 0; i < rows.length; i += 60) {
    await db
      .insertInto('mail_outbox')
      .values(rows.slice(i, i + 60))
      .onConflict((oc) => oc.columns(['source_id', 'recipient_user_id']).doNothing())
      .execute();
  }
}

/** The people a cause's messages are already queued for (sent or not). */
export async function recipientsQueuedFor(db: Executor, sourceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('recipient_user_id')
    .where('source_id', '=', sourceId)
    .execute();
  return new Set(rows.map((row) => row.recipient_user_id));
}

/** Pending messages due at `now`, the longest-due first. */
export function listDueMail(db: Executor, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('state', '=', 'PENDING')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes a due message for one attempt by moving its next attempt to `until`: only one sender wins
 * (the update names the time it read), and a sender that dies mid-attempt leaves it due again then.
 */
export async function claimMail(db: Executor, row: OutboxRow, until: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ next_attempt_at: until })
    .where('id', '=', row.id)
    .where('state', '=', 'PENDING')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateMail(
  db: Executor,
  id: string,
  changes: Partial<Pick<OutboxRow, 'state' | 'attempts' | 'next_attempt_at' | 'last_error' | 'sent_at'>>,
): Promise<void> {
  await db.updateTable('mail_outbox').set(changes).where('id', '=', id).execute();
}
